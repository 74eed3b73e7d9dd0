"""What the pages compute from the graph so that templates only present it: where a record's
facts come from, where an entity is mentioned, the questions by section, and the story's
span of dates, outlets and latest news for the home page.

Nothing here formats text for readers; prose.py and the templates do, from these plain values.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.content.graph import Graph, Node, in_citation_order
from generator.model import urls
from generator.model.records import RECORD_TYPES
from generator.model.sections import lister, named

# What readers read for each question status (the YAML keeps its short values): "moot" is a
# word many readers do not know, and means the opposite in American and British English.
STATUS_LABELS = {
    "open": "Open",
    "partly answered": "Partly answered",
    "answered": "Answered",
    "moot": "No longer relevant",
}
# Question statuses by the section of the questions page they are listed in, in page order.
QUESTION_SECTIONS = {
    "Open questions": ("open", "partly answered"),
    "Answered": ("answered",),
    STATUS_LABELS["moot"]: ("moot",),
}
UNRESOLVED = QUESTION_SECTIONS["Open questions"]


@dataclass(frozen=True)
class Cited:
    """One article or reference a page draws on, with the paragraphs it cites of an article."""

    source: Node  # an article node, or a reference node
    is_reference: bool
    places: tuple[Node, ...]  # the citations themselves, in paragraph order (none: a reference)


@dataclass(frozen=True)
class Dated:
    """A dated item of the story, for the home page's latest news: where it lives and its name."""

    date: dt.date
    kind: str  # what it is, in a reader's words: "question", "position", "event", "statement"
    name: str
    page: str
    anchor: str | None
    node: Node  # the record, which the news sentence quotes (prose.news)
    party: Node | None = None  # a position's country or organisation


@dataclass(frozen=True)
class Outlets:
    """Who published the articles: each outlet once, in sources-page order."""

    names: tuple[str, ...]
    unknown: int  # articles whose outlet is not known


def status_label(status: str) -> str:
    """A question status as readers read it."""
    return STATUS_LABELS[status]


@dataclass(frozen=True)
class Coverage:
    """How widely a statement was carried: its reports' articles, their outlets, and the
    independent reports among them. Syndication is not corroboration: an outlet that
    republishes an agency's copy (`via`) counts with that agency, and one outlet's articles
    count once, so three outlets printing one agency's copy are one report, not three."""

    articles: int
    outlets: int
    origins: int  # independent reports: agencies and outlets that did not republish another's
    syndicated: tuple[tuple[str, str], ...]  # (outlet, agency) of each republished copy
    repeated: tuple[str, ...]  # outlets with more than one of the articles


def _plain(name: str) -> str:
    return " ".join(name.split()).casefold()


def coverage(reports: Iterable[Node]) -> Coverage:
    """The coverage of a statement by its reports (an article of unknown outlet counts as an
    outlet of its own: nothing says it is another's)."""
    articles = list({id(r.article): r.article for r in reports}.values())
    outlets: dict[str, list[Node]] = {}
    for article in articles:
        key = _plain(article.outlet) if article.outlet else f"#{article.id}"
        outlets.setdefault(key, []).append(article)
    origins = {_plain(a.via or a.outlet) if a.via or a.outlet else f"#{a.id}" for a in articles}
    syndicated = {
        (str(a.outlet or a.label), str(a.via)): None
        for a in articles
        if a.via and _plain(a.via) != _plain(a.outlet or "")
    }
    repeated = tuple(str(same[0].outlet) for same in outlets.values() if len(same) > 1)
    return Coverage(len(articles), len(outlets), len(origins), tuple(syndicated), repeated)


def grouped(graph: Graph, sources: Iterable[Node]) -> list[Cited]:
    """Citations grouped by the article (or reference) they cite, each paragraph once."""
    by_article: dict[str, list[Node]] = {}
    references: dict[str, Node] = {}
    for source in in_citation_order(graph, sources):
        if source.reference is not None:
            references.setdefault(source.reference.id, source.reference)
        else:
            by_article.setdefault(source.article.id, []).append(source)
    found = [Cited(cited[0].article, False, tuple(cited)) for cited in by_article.values()]
    return found + [Cited(reference, True, ()) for reference in references.values()]


def disputed(disputes: Iterable[Node]) -> Iterator[Node]:
    """Every citation of every account of the given disputes."""
    for dispute in disputes:
        for account in dispute.accounts:
            yield from account.sources


def statement_sources(statement: Node) -> Iterator[Node]:
    yield from statement.all_reports
    yield from disputed(statement.disputes)


