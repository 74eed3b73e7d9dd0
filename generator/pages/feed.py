"""The story's Atom feed (RFC 4287), `feed.xml` at the site's root: what changed, and when, for
a reader who follows the story in a feed reader instead of coming back to look.

An entry is a dated change of the facts: a statement said on a date, a country's position
taken on a date (with the one it replaces), a question answered or partly answered on a date,
a correction, an event of the timeline. Undated facts are not news a reader can be told of
in order, so they are left out, as the home page's "latest news" leaves them out. Newest
first; the feed's own date is the facts' (`updated` in story.yaml), or a later entry's, never
the time of the build, so the same story gives the same bytes.

Every entry has an id that stays the same while its record does: the record's address on the
site and a fragment naming the change where the site's address is known (`site.url`, or
SITE_URL), else a name-based UUID (`urn:uuid:`) of the story's title and that same place.
It is not Markdown: MkDocs copies it as it is. This module says
what the feed says; templates/feed.xml.j2 lays it out, escaped as every template prints a value.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import cast

from jinja2 import Environment

from generator.content.graph import Graph, Node
from generator.model import urls
from generator.pages import share
from generator.pages.citations import Citations
from generator.pages.views import fact_place

TEMPLATE = "feed.xml.j2"
FEED_ENTRIES = 200  # the newest changes a feed carries: a reader follows news, not the archive
TITLE_WORDS = 90  # characters of a correction's summary in its entry's title
# The statuses of a question that are news when they come: an answer, whole or in part.
ANSWERED = {"answered": "Answered", "partly answered": "Partly answered"}
# Characters XML 1.0 cannot hold at all, even as a reference: shown as a visible mark instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Change:
    """One entry of the feed: a dated change, where it is shown, and what it says."""

    date: dt.date
    title: str
    summary: str
    page: str  # the page that shows the changed record
    anchor: str | None  # where on it, when the record has an anchor of its own
    place: str  # a fragment naming this change on that page, for its id: unique in the feed


# A dated change, made only if it is among the newest the feed carries: a big story's
# statements are thousands, and the live preview then records no read of the others' words.
Dated = tuple[dt.date, Callable[[], Change]]


def changes(graph: Graph, words: Callable[[Node], str], limit: int | None = None) -> list[Change]:
    """The dated changes of the story, newest first (the `limit` newest); on one day,
    corrections first, then answers, positions, events and statements, each in file order.
    `words` names a cited paragraph in words ("Outlet, 3 March 2026, paragraph 2")."""
    found: list[Dated] = [
        *_corrections(graph),
        *_answers(graph),
        *_positions(graph),
        *_events(graph),
        *_statements(graph, words),
    ]
    found.sort(key=lambda dated: dated[0], reverse=True)  # stable: ties keep their order
    return [make() for _date, make in found[:limit]]


def _statements(graph: Graph, words: Callable[[Node], str]) -> Iterator[Dated]:
    for statement in graph.statements.values():
        if statement.date is not None:
            yield statement.date, partial(_statement, statement, words)


def _statement(statement: Node, words: Callable[[Node], str]) -> Change:
    """A statement as its share page previews it: who, on what, the words, where published."""
    title, summary = share.preview(statement, words(statement.source))
    anchor = urls.statement_anchor(statement)
    return Change(statement.date, title, summary, statement.home, anchor, anchor)


def _positions(graph: Graph) -> Iterator[Dated]:
    """Each dated position a country or organisation took, and which one it replaced."""
    for country in graph.countries.values():
        before: Node | None = None
        for position in country.positions:
            if position.date is not None:
                label = position.stance.label
                title = f"Where {country.name} stands: {label}"
                if before is not None and before.stance.label != label:
                    title += f" (before: {before.stance.label})"
                place = f"position-{position.date.isoformat()}-{position.stance.id}"
                page = country.own_page()
                change = Change(position.date, title, position.summary, page, None, place)
                yield position.date, partial(_as_it_is, change)
            before = position


def _answers(graph: Graph) -> Iterator[Dated]:
    """Each dated answer, whole or partial, to a question: its history's and its current one."""
    for question in graph.questions.values():
        for entry in question.timeline:
            if entry.date is None or entry.status not in ANSWERED:
                continue
            title = f"{ANSWERED[entry.status]}: {question.question}"
            place = f"answer-{entry.date.isoformat()}-{entry.status.replace(' ', '-')}"
            change = Change(entry.date, title, entry.known, question.own_page(), None, place)
            yield entry.date, partial(_as_it_is, change)


