"""Stage 3, link: resolve every id, check every citation and quotation, and index the story.

What comes out is a `Linked` story: records by id in file order, plus the reverse indexes the
pages need (who said what, what cites a paragraph), so rendering holds no lookup logic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any, TypeVar, cast

from generator.content import checks
from generator.content.chronology import chronology
from generator.content.graph import Graph, resolve
from generator.content.loading import Loaded, SeedText, collection_paused
from generator.content.problems import Problem
from generator.content.quotation import comparable, is_quoted, normalise_space, quotation_problem
from generator.content.recorder import Recorder
from generator.content.validation import Entry, Validated
from generator.content.yamlsource import Loc
from generator.model import urls
from generator.model.parts import Paragraph, Record, Ref, Source, fields_of
from generator.model.records import (
    ARTICLES,
    COLLECTIONS,
    RECORD_TYPES,
    Article,
    Collection,
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


@collection_paused()
def link(
    loaded: Loaded, validated: Validated, recorder: Recorder | None = None
) -> tuple[Linked | None, list[Problem]]:
    """The story resolved, or every problem; with `recorder`, its graph tells it what pages
    read (generator/content/graph.py)."""
    problems: list[Problem] = []
    articles = _unique(validated.articles, "article", problems)
    for entry in validated.articles:
        stem = Path(entry.document.path).stem
        if entry.record.id != stem:
            problems.append(entry.problem(("id",), f"the id must match the file name: '{stem}'"))
    names = {c.name: _unique(validated.entries[c.name], c.record, problems) for c in COLLECTIONS}
    names[ARTICLES.name] = articles
    for sharing in _SHARED.values():  # an id is unique across the collections sharing it
        entries = [entry for c in sharing for entry in validated.entries[c.name]]
        _unique(entries, _either(c.record for c in sharing), problems)
    problems.extend(_page_collisions(validated))
    problems.extend(chronology(validated, articles))
    problems.extend(checks.across(validated, complete=not (loaded.problems or validated.problems)))
    invalid = {**validated.invalid_ids, ARTICLES.name: set(loaded.texts)}
    known: dict[str, set[str]] = defaultdict(set)
    for collection in RECORD_TYPES:
        for namespace in collection.namespaces:
            known[namespace] |= {*names[collection.name], *invalid[collection.name]}
    unreadable = loaded.unreadable | validated.unreadable
    for namespace, sources in _NAMESPACES.items():
        if {c.name for c in sources} & unreadable:
            known.pop(namespace)  # its ids are unknowable this run: do not guess
    cited: dict[str, set[int]] = defaultdict(set)  # every paragraph any fact cites
    for entries in [validated.articles, *validated.entries.values()]:
        for entry in entries:
            problems.extend(_check_entry(entry, known, loaded.texts, cited))
    stories = validated.entries["story"]
    if problems or validated.problems or loaded.problems or not stories:
        return None, problems
    texts = {key: loaded.texts[key] for key in articles}
    records = {c.name: names[c.name] for c in RECORD_TYPES if c.many}
    linked = Linked(
        story=stories[0].record,
        texts=texts,
        records=records,
        graph=resolve(stories[0].record, records, texts, cited, recorder),
    )
    linked.cited = dict(cited)
    _remember_origins(linked, validated)
    return linked, problems


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


def _page_collisions(validated: Validated) -> Iterator[Problem]:
    """Records whose page would be another's: one of the site's section pages (such as
    `people/index.md` for a person with the id `index`), or another record's page (two types
    sharing a folder). Refused here, where the id is, never found out when writing pages."""
    sections = {urls.url_of(page): f"the {kind} page" for kind, page in urls.SECTION_PAGES.items()}
    owners: dict[str, tuple[Collection, Entry[Any]]] = {}
    for collection in RECORD_TYPES:
        if collection.folder is None:
            continue
        is_article = collection == ARTICLES
        for entry in validated.articles if is_article else validated.entries[collection.name]:
            page = urls.record_page(collection.name, entry.record.id)
            served = urls.url_of(page)
            owner = owners.setdefault(served, (collection, entry))
            listing = urls.numbered_listing(served)
            if served in sections or listing:
                taken = sections.get(served) or str(listing)
            elif owner[1] is not entry and not set(owner[0].namespaces) & set(
                collection.namespaces
            ):  # ids shared by one namespace are already refused as duplicates
                mark = owner[1].document.mark((*owner[1].loc, "id"))
                taken = f"the page of the {owner[0].record} at {owner[1].document.path}:{mark.line}"
            else:
                continue
            yield entry.problem(
                ("id",),
                f"the id '{entry.record.id}' is taken by the site: this {collection.record}'s "
                f"page would be {page}, which is {taken}; choose another id",
            )


def _check_entry(
    entry: Entry[Any],
    namespaces: dict[str, set[str]],
    texts: dict[str, SeedText],
    cited: dict[str, set[int]],
) -> Iterator[Problem]:
    """Problems in one record's references, citations and text; notes what it cites."""
    record = entry.record
    listed: set[tuple[Loc, str]] = set()  # (list, id): each id once per list
    for loc, value, ref in _leaves(record, ()):
        if ref is not None and isinstance(loc[-1], int) and (loc[:-1], value) in listed:
            yield entry.problem(loc, f"'{value}' is listed twice here: keep one")
        elif ref is not None and value not in namespaces.get(ref.namespace, {value}):
            yield entry.problem(loc, _unknown_ref(ref.namespace, value, namespaces))
        elif isinstance(record, Question) and loc[0] == "related" and value == record.id:
            yield entry.problem(
                loc, f"a question is not related to itself: remove '{value}' from `related`"
            )
        if ref is not None and isinstance(loc[-1], int):
            listed.add((loc[:-1], value))
        if isinstance(value, Source | Paragraph) and value.article and value.paragraph:
            cited[value.article].add(value.paragraph)
            count = len(texts[value.article].paragraphs) if value.article in texts else None
            if count is not None and value.paragraph > count:
                yield entry.problem(
                    (*loc, "paragraph"),
                    f"article '{value.article}' has {count} paragraphs, so there is no "
                    f"paragraph {value.paragraph}: count its non-empty lines",
                )
        elif isinstance(value, str) and ref is None and not _is_quotation(record, loc):
            mark = is_quoted(value)
            if mark is not None:
                yield entry.problem(
                    loc,
                    f"the quotation mark {mark} belongs only in the `text` of a `direct` "
                    "statement, where the build proves the quotation against the source: "
                    "paraphrase without quotation marks, or make a direct statement",
                )
    if isinstance(record, Statement) and record.kind == "direct":
        problem = _quotation_problem(record, texts)
        if problem:
            yield entry.problem(("text",), problem)
    if isinstance(record, Statement):
        yield from checks.reports(entry, texts)


