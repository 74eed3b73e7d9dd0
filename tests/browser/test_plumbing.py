"""What readers see of the plumbing, in Chromium at 1280 px and on a 375 px phone: a page's foot
suggests a correction (a link to its facts' file and line on the git host) only where the story
names its repository, and an article's old address (by its seed file's id) lands on its page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import window_at
from tests.conftest import MINI, built, make_project
from tools.static_server import serving

REPOSITORY = "https://gitlab.example.org/desk/bridge"
WIDTHS = {"phone": 375, "wide": 1280}


@pytest.fixture(scope="module")
def with_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(MINI, tmp_path_factory.mktemp("with-repository"))
    with open(root / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write(f"site: {{repository: '{REPOSITORY}'}}\n")
    return built(root)


@pytest.fixture(params=list(WIDTHS))
def window(request, browser) -> Iterator[Page]:
    with window_at(browser, WIDTHS[request.param]) as page:
        yield page


def test_with_a_repository_the_foot_of_a_page_suggests_a_correction(window, with_repository):
    with serving(with_repository / "site", "/explainer/") as base:
        window.goto(base + "people/quill/")
        link = window.locator("a[rel=edit]")
        expect(link).to_have_text("Suggest a correction on GitLab")
        link.scroll_into_view_if_needed()
        expect(link).to_be_visible()
        expect(link).to_be_in_viewport()
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0
        assert box["x"] + box["width"] <= window.viewport_size["width"]
        assert link.get_attribute("href") == f"{REPOSITORY}/-/blob/main/content/people.yaml#L1"
        expect(window.locator("body")).not_to_contain_text("people.yaml")


def test_without_a_repository_no_page_offers_an_edit_link_or_names_a_file(window, mini_site):
    with serving(mini_site / "site", "/explainer/") as base:
        window.goto(base + "people/quill/")
        expect(window.locator("h1")).to_contain_text("Ada Quill")
        expect(window.locator("a[rel=edit]")).to_have_count(0)
        expect(window.locator(".xp-edit")).to_have_count(0)
        expect(window.locator("body")).not_to_contain_text("Source file")
        expect(window.locator("body")).not_to_contain_text("people.yaml")


def test_an_articles_old_address_lands_on_its_page_and_paragraph(window, mini_site):
    with serving(mini_site / "site", "/explainer/") as base:
        window.goto(base + "sources/fic-bridge/#p-3")
        window.wait_for_url(base + "sources/article/#p-3")
        expect(window.locator("h1")).to_contain_text("Fictional report")
        expect(window.locator("#p-3")).to_be_in_viewport()


def test_an_old_address_lands_on_the_page_without_script_too(browser, mini_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        with serving(mini_site / "site", "/explainer/") as base:
            page.goto(base + "sources/fic-bridge/")
            page.wait_for_url(base + "sources/article/")
            expect(page.locator("h1")).to_contain_text("Fictional report")
    finally:
        context.close()
