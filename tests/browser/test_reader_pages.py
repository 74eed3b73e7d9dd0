"""What a reader sees of the test story's pages, whoever its people are: names in the people
table never break inside a word on a phone, and no tab title repeats the story's title."""

from __future__ import annotations

import pytest

from tests.browser.conftest import all_pages, loaded

pytestmark = pytest.mark.story

# For each link in the table's first column, the words that span more than one line box.
BROKEN_WORDS = """() => [
  ...document.querySelectorAll('.xp-table tbody td:first-child a')
].flatMap(a => {
  const text = a.firstChild;
  const words = [...text.data.matchAll(/\\S+/g)];
  return words.filter(w => {
    const range = document.createRange();
    range.setStart(text, w.index);
    range.setEnd(text, w.index + w[0].length);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
  }).map(w => w[0]);
})"""


def test_names_in_the_people_table_do_not_break_inside_a_word_on_a_phone(phone, base_url):
    phone.goto(base_url + "people/", wait_until="networkidle")
    assert phone.locator(".xp-table tbody td:first-child a").count() > 0
    assert phone.evaluate(BROKEN_WORDS) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_no_tab_title_repeats_the_story_title(watched, base_url, story_project, story):
    page, _watch = watched
    title = story.graph.story.title
    addresses = [base_url + path for path in all_pages(story_project / "site")]
    repeated = [
        f"{address}: {tab.title()}"
        for address, tab in loaded(page, addresses)
        if tab.title().count(title) != 1
    ]
    assert repeated == []
