"""Search (Pagefind, through assets/javascripts/search.js), typed into as a reader would: on the
fictional mini story, each statement is a result of its own, questions about a speaker put their
words first, misspelt names still find the person, filters narrow the results and the keyboard
does everything; on the test story, every person, country and question is found by its name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from generator.build import check
from generator.content.linking import Linked
from generator.model import urls
from generator.pages.rendering import Links
from generator.project import Project
from tests.browser.conftest import SUB_PATH
from tools.static_server import serving

TOP = 5  # a reader looks at the first few results
BOX = "input.md-search__input"
RESULTS = ".xp-search .xp-result a"
HOME = Links(urls.SECTION_PAGES["home"], urls.DIRECTORY_URLS)


@pytest.fixture(scope="module")
def mini_url(mini_site) -> Iterator[str]:
    with serving(mini_site / "site", SUB_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def mini_story(mini_site) -> Linked:
    linked, problems = check(Project.at(mini_site))
    assert linked is not None and not problems
    return linked


def answered(page: Page, words: str) -> None:
    """Waits until the header's list shows the results of `words` (the list says which query it
    answers), with at least one result."""
    shown = json.dumps(words, ensure_ascii=False)  # a CSS string: \" and \\ escape alike
    page.locator(f"[data-xp-search] [data-xp-results][data-shown={shown}] a").first.wait_for()


def typed(page: Page, words: str) -> list[str]:
    """The links of the header's results for `words`, typed fast, as a quick typist would."""
    box = page.locator(BOX)
    box.fill("")
    page.locator(RESULTS).first.wait_for(state="detached")
    box.fill(words[:-1])
    box.press_sequentially(words[-1])
    answered(page, words)  # the results of the last keystroke, not an earlier one
    links = page.locator(RESULTS)
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def served(base_url: str, page: str, anchor: str | None = None) -> str:
    """The path a result links to: the page under the site's sub-path."""
    return urlsplit(base_url).path + urls.url_of(page) + (f"#{anchor}" if anchor else "")


def opened(page: Page, url: str) -> Page:
    page.goto(url, wait_until="networkidle")
    page.keyboard.press("/")
    return page


def test_a_statement_is_a_result_of_its_own_leading_to_its_permalink(watched, mini_url, mini_story):
    page, watch = watched
    statement = mini_story.graph.statements["stoker-lee-too-expensive"]
    word = max(statement.text.split(), key=len)
    hrefs = typed(opened(page, mini_url), word)
    assert hrefs[0] == urlsplit(mini_url).path + HOME.statement(statement)
    assert watch.failed == [] and watch.foreign == [] and watch.console_errors == []


def test_the_words_of_the_query_are_marked_in_the_result(watched, mini_url, mini_story):
    page, _watch = watched
    statement = mini_story.graph.statements["stoker-lee-too-expensive"]
    word = max(statement.text.split(), key=len)
    typed(opened(page, mini_url), word[:5])
    assert page.locator(".xp-search .xp-result").first.locator("mark").all_inner_texts() == [word]


def test_asking_what_someone_said_puts_their_words_first(watched, mini_url, mini_story):
    page, _watch = watched
    speaker = mini_story.graph.people["quill"]
    said = [
        HOME.statement(s) for s in mini_story.graph.statements.values() if speaker in s.speakers
    ]
    surname = str(speaker.name).split()[-1]
    hrefs = typed(opened(page, mini_url), f"what did {surname} say?")
    base = urlsplit(mini_url).path
    assert hrefs[: len(said)] == [base + url for url in said]


def test_a_name_misspelt_by_one_letter_still_finds_the_person(watched, mini_url, mini_story):
    page, _watch = watched
    person = mini_story.graph.people["quill"]
    surname = str(person.name).split()[-1]
    misspelt = surname[0] + ("a" if surname[1] != "a" else "e") + surname[2:]
    hrefs = typed(opened(page, mini_url), misspelt)
    assert served(mini_url, person.own_page()) in hrefs[:TOP]


def test_a_filter_narrows_the_results_to_its_kind(watched, mini_url):
    page, _watch = watched
    page.goto(mini_url + "search/?q=bridge", wait_until="networkidle")
    results = page.locator("[data-xp-search-page] .xp-result")
    results.first.wait_for()
    before = results.count()
    page.get_by_label("Kind").select_option("Paraphrase")
    page.wait_for_function(
        f"document.querySelectorAll('[data-xp-search-page] .xp-result').length < {before}"
    )
    kinds = page.locator("[data-xp-search-page] .xp-result__kind").all_inner_texts()
    assert kinds and set(kinds) == {"Paraphrase"}
    assert "kind=Paraphrase" in page.url


def test_slash_focuses_the_box_and_arrows_and_enter_open_a_result(watched, mini_url, mini_story):
    page, _watch = watched
    page.goto(mini_url, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    person = mini_story.graph.people["quill"]
    page.keyboard.type(str(person.name).split()[-1])
    answered(page, str(person.name).split()[-1])
    first = page.locator(RESULTS).first.get_attribute("href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{first}")


def test_escape_closes_the_results(watched, mini_url):
    page, _watch = watched
    page.goto(mini_url, wait_until="networkidle")
    page.keyboard.press("s")
    page.keyboard.type("bridge")
    page.locator(RESULTS).first.wait_for()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.locator(".xp-search .md-search__output").wait_for(state="hidden")


def test_enter_in_the_box_opens_the_search_page_with_every_result(watched, mini_url):
    page, _watch = watched
    opened(page, mini_url).keyboard.type("bridge")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=bridge")
    page.locator("[data-xp-search-page] .xp-result").first.wait_for()
    assert page.locator("[data-xp-search-page] [data-xp-count]").inner_text().endswith("results")


@pytest.mark.story
def test_search_finds_every_person_country_and_question(watched, base_url, story):
    page, _watch = watched
    opened(page, base_url)
    wanted = [
        *((p.name, p.own_page()) for p in story.graph.people.values()),
        *((c.name, c.own_page()) for c in story.graph.countries.values()),
        *((q.question, q.own_page()) for q in story.graph.questions.values()),
    ]
    missed = []
    for words, target in wanted:
        hrefs = typed(page, str(words))[:TOP]
        if served(base_url, target) not in hrefs:
            missed.append((words, hrefs))
    assert missed == []


@pytest.mark.story
def test_the_search_page_of_a_name_lists_that_persons_words(watched, base_url, story):
    page, _watch = watched
    speaker = next(s for s in story.graph.speakers if s.collection.name == "people")
    page.goto(base_url + "search/?q=" + quote(str(speaker.name)), wait_until="networkidle")
    first = page.locator("[data-xp-search-page] .xp-result").first
    first.wait_for()
    assert first.locator(".xp-result__title").inner_text().startswith(str(speaker.name))


def test_on_a_phone_the_search_button_opens_the_box_focused(phone, mini_url):
    phone.goto(mini_url, wait_until="networkidle")
    phone.locator("label.md-header__button[for=__search]").click()
    phone.wait_for_function("document.activeElement.name === 'q'")
    phone.keyboard.type("bridge")
    phone.locator(RESULTS).first.wait_for()


def test_on_a_phone_the_open_search_box_is_as_wide_as_the_screen(phone, mini_url):
    phone.goto(mini_url, wait_until="networkidle")
    phone.keyboard.press("/")
    phone.keyboard.type("bridge")
    phone.locator(RESULTS).first.wait_for()
    # On a phone the layout widens with what overflows it: compare with the screen itself.
    assert phone.evaluate("document.documentElement.scrollWidth") == phone.viewport_size["width"]
