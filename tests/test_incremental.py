"""Generation rewrites only what changed: nothing when nothing changed, and after an edit to one
statement, only the pages (and data files) that show it."""

from __future__ import annotations

from generator.build import Project, generate
from tests.conftest import edit


def mtimes(folder):
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_nothing_changed_rewrites_nothing(mini):
    project = Project.at(mini)
    written, problems = generate(project)
    assert problems == [] and written
    before = mtimes(project.docs)
    assert generate(project) == ([], [])
    assert mtimes(project.docs) == before


def test_one_changed_statement_rewrites_only_the_pages_that_show_it(mini):
    project = Project.at(mini)
    generate(project)
    new_text = "Norland will not pay a single coin for the bridge."
    edit(
        mini,
        "content/statements.yaml",
        "text: Norland will not pay for any part of the bridge.",
        f"text: {new_text}",
    )
    written, problems = generate(project)
    assert problems == []
    showing = {
        p.relative_to(project.docs).as_posix()
        for p in project.docs.rglob("*")
        if p.is_file() and new_text in p.read_text(encoding="utf-8")
    }
    assert set(written) == showing
    assert {"countries/norland.md", "statements/index.md", "data/facts.json"} <= showing
    assert "people/quill.md" not in written
