"""Every row of the refusals table (tests/content/refusals.py): its edit to a copy of the mini
story makes `check` and `generate` report exactly its message and nothing else; the table in
CONTRIBUTING.md is the table here; and every rule of the RULES registry is reached by a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import generate
from generator.content.linking import link
from generator.content.loading import load
from generator.content.rules import RULES
from generator.content.validation import validate
from generator.project import Project
from tests.conftest import MINI, ROOT, make_project, problems
from tests.content.refusals import REFUSALS, Refusal, apply
from tests.content.refusals_guide import END, START, reference


def broken(refusal: Refusal, into: Path) -> Path:
    root = make_project(MINI, into)
    for edit in (*refusal.before, refusal.edit):
        apply(root, edit)
    return root


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda r: r.message.split(": ", 1)[1][:60])
def test_check_and_generate_refuse_the_edit_with_its_message(tmp_path, refusal):
    root = broken(refusal, tmp_path / "mini")
    assert problems(root) == [refusal.message]
    written, found = generate(Project.at(root))
    assert (written, [p.headline() for p in found]) == ([], [refusal.message])


def test_the_table_in_the_guide_is_current():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    generated = text.split(START, 1)[1].split(END, 1)[0]
    assert generated.strip() == reference().strip(), "run `make docs` and commit"


@pytest.fixture(scope="module")
def reached(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Each rule's name, with the rows' messages it yields on the rows' edited stories."""
    into = tmp_path_factory.mktemp("reached")
    reached: dict[str, set[str]] = {rule.name: set() for rule in RULES}
    for index, refusal in enumerate(REFUSALS):
        project = Project.at(broken(refusal, into / str(index)))
        loaded = load(project.content, project.seeds, project.root, None)
        resolved, _unresolved = link(loaded, validate(loaded))
        for rule in RULES:
            found = {problem.headline() for problem in rule.check(resolved)}
            if refusal.message in found:
                reached[rule.name].add(refusal.message)
    return reached


@pytest.mark.parametrize("rule", [rule.name for rule in RULES])
def test_every_rule_is_reached_by_a_row(reached, rule):
    assert reached[rule], f"add a row to tests/content/refusals.py that breaks '{rule}'"
