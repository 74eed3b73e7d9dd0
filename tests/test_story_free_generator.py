"""The generator knows no story: no name of the test stories (which the tests own) appears in its
code, templates or theme, as a whole word. The tests' stories stand in for any story: the
generator that names none of theirs has no place for a story's names either."""

from __future__ import annotations

import re

from generator.build import check
from tests.conftest import MINI, MULTI, ROOT, in_place

CODE = {".py", ".j2", ".html", ".css", ".js"}


def story_names() -> set[str]:
    """Every capitalised word of four letters or more in a test story's names and aliases."""
    names: set[str] = set()
    for root in (MINI, MULTI):
        linked, _ = check(in_place(root))
        assert linked is not None
        records = [*linked.people.values(), *linked.groups.values(), *linked.countries.values()]
        for record in records:
            for name in [record.name, *getattr(record, "aliases", [])]:
                names.update(re.findall(r"\b[A-Z][a-z]{3,}\b", name))
    return names


def test_the_story_names_are_those_of_the_test_stories():
    assert {"Exampleton", "Norland"} <= story_names()


def test_no_story_word_in_generator_code_or_templates():
    names = story_names()
    found = []
    for path in sorted((ROOT / "generator").rglob("*")):
        if path.suffix not in CODE:
            continue
        # Whole identifiers only: `typing.Union` does not name a union of countries.
        words = set(re.findall(r"[A-Za-z]+", path.read_text(encoding="utf-8")))
        found += [f"{path.relative_to(ROOT)}: {name}" for name in sorted(names & words)]
    assert found == []
