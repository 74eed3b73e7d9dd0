"""axe-core finds no serious or critical violation on any page type, in either palette."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from generator.model import urls
from generator.model.records import RECORD_TYPES
from tests.browser.conftest import loaded
from tests.conftest import ROOT

pytestmark = pytest.mark.story

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SECTIONS = [
    "",
    "statements/",
    "people/",
    "countries/",
    "questions/",
    "timeline/",
    "glossary/",
    "sources/",
    "methodology/",
    "corrections/",
    "data/",
    "search/",
]


def page_types(story) -> list[str]:
    """Every section, and the first page of each kind of record page the story has."""
    pages = [
        next(iter(story.graph.nodes[collection.name].values())).own_page()
        for collection in RECORD_TYPES
        if collection.folder and story.graph.nodes[collection.name]
    ]
    # The search page showing the results for a speaker's name: its filters and result list.
    results = "search/?q=" + quote(str(story.graph.speakers[0].name))
    return [*SECTIONS, *(urls.url_of(page) for page in pages), results]


# Material's palettes, by the colour scheme a reader's system asks for.
PALETTES = {"light": "default", "dark": "slate"}
VIOLATIONS = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"


def serious_violations(tab, where: str = "") -> list[str]:
    """axe's serious and critical violations on the loaded `tab`, in each palette in turn."""
    tab.add_script_tag(path=str(AXE))
    # Colours fade between palettes; axe must see where they end, not half-way.
    tab.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    found = []
    for palette in PALETTES.values():
        tab.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
        found += [
            f"{where}({palette}): {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in tab.evaluate(VIOLATIONS)
            if v["impact"] in ("serious", "critical")
        ]
    return found


@pytest.mark.parametrize("scheme", PALETTES)
def test_the_site_follows_the_readers_colour_scheme(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url)
    assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[scheme]
    context.close()


def test_no_serious_accessibility_violation_in_either_palette(browser, base_url, story):
    """Each page type is loaded once and checked in both palettes, switched as Material's
    toggle does, by the body's colour-scheme attribute."""
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm ci"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = []
    for address, tab in loaded(page, [base_url + path for path in page_types(story)]):
        tab.add_script_tag(path=str(AXE))
        # Colours fade between palettes; axe must see where they end, not half-way.
        tab.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        backgrounds = set()
        for palette in PALETTES.values():
            tab.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{palette}')")
            backgrounds.add(tab.evaluate("getComputedStyle(document.body).backgroundColor"))
            found += [
                f"{address} ({palette}): {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
                for v in tab.evaluate(VIOLATIONS)
                if v["impact"] in ("serious", "critical")
            ]
        assert len(backgrounds) == 2, f"{address}: the palette did not switch"
    context.close()
    assert found == []


def test_no_serious_accessibility_violation_in_the_open_search_box(browser, base_url, story):
    """The header's search box, open and showing results, in both palettes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(str(story.graph.speakers[0].name))
    page.locator(".xp-search .xp-result").first.wait_for()
    found = serious_violations(page)
    context.close()
    assert found == []


def test_no_serious_accessibility_violation_on_a_phone(browser, base_url, story):
    """At phone width the header shows other controls (the search button, the menu): the home
    page, a statement's page and the search page, in both palettes."""
    speaker = story.graph.speakers[0]
    paths = ["", urls.url_of(speaker.own_page()), "search/?q=" + str(speaker.name)]
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    page = context.new_page()
    found = []
    for address, tab in loaded(page, [base_url + path for path in paths]):
        found += serious_violations(tab, f"{address} ")
    context.close()
    assert found == []
