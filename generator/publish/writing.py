"""Stage 5, write: put the rendered pages on disk, touching only files whose bytes change.

Unchanged pages keep their modification time, so `mkdocs serve` reloads only what changed and
a second build with nothing changed rewrites nothing. Pages no longer rendered are removed.

Share pages go to a folder of their own beside build/docs (`Outputs`), which MkDocs never reads.

Pages may come one at a time (render's `pages`), so the whole site never needs to be in
memory at once: only the paths written are kept. `write_parts` makes and writes them in
several processes at once (one per core, for `generate`), each a part of the pages.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.project import Project
from generator.publish.sharepages import is_share_page

# Part `number` of `parts` of the pages: (path, text) pairs, made one at a time.
Part = Callable[[int, int], Iterable[tuple[str, str | bytes]]]


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


class _Targets:
    """The folders written into (build/docs alone, or with build/share) and what each held."""

    def __init__(self, out: Path | Outputs) -> None:
        self.split = isinstance(out, Outputs)
        if isinstance(out, Outputs):
            self.tops = [out.docs, out.share]
            for top in self.tops:  # both there, even empty: generated() looks for them
                top.mkdir(parents=True, exist_ok=True)
        else:
            self.tops = [out]
        self.before = [_existing(top) for top in self.tops]

    def index(self, relative: str) -> int:
        """Which folder a file (its path under the site) is written under."""
        return 1 if self.split and is_share_page(relative) else 0


def write(
    pages: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]], out: Path | Outputs
) -> list[str]:
    """Write `pages` (paths under the site and their texts) under `out` (with `Outputs`, each
    under its folder); return the paths that were created, changed or removed, in path order."""
    targets = _Targets(out)
    items = pages.items() if isinstance(pages, Mapping) else pages
    return _sweep(targets, [_write_all(items, targets)])


def write_parts(make: Part, out: Path | Outputs, parts: int) -> list[str]:
    """`write`, the pages made in `parts` processes at once: `make(number, parts)` gives
    part `number` of them, and each process writes what it makes as it makes it. This
    process makes part 0; the others are forked, so they start from everything this one
    holds (a linked story, shared until written to), and tell it the paths they wrote. Whatever
    stops one (a full disk, a bug) stops the run as it would in one process, once all ended."""
    if parts < 2:
        return write(make(0, 1), out)
    targets = _Targets(out)
    sys.stdout.flush()
    sys.stderr.flush()
    children = [_fork(make, number, parts, targets) for number in range(1, parts)]
    try:
        done = [_write_all(make(0, parts), targets)]
    finally:  # every child waited for, whatever stopped this one (whose error comes first)
        gathered = [_gather(pid, reader) for pid, reader in children]
    for answer in gathered:
        if isinstance(answer, Exception):
            raise answer
        done.append(answer)
    return _sweep(targets, done)


class _Written(NamedTuple):
    """What one process wrote: every path it made (`kept`, under the site), the files whose
    bytes it changed (`touched`) and the folders it knows exist (`made`: the folder's index in
    `_Targets.tops` and its path under that folder)."""

    kept: set[str]
    touched: list[str]
    made: set[tuple[int, str]]


def _write_all(items: Iterable[tuple[str, str | bytes]], targets: _Targets) -> _Written:
    """Write each page; the files already there are compared before writing."""
    made: set[tuple[int, str]] = set()  # ('' is the top folder itself)
    kept: set[str] = set()
    touched = []
    for relative, text in items:
        kept.add(relative)
        index = targets.index(relative)
        top = targets.tops[index]
        folder = relative.rpartition("/")[0]
        if (index, folder) not in made:
            (top / folder).mkdir(parents=True, exist_ok=True)
            made.update((index, above) for above in _ancestors(folder))
        # A file that was not there needs no reading: most files of a cold build.
        if _write(top / relative, text, compare=relative in targets.before[index][0]):
            touched.append(relative)
    return _Written(kept, touched, made)


def _sweep(targets: _Targets, done: list[_Written]) -> list[str]:
    """Remove, in each folder, the files no process wrote (the share pages of an older
    build/docs among them) and the folders left empty; every path touched, in path order."""
    kept = set().union(*(written.kept for written in done))
    made = set().union(*(written.made for written in done))
    touched = {path for written in done for path in written.touched}
    for index, (top, (files, folders)) in enumerate(zip(targets.tops, targets.before, strict=True)):
        # A file is kept in the folder it is written under, and only there.
        for stale in sorted(f for f in files if f not in kept or targets.index(f) != index):
            (top / stale).unlink()
            touched.add(stale)
        here = {folder for at, folder in made if at == index}
        for folder in sorted(folders - here, reverse=True):  # deepest first
            if not any((top / folder).iterdir()):
                (top / folder).rmdir()
    return sorted(touched)


def _fork(make: Part, number: int, parts: int, targets: _Targets) -> tuple[int, int]:
    """A child process writing part `number`; its id, and the pipe it answers on."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(reader)
        answer: dict[str, object]
        try:
            written = _write_all(make(number, parts), targets)
            made = sorted([index, folder] for index, folder in written.made)
            answer = {"written": [sorted(written.kept), written.touched, made]}
        except OSError as error:
            answer = {"os_error": [error.errno, error.strerror, error.filename]}
        except BaseException:  # a bug, or an interrupt: shown as this process would show it
            answer = {"failed": traceback.format_exc()}
        try:
            with open(writer, "w", encoding="utf-8") as pipe:
                json.dump(answer, pipe)
        finally:
            os._exit(0)
    os.close(writer)
    return pid, reader


def _gather(pid: int, reader: int) -> _Written | Exception:
    """What a child wrote, once it ended, or the error that stopped it."""
    with open(reader, encoding="utf-8") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        answer = json.loads(payload)
    except ValueError:
        died = os.waitstatus_to_exitcode(status)
        return RuntimeError(f"writing pages: a process stopped unexpectedly (status {died})")
    if "os_error" in answer:
        return OSError(*answer["os_error"])
    if "failed" in answer:
        return RuntimeError(f"writing pages in a second process failed:\n{answer['failed']}")
    kept, touched, made = answer["written"]
    return _Written(set(kept), touched, {(index, folder) for index, folder in made})


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
