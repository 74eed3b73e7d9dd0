"""Which files of a story folder the generator may read: regular files only, found without ever
following a symbolic link, so that nothing outside the story can be read, echoed or published.

A symbolic link, named pipe, socket or device in content/ or seeds/ is refused with a problem
naming it; it is never opened (a pipe would hang the run, a link could publish /etc/passwd or
.git/config). Names starting with a dot (editor and system files) are skipped, as git does not
care about them either. What MkDocs copies or renders into the site besides the content (the
theme overrides, the generated pages' folder: see `published`) is refused the same way, dot
names included: MkDocs would follow a link there and publish what it points to. A name that is
not UTF-8 is refused too: it could be named nowhere (not in a page, a link, a cache key or a
message) without breaking the text it lands in.

What the generator's commands create in the story (new-article, draft-quotes) is written the
same way round: `create_new` never writes through a link nor over anything already there, and
`written_through_link` says why a link in the way is refused.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from generator.content.problems import Problem, display_path

# Why a folder (given relative to the folder walked) has no place there, or None to read it.
FolderRule = Callable[[PurePosixPath], str | None]


def regular_files(
    folder: Path, root: Path, folder_rule: FolderRule | None = None, *, hidden: bool = False
) -> tuple[list[Path], list[Problem]]:
    """Every regular file under `folder`, sorted, and a problem for everything else found,
    including each subfolder `folder_rule` refuses (it is not walked into). Names starting
    with a dot are skipped unless `hidden`."""
    files: list[str] = []
    problems = _refused(folder, root, files, folder_rule, hidden=hidden)
    return sorted(map(Path, files)), problems


def _refused(
    folder: Path,
    root: Path,
    files: list[str],
    folder_rule: FolderRule | None = None,
    *,
    hidden: bool = False,
) -> list[Problem]:
    """What `regular_files` refuses, the files found added to `files`."""
    try:
        mode = folder.lstat().st_mode
    except FileNotFoundError:
        return []
    except OSError as error:
        return [unreadable(shown(folder, root), error)]
    if not stat.S_ISDIR(mode):
        return [Problem(shown(folder, root), 0, 0, not_regular(mode, folder=True))]
    problems: list[Problem] = []
    _walk(str(folder), root, files, problems, _refusal(folder_rule, folder), hidden=hidden)
    return problems


def _refusal(rule: FolderRule | None, top: Path) -> Callable[[str], str | None] | None:
    """Why the subfolder at a path is refused, by `rule` given paths relative to `top`."""
    if rule is None:
        return None
    return lambda path: rule(PurePosixPath(Path(path).relative_to(top).as_posix()))


def _walk(
    folder: str,
    root: Path,
    files: list[str],
    problems: list[Problem],
    refusal: Callable[[str], str | None] | None,
    *,
    hidden: bool,
) -> None:
    # Paths stay strings here: a big story's build/docs holds tens of thousands of files.
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        problems.append(unreadable(shown(Path(folder), root), error))
        return
    for entry in entries:
        if entry.name.startswith(".") and not hidden:
            continue
        # The type the folder listing gives, as lstat would: no call to the system per file.
        if (byte := _undecodable(entry.name)) is not None:
            folder_named = entry.is_dir(follow_symlinks=False)
            problems.append(
                Problem(shown(Path(entry.path), root), 0, 0, not_utf8(byte, folder_named))
            )
        elif entry.is_file(follow_symlinks=False):
            files.append(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            message = refusal(entry.path) if refusal else None
            if message:
                problems.append(Problem(shown(Path(entry.path), root), 0, 0, message))
            else:
                _walk(entry.path, root, files, problems, refusal, hidden=hidden)
        else:
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except FileNotFoundError:  # deleted while we looked: it is simply not there
                continue
            problems.append(Problem(shown(Path(entry.path), root), 0, 0, not_regular(mode)))


def published(paths: Iterable[Path], root: Path) -> list[Problem]:
    """A problem for each link, pipe, socket or device MkDocs would follow or read among
    `paths` (the folders and files it copies or renders into the site): at a path, on the way
    to it from `root`, or anywhere under it. Paths outside `root`, or not there, are not the
    story's: MkDocs reports a missing one itself."""
    problems: list[Problem] = []
    for path in paths:
        normal = Path(os.path.normpath(path))
        if normal != root and normal.is_relative_to(root):
            problems += _published(root, normal.relative_to(root).parts)
    return sorted(set(problems))  # two settings may name the same folder


def _published(root: Path, parts: tuple[str, ...]) -> list[Problem]:
    path, mode = root, stat.S_IFDIR
    for part in parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            return []
        except OSError as error:
            return [unreadable(shown(path, root), error)]
        if stat.S_ISLNK(mode):
            return [Problem(shown(path, root), 0, 0, not_regular(mode, folder=path.is_dir()))]
    if stat.S_ISDIR(mode):
        return _refused(path, root, [], hidden=True)
    return [] if stat.S_ISREG(mode) else [Problem(shown(path, root), 0, 0, not_regular(mode))]


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
    return _named(display_path(path.parent, root), path.name)


def shown_each(paths: Iterable[Path], root: Path) -> list[str]:
    """`shown` of each path, each folder resolved once: a big story has thousands of files in
    a few folders, and resolving asks the system about every folder on the way."""
    folders: dict[Path, str] = {}
    names = []
    for path in paths:
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = display_path(path.parent, root)
        names.append(_named(folder, path.name))
    return names


def _named(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"


def state_text(path: Path, limit: int = 400) -> str | None:
    """A small state file the generator wrote in build/ (a hash, a date), or None if it is not
    one: read up to `limit` bytes, never through a link, never blocking on a pipe."""
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
            return handle.read(limit).decode("ascii")
    except (OSError, UnicodeDecodeError):
        return None


def written_through_link(command: str) -> str:
    """Why `command` refuses a symbolic link where it would write a file, and what to do."""
    return (
        f"this is a symbolic link, and {command} never writes through a link (it could "
        "overwrite a file outside the story): delete the link, then run again"
    )


def open_folder(folder: Path) -> int:
    """A descriptor of `folder` to create files in with `create_new`; OSError (ELOOP or
    ENOTDIR) if `folder` is a link or not a folder, as a link swapped in meanwhile would be."""
    return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)


def create_new(directory: int, name: str, data: bytes, mode: int = 0o666) -> None:
    """Create the file `name` in the folder open as `directory`, holding `data`. O_EXCL: if
    anything is at that name, a link even one pointing nowhere, FileExistsError and nothing is
    written; a file cut short (a full disk) is removed, so none is left half-written."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    descriptor = os.open(name, flags, mode, dir_fd=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except OSError:
        os.unlink(name, dir_fd=directory)
        raise


def replace_file(place: Path, data: bytes) -> bool:
    """Put `data` at `place` whole, for a cache or record a run keeps: written under a name of
    this process (two runs never share a temporary file), created anew, never through a link
    someone put at that name (`create_new`), then renamed over `place`. False when it could not
    be written, which only makes the next run do more."""
    temporary = f".{place.name}.{os.getpid()}.tmp"
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        directory = open_folder(place.parent)
    except OSError:
        return False
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary, dir_fd=directory)
        create_new(directory, temporary, data)
        os.replace(temporary, place.name, src_dir_fd=directory, dst_dir_fd=directory)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=directory)
        return False
    finally:
        os.close(directory)
    return True
