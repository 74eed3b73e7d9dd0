"""The resolved graph the pages are made from, built by the link stage once every reference is
known to resolve.

Each record becomes a `Node`: its own fields, except that every reference holds the node it
names (a statement's `speakers` are people, groups or countries; its `source.article` is an
article), plus the reverse relations pages show (what a speaker said, which questions a
statement bears on, which statements cite a paragraph) and the page it lives on. Templates read
nodes and never look an id up; which references exist comes from the model's `Ref` marks, so a
new reference field is resolved without code here.

Built with a `Recorder` (generator/content/recorder.py: the live preview's), the graph and each
record's node are a `WatchedGraph` and `WatchedNode`s, which tell the recorder every attribute
a page reads of them; a plain build makes plain ones, which cost nothing more. A watched node
costs a call on every read, rendering or not (about a tenth of an edit's time in the preview
of a 200-article story): the price of changing no class at run time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from generator.content.loading import SeedText
from generator.content.recorder import Recorder
from generator.content.variants import as_printed
from generator.model import urls
from generator.model.parts import Paragraph, Record, Source, fields_of
from generator.model.records import ARTICLES, RECORD_TYPES, STORY, Collection, Person, Statement
from generator.model.sections import lister


class Node:
    """A record with its references resolved. Attributes are copied, not looked up, because a
    big story's pages read them a few million times."""

    record: Record
    collection: Collection | None  # None for a record inside another (a source, a position)
    page: str | None  # the Markdown page it lives on, if its type has pages

    def __init__(self, record: Record, collection: Collection | None) -> None:
        self.__dict__.update(record.__dict__)
        self.record = record
        self.collection = collection
        self.page = None
        if isinstance(record, Paragraph):
            self.__dict__["reference"] = None  # cited like any source, which may be a reference

    if TYPE_CHECKING:  # the record's fields, and the relations the graph adds

        def __getattr__(self, name: str) -> Any: ...

        def __setattr__(self, name: str, value: Any) -> None: ...

    def __repr__(self) -> str:
        return f"Node({self.record!r})"

    def own_page(self) -> str:
        """The page of a record whose type has pages."""
        if self.page is None:
            raise ValueError(f"{self!r} has no page of its own")
        return self.page


_get = object.__getattribute__


class WatchedNode(Node):
    """A node of a record of its own that tells its recorder each attribute read of it. Records
    inside another are plain nodes: they are read through the attribute of their owner that
    holds them."""

    __slots__ = ("recorder",)  # not in the node's attributes (`vars`), which are the record's

    def __init__(self, record: Record, collection: Collection | None, recorder: Recorder) -> None:
        self.recorder = recorder
        super().__init__(record, collection)

    # `get` bound once: this runs for every read of the preview's nodes, rendering or not.
    def __getattribute__(self, name: str, get: Callable[[object, str], Any] = _get) -> Any:
        reads = get(self, "recorder").reads
        if reads is not None and name[:2] != "__":
            reads.add((id(self), name))
        return get(self, name)


class _Nodes:
    """A collection's nodes by id, in file order: `graph.people`, `graph.articles`…"""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, graph: Graph, owner: type) -> dict[str, Node]:
        # Not `graph.nodes`: a page reading `graph.people` read that, not every collection.
        nodes: dict[str, dict[str, Node]] = graph.__dict__["nodes"]
        return nodes[self.name]


# A record's key: (collection, id); the story's is ("story", "").
Key = tuple[str, str]


