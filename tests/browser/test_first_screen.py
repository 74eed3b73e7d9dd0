"""The first screen and a phone's layout, as a reader sees them in Chromium at 375 px and
1280 px: the story in brief above the fold of a 375 × 667 phone, every line cited; no citation
mark alone on a line; a link's target below the sticky header; no page wider than the phone; a
jump list on the long statements page; glossary tooltips opaque and inside the window.

On the fictional fixtures mini and multi, and on a copy of multi given a partly answered
question and a stance label too long for one line of a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import SUB_PATH, window_at
from tests.conftest import MULTI, built, edit, make_project
from tools.static_server import serving

pytestmark = pytest.mark.xdist_group("first-screen")  # its changed story built once, on one worker
PHONE = {"width": 375, "height": 667}
WIDE = {"width": 1280, "height": 900}
PARTLY = """- id: study-cost
  question: How much will the study cost?
  status: partly answered
  known: The commission said it would pay for the study; no sum is given.
  sources: [{article: fic-herald-funding, paragraph: 1}]
"""
LONG_LABEL = "Wait for the study, its ministers say; no date for it is stated"
LONG_PUBLISHER = "Varne Basin Commission for the Joint Administration of Shared Waters and Dams"
# A term the editors explain, citing the reference of the long publisher.
EXPLAINED = """- id: flow-gauge
  term: flow gauge
  usage: The study would read the river's flow gauges.
  explanation:
    text: An instrument that measures how much water passes a point of a river.
    sources: [{reference: summit-programme}]
  sources: [{article: fic-npa-filling, paragraph: 1}]
"""
# Many sides, each with a stance of its own and a long label, as a story of ten parties has:
# the brief's "where each stands" must still fit the first screen (on a phone, as a strip).
MORE_STANCES = "".join(
    f"- {{id: side-{n}, label: Side {n} takes a stance whose label runs long on a phone, "
    f"description: A stance of the test., colour: {colour}}}\n"
    for n, colour in enumerate(("teal", "purple", "orange", "red"), start=1)
)
MORE_SIDES = "".join(
    f"""- id: party-{n}
  name: Party number {n}
  kind: country
  positions:
    - stance: side-{(n % 4) + 1}
      summary: A position of the test.
      date: null
      sources: [{{article: fic-npa-filling, paragraph: 1}}]
  sources: [{{article: fic-npa-filling, paragraph: 1}}]
