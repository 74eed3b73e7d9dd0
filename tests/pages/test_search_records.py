"""The search records built from the story (generator/pages/search_records.py): one per thing a
reader looks for, each statement a result of its own, tested on the fictional mini story."""

from __future__ import annotations

import json

import pytest

from generator.build import check
from generator.cli import CANNOT_RUN
from generator.content.linking import Linked
from generator.model import urls
from generator.model.records import RECORD_TYPES, Collection
from generator.pages.prose import long_date
from generator.pages.rendering import Links
from generator.pages.search_records import (
    ENTRIES,
    NOT_SEARCHED,
    PARAGRAPH,
    Entry,
    attributed,
    entries,
    maker,
)
from generator.project import Project
from generator.publish.pagefind import index_site, indexed
from tests.conftest import MINI, MULTI, in_place, run_cli
from tests.search_fixture import MARKUP_NAME, UNCERTAIN, search_story

TYPES = pytest.mark.parametrize("collection", RECORD_TYPES, ids=lambda c: c.name)
SEARCHED = [c for c in RECORD_TYPES if maker(c) is not None]


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, problems = check(in_place(MINI))
    assert problems == [] and linked is not None
    return linked


@pytest.fixture(scope="module")
def uncertain(tmp_path_factory) -> Linked:
    """The mini story with a statement the article leaves uncertain who said."""
    linked, problems = check(in_place(search_story(tmp_path_factory.mktemp("uncertain"))))
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
    assert entry.content == f"{speaker}\n{statement.text}"


def test_a_statement_is_found_by_what_it_says_and_who_said_it_never_by_its_articles_label(
    story, made
):
    label = str(story.graph.articles["fic-bridge"].label)
    statements = [e for e in made if e.filters["type"] == ["Statement"]]
    searched = [(e.content, *e.meta.values()) for e in statements]
    assert statements and [s for s in searched if any(label in text for text in s)] == []


def test_a_statement_is_not_found_by_the_editors_words_on_its_occasion(story, made):
    statement = story.graph.statements["stoker-lee-too-expensive"]
    entry = next(e for e in made if e.url.endswith("#s-stoker-lee-too-expensive"))
    assert statement.context and statement.context not in (entry.content, *entry.meta.values())


def test_a_statement_result_shows_its_outlet_and_the_date_it_was_said():
    linked, _problems = check(in_place(MULTI))
    assert linked is not None
    statement = linked.graph.statements["annar-every-litre"]
    entry = next(
        e
        for e in entries(linked.graph, urls.DIRECTORY_URLS)
        if e.url.endswith("#s-annar-every-litre")
    )
    assert entry.shown == {"source": statement.source.article.outlet, "date": "2 March 2026"}


def test_an_undated_statement_shows_its_articles_publication_date():
    linked, _problems = check(in_place(MULTI))
    assert linked is not None
    statement = linked.graph.statements["belmark-ministry-breach"]
    entry = next(
        e
        for e in entries(linked.graph, urls.DIRECTORY_URLS)
        if e.url.endswith("#s-belmark-ministry-breach")
    )
    published = long_date(statement.source.article.published)
    assert entry.shown["date"] == f"published {published}"


def test_a_statement_whose_article_names_no_outlet_nor_date_says_so(made):
    entry = next(e for e in made if e.url.endswith("#s-stoker-lee-too-expensive"))
    assert (entry.shown["source"], entry.shown["date"]) == ("outlet unknown", "date unknown")


def test_each_cited_paragraph_is_one_record_of_the_sources_words_leading_to_it(story, made):
    article = story.graph.articles["fic-bridge"]
    found = [e for e in made if e.filters["type"] == [PARAGRAPH]]
    assert [(e.url, e.content) for e in found] == [
        (f"{urls.url_of(article.page)}#p-{n}", article.paragraphs[n - 1])
        for n in sorted(article.cited)
    ]
    assert found[0].shown == {"source": str(article.label), "paragraph": "1"}
    assert found[0].meta == {} and found[0].index == "paragraphs"


def test_a_paragraph_is_named_as_citations_name_its_article():
    linked, _problems = check(in_place(MULTI))
    assert linked is not None
    made = list(entries(linked.graph, urls.DIRECTORY_URLS))
    article = linked.graph.articles["fic-npa-filling"]
    entry = next(e for e in made if e.url == f"{urls.url_of(article.page)}#p-2")
    assert entry.shown["source"] == f"{article.outlet}, {long_date(article.published)}"


def test_an_uncertain_attribution_is_said_to_be_uncertain_never_joint(uncertain):
    statement = uncertain.graph.statements[UNCERTAIN]
    entry = next(
        e
        for e in entries(uncertain.graph, urls.DIRECTORY_URLS)
        if e.url.endswith(f"#s-{UNCERTAIN}")
    )
    assert attributed(statement) == "Ada Quill or Bram Stoker-Lee — who said it is uncertain"
    assert entry.shown["title"] == attributed(statement)


def test_the_speaker_filter_gives_an_uncertain_quotation_to_no_candidate_alone(uncertain):
    entry = next(
        e
        for e in entries(uncertain.graph, urls.DIRECTORY_URLS)
        if e.url.endswith(f"#s-{UNCERTAIN}")
    )
    assert entry.filters["speaker"] == [
        "Ada Quill (who said it is uncertain)",
        "Bram Stoker-Lee (who said it is uncertain)",
    ]


def test_the_speaker_filter_lists_people_and_groups_not_countries(made):
    entry = next(e for e in made if e.url.endswith("#s-norland-will-not-pay"))
    assert (entry.filters["speaker"], entry.filters["country"]) == ([], ["Norland"])


def test_a_filter_value_reaches_the_index_exactly_as_written(tmp_path):
    names = [MARKUP_NAME, 'A & B "q"', "&amp;amp;"]
    record = Entry("people/x/", "x", {"title": "x"}, {"speaker": names}, {"source": MARKUP_NAME})
    (tmp_path / "search.json").write_text(json.dumps([record.as_json()]), encoding="utf-8")
    index_site(tmp_path / "search.json", tmp_path / "site")
    [stored] = indexed(tmp_path / "site")
    assert (stored["filters"]["speaker"], stored["href"]) == (names, "people/x/")
    assert stored["filters"]["shown-source"] == [MARKUP_NAME]


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
    assert entry.filters["kind"] == ["Paraphrase"]


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
    assert sorted(r["href"] for r in indexed(site)) == sorted(e.url for e in made)


def test_search_index_puts_the_share_pages_into_a_site_another_builder_built(mini, tmp_path):
    assert run_cli(mini, "generate").returncode == 0
    site = tmp_path / "elsewhere"
    site.mkdir()
    assert run_cli(mini, "search-index", "--site", str(site)).returncode == 0
    share = Project.at(mini).share
    made = sorted(p.relative_to(share) for p in share.rglob("*.html"))
    assert made  # the fixture has statements, so share pages
    assert sorted(p.relative_to(site) for p in (site / "said").rglob("*.html")) == made
    assert all((site / p).read_bytes() == (share / p).read_bytes() for p in made)


def test_search_index_before_generate_says_what_to_run(mini, tmp_path):
    done = run_cli(mini, "search-index", "--site", str(tmp_path))
    assert done.returncode == CANNOT_RUN
    assert done.stderr == "build/search.json: not found: run `generate` (or `build`) first.\n"