def position_sources(position: Node) -> Iterator[Node]:
    yield from position.sources
    yield from disputed(position.disputes)


def question_sources(question: Node) -> Iterator[Node]:
    for entry in question.timeline:
        yield from entry.sources
    yield from disputed(question.disputes)
    for statement in question.statements:
        yield from statement_sources(statement)


def entity_sources(entity: Node) -> Iterator[Node]:
    """What an entity's page shows: where it is mentioned, its positions and its statements."""
    yield from entity.mentions
    for position in getattr(entity, "positions", []):
        yield from position_sources(position)
    for statement in getattr(entity, "said_here", entity.said):
        yield from statement_sources(statement)


def draws_on(graph: Graph, record: Node) -> list[Cited]:
    """The articles and references the facts shown on a record's page cite."""
    collection = record.collection.name if record.collection else ""
    if collection == "questions":
        sources: Iterable[Node] = question_sources(record)
    elif collection == "topics":
        sources = (s for statement in record.said for s in statement_sources(statement))
    else:
        sources = entity_sources(record)
    return grouped(graph, sources)


def question_sections(graph: Graph) -> list[tuple[str, list[Node]]]:
    """The questions page's sections that have questions, each in file order."""
    sections = [
        (title, [q for q in graph.questions.values() if q.status in statuses])
        for title, statuses in QUESTION_SECTIONS.items()
    ]
    return [(title, questions) for title, questions in sections if questions]


def unresolved(graph: Graph) -> list[Node]:
    return [q for q in graph.questions.values() if q.status in UNRESOLVED]


def story_dates(graph: Graph) -> list[dt.date]:
    """Every date the sources give: articles published, events, statements said."""
    dates = [a.published for a in graph.articles.values()]
    dates += [e.date for e in graph.events.values()]
    dates += [s.date for s in graph.statements.values()]
    return sorted(d for d in dates if d is not None)


def outlets(graph: Graph) -> Outlets:
    names = {a.outlet: None for a in graph.articles.values() if a.outlet}
    unknown = sum(1 for a in graph.articles.values() if not a.outlet)
    return Outlets(tuple(names), unknown)


def recent_articles(graph: Graph, limit: int) -> list[Node]:
    """Every article in sources-page order; where there are more than `limit`, the latest
    `limit` by publication date, latest first (undated ones last)."""
    articles = list(graph.articles.values())
    if len(articles) <= limit:
        return articles
    dated = sorted((a for a in articles if a.published), key=lambda a: a.published, reverse=True)
    return [*dated, *(a for a in articles if not a.published)][:limit]


def dated_items(graph: Graph) -> list[Dated]:
    """Every dated item a reader may look for as news, latest first (ties in the order
    questions, positions, events, statements, each in file order)."""
    items: list[Dated] = []
    for question in graph.questions.values():
        if question.changed is not None:
            name = question.question
            page = question.own_page()
            items.append(Dated(question.changed, "question", name, page, None, question))
    for country in graph.countries.values():
        for position in country.positions:
            if position.date is not None:
                name = f"{country.name}: {position.stance.label}"
                page = country.own_page()
                items.append(Dated(position.date, "position", name, page, None, position, country))
    for event in graph.events.values():
        if event.date is not None:
            page, anchor = fact_place(event)  # on the timeline page that lists it
            items.append(Dated(event.date, "event", event.title, page, anchor, event))
    for statement in graph.statements.values():
        if statement.date is not None:
            who = ", ".join(speaker.name for speaker in statement.speakers)
            anchor = urls.statement_anchor(statement)
            items.append(Dated(statement.date, "statement", who, statement.home, anchor, statement))
    return sorted(items, key=lambda item: item.date, reverse=True)  # stable: ties keep order


def latest(graph: Graph) -> list[Dated]:
    """The items of the latest date any item has."""
    items = dated_items(graph)
    return [item for item in items if item.date == items[0].date] if items else []


# How a fact without a page of its own is found on the section that lists it (the registry's
# `lists`): its anchor's kind, and the field that names it. A record type not listed here is
# named by its registry label, on the home page.
_LISTED = {
    "events": ("event", "title"),
    "glossary": ("term", "term"),
    "corrections": ("correction", "summary"),
    "story": (None, "title"),
}
_HOME = named("home").page
# Each collection's section: the one whose row lists it, else the home page.
_LISTED_ON = {c.name: (lister(c.name) or named("home")).page for c in RECORD_TYPES}


