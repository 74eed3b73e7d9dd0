"""The record `generate` keeps in build/ (`Project.page_reads`): for each unit of rendering (a
page, or a listing's numbered pages made together), the inputs it read, the digest of each input
when it was read (generator/publish/digests.py) and the files it wrote, with each file's inode,
size and change time as written.

It is plain data, never pickle: a JSON head, then arrays of numbers. build/ is in the story's
folder, where a pull request can put any file, so the record is sealed as the parse cache's
entries are (generator/content/parsecache.py): an HMAC-SHA256 made with the secret of
generator/content/cachekey.py over every byte, checked before any byte is parsed. It also names
the generator's code it was made by (a fingerprint of generator/) and how links were made (the
`Scheme`): a record of other code, other links, or that does not verify or parse is not used,
and then every page is rendered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import sys
from array import array
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

from generator.content.files import replace_file
from generator.model import urls
from generator.publish.digests import Group, Item

FORMAT = 1
MAGIC = b"explainer page reads\n"
_GENERATOR = Path(__file__).parents[1]  # its code and templates: what renders every page
_ARRAYS = ("values", "spans", "ends", "reads", "owners", "inodes", "sizes", "times")
# Far bigger than any story's record (about 30 MB at 1,000 articles): not ours.
MAX_BYTES = 1 << 30


@dataclass
class Span:
    """Inputs of one group, numbered one after another from `start`: a node's attributes
    (`group` its key, `items` the attributes' names) or inputs of one other kind (`group` the
    kind, `items` the rest of each input)."""

    group: Group
    items: list[Item]
    start: int


@dataclass
class Record:
    """What the last `generate` rendered: inputs by number, in spans; units by number; files
    by path."""

    spans: list[Span] = field(default_factory=list)
    values: array[int] = field(default_factory=lambda: array("q"))  # digest, by input
    span_values: array[int] = field(default_factory=lambda: array("q"))  # digest, by span
    units: list[str] = field(default_factory=list)  # the path `wanted` was asked, by unit
    reads: list[array[int]] = field(default_factory=list)  # input numbers, by unit
    # Each file a unit wrote: (unit, inode, size, change time in ns; a change time cannot be
    # set back, as a modification time can).
    files: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)

    def size(self) -> int:
        """How many inputs the spans hold."""
        return self.spans[-1].start + len(self.spans[-1].items) if self.spans else 0


@cache
def code_version() -> str:
    """A fingerprint of the generator's code and templates: any change renders every page."""
    digest = hashlib.sha256(f"{FORMAT}\0".encode())
    for path in sorted(_GENERATOR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            name = path.relative_to(_GENERATOR).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _scheme(scheme: urls.Scheme) -> list[object]:
    return [scheme.directory_urls, scheme.address]


def _mac(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, MAGIC + body, hashlib.sha256).hexdigest().encode()


def save(place: Path, record: Record, scheme: urls.Scheme, secret: bytes) -> None:
    """Write the record sealed, whole or not at all (under a name of its own, then renamed)."""
    paths = list(record.files)
    ends = array("q")
    flat = array("i")
    for read in record.reads:
        flat.extend(read)
        ends.append(len(flat))
    columns = {
        "values": record.values,
        "spans": record.span_values,
        "ends": ends,
        "reads": flat,
        "owners": array("i", (record.files[p][0] for p in paths)),
        "inodes": array("q", (record.files[p][1] for p in paths)),
        "sizes": array("q", (record.files[p][2] for p in paths)),
        "times": array("q", (record.files[p][3] for p in paths)),
    }
    head = {
        "format": FORMAT,
        "code": code_version(),
        "scheme": _scheme(scheme),
        "order": sys.byteorder,
        **_spans(record.spans),
        "units": record.units,
        "files": paths,
        "arrays": [[name, columns[name].typecode, len(columns[name])] for name in _ARRAYS],
    }
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    body = b"%d\n" % len(text) + text + b"".join(columns[name].tobytes() for name in _ARRAYS)
    # A record that cannot be written only makes the next run render every page.
    replace_file(place, MAGIC + _mac(secret, body) + b"\n" + body)


def load(place: Path, scheme: urls.Scheme, secret: bytes) -> Record | None:
    """The record at `place`, if it is one this generator sealed for these links; else None."""
    try:
        with open(os.open(place, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            data = handle.read()
    except OSError:
        return None
    start = len(MAGIC) + 2 * hashlib.sha256().digest_size + 1
    if not data.startswith(MAGIC) or data[start - 1 : start] != b"\n":
        return None
    body = data[start:]
    if not hmac.compare_digest(data[len(MAGIC) : start - 1], _mac(secret, body)):
        return None
    try:
        return _parsed(body, scheme)
    except (ValueError, TypeError, KeyError, IndexError, UnicodeDecodeError):
        return None


def _parsed(body: bytes, scheme: urls.Scheme) -> Record | None:
    size, _, rest = body.partition(b"\n")
    head = json.loads(rest[: int(size)].decode("utf-8"))
    current = head["format"] == FORMAT and head["code"] == code_version()
    if not current or head["scheme"] != _scheme(scheme) or head["order"] != sys.byteorder:
        return None
    columns = _columns(head["arrays"], rest, int(size))
    spans = _read_spans(head["shapes"], head["nodes"], head["others"])
    units, paths = head["units"], head["files"]
    if columns is None or spans is None or not all(type(p) is str for p in [*units, *paths]):
        return None
    flat, ends, owners = columns["reads"], columns["ends"], columns["owners"]
    total = spans[-1].start + len(spans[-1].items) if spans else 0
    fits = [
        len(columns["values"]) == total and len(columns["spans"]) == len(spans),
        not flat or (min(flat) >= 0 and max(flat) < total),
        len(ends) == len(units)
        and list(ends) == sorted(ends)
        and (not ends or ends[-1] == len(flat)),
        len(paths) == len(owners)
        and (not owners or (min(owners) >= 0 and max(owners) < len(units))),
    ]
    if not all(fits):
        return None
    starts = [0, *ends[:-1]]
    reads = [flat[a:b] for a, b in zip(starts, ends, strict=True)]
    files = {
        path: (owner, inode, size, time)
        for path, owner, inode, size, time in zip(
            paths, owners, columns["inodes"], columns["sizes"], columns["times"], strict=True
        )
    }
    return Record(spans, columns["values"], columns["spans"], units, reads, files)


def _spans(spans: list[Span]) -> dict[str, list[object]]:
    """The spans as JSON: a node's as [collection, id, shape], the attributes' names it
    holds being one of `shapes` (records of a kind are read alike); others as [kind, items]."""
    shapes: dict[tuple[Item, ...], int] = {}
    nodes: list[object] = []
    others: list[object] = []
    for span in spans:
        if isinstance(span.group, tuple):
            shape = shapes.setdefault(tuple(span.items), len(shapes))
            nodes.append([len(nodes) + len(others), *span.group, shape])
        else:
            rows = [list(cast(tuple[Hashable, ...], item)) for item in span.items]
            others.append([len(nodes) + len(others), span.group, rows])
    return {"shapes": [list(shape) for shape in shapes], "nodes": nodes, "others": others}


def _read_spans(shapes: Any, nodes: Any, others: Any) -> list[Span] | None:
    """The spans `_spans` wrote, in order, or None if they are not that."""
    if not all(isinstance(shape, list) and _plain(shape, str) for shape in shapes):
        return None
    rows: list[tuple[int, Group, list[Item]]] = []
    for place, collection, record_id, shape in nodes:
        if not (type(collection) is str and type(record_id) is str and type(shape) is int):
            return None
        rows.append((place, (collection, record_id), shapes[shape]))
    for place, kind, items in others:
        if type(kind) is not str or not all(isinstance(i, list) and _plain(i) for i in items):
            return None
        rows.append((place, kind, [tuple(item) for item in items]))
    rows.sort(key=lambda row: row[0])
    if [row[0] for row in rows] != list(range(len(rows))):
        return None
    spans, start = [], 0
    for _place, group, items in rows:
        spans.append(Span(group, items, start))
        start += len(items)
    return spans


def _plain(row: list[Any], *kinds: type) -> bool:
    allowed = kinds or (str, int)
    return all(type(part) in allowed for part in row)


def _columns(rows: list[list[object]], rest: bytes, offset: int) -> dict[str, array[int]] | None:
    """The arrays after the head, as it describes them, ending where the record ends."""
    columns: dict[str, array[int]] = {}
    for (name, typecode, length), wanted in zip(rows, _ARRAYS, strict=True):
        if name != wanted or typecode not in ("i", "q") or type(length) is not int:
            return None
        column = array(str(typecode))
        end = offset + length * column.itemsize
        column.frombytes(rest[offset:end])
        if len(column) != length:
            return None
        columns[name], offset = column, end
    return columns if offset == len(rest) else None


def forget(place: Path) -> None:
    """Before build/docs changes: a run cut short must leave no record of pages it changed."""
    place.unlink(missing_ok=True)
