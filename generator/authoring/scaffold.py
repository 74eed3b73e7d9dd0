"""`new-article`: bring a new article into seeds/ with its sidecar, and make sure every content
file exists (with no records where new, ready to append to) so the story validates from the
first step.

It never writes through a symbolic link: a link at seeds/ID.txt, seeds/ID.yaml, a content file
it would create, or as seeds/ or content/, is refused before anything is written, and each file
is created with `files.create_new` (O_EXCL, O_NOFOLLOW), so a link appearing meanwhile is not
written through either."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.authoring.newstory import NO_RECORDS, UNTITLED, story_stub
from generator.content.chronology import read_before_published
from generator.content.files import create_new, open_folder, shown, written_through_link
from generator.content.loading import paragraphs_of
from generator.content.quotation import is_quoted
from generator.content.validation import explain
from generator.content.yamlsource import decode, read
from generator.model.records import COLLECTIONS, Article
from generator.model.schema import schema_line
from generator.project import Project


@dataclass(frozen=True)
class NewArticle:
    text: Path
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str = "en"
    label: str | None = None
    author: str | None = None
    via: str | None = None
    accessed: str | None = None
    excerpt: bool = False


def new_article(project: Project, request: NewArticle) -> tuple[list[str], list[str]]:
    """Returns (what was done, problems). Nothing is written unless there is no problem."""
    problems: list[str] = []
    if not (request.text.exists() or request.text.is_symlink()):
        return [], [f"{request.text}: no such file"]
    raw, read_problems = read(request.text, str(request.text))  # a huge file is never read
    text, decode_problems = decode(raw, str(request.text)) if raw is not None else (None, [])
    problems += [p.headline() for p in [*read_problems, *decode_problems]]
    target = project.seeds / f"{request.id}.txt"
    links = _links_in_the_way(project, target)
    problems += links
    if not links and (target.exists() or target.with_suffix(".yaml").exists()):
        problems.append(
            f"{target}: an article with id '{request.id}' exists: to add what is known "
            f"about it, edit seeds/{request.id}.yaml; to add another article, choose another "
            "--id"
        )
    sidecar = _sidecar(request)
    problems += _option_problems(sidecar)
    if problems or text is None or raw is None:
        return [], problems
    with _created() as create:
        done = _write_article(project, request, raw, sidecar, create)
        done += _create_missing_content(project, request.id, create)
    done += [f"  ¶{n}  {p[:90]}{'…' if len(p) > 90 else ''}" for n, p in _numbered(text)]
    return done, []


def _links_in_the_way(project: Project, target: Path) -> list[str]:
    """A one-line problem for each link where new-article would write (checked before anything
    is written, so a refused run writes nothing)."""
    paths = [project.seeds, target, target.with_suffix(".yaml"), project.content]
    paths += _missing_content(project)
    return [
        f"{shown(path, Path.cwd())}: {written_through_link('new-article')}"
        for path in paths
        if path.is_symlink()
    ]


def _missing_content(project: Project) -> list[Path]:
    """The content files new-article creates: those not there as a file or a folder."""
    files = [project.content / f"{collection.name}.yaml" for collection in COLLECTIONS]
    return [file for file in files if not (file.exists() or file.with_suffix("").is_dir())]


@contextmanager
def _created() -> Iterator[Callable[[Path, bytes], None]]:
    """A function creating a new file (`files.create_new`); should one fail (a link put in the
    way since the check, a full disk), the files it created are removed: nothing is written."""
    made: list[Path] = []

    def create(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        directory = open_folder(path.parent)
        try:
            create_new(directory, path.name, data)
        finally:
            os.close(directory)
        made.append(path)

    try:
        yield create
    except OSError:
        for path in reversed(made):
            path.unlink(missing_ok=True)
        raise


def _sidecar(request: NewArticle) -> dict[str, object]:
    """Every field of a sidecar, in the order a reader of the article meets them: what was not
    passed is null (not known), so the contributor sees all there is to fill in."""
    return {
        "id": request.id,
        "label": request.label or request.title or f"Article {request.id}",
        "title": request.title,
        "author": request.author,
        "outlet": request.outlet,
        "via": request.via,
        "url": request.url,
        "published": request.published,
        "accessed": request.accessed,
        "language": request.language,
        "excerpt": request.excerpt,
        "full_text_allowed": False,
    }


def _option_problems(sidecar: Mapping[str, object]) -> list[str]:
    """The options become the sidecar: checked as `make check` checks it, dates included."""
    try:
        Article.model_validate(sidecar)
    except ValidationError as error:
        details = error.errors()
    else:
        details = []
    problems = [_option_problem(sidecar, detail) for detail in details]
    problems += _quoted_options(sidecar)
    if not {"published", "accessed"} & {str(d["loc"][0]) for d in details}:
        published, accessed = (_date(sidecar[key]) for key in ("published", "accessed"))
        if found := read_before_published(published, accessed):
            problems.append(f"--accessed: {found}")
    return problems


# Copied as published, so they may quote (as `make check` allows them: citations._quoting).
_AS_PUBLISHED = ("title", "url")


def _quoted_options(sidecar: Mapping[str, object]) -> list[str]:
    """Quotation marks only where `make check` accepts them: in the headline and address."""
    problems = []
    for key, value in sidecar.items():
        mark = is_quoted(value) if isinstance(value, str) and key not in _AS_PUBLISHED else None
        if mark is None:
            continue
        if key == "label" and value == sidecar["title"]:
            problems.append(
                f"--title holds the quotation mark {mark}, which the article's label (shown "
                "where the headline is not) may not: give --label, your own short description "
                "without quotation marks"
            )
        else:
            problems.append(
                f"--{key}: the quotation mark {mark} belongs only in a direct statement's text: "
                "write it without quotation marks"
            )
    return problems


def _date(value: object) -> dt.date | None:
    """A date the model accepted, or None when not given."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def _option_problem(sidecar: Mapping[str, object], detail: ErrorDetails) -> str:
    """`--option: message`, worded as `check` words it (without naming the field twice)."""
    option = str(detail["loc"][0])
    message = explain(Article, sidecar, detail)
    named = f"'{option}'"
    return f"--{option}: {message.removeprefix(named + ': ').removeprefix(named + ' ')}"


