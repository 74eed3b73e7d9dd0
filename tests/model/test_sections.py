"""The registry of section pages reaches every place a section must: a template of its own, a
rendered page and a page in the built site, its URL, its JSON-LD, the navigation (or links only,
when it says so), a listing's numbered pages and its page's Edit note; and no template spells a
section's path by hand. A section left out of any of them fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.build import check
from generator.content.graph import nodes_of
from generator.content.linking import Linked
from generator.model import urls
from generator.model.records import COLLECTIONS, RECORD_TYPES
from generator.model.sections import SECTIONS, Section, navigation
from generator.pages import rendering
from generator.pages.inputs import PageInputs
from generator.pages.rendering import TEMPLATES, Links, environment, render
from generator.project import Project
from tests.conftest import MINI, in_place
from tests.pages.test_structured_data import types_on

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


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, problems = check(in_place(MINI))
    assert problems == [] and linked is not None
    return linked


@pytest.fixture(scope="module")
def pages(story: Linked) -> dict[str, str]:
    return render(story)


def json_ld(page: str) -> dict[str, object]:
    """The JSON-LD a rendered page gives its head (its front matter's `jsonld`)."""
    front = yaml.safe_load(page.split("---\n", 2)[1])
    data: dict[str, object] = json.loads(front["jsonld"])
    return data


def hand_spelled(template: str) -> list[str]:
    """The quoted strings of a template that name a section's page or URL (relative or not,
    with an anchor or not): each should be `links.section(name)`."""
    paths = {p for s in SECTIONS for p in (s.page, urls.url_of(s.page), urls.file_url_of(s.page))}
    found = []
    for literal in re.findall(r"""(?:"([^"\s]*)"|'([^'\s]*)')""", template):
        text = "".join(literal)
        bare = re.sub(r"^(\.\.?/)+", "", text).split("#", 1)[0].split("?", 1)[0]
        if bare and bare in paths:
            found.append(text)
    return found


@EACH
def test_each_section_has_its_template(section: Section):
    assert (TEMPLATES / section.template).is_file()


@EACH
def test_each_section_is_a_rendered_page(section: Section, pages: dict[str, str]):
    assert section.page in pages


@EACH
def test_each_sections_url_comes_from_the_registry(section: Section):
    assert urls.SECTION_PAGES[section.name] == urls.section_page(section.name) == section.page
    links = Links("people/x.md", urls.DIRECTORY_URLS)
    assert links.section(section.name) == urls.relative("people/x.md", section.page)


@EACH
def test_each_sections_json_ld_is_as_its_row_says(
    section: Section, story: Linked, pages: dict[str, str]
):
    nodes = json_ld(pages[section.page])["@graph"]
    assert isinstance(nodes, list)
    if section.jsonld is not None:
        assert [node["@type"] for node in nodes] == [section.jsonld]
    else:  # the records it lists, each described as itself (mini's lists fit on one page)
        assert len(nodes) == len(nodes_of(story.graph, section.lists)) > 0
        assert all(node["@type"] != "WebPage" for node in nodes)


@EACH
def test_each_sections_built_page_carries_its_json_ld(section: Section, mini_site: Path):
    types = types_on(mini_site / "site", urls.url_of(section.page))
    assert section.jsonld in types if section.jsonld else types and "WebPage" not in types


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
def test_each_section_lists_collections_there_are(section: Section):
    assert set(section.lists) <= {c.name for c in RECORD_TYPES}
    assert section.lists or section.jsonld is not None, "its JSON-LD would describe nothing"


@EACH
def test_a_listing_section_splits_into_numbered_pages(section: Section):
    if section.per_page is None:
        assert section.name not in urls.PAGE_ENTRIES
        return
    pages = urls.listing_pages(section.name, section.per_page + 1)
    assert pages[0] == section.page and len(pages) == 2


def test_section_names_and_pages_are_unique():
    assert len({s.name for s in SECTIONS}) == len({s.page for s in SECTIONS}) == len(SECTIONS)


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.j2")), ids=lambda p: p.name)
def test_no_template_spells_a_section_path_by_hand(template: Path):
    assert hand_spelled(template.read_text(encoding="utf-8")) == []


def test_a_section_path_spelt_by_hand_is_found():
    template = (
        """<a href="{{ links.page('questions/index.md') }}">Q</a> <a href="../timeline/#x">T</a>"""
        """<a href="{{ links.section("glossary") }}">G</a> {{ links.file('data/facts.json') }}"""
    )
    assert hand_spelled(template) == ["questions/index.md", "../timeline/#x"]


def test_an_unknown_section_name_stops_the_render_naming_the_known_ones(story: Linked):
    template = environment(PageInputs(story)).from_string(
        '<a href="{{ links.section("reading") }}">R</a>'
    )
    with pytest.raises(KeyError) as raised:
        template.render(links=Links("index.md", urls.DIRECTORY_URLS))
    known = ", ".join(section.name for section in SECTIONS)
    assert raised.value.args == (f"no section is named 'reading'; the sections are: {known}",)


def test_no_collection_is_listed_by_two_sections():
    listed = [name for section in SECTIONS for name in section.lists]
    assert len(listed) == len(set(listed)), "a record without a page would have two places"


def test_what_rendering_adds_to_a_section_is_keyed_by_a_section_there_is():
    """A section renamed in the registry would lose its extra context or entries unnoticed."""
    added = set(rendering._SECTION_CONTEXT) | set(rendering._ENTRIES)
    assert added <= {section.name for section in SECTIONS}
