"""The parse cache: each parsed YAML file kept as JSON in build/cache/, keyed by a hash of the
parser and the file's bytes, so that an unchanged file of a big story is not parsed again.

It is plain data, never pickle: a cache file someone committed must not be able to run code on
`make check`. Nor can it change what is built: build/cache/ is in the story's folder, where a
pull request can put any file, so each entry carries an HMAC-SHA256 of its key and its JSON,
made with a secret key kept outside the story (generator/content/cachekey.py), and an entry whose
MAC does not verify is not used. Without that key there is no cache. An entry that is unreadable,
malformed, forged or written by another version of the parser is ignored and rebuilt, and a
cache that cannot be written only makes the next run slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import stat
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from generator.content import document, yamlsource
from generator.content.cachekey import cache_key
from generator.content.document import Document, Loc, Points
from generator.content.files import replace_file
from generator.content.problems import Problem
from generator.content.yamlsource import parse

FORMAT = 2
# Any change to the parser changes what a parse produces, so it starts a fresh cache.
VERSION = hashlib.sha256(
    f"{FORMAT}\0".encode()
    + Path(yamlsource.__file__).read_bytes()
    + Path(document.__file__).read_bytes()
).hexdigest()[:16]
# Marks make an entry several times bigger than its file; anything far bigger is not ours.
MAX_ENTRY_BYTES = 40 * yamlsource.MAX_BYTES


def cached_parse(
    raw: bytes, shown: str, cache: Path | None
) -> tuple[Document | None, list[Problem]]:
    """`parse(raw, shown)`, read back from `cache` when this parser parsed these bytes before
    (failures are not cached: they are cheap and must be reported)."""
    secret = cache_key() if cache is not None else None
    if cache is None or secret is None:
        return parse(raw, shown)
    key = hashlib.sha256(f"{VERSION}\0{shown}\0".encode() + raw).hexdigest()
    entry = cache / key[:2] / f"{key}.json"
    document = _in_memory(entry)
    if document is not None:
        return document, []
    document = _recall(entry, shown, _Seal(secret, key))
    if document is None:
        document, problems = parse(raw, shown)
        if document is None:
            return None, problems
        _remember(entry, document, _Seal(secret, key))
    _keep(entry, document)
    return document, []


# Documents this process has read or written, by entry, with the entry's file as it was then:
# a long-lived process (the live preview) re-checks the story after each save, and reading
# a big story's entries back costs seconds. An entry whose file changed is read again. The
# documents are shared, never changed; the bound keeps memory in check. Only a process that
# asks keeps them: in a one-off run they would hold a big story's parse (about 100 MB at 1,000
# articles) in memory while its pages are made.
_KEPT: dict[Path, tuple[tuple[int, int, int], Document]] = {}
KEPT_DOCUMENTS = 4096
_keeping: list[bool] = []  # not empty while some caller asks for documents to be kept
_used: set[Path] = set()  # the entries read meanwhile


@contextlib.contextmanager
def documents_kept() -> Iterator[None]:
    """Keep the documents parsed or read back meanwhile (see above), and only those: an
    edited file's earlier versions are let go (each save of a big file would otherwise keep
    one more, a megabyte or more, up to the bound)."""
    _keeping.append(True)
    try:
        yield
    finally:
        _keeping.pop()
        if not _keeping:
            for entry in [entry for entry in _KEPT if entry not in _used]:
                del _KEPT[entry]
            _used.clear()


def _signature(entry: Path) -> tuple[int, int, int]:
    info = entry.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


def _in_memory(entry: Path) -> Document | None:
    kept = _KEPT.get(entry)
    try:
        if kept is None or kept[0] != _signature(entry):
            return None
    except OSError:
        return None
    _KEPT[entry] = _KEPT.pop(entry)  # the most recently used last
    _used.add(entry)
    return kept[1]


def _keep(entry: Path, document: Document) -> None:
    if not _keeping:
        return
    try:
        _KEPT[entry] = (_signature(entry), document)
    except OSError:
        return  # not written: nothing to compare with next time
    _used.add(entry)
    while len(_KEPT) > KEPT_DOCUMENTS:
        del _KEPT[next(iter(_KEPT))]


def to_json(document: Document) -> str:
    """The document as JSON: its data, and its marks as the numbers of its `Points`."""
    points = document.points or _points(document)
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "path": document.path,
            "data": document.data,
            "values": points.values,
            "keys": points.keys,
            "records": points.records,
        },
        ensure_ascii=False,
    )


def from_json(text: str, shown: str) -> Document | None:
    """The document `to_json` wrote for `shown` by this parser, or None for anything else."""
    try:
        entry = json.loads(text)
        if entry["version"] != VERSION or entry["path"] != shown:
            return None
        points = Points(entry["values"], entry["keys"], entry["records"])
        # Every number checked at once, by type (a bool is not an int here): a big story has
        # about a million.
        if not set(map(type, chain.from_iterable(points))) <= {int} or any(
            len(numbers) % 2 for numbers in points[:2]
        ):
            raise TypeError("marks are pairs of whole numbers")
        return Document(shown, entry["data"], points=points)
    except (ValueError, TypeError, KeyError):
        return None


def _points(document: Document) -> Points:
    """The points of a document made from marks by location (as a test makes one)."""
    points = Points([], [], [])
    if not document.values:
        return points

    def walk(value: Any, loc: Loc) -> None:
        points.values.extend(document.values[loc])
        if len(loc) == 1 and isinstance(loc[0], int):
            points.records.append(len(points.values) // 2 - 1)
        if type(value) is list:
            for index, item in enumerate(value):
                walk(item, (*loc, index))
        elif type(value) is dict:
            for name, item in value.items():
                points.keys.extend(document.keys[(*loc, name)])
                walk(item, (*loc, name))

    walk(document.data, ())
    return points


class _Seal:
    """An entry's file is JSON too: {"mac":"<HMAC-SHA256 of the key and the document's JSON>",
    "entry":<the document's JSON, byte for byte>}. The MAC is checked on those very bytes,
    before any of them is parsed."""

    HEAD, MIDDLE, TAIL = b'{"mac":"', b'","entry":', b"}"
    START = len(HEAD) + 2 * hashlib.sha256().digest_size + len(MIDDLE)

    def __init__(self, secret: bytes, key: str) -> None:
        self.secret, self.key = secret, key

    def mac(self, body: bytes) -> bytes:
        signed = hmac.new(self.secret, self.key.encode() + b"\0", hashlib.sha256)
        signed.update(body)
        return signed.hexdigest().encode()

    def seal(self, body: bytes) -> bytes:
        return self.HEAD + self.mac(body) + self.MIDDLE + body + self.TAIL

    def opened(self, data: bytes) -> bytes | None:
        """The document's JSON, if these bytes are an entry sealed with this key."""
        head, middle = data[: len(self.HEAD)], data[self.START - len(self.MIDDLE) : self.START]
        if head != self.HEAD or middle != self.MIDDLE or not data.endswith(self.TAIL):
            return None
        body = data[self.START : -len(self.TAIL)]
        mac = data[len(self.HEAD) : self.START - len(self.MIDDLE)]
        return body if hmac.compare_digest(mac, self.mac(body)) else None


def _recall(entry: Path, shown: str, seal: _Seal) -> Document | None:
    try:
        info = entry.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        body = seal.opened(entry.read_bytes())
        return None if body is None else from_json(body.decode("utf-8"), shown)
    except (OSError, UnicodeDecodeError):
        return None


def _remember(entry: Path, document: Document, seal: _Seal) -> None:
    replace_file(entry, seal.seal(to_json(document).encode("utf-8")))
