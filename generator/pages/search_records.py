"""The search index: one record per thing a reader looks for, built from the story, not the HTML.

Each statement is a result of its own (who said it, what they said, a link to its permalink),
as are people, groups, countries, questions, topics, events and glossary terms; and each article
paragraph some fact cites is one too (the source's own words, leading to the paragraph), so a
word only the article says still finds where it says it. `generate` writes the records to
build/search.json; after MkDocs (or Zensical) has built the site, Pagefind turns them into the
static index in SITE/pagefind/ (the paragraphs in a second index, SITE/pagefind/paragraphs/,
searched after the first), which the header's search box loads in small pieces as a reader
types. Only what readers search is indexed, never whole page bodies.

What a record is found by is its `content` and `meta` (Pagefind indexes both); what a result
only shows (its outlet and date, its place) is in `shown`, which Pagefind keeps with the record
without indexing it: a statement is never found by the words of its article's label.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from generator.content.graph import Graph, Node
from generator.model import urls
from generator.model.records import RECORD_TYPES, Collection
from generator.pages.citations import citation_names
from generator.pages.prose import attribution_text, long_date, term_tip
from generator.pages.rendering import Links
from generator.pages.views import status_label

INDEX_FOLDER = "pagefind"  # in the built site: what search.js imports
PARAGRAPHS = "paragraphs"  # in it: the second index, of the cited paragraphs
NAMES = "names.json"  # in it: every speaker's and named record's name, for search.js
KINDS = {"direct": "Direct quote", "reported": "Paraphrase"}  # as the badges on the pages
PARAGRAPH = "Source paragraph"  # a cited paragraph's type
UNCERTAIN = "who said it is uncertain"


@dataclass(frozen=True)
class Entry:
    """One search result: where it leads, the text searched, what a result shows (meta) and
    what it can be narrowed by (filters). Every value is plain text."""

    url: str  # relative to the site root
    content: str
    meta: dict[str, str]  # searched as well as shown: only what the record says
    filters: dict[str, list[str]]
    shown: dict[str, str] = field(default_factory=dict)  # shown with the result, never searched
    names: list[str] = field(default_factory=list)  # who search.js reads a query's names as

    @property
    def index(self) -> str:
        """Which index holds it: the paragraphs' own, or the main one ("")."""
        return PARAGRAPHS if self.filters.get("type") == [PARAGRAPH] else ""

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "content": self.content,
            "meta": self.meta,
            "filters": self.filters,
            "shown": self.shown,
            "names": self.names,
            "index": self.index,
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


def attributed(statement: Node) -> str:
    """Who said it, as a result names them: "A, B" for joint speakers; where the sources leave
    open which of them said it, the readings they allow as the pages give them
    (prose.attribution: "A, or B and A"; "A or B") and that it is uncertain, never as joint
    speakers. The one place search words an attribution."""
    if statement.contested:
        return f"{attribution_text(statement)} — {UNCERTAIN}"
    return ", ".join(_name(s) for s in statement.speakers)


def _is_country(node: Node) -> bool:
    return node.collection is not None and node.collection.name == "countries"


def _said_on(statement: Node) -> str:
    """When a result says it was said: its own date, else its article's publication date, else
    that neither is known (as the pages say an unknown outlet is)."""
    if statement.date is not None:
        return long_date(statement.date)
    published = statement.source.article.published
    return f"published {long_date(published)}" if published is not None else "date unknown"


def _statement(node: Node, links: Links) -> Entry:
    speakers = [_name(s) for s in node.speakers]
    countries = {_name(c) for s in node.speakers if (c := _country_of(s)) is not None}
    kind = KINDS[node.kind]
    # Found by who said it and what they said, nothing else: the article's label, its outlet
    # and the occasion in the editors' words (`context`) are not the statement's words.
    meta = {"title": ", ".join(speakers), "words": str(node.text)}
    article = node.source.article
    shown = {"source": str(article.outlet or "outlet unknown")}
    shown["date"] = _said_on(node)
    if node.contested:
        shown["title"] = attributed(node)
    people = [_name(s) for s in node.speakers if not _is_country(s)]
    # The speaker filter lists people and groups (countries have their own); a quotation whose
    # speaker is uncertain is listed under each candidate only with that said.
    who = [f"{name} ({UNCERTAIN})" for name in people] if node.contested else people
    filters = {"type": ["Statement"], "speaker": who, "kind": [kind]}
    filters["country"] = sorted(countries)
    filters["topic"] = [str(t.name) for t in node.topics]
    content = _text(", ".join(speakers), node.text)
    return Entry(links.statement(node), content, meta, filters, shown, speakers)


