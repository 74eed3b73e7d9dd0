"""Stage 4, render: every page as Markdown text, in memory. Nothing is written here.

Templates hold presentation; this module decides which pages exist, with what records, and
gives each page a `Links` object that knows how to reach everything else from where it stands.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from generator import structured, urls
from generator.chart import positions_svg
from generator.export import VERSION, data_files
from generator.link import Linked, Speaker
from generator.model import RECORD_TYPES, Article, Question, Source, Statement, Topic
from generator.problems import Problem
from generator.text import (
    Glossary,
    finalize,
    front_matter,
    heading_id,
    json_front_matter,
    markdown_inline,
)

TEMPLATES = Path(__file__).parent / "templates"
CARD_LIMIT = 12  # statement cards on a listing page; the next ones are one line each,
LINE_LIMIT = 60  # up to this many; the rest are counted, and live on their speakers' pages
OVERVIEW_LIMIT = 400  # above this many statements, "who said what" lists speakers only
HOME_LIMIT = 8  # questions listed on the home page under "what we know" and "what we don't"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page being rendered (`here`) to anything on the site."""

    here: str
    story: Linked
    scheme: urls.Scheme

    def page(self, page: str, anchor: str | None = None) -> str:
        return self.scheme.relative(self.here, page, anchor)

    def entity(self, entity: Speaker | str) -> str:
        if isinstance(entity, str):
            entity = self.story.speaker(entity)
        return self.page(urls.entity_page(entity))

    def source(self, source: Source) -> str:
        return self.page(*urls.source_target(source))

    def article(self, article_id: str) -> str:
        return self.page(urls.article_page(article_id))

    def statement(self, statement: Statement) -> str:
        """The permalink: the statement on its home, its first speaker's page."""
        return self.page(self._home(statement), urls.statement_anchor(statement))

    def is_home(self, statement: Statement) -> bool:
        """Whether this page is the statement's home, the one place search indexes it."""
        return self.here == self._home(statement)

    def cards(
        self, statements: list[Statement], limit: int
    ) -> tuple[list[Statement], list[Statement]]:
        """A listing's statements shown as cards, and the rest (one line each): the first
        `limit`, plus every one whose home is this page, so that its permalink finds its card."""
        cards = [st for i, st in enumerate(statements) if i < limit or self.is_home(st)]
        shown = {id(st) for st in cards}
        return cards, [st for st in statements if id(st) not in shown]

    def _home(self, statement: Statement) -> str:
        return urls.entity_page(self.story.speaker(statement.speakers[0]))

    def file(self, path: str) -> str:
        """A static file (not a page), such as a download."""
        return posixpath.relpath(path, self.scheme.folder_of(self.here) or ".")

    def question(self, question: Question) -> str:
        return self.page(urls.question_page(question))

    def topic(self, topic: Topic | str) -> str:
        if isinstance(topic, str):
            topic = self.story.topics[topic]
        return self.page(urls.topic_page(topic))


def long_date(value: dt.date) -> str:
    """Locale-independent, so pages (and golden files) are the same on every machine."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def article_name(article: Article) -> str:
    return article.title or article.label


def speaker_detail(story: Linked, entity: Speaker) -> str | None:
    """What a card says beside a speaker's name: role and country, where known."""
    role = getattr(entity, "role", None)
    affiliation = getattr(entity, "affiliation", None)
    country = story.countries[affiliation].name if affiliation else None
    return " · ".join(part for part in (role, country) if part) or None


def text_fragment(url: str, text: str) -> str:
    """A link to the exact words in the original (`#:~:text=start,end` for long quotations)."""
    words = text.split()
    if len(words) <= 8:
        target = quote(" ".join(words), safe="")
    else:
        target = quote(" ".join(words[:4]), safe="") + "," + quote(" ".join(words[-4:]), safe="")
    return f"{url.split('#', maxsplit=1)[0]}#:~:text={target.replace('-', '%2D')}"


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, keyed by each template's
    source: a new story's environment (as `serve` makes on every edit) skips compiling them
    again, which is most of what regenerating a small story costs."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def environment(story: Linked) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=_COMPILED,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    glossary = Glossary(([t.term, *t.aliases], t.definition) for t in story.terms.values())
    env.filters.update(
        md=markdown_inline,
        fm=front_matter,
        fm_json=json_front_matter,
        gloss=glossary,
        long_date=long_date,
        anchor=heading_id,
    )
    env.globals.update(
        s=story,
        article_name=article_name,
        speaker_detail=lambda entity: speaker_detail(story, entity),
        text_fragment=text_fragment,
        statement_anchor=urls.statement_anchor,
        paragraph_anchor=urls.paragraph_anchor,
        record_anchor=urls.record_anchor,
        title_id=urls.TITLE_ID,
        article_number={key: n for n, key in enumerate(story.articles, start=1)}.__getitem__,
        slug=lambda text: "-".join(str(text).split()),
        data_version=VERSION,
        card_limit=CARD_LIMIT,
        line_limit=LINE_LIMIT,
        overview_limit=OVERVIEW_LIMIT,
        home_limit=HOME_LIMIT,
    )
    return env