class Graph:
    """The whole story as nodes: each collection by its name in the registry."""

    story: Node
    nodes: dict[str, dict[str, Node]]
    # Everyone who said something, in the order of what they first said.
    speakers: list[Node]
    # Countries and organisations whose stance the sources do not state.
    unstated: list[Node]
    # The countries and organisations the positions picture shows: all but the story's subject.
    parties: list[Node]
    article_order: dict[str, int]

    def by_key(self) -> dict[Key, Node]:
        """Every node by its record's key, the story's first: what outlives a run, where a
        node's identity lasts only as long as the run (the preview's and `generate`'s records
        of what each page read)."""
        found: dict[Key, Node] = {("story", ""): self.story}
        for name, collection in self.nodes.items():
            for record_id, node in collection.items():
                found[(name, record_id)] = node
        return found

    articles = _Nodes(ARTICLES.name)
    people = _Nodes("people")
    groups = _Nodes("groups")
    countries = _Nodes("countries")
    stances = _Nodes("stances")
    statements = _Nodes("statements")
    questions = _Nodes("questions")
    events = _Nodes("events")
    terms = _Nodes("glossary")
    topics = _Nodes("topics")
    references = _Nodes("references")
    corrections = _Nodes("corrections")

    def __init__(self, story: Node, nodes: dict[str, dict[str, Node]]) -> None:
        self.story = story
        self.nodes = nodes
        # Each article's place on the sources page, asked for every list of citations.
        self.article_order = {key: index for index, key in enumerate(self.articles)}
        self.speakers = []
        self.unstated = []
        self.parties = []
        # Each article's place on the sources page, by id: citations are sorted by it.
        self.article_order = {key: index for index, key in enumerate(nodes[ARTICLES.name])}


# The attribute of the graph that holds each collection (`seeds`: `articles`).
_ATTRIBUTE = {nodes.name: name for name, nodes in vars(Graph).items() if isinstance(nodes, _Nodes)}


def nodes_of(graph: Graph, collections: Iterable[str]) -> list[Node]:
    """Every node of those collections (by their names in the registry), in order, read as
    `graph.people` and the like are: the live preview records which collections a page listed,
    not the graph's every one."""
    return [node for name in collections for node in getattr(graph, _ATTRIBUTE[name]).values()]


class WatchedGraph(Graph):
    """A graph that tells its recorder each attribute read of it (`graph.people`…)."""

    __slots__ = ("recorder",)

    def __init__(self, story: Node, nodes: dict[str, dict[str, Node]], recorder: Recorder) -> None:
        self.recorder = recorder
        super().__init__(story, nodes)

    def __getattribute__(self, name: str, get: Callable[[object, str], Any] = _get) -> Any:
        reads = get(self, "recorder").reads
        if reads is not None and name[:2] != "__":
            reads.add(("graph", name))
        return get(self, name)


def resolve(
    story: Record,
    records: dict[str, dict[str, Record]],
    texts: dict[str, SeedText],
    cited: dict[str, set[int]],
    recorder: Recorder | None = None,
) -> Graph:
    """The graph of a story whose references all resolve (the link stage has checked them);
    `cited` holds every paragraph any fact cites, by article. With `recorder`, a graph that
    tells it what is read of it and its records' nodes."""

    def make(record: Record, collection: Collection) -> Node:
        return (
            Node(record, collection)
            if recorder is None
            else WatchedNode(record, collection, recorder)
        )

    nodes = {
        c.name: {key: make(record, c) for key, record in records[c.name].items()}
        for c in RECORD_TYPES
        if c.many
    }
    by_namespace: dict[str, dict[str, Node]] = defaultdict(dict)
    for collection in RECORD_TYPES:
        for namespace in collection.namespaces:
            by_namespace[namespace].update(nodes[collection.name])
    if recorder is None:
        graph = Graph(Node(story, STORY), nodes)
    else:
        graph = WatchedGraph(make(story, STORY), nodes, recorder)
    for node in [graph.story, *(n for group in nodes.values() for n in group.values())]:
        _resolve_fields(node, by_namespace)
        if node.collection is not None and node.collection.folder:
            node.page = urls.record_page(node.collection.name, node.id)
    # An article's page is named by its outlet and date; the address its id gave it sends
    # readers on, unless that is an article's page now.
    slugged = urls.article_pages(graph.articles.values())
    named = set(slugged.values())
    for article in graph.articles.values():
        article.moved_from = None if article.page in named else article.page
        article.page = slugged[article.id]
    # Facts listed on a section that may be split into numbered pages: the page each is on.
    events, articles = (_listing(name) for name in ("events", ARTICLES.name))
    for index, event in enumerate(graph.events.values()):
        event.listed_on = urls.listing_page(events, index)
    last = urls.listing_pages(articles, len(graph.articles))[-1]  # references follow articles
    for reference in graph.references.values():
        reference.listed_on = last
    _relate(graph, texts, cited)
    return graph


