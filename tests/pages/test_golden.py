"""Rendered Markdown of the fixture stories matches the reviewed golden files (`make golden`)."""

from __future__ import annotations

import pytest

from tests.golden import STORIES, golden, rendered


@pytest.mark.parametrize("story", STORIES)
def test_rendered_pages_match_the_golden_files(story):
    pages = rendered(story)
    folder = golden(story)
    expected_pages = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert set(pages) == expected_pages, "pages were added or removed: run `make golden` and review"
    for relative, text in pages.items():
        expected = (folder / relative).read_text(encoding="utf-8")
        assert text == expected, f"{relative} changed: run `make golden` and review the diff"


def test_rendering_twice_gives_identical_pages():
    assert rendered("mini") == rendered("mini")
