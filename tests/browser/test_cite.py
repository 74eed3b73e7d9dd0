"""Checkable in one tap, and shareable, on the fictional fixtures: a citation is a 44 px target
that lands on the quoted words, marked inside the highlighted paragraph, and previews that
paragraph; a card's Copy link copies its share link; a share link opens on the statement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.content.quotation import normalise_space
from tests.browser.conftest import SUB_PATH
from tests.conftest import ROOT, built, edit, make_project
from tools.static_server import serving

MULTI = ROOT / "tests" / "fixtures" / "multi"
pytestmark = pytest.mark.xdist_group("cite-sites")  # each site built once, on one worker

# Piet Annar's quotation, as its first source prints it and as a third prints it (« – »).
WORDS = "The river doesn’t belong to one country… We will share every litre — no more, no less"
PRINTED = "The river doesn’t belong to one country… We will share every litre – no more, no less"
ANNAR = "people/annar/"
# The text of every element the page shows marked (with a background): the quoted words.
MARKED = """() => [...document.querySelectorAll('.md-content mark')]
  .filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)')
  .map(m => m.textContent).join('')"""
# Each visible citation smaller than 44 × 44 px, and each that overlaps another link or button.
TARGETS = """() => {
  const cites = [...document.querySelectorAll('.md-content a.xp-cite')]
    .filter(e => e.getClientRects().length);
  const others = [...document.querySelectorAll('.md-content a, .md-content button')]
    .filter(e => e.getClientRects().length);
  const crosses = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const small = [], overlaps = [];
  for (const cite of cites) {
    const box = cite.getBoundingClientRect();
    if (box.width < 44 || box.height < 44) small.push(cite.textContent);
    for (const other of others) {
      if (other === cite || other.contains(cite) || cite.contains(other)) continue;
      if ([...other.getClientRects()].some(r => crosses(box, r))) {
        overlaps.push(cite.textContent + ' / ' + other.textContent);
      }
    }
  }
  return {count: cites.length, small: small, overlaps: overlaps};
}"""


@pytest.fixture(scope="module")
def multi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = built(make_project(MULTI, tmp_path_factory.mktemp("cite-multi"))) / "site"
    with serving(site, SUB_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def mini_url(mini_site: Path) -> Iterator[str]:
    with serving(mini_site / "site", SUB_PATH) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def cites(page: Page):
    """The citation links of Piet Annar's quotation: one for each of its three reports."""
    return page.locator("#s-annar-every-litre .xp-reports a.xp-cite")


