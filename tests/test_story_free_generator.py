"""The generator knows no story: no name from the content appears in its code or templates."""

from __future__ import annotations

import re

from generator.build import check
from tests.conftest import MINI, ROOT, in_place

ALWAYS = [
    "ukrain",
    "macron",
    "starmer",
    "zelensk",
    "witkoff",
    "kremlin",
    "kushner",
    "meloni",
    "putin",
    "exampleton",
    "norland",
]


def story_names() -> set[str]:
    names: set[str] = set()
    for root in (ROOT, MINI):
        linked, _ = check(in_place(root))
        assert linked is not None
        records = [*linked.people.values(), *linked.groups.values(), *linked.countries.values()]
        for record in records:
            for name in [record.name, *getattr(record, "aliases", [])]:
                names.update(w for w in re.findall(r"[A-Z][a-z]{3,}", name))
    return names


def test_no_story_word_in_generator_code_or_templates():
    names = story_names()
    assert {"Starmer", "Ukraine", "Exampleton"} <= names
    found = []
    for path in sorted((ROOT / "generator").rglob("*")):
        if path.suffix not in {".py", ".j2", ".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {w}" for w in ALWAYS if w in text.lower()]
        found += [f"{path.name}: {w}" for w in names if re.search(rf"\b{w}\b", text)]
    assert found == []
