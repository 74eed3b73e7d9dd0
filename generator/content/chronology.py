"""Rules on dates checked against each other (listed in rules.py): a country's positions and a
question's answers are listed oldest first (the last is current), the timeline's dated events
in date order, two outlets differing on the same day are a dispute rather than a change, and
nothing is dated after the article that reports it was published. Undated records are left
alone: the sources do not say."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from generator.content.document import Loc
from generator.content.linking import Resolved
from generator.content.problems import Problem
from generator.content.validation import Entry
from generator.model.parts import Paragraph, Source
from generator.model.records import Article


def positions(story: Resolved) -> Iterator[Problem]:
    for entry in story.validated.entries["countries"]:
        yield from _positions(entry, story.articles)


def events(story: Resolved) -> Iterator[Problem]:
    yield from _events(story.validated.entries["events"], story.articles)


def statement_dates(story: Resolved) -> Iterator[Problem]:
    for entry in story.validated.entries["statements"]:
        statement = entry.record
        if statement.date is not None:
            reports = statement.all_reports
            yield from _reported_later(entry, ("date",), statement.date, reports, story.articles)


def answers(story: Resolved) -> Iterator[Problem]:
    for entry in story.validated.entries["questions"]:
        yield from _answers(entry, story.articles)


def read_dates(story: Resolved) -> Iterator[Problem]:
    """An article or reference is read on or after the day it was published."""
    for entry in [*story.validated.articles, *story.validated.entries["references"]]:
        yield from _accessed(entry, entry.record.published, entry.record.accessed)


def _positions(entry: Entry[Any], articles: dict[str, Article]) -> Iterator[Problem]:
    latest: dt.date | None = None
    above = None
    for index, position in enumerate(entry.record.positions):
        loc = ("positions", index, "date")
        if position.date is None:
            above = None
            continue
        if latest is not None and position.date < latest:
            yield entry.problem(
                loc,
                f"this position is dated {position.date}, before the one listed above it "
                f"({latest}): positions are listed oldest first and the last is current, so "
                "move it above, or fix the date",
            )
        elif (
            above is not None
            and above.date == position.date
            and not (_articles(above.sources) & _articles(position.sources))
        ):
            yield entry.problem(
                loc,
                f"this position has the same date as the one above it ({position.date}) but "
                "other sources: if the sources differ on that day, keep one position and "
                "record each side in its `disputes` (with `stance`); if it changed that day, "
                "cite the article that reports both",
            )
        latest = max(latest or position.date, position.date)
        above = position
        yield from _reported_later(entry, loc, position.date, position.sources, articles)


def _events(entries: list[Entry[Any]], articles: dict[str, Article]) -> Iterator[Problem]:
    latest: tuple[dt.date, str] | None = None
    for entry in entries:
        event = entry.record
        if event.date is None:
            continue
        if latest is not None and event.date < latest[0]:
            yield entry.problem(
                ("date",),
                f"this event is dated {event.date}, before '{latest[1]}' listed above it "
                f"({latest[0]}): list events in the order they happened, or fix the date",
            )
        else:
            latest = (event.date, event.id)
        yield from _reported_later(entry, ("date",), event.date, event.sources, articles)


def _answers(entry: Entry[Any], articles: dict[str, Article]) -> Iterator[Problem]:
    """A question's earlier states are oldest first, none after the current one."""
    question = entry.record
    states: list[tuple[Loc, Any, Any]] = [
        (("history", i, "date"), u.date, u.sources) for i, u in enumerate(question.history)
    ]
    states.append((("as_of",), question.as_of, question.sources))
    latest: dt.date | None = None
    for loc, date, sources in states:
        if date is None:
            continue
        if latest is not None and date < latest:
            yield entry.problem(
                loc,
                f"dated {date}, before the state listed above it ({latest}): a question's "
                "`history` is oldest first and ends before its current `as_of`; fix the order "
                "or the date",
            )
        latest = max(latest or date, date)
        yield from _reported_later(entry, loc, date, sources, articles)


def _accessed(
    entry: Entry[Any], published: dt.date | None, accessed: dt.date | None
) -> Iterator[Problem]:
    if found := read_before_published(published, accessed):
        yield entry.problem(("accessed",), found)


def read_before_published(published: dt.date | None, accessed: dt.date | None) -> str | None:
    """What is wrong with a page read before it was published (`new-article` says it too)."""
    if published is not None and accessed is not None and accessed < published:
        return f"read on {accessed}, before it was published ({published}): fix one of the dates"
    return None


def _articles(sources: Iterable[Source | Paragraph]) -> set[str]:
    return {s.article for s in sources if s.article is not None}


def _reported_later(
    entry: Entry[Any],
    loc: Loc,
    date: dt.date,
    sources: Iterable[Source | Paragraph],
    articles: dict[str, Article],
) -> Iterator[Problem]:
    """A source cannot report what happened after it was published."""
    for article_id in dict.fromkeys(s.article for s in sources if s.article is not None):
        article = articles.get(article_id)  # an unknown article is reported elsewhere
        if article is not None and article.published is not None and date > article.published:
            yield entry.problem(
                loc,
                f"dated {date}, after article '{article_id}', which reports it, was published "
                f"({article.published}): fix the date, or cite an article that could report it",
            )
