"""The parse cache's secret: a random key that authenticates each entry
(generator/content/parsecache.py), so that a cache entry no run on this machine wrote is never used.

build/cache/ sits in the story's folder, where a pull request or a copied story can put any
file. An entry is used only if its MAC, made with this key, verifies; the key lives where no
story can reach: $XDG_CACHE_HOME/explainer/cache-key, or ~/.cache/explainer/cache-key (tests
point XDG_CACHE_HOME at a folder of their own). It is made on first use, readable by its owner
alone, and never followed through a link. If it cannot be made or read, or it is not a file
of this user's that only they can read, there is no cache: every file is parsed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from generator.content.files import create_new, open_folder

SIZE = 32
_KNOWN: dict[Path, bytes | None] = {}  # read once per process and place


def cache_key() -> bytes | None:
    """The key, made if there is none yet; None when there can be no cache."""
    place = key_file()
    if place is None:
        return None
    if place not in _KNOWN:
        _KNOWN[place] = _made_or_read(place)
    return _KNOWN[place]


def key_file() -> Path | None:
    """Where the key lives: a per-user cache folder (XDG's, when set to an absolute path)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home directory to be found
            return None
    return Path(base) / "explainer" / "cache-key"


def _made_or_read(place: Path) -> bytes | None:
    try:
        return _read(place)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        _make(place)
        return _read(place)
    except OSError:
        return None


def _read(place: Path) -> bytes | None:
    descriptor = os.open(place, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        mine = stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
        if not mine or info.st_mode & 0o077:  # a key others can read or write is no secret
            return None
        key = handle.read(SIZE + 1)
    return key if len(key) == SIZE else None


def _make(place: Path) -> None:
    """Written whole under a name of our own, then linked into place: a run starting meanwhile
    never reads half a key, and of two runs making one at once, the first one's is used."""
    place.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory = open_folder(place.parent)
    temporary = f".{place.name}.{os.getpid()}.tmp"
    try:
        with contextlib.suppress(FileNotFoundError):  # left by a run that was killed
            os.unlink(temporary, dir_fd=directory)
        create_new(directory, temporary, secrets.token_bytes(SIZE), mode=0o600)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, place.name, src_dir_fd=directory, dst_dir_fd=directory)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=directory)
        os.close(directory)
