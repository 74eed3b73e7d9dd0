"""Validate content files on their own, as `make check` does, for the pre-commit hook.

`python -m tools.check_schemas FILE...` prints the same `file:line:column: message` lines as
`make check` for every record error in each file (references between files are left to
`make check`), checks that each file names its JSON Schema on its first line, and exits 1 if
anything is wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.content.validation import validate_file
from generator.content.yamlsource import parse, read
from generator.model.parts import Record
from generator.model.records import COLLECTIONS, Article
from generator.model.schema import SIDECAR

MARKER = "# yaml-language-server: $schema="
MODELS: dict[str, tuple[type[Record], bool]] = {
    **{c.name: (c.model, c.many) for c in COLLECTIONS},
    SIDECAR: (Article, False),
}


def schema_errors(path: Path) -> list[str]:
    """Every problem in one file, as `path:line:column: message` headlines."""
    raw, problems = read(path, str(path))
    if raw is None:
        return [problem.headline() for problem in problems]
    first = raw.decode("utf-8", errors="replace").splitlines()[:1]
    if not first or not first[0].startswith(MARKER):
        return [f"{path}:1:1: the first line must name the schema: {MARKER}…"]
    name = Path(first[0][len(MARKER) :]).name.removesuffix(".schema.json")
    if name not in MODELS:
        return [f"{path}:1:1: no schema is called {name}.schema.json: see schemas/"]
    document, problems = parse(raw, str(path))
    if document is None:
        return [problem.headline() for problem in problems]
    model, many = MODELS[name]
    return [problem.headline() for problem in sorted(validate_file(document, model, many))]


def main(paths: list[str]) -> int:
    found = 0
    for path in paths:
        errors = schema_errors(Path(path))
        found += len(errors)
        for error in errors:
            print(error)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
