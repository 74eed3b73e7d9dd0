"""Validate content files against the JSON Schema each names on its first line.

`python -m tools.check_schemas FILE...` (the pre-commit hook) prints `file:line:column: message`
for every error and exits 1 if there is any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from generator.yamlsource import parse

MARKER = "# yaml-language-server: $schema="


def schema_errors(path: Path) -> list[str]:
    raw = path.read_bytes()
    first = raw.decode("utf-8", errors="replace").splitlines()[:1]
    if not first or not first[0].startswith(MARKER):
        return [f"{path}:1:1: the first line must name the schema: {MARKER}…"]
    schema = json.loads((path.parent / first[0][len(MARKER) :]).read_text(encoding="utf-8"))
    document, problems = parse(raw, str(path))
    if document is None:
        return [problem.headline() for problem in problems]
    errors = []
    for error in Draft202012Validator(schema).iter_errors(document.data):
        mark = document.mark(tuple(error.absolute_path))
        errors.append(f"{path}:{mark.line}:{mark.column}: {error.message}")
    return errors


def main(paths: list[str]) -> int:
    errors = [error for path in paths for error in schema_errors(Path(path))]
    for error in errors:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
