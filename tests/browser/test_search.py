"""Material's search, typed into as a reader would, finds the right pages."""

from __future__ import annotations

import pytest


def search(page, base_url: str, words: str) -> list[str]:
    page.goto(base_url, wait_until="networkidle")  # the search index has been fetched
    page.keyboard.press("/")  # Material's shortcut: focus the search box
    page.locator("input.md-search__input").press_sequentially(words, delay=20)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), 5))]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Starmer", "people/starmer/"),
        ("Meloni", "people/meloni/"),
        ("Poland", "countries/poland/"),
        ("hardest yards", "people/starmer/"),
        ("Germany", "countries/germany/"),
        ("very existence", "people/zelenskyy/"),
        ("final peace", "people/witkoff/"),
        ("root causes", "people/russian-officials/"),
    ],
)
def test_search_finds_the_page(watched, base_url, words, expected):
    page, _watch = watched
    hrefs = search(page, base_url, words)
    assert any(expected in href for href in hrefs), hrefs
