"""No page has two elements with one id: anchors and permalinks must land on one place."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.verify.html import read, site_pages
from tests.conftest import edit, run_cli


def duplicate_ids(site: Path) -> list[str]:
    found = []
    for path in site_pages(site):
        counts = Counter(e.attrs["id"] for e in read(path).elements if "id" in e.attrs)
        found += [f"{path.relative_to(site)}: #{i} x{n}" for i, n in counts.items() if n > 1]
    return found


def built(root: Path) -> Path:
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_page_of_the_real_site_repeats_an_id(story_project):
    assert duplicate_ids(story_project / "site") == []


def test_no_page_of_the_fixture_site_repeats_an_id(mini_site):
    assert duplicate_ids(mini_site / "site") == []


def test_a_statement_with_two_speakers_is_one_card_per_page(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quill, stoker-lee]")
    assert duplicate_ids(built(mini)) == []


def test_a_record_id_that_equals_its_page_heading_is_not_repeated(mini):
    edit(mini, "content/glossary.yaml", "id: glass-river", "id: glossary")
    edit(mini, "content/events.yaml", "id: vote", "id: timeline")
    assert duplicate_ids(built(mini)) == []
