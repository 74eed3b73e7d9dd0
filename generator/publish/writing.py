"""Stage 5, write: put the rendered pages on disk, touching only files whose bytes change.

Unchanged pages keep their modification time, so `mkdocs serve` reloads only what changed and
a second build with nothing changed rewrites nothing. Pages no longer rendered are removed.

Pages may come one at a time (render's `pages`), so the whole site never needs to be in
memory at once: only the paths written are kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path


def write(
    pages: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]], out: Path
) -> list[str]:
    """Write `pages` (paths under `out` and their texts) under `out`; return the paths that
    were created, changed or removed, in path order."""
    files, folders = _existing(out)
    made: set[str] = set()  # folders known to exist, relative to `out` ('' is `out` itself)
    kept: set[str] = set()
    touched = []
    items = pages.items() if isinstance(pages, Mapping) else pages
    for relative, text in items:
        kept.add(relative)
        folder = relative.rpartition("/")[0]
        if folder not in made:
            (out / folder).mkdir(parents=True, exist_ok=True)
            made.update(_ancestors(folder))
        # A file that was not there needs no reading: most files of a cold build.
        if _write(out / relative, text, compare=relative in files):
            touched.append(relative)
    for stale in sorted(files - kept):
        (out / stale).unlink()
        touched.append(stale)
    for folder in sorted(folders - made, reverse=True):  # deepest first
        if not any((out / folder).iterdir()):
            (out / folder).rmdir()
    return sorted(touched)


def write_file(target: Path, text: str | bytes) -> bool:
    """Write one file the same way, if its bytes change; whether they did."""
    exists = target.is_file()
    if not exists:
        target.parent.mkdir(parents=True, exist_ok=True)
    return _write(target, text, compare=exists)


def _write(target: Path, text: str | bytes, compare: bool) -> bool:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if compare:
        try:
            with open(target, "rb") as handle:
                if handle.read() == data:
                    return False
        except FileNotFoundError:
            pass
        _replace(target, data)
    else:
        _create(target, data)
    return True


def _existing(out: Path) -> tuple[set[str], set[str]]:
    """The files and the folders under `out`, relative to it, in one pass of `os.walk`."""
    files: set[str] = set()
    folders: set[str] = set()
    for top, dirs, names in os.walk(out):
        base = os.path.relpath(top, out).replace(os.sep, "/")
        prefix = "" if base == "." else base + "/"
        folders.update(prefix + name for name in dirs)
        files.update(prefix + name for name in names)
    return files, folders


def _ancestors(folder: str) -> list[str]:
    """`a/b/c` and the folders it is in: `a/b`, `a`."""
    parts = folder.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]


def _create(target: Path, data: bytes) -> None:
    """A file that was not there, written in place: on a big story's cold build a rename per
    file cost more than the writing. One cut short (a full disk) is removed, so none is left
    half-written, and the run is not recorded as done (build.generate), so the next one makes
    every file again."""
    try:
        target.write_bytes(data)
    except OSError as error:
        target.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(target)) from error  # name the page


def _replace(target: Path, data: bytes) -> None:
    """Readers never see a half-written page, and a write cut short (a full disk) leaves none."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(target)) from error  # name the page
