"""Dates checked against each other, in the link stage: a country's positions are listed oldest
first (the last is current), and nothing is dated after the article that reports it was
published. Undated records are left alone: the sources do not say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from generator.model import Article, Source
from generator.problems import Problem
from generator.validate import Entry, Validated
from generator.yamlsource import Loc


def chronology(validated: Validated, articles: dict[str, Article]) -> Iterator[Problem]:
    for entry in validated.entries["countries"]:
        latest: dt.date | None = None
        for index, position in enumerate(entry.record.positions):
            loc = ("positions", index, "date")
            if position.date is None:
                continue
            if latest is not None and position.date < latest:
                yield entry.problem(
                    loc,
                    f"this position is dated {position.date}, before the one listed above it "
                    f"({latest}): positions are listed oldest first and the last is current, so "
                    "move it above, or fix the date",
                )
            latest = max(latest or position.date, position.date)
            yield from _reported_later(entry, loc, position.date, position.sources, articles)
    for entry in validated.entries["events"]:
        event = entry.record
        if event.date is not None:
            yield from _reported_later(entry, ("date",), event.date, event.sources, articles)


def _reported_later(
    entry: Entry[Any], loc: Loc, date: dt.date, sources: list[Source], articles: dict[str, Article]
) -> Iterator[Problem]:
    """A source cannot report what happened after it was published."""
    for article_id in dict.fromkeys(source.article for source in sources):
        article = articles.get(article_id)  # an unknown article is reported elsewhere
        if article is not None and article.published is not None and date > article.published:
            yield entry.problem(
                loc,
                f"dated {date}, after article '{article_id}', which reports it, was published "
                f"({article.published}): fix the date, or cite an article that could report it",
            )
