"""Browser fixtures: the test story's site built once, served under a sub-path, and a Chromium page
that records console errors, failed requests and any request leaving 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.build import check
from generator.content.linking import Linked
from generator.project import Project
from generator.verify.html import read
from generator.verify.records import is_moved
from tools.browser import PATIENCE_MS, Patient, chromium
from tools.static_server import serving

SUB_PATH = "/explainer/"


@contextmanager
def window_at(browser: Patient, width: int, height: int | None = None) -> Iterator[Page]:
    """A page in a fresh window `width` px wide: a touch phone below 600 px (740 px tall unless
    `height` says otherwise), else a desktop (900 px tall)."""
    phone = width < 600
    viewport = {"width": width, "height": height or (740 if phone else 900)}
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def story(story_project) -> Linked:
    linked, problems = check(Project.at(story_project))
    assert linked is not None and not problems
    return linked


@pytest.fixture(scope="session")
def base_url(story_project) -> Iterator[str]:
    with serving(story_project / "site", SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Patient]:
    """Chromium whose every wait is for a condition, with room for a slow machine."""
    expect.set_options(timeout=PATIENCE_MS)
    with chromium() as launched:
        yield Patient(launched)


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
def wide(browser) -> Iterator[Page]:
    """A desktop window, 1280 px wide."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
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


def loaded(
    page: Page, addresses: list[str], watch: Callable[[Page], None] | None = None, tabs: int = 4
) -> Iterator[tuple[str, Page]]:
    """Each address with a tab showing it once the network is idle (every request the page
    made has been answered). A few tabs of `page`'s window load at once, so the half second of
    quiet each waits for overlaps the others' loading; `watch` is attached to each new tab."""
    opened = [page]
    for _ in range(tabs - 1):
        opened.append(page.context.new_page())
        if watch:
            watch(opened[-1])
    for start in range(0, len(addresses), tabs):
        batch = list(zip(addresses[start : start + tabs], opened, strict=False))
        for address, tab in batch:
            tab.goto(address, wait_until="commit")
        for address, tab in batch:
            tab.wait_for_load_state("networkidle")
            yield address, tab
    for tab in opened[1:]:
        tab.close()


def all_pages(site: Path) -> list[str]:
    """Every generated page, as a path under the site root ('' for the home)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(("search", "assets")) or is_moved(read(index)):
            continue  # an old address only sends the reader on to a page listed here
        pages.append("" if relative == "." else relative + "/")
    return pages
