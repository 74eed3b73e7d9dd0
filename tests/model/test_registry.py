"""The registry of record types is the spine: every type in it reaches every place a type must
reach. A type left out of any of them fails here, instead of being validated and then silently
dropped from pages or downloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import check
from generator.content.linking import Linked
from generator.model import urls
from generator.model.docs import model_reference
from generator.model.records import RECORD_TYPES, Collection
from generator.model.schema import SIDECAR, schemas
from generator.pages.rendering import render
from generator.publish.pagefind import indexed
from tests.conftest import MINI, in_place
from tests.pages.test_structured_data import types_on

TYPES = pytest.mark.parametrize("collection", RECORD_TYPES, ids=lambda c: c.name)
WITH_PAGES = [c for c in RECORD_TYPES if c.folder]


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, problems = check(in_place(MINI))
    assert problems == [] and linked is not None
    return linked


def records_of(story: Linked, collection: Collection) -> dict[str, object]:
    return dict(story.records[collection.name]) if collection.many else {"": story.story}


@TYPES
def test_the_fixture_story_has_records_of_every_type(story, collection):
    assert records_of(story, collection), f"tests/fixtures/mini has no {collection.record}"


@TYPES
def test_every_type_has_a_json_schema(collection):
    name = SIDECAR if collection.name == "seeds" else collection.name
    assert f"{name}.schema.json" in schemas()


@TYPES
def test_every_type_is_in_the_contributor_reference(collection):
    where = "`seeds/ID.yaml`" if collection.name == "seeds" else f"`content/{collection.name}.yaml`"
    assert f"### {where}" in model_reference()


@TYPES
def test_every_record_is_in_the_facts_download(story, collection):
    pages = render(story)
    facts = json.loads(pages["data/facts.json"])
    exported = facts[collection.key]
    if collection.many:
        assert [item["id"] for item in exported] == list(records_of(story, collection))
    else:
        assert exported == story.story.model_dump(mode="json", exclude={"site"})


@pytest.mark.parametrize("collection", [c for c in RECORD_TYPES if c.many], ids=lambda c: c.name)
def test_every_record_of_the_facts_download_is_a_line_of_its_own(story, collection):
    text = render(story)["data/facts.json"]
    lines = [line.strip().removesuffix(",") for line in text.splitlines()]
    for item in json.loads(text)[collection.key]:
        assert json.dumps(item, ensure_ascii=False) in lines, item["id"]


@pytest.mark.parametrize("collection", WITH_PAGES, ids=lambda c: c.name)
def test_every_record_with_pages_has_its_page_its_json_ld_and_its_search_entry(
    mini_site: Path, story, collection
):
    hrefs = {record["href"] for record in indexed(mini_site / "site")}
    for record_id in records_of(story, collection):
        page = urls.url_of(story.graph.nodes[collection.name][record_id].own_page())
        assert (mini_site / "site" / page / "index.html").is_file(), page
        assert collection.jsonld in types_on(mini_site / "site", page.rstrip("/")), page
        assert page in hrefs, page