def fact_place(node: Node) -> tuple[str, str | None]:
    """The page (and anchor) where a fact is shown: its own page, or its section's entry."""
    if node.page is not None:
        return node.page, None
    assert node.collection is not None, "a fact is a record of the registry"
    name = node.collection.name
    kind, _field = _LISTED.get(name, (None, ""))
    page = getattr(node, "listed_on", None) or _LISTED_ON.get(name, _HOME)
    return page, urls.record_anchor(kind, node.id) if kind else None


@dataclass(frozen=True)
class Pager:
    """Where a page of a listing split into numbered pages stands among them."""

    number: int  # from 1
    pages: tuple[str, ...]  # every page of the listing, in order

    @property
    def previous(self) -> str | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.pages[self.number] if self.number < len(self.pages) else None


def paged(kind: str, entries: list[Node]) -> Iterator[tuple[Pager, list[Node]]]:
    """A section's listing split into its numbered pages, each with the entries it shows."""
    pages = tuple(urls.listing_pages(kind, len(entries)))
    size = urls.PAGE_ENTRIES[kind]
    for number in range(1, len(pages) + 1):
        yield Pager(number, pages), entries[(number - 1) * size : number * size]


def fact_name(node: Node) -> str:
    """What a reader calls a fact in a list of what cites a paragraph."""
    assert node.collection is not None, "a fact is a record of the registry"
    name = node.collection.name
    field = _LISTED[name][1] if name in _LISTED else node.collection.label
    return str(getattr(node, field))


# What a reader calls each kind of fact, as a heading of the list of facts citing a paragraph
# (a record type not named here is called by its collection's name); countries and
# organisations share a collection and are told apart by their kind.
CITED_HEADINGS = {
    "story": "Summary",
    "people": "People",
    "groups": "Groups",
    "country": "Countries",
    "organisation": "Organisations",
    "questions": "Questions",
    "events": "Timeline",
    "glossary": "Glossary",
    "topics": "Topics",
    "corrections": "Corrections",
}


def cited_groups(facts: Iterable[Node]) -> list[tuple[str, list[Node]]]:
    """Facts grouped under what a reader calls their kind ("People", "Glossary"), in the
    order each kind first appears, each group in the facts' order: a list reads "People: A;
    B", never "A (person); B (person)"."""
    groups: dict[str, list[Node]] = {}
    for fact in facts:
        assert fact.collection is not None, "a fact is a record of the registry"
        name = fact.collection.name
        kind = fact.kind if name == "countries" else name
        heading = CITED_HEADINGS.get(kind) or name.replace("_", " ").capitalize()
        groups.setdefault(heading, []).append(fact)
    return list(groups.items())


def alphabetical(nodes: Iterable[Node], attribute: str) -> list[Node]:
    """In a reader's alphabetical order: case and accents aside ("Éclair" among the E's), not
    in the order the editors wrote them nor in code-point order."""

    def key(node: Node) -> tuple[str, str]:
        text = str(getattr(node, attribute))
        plain = "".join(
            c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
        )
        return plain.casefold(), text

    return sorted(nodes, key=key)


@dataclass(frozen=True)
class SpokenHere:
    """The statements citing one paragraph that share their speakers (and whether the sources
    leave open which of them said it), by kind: each speaker named once."""

    speakers: tuple[Node, ...]
    contested: bool
    quoted: tuple[Node, ...]
    reported: tuple[Node, ...]


def by_speakers(statements: Iterable[Node]) -> list[SpokenHere]:
    """Statements grouped by who said them, in the order each group first appears."""
    groups: dict[tuple[tuple[int, ...], bool], list[Node]] = {}
    for statement in statements:
        key = (tuple(id(speaker) for speaker in statement.speakers), bool(statement.contested))
        groups.setdefault(key, []).append(statement)
    return [
        SpokenHere(
            tuple(group[0].speakers),
            bool(group[0].contested),
            tuple(st for st in group if st.kind == "direct"),
            tuple(st for st in group if st.kind != "direct"),
        )
        for group in groups.values()
    ]


def with_mentions(draws: list[Cited], mentioned: list[Cited]) -> list[Cited]:
    """The sources a page draws on, each once, with the paragraphs that mention the page's
    subject as its `places` (none: the article is drawn on for another fact)."""
    places = {group.source.id: group.places for group in mentioned if not group.is_reference}
    return [
        Cited(
            group.source,
            group.is_reference,
            () if group.is_reference else places.get(group.source.id, ()),
        )
        for group in draws
    ]
