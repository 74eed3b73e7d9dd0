"""Rendered Markdown of the fixture story matches the reviewed golden files (`make golden`)."""

from __future__ import annotations

from tests.golden import GOLDEN, rendered


def test_rendered_pages_match_the_golden_files():
    pages = rendered()
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert set(pages) == golden, "pages were added or removed: run `make golden` and review"
    for relative, text in pages.items():
        expected = (GOLDEN / relative).read_text(encoding="utf-8")
        assert text == expected, f"{relative} changed: run `make golden` and review the diff"


def test_rendering_twice_gives_identical_pages():
    assert rendered() == rendered()