def _listing(collection: str) -> str:
    """The name of the section that lists a collection's records (the registry's `lists`)."""
    section = lister(collection)
    assert section is not None, f"no section lists {collection}"
    return section.name


def _resolve_fields(node: Node, by_namespace: dict[str, dict[str, Node]]) -> None:
    """Replaces each reference (and each record inside this one) by its node."""
    for name, ref in fields_of(type(node.record)):
        value = getattr(node.record, name)
        if ref is not None:
            table = by_namespace[ref.namespace]
            if isinstance(value, list):
                setattr(node, name, [table[key] for key in value])
            elif value is not None:
                setattr(node, name, table[value])
        elif value is None or type(value) in PLAIN_VALUES:
            continue  # most fields
        elif isinstance(value, Record):
            setattr(node, name, _inner(value, by_namespace))
        elif isinstance(value, list) and value and isinstance(value[0], Record):
            setattr(node, name, [_inner(item, by_namespace) for item in value])


# The types of a record's plain values: told apart before asking whether a value is a record,
# which is slow (record types are abstract classes), and a big story has a million values.
PLAIN_VALUES = frozenset({str, int, bool, dt.date})


def _inner(record: Record, by_namespace: dict[str, dict[str, Node]]) -> Node:
    node = Node(record, None)
    _resolve_fields(node, by_namespace)
    return node


def _relate(graph: Graph, texts: dict[str, SeedText], cited: dict[str, set[int]]) -> None:
    """The reverse relations, each list in file order."""
    _relate_statements(graph)
    _relate_countries(graph)
    _relate_articles(graph, texts, cited)
    _relate_reports(graph, texts)
    _relate_mentions(graph)
    _relate_questions(graph)


def _relate_reports(graph: Graph, texts: dict[str, SeedText]) -> None:
    """Every report of each statement (its `source` first), with the words as that source
    printed them, and the date it was said or first reported."""
    for statement in graph.statements.values():
        record = cast(Statement, statement.record)
        reports = []
        for report in record.all_reports:
            node = Node(report, None)
            node.article = graph.articles[report.article]
            node.own_wording = report.text is not None
            node.words = None
            if statement.kind == "direct":
                paragraph = texts[report.article].paragraphs[report.paragraph - 1]
                node.words = as_printed(report.text or statement.text, paragraph)
            reports.append(node)
            if node is not reports[0]:
                node.article.citations[report.paragraph].append(statement)
        statement.all_reports = reports
        statement.contested = record.contested
        dates = [r.article.published for r in reports if r.article.published is not None]
        statement.reported_on = min(dates, default=None)


def _relate_mentions(graph: Graph) -> None:
    """Where each person, group and country is mentioned: every citation of a fact about it,
    by article (in the order of the sources page) and paragraph, references last."""
    entities = [*graph.people.values(), *graph.groups.values(), *graph.countries.values()]
    found: dict[int, list[Node]] = {id(entity): list(entity.sources) for entity in entities}
    for statement in graph.statements.values():
        accounts = [a for d in statement.disputes for a in d.accounts if a.speakers]
        for speaker in statement.speakers:
            if accounts:  # each source names only the speaker its side gives
                named = [a for a in accounts if speaker in a.speakers]
                found[id(speaker)].extend(s for a in named for s in a.sources)
            else:
                found[id(speaker)].extend(statement.all_reports)
    for event in graph.events.values():
        for participant in event.participants:  # a paragraph on the event may not name them all
            forms = _written_as(participant)
            found[id(participant)].extend(
                s for s in event.sources if s.article and _names(s, forms)
            )
    for country in graph.countries.values():
        for position in country.positions:
            found[id(country)].extend(position.sources)
    for entity in entities:
        entity.mentions = in_citation_order(graph, found[id(entity)])


def in_citation_order(graph: Graph, sources: Iterable[Node]) -> list[Node]:
    """Citations, each place once: by article in the order of the sources page, paragraphs in
    order, references after every article."""
    order = graph.article_order
    places: dict[tuple[int, str, int], Node] = {}
    for source in sources:
        if source.reference is not None:
            key = (len(order), source.reference.id, 0)
        else:
            key = (order[source.article.id], source.article.id, source.paragraph)
        places.setdefault(key, source)
    return [places[key] for key in sorted(places)]


