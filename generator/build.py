"""The pipeline, top-down: load → validate → link → render → write, then MkDocs.

Everything is gathered and checked before anything is written, and the site is built aside and
swapped in at the end, so a failed run leaves the last good pages and site as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.link import Linked, link
from generator.load import load
from generator.problems import Problem
from generator.render import render
from generator.validate import validate
from generator.write import write


@dataclass(frozen=True)
class Project:
    """Where a story's inputs are and where its outputs go."""

    root: Path
    content: Path
    seeds: Path
    docs: Path
    site: Path
    config: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        return cls(
            root=root,
            content=root / "content",
            seeds=root / "seeds",
            docs=root / "build" / "docs",
            site=root / "site",
            config=root / "mkdocs.yml",
        )


def check(project: Project) -> tuple[Linked | None, list[Problem]]:
    """Load, validate and link: every problem in the content, or the linked story."""
    loaded = load(project.content, project.seeds, project.root, project.docs.parent / "cache")
    validated = validate(loaded)
    linked, problems = link(loaded, validated)
    return linked, [*loaded.problems, *validated.problems, *problems]


def generate(project: Project) -> tuple[list[str], list[Problem]]:
    """Check, render and write the Markdown pages; returns the paths written and any problems.
    When no input and no part of the generator changed since the last run, nothing is redone."""
    fingerprint = _fingerprint(project)
    done = project.docs.parent / "generated-from"
    if project.docs.is_dir() and done.is_file() and done.read_text("ascii") == fingerprint:
        return [], []
    linked, problems = check(project)
    if linked is None or problems:
        return [], problems
    pages, problems = render(linked)
    if problems:
        return [], problems
    _remember_date(project, linked.story.updated)
    written = write(pages, project.docs)
    done.write_text(fingerprint, encoding="ascii")
    return written, []


def _fingerprint(project: Project) -> str:
    """A hash of every input file and of the generator itself (code and templates)."""
    digest = hashlib.sha256()
    code = Path(__file__).parent
    for folder in (project.content, project.seeds, code):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _remember_date(project: Project, updated: dt.date) -> None:
    """The facts' date stamps the build (sitemap dates), so the same input gives the same site."""
    epoch = str(int(dt.datetime.combine(updated, dt.time(), dt.UTC).timestamp()))
    stamp = project.docs.parent / "source-date-epoch"
    stamp.parent.mkdir(parents=True, exist_ok=True)
    if not stamp.is_file() or stamp.read_text(encoding="ascii") != epoch:
        stamp.write_text(epoch, encoding="ascii")


def build_site(project: Project) -> bool:
    """Run `mkdocs build --strict` into a fresh folder beside `site/`, then swap it in."""
    project.site.parent.mkdir(parents=True, exist_ok=True)
    for leftover in project.site.parent.glob(".site-*"):  # from a build that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-new-", dir=project.site.parent))
    # --quiet would also hide the warnings that --strict turns into failures.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(project.config), "--site-dir", str(fresh)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # a notice, not a build problem
    stamp = project.docs.parent / "source-date-epoch"
    if "SOURCE_DATE_EPOCH" not in env and stamp.is_file():
        env["SOURCE_DATE_EPOCH"] = stamp.read_text(encoding="ascii")
    result = subprocess.run(command, cwd=project.root, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        return False
    retired = project.site.with_name(f".site-old-{os.getpid()}")
    if project.site.exists():
        project.site.rename(retired)
    fresh.rename(project.site)
    shutil.rmtree(retired, ignore_errors=True)
    return True
