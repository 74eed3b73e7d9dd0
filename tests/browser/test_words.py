"""How each outlet printed a quotation, on a phone and a desktop: differences of quotation
marks, apostrophes, dashes and spacing only show when the reader asks for them; a report in its
own words shows always (the multi-source fixture, tests/fixtures/multi)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.browser.test_many_sources import multi_url  # noqa: F401  (the built multi site)

pytestmark = pytest.mark.xdist_group("multi-site")  # built once, on the worker that runs these

ANNAR = "#s-annar-every-litre"
# The Belmark Courier's printing: straight quotes, three dots and a hyphen for the dash.
COURIER = "The river doesn't belong to one country... We will share every litre - no more"


@pytest.fixture(params=[375, 1280], ids=["phone", "desktop"])
def page(browser, request) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": request.param, "height": 800},
        is_mobile=request.param < 400,
        has_touch=request.param < 400,
    )
    yield context.new_page()
    context.close()


def test_typography_only_variants_are_hidden_until_the_reader_asks(page, multi_url):  # noqa: F811
    page.goto(multi_url + "people/annar/")
    printed = page.locator(f"{ANNAR} .xp-reports__printed")
    courier = printed.get_by_text(COURIER)
    assert courier.is_hidden()
    assert page.get_by_text(COURIER).is_hidden()  # nowhere else on the card either
    summary = printed.locator("summary")
    assert summary.inner_text() == "Show how each outlet printed it"
    if page.viewport_size and page.viewport_size["width"] < 400:
        summary.tap()  # a finger on a phone
    else:
        summary.click()
    courier.wait_for(state="visible")
    assert printed.get_attribute("open") is not None


def test_a_report_in_its_own_words_is_shown_without_asking(page, multi_url):  # noqa: F811
    page.goto(multi_url + "people/dusek/")
    card = page.locator("#s-dusek-halt-to-study")
    wording = card.get_by_text("This source’s wording:")
    assert wording.is_visible()
    assert card.get_by_text("We came here for a halt, and we are leaving with a study").is_visible()
    assert card.locator("details").count() == 0
