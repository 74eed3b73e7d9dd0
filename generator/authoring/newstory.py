"""`new-story DIR`: a story folder that checks and builds at once, ready to take its first
article with `new-article`: content/ with every file (no records yet, each ready to append to
and pointing at its schema), an empty seeds/, and a .gitignore for what the commands make."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from generator.content.files import create_new, open_folder
from generator.content.quotation import is_quoted
from generator.model.parts import Text
from generator.model.records import COLLECTIONS
from generator.model.schema import schema_line
from generator.project import Project

# What check, build and draft-quotes write inside a story folder: never committed.
GITIGNORE = (
    "# Made by the generator's commands: never committed.\nbuild/\nsite/\n.site-*/\ndrafts/\n"
)
UNTITLED = "Write the explainer's title"
# A list file with no records yet: valid as it is, and records are appended below it.
NO_RECORDS = "# No records yet: add each one below as a block starting with `- id: `."


def story_stub(title: str, article_id: str | None) -> str:
    """content/story.yaml of a story just started, valid as it is."""
    sources = f"[{{article: {article_id}, paragraph: 1}}]" if article_id else "[]"
    return "\n".join(
        [
            f"title: {json.dumps(title, ensure_ascii=False)}",
            "issue: write what the countries' positions are about",
            "summary: Write one paragraph on what happened, citing its paragraphs in sources.",
            f"sources: {sources}",
            f"updated: {dt.date.today().isoformat()}",
            '# How the site looks and where it lives (see CONTRIBUTING.md, "Site settings").',
            "site:",
            "  language: en",
        ]
    )


def content_files(project: Project, title: str, article_id: str | None) -> list[Path]:
    """Every content file the story lacks, written with no records; the paths written."""
    written = []
    for collection in COLLECTIONS:
        file = project.content / f"{collection.name}.yaml"
        if file.exists() or file.is_symlink() or (project.content / collection.name).is_dir():
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        body = NO_RECORDS if collection.many else story_stub(title, article_id)
        _create(file, f"{schema_line(file, project.root)}\n{body}\n")
        written.append(file)
    return written


def new_story(root: Path, title: str) -> tuple[list[Path], str | None]:
    """(the files written, None), or ([], why nothing was written)."""
    wrong = _title_problem(title)
    if wrong is not None:
        return [], wrong
    if root.is_symlink():
        return [], f"{root}: this is a symbolic link: a story starts in a folder of its own"
    if root.exists() and not root.is_dir():
        return [], f"{root}: not a folder: choose a new folder for the story"
    if root.is_dir() and any(root.iterdir()):
        return [], f"{root}: not empty: a new story starts in a new or empty folder"
    project = Project.at(root)
    root.mkdir(parents=True, exist_ok=True)
    project.seeds.mkdir()
    written = content_files(project, title, None)
    _create(root / ".gitignore", GITIGNORE)
    return [*written, root / ".gitignore"], None


def _title_problem(title: str) -> str | None:
    """Why `check` would refuse the title, said before anything is written."""
    mark = is_quoted(title)
    if mark is not None:
        return (
            f"--title holds the quotation mark {mark}, which a story's title may not (only a "
            "direct statement's text may): write it without quotation marks"
        )
    try:
        TypeAdapter(Text).validate_python(title)
    except ValidationError as error:
        return f"--title {error.errors()[0]['msg']}"
    return None


def _create(path: Path, text: str) -> None:
    """A new file, never through a link planted where it goes."""
    directory = open_folder(path.parent)
    try:
        create_new(directory, path.name, text.encode("utf-8"))
    finally:
        os.close(directory)
