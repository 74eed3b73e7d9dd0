"""Stage 3, link: resolve every id and index the story.

What comes out is a `Resolved` story, which every rule across records reads (rules.py), and,
once no rule is broken, a `Linked` story: records by id in file order, plus the reverse indexes
the pages need (who said what, what cites a paragraph), so rendering holds no lookup logic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any, TypeVar, cast

from generator.content.document import Loc
from generator.content.graph import PLAIN_VALUES, Graph, citing, resolve
from generator.content.loading import Loaded, SeedText, collection_paused
from generator.content.problems import Problem
from generator.content.recorder import Recorder
from generator.content.validation import Entry, Validated
from generator.model.parts import Record, Ref, fields_of
from generator.model.records import (
    ARTICLES,
    COLLECTIONS,
    RECORD_TYPES,
    Article,
    Correction,
    Country,
    Event,
    Group,
    Person,
    Question,
    StanceOption,
    Statement,
    Story,
    Term,
    Topic,
)

R = TypeVar("R")
# A value in a record: where it is, the value, and the reference namespace it belongs to.
Leaf = tuple[Loc, Any, Ref | None]
T = TypeVar("T", bound=Record)
K = TypeVar("K")


@dataclass
class Linked:
    """The story, resolved: every record by id in file order, under its collection's name in
    the registry (`records`), with a typed accessor for each; plus the reverse indexes."""

    story: Story
    texts: dict[str, SeedText]
    records: dict[str, dict[str, Record]]
    graph: Graph  # the same records as nodes, references resolved: what templates read
    cited: dict[str, set[int]] = field(default_factory=dict)
    # Where each record was written, for "edit these facts": (collection, id) → (path, line).
    origins: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    files: dict[str, list[str]] = field(default_factory=dict)

    def _of(self, name: str, _kind: type[T]) -> dict[str, T]:
        return cast(dict[str, T], self.records[name])

    @property
    def articles(self) -> dict[str, Article]:
        return self._of("seeds", Article)

    @property
    def people(self) -> dict[str, Person]:
        return self._of("people", Person)

    @property
    def groups(self) -> dict[str, Group]:
        return self._of("groups", Group)

    @property
    def countries(self) -> dict[str, Country]:
        return self._of("countries", Country)

    @property
    def stances(self) -> dict[str, StanceOption]:
        return self._of("stances", StanceOption)

    @property
    def statements(self) -> dict[str, Statement]:
        return self._of("statements", Statement)

    @property
    def questions(self) -> dict[str, Question]:
        return self._of("questions", Question)

    @property
    def events(self) -> dict[str, Event]:
        return self._of("events", Event)

    @property
    def terms(self) -> dict[str, Term]:
        return self._of("glossary", Term)

    @property
    def topics(self) -> dict[str, Topic]:
        return self._of("topics", Topic)

    @property
    def corrections(self) -> dict[str, Correction]:
        return self._of("corrections", Correction)

    def origin(self, collection: str, record_id: str) -> tuple[str, int]:
        return self.origins[(collection, record_id)]


@dataclass(frozen=True)
class Resolved:
    """A story's ids resolved as far as they can be, whatever else is wrong with it: what every
    rule across records reads (generator/content/rules.py), so that one run reports them all."""

    validated: Validated
    articles: dict[str, Article]  # the valid sidecars, by id
    texts: dict[str, SeedText]  # every article text read, valid sidecar or not
    records: dict[str, dict[str, Any]]  # every collection's valid records, by id
    complete: bool  # every file read and every record valid: what is cited where is known
    ready: bool  # nothing kept the story from linking: no problem so far and a story record
    # Every valid record (articles first, in file order) with every value in it: walked once
    # here rather than by each rule that looks at values.
    values: list[tuple[Entry[Any], list[Leaf]]]

    @collection_paused()
    def linked(self, recorder: Recorder | None = None) -> Linked:
        """The story for the pages; only for a `ready` story that broke no rule (the graph
        trusts every citation). With `recorder`, its graph tells it what pages read
        (generator/content/graph.py)."""
        story = self.validated.entries["story"][0].record
        texts = {key: self.texts[key] for key in self.articles}
        records = {c.name: self.records[c.name] for c in RECORD_TYPES if c.many}
        cited = cited_paragraphs(self)
        linked = Linked(
            story=story,
            texts=texts,
            records=records,
            graph=resolve(story, records, texts, cited, recorder),
            cited=cited,
        )
        _remember_origins(linked, self.validated)
        return linked


# Every value of one valid record, with its place and reference namespace (`record_values`).
ValuesOf = Callable[[Entry[Any]], list[Leaf]]


def record_values(entry: Entry[Any]) -> list[Leaf]:
    """Every value in one valid record: a pure function of the record."""
    return leaves(entry.record, ())


@collection_paused()
def link(
    loaded: Loaded, validated: Validated, values_of: ValuesOf | None = None
) -> tuple[Resolved, list[Problem]]:
    """Resolve every id: what resolving cannot do (an id taken twice, an id nothing holds) is
    the only problem reported here; every other rule is in generator/content/rules.py. Each
    record's values are `values_of` it (by default `record_values`): the live preview passes
    one that remembers them (generator/content/reuse.py)."""
    values_of = values_of or record_values
    problems: list[Problem] = []
    articles = _unique(validated.articles, "article", problems)
    names = {c.name: _unique(validated.entries[c.name], c.record, problems) for c in COLLECTIONS}
    names[ARTICLES.name] = articles
    for sharing in _SHARED.values():  # an id is unique across the collections sharing it
        entries = [entry for c in sharing for entry in validated.entries[c.name]]
        _unique(entries, _either(c.record for c in sharing), problems)
    invalid = {**validated.invalid_ids, ARTICLES.name: set(loaded.texts)}
    known: dict[str, set[str]] = defaultdict(set)
    for collection in RECORD_TYPES:
        for namespace in collection.namespaces:
            known[namespace] |= {*names[collection.name], *invalid[collection.name]}
    unreadable = loaded.unreadable | validated.unreadable
    for namespace, sources in _NAMESPACES.items():
        if {c.name for c in sources} & unreadable:
            known.pop(namespace)  # its ids are unknowable this run: do not guess
    values = [
        (entry, values_of(entry))
        for entries in [validated.articles, *validated.entries.values()]
        for entry in entries
    ]
    for entry, found in values:
        problems.extend(_unknown_refs(entry, found, known))
    earlier = bool(loaded.problems or validated.problems)
    resolved = Resolved(
        validated=validated,
        articles=articles,
        texts=loaded.texts,
        records=names,
        complete=not earlier,
        ready=not (earlier or problems) and bool(validated.entries["story"]),
        values=values,
    )
    return resolved, problems


def cited_paragraphs(story: Resolved) -> dict[str, set[int]]:
    """Every paragraph any fact cites, by article: the reverse index the sources pages show."""
    cited: dict[str, set[int]] = defaultdict(set)
    for _entry, found in story.values:
        for _loc, value, _ref in found:
            if citing(value) and value.article and value.paragraph:
                cited[value.article].add(value.paragraph)
    return dict(cited)


def _unique(entries: list[Entry[Any]], what: str, problems: list[Problem]) -> dict[str, Any]:
    """Records by id; a second record with a taken id is a problem at the second one."""
    seen: dict[str, Entry[Any]] = {}
    for entry in entries:
        record_id = getattr(entry.record, "id", None)
        if record_id is None:
            continue
        if record_id in seen:
            first = seen[record_id]
            mark = first.document.mark((*first.loc, "id"))
            problems.append(
                entry.problem(
                    ("id",),
                    f"the {what} id '{record_id}' is already used at "
                    f"{first.document.path}:{mark.line}: give this record another id",
                )
            )
            continue
        seen[record_id] = entry
    return {key: entry.record for key, entry in seen.items()}


# Each reference namespace, and the record types whose ids it holds.
_NAMESPACES = {
    namespace: [c for c in RECORD_TYPES if namespace in c.namespaces]
    for namespace in dict.fromkeys(n for c in RECORD_TYPES for n in c.namespaces)
}
# Namespaces several record types share: an id must be unique across all of them.
_SHARED = {namespace: types for namespace, types in _NAMESPACES.items() if len(types) > 1}


def _either(items: Iterable[str]) -> str:
    """'person, group or country'."""
    words = list(items)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _unknown_refs(
    entry: Entry[Any], found: list[Leaf], namespaces: dict[str, set[str]]
) -> Iterator[Problem]:
    """Each id the record names that no record holds. An id repeated in one list is reported
    once, as listed twice (a rule), not again here."""
    listed: set[tuple[Loc, str]] = set()  # (list, id)
    for loc, value, ref in found:
        if ref is None:
            continue
        repeated = isinstance(loc[-1], int) and (loc[:-1], value) in listed
        if isinstance(loc[-1], int):
            listed.add((loc[:-1], value))
        if not repeated and value not in namespaces.get(ref.namespace, {value}):
            yield entry.problem(loc, _unknown_ref(ref.namespace, value, namespaces))


def leaves(record: Record, loc: Loc) -> list[Leaf]:
    """Every value in a record, with its location and the reference namespace it belongs to:
    a record inside it first, then its values."""
    found: list[Leaf] = []
    _collect(record, loc, found)
    return found


def _collect(record: Record, loc: Loc, found: list[Leaf]) -> None:
    # Appended to one list, not yielded through a generator per level: a big story has a
    # third of a million values.
    for name, ref in fields_of(type(record)):
        _visit(getattr(record, name), (*loc, name), ref, found)


def _visit(value: Any, loc: Loc, ref: Ref | None, found: list[Leaf]) -> None:
    kind = type(value)
    if kind in PLAIN_VALUES:  # most values
        found.append((loc, value, ref))
    elif kind is list:
        for index, item in enumerate(value):
            _visit(item, (*loc, index), ref, found)
    elif isinstance(value, Record):
        found.append((loc, value, None))
        _collect(value, loc, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _visit(item, (*loc, index), ref, found)
    elif value is not None:
        found.append((loc, value, ref))


def _where(namespace: str) -> str:
    """Where a contributor adds a record of a namespace: 'content/people.yaml, … or …'."""
    if namespace == ARTICLES.namespaces[0]:
        return "seeds/ (an ID.txt with its ID.yaml)"
    return "content/" + _either(f"{c.name}.yaml" for c in _NAMESPACES[namespace])


def _unknown_ref(namespace: str, value: str, namespaces: dict[str, set[str]]) -> str:
    known = _either(c.record for c in _NAMESPACES[namespace])
    guess = get_close_matches(value, sorted(namespaces[namespace]), n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? Otherwise add" if guess else "add"
    return f"unknown {known} '{value}': {hint} it to {_where(namespace)}"


def _remember_origins(linked: Linked, validated: Validated) -> None:
    named = [("seeds", validated.articles), *validated.entries.items()]
    for collection, entries in named:
        for entry in entries:
            mark = entry.document.mark(entry.loc)
            record_id = getattr(entry.record, "id", "")
            linked.origins[(collection, record_id)] = (entry.document.path, mark.line)
            paths = linked.files.setdefault(collection, [])
            if entry.document.path not in paths:
                paths.append(entry.document.path)
