"""Located problems in contributors' files, reported all together and rendered like Jinja2's.

Every stage returns problems instead of raising, so one run reports everything it can find.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.model.characters import LINE_BREAK, printable

WINDOW = 100  # characters of a long source line shown around the problem's column


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file. `line` and `column` are 1-based; 0 means "whole file"."""

    path: str
    line: int
    column: int
    message: str

    def headline(self) -> str:
        """Safe to print: a file name or value holding terminal escape codes is shown escaped."""
        return printable(f"{self.path}:{self.line}:{self.column}: {self.message}")


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
            shown, caret = _window(source, problem.column)
            lines.append(f"    {shown}")
            lines.append("    " + " " * caret + "^")
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
                cache[problem.path] = LINE_BREAK.split(handle.read(2_000_001).decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            cache[problem.path] = []
    lines = cache[problem.path]
    if problem.line > len(lines):
        return None
    return lines[problem.line - 1]


def _window(line: str, column: int) -> tuple[str, int]:
    """The part of a source line to show, made printable, and how far to indent the caret so
    it stands under the column's character (escapes, tabs and wide characters counted)."""
    index = max(column - 1, 0)
    start = max(0, min(index - WINDOW // 2, len(line) - WINDOW))
    before = ("… " if start else "") + _shown(line[start:index])
    after = _shown(line[index : start + WINDOW]) + (" …" if start + WINDOW < len(line) else "")
    return before + after, _width(before)


def _shown(text: str) -> str:
    return printable(text.replace("\t", " "))


def _width(text: str) -> int:
    """Terminal columns: East Asian wide characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )
