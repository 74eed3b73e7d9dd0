"""ARCHITECTURE.md's "Adding a rule", followed to the letter on a copy of the code: the function
and the registry row make `python -m generator check` refuse the table entry's edit with the
table entry's located message, and the unedited story still passes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINI, make_project, problems
from tests.content.refusals import Edit, Refusal, apply
from tests.walkthrough import code_blocks, copy_of_the_code, run

SECTION = "## Adding a rule"


def table_entry(block: str) -> Refusal:
    """The documented row of REFUSALS, as written there (the tuple's comma left out)."""
    refusal = eval(block, {"Edit": Edit, "Refusal": Refusal})
    assert isinstance(refusal, Refusal)
    return refusal


def follow_the_example(code: Path) -> Refusal:
    """Copies the generator, adds the function and the row; returns the table entry."""
    copy_of_the_code(code)
    function, row, entry = code_blocks(SECTION)
    checks = code / "generator" / "content" / "checks.py"
    checks.write_text(checks.read_text(encoding="utf-8") + "\n\n" + function + "\n", "utf-8")
    rules = code / "generator" / "content" / "rules.py"
    text = rules.read_text(encoding="utf-8")
    start = text.index("RULES: tuple[Rule, ...] = (")
    end = text.index("\n)\n", start)
    rules.write_text(text[:end] + "\n    " + row + "," + text[end:], encoding="utf-8")
    return table_entry(entry)


def check(code: Path, story: Path) -> subprocess.CompletedProcess[str]:
    return run(code, "--root", str(story), "check")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Refusal, Path]:
    """The changed code, the documented table entry, and a copy of the mini story."""
    folder = tmp_path_factory.mktemp("rule-example")
    refusal = follow_the_example(folder / "code")
    return folder / "code", refusal, folder


def test_the_example_has_a_function_a_row_and_a_table_entry():
    assert [block.split("(", 1)[0] for block in code_blocks(SECTION)] == [
        "def topic_names",
        "Rule",
        "Refusal",
    ]


def test_the_new_rule_refuses_the_documented_edit_with_the_documented_message(example):
    code, refusal, folder = example
    story = make_project(MINI, folder / "broken")
    apply(story, refusal.edit)
    done = check(code, story)
    assert done.returncode != 0
    assert refusal.message in done.stderr.splitlines(), done.stderr
    assert "1 problem found." in done.stderr.splitlines()


def test_without_the_new_rule_the_documented_edit_is_accepted(tmp_path):
    _function, _row, entry = code_blocks(SECTION)
    story = make_project(MINI, tmp_path / "mini")
    apply(story, table_entry(entry).edit)
    assert problems(story) == []


def test_the_unedited_story_still_passes(example):
    code, _refusal, folder = example
    done = check(code, make_project(MINI, folder / "unedited"))
    assert done.returncode == 0, done.stderr
    assert "Content OK" in done.stdout
