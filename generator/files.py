"""Which files of a story folder the generator may read: regular files only, found without ever
following a symbolic link, so that nothing outside the story can be read, echoed or published.

A symbolic link, named pipe, socket or device in content/ or seeds/ is refused with a problem
naming it; it is never opened (a pipe would hang the run, a link could publish /etc/passwd or
.git/config). Names starting with a dot (editor and system files) are skipped, as git does not
care about them either. A name that is not UTF-8 is refused too: it could be named nowhere (not
in a page, a link, a cache key or a message) without breaking the text it lands in.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from generator.problems import Problem, display_path

# Why a folder (given relative to the folder walked) has no place there, or None to read it.
FolderRule = Callable[[PurePosixPath], str | None]


def regular_files(
    folder: Path, root: Path, folder_rule: FolderRule | None = None
) -> tuple[list[Path], list[Problem]]:
    """Every regular file under `folder`, sorted, and a problem for everything else found,
    including each subfolder `folder_rule` refuses (it is not walked into)."""
    files: list[Path] = []
    problems: list[Problem] = []
    try:
        mode = folder.lstat().st_mode
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [unreadable(shown(folder, root), error)]
    if not stat.S_ISDIR(mode):
        return [], [Problem(shown(folder, root), 0, 0, not_regular(mode, folder=True))]
    _walk(folder, root, files, problems, lambda path: _refusal(folder_rule, folder, path))
    return sorted(files), problems


def _refusal(rule: FolderRule | None, top: Path, path: Path) -> str | None:
    return rule(PurePosixPath(path.relative_to(top).as_posix())) if rule else None


def _walk(
    folder: Path,
    root: Path,
    files: list[Path],
    problems: list[Problem],
    refusal: Callable[[Path], str | None],
) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        problems.append(unreadable(shown(folder, root), error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except FileNotFoundError:  # deleted while we looked: it is simply not there
            continue
        if (byte := _undecodable(entry.name)) is not None:
            problems.append(Problem(shown(path, root), 0, 0, not_utf8(byte, stat.S_ISDIR(mode))))
        elif stat.S_ISDIR(mode):
            message = refusal(path)
            if message:
                problems.append(Problem(shown(path, root), 0, 0, message))
            else:
                _walk(path, root, files, problems, refusal)
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append(Problem(shown(path, root), 0, 0, not_regular(mode)))


def _undecodable(name: str) -> int | None:
    """The first byte of a name that is not UTF-8: Python holds it as a lone surrogate."""
    found = _SURROGATE.search(name)
    return ord(found.group()) - 0xDC00 if found else None


_SURROGATE = re.compile("[\udc80-\udcff]")


def not_utf8(byte: int, folder: bool) -> str:
    real = "folder" if folder else "file"
    return (
        f"this {real}'s name is not valid UTF-8 (byte 0x{byte:02x}), so it is not read: rename "
        f"it in UTF-8 (letters, digits, '-' and '_' are safe everywhere), or delete it"
    )


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device file"),
    (stat.S_ISBLK, "a device file"),
    (stat.S_ISDIR, "a folder"),
)


def not_regular(mode: int, *, folder: bool = False) -> str:
    """Why something that is not a regular file (or folder) is refused, and what to do."""
    real = "folder" if folder else "file"
    if stat.S_ISLNK(mode):
        return (
            "this is a symbolic link, and the generator never follows links (one could publish "
            f"a file from outside the story): replace it with the real {real}"
        )
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return (
        f"this is {kind}, not a regular {real}, so it is not read: "
        f"replace it with a regular {real}, or delete it"
    )


def unreadable(path: str, error: OSError) -> Problem:
    """A file or folder the system will not let us read (permissions, a disk error)."""
    reason = error.strerror or type(error).__name__
    return Problem(
        path,
        0,
        0,
        f"this cannot be read ({reason}): make it readable (for example `chmod u+r {path}`), "
        "or delete it",
    )


def shown(path: Path, root: Path) -> str:
    """`path` as a contributor types it, without resolving its last part: a link is named as
    the link, never as the file it points to."""
    parent = display_path(path.parent, root)
    return path.name if parent == "." else f"{parent}/{path.name}"


def state_text(path: Path, limit: int = 400) -> str | None:
    """A small state file the generator wrote in build/ (a hash, a date), or None if it is not
    one: read up to `limit` bytes, never through a link, never blocking on a pipe."""
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
            return handle.read(limit).decode("ascii")
    except (OSError, UnicodeDecodeError):
        return None
