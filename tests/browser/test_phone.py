"""The reader's tasks on a 375 px phone: find what a person said, see who sends troops at a
glance, and jump from a quote to its paragraph. Whoever the story's speakers are."""

from __future__ import annotations

import pytest

from generator.content.quotation import normalise_space
from generator.model import urls

pytestmark = pytest.mark.story


@pytest.fixture(scope="module")
def quoted(story):
    """A direct statement with one speaker who is a person: what a reader would look up."""
    return next(
        st
        for st in story.statements.values()
        if st.kind == "direct" and len(st.speakers) == 1 and st.speakers[0] in story.people
    )


def test_find_what_a_person_said_by_searching_their_name(phone, base_url, story, quoted):
    person = story.people[quoted.speakers[0]]
    phone.goto(base_url, wait_until="networkidle")
    phone.locator("label.md-header__button[for='__search']").click()
    phone.locator("input.md-search__input").press_sequentially(person.name, delay=20)
    home = urls.url_of(story.graph.people[person.id].own_page())
    result = phone.locator(f".md-search-result__item > a.md-search-result__link[href*='{home}']")
    result.first.click()
    card = phone.locator(f"#{urls.statement_anchor(quoted)}")
    card.wait_for(state="visible")
    assert normalise_space(quoted.text) in normalise_space(card.inner_text())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_see_at_a_glance_where_each_country_stands(phone, base_url, story):
    phone.goto(base_url + "countries/")
    chart = phone.locator(".xp-positions")
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] >= 300  # legible, not shrunk into a corner
    # A row for each stance someone holds, in the order stances.yaml gives (an unheld one has
    # none), each naming its countries.
    held = [stance for stance in story.graph.stances.values() if stance.countries]
    rows = chart.locator(".xp-positions__group")
    for index, stance in enumerate(held):
        row = rows.nth(index).text_content() or ""
        assert stance.label in row
        assert all(country.name in row for country in stance.countries)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_jump_from_a_quote_to_its_paragraph(phone, base_url, story, quoted):
    phone.goto(base_url + urls.url_of(story.graph.statements[quoted.id].home))
    phone.locator(f"#{urls.statement_anchor(quoted)} a.xp-cite").first.tap()  # its preview
    phone.locator(".xp-preview a", has_text="Go to the paragraph").tap()
    target = phone.locator(":target")
    target.wait_for(state="visible")
    assert normalise_space(quoted.text) in normalise_space(target.inner_text())
