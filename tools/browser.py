"""Headless Chromium from Debian, driven by Playwright: never a downloaded browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or CHROMIUM
    if not shutil.which(path):
        raise RuntimeError(
            "Debian's chromium is not installed: `make test` installs it "
            "(apt-get install -y chromium)."
        )
    return path


# How long a browser step may take before it fails: long, because every step waits for a
# condition (a page loaded, an element shown), never a fixed time, and a loaded two-core machine
# makes the conditions slow, not false. Only a step that hangs ever reaches it.
PATIENCE_MS = 5 * 60_000


class Patient:
    """A browser whose windows wait `PATIENCE_MS` for every condition (Playwright's default is
    30 s, which a busy machine can exceed with nothing wrong)."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser

    def new_context(self, **options: object) -> BrowserContext:
        context = self.browser.new_context(**options)  # type: ignore[arg-type]
        context.set_default_timeout(PATIENCE_MS)
        context.set_default_navigation_timeout(PATIENCE_MS)
        return context

    def new_page(self, **options: object) -> Page:
        return self.new_context(**options).new_page()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
