"""The parse cache: each parsed YAML file kept as JSON in build/cache/, keyed by a hash of the
parser and the file's bytes, so that an unchanged file of a big story is not parsed again.

It is plain data, never pickle: a cache file someone committed must not be able to run code on
`make check`. An entry that is unreadable, malformed or written by another version of the parser
is ignored and rebuilt, and a cache that cannot be written only makes the next run slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from generator import yamlsource
from generator.problems import Mark, Problem
from generator.yamlsource import Document, Loc, parse

FORMAT = 1
# Any change to the parser changes what a parse produces, so it starts a fresh cache.
VERSION = hashlib.sha256(
    f"{FORMAT}\0".encode() + Path(yamlsource.__file__).read_bytes()
).hexdigest()[:16]
# Marks make an entry several times bigger than its file; anything far bigger is not ours.
MAX_ENTRY_BYTES = 40 * yamlsource.MAX_BYTES


def cached_parse(
    raw: bytes, shown: str, cache: Path | None
) -> tuple[Document | None, list[Problem]]:
    """`parse(raw, shown)`, read back from `cache` when this parser parsed these bytes before
    (failures are not cached: they are cheap and must be reported)."""
    if cache is None:
        return parse(raw, shown)
    key = hashlib.sha256(f"{VERSION}\0{shown}\0".encode() + raw).hexdigest()
    entry = cache / key[:2] / f"{key}.json"
    document = _recall(entry, shown)
    if document is not None:
        return document, []
    document, problems = parse(raw, shown)
    if document is not None:
        _remember(entry, document)
    return document, problems


def to_json(document: Document) -> str:
    """The document as JSON; a location is a list, so its text keys and list indexes stay apart."""
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "path": document.path,
            "data": document.data,
            "values": [[list(loc), *mark] for loc, mark in document.values.items()],
            "keys": [[list(loc), *mark] for loc, mark in document.keys.items()],
        },
        ensure_ascii=False,
    )


def from_json(text: str, shown: str) -> Document | None:
    """The document `to_json` wrote for `shown` by this parser, or None for anything else."""
    try:
        entry = json.loads(text)
        if entry["version"] != VERSION or entry["path"] != shown:
            return None
        return Document(shown, entry["data"], _marks(entry["values"]), _marks(entry["keys"]))
    except (ValueError, TypeError, KeyError):
        return None


def _marks(rows: list[Any]) -> dict[Loc, Mark]:
    marks = {}
    for loc, line, column in rows:
        if not all(isinstance(part, str | int) and not isinstance(part, bool) for part in loc):
            raise TypeError("a location is made of keys and indexes")
        if not (type(line) is int and type(column) is int):
            raise TypeError("a mark is two whole numbers")
        marks[tuple(loc)] = Mark(line, column)
    return marks


def _recall(entry: Path, shown: str) -> Document | None:
    try:
        info = entry.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        return from_json(entry.read_text(encoding="utf-8"), shown)
    except (OSError, UnicodeDecodeError):
        return None


def _remember(entry: Path, document: Document) -> None:
    # A name of our own, so that two runs writing the same entry never share a temporary file.
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(to_json(document), encoding="utf-8")
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
