"""The home page's first screen, as plain values the template prints line by line: what
happened, when, who speaks, where each side stands and what is still unknown, each line with
the citations it rests on (the template links them with `citations.cites`).

It says no more than the records: what happened is the key facts (or the summary where there
are none), when is the span of the dates the events and statements carry, who is the speakers
the statements name, where each side stands is each party's current stance label, and what is
unknown is the open and partly answered questions, told apart by their status. Sentences are
made in prose.py; nothing here formats text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.content.graph import Graph, Node
from generator.pages import prose, views
from generator.pages.views import UNRESOLVED

KEY_FACTS = 1  # key facts the "what happened" line says (one fits a phone's first screen); the
# rest follow lower on the page
SPEAKERS = 3  # speakers the "who" line names; the rest are counted
QUESTIONS = 2  # questions the "still unknown" line names; the rest are counted


@dataclass(frozen=True)
class Fact:
    """A line's piece of text and the citations it rests on."""

    text: str
    sources: Sequence[Node]


@dataclass(frozen=True)
class When:
    """The first and last date an event or statement carries, and the citations of the items
    dated so (where the date comes from); no dates: the sources give none. `published` is the
    span of the articles' publication dates, said where no event or statement is dated."""

    first: dt.date | None
    last: dt.date | None
    sources: tuple[Node, ...]
    published: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class Speaker:
    """Someone the statements name, how many they made, and where the first is reported;
    `uncertain` where the sources leave open, for each of them, whether it was they who spoke."""

    entity: Node
    count: int
    source: Node
    uncertain: bool = False


@dataclass(frozen=True)
class Side:
    """A stance (None: not stated) and the parties that hold it now, each with its current
    position (None where not stated)."""

    stance: Node | None
    parties: list[tuple[Node, Node | None]]


@dataclass(frozen=True)
class Glance:
    """Everything the summary block shows."""

    happened: list[Fact]
    more_facts: list[Fact]  # key facts beyond KEY_FACTS, listed below the summary
    when: When
    speakers: list[Speaker]
    more_speakers: int
    sides: list[Side]
    unknown: list[Node]  # open questions first, then partly answered ones, in file order
    more_unknown: int


def happened(graph: Graph) -> list[Fact]:
    """The key facts, each with its sources; where the story has none, its summary."""
    story = graph.story
    if story.key_facts:
        return [Fact(fact.text, fact.sources) for fact in story.key_facts]
    return [Fact(story.summary, story.sources)]


def _dated(graph: Graph) -> list[tuple[dt.date, list[Node]]]:
    """Each dated event (cited where its date comes from) and statement (its source)."""
    items = [
        (event.date, list(event.date_sources or event.sources))
        for event in graph.events.values()
        if event.date is not None
    ]
    items += [(st.date, [st.source]) for st in graph.statements.values() if st.date is not None]
    return sorted(items, key=lambda item: item[0])  # stable: ties keep file order


def when(graph: Graph) -> When:
    items = _dated(graph)
    if not items:
        dates = sorted(a.published for a in graph.articles.values() if a.published)
        return When(None, None, (), (dates[0], dates[-1]) if dates else None)
    first, last = items[0], items[-1]
    sources = first[1] if first[0] == last[0] else [*first[1], *last[1]]
    unique = {id(source): source for source in sources}
    return When(first[0], last[0], tuple(unique.values()))


def speakers(graph: Graph) -> list[Speaker]:
    """Everyone who said something, most statements first (ties: who spoke first); those to
    whom the sources only possibly attribute words come last."""
    found = [
        Speaker(who, len(who.said), who.said[0].source, all(st.contested for st in who.said))
        for who in graph.speakers
    ]
    return sorted(found, key=lambda speaker: (speaker.uncertain, -speaker.count))


def sides(graph: Graph) -> list[Side]:
    """Each stance someone holds, in stances.yaml's order, then the parties whose stance the
    sources do not state; the story's subject is none of them (as in the positions picture)."""
    held = [
        Side(stance, [(party, party.current) for party in stance.countries])
        for stance in graph.stances.values()
        if stance.countries
    ]
    unstated = [Side(None, [(party, None) for party in graph.unstated])] if graph.unstated else []
    return held + unstated


def unknown(graph: Graph) -> list[Node]:
    """The open questions, then the partly answered ones."""
    questions = list(graph.questions.values())
    return [q for status in UNRESOLVED for q in questions if q.status == status]


def glance(graph: Graph) -> Glance:
    who = speakers(graph)
    open_questions = unknown(graph)
    facts = happened(graph)
    return Glance(
        happened=facts[:KEY_FACTS],
        more_facts=facts[KEY_FACTS:],
        when=when(graph),
        speakers=who[:SPEAKERS],
        more_speakers=max(0, len(who) - SPEAKERS),
        sides=sides(graph),
        unknown=open_questions[:QUESTIONS],
        more_unknown=max(0, len(open_questions) - QUESTIONS),
    )


def home(graph: Graph, timeline: str, articles_listed: int) -> dict[str, object]:
    """What the home page's template is given: the summary block, when the story happened,
    whose reporting it draws on, its latest news and its questions (`timeline`: the link to
    the timeline page; `articles_listed`: how many of the latest articles it lists)."""
    outlets = views.outlets(graph)
    articles = len(graph.articles)
    undated = sum(1 for article in graph.articles.values() if not article.published)
    span = prose.story_span(views.story_dates(graph), timeline)
    drawn = prose.drawn_from(articles, outlets.names, outlets.unknown, len(graph.references))
    unresolved = views.unresolved(graph)
    partly = sum(1 for question in unresolved if question.status == "partly answered")
    return {
        "glance": glance(graph),
        "when": span + prose.undated_articles(undated, articles),
        "drawn_from": drawn,
        "outlets": outlets,
        "latest": views.latest(graph),
        "unresolved": unresolved,
        "question_count": prose.question_count(len(unresolved) - partly, partly),
        "recent": views.recent_articles(graph, articles_listed),
    }
