"""The golden Markdown of the fictional fixture stories (mini, and multi: many sources over
time). `make golden` rewrites it from the current templates; review the diff before committing."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from generator.build import check
from generator.pages.rendering import render
from generator.project import Project
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN_ROOT = ROOT / "tests" / "golden"
STORIES = ("mini", "multi")


def golden(story: str) -> Path:
    return GOLDEN_ROOT / story


def rendered(story: str) -> dict[str, str]:
    # No parse cache: the golden pages come from the fixture's files as they are now.
    linked, problems = check(dataclasses.replace(Project.at(FIXTURES / story), cache=None))
    assert linked is not None and not problems, problems
    return render(linked)


def main() -> None:
    for story in STORIES:
        folder = golden(story)
        shutil.rmtree(folder, ignore_errors=True)
        for relative, text in rendered(story).items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        written = len(list(folder.rglob("*.*")))
        print(f"Wrote {written} golden files to {folder.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
