"""`new-article`: bring a new article into seeds/ with its sidecar, and make sure every content
file exists (with no records where new, ready to append to) so the story validates from the
first step."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from generator.build import Project
from generator.chronology import read_before_published
from generator.load import paragraphs_of
from generator.model import COLLECTIONS, Article
from generator.problems import display_path
from generator.schema import schema_line
from generator.validate import explain
from generator.yamlsource import decode, read


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
    if target.exists() or target.with_suffix(".yaml").exists():
        problems.append(
            f"{target}: an article with id '{request.id}' exists: to add what is known "
            f"about it, edit seeds/{request.id}.yaml; to add another article, choose another "
            "--id"
        )
    sidecar = _sidecar(request)
    problems += _option_problems(sidecar)
    if problems or text is None or raw is None:
        return [], problems
    done = _write_article(project, request, raw, sidecar)
    done += _create_missing_content(project, request.id)
    done += [f"  ¶{n}  {p[:90]}{'…' if len(p) > 90 else ''}" for n, p in _numbered(text)]
    return done, []


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
    if not {"published", "accessed"} & {str(d["loc"][0]) for d in details}:
        published, accessed = (_date(sidecar[key]) for key in ("published", "accessed"))
        if found := read_before_published(published, accessed):
            problems.append(f"--accessed: {found}")
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
    project: Project, request: NewArticle, raw: bytes, sidecar: Mapping[str, object]
) -> list[str]:
    project.seeds.mkdir(parents=True, exist_ok=True)
    text_path = project.seeds / f"{request.id}.txt"
    text_path.write_bytes(raw)  # byte for byte: the text is never edited
    sidecar_path = text_path.with_suffix(".yaml")
    lines = [schema_line(sidecar_path, project.root)]
    for key, value in sidecar.items():  # each field under what it means, from the model
        lines += [f"# {Article.model_fields[key].description}", f"{key}: {_scalar(value)}"]
    sidecar_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [
        f"copied {request.text} to {_shown(text_path, project)}",
        f"wrote {_shown(sidecar_path, project)}: fill in what is known, keep null for the rest",
    ]


def _create_missing_content(project: Project, article_id: str) -> list[str]:
    done = []
    for collection in COLLECTIONS:
        file = project.content / f"{collection.name}.yaml"
        if file.exists() or (project.content / collection.name).is_dir():
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        body = _NO_RECORDS if collection.many else _story_stub(article_id)
        file.write_text(f"{schema_line(file, project.root)}\n{body}\n", encoding="utf-8")
        done.append(f"created {_shown(file, project)}")
    return done


# A list file with no records yet: valid as it is, and records are appended below it.
_NO_RECORDS = "# No records yet: add each one below as a block starting with `- id: `."


def _story_stub(article_id: str) -> str:
    today = dt.date.today().isoformat()
    return "\n".join(
        [
            "title: Write the explainer's title",
            "issue: write what the countries' positions are about",
            "summary: Write one paragraph on what happened, citing its paragraphs below.",
            f"sources: [{{article: {article_id}, paragraph: 1}}]",
            f"updated: {today}",
        ]
    )


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _shown(path: Path, _project: Project) -> str:
    """As the contributor can type it from where they ran the command."""
    return display_path(path, Path.cwd())
