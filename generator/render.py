"""Stage 4, render: every page as Markdown text, in memory. Nothing is written here.

Templates hold presentation; this module decides which pages exist, with what records, and
gives each page a `Links` object that knows how to reach everything else from where it stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import urls
from generator.link import Linked, Speaker
from generator.model import Article, Country, Question, Source, Statement, Topic
from generator.problems import Problem
from generator.text import Glossary, finalize, front_matter, heading_id, markdown_inline

TEMPLATES = Path(__file__).parent / "templates"
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

    def page(self, page: str, anchor: str | None = None) -> str:
        return urls.relative(self.here, page, anchor)

    def entity(self, entity: Speaker | str) -> str:
        if isinstance(entity, str):
            entity = self.story.speaker(entity)
        return self.page(urls.entity_page(entity))

    def source(self, source: Source) -> str:
        return self.page(*urls.source_target(source))

    def article(self, article_id: str) -> str:
        return self.page(urls.article_page(article_id))

    def statement(self, statement: Statement) -> str:
        """The permalink: the statement on its first speaker's page."""
        home = urls.entity_page(self.story.speaker(statement.speakers[0]))
        return self.page(home, urls.statement_anchor(statement))

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


def environment(story: Linked) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    glossary = Glossary(([t.term, *t.aliases], t.definition) for t in story.terms.values())
    env.filters.update(
        md=markdown_inline, fm=front_matter, gloss=glossary, long_date=long_date, anchor=heading_id
    )
    env.globals.update(
        s=story,
        article_name=article_name,
        slug=lambda text: "-".join(str(text).split()),
        is_country=lambda entity: isinstance(entity, Country),
    )
    return env


def render(story: Linked) -> tuple[dict[str, str], list[Problem]]:
    """All pages by their path under the docs folder; two records claiming one path is a problem."""
    env = environment(story)
    pages: dict[str, str] = {}
    owners: dict[str, str] = {}
    problems: list[Problem] = []
    for path, template, owner, context in _pages(story):
        if path in pages:
            problems.append(
                Problem(
                    "content",
                    0,
                    0,
                    f"{owner} and {owners[path]} would both be written to {path}: rename one id",
                )
            )
            continue
        owners[path] = owner
        links = Links(path, story)
        pages[path] = env.get_template(template).render(links=links, **context)
    return pages, problems


def _pages(story: Linked) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(page path, template, what owns it, template context) for every page of the site."""
    yield "index.md", "home.md.j2", "the home page", {}
    yield "statements/index.md", "statements.md.j2", "who said what", {}
    yield "people/index.md", "people.md.j2", "the people index", {}
    yield "countries/index.md", "countries.md.j2", "the countries index", {}
    yield "questions/index.md", "questions.md.j2", "the questions index", {}
    yield "topics/index.md", "topics.md.j2", "the topics index", {}
    yield "sources/index.md", "sources.md.j2", "the sources index", {}
    yield "timeline.md", "timeline.md.j2", "the timeline", {}
    yield "glossary.md", "glossary.md.j2", "the glossary", {}
    yield "tags.md", "tags.md.j2", "the tags page", {}
    for entity in [*story.people.values(), *story.groups.values()]:
        yield urls.entity_page(entity), "person.md.j2", f"'{entity.id}'", {"entity": entity}
    for country in story.countries.values():
        yield urls.entity_page(country), "country.md.j2", f"'{country.id}'", {"country": country}
    for question in story.questions.values():
        page = urls.question_page(question)
        related = [story.statements[statement_id] for statement_id in question.statements]
        context = {"question": question, "related": related}
        yield page, "question.md.j2", f"question '{question.id}'", context
    for topic in story.topics.values():
        yield urls.topic_page(topic), "topic.md.j2", f"topic '{topic.id}'", {"topic": topic}
    for article in story.articles.values():
        page = urls.article_page(article.id)
        yield page, "article.md.j2", f"article '{article.id}'", {"article": article}
