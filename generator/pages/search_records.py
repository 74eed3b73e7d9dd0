"""The search index: one record per thing a reader looks for, built from the story, not the HTML.

Each statement is a result of its own (its speakers, its words, a link to its permalink), as
are people, groups, countries, questions, topics, events and glossary terms. `generate` writes
the records to build/search.json; after MkDocs (or Zensical) has built the site, Pagefind
turns them into the static index in SITE/pagefind/, which the header's search box loads in
small pieces as a reader types. Only what readers search is indexed, never whole page bodies.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.content.graph import Graph, Node
from generator.model import urls
from generator.model.records import RECORD_TYPES, Collection
from generator.pages.prose import long_date, term_tip
from generator.pages.rendering import Links
from generator.pages.views import status_label

INDEX_FOLDER = "pagefind"  # in the built site: what search.js imports
NAMES = "names.json"  # in it: every speaker's and named record's name, for search.js
KINDS = {"direct": "Direct quote", "reported": "Paraphrase"}  # as the badges on the pages


@dataclass(frozen=True)
class Entry:
    """One search result: where it leads, the text searched, what a result shows (meta) and
    what it can be narrowed by (filters). Every value is plain text."""

    url: str  # relative to the site root
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "content": self.content,
            "meta": self.meta,
            "filters": self.filters,
        }


def _text(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if p)


def _name(node: Node) -> str:
    return str(getattr(node, node.collection.label if node.collection else "name"))


def _country_of(speaker: Node) -> Node | None:
    """The country a speaker speaks for: itself, or what it is part of."""
    if speaker.collection is not None and speaker.collection.name == "countries":
        return speaker
    return getattr(speaker, "affiliation", None)


def _statement(node: Node, links: Links) -> Entry:
    speakers = [_name(s) for s in node.speakers]
    countries = {_name(c) for s in node.speakers if (c := _country_of(s)) is not None}
    kind = KINDS[node.kind]
    meta = {"title": ", ".join(speakers), "type": "Statement", "kind": kind, "words": node.text}
    if node.date is not None:
        meta["date"] = long_date(node.date)
    meta["source"] = str(node.source.article.outlet or node.source.article.label)
    filters = {"type": ["Statement"], "speaker": speakers, "kind": [kind]}
    filters["country"] = sorted(countries)
    filters["topic"] = [str(t.name) for t in node.topics]
    content = _text(", ".join(speakers), node.text, node.context)
    return Entry(links.statement(node), content, meta, filters)


def _speaker(kind: str) -> Callable[[Node, Links], Entry]:
    def entry(node: Node, links: Links) -> Entry:
        country = _country_of(node)
        detail = ", ".join(
            str(p) for p in (getattr(node, "role", None), country and _name(country)) if p
        )
        meta = {"title": str(node.name), "type": kind, "words": detail}
        filters = {"type": [kind], "name": [str(node.name)]}
        filters |= {"country": [_name(country)]} if country else {}
        aliases = getattr(node, "aliases", [])
        return Entry(links.to(node), _text(node.name, *aliases, detail), meta, filters)

    return entry


def _country(node: Node, links: Links) -> Entry:
    kind = "Country" if node.kind == "country" else "Organisation"
    stance = str(node.positions[-1].stance.label) if node.positions else "Not stated"
    meta = {"title": str(node.name), "type": kind, "words": stance}
    content = _text(node.name, *node.aliases, stance)
    filters = {"type": [kind], "country": [str(node.name)], "name": [str(node.name)]}
    return Entry(links.to(node), content, meta, filters)


def _question(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.question), "type": "Question", "words": str(node.known)}
    meta["status"] = status_label(str(node.status))
    return Entry(links.to(node), _text(node.question, node.known), meta, {"type": ["Question"]})


def _term(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.term), "type": "Glossary term", "words": term_tip(node)}
    content = _text(node.term, *node.aliases, term_tip(node))
    return Entry(links.fact(node), content, meta, {"type": ["Glossary term"]})


def _topic(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.name), "type": "Topic", "words": str(node.description)}
    content = _text(node.name, node.description)
    return Entry(links.to(node), content, meta, {"type": ["Topic"], "topic": [str(node.name)]})


def _event(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.title), "type": "Event", "words": str(node.description)}
    meta["date"] = long_date(node.date) if node.date is not None else str(node.when)
    content = _text(node.title, node.description)
    return Entry(links.fact(node), content, meta, {"type": ["Event"]})


def _article(node: Node, links: Links) -> Entry:
    name = str(node.title or node.label)
    meta = {"title": name, "type": "Source", "words": str(node.outlet or "")}
    if node.published is not None:
        meta["date"] = long_date(node.published)
    content = _text(name, node.label if node.title else None, node.outlet)
    return Entry(links.to(node), content, meta, {"type": ["Source"]})


def _page(node: Node, links: Links) -> Entry:
    """A record of a type added later that has pages: found by its name, leading to its page."""
    kind = node.collection.record.capitalize() if node.collection else "Page"
    return Entry(
        links.to(node), _name(node), {"title": _name(node), "type": kind}, {"type": [kind]}
    )


# How each record type of the registry is searched: by its row here, else by its name if it has
# pages (`_page`); the types in NOT_SEARCHED are not (the tests walk the registry).
ENTRIES: dict[str, Callable[[Node, Links], Entry]] = {
    "seeds": _article,
    "people": _speaker("Person"),
    "groups": _speaker("Group"),
    "countries": _country,
    "statements": _statement,
    "questions": _question,
    "events": _event,
    "glossary": _term,
    "topics": _topic,
}
NOT_SEARCHED = {
    "story": "the home page itself",
    "stances": "found through the countries that take them",
    "references": "listed on the sources page only",
    "corrections": "listed on the corrections page only",
}


def maker(collection: Collection) -> Callable[[Node, Links], Entry] | None:
    """How a record type is searched, if it is."""
    if collection.name in NOT_SEARCHED:
        return None
    return ENTRIES.get(collection.name, _page if collection.folder else None)


def entries(graph: Graph, scheme: urls.Scheme) -> Iterator[Entry]:
    """Every search record of the story, with URLs relative to the site root."""
    links = Links(urls.SECTION_PAGES["home"], scheme)
    for collection in RECORD_TYPES:
        make = maker(collection)
        if make is not None:
            for node in graph.nodes[collection.name].values():
                yield make(node, links)


def records_text(graph: Graph, scheme: urls.Scheme) -> str:
    """The records as the JSON `generate` writes to build/search.json."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    # One record at a time: a big story's records are never all held as data at once.
    return "[" + ",".join(dumps(e.as_json()) for e in entries(graph, scheme)) + "]\n"