def _paragraphs(graph: Graph, links: Links) -> Iterator[Entry]:
    """One record per article paragraph some fact cites: the source's own words, found by any
    of them, leading to the paragraph; search.js shows it as "In Outlet, 5 January 2026, ¶3"
    (the article as citations name it, and the paragraph's number)."""
    names = citation_names(graph.articles.values())
    for article in graph.articles.values():
        for number in sorted(article.cited):
            text = str(article.paragraphs[number - 1])
            url = links.page(article.own_page(), urls.paragraph_anchor(number))
            shown = {"source": names[article.id], "paragraph": str(number)}
            yield Entry(url, text, {}, {"type": [PARAGRAPH]}, shown)


def _speaker(kind: str) -> Callable[[Node, Links], Entry]:
    def entry(node: Node, links: Links) -> Entry:
        country = _country_of(node)
        detail = ", ".join(
            str(p) for p in (getattr(node, "role", None), country and _name(country)) if p
        )
        meta = {"title": str(node.name), "words": detail}
        filters = {"type": [kind], "name": [str(node.name)]}
        filters |= {"country": [_name(country)]} if country else {}
        aliases = getattr(node, "aliases", [])
        content = _text(node.name, *aliases, detail)
        return Entry(links.to(node), content, meta, filters, names=[str(node.name)])

    return entry


def _country(node: Node, links: Links) -> Entry:
    kind = "Country" if node.kind == "country" else "Organisation"
    stance = str(node.positions[-1].stance.label) if node.positions else "Not stated"
    meta = {"title": str(node.name), "words": stance}
    content = _text(node.name, *node.aliases, stance)
    filters = {"type": [kind], "country": [str(node.name)], "name": [str(node.name)]}
    names = [str(node.name)]
    return Entry(links.to(node), content, meta, filters, names=names)


def _question(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.question), "words": str(node.known)}
    shown = {"status": status_label(str(node.status))}
    content = _text(node.question, node.known)
    return Entry(links.to(node), content, meta, {"type": ["Question"]}, shown)


def _term(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.term), "words": term_tip(node)}
    content = _text(node.term, *node.aliases, term_tip(node))
    return Entry(links.fact(node), content, meta, {"type": ["Glossary term"]})


def _topic(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.name), "words": str(node.description)}
    content = _text(node.name, node.description)
    filters = {"type": ["Topic"], "topic": [str(node.name)]}
    return Entry(links.to(node), content, meta, filters)


def _event(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.title), "words": str(node.description)}
    shown = {"date": long_date(node.date) if node.date is not None else str(node.when)}
    content = _text(node.title, node.description)
    return Entry(links.fact(node), content, meta, {"type": ["Event"]}, shown)


def _article(node: Node, links: Links) -> Entry:
    name = str(node.title or node.label)
    meta = {"title": name, "words": str(node.outlet or "")}
    shown = {"date": long_date(node.published)} if node.published is not None else {}
    content = _text(name, node.label if node.title else None, node.outlet)
    return Entry(links.to(node), content, meta, {"type": ["Source"]}, shown)


def _page(node: Node, links: Links) -> Entry:
    """A record of a type added later that has pages: found by its name, leading to its page."""
    kind = node.collection.record.capitalize() if node.collection else "Page"
    meta = {"title": _name(node)}
    return Entry(links.to(node), _name(node), meta, {"type": [kind]})


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


# One part of the records: made when called (see `parts`).
Part = tuple[tuple[str, str], Callable[[], list[Entry]]]


def parts(graph: Graph, scheme: urls.Scheme) -> Iterator[Part]:
    """Every search record of the story in parts, each made when called and named by what it
    is made from: a searched record's by its (collection, id), then the cited paragraphs of
    the articles ("", "paragraphs"). The live preview makes again only the parts whose reads
    changed (generator/live/searched.py); URLs are relative to the site root."""
    links = Links(urls.SECTION_PAGES["home"], scheme)
    for collection in RECORD_TYPES:
        make = maker(collection)
        if make is not None:
            for key, node in graph.nodes[collection.name].items():
                yield (collection.name, key), partial(_one, make, node, links)
    yield ("", "paragraphs"), lambda: list(_paragraphs(graph, links))


def _one(make: Callable[[Node, Links], Entry], node: Node, links: Links) -> list[Entry]:
    return [make(node, links)]


def entries(graph: Graph, scheme: urls.Scheme) -> Iterator[Entry]:
    """Every search record of the story, with URLs relative to the site root: the records of
    the registry's types, then the cited paragraphs of the articles."""
    for _name, part in parts(graph, scheme):
        yield from part()


def entry_text(entry: Entry) -> str:
    """One record as build/search.json holds it."""
    return _dumps(entry.as_json())


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def records_text(graph: Graph, scheme: urls.Scheme) -> str:
    """The records as the JSON `generate` writes to build/search.json."""
    # One record at a time: a big story's records are never all held as data at once.
    return joined(entry_text(e) for e in entries(graph, scheme))


def joined(texts: Iterable[str]) -> str:
    """build/search.json from its records' texts (`entry_text`), in order."""
    return "[" + ",".join(texts) + "]\n"
