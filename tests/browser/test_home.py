"""The home page as a reader sees it, on the test story (invariants only, no counts or sentences
of today's content): the key facts first (in the story in brief: see test_first_screen.py),
each with its paragraph; the figures one small line;
the positions picture legible at every width, one colour per stance that no other badge uses,
and the story's subject never shown as one of its members."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import loaded

PALETTES = ("default", "slate")
# Every badge that is not a stance, on the pages that show them.
BADGES = ".xp-badge, .xp-status, .xp-topic, .xp-tag, .xp-dispute__flag, .xp-reports__label"
BADGE_PAGES = ["", "statements/", "questions/", "topics/", "tags/", "countries/", "timeline/"]
COLOURS = """(classes) => classes.map((name) => {
  const probe = document.createElement('span');
  probe.className = name;
  document.querySelector('.md-content').append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
})"""


def top(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


def set_palette(page: Page, palette: str) -> None:
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
    page.evaluate("document.getAnimations().forEach((a) => a.finish())")


def test_the_key_facts_come_before_the_figures_and_the_picture(wide, base_url, story):
    assert story.story.key_facts, "the test story opens with key facts"
    wide.goto(base_url)
    key_facts = top(wide, ".xp-glance .xp-key-fact")
    assert top(wide, "h1") < key_facts < top(wide, ".xp-figures") < top(wide, ".xp-positions")


def test_each_key_fact_links_to_its_paragraph(wide, base_url, story):
    """The first in the story in brief, the rest under "More key facts", each once."""
    wide.goto(base_url)
    facts = wide.locator(".md-content .xp-key-fact")
    assert facts.count() == len(story.story.key_facts)
    for index in range(facts.count()):
        links = facts.nth(index).locator("a.xp-cite")
        assert links.count() >= 1
        assert links.first.inner_text().endswith(
            f"¶{story.story.key_facts[index].sources[0].paragraph}"
        )


def test_the_figures_are_one_line_smaller_than_the_title_and_short_on_a_phone(phone, base_url):
    phone.goto(base_url)
    size = "(e) => parseFloat(getComputedStyle(e).fontSize)"
    figures = phone.locator(".xp-figures")
    assert figures.evaluate(size) < phone.locator("h1").evaluate(size)
    box = figures.bounding_box()
    assert box is not None and box["height"] < 740 / 4  # far less than a screen


def test_the_pills_text_is_the_same_size_on_a_desktop_and_a_phone(wide, phone, base_url):
    sizes = []
    for page in (wide, phone):
        page.goto(base_url)
        pill = page.locator(".xp-positions .xp-pill").first
        box = pill.bounding_box()
        assert box is not None
        sizes.append((pill.evaluate("(e) => getComputedStyle(e).fontSize"), box["height"]))
    assert sizes[0] == sizes[1]


def test_each_stance_has_its_own_colour_that_no_other_badge_uses(wide, base_url, story):
    stances = [f"xp-colour--{stance.colour}" for stance in story.graph.stances.values()]
    badges: dict[str, set[str]] = {palette: set() for palette in PALETTES}
    for _address, tab in loaded(wide, [base_url + path for path in BADGE_PAGES]):
        for palette in PALETTES:
            set_palette(tab, palette)
            found = tab.locator(BADGES).evaluate_all(
                "(all) => all.map((e) => getComputedStyle(e).color)"
            )
            badges[palette].update(found)
    wide.goto(base_url)
    for palette in PALETTES:
        set_palette(wide, palette)
        colours = wide.evaluate(COLOURS, [*stances, "xp-colour--none"])
        assert len(set(colours)) == len(colours), f"{palette}: two stances share a colour"
        shared = set(colours[:-1]) & badges[palette]
        assert not shared, f"{palette}: a badge uses a stance's colour {shared}"


def test_the_stories_subject_is_not_among_the_members_in_the_picture(wide, base_url, story):
    subject = story.graph.story.subject
    assert subject is not None, "the test story names the grouping it is about"
    wide.goto(base_url)
    pills = wide.locator(".xp-positions .xp-pill").all_inner_texts()
    assert pills and subject.name not in pills
    assert subject.name in wide.locator(".xp-subject").inner_text()
