"""The link stage's resolved graph: references are the records they name, the reverse relations
are there, pages are decided, and templates look no id up."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.build import check
from generator.content import linking as link_stage
from generator.content.graph import Node
from generator.content.linking import Linked
from generator.model import urls
from generator.model.parts import ref_of
from generator.model.records import RECORD_TYPES
from generator.pages.rendering import TEMPLATES, render
from generator.project import Project
from tests.conftest import MINI, edit, make_project, problems

TYPES = [c for c in RECORD_TYPES if c.many]


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, found = check(Project.at(MINI))
    assert linked is not None and found == [], found
    return linked


@pytest.mark.parametrize("collection", TYPES, ids=lambda c: c.name)
def test_every_reference_holds_the_node_it_names(story, collection):
    for node in story.graph.nodes[collection.name].values():
        for name, info in type(node.record).model_fields.items():
            value, ids = getattr(node, name), getattr(node.record, name)
            if ref_of(info) is None or ids is None:
                continue
            named = value if isinstance(ids, list) else [value]
            assert all(isinstance(item, Node) for item in named), (node, name)
            assert [item.id for item in named] == (ids if isinstance(ids, list) else [ids])


@pytest.mark.parametrize("collection", TYPES, ids=lambda c: c.name)
def test_records_with_pages_know_their_page(story, collection):
    articles = urls.article_pages(story.graph.articles.values())
    for record_id, node in story.graph.nodes[collection.name].items():
        expected = urls.record_page(collection.name, record_id) if collection.folder else None
        assert node.page == (articles[record_id] if collection.name == "seeds" else expected)


def test_a_citation_inside_a_record_names_its_article_node(story):
    question = next(iter(story.graph.questions.values()))
    source = question.sources[0]
    assert source.article is story.graph.articles[question.record.sources[0].article]
    assert source.paragraph == question.record.sources[0].paragraph


def test_a_statements_home_is_its_first_speakers_page(story):
    for statement in story.graph.statements.values():
        assert statement.home == statement.speakers[0].page


def test_a_speaker_lists_what_they_said_in_file_order(story):
    for speaker in story.graph.speakers:
        said = [st for st in story.graph.statements.values() if speaker in st.speakers]
        assert speaker.said == said


def test_a_statement_lists_the_questions_it_bears_on(story):
    for statement in story.graph.statements.values():
        expected = [q for q in story.graph.questions.values() if statement in q.statements]
        assert statement.questions == expected


def test_an_article_knows_which_statements_cite_each_paragraph(story):
    for article in story.graph.articles.values():
        for paragraph, citing in article.citations.items():
            assert citing
            assert all(st.source.article is article for st in citing)
            assert all(st.source.paragraph == paragraph for st in citing)
            assert paragraph in article.cited


def test_a_country_lists_its_people_and_its_current_stance(story):
    for country in story.graph.countries.values():
        members = [*story.graph.people.values(), *story.graph.groups.values()]
        assert country.members == [m for m in members if m.affiliation is country]
        assert country.current is (country.positions[-1] if country.positions else None)


def test_templates_look_no_id_up():
    """Lookups by id (`s.people[...]`, `.get(x.id)`) belong in the link stage."""
    lookup = re.compile(r"\bs\.\w+(\[|\.get\()|\.get\([^)]*\.id\b|\[[^\]]*\.id\]")
    found = [
        f"{path.name}: {match.group()}"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for match in lookup.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_two_record_types_sharing_a_folder_cannot_share_a_page(tmp_path: Path, monkeypatch):
    """No type shares a folder with another namespace today; a new one must not overwrite."""
    topics = next(c for c in RECORD_TYPES if c.name == "topics")
    moved = dataclasses.replace(topics, folder="people")
    types = tuple(moved if c is topics else c for c in RECORD_TYPES)
    monkeypatch.setattr(link_stage, "RECORD_TYPES", types)
    monkeypatch.setitem(urls.RECORD_FOLDERS, "topics", "people")
    root = make_project(MINI, tmp_path / "story")
    topic = "- id: quill\n  name: Quills\n  description: Pens.\n"
    edit(root, "content/topics.yaml", "- id: cost", topic + "- id: cost")
    assert problems(root) == [
        "content/topics.yaml:1:7: the id 'quill' is taken by the site: this topic's page would "
        "be people/quill.md, which is the page of the person at content/people.yaml:1; choose "
        "another id"
    ]


def test_the_data_page_names_every_key_of_the_download():
    linked, found = check(Project.at(MINI))
    assert linked is not None and found == [], found
    page = render(linked)["data.md"]
    for collection in RECORD_TYPES:
        assert f"<code>{collection.key}</code>" in page, collection.key
