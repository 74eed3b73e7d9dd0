"""Rules on what records name and cite, once their ids are resolved: ids the site or the files
need, lists naming an id once, citations that land on a paragraph, and quotation marks only
where the build proves them (a direct statement's text, proved against its paragraph here)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.content.document import Loc
from generator.content.graph import citing
from generator.content.linking import Resolved
from generator.content.loading import SeedText
from generator.content.problems import Problem
from generator.content.quotation import comparable, is_quoted, normalise_space, quotation_problem
from generator.content.validation import Entry
from generator.model import urls
from generator.model.parts import Record
from generator.model.records import ARTICLES, RECORD_TYPES, Article, Collection, Question, Statement


def article_ids(story: Resolved) -> Iterator[Problem]:
    """An article's id is its file's name, so that its text and sidecar are one article."""
    for entry in story.validated.articles:
        stem = Path(entry.document.path).stem
        if entry.record.id != stem:
            yield entry.problem(("id",), f"the id must match the file name: '{stem}'")


def page_collisions(story: Resolved) -> Iterator[Problem]:
    """Records whose page would be another's: one of the site's section pages (such as
    `people/index.md` for a person with the id `index`), or another record's page (two types
    sharing a folder). Refused here, where the id is, never found out when writing pages."""
    validated = story.validated
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


def listed_twice(story: Resolved) -> Iterator[Problem]:
    """A list of ids names each once."""
    for entry, found in story.values:
        listed: set[tuple[Loc, str]] = set()  # (list, id)
        for loc, value, ref in found:
            if ref is None or not isinstance(loc[-1], int):
                continue
            if (loc[:-1], value) in listed:
                yield entry.problem(loc, f"'{value}' is listed twice here: keep one")
            listed.add((loc[:-1], value))


def related_to_itself(story: Resolved) -> Iterator[Problem]:
    for entry in story.validated.entries["questions"]:
        question: Question = entry.record
        for index, value in enumerate(question.related):
            if value == question.id and value not in question.related[:index]:
                yield entry.problem(
                    ("related", index),
                    f"a question is not related to itself: remove '{value}' from `related`",
                )


def paragraphs_exist(story: Resolved) -> Iterator[Problem]:
    """Every citation lands on a paragraph of its article (an unknown article is an unknown id,
    reported by link)."""
    for entry, found in story.values:
        for loc, value, _ref in found:
            if not (citing(value) and value.article and value.paragraph):
                continue
            text = story.texts.get(value.article)
            count = len(text.paragraphs) if text is not None else None
            if count is not None and value.paragraph > count:
                yield entry.problem(
                    (*loc, "paragraph"),
                    f"article '{value.article}' has {count} paragraphs, so there is no "
                    f"paragraph {value.paragraph}: count its non-empty lines",
                )


def quotation_marks(story: Resolved) -> Iterator[Problem]:
    """Nothing looks like a quotation the build has not proved."""
    for entry, found in story.values:
        quoting = _quoting(entry.record)
        for loc, value, ref in found:
            if not isinstance(value, str) or ref is not None or (quoting and quoting(loc)):
                continue
            mark = is_quoted(value)
            if mark is not None:
                yield entry.problem(
                    loc,
                    f"the quotation mark {mark} belongs only in the `text` of a `direct` "
                    "statement, where the build proves the quotation against the source: "
                    "paraphrase without quotation marks, or make a direct statement",
                )


def _quoting(record: Record) -> Callable[[Loc], bool] | None:
    """Which values of a record may hold quotation marks, as a test of their location (None:
    none may): a direct statement's text, proved against its source, or an article's headline
    and address, copied as published. Asked once per record, not once per value."""
    if isinstance(record, Article):
        return _ARTICLE_QUOTES.__contains__
    if isinstance(record, Statement) and record.kind == "direct":
        return _quoted_text
    return None


_ARTICLE_QUOTES = frozenset({("title",), ("url",)})


def _quoted_text(loc: Loc) -> bool:
    return loc == ("text",) or (loc[0] == "reports" and loc[-1] == "text")


def quotations(story: Resolved) -> Iterator[Problem]:
    """A direct statement's text is in its paragraph, inside the source's quotation marks."""
    for entry in story.validated.entries["statements"]:
        statement: Statement = entry.record
        if statement.kind == "direct":
            problem = _quotation_problem(statement, story.texts)
            if problem:
                yield entry.problem(("text",), problem)


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
