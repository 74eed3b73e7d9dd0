"""A missing address gets the site's own 404 page, styled and with a way back, when the site is
served under a sub-path as the Pages deploy serves it (SITE_URL gives the address), and without
SITE_URL under any path; an address made to look like another host never makes the page load
anything from anywhere but the site's own origin."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.browser.test_accessibility import serious_violations
from tests.conftest import MINI, built, make_project
from tools.static_server import serving

SUB = "/sub/"


@pytest.fixture(scope="module")
def sub_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(MINI, tmp_path_factory.mktemp("sub-site"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", f"https://pages.example.org{SUB}")
        return built(root)


@pytest.fixture
def missing(browser, sub_site) -> Iterator[Page]:
    """The 404 page, as the host serves it for a missing address under the sub-path."""
    with serving(sub_site / "site", SUB) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        response = page.goto(base + "no-such-page/deeper/", wait_until="networkidle")
        assert response is not None and response.status == 404
        yield page
        page.close()


def test_the_404_page_under_a_sub_path_has_the_sites_styles(missing):
    sheets = missing.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert any(s.endswith(f"{SUB}assets/stylesheets/explainer.css") for s in sheets)
    assert missing.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == (
        "sticky"
    )


def test_the_404_page_under_a_sub_path_leads_home(missing):
    missing.get_by_role("link", name="Go to the home page").click()
    missing.wait_for_load_state()
    assert missing.url.endswith(SUB)
    assert missing.locator(".md-content h1").first.inner_text().startswith("Exampleton votes")


def test_the_404_page_has_no_serious_accessibility_violation_in_either_palette(missing):
    assert missing.locator(".md-header").count() == 1  # the site's own page, not the host's
    assert serious_violations(missing) == []


def test_the_404_page_under_a_sub_path_searches_the_facts(missing):
    missing.get_by_role("searchbox", name="Search the facts").fill("bridge")
    missing.get_by_role("button", name="Search", exact=True).click()
    missing.wait_for_load_state()
    assert SUB + "search/?q=bridge" in missing.url
    missing.locator(".xp-search-results li").first.wait_for()


@pytest.fixture(scope="module")
def site_without_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built as `make site` builds it on a contributor's machine: no SITE_URL."""
    root = make_project(MINI, tmp_path_factory.mktemp("no-site-url"))
    with pytest.MonkeyPatch.context() as env:
        env.delenv("SITE_URL", raising=False)
        return built(root)


@pytest.mark.parametrize("sub", ["/", "/sub/", "/one/two/"])
def test_without_a_site_url_the_404_page_finds_its_site_under_any_path(
    browser, site_without_url, sub
):
    with serving(site_without_url / "site", sub) as base:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        response = page.goto(base + "no-such-page/deeper/", wait_until="networkidle")
        assert response is not None and response.status == 404
        position = "getComputedStyle(document.querySelector('.md-header')).position"
        assert page.evaluate(position) == "sticky"
        page.locator(".md-content").get_by_role("link", name="Who said what").click()
        page.wait_for_load_state()
        assert page.url == base + "statements/"
        assert page.locator(".md-content h1").first.inner_text() != "Page not found"
        page.close()


def requests_of(browser: Browser, address: str, origin: str) -> tuple[Page, list[str]]:
    """The 404 page at `address`, once the network is idle, and every request it made. A
    request for another origin is recorded and answered here, never sent, as a host holding a
    copy of the site's files would answer it: with a 200."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    made: list[str] = []
    context.on("request", lambda request: made.append(request.url))

    def only_the_origin(route: Route) -> None:
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            route.fulfill(status=200, content_type="text/css", body="")

    context.route("**/*", only_the_origin)
    page = context.new_page()
    response = page.goto(origin + address, wait_until="networkidle")
    assert response is not None and response.status == 404
    page.locator(".md-header").wait_for(state="attached")  # the site's own 404 page
    return page, made


def styled(page: Page) -> bool:
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
    position = "getComputedStyle(document.querySelector('.md-header')).position"
    own = any(urlsplit(s).path.endswith("/assets/stylesheets/explainer.css") for s in sheets)
    return own and page.evaluate(position) == "sticky"


@pytest.mark.parametrize(
    "address",
    [
        "//other-host.example/x",
        "//other-host.example/deeper/x",
        "/%2F%2Fother-host.example/x",
        "/\\\\other-host.example/x",
        "/\\/other-host.example/x",
        "/..;/x",
        "/a/b/missing",
    ],
)
def test_no_address_makes_the_404_page_load_from_another_origin(browser, site_without_url, address):
    with serving(site_without_url / "site", "/") as base:
        origin = base.rstrip("/")
        page, made = requests_of(browser, address, origin)
        try:
            assert [url for url in made if not url.startswith(origin + "/")] == []
            assert page.evaluate("document.baseURI").startswith(origin + "/")
            assert styled(page)
        finally:
            page.context.close()
