"""A real `mkdocs build --strict` of the test story, read back as a reader's browser would.

Invariants only: they hold for any correct content, so a contributor's correct edit never fails
them (tests/authoring/test_contributor_story.py proves that by adding an article and running
them again).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check
from generator.content.quotation import normalise_space
from generator.model import urls
from generator.model.records import RECORD_TYPES
from generator.model.sections import SECTIONS
from generator.project import Project
from generator.publish.pagefind import indexed
from generator.verify.html import read, resolve, site_pages, under
from tests.conftest import run_cli

pytestmark = pytest.mark.story


@pytest.fixture(scope="module")
def built(story_project) -> Path:
    return story_project


@pytest.fixture(scope="module")
def story(built):
    linked, found = check(Project.at(built))
    assert found == []
    return linked


def page(built: Path, url: str):
    return read(built / "site" / url / "index.html")


def test_every_record_with_a_page_has_one(built, story):
    pages = [
        node.own_page()
        for collection in RECORD_TYPES
        if collection.folder
        for node in story.graph.nodes[collection.name].values()
    ]
    urls_ = [urls.url_of(p) for p in [*(s.page for s in SECTIONS), *pages]]
    missing = [u for u in urls_ if not (built / "site" / u / "index.html").is_file()]
    assert missing == []


def test_every_quotation_is_on_each_speakers_page_linked_to_its_words(built, story):
    direct = [s for s in story.statements.values() if s.kind == "direct"]
    for statement in direct:
        for speaker in story.graph.statements[statement.id].speakers:
            home = urls.url_of(speaker.page)
            speaker_page = built / "site" / home / "index.html"
            html = read(speaker_page)
            card = html.by_id(f"s-{statement.id}")
            assert normalise_space(statement.text) in normalise_space(card.text)
            # The card's citations of its own source (a dispute's may cite the same number).
            expected = urls.quote_anchor(statement, statement.source.paragraph)
            landings = [
                resolve(built / "site", speaker_page, e.attrs["href"])
                for e in html.elements
                if e.tag == "a"
                and "xp-cite" in e.attrs.get("class", "")
                and e.attrs.get("href", "").endswith(f"#{expected}")
                and f"s-{statement.id}" in _card_ids_before(html, e)
            ]
            assert landings, statement.id
            target, fragment = landings[0]
            marked = read(target).by_id(fragment)
            # The marked words (their first piece, where another quotation cuts across them).
            assert marked.text.strip()
            assert normalise_space(statement.text).startswith(normalise_space(marked.text))


def _card_ids_before(html, element) -> list[str]:
    """Ids of the statement cards that open before `element` (the last is its own card)."""
    ids = []
    for candidate in html.elements:
        if candidate is element:
            return ids[-1:]
        if candidate.tag == "article" and candidate.attrs.get("id", "").startswith("s-"):
            ids.append(candidate.attrs["id"])
    return ids[-1:]


# Every site the generator builds: the test story, and the mini story served with and without
# directory URLs (`use_directory_urls`, which the links follow).
SITES = ["story_project", "mini_site", "mini_file_urls"]


@pytest.mark.parametrize("built_site", SITES)
def test_no_broken_internal_link_or_anchor(built_site, request):
    site = (request.getfixturevalue(built_site) / "site").resolve()
    cache: dict[Path, set[str]] = {}
    broken = []
    # 404.html is served at any address, so MkDocs gives it root-relative links on purpose.
    for path in [p for p in site_pages(site) if p.name != "404.html"]:
        for href in read(path).links():
            resolved = resolve(site, path, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not under(site, target) or not target.is_file():
                broken.append(f"{path.relative_to(site)} -> {href}")
                continue
            if fragment and target.suffix == ".html":
                if target not in cache:  # each page is read once, however many links it has
                    cache[target] = read(target).ids
                if fragment not in cache[target]:
                    broken.append(f"{path.relative_to(site)} -> {href} (no such anchor)")
    assert broken == []


@pytest.mark.parametrize("built_site", SITES)
def test_the_404_pages_search_form_leads_to_the_search_page(built_site, request):
    """The 404 page is served at any depth, so its addresses start at the site's root."""
    site = (request.getfixturevalue(built_site) / "site").resolve()
    page = read(site / "404.html")
    actions = [e.attrs["action"] for e in page.elements if e.tag == "form" and "action" in e.attrs]
    assert actions, "the 404 page has no search form"
    for action in actions:
        target = site / action.lstrip("/")
        assert (target / "index.html" if action.endswith("/") else target).is_file(), action


def test_search_index_finds_people_countries_questions_and_quotations(built, story):
    # Records hold plain text (a name's `&` is `&`, not `&amp;`).
    text = normalise_space(" ".join(r["content"] for r in indexed(built / "site")))
    for person in story.people.values():
        assert person.name in text
    for country in story.countries.values():
        assert country.name in text
    for question in story.questions.values():
        assert question.question in text
    for statement in story.statements.values():
        if statement.kind == "direct":
            assert normalise_space(statement.text).replace("’", "'") in text.replace("’", "'")


UNKNOWN = {"title": "Headline", "outlet": "Outlet", "published": "Published", "url": "Original"}


def test_what_a_sidecar_leaves_unknown_is_shown_as_unknown(built, story):
    for article in story.articles.values():
        elements = page(built, urls.url_of(story.graph.articles[article.id].own_page())).elements
        facts = {
            term.text: elements[index + 1].text
            for index, term in enumerate(elements)
            if term.tag == "dt" and elements[index + 1].tag == "dd"
        }
        for field, label in UNKNOWN.items():
            if getattr(article, field) is None:
                assert "not known" in facts[label], (article.id, field)


def test_uncited_paragraphs_are_not_shown_when_the_licence_is_unknown(built, story):
    for article in story.articles.values():
        if article.full_text_allowed:
            continue
        shown_page = page(built, urls.url_of(story.graph.articles[article.id].own_page()))
        cited = story.cited.get(article.id, set())
        for number, text in enumerate(story.texts[article.id].paragraphs, start=1):
            block = shown_page.by_id(urls.paragraph_anchor(number))
            shown = normalise_space(text) in normalise_space(block.text)
            assert shown == (number in cited), (article.id, number)


def test_entity_pages_stay_out_of_the_navigation(built, story):
    home = read(built / "site" / "index.html")
    nav_links = [
        e.attrs["href"]
        for e in home.elements
        if e.tag == "a" and "md-nav__link" in e.attrs.get("class", "")
    ]
    assert any("countries/" in href for href in nav_links)
    for person in story.graph.people.values():
        assert not any(urls.url_of(person.own_page()) in href for href in nav_links)


def test_a_second_build_with_nothing_changed_rewrites_no_page(built):
    result = run_cli(built, "generate")
    assert result.returncode == 0
    assert "Generated 0 changed page(s)" in result.stdout