"""
    for n in range(1, 9)
)
# Pages with citations of every kind: statement cards, positions, questions, events, terms.
CITING = [
    "",
    "people/dusek/",
    "countries/",
    "countries/ostravia/",
    "questions/study-go-ahead/",
    "timeline/",
    "glossary/",
    "sources/fic-courier-terms/",
]
# Each citation whose "¶n" shares its line with no other word: the words before it in its own
# label, or the text before it in its block.
LONE_MARKS = """() => {
  const lone = [];
  const sameLine = (a, b) => a.top < b.bottom - 2 && b.top < a.bottom - 2;
  for (const cite of document.querySelectorAll('.md-content a.xp-cite')) {
    if (!cite.getClientRects().length) continue;
    const text = [...cite.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('¶'));
    if (!text) continue;
    const at = text.textContent.indexOf('¶');
    const mark = document.createRange();
    mark.setStart(text, at);
    mark.setEnd(text, text.textContent.length);
    const box = mark.getClientRects()[0];
    const block = cite.parentElement.closest('p, li, td, th, dd, dt, figcaption, div');
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let shared = false;
    for (let node = walker.nextNode(); node && !shared; node = walker.nextNode()) {
      const end = node === text ? at : node.textContent.length;
      if (!node.textContent.slice(0, end).trim()) continue;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, end);
      shared = [...range.getClientRects()].some(r => r.width > 1 && sameLine(r, box));
    }
    if (!shared) lone.push(cite.textContent + ' in: ' + block.textContent.trim().slice(0, 60));
  }
  return lone;
}"""
# Where a tooltip (drawn by CSS from data-tip) is shown for a focused element, and its colour.
TIP = """(e) => {
  const tip = getComputedStyle(e, '::after');
  const left = e.getClientRects()[0].left + parseFloat(tip.left);
  return {content: tip.content, left: left, right: left + parseFloat(tip.width),
          background: tip.backgroundColor, width: innerWidth};
}"""
FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.fixture(scope="module")
def mini_url(mini_site: Path) -> Iterator[str]:
    with serving(mini_site / "site", SUB_PATH) as url:
        yield url


@pytest.fixture(scope="module")
def changed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """multi, with a partly answered question, a long stance label, a reference of a long
    publisher that a glossary term's explanation cites, and eight more parties on four more
    stances."""
    root = make_project(MULTI, tmp_path_factory.mktemp("first-screen"))
    with (root / "content" / "questions.yaml").open("a", encoding="utf-8") as questions:
        questions.write(PARTLY)
    edit(root, "content/stances.yaml", "label: Wait for the study,", f'label: "{LONG_LABEL}",')
    edit(
        root,
        "content/references.yaml",
        "publisher: Varne Basin Commission",
        f"publisher: {LONG_PUBLISHER}",
    )
    with (root / "content" / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write(EXPLAINED)
    with (root / "content" / "stances.yaml").open("a", encoding="utf-8") as stances:
        stances.write(MORE_STANCES)
    with (root / "content" / "countries.yaml").open("a", encoding="utf-8") as countries:
        countries.write(MORE_SIDES)
    with serving(built(root) / "site", SUB_PATH) as url:
        yield url


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with window_at(browser, PHONE["width"], PHONE["height"]) as page:
        yield page


@pytest.fixture
def window(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A phone or a desktop window, by the test's `size` parameter."""
    size = request.param
    with window_at(browser, size["width"], size["height"]) as page:
        yield page


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"] + box["height"]


@pytest.mark.parametrize("story", ["mini", "multi", "many sides"])
def test_the_story_in_brief_fits_a_phones_first_screen(
    phone, story, mini_url, base_url, changed_url
):
    phone.goto({"mini": mini_url, "multi": base_url, "many sides": changed_url}[story])
    lines = phone.locator(".xp-glance__line")
    assert lines.count() == 5  # what happened, when, who speaks, where each stands, unknown
    for index in range(lines.count()):
        line = lines.nth(index)
        box = line.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], line.inner_text()
        assert line.locator("a.xp-cite").count() >= 1, line.inner_text()
    assert bottom(phone, ".md-header") <= (phone.locator(".xp-glance").bounding_box() or {})["y"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_desktop_each_line_hangs_from_its_label(wide, base_url):
    wide.goto(base_url)
    labels = wide.locator(".xp-glance__label")
    lefts = {round((labels.nth(i).bounding_box() or {})["x"]) for i in range(labels.count())}
    assert len(lefts) == 1  # one column of labels
    label = labels.first.bounding_box()
    text = wide.locator(".xp-glance__happened .xp-key-fact").first.bounding_box()
    assert label is not None and text is not None and text["x"] >= label["x"] + label["width"]
    assert bottom(wide, ".xp-glance") <= 900


def test_the_partly_answered_question_is_told_apart_in_the_brief(phone, changed_url):
    phone.goto(changed_url)
    unknown = phone.locator(".xp-glance__unknown li")
    assert (
        unknown.filter(has_text="How much will the study cost?")
        .locator(".xp-status--partly-answered")
        .is_visible()
    )
    assert unknown.filter(has_text="Will Ostravia wait").locator(".xp-status--open").is_visible()


@pytest.mark.parametrize("window", [PHONE, WIDE], indirect=True, ids=["375", "1280"])
def test_no_citation_mark_stands_alone_on_a_line(window, base_url, mini_url):
    for path in CITING:
        window.goto(base_url + path)
        assert window.evaluate(LONE_MARKS) == [], path
    window.goto(mini_url)  # one article: citations are "¶n" alone
    assert window.evaluate(LONE_MARKS) == []


@pytest.mark.parametrize(
    "address", ["sources/fic-courier-terms/#p-3", "people/dusek/#s-dusek-no-tribunal"]
)
def test_a_link_lands_below_the_sticky_header_on_a_phone(phone, base_url, address):
    phone.goto(base_url + address)
    target = phone.locator(":target")
    target.wait_for(state="visible")
    box = target.bounding_box()
    assert box is not None and box["y"] >= bottom(phone, ".md-header")


def test_the_countries_table_fits_a_phone_however_long_a_stance(phone, changed_url):
    phone.goto(changed_url + "countries/")
    assert phone.locator(".xp-matrix", has_text=LONG_LABEL).is_visible()
    scroll = phone.locator(".xp-scroll")
    assert scroll.evaluate("(e) => e.scrollWidth <= e.clientWidth")  # nothing cut off
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["countries/belmark/", "timeline/", "sources/", "glossary/"])
def test_no_page_is_wider_than_a_phone_however_long_a_label_or_a_publisher(
    phone, changed_url, path
):
    """A country's page shows its long stance label, the timeline and the sources cite a
    reference by its long publisher: each wraps, and the page stays as wide as the phone."""
    phone.goto(changed_url + path)
    if path.startswith("countries"):
        shown = phone.locator(".xp-stance", has_text=LONG_LABEL)
    else:  # the sources page lists the reference; the others cite it by its publisher
        shown = phone.locator(".xp-reference, a.xp-cite--reference", has_text=LONG_PUBLISHER)
    assert shown.first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("window", [PHONE, WIDE], indirect=True, ids=["375", "1280"])
