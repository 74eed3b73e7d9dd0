"""When a story has several articles, a citation names its article by outlet and date, or by
the editors' label: never by a number, which would shift whenever an article is added."""

from __future__ import annotations

import datetime as dt

from generator.content.graph import Node
from generator.model.records import ARTICLES, Article
from generator.pages.citations import citation_names


def article(
    key: str,
    outlet: str | None = None,
    published: str | None = None,
    label: str | None = None,
    title: str | None = None,
    page: str | None = None,
) -> Node:
    record = Article(
        id=key,
        label=label or f"Report {key.upper()}",
        title=title,
        outlet=outlet,
        url=None,
        published=dt.date.fromisoformat(published) if published else None,
        language="en",
        full_text_allowed=False,
    )
    node = Node(record, ARTICLES)
    node.page = f"sources/{page or key}.md"
    return node


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


def test_articles_of_one_label_are_named_by_their_headlines_too():
    same = [
        article("a", "Daily Post", "2026-01-06", "Report", "Bridge approved"),
        article("b", "Daily Post", "2026-01-06", "Report", "Bridge delayed"),
    ]
    assert citation_names(same) == {"a": "Report: Bridge approved", "b": "Report: Bridge delayed"}


def test_articles_alike_in_everything_are_named_by_their_pages_address_never_their_id():
    same = [
        article("000_2fea", label="Report", page="article"),
        article("001_9c1b", label="Report", page="article-2"),
    ]
    assert citation_names(same) == {
        "000_2fea": "Report (article)",
        "001_9c1b": "Report (article-2)",
    }
