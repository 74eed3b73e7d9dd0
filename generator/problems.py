"""Located problems in contributors' files, reported all together and rendered like Jinja2's.

Every stage returns problems instead of raising, so one run reports everything it can find.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. `line` and `column` are 1-based; 0 means "whole file"."""

    path: str
    line: int
    column: int
    message: str

    def headline(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class Mark(NamedTuple):
    """Where a YAML node starts: 1-based line and column. A tuple, so that the hundreds of
    thousands a big story has are cheap to create and to cache."""

    line: int
    column: int


def display_path(path: Path, root: Path) -> str:
    """The path as a contributor would type it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def format_problems(problems: list[Problem], root: Path) -> str:
    """Each problem as `path:line:column: message`, then the offending line with a caret."""
    blocks = []
    cache: dict[str, list[str]] = {}
    for problem in sorted(problems):
        lines = [problem.headline()]
        source = _source_line(problem, root, cache)
        if source is not None:
            shown = source.expandtabs(1)
            lines.append(f"    {shown}")
            lines.append("    " + " " * max(problem.column - 1, 0) + "^")
        blocks.append("\n".join(lines))
    count = len(problems)
    summary = f"{count} problem{'s' if count != 1 else ''} found."
    return "\n".join([*blocks, summary]) + "\n"


def _source_line(problem: Problem, root: Path, cache: dict[str, list[str]]) -> str | None:
    if problem.line < 1:
        return None
    if problem.path not in cache:
        candidate = Path(problem.path)
        file = candidate if candidate.is_absolute() else root / candidate
        try:  # the story's own regular file only: never a link's target, a pipe or a device
            if not stat.S_ISREG(file.lstat().st_mode):
                raise OSError(f"{file} is not a regular file")
            with open(os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
                cache[problem.path] = handle.read(2_000_001).decode("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[problem.path] = []
    lines = cache[problem.path]
    if problem.line > len(lines):
        return None
    line = lines[problem.line - 1]
    return line if len(line) <= 200 else line[:200] + " …"