def test_the_sides_strip_says_there_are_more_on_a_phone_only(window, changed_url):
    """On a phone the sides are a strip a reader swipes along: the brief says how many stances
    there are and to swipe; on a desktop, where all are listed, it does not."""
    window.goto(changed_url)
    hint = window.locator(".xp-glance__hint")
    if window.viewport_size == PHONE:
        assert hint.is_visible()
        assert hint.inner_text() == "7 stances: swipe along to see each."
    else:
        assert hint.is_hidden()


def test_the_home_page_says_when_the_facts_were_checked_once(phone, base_url):
    phone.goto(base_url)
    assert phone.get_by_text("Facts last checked by the editors").count() == 1
    phone.goto(base_url + "people/dusek/")
    assert phone.get_by_text("Facts last checked by the editors").count() == 1  # the footer


def test_the_statements_page_opens_with_a_jump_list_to_each_speaker(phone, base_url, story):
    phone.goto(base_url + "statements/")
    jump = phone.locator("nav.xp-jump a")
    assert jump.count() == len(story.graph.speakers)
    assert bottom(phone, "nav.xp-jump") <= 2 * PHONE["height"]  # near the top
    last = jump.last
    heading = last.get_attribute("href")
    assert heading is not None
    last.tap()
    section = phone.locator(heading)
    section.wait_for(state="visible")
    box = section.bounding_box()
    assert box is not None and bottom(phone, ".md-header") <= box["y"] < PHONE["height"]


@pytest.mark.parametrize("window", [PHONE, WIDE], indirect=True, ids=["375", "1280"])
@pytest.mark.parametrize("palette", ["default", "slate"])
def test_a_tooltip_is_opaque_and_inside_the_window(window, base_url, palette):
    window.goto(base_url)
    window.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
    # The glossary terms and stance badges near the top of the page (a citation's tooltip
    # gives way to its preview, tested in test_cite.py).
    tips = window.locator(".md-content [data-tip]:not(a.xp-cite):visible")
    assert tips.count() >= 2
    for index in range(min(tips.count(), 8)):
        element = tips.nth(index)
        element.focus()
        window.evaluate(FRAMES)  # the script places a shown tooltip in the next frame
        tip = element.evaluate(TIP)
        assert tip["content"] not in ("none", "normal")
        assert tip["left"] >= 0 and tip["right"] <= tip["width"], tip
        assert tip["background"].startswith("rgb("), tip  # not rgba: nothing shows through
