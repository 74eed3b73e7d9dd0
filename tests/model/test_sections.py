"""The registry of section pages reaches every place a section must: a template of its own, a
page in the built site, the navigation (or links only, when it says so), a listing's numbered
pages and its page's Edit note. A section left out of any of them fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.model import urls
from generator.model.records import COLLECTIONS
from generator.model.sections import SECTIONS, Section, navigation
from generator.pages.rendering import TEMPLATES
from generator.project import Project

EACH = pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.name)


def nav_pages(nav: list[object]) -> dict[str, str]:
    """Page → title of every entry of MkDocs' nav, groups included."""
    found: dict[str, str] = {}
    for entry in nav:
        assert isinstance(entry, dict)
        ((title, target),) = entry.items()
        if isinstance(target, list):
            found |= nav_pages(target)
        else:
            found[target] = title
    return found


@EACH
def test_each_section_has_its_template(section: Section):
    assert (TEMPLATES / section.template).is_file()


@EACH
def test_each_section_is_a_page_of_the_built_site(section: Section, mini_site: Path):
    page = mini_site / "site" / urls.url_of(section.page) / "index.html"
    assert page.is_file(), section.page


@EACH
def test_each_section_stands_in_the_generated_navigation_as_the_registry_says(
    section: Section, mini_site: Path
):
    generated = yaml.safe_load(Project.at(mini_site).generated_config.read_text("utf-8"))
    listed = nav_pages(generated["nav"])
    assert generated["nav"] == navigation()
    assert listed.get(section.page) == section.nav


@EACH
def test_each_sections_facts_come_from_a_content_file_there_is(section: Section):
    assert section.collection is None or section.collection in {c.name for c in COLLECTIONS}


@EACH
def test_a_listing_section_splits_into_numbered_pages(section: Section):
    if section.per_page is None:
        assert section.name not in urls.PAGE_ENTRIES
        return
    pages = urls.listing_pages(section.name, section.per_page + 1)
    assert pages[0] == section.page and len(pages) == 2


def test_section_names_and_pages_are_unique():
    assert len({s.name for s in SECTIONS}) == len({s.page for s in SECTIONS}) == len(SECTIONS)
