"""The search records built from the story (generator/pages/search_records.py): one per thing a
reader looks for, each statement a result of its own, tested on the fictional mini story."""

from __future__ import annotations

import pytest

from generator.build import check
from generator.cli import CANNOT_RUN
from generator.content.linking import Linked
from generator.model import urls
from generator.model.records import RECORD_TYPES, Collection
from generator.pages.rendering import Links
from generator.pages.search_records import ENTRIES, NOT_SEARCHED, Entry, entries, maker
from generator.publish.pagefind import indexed
from tests.conftest import MINI, in_place, run_cli

TYPES = pytest.mark.parametrize("collection", RECORD_TYPES, ids=lambda c: c.name)
SEARCHED = [c for c in RECORD_TYPES if maker(c) is not None]


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, problems = check(in_place(MINI))
    assert problems == [] and linked is not None
    return linked


@pytest.fixture(scope="module")
def made(story) -> list[Entry]:
    return list(entries(story.graph, urls.DIRECTORY_URLS))


@TYPES
def test_every_record_type_is_searched_or_said_not_to_be(collection: Collection):
    assert (maker(collection) is None) == (collection.name in NOT_SEARCHED)


@pytest.mark.parametrize("collection", SEARCHED, ids=lambda c: c.name)
def test_every_searched_record_is_a_result_leading_to_where_it_is_shown(story, made, collection):
    links = Links(urls.SECTION_PAGES["home"], urls.DIRECTORY_URLS)
    nodes = story.graph.nodes[collection.name].values()
    wanted = [
        links.statement(n) if collection.name == "statements" else links.fact(n) for n in nodes
    ]
    assert [url for url in wanted if url not in {e.url for e in made}] == []


def test_every_record_type_named_by_search_is_one_the_registry_has():
    assert set(ENTRIES) | set(NOT_SEARCHED) <= {c.name for c in RECORD_TYPES}


def test_a_statement_is_a_result_of_its_own_with_its_speaker_words_and_permalink(story, made):
    statement = story.graph.statements["stoker-lee-too-expensive"]
    entry = next(e for e in made if e.url == "people/stoker-lee/#s-stoker-lee-too-expensive")
    speaker = str(statement.speakers[0].name)
    assert entry.meta["title"] == speaker
    assert entry.meta["words"] == statement.text
    assert entry.content == f"{speaker}\n{statement.text}\n{statement.context}"


def test_a_statement_can_be_narrowed_by_speaker_country_kind_and_topic(made):
    entry = next(e for e in made if e.url == "people/quill/#s-quill-before-winter")
    assert entry.filters == {
        "type": ["Statement"],
        "speaker": ["Ada Quill"],
        "kind": ["Direct quote"],
        "country": ["Exampleton"],
        "topic": ["Cost"],
    }


def test_a_paraphrase_is_marked_as_a_paraphrase(made):
    entry = next(e for e in made if e.url.endswith("#s-norland-will-not-pay"))
    assert (entry.meta["kind"], entry.filters["kind"]) == ("Paraphrase", ["Paraphrase"])


def test_a_country_is_found_by_its_names_and_current_stance(story, made):
    country = story.graph.countries["norland"]
    entry = next(e for e in made if e.url == "countries/norland/")
    stance = str(country.positions[-1].stance.label)
    assert entry.content.split("\n") == [country.name, *country.aliases, stance]


def test_search_index_indexes_a_site_another_builder_built(mini, tmp_path):
    assert run_cli(mini, "generate").returncode == 0
    site = tmp_path / "elsewhere"
    site.mkdir()
    done = run_cli(mini, "search-index", "--site", str(site))
    assert done.returncode == 0, done.stderr
    linked, _problems = check(in_place(mini))
    assert linked is not None
    made = list(entries(linked.graph, urls.DIRECTORY_URLS))
    assert sorted(r["meta"]["href"] for r in indexed(site)) == sorted(e.url for e in made)


def test_search_index_before_generate_says_what_to_run(mini, tmp_path):
    done = run_cli(mini, "search-index", "--site", str(tmp_path))
    assert done.returncode == CANNOT_RUN
    assert done.stderr == "build/search.json: not found: run `generate` (or `build`) first.\n"
