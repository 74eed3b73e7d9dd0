"""The pipeline, top-down: load → validate → link → render → write, then MkDocs.

Everything is gathered and checked before anything is written, and the site is built aside and
swapped in at the end, so a failed run leaves the last good pages and site as they were.
"""

from __future__ import annotations

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
    loaded = load(project.content, project.seeds, project.root)
    validated = validate(loaded)
    linked, problems = link(loaded, validated)
    return linked, [*loaded.problems, *validated.problems, *problems]


def generate(project: Project) -> tuple[list[str], list[Problem]]:
    """Check, render and write the Markdown pages; returns the paths written and any problems."""
    linked, problems = check(project)
    if linked is None or problems:
        return [], problems
    pages, problems = render(linked)
    if problems:
        return [], problems
    return write(pages, project.docs), []


def build_site(project: Project) -> bool:
    """Run `mkdocs build --strict` into a fresh folder beside `site/`, then swap it in."""
    project.site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-new-", dir=project.site.parent))
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
    ]  # --quiet would hide warnings from --strict
    command += ["--config-file", str(project.config), "--site-dir", str(fresh)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # a notice, not a build problem
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