@pytest.mark.parametrize("width", [1280, 375])
def test_every_citation_is_a_44_px_target_that_overlaps_no_other_link(browser, multi_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in (ANNAR, "people/dusek/", "countries/ostravia/", "timeline/"):
        page.goto(multi_url + path)
        found = page.evaluate(TARGETS)
        assert found["count"] > 0, path
        assert found["small"] == [], path
        assert found["overlaps"] == [], path
    context.close()


def test_a_quotes_citation_lands_on_its_words_marked_in_the_highlighted_paragraph(page, multi_url):
    page.goto(multi_url + ANNAR)
    cites(page).first.click()
    page.wait_for_url("**/sources/northgate-press-agency-2026-03-02/#q-2-annar-every-litre")
    assert page.evaluate(MARKED) == WORDS
    target = page.locator(":target")
    assert target.evaluate("e => e.closest('.xp-paragraph').id") == "p-2"
    shade = "e => getComputedStyle(e).backgroundColor"
    assert page.locator("#p-2").evaluate(shade) != "rgba(0, 0, 0, 0)"
    assert page.locator("#p-1").evaluate(shade) == "rgba(0, 0, 0, 0)"
    assert target.is_visible()


def test_a_report_in_another_printing_lands_on_the_words_as_that_source_printed_them(
    page, multi_url
):
    page.goto(multi_url + ANNAR)
    cites(page).nth(2).click()
    page.wait_for_url("**/sources/cordenia-today-2026-03-11/#q-2-annar-every-litre")
    assert page.evaluate(MARKED) == PRINTED


def test_hovering_a_citation_previews_its_paragraph_outlet_date_and_the_original(page, multi_url):
    page.goto(multi_url + ANNAR, wait_until="networkidle")
    original = page.locator("#s-annar-every-litre .xp-reports a.xp-original").first
    cites(page).first.hover()
    preview = page.locator(".xp-preview")
    preview.locator("a", has_text="Go to the paragraph").wait_for()
    assert preview.get_attribute("role") == "dialog"
    assert normalise_space(preview.locator(".xp-preview__source").inner_text()) == (
        "Northgate Press Agency · 2 March 2026"
    )
    text = normalise_space(preview.locator(".xp-preview__text").inner_text())
    assert text == f"¶2 “{WORDS},” Energy Minister Piet Annar told reporters in Lisk."
    assert preview.locator("mark").all_text_contents() == [WORDS]
    link = preview.locator("a", has_text="The words in the original")
    assert link.get_attribute("href") == original.get_attribute("href")
    assert page.url == multi_url + ANNAR  # hovering goes nowhere


def test_keyboard_focus_shows_the_preview_and_escape_closes_it(page, multi_url):
    page.goto(multi_url + ANNAR, wait_until="networkidle")
    cite = cites(page).first
    cite.focus()
    preview = page.locator(".xp-preview")
    preview.locator(".xp-preview__text").wait_for()
    assert cite.get_attribute("aria-expanded") == "true"
    assert cite.get_attribute("aria-controls") == preview.get_attribute("id")
    page.keyboard.press("Escape")
    assert preview.count() == 0
    assert cite.get_attribute("aria-expanded") == "false"
    assert cite.evaluate("e => e === document.activeElement")


def test_the_first_tap_on_a_citation_opens_the_preview_and_its_link_goes_on(phone, multi_url):
    phone.goto(multi_url + ANNAR, wait_until="networkidle")
    cites(phone).nth(2).tap()
    preview = phone.locator(".xp-preview")
    preview.locator(".xp-preview__text").wait_for()
    assert phone.url == multi_url + ANNAR  # the first tap stays on the page
    assert preview.locator("mark").all_text_contents() == [PRINTED]
    assert normalise_space(preview.locator(".xp-preview__source").inner_text()) == (
        "Cordenia Today, via Northgate Press Agency · 11 March 2026"
    )
    preview.locator("a", has_text="Go to the paragraph").tap()
    phone.wait_for_url("**/sources/cordenia-today-2026-03-11/#q-2-annar-every-litre")
    assert phone.evaluate(MARKED) == PRINTED


def test_a_preview_says_when_the_outlet_date_and_original_are_unknown(page, mini_url):
    page.goto(mini_url + "people/quill/", wait_until="networkidle")
    page.locator("#s-quill-before-winter a.xp-cite").first.hover()
    preview = page.locator(".xp-preview")
    preview.locator(".xp-preview__text").wait_for()
    assert preview.locator(".xp-preview__source").inner_text() == "Outlet unknown · date unknown"
    assert preview.locator("mark").all_text_contents() == ["We will open the bridge before winter"]
    assert preview.locator("a").all_text_contents() == ["Go to the paragraph"]


def test_copy_link_copies_a_quotes_words_speaker_source_and_link_and_says_so(page, multi_url):
    page.goto(multi_url + ANNAR, wait_until="networkidle")
    page.locator("#s-annar-every-litre button.xp-copy").click()
    status = page.locator("[role=status]")
    status.filter(has_text="copied").wait_for()
    assert status.inner_text() == "Link and quotation copied"
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"“{WORDS}” — Piet Annar, Northgate Press Agency, 2 March 2026, ¶2 "
        f"{multi_url}said/annar-every-litre/"
    )


# Roos's words that the article gives to Roos alone or to Annar and Roos together.
TURBINES = "said/turbines-will-not-wait/"
READINGS = "Edvin Roos, or Piet Annar and Edvin Roos"
NOTE = (
    "Who said it is uncertain: The recording leaves unclear whether Roos said it alone or Annar "
    "and Roos said it together."
)


