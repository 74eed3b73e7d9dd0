"""axe-core finds no serious or critical violation on any page type, in either palette."""

from __future__ import annotations

import pytest

from generator import urls
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
    "tags/",
    "sources/",
    "methodology/",
    "corrections/",
    "data/",
]


def page_types(story) -> list[str]:
    """Every section, and the first page of each kind of record page the story has."""
    pages = [
        *(urls.entity_page(p) for p in list(story.people.values())[:1]),
        *(urls.entity_page(g) for g in list(story.groups.values())[:1]),
        *(urls.entity_page(c) for c in list(story.countries.values())[:1]),
        *(urls.question_page(q) for q in list(story.questions.values())[:1]),
        *(urls.topic_page(t) for t in list(story.topics.values())[:1]),
        *(urls.article_page(a) for a in list(story.articles)[:1]),
    ]
    return [*SECTIONS, *(urls.url_of(page) for page in pages)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, base_url, story, scheme):
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm ci"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for address, tab in loaded(page, [base_url + path for path in page_types(story)]):
        expected = "slate" if scheme == "dark" else "default"
        assert tab.get_attribute("body", "data-md-color-scheme") == expected
        tab.add_script_tag(path=str(AXE))
        violations = tab.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        found += [
            f"{address}: {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    context.close()
    assert found == []
