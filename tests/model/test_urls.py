"""Relative links between pages, as served with or without directory URLs, under any sub-path."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from generator.model.urls import (
    DIRECTORY_URLS,
    FILE_URLS,
    SLUG_CHARACTERS,
    article_pages,
    article_slug,
    relative,
    slug_words,
)
from generator.pages.text import plural


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "people/x.md", "people/x/"),
        ("people/x.md", "index.md", "../../"),
        ("people/x.md", "people/x.md", "./"),
        ("people/x.md", "people/y.md", "../y/"),
        ("people/index.md", "people/x.md", "x/"),
        ("people/x.md", "people/index.md", "../"),
        ("sources/a.md", "countries/index.md", "../../countries/"),
        ("timeline.md", "glossary.md", "../glossary/"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative_links(here, there, expected):
    assert relative(here, there) == expected


def test_anchors_are_appended():
    assert relative("people/x.md", "sources/a.md", "p-3") == "../../sources/a/#p-3"


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "people/x.md", "people/x.html"),
        ("people/x.md", "index.md", "../index.html"),
        ("people/x.md", "people/x.md", "x.html"),
        ("people/x.md", "people/y.md", "y.html"),
        ("people/index.md", "people/x.md", "x.html"),
        ("people/x.md", "people/index.md", "index.html"),
        ("sources/a.md", "countries/index.md", "../countries/index.html"),
        ("timeline.md", "glossary.md", "glossary.html"),
        ("index.md", "index.md", "index.html"),
    ],
)
def test_relative_links_without_directory_urls(here, there, expected):
    assert FILE_URLS.relative(here, there) == expected


def test_files_are_linked_from_the_folder_a_page_is_served_in():
    assert FILE_URLS.folder_of("people/x.md") == "people"
    assert DIRECTORY_URLS.folder_of("people/x.md") == "people/x/"


@pytest.mark.parametrize(
    ("count", "one", "many", "expected"),
    [(1, "event", None, "event"), (0, "event", None, "events"), (2, "person", "people", "people")],
)
def test_a_count_is_followed_by_the_right_noun(count, one, many, expected):
    assert plural(count, one, many) == expected


@dataclass(frozen=True)
class _Article:
    id: str
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None


MARCH_4 = dt.date(2026, 3, 4)


def test_an_articles_address_is_its_outlet_and_publication_date():
    article = _Article("000_2fea662c6618083a", "The Daily Ledger", MARCH_4, "Bridge approved")
    assert article_pages([article]) == {article.id: "sources/the-daily-ledger-2026-03-04.md"}


@pytest.mark.parametrize(
    ("article", "slug"),
    [
        (
            _Article("a", None, MARCH_4, "Council backs the bridge"),
            "council-backs-the-bridge-2026-03-04",
        ),
        (_Article("a", None, None, None), "article"),
        (_Article("a", "Le Café du Nord", None, None), "le-cafe-du-nord"),
        (_Article("a", "  ", MARCH_4, None), "article-2026-03-04"),
    ],
)
def test_without_an_outlet_the_address_takes_the_headline_or_article_and_no_date_is_left_out(
    article, slug
):
    assert article_slug(article) == slug


def test_a_long_headline_is_cut_at_a_word():
    words = "A very long headline about the bridge that the council of Exampleton voted for"
    slug = article_slug(_Article("a", title=words))
    assert (
        len(slug) <= SLUG_CHARACTERS
        and slug == "a-very-long-headline-about-the-bridge-that-the-council-of"
    )


def test_articles_with_the_same_address_are_numbered_in_the_order_of_their_ids():
    first = _Article("b-first", "Ledger", MARCH_4)
    second = _Article("c-second", "Ledger", MARCH_4)
    assert article_pages([second, first]) == {
        "b-first": "sources/ledger-2026-03-04.md",
        "c-second": "sources/ledger-2026-03-04-2.md",
    }


def test_an_address_does_not_change_when_another_article_is_added():
    kept = _Article("m", "Ledger", MARCH_4)
    before = article_pages([kept])
    after = article_pages([kept, _Article("z", "Ledger", MARCH_4), _Article("a", "Herald")])
    assert after["m"] == before["m"]


@pytest.mark.parametrize("outlet", ["Index", "Page 2"])
def test_an_address_the_sources_listing_uses_itself_is_never_an_articles(outlet):
    assert article_pages([_Article("a", outlet)]) == {"a": f"sources/{slug_words(outlet)}-2.md"}
