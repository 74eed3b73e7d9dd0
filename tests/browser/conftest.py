"""Browser fixtures: the real site built once, served under a sub-path, and a Chromium page
that records console errors, failed requests and any request leaving 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from generator.build import Project, check
from generator.link import Linked
from tools.browser import chromium
from tools.static_server import serving

SUB_PATH = "/explainer/"


@pytest.fixture(scope="session")
def story(real_project) -> Linked:
    linked, problems = check(Project.at(real_project))
    assert linked is not None and not problems
    return linked


@pytest.fixture(scope="session")
def base_url(real_project) -> Iterator[str]:
    with serving(real_project / "site", SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@dataclass
class Watch:
    """What a page did that a reader would never want: errors and requests elsewhere."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))
        page.on("request", self._check_host)

    def _check_host(self, request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            self.foreign.append(request.url)


@pytest.fixture
def watched(browser) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch()
    watch.attach(page)
    yield page, watch
    context.close()


@pytest.fixture
def phone(browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    yield context.new_page()
    context.close()


def all_pages(site: Path) -> list[str]:
    """Every generated page, as a path under the site root ('' for the home)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(("search", "assets")):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages
