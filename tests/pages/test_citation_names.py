"""When a story has several articles, a citation names its article by outlet and date, or by
the editors' label: never by a number, which would shift whenever an article is added."""

from __future__ import annotations

import datetime as dt

from generator.content.graph import Node
from generator.model.records import ARTICLES, Article
from generator.pages.citations import citation_names


def article(key: str, outlet: str | None = None, published: str | None = None) -> Node:
    record = Article(
        id=key,
        label=f"Report {key.upper()}",
        title=None,
        outlet=outlet,
        url=None,
        published=dt.date.fromisoformat(published) if published else None,
        language="en",
        full_text_allowed=False,
    )
    return Node(record, ARTICLES)


def test_an_article_is_named_by_its_outlet_and_date():
    assert citation_names([article("a", "Daily Post", "2026-01-06")]) == {
        "a": "Daily Post, 6 January 2026"
    }


def test_without_a_date_by_its_outlet_and_without_either_by_its_label():
    assert citation_names([article("a", "Daily Post"), article("b")]) == {
        "a": "Daily Post",
        "b": "Report B",
    }


def test_articles_that_would_share_a_name_are_named_by_their_labels():
    same = [article("a", "Daily Post", "2026-01-06"), article("b", "Daily Post", "2026-01-06")]
    assert citation_names(same) == {"a": "Report A", "b": "Report B"}


def test_adding_an_article_renames_none_of_the_others():
    before = [article("a", "Daily Post", "2026-01-06"), article("b")]
    after = citation_names([article("0", "Evening Star", "2026-01-05"), *before])
    assert citation_names(before).items() <= after.items()