def _numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(paragraphs_of(text), start=1))


def _write_article(
    project: Project,
    request: NewArticle,
    raw: bytes,
    sidecar: Mapping[str, object],
    create: Callable[[Path, bytes], None],
) -> list[str]:
    text_path = project.seeds / f"{request.id}.txt"
    create(text_path, raw)  # byte for byte: the text is never edited
    sidecar_path = text_path.with_suffix(".yaml")
    lines = [schema_line(sidecar_path, project.root)]
    for key, value in sidecar.items():  # each field under what it means, from the model
        lines += [f"# {Article.model_fields[key].description}", f"{key}: {_scalar(value)}"]
    create(sidecar_path, ("\n".join(lines) + "\n").encode("utf-8"))
    return [
        f"copied {request.text} to {_shown(text_path, project)}",
        f"wrote {_shown(sidecar_path, project)}: fill in what is known, keep null for the rest",
    ]


def _create_missing_content(
    project: Project, article_id: str, create: Callable[[Path, bytes], None]
) -> list[str]:
    done = []
    missing = _missing_content(project)
    for collection in COLLECTIONS:
        file = project.content / f"{collection.name}.yaml"
        if file not in missing:
            continue
        body = NO_RECORDS if collection.many else story_stub(UNTITLED, article_id)
        create(file, f"{schema_line(file, project.root)}\n{body}\n".encode())
        done.append(f"created {_shown(file, project)}")
    return done


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _shown(path: Path, _project: Project) -> str:
    """As the contributor can type it from where they ran the command."""
    return shown(path, Path.cwd())