def render(
    story: Linked, scheme: urls.Scheme = urls.DIRECTORY_URLS
) -> tuple[dict[str, str], list[Problem]]:
    """All files by their path under the docs folder: pages from templates, then data files,
    linked as the site serves its pages (`scheme`). Two records claiming one path is a
    problem, never a silent overwrite."""
    env = environment(story)
    pages: dict[str, str] = {}
    owners: dict[str, str] = {}
    problems: list[Problem] = []
    for path, template, owner, context in _pages(story, scheme):
        if path in owners:
            message = f"{owner} and {owners[path]} would both be written to {path}: rename one id"
            problems.append(Problem("content", 0, 0, message))
            continue
        owners[path] = owner
        pages[path] = env.get_template(template).render(links=Links(path, story, scheme), **context)
    pages.update(data_files(story, scheme))
    return pages, problems


class Page(NamedTuple):
    """One page to render: where it goes, its template, what owns it (for collision messages)
    and what the template is given."""

    path: str
    template: str
    owner: str
    context: dict[str, object]


def _pages(story: Linked, scheme: urls.Scheme) -> Iterator[Page]:
    """Every page of the site: the sections, then a page for each record of every type in the
    registry that has a template."""
    yield from _section_pages(story, scheme)
    for collection in RECORD_TYPES:
        if collection.template is None:
            continue
        extra = _RECORD_CONTEXT[collection.name]
        for record_id, record in story.records[collection.name].items():
            context = {**extra(story, record), "edit": story.origin(collection.name, record_id)}
            page = urls.record_page(collection.name, record_id)
            yield Page(page, collection.template, f"{collection.record} '{record_id}'", context)


def _entity(story: Linked, entity: Any) -> dict[str, object]:
    return {"entity": entity, "ld": structured.entity_page(story, entity)}


def _country(story: Linked, country: Any) -> dict[str, object]:
    speakers = [country, *story.members.get(country.id, [])]
    said = [st for e in speakers for st in story.by_speaker.get(e.id, [])]
    return {
        "country": country,
        "ld": structured.entity_page(story, country),
        "said_here": list({st.id: st for st in said}.values()),  # each card once
    }


def _question(story: Linked, question: Any) -> dict[str, object]:
    return {
        "question": question,
        "statements": [story.statements[key] for key in question.statements],
        "related": [story.questions[key] for key in question.related],
        "ld": structured.question_page(story, question),
    }


def _topic(story: Linked, topic: Any) -> dict[str, object]:
    return {"topic": topic, "ld": structured.listing_page(story, "topic")}


def _article(story: Linked, article: Any) -> dict[str, object]:
    return {"article": article, "ld": structured.graph(structured.news_article(article))}


# What each record page's template is given, by collection (the registry names the template).
_RECORD_CONTEXT: dict[str, Callable[[Linked, Any], dict[str, object]]] = {
    "people": _entity,
    "groups": _entity,
    "countries": _country,
    "questions": _question,
    "topics": _topic,
    "seeds": _article,
}


# Section pages by kind (their paths are urls.SECTION_PAGES): (template, the collection whose
# file holds the page's facts).
_SECTIONS = {
    "home": ("home.md.j2", "story"),
    "statements": ("statements.md.j2", "statements"),
    "people": ("people.md.j2", "people"),
    "countries": ("countries.md.j2", "countries"),
    "questions": ("questions.md.j2", "questions"),
    "topics": ("topics.md.j2", "topics"),
    "sources": ("sources.md.j2", None),
    "timeline": ("timeline.md.j2", "events"),
    "glossary": ("glossary.md.j2", "glossary"),
    "tags": ("tags.md.j2", "tags"),
    "methodology": ("methodology.md.j2", None),
    "corrections": ("corrections.md.j2", "corrections"),
    "data": ("data.md.j2", None),
}


def _section_pages(story: Linked, scheme: urls.Scheme) -> Iterator[Page]:
    for kind, (template, collection) in _SECTIONS.items():
        path = urls.SECTION_PAGES[kind]
        files = story.files.get(collection or "", [])
        context: dict[str, object] = {"ld": structured.listing_page(story, kind)}
        context["edit"] = (files[0], None) if len(files) == 1 else None
        if kind in ("home", "countries"):
            links = Links(path, story, scheme)
            hrefs = {key: links.entity(country) for key, country in story.countries.items()}
            context["chart"] = positions_svg(story, hrefs)
        yield Page(path, template, f"the {kind} page", context)
