"""The story's site settings reach the page as settings, never as script: the few that print into
the page (the repository and branch of the Edit links) are checked addresses and names (anything
that could leave an attribute is refused at `check`: tests/publish/test_site_config.py), and the
Edit link they make only ever links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import MINI, built, make_project
from tools.static_server import serving

REPOSITORY = "https://git.example/desk/harbour/"


@pytest.fixture(scope="module")
def styled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(MINI, tmp_path_factory.mktemp("settings"))
    with open(root / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write(
            f'site:\n  language: fr\n  primary: teal\n  repository: "{REPOSITORY}"\n'
            "  edit_branch: desk/night\n"
        )
    return built(root)


@pytest.fixture
def person(browser, styled) -> Iterator[tuple[Page, list[str]]]:
    dialogs: list[str] = []
    with serving(styled / "site", "/") as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "people/quill/", wait_until="networkidle")
        yield page, dialogs
        page.close()


def test_the_settings_reach_the_page(person):
    page, _dialogs = person
    assert page.get_attribute("html", "lang") == "fr"
    assert page.get_attribute("body", "data-md-color-primary") == "teal"


def test_a_repository_address_only_ever_links(person):
    page, dialogs = person
    edit = page.locator("a[rel=edit]")
    edit.hover()
    edit.focus()
    expected = REPOSITORY.rstrip("/") + "/blob/desk/night/content/people.yaml#L1"
    assert edit.get_attribute("href") == expected
    assert edit.get_attribute("onmouseover") is None
    assert dialogs == []
