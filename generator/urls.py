"""Where each page lives, and relative links between pages that work under any sub-path.

Links sit inside raw HTML, which MkDocs does not rewrite, so they are computed here for
`use_directory_urls: true`: `people/x.md` is served at `people/x/`.
"""

from __future__ import annotations

from functools import cache

from generator.model import Country, Group, Person, Question, Source, Statement, Topic


def url_of(page: str) -> str:
    """The served directory of a Markdown page, relative to the site root ('' for the home)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    path = _relative_dir(from_page, to_page)
    return f"{path}#{anchor}" if anchor else path


@cache
def _relative_dir(from_page: str, to_page: str) -> str:
    """Cached and done on path segments: a big story asks for a few hundred thousand links."""
    here = [part for part in url_of(from_page).split("/") if part]
    there = [part for part in url_of(to_page).split("/") if part]
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    parts = [".."] * (len(here) - shared) + there[shared:]
    return "/".join(parts) + "/" if parts else "./"


def entity_page(entity: Person | Group | Country) -> str:
    folder = "countries" if isinstance(entity, Country) else "people"
    return f"{folder}/{entity.id}.md"


def article_page(article_id: str) -> str:
    return f"sources/{article_id}.md"


def question_page(question: Question) -> str:
    return f"questions/{question.id}.md"


def topic_page(topic: Topic) -> str:
    return f"topics/{topic.id}.md"


def statement_anchor(statement: Statement) -> str:
    return f"s-{statement.id}"


def paragraph_anchor(paragraph: int) -> str:
    return f"p-{paragraph}"


def source_target(source: Source) -> tuple[str, str]:
    return article_page(source.article), paragraph_anchor(source.paragraph)


def record_anchor(kind: str, record_id: str) -> str:
    """A record's anchor on a listing page (`term`, `event`, `tag`, `correction`, `article`,
    `speaker`): prefixed by its kind, so no id can equal a heading's (`glossary`, `timeline`)."""
    return f"{kind}-{record_id}"
