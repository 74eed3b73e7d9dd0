"""Text is text, in a real browser: hostile text in every free-text field of the fixture story
never runs, whichever page shows it and whatever a reader hovers, focuses or searches for.

Each sink listed in generator/pages/text.py is visited here: page body, attributes and tooltips,
`<abbr>`, JSON-LD, Open Graph and twitter meta, page title, search (index and results), the
SVG chart, the JSON download and the Atom feed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.publish.pagefind import indexed
from tests.browser.conftest import SUB_PATH, Watch, all_pages, loaded
from tests.conftest import MINI, edit, make_project, run_cli
from tests.pages.test_escaping import ARTICLE, FIELDS, inject, served
from tools.static_server import serving

# Every test here reads the one hostile site, built once on the worker that runs them all.
pytestmark = pytest.mark.xdist_group("hostile-site")

MARKUP = (
    "<img src=x onerror=alert(1)> <script>alert(2)</script> ><svg onload=alert(3)> </script> "
    "javascript:alert(4) [x](javascript:alert(5)) *bold* {{ 7*7 }} {% if true %}x{% endif %}"
)
# U+2028 and its kin are refused in content (tests/content/test_messages.py); their escaping in
# front matter is tested on a value in memory (tests/pages/test_escaping.py).
PAYLOAD = MARKUP + " --- after"
SHOWN = " ".join(PAYLOAD.split())  # as a reader sees it: on one line
# Seed text is kept byte for byte, so it can also carry the straight quotes YAML refuses.
SEED_PAYLOAD = '"><svg onload=alert(6)>' + MARKUP
TIPPED = ".md-content :is([data-tip], [title], abbr)"  # where values land
# What tells two tooltips apart: the element, its classes and the texts it carries.
TOOLTIP_KEY = """e => [e.tagName + ' ' + e.className, e.getAttribute('data-tip'),
  e.getAttribute('title'), e.textContent].join('|')"""
# Finds what a page would hold only if a value had become markup.
INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(el.tagName + ' ' + attr.name);
    }
  }
  const suspects = 'img[src="x"], svg svg, script:not([type="application/ld+json"])';
  for (const el of document.querySelectorAll(suspects)) {
    if (el.tagName !== 'SCRIPT' || el.textContent.includes('alert(')) {
      found.push(el.outerHTML);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(MINI, tmp_path_factory.mktemp("hostile"))
    for path, line, _url in FIELDS:
        inject(root, path, line, PAYLOAD)
    with (root / "content" / "corrections.yaml").open("a", encoding="utf-8") as corrections:
        corrections.write(f"- {{id: fix, date: 2026-11-21, summary: {json.dumps(PAYLOAD)}}}\n")
    edit(
        root,
        "content/statements.yaml",
        "  source: {article: fic-bridge, paragraph: 4}",
        f"  source: {{article: fic-bridge, paragraph: 4}}\n  attribution: ambiguous\n"
        f"  attribution_note: {json.dumps(PAYLOAD)}",
    )
    with (root / "seeds" / "fic-bridge.txt").open("a", encoding="utf-8") as text:
        text.write(SEED_PAYLOAD + "\n")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def hostile_url(hostile: Path) -> Iterator[str]:
    with serving(hostile, SUB_PATH) as url:
        yield url


def dismissing(dialogs: list[str]) -> Callable[[Page], None]:
    """Attaches to a page: every dialog it opens is recorded in `dialogs` and dismissed."""

    def attach(page: Page) -> None:
        def dismiss(dialog) -> None:
            dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
            dialog.dismiss()

        page.on("dialog", dismiss)

    return attach


@pytest.fixture
def reader(browser) -> Iterator[tuple[Page, Watch, list[str]]]:
    """A page that records console errors and every dialog (which it dismisses)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch()
    watch.attach(page)
    dialogs: list[str] = []
    dismissing(dialogs)(page)
    yield page, watch, dialogs
    context.close()


def test_hovering_or_focusing_any_tooltip_runs_nothing(reader, hostile, hostile_url):
    page, watch, dialogs = reader

    def watched(tab: Page) -> None:
        watch.attach(tab)
        dismissing(dialogs)(tab)

    hovered: set[str] = set()  # each distinct tooltip (element, class and text) once
    for address, tab in loaded(page, [hostile_url + p for p in all_pages(hostile)], watched):
        tab.bring_to_front()  # a tab behind others gets no animation frames, which hover awaits
        for element in tab.locator(TIPPED).element_handles():  # fixed: hovering may alter it
            key = element.evaluate(TOOLTIP_KEY)
            if key in hovered or not element.is_visible():
                continue
            element.hover()
            element.focus()
            tab.wait_for_timeout(30)  # a tooltip script would have run by now
            hovered.add(key)
        assert tab.evaluate(INJECTED) == [], address
    kinds = {" ".join(key.split("|")[0].split()[:2]) for key in hovered}
    assert {"A xp-cite", "SPAN xp-stance"} <= kinds
    assert any(PAYLOAD in key for key in hovered)
    assert dialogs == []
    assert watch.console_errors == []


def test_a_tooltip_shows_the_value_as_text(reader, hostile_url):
    page, _watch, dialogs = reader
    page.goto(hostile_url + "countries/exampleton/", wait_until="networkidle")
    element = page.locator(".xp-stance").first
    element.focus()
    drawn = element.evaluate("e => getComputedStyle(e, '::after').content")
    assert MARKUP in json.loads(drawn)
    assert dialogs == []


