"""Every page loads cleanly, and reading it asks nothing of any host but the site's own."""

from __future__ import annotations

from tests.browser.conftest import all_pages


def test_every_page_loads_without_errors_or_outside_requests(watched, base_url, real_project):
    page, watch = watched
    pages = all_pages(real_project / "site")
    assert len(pages) > 40
    for path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        assert page.locator("h1").count() >= 1, path
    assert watch.console_errors == []
    assert watch.failed == []
    assert watch.foreign == []


def test_the_site_works_under_a_sub_path(watched, base_url):
    page, _watch = watched
    page.goto(base_url + "people/starmer/")
    page.locator("a.xp-cite").first.click()
    assert page.url.startswith(base_url + "sources/")
    page.locator(".md-nav__link", has_text="Countries").first.click()
    assert page.url == base_url + "countries/"
