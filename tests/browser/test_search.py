"""Material's search, typed into as a reader would, finds the page of every person, country and
question of the story: whatever the story holds, not a list of today's names."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator import urls

pytestmark = pytest.mark.story
TOP = 5  # a reader looks at the first few results


def results_for(page, words: str) -> list[str]:
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    # Material searches on each key released: emptying the box clears the last results, and
    # the words are then typed fast (all but the last key at once), as a quick typist would.
    box.fill("")
    box.press("Backspace")
    results.first.wait_for(state="detached", timeout=10_000)
    box.fill(words[:-1])
    box.press_sequentially(words[-1])
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(150)  # results settle after the last keystroke
    return [results.nth(i).get_attribute("href") or "" for i in range(min(results.count(), TOP))]


def test_search_finds_every_person_country_and_question(watched, base_url, story):
    page, _watch = watched
    page.goto(base_url, wait_until="networkidle")  # the search index has been fetched
    page.keyboard.press("/")  # Material's shortcut: focus the search box
    wanted = [
        *((p.name, p.own_page()) for p in story.graph.people.values()),
        *((c.name, c.own_page()) for c in story.graph.countries.values()),
        *((q.question, q.own_page()) for q in story.graph.questions.values()),
    ]
    missed = []
    for words, target in wanted:
        hrefs = results_for(page, words)
        if not any(urlsplit(href).path.endswith("/" + urls.url_of(target)) for href in hrefs):
            missed.append((words, hrefs))
    assert missed == []
