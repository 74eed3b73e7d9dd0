"""Search that finds what the sources say, as a reader sees it at 1280 px and on a 375 px phone:
the cited paragraphs are found by their own words below the statements, an uncertain
attribution reads as uncertain, filters browse without words and fold under one button on a
phone, result text is in the body's colour and filter menus show names exactly as written.
On the fictional mini story with an uncertain statement beside it (tests/search_fixture.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import SUB_PATH, window_at
from tests.conftest import built
from tests.search_fixture import MARKUP_NAME, ONLY_IN_THE_ARTICLE, search_story
from tools.static_server import serving

BOX = "input.md-search__input"
HEADER = "[data-xp-search] .xp-result"
ON_PAGE = "[data-xp-search-page] .xp-result"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = built(search_story(tmp_path_factory.mktemp("search-sources") / "story"))
    with serving(Path(root) / "site", SUB_PATH) as url:
        yield url


@pytest.fixture
def window(browser, request) -> Iterator[Page]:
    """A window `request.param` pixels wide: a touch phone at 375, a desktop at 1280."""
    with window_at(browser, request.param) as page:
        yield page


BOTH = pytest.mark.parametrize("window", [375, 1280], indirect=True, ids=["phone", "desktop"])


def header_results(page: Page, url: str, words: str) -> list[dict[str, str]]:
    """The header's results for `words` once they are all shown: title, kind, link, text."""
    page.goto(url, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator(BOX).fill(words)
    shown = f'[data-xp-search] [data-xp-results][data-shown="{words}"] a'
    page.locator(shown).first.wait_for()
    return page.locator(HEADER).evaluate_all(
        """items => items.map(i => ({
            title: i.querySelector('.xp-result__title').textContent,
            kind: i.querySelector('.xp-result__kind').textContent,
            href: i.querySelector('a').getAttribute('href'),
            words: i.querySelector('.xp-result__words')?.textContent || '',
            marked: [...i.querySelectorAll('mark')].map(m => m.textContent),
        }))"""
    )


@BOTH
def test_a_word_only_the_article_says_finds_its_paragraph(window, site_url):
    results = header_results(window, site_url, ONLY_IN_THE_ARTICLE)
    base = urlsplit(site_url).path
    assert results[0]["href"] == base + "sources/article/#p-4"
    assert results[0]["title"] == "In Fictional report on the Exampleton bridge vote, ¶4"
    assert results[0]["marked"] == [ONLY_IN_THE_ARTICLE]


@BOTH
def test_a_cited_paragraph_comes_below_the_statements_with_the_same_words(window, site_url):
    results = header_results(window, site_url, "expensive")
    kinds = [r["kind"] for r in results]
    assert kinds[0] == "Direct quote" and "Source paragraph" in kinds
    paragraph = kinds.index("Source paragraph")
    assert all(k == "Source paragraph" for k in kinds[paragraph:])
    assert results[paragraph]["marked"] == ["expensive”"] or results[paragraph]["marked"] == [
        "expensive"
    ]


@BOTH
def test_an_uncertain_attribution_reads_as_uncertain_not_as_joint_speakers(window, site_url):
    results = header_results(window, site_url, "second vote")
    titles = [r["title"] for r in results]
    assert titles[0] == "Ada Quill or Bram Stoker-Lee — who said it is uncertain"
    assert "Ada Quill, Bram Stoker-Lee" not in titles


@BOTH
def test_a_statement_result_shows_its_outlet(window, site_url):
    window.goto(site_url, wait_until="networkidle")
    window.keyboard.press("/")
    window.locator(BOX).fill("expensive")
    about = window.locator(HEADER).first.locator(".xp-result__about")
    assert about.inner_text() == "outlet unknown · date unknown"


@BOTH
def test_result_text_is_in_the_body_colour_and_only_the_title_is_a_link_colour(window, site_url):
    window.goto(site_url + "search/?q=expensive", wait_until="networkidle")
    first = window.locator(ON_PAGE).first
    first.wait_for()
    colours = first.evaluate(
        """r => ({
            words: getComputedStyle(r.querySelector('.xp-result__words')).color,
            title: getComputedStyle(r.querySelector('.xp-result__title')).color,
            body: getComputedStyle(document.querySelector('.md-typeset')).color,
        })"""
    )
    assert colours["words"] == colours["body"] != colours["title"]


@BOTH
def test_a_filter_alone_lists_every_statement_it_narrows_to(window, site_url):
    window.goto(site_url + "search/?speaker=" + quote("Ada Quill"), wait_until="networkidle")
    window.locator(ON_PAGE).first.wait_for()
    titles = window.locator(f"{ON_PAGE} .xp-result__title").all_inner_texts()
    assert titles == ["Ada Quill"]  # her one statement; the uncertain one is not hers alone
    assert window.locator("[data-xp-search-page] [data-xp-count]").inner_text() == "1 result"


def test_choosing_a_filter_with_no_words_browses_by_it(wide, site_url):
    wide.goto(site_url + "search/", wait_until="networkidle")
    wide.get_by_label("Speaker").select_option("Bram Stoker-Lee (who said it is uncertain)")
    wide.locator(ON_PAGE).first.wait_for()
    titles = wide.locator(f"{ON_PAGE} .xp-result__title").all_inner_texts()
    assert titles == ["Ada Quill or Bram Stoker-Lee — who said it is uncertain"]


def test_the_speaker_filter_lists_people_not_countries(wide, site_url):
    wide.goto(site_url + "search/", wait_until="networkidle")
    speaker = wide.get_by_label("Speaker")
    wide.wait_for_function("document.querySelector('select[name=speaker]').options.length > 1")
    options = speaker.locator("option").all_inner_texts()
    assert "Ada Quill" in options and "Norland" not in options
    assert "Norland" in wide.get_by_label("Country").locator("option").all_inner_texts()


def test_filter_menus_show_a_name_exactly_as_written(wide, site_url):
    wide.goto(site_url + "search/", wait_until="networkidle")
    wide.wait_for_function("document.querySelector('select[name=speaker]').options.length > 1")
    options = wide.get_by_label("Speaker").locator("option").all_inner_texts()
    assert MARKUP_NAME in options


def test_on_a_phone_the_filters_fold_under_one_filter_button(phone, site_url):
    phone.goto(site_url + "search/", wait_until="networkidle")
    fold = phone.get_by_role("button", name="Filter")
    speaker = phone.get_by_label("Speaker")
    assert fold.is_visible() and not speaker.is_visible()
    fold.click()
    speaker.wait_for(state="visible")
    assert fold.get_attribute("aria-expanded") == "true"


def test_on_a_desktop_the_filters_are_shown_without_a_button(wide, site_url):
    wide.goto(site_url + "search/", wait_until="networkidle")
    assert wide.get_by_label("Speaker").is_visible()
    assert not wide.get_by_role("button", name="Filter").is_visible()
