"""Every page loads cleanly, and reading it asks nothing of any host but the site's own."""

from __future__ import annotations

import pytest

from generator.model import urls
from tests.browser.conftest import all_pages, loaded

pytestmark = pytest.mark.story


def test_every_page_loads_without_errors_or_outside_requests(
    watched, base_url, story_project, story
):
    page, watch = watched
    pages = all_pages(story_project / "site")
    assert {urls.url_of(p.own_page()) for p in story.graph.people.values()} <= set(pages)
    for address, tab in loaded(page, [base_url + path for path in pages], watch.attach):
        assert tab.locator("h1").count() >= 1, address
    assert watch.console_errors == []
    assert watch.failed == []
    assert watch.foreign == []


def test_the_site_works_under_a_sub_path(watched, base_url, story):
    page, _watch = watched
    speaker = next(iter(story.graph.statements.values())).speakers[0]
    page.goto(base_url + urls.url_of(speaker.page))
    page.locator("a.xp-cite").first.click()
    assert page.url.startswith(base_url + "sources/")
    page.locator(".md-nav__link", has_text="Countries").first.click()
    assert page.url == base_url + "countries/"