def test_a_citations_preview_shows_the_value_as_text(reader, hostile, hostile_url):
    page, _watch, dialogs = reader
    page.goto(hostile_url + "people/stoker-lee/", wait_until="networkidle")
    cite = page.locator("a.xp-cite").first
    cite.focus()
    preview = page.locator(".xp-preview")
    preview.locator(".xp-preview__text").wait_for()
    assert MARKUP in (preview.get_attribute("aria-label") or "")  # the article's name
    page.goto(hostile_url + served(hostile.parent, ARTICLE) + "/", wait_until="networkidle")
    last = page.locator(".xp-paragraph__number").last  # the paragraph the seed's payload is in
    assert SEED_PAYLOAD in last.evaluate("e => e.parentElement.textContent")
    assert page.evaluate(INJECTED) == []
    assert dialogs == []


def test_a_share_page_holds_the_values_as_text(reader, hostile_url):
    page, _watch, dialogs = reader
    page.goto(hostile_url + "said/quill-before-winter/")
    page.wait_for_url("**/people/quill/#s-quill-before-winter")  # sent on to the card
    shared = page.request.get(hostile_url + "said/quill-before-winter/").text()
    assert "<img" not in shared and "<script>" not in shared and "<svg" not in shared
    page.set_content(shared.replace('http-equiv="refresh"', 'name="x-refresh"'))
    # The speaker's name and the topic's are long here: the words keep up to 40 characters.
    title = f"Ada Quill {SHOWN} on Cost {SHOWN}: “We will open the bridge before winter”"
    assert page.locator('meta[property="og:title"]').get_attribute("content") == title
    assert page.locator("h1").inner_text() == "Ada Quill " + SHOWN
    assert page.evaluate(INJECTED) == []
    assert dialogs == []


# The feed read as a feed reader reads it: XML, each entry's title and summary as text.
FEED_TEXTS = """async url => {
  const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), "application/xml");
  const error = xml.querySelector("parsererror");
  if (error) return {error: error.textContent};
  const atom = "http://www.w3.org/2005/Atom";
  const fields = [...xml.getElementsByTagNameNS(atom, "title"),
                  ...xml.getElementsByTagNameNS(atom, "summary")];
  return {elements: fields.reduce((sum, e) => sum + e.children.length, 0),
          texts: fields.map(e => e.textContent)};
}"""


def test_the_feed_holds_the_values_as_text(reader, hostile_url):
    page, _watch, _dialogs = reader
    page.goto(hostile_url)
    found = page.evaluate(FEED_TEXTS, hostile_url + "feed.xml")
    assert "error" not in found, found
    assert found["elements"] == 0  # no markup became an element
    assert SHOWN in found["texts"]  # the correction's summary, every character of it
    assert f"Council votes for the bridge {SHOWN}" in found["texts"]  # the event's title


def test_a_share_pages_attribution_note_is_text(reader, hostile_url):
    page, _watch, dialogs = reader
    shared = page.request.get(hostile_url + "said/norland-will-not-pay/").text()
    assert "<img" not in shared and "<script>" not in shared and "<svg" not in shared
    page.set_content(shared.replace('http-equiv="refresh"', 'name="x-refresh"'))
    note = page.locator("main p").filter(has_text="Who said it is uncertain")
    assert " ".join(note.inner_text().split()) == "Who said it is uncertain: " + SHOWN
    assert page.evaluate(INJECTED) == []
    assert dialogs == []


def test_every_page_shows_the_value_as_text(reader, hostile, hostile_url):
    page, _watch, _dialogs = reader
    for url in sorted({served(hostile.parent, url) for _path, _line, url in FIELDS}):
        page.goto(hostile_url + (url + "/" if url else ""))
        shown = " ".join(page.locator("body").inner_text().split())
        tips = page.locator("[data-tip]").evaluate_all("els => els.map(e => e.dataset.tip)")
        assert SHOWN in shown or any(SHOWN in tip for tip in tips), url
    page.goto(hostile_url + served(hostile.parent, ARTICLE) + "/")
    assert SEED_PAYLOAD in page.locator(".xp-paragraphs").inner_text()


def test_structured_data_and_meta_hold_the_value_literally(reader, hostile_url):
    page, _watch, _dialogs = reader
    page.goto(hostile_url + "people/quill/")
    graph = json.loads(page.locator('script[type="application/ld+json"]').text_content() or "")
    assert graph["@graph"][0]["name"] == "Ada Quill " + PAYLOAD
    name = "Ada Quill " + SHOWN
    assert page.title().startswith(name + " – ")
    for meta in ('property="og:title"', 'name="twitter:title"'):
        assert page.locator(f"meta[{meta}]").get_attribute("content") == name


def test_the_search_index_and_results_hold_the_value_as_text(reader, hostile, hostile_url):
    page, watch, dialogs = reader
    # Records hold the value as plain text; the page shows it as text.
    held = " ".join(f"{r['meta'].get('title', '')} {r['content']}" for r in indexed(hostile))
    assert "<img src=x onerror=alert(1)>" in held
    page.goto(hostile_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("onerror", delay=20)
    results = page.locator(".xp-search .xp-result")
    results.first.wait_for()
    assert "<img src=x onerror=alert(1)>" in page.locator(".xp-search").inner_text()
    assert page.evaluate(INJECTED) == []
    assert dialogs == []
    assert watch.console_errors == []


def test_the_chart_and_the_download_hold_the_value_as_text(reader, hostile_url):
    page, _watch, _dialogs = reader
    page.goto(hostile_url)
    names = page.locator(".xp-positions .xp-pill").all_text_contents()
    assert "Norland " + SHOWN in names
    facts = page.request.get(hostile_url + "data/facts.json").json()
    assert "Norland " + PAYLOAD in [country["name"] for country in facts["countries"]]