def _written_as(entity: Node) -> list[str]:
    """How an entity may be written: its name, its aliases and, for a person, the surname."""
    forms = [entity.name, *getattr(entity, "aliases", [])]
    if isinstance(entity.record, Person):
        forms.append(entity.name.split()[-1])
    return forms


def _names(source: Node, forms: list[str]) -> bool:
    paragraph = source.article.paragraphs[source.paragraph - 1]
    return any(form in paragraph for form in forms)


def _relate_questions(graph: Graph) -> None:
    """Each question's answers, oldest first with the current one last, and the date of the
    latest news: its `as_of`, or else the latest publication date of what it cites."""
    for question in graph.questions.values():
        cited = [s.article.published for s in question.sources if s.article is not None]
        question.changed = question.as_of or max((d for d in cited if d is not None), default=None)
        current = Node(question.record, None)
        current.date = question.changed
        current.sources = question.sources
        question.timeline = [*question.history, current]


def _relate_statements(graph: Graph) -> None:
    """Who said what, under which topic, bearing on which question."""
    statements = list(graph.statements.values())
    entities = [*graph.people.values(), *graph.groups.values(), *graph.countries.values()]
    for entity in entities:
        entity.said = []
    for topic in graph.topics.values():
        topic.said = []
    for statement in statements:
        statement.questions = []
        statement.home = statement.speakers[0].page  # its permalink: its first speaker's page
        for speaker in statement.speakers:
            speaker.said.append(statement)
        for topic in statement.topics:
            topic.said.append(statement)
    graph.speakers = _first_said(statements)
    for question in graph.questions.values():
        for statement in question.statements:
            statement.questions.append(question)


def _relate_countries(graph: Graph) -> None:
    """Each country's current position, its people and groups, and what all of them said;
    each stance's countries, the story's subject aside."""
    for stance in graph.stances.values():
        stance.countries = []
    for country in graph.countries.values():
        country.members = []
        country.current = country.positions[-1] if country.positions else None
        if country is graph.story.subject:
            continue  # the grouping the issue is about is not one of its own members
        graph.parties.append(country)
        holders = country.current.stance.countries if country.current else graph.unstated
        holders.append(country)
    for member in [*graph.people.values(), *graph.groups.values()]:
        if member.affiliation is not None:
            member.affiliation.members.append(member)
    for country in graph.countries.values():
        said = [st for who in [country, *country.members] for st in who.said]
        country.said_here = list({id(st): st for st in said}.values())  # each card once


def _relate_articles(graph: Graph, texts: dict[str, SeedText], cited: dict[str, set[int]]) -> None:
    """Each article's paragraphs, and what cites them."""
    for article in graph.articles.values():
        article.paragraphs = texts[article.id].paragraphs
        article.citations = defaultdict(list)
        article.cited = cited.get(article.id, set())
    for statement in graph.statements.values():  # further reports: see _relate_reports
        statement.source.article.citations[statement.source.paragraph].append(statement)
    for article in graph.articles.values():
        article.cited_by = defaultdict(list)
    others = (ARTICLES.name, "statements", "references")  # not facts citing an article
    facts = [n for name, nodes in graph.nodes.items() if name not in others for n in nodes.values()]
    for node in [graph.story, *facts]:  # every other fact, by the paragraphs it cites
        for article_id, paragraph in dict.fromkeys(_cited_in(node.record)):
            graph.articles[article_id].cited_by[paragraph].append(node)


def _cited_in(record: Record) -> Iterator[tuple[str, int]]:
    """Every article paragraph a record cites, its inner records' citations included."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, list) else [value]:
            if citing(item) and item.article and item.paragraph:
                yield item.article, item.paragraph
            elif isinstance(item, Record):
                yield from _cited_in(item)


def citing(value: object) -> bool:
    """Whether a value is a citation of a paragraph (a source, a paragraph, a report)."""
    return type(value) not in PLAIN_VALUES and isinstance(value, _CITATIONS)


_CITATIONS = (Source, Paragraph)  # made once: `Source | Paragraph` would be made per call


def _first_said(statements: Iterable[Node]) -> list[Node]:
    speakers: dict[int, Node] = {}
    for statement in statements:
        for speaker in statement.speakers:
            speakers.setdefault(id(speaker), speaker)
    return list(speakers.values())