def _corrections(graph: Graph) -> Iterator[Dated]:
    for correction in graph.corrections.values():
        page, anchor = fact_place(correction)
        title = f"Correction: {share.cut(correction.summary, TITLE_WORDS)}"
        place = anchor or urls.record_anchor("correction", correction.id)
        change = Change(correction.date, title, correction.summary, page, anchor, place)
        yield correction.date, partial(_as_it_is, change)


def _events(graph: Graph) -> Iterator[Dated]:
    for event in graph.events.values():
        if event.date is None:
            continue
        page, anchor = fact_place(event)  # its entry on the timeline
        place = anchor or urls.record_anchor("event", event.id)
        change = Change(event.date, event.title, event.description, page, anchor, place)
        yield event.date, partial(_as_it_is, change)


def _as_it_is(change: Change) -> Change:
    """A change made at once: the few records that are not statements."""
    return change


def feed_file(graph: Graph, scheme: urls.Scheme, env: Environment) -> str:
    """The feed's XML. Links are absolute where the site's address is known, else relative to
    the feed, which sits at the site's root beside the home page."""
    citations = cast(Citations, env.globals["citations"])
    found = changes(graph, citations.words, FEED_ENTRIES)
    story = graph.story
    home = urls.section_page("home")
    updated = max([story.updated, *(change.date for change in found)])
    used: set[str] = set()
    entries = []
    for change in found:
        entries.append(
            {
                "id": _unique(_identifier(scheme, story.title, change.page, change.place), used),
                "title": _xml(change.title),
                "updated": _instant(change.date),
                "link": _link(scheme, change.page, change.anchor),
                "summary": _xml(change.summary),
            }
        )
    values = {
        "id": scheme.absolute_file(urls.FEED_FILE) or _uuid(story.title, urls.FEED_FILE),
        "title": _xml(story.title),
        "subtitle": _xml(
            f"What changed in the facts of “{story.title}”: statements, positions, answers to "
            "open questions, corrections and events, newest first."
        ),
        "updated": _instant(updated),
        "author": _xml(story.title),
        "home": _link(scheme, home, None),
        "feed_url": scheme.absolute_file(urls.FEED_FILE),
        "entries": entries,
    }
    template = env.get_template(TEMPLATE)
    # A context of these values alone, as share pages are rendered: no global is needed.
    return "".join(template.root_render_func(template.new_context(values, shared=True)))


def _identifier(scheme: urls.Scheme, story: str, page: str, place: str) -> str:
    """A change's id: its page's address and its fragment where the site's address is known,
    else a UUID made from the story's title and that same place."""
    return scheme.absolute(page, place) or _uuid(story, f"{page}#{place}")


def _uuid(story: str, place: str) -> str:
    """A name-based UUID (RFC 4122, version 5): the same story and place, the same id."""
    name = f"{story}\n{place}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _unique(identifier: str, used: set[str]) -> str:
    """Two changes of one page, day and kind (never expected) still get ids of their own."""
    candidate, number = identifier, 1
    while candidate in used:
        number += 1
        candidate = f"{identifier}-{number}"
    used.add(candidate)
    return candidate


def _link(scheme: urls.Scheme, page: str, anchor: str | None) -> str:
    """The page's address, or its link from the site's root, where the feed is."""
    return scheme.absolute(page, anchor) or scheme.relative(urls.section_page("home"), page, anchor)


def _instant(day: dt.date) -> str:
    """An RFC 3339 date-time, as Atom requires: the start of the day, in UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _xml(text: str) -> str:
    """Text that XML 1.0 can carry: a character it cannot hold shown as a visible mark."""
    return _NOT_XML.sub(lambda match: f"[U+{ord(match.group()):04X}]", text)
