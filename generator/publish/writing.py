"""Stage 5, write: put the rendered pages on disk, touching only files whose bytes change.

Unchanged pages keep their modification time, so `mkdocs serve` reloads only what changed and
a second build with nothing changed rewrites nothing. Pages no longer rendered are removed.

Share pages go to a folder of their own beside build/docs (`Outputs`), which MkDocs never reads.

Pages may come one at a time (render's `pages`), so the whole site never needs to be in
memory at once: only the paths written are kept.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.project import Project
from generator.publish.sharepages import is_share_page


@dataclass(frozen=True)
class Outputs:
    """Where generated files go: build/docs, which MkDocs builds from, and beside it build/share
    for the share pages, which MkDocs never reads (sharepages.py puts them into the site)."""

    docs: Path
    share: Path

    @classmethod
    def of(cls, project: Project) -> Outputs:
        return cls(project.docs, project.share)

    def root(self, relative: str) -> Path:
        """The folder a file (by its path under the site) is written under."""
        return self.share if is_share_page(relative) else self.docs

    def path(self, relative: str) -> Path:
        return self.root(relative) / relative


class _Folder:
    """One folder written into: what was there, and what this run made and kept."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self.files, self.folders = _existing(top)
        self.made: set[str] = set()  # folders known to exist, relative to `top` ('' is `top`)
        self.kept: set[str] = set()


def write(
    pages: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]], out: Path | Outputs
) -> list[str]:
    """Write `pages` (paths under the site and their texts) under `out` (with `Outputs`, each
    under its folder); return the paths that were created, changed or removed, in path order."""
    if isinstance(out, Outputs):
        docs, share = _Folder(out.docs), _Folder(out.share)
        for both in (docs, share):  # both there, even empty: generated() looks for them
            both.top.mkdir(parents=True, exist_ok=True)
        folders = [docs, share]
    else:
        docs = share = _Folder(out)
        folders = [docs]
    touched = set()
    items = pages.items() if isinstance(pages, Mapping) else pages
    for relative, text in items:
        into = share if is_share_page(relative) else docs
        into.kept.add(relative)
        folder = relative.rpartition("/")[0]
        if folder not in into.made:
            (into.top / folder).mkdir(parents=True, exist_ok=True)
            into.made.update(_ancestors(folder))
        # A file that was not there needs no reading: most files of a cold build.
        if _write(into.top / relative, text, compare=relative in into.files):
            touched.add(relative)
    for written in folders:
        touched.update(_tidy(written))
    return sorted(touched)


def _tidy(written: _Folder) -> list[str]:
    """Remove the files not written this time (the share pages of an older build/docs among
    them), then the folders left empty; the files removed."""
    out = written.top
    stale = sorted(written.files - written.kept)
    for path in stale:
        (out / path).unlink()
    for folder in sorted(written.folders - written.made, reverse=True):  # deepest first
        if not any((out / folder).iterdir()):
            (out / folder).rmdir()
    return stale


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
