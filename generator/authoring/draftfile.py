"""Where `draft-quotes` puts its drafts: never over a draft a contributor may have edited, and
never through a symbolic link.

The drafts of seeds/ID.txt go to drafts/ID.quotes.yaml. If that file holds other bytes (reviewed
by hand, or drafted from an older text or other names), it is kept as it is and the new drafts go
to the first free name of drafts/ID.quotes.2.yaml, drafts/ID.quotes.3.yaml …; a file on the way
that already holds exactly these drafts is left as it is and named instead, so running the
command again never piles up copies. `--force` replaces drafts/ID.quotes.yaml itself.

A link, folder or special file at any of these names (or a link as drafts/) is refused, never
followed: writing through a link could overwrite a file outside the story. Every name is opened
relative to the drafts folder opened once without following links, with O_NOFOLLOW, and a new
file is created with O_EXCL, so a link appearing meanwhile is not written through either.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from generator.content.files import create_new, open_folder, shown, written_through_link
from generator.content.problems import Problem


class Outcome(Enum):
    WRITTEN = "written"  # there was no draft file: it was created
    UNCHANGED = "unchanged"  # a draft file already held these bytes: nothing was written
    BESIDE = "beside"  # the draft file differs and was kept; the new drafts are beside it
    REPLACED = "replaced"  # --force: the draft file that differed was replaced


@dataclass(frozen=True)
class Saved:
    outcome: Outcome
    path: Path  # the file that holds these drafts now
    kept: Path  # drafts/ID.quotes.yaml, as it was unless written or replaced


_LINK = written_through_link("draft-quotes")
_NOT_FILE = (
    "this is not a regular file, so draft-quotes does not write its drafts here: "
    "move it away, then run again"
)
_NOT_FOLDER = (
    "this is not a folder, so draft-quotes cannot put its drafts in it: "
    "move it away, then run again"
)


class _Refused(Exception):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def save_draft(
    folder: Path, stem: str, text: str, root: Path, *, force: bool = False
) -> tuple[Saved | None, list[Problem]]:
    """Put the drafts of seeds/`stem`.txt in `folder` (drafts/); None and the problem if a link
    or special file is in the way. A failure of the machine (permissions, full disk) raises an
    OSError naming the file."""
    try:
        directory = _open_folder(folder)
    except _Refused as refused:
        return None, [Problem(shown(folder, root), 0, 0, refused.message)]
    try:
        return _save(directory, folder, stem, text.encode("utf-8"), force=force), []
    except _Refused as refused:
        return None, [Problem(shown(folder / refused.name, root), 0, 0, refused.message)]
    finally:
        os.close(directory)


def _open_folder(folder: Path) -> int:
    try:
        folder.mkdir()
    except FileExistsError:
        mode = folder.lstat().st_mode
        if not stat.S_ISDIR(mode):
            raise _Refused(folder.name, _LINK if stat.S_ISLNK(mode) else _NOT_FOLDER) from None
    return open_folder(folder)


def _save(directory: int, folder: Path, stem: str, data: bytes, *, force: bool) -> Saved:
    first = f"{stem}.quotes.yaml"
    for number in itertools.count(1):  # ends: each name passed is a file that exists
        name = first if number == 1 else f"{stem}.quotes.{number}.yaml"
        try:
            outcome = _put(directory, name, data, force=force and number == 1)
        except OSError as error:  # opened relative to the folder: name the whole path
            raise OSError(error.errno, error.strerror, str(folder / name)) from error
        if outcome is not None:
            if outcome is Outcome.WRITTEN and number > 1:
                outcome = Outcome.BESIDE
            return Saved(outcome, folder / name, folder / first)
    raise AssertionError("unreachable")


def _put(directory: int, name: str, data: bytes, *, force: bool) -> Outcome | None:
    """Write `name` if it is free; None if it holds other drafts that are to be kept."""
    try:
        create_new(directory, name, data)
    except FileExistsError:
        pass
    else:
        return Outcome.WRITTEN
    if _holds(directory, name, data):
        return Outcome.UNCHANGED
    if force:
        _replace(directory, name, data)
        return Outcome.REPLACED
    return None


def _holds(directory: int, name: str, data: bytes) -> bool:
    """Whether the regular file `name` holds exactly `data`; refused if it is anything else."""
    mode = os.stat(name, dir_fd=directory, follow_symlinks=False).st_mode
    if not stat.S_ISREG(mode):
        raise _Refused(name, _LINK if stat.S_ISLNK(mode) else _NOT_FILE)
    try:  # O_NOFOLLOW and fstat: it may have been swapped since the check above
        descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=directory)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _Refused(name, _LINK) from None
        raise
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _Refused(name, _NOT_FILE)
        # Size first: an unrelated big file is never read into memory.
        return info.st_size == len(data) and handle.read(len(data) + 1) == data


def _replace(directory: int, name: str, data: bytes) -> None:
    """Readers never see a half-written draft; a rename replaces a link itself, never its
    target, should one have appeared since the draft was read."""
    temporary = f".{name}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):  # left by a run that was killed
        os.unlink(temporary, dir_fd=directory)
    create_new(directory, temporary, data)
    try:
        os.replace(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
    except OSError:
        os.unlink(temporary, dir_fd=directory)
        raise