@pytest.mark.parametrize("width", [375, 1280])
def test_copying_an_uncertain_quotation_keeps_its_readings_and_uncertain(browser, multi_url, width):
    context = browser.new_context(
        viewport={"width": width, "height": 740},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.goto(multi_url + "people/roos/", wait_until="networkidle")
    card = page.locator("#s-turbines-will-not-wait")
    assert normalise_space(card.locator(".xp-statement__who").inner_text()).endswith(
        "Who said it is uncertain: " + READINGS
    )
    card.locator("button.xp-copy").click()
    page.locator("[role=status]").filter(has_text="copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"“Ostravia's turbines will not wait for it” — {READINGS} (who said it is uncertain), "
        f"The Ilvan Herald, 16 March 2026, ¶4 {multi_url}{TURBINES}"
    )
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_share_page_says_who_may_have_said_it_and_why_it_is_uncertain(browser, multi_url, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    shared = page.request.get(multi_url + TURBINES).text()
    # As a reader whose browser does not follow the page's refresh on to the card sees it.
    page.set_content(shared.replace('http-equiv="refresh"', 'name="x-refresh"'))
    assert page.locator("h1").inner_text() == READINGS
    note = page.locator("main p").filter(has_text="uncertain")
    assert normalise_space(note.inner_text()) == NOTE
    box = note.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    description = page.locator('meta[property="og:description"]').get_attribute("content")
    assert description is not None and description.startswith(READINGS + " (uncertain who")
    # The link opens one candidate's page: it does not say that all of them said it.
    assert page.locator("main a").inner_text() == (
        "See it on the page of Edvin Roos, one of those who may have said it"
    )
    context.close()


def test_copy_link_copies_a_reported_statements_link(page, multi_url):
    page.goto(multi_url + "people/dusek/", wait_until="networkidle")
    page.locator("#s-dusek-ask-halt button.xp-copy").click()
    page.locator("[role=status]").filter(has_text="copied").wait_for()
    assert page.locator("[role=status]").inner_text() == "Link copied"
    assert page.evaluate("navigator.clipboard.readText()") == f"{multi_url}said/dusek-ask-halt/"


def test_without_a_script_there_is_no_copy_button_but_the_permalink(browser, multi_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(multi_url + ANNAR)
    card = page.locator("#s-annar-every-litre")
    assert card.locator("button.xp-copy").count() == 1  # there, for the script to show
    assert not card.locator("button.xp-copy").is_visible()
    assert card.locator("a.xp-permalink").is_visible()
    context.close()


def test_a_shared_link_opens_on_the_statement_outlined_below_the_header(page, multi_url):
    page.goto(multi_url + "said/dusek-not-charity/")
    page.wait_for_url("**/people/dusek/#s-dusek-not-charity")
    card = page.locator(":target")
    assert card.get_attribute("id") == "s-dusek-not-charity"
    assert card.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    header = page.locator("header.md-header").bounding_box()
    box = card.bounding_box()
    assert header is not None and box is not None
    assert header["y"] + header["height"] <= box["y"] < 900


# What a link preview reads of a share page: its HTML as served, without running it.
SHARED = """async url => {
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const meta = name => doc.querySelector('meta[' + name + ']').getAttribute('content');
  const link = [...doc.querySelectorAll('a')].find(a => a.textContent.startsWith('See it'));
  return {
    title: doc.title, og_title: meta('property="og:title"'),
    twitter_title: meta('name="twitter:title"'), og_description: meta('property="og:description"'),
    twitter_description: meta('name="twitter:description"'),
    link: link.textContent, href: link.getAttribute('href'),
  };
}"""


def test_a_share_page_names_the_speaker_and_the_quote(page, multi_url):
    page.goto(multi_url + "data/")
    shared = page.evaluate(SHARED, multi_url + "said/dusek-not-charity/")
    title = (
        "Hana Dusek on Sharing the water: “We are not asking for charity. We are asking for the…”"
    )
    description = (
        "Hana Dusek said: “We are not asking for charity. We are asking for the treaty to be "
        "respected” (The Belmark Courier, 3 March 2026, paragraph 3)."
    )
    assert shared == {
        "title": title + " – Filling the Kessel Dam",
        "og_title": title,
        "twitter_title": title,
        "og_description": description,
        "twitter_description": description,
        "link": "See it among everything Hana Dusek said",
        "href": "../../people/dusek/#s-dusek-not-charity",
    }


def test_overlapping_quotations_each_mark_all_their_words(browser, mini, tmp_path):
    # A second quotation from Quill's sentence that starts inside the first and ends after it.
    edit(
        mini,
        "seeds/fic-bridge.txt",
        "“We will open the bridge before winter,” said Mayor Ada Quill.",
        "“We will open the bridge before winter and close the ferry,” said Mayor Ada Quill.",
    )
    with (mini / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(
            "- id: quill-ferry\n  kind: direct\n  speakers: [quill]\n"
            "  text: before winter and close the ferry\n"
            "  source: {article: fic-bridge, paragraph: 2}\n"
        )
    site = built(mini) / "site"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with serving(site, SUB_PATH) as url:
        for anchor, words in (
            ("q-2-quill-before-winter", "We will open the bridge before winter"),
            ("q-2-quill-ferry", "before winter and close the ferry"),
        ):
            page.goto(f"{url}sources/article/#{anchor}")
            page.wait_for_load_state("networkidle")
            assert page.evaluate(MARKED) == words, anchor
        text = normalise_space(page.locator("#p-2 > p").first.inner_text())
        said = "“We will open the bridge before winter and close the ferry,” said Mayor Ada Quill."
        assert text == "¶2 " + said
    context.close()