def _is_quotation(record: Record, loc: Loc) -> bool:
    """Whether the value at `loc` may hold quotation marks: a direct statement's text, proved
    against its source, or an article's headline and address, copied as published."""
    if isinstance(record, Article):
        return loc in (("title",), ("url",))
    if not isinstance(record, Statement) or record.kind != "direct":
        return False
    return loc == ("text",) or (loc[0] == "reports" and loc[-1] == "text")


def _leaves(record: Record, loc: Loc) -> Iterator[tuple[Loc, Any, Ref | None]]:
    """Every value in a record, with its location and the reference namespace it belongs to."""
    for name, ref in fields_of(type(record)):
        yield from _visit(getattr(record, name), (*loc, name), ref)


def _visit(value: Any, loc: Loc, ref: Ref | None) -> Iterator[tuple[Loc, Any, Ref | None]]:
    if isinstance(value, Record):
        yield loc, value, None
        yield from _leaves(value, loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _visit(item, (*loc, index), ref)
    elif value is not None:
        yield loc, value, ref


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


def _quotation_problem(statement: Statement, texts: dict[str, SeedText]) -> str | None:
    text = texts.get(statement.source.article)
    if text is None or statement.source.paragraph > len(text.paragraphs):
        return None  # already reported as a bad citation
    quote = comparable(statement.text)
    cited = comparable(text.paragraphs[statement.source.paragraph - 1])
    problem = quotation_problem(quote, cited)
    if quote in cited and problem is None:
        return None
    where = f"article '{statement.source.article}' paragraph {statement.source.paragraph}"
    others = [
        number
        for number, paragraph in enumerate(text.paragraphs, start=1)
        if quote in comparable(paragraph)
        and quotation_problem(quote, comparable(paragraph)) is None
    ]
    if others:
        verb = "quoted in" if quote in cited else "in"
        return (
            f"this quotation is not {verb} {where} but is in paragraph {others[0]}: fix the source"
        )
    if problem is not None:
        return problem
    if _plain(quote) in _plain(cited):
        hint = (
            "the words match but apostrophes or quotation marks differ: copy them from the source"
        )
    else:
        hint = "copy it word for word from the source (only spacing may differ)"
    return f"this quotation is not found verbatim in {where}: {hint}"


def _plain(text: str) -> str:
    return normalise_space(text.translate(str.maketrans("‘’“”", "''\"\"")))


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
