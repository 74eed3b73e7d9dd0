"""The golden Markdown of the fictional fixture story. `make golden` rewrites it from the
current templates; review the diff before committing it."""

from __future__ import annotations

import dataclasses
import shutil

from generator.build import Project, check
from generator.render import render
from tests.conftest import MINI, ROOT

GOLDEN = ROOT / "tests" / "golden" / "mini"


def rendered() -> dict[str, str]:
    # No parse cache: the golden pages come from the fixture's files as they are now.
    linked, problems = check(dataclasses.replace(Project.at(MINI), cache=None))
    assert linked is not None and not problems, problems
    pages = render(linked)
    return pages


def main() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for relative, text in rendered().items():
        target = GOLDEN / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    print(f"Wrote {len(list(GOLDEN.rglob('*.*')))} golden files to {GOLDEN.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
