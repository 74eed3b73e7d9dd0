"""Pagefind's index made byte-identical for the same search records.

Pagefind writes each filter's values (`filter/*.pf_filter`) in the order of a Rust hash map,
which differs from run to run; the filter files are named by a hash of their bytes, the index's
meta file (`pagefind.LANG_HASH.pf_meta`) lists those names in another hash map's order and is
named by a hash of its own bytes, and `pagefind-entry.json` names the meta file. So here each
filter's values are put in order (by value) and the filters in the meta by name, and the files
are renamed and relinked the way Pagefind names them: LANG_ and the start of the SHA-1 of the
file's bytes (7 hex digits for a filter, 10 for the meta). Everything else Pagefind writes is
already the same from run to run. What values a filter has, and for which results, is unchanged,
and search.js puts values in its own order for readers.

Each file is gzip'd `pagefind_dcd` followed by CBOR (arrays, text, whole numbers). A file that
does not read back to the very same bytes, or a meta file whose filters are not the filter files
there, is not in the format this was written for: that is refused (ValueError) rather than
guessed at, so a Pagefind that changed its format cannot leave a broken index.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any, TypeGuard

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
_FILTERS = 3  # in the meta index: [version, pages, index chunks, filters, sorts, meta fields]


def stabilise(index: Path) -> None:
    """Put the Pagefind index in INDEX (a site's pagefind/ folder) in a stable order."""
    entry_path = index / ENTRY
    entry_text = entry_path.read_text(encoding="utf-8")
    languages = json.loads(entry_text)["languages"]
    for language, about in languages.items():
        old = about["hash"]
        new = _stable_meta(index, language, old)
        if new != old:
            entry_text = _replaced_once(entry_text, f'"hash":"{old}"', f'"hash":"{new}"')
    entry_path.write_text(entry_text, encoding="utf-8")


def _stable_meta(index: Path, language: str, meta_hash: str) -> str:
    """The meta file of one language, with its filters in order: its new hash."""
    meta_path = index / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    filters = meta[_FILTERS] if isinstance(meta, list) and len(meta) > _FILTERS else None
    folder = index / "filter"
    present = sorted(p.name for p in folder.glob(f"{language}_*.pf_filter"))
    if not _pairs(filters) or sorted(f"{h}.pf_filter" for _n, h in filters) != present:
        raise ValueError(f"{meta_path.name}: its filters are not the files in filter/")
    contents = {name: _filter(folder / f"{hash_}.pf_filter") for name, hash_ in filters}
    for _name, hash_ in filters:
        (folder / f"{hash_}.pf_filter").unlink()
    taken: set[str] = set()
    renamed = []
    for name in sorted(contents):
        data = _encode([name, sorted(contents[name], key=lambda pair: pair[0])])
        hash_ = _short_hash(language, data, 7, taken)
        _write(folder / f"{hash_}.pf_filter", data)
        renamed.append([name, hash_])
    meta[_FILTERS] = renamed
    data = _encode(meta)
    new = _short_hash(language, data, 10, set())
    meta_path.unlink()
    _write(index / f"pagefind.{new}.pf_meta", data)
    return new


def _pairs(items: Any) -> TypeGuard[list[list[str]]]:
    """Whether `items` is a list of [text, text]: each filter's name and file."""
    return isinstance(items, list) and all(
        isinstance(i, list) and len(i) == 2 and all(isinstance(x, str) for x in i) for i in items
    )


def _filter(path: Path) -> list[list[Any]]:
    """A filter file's values, each [value, [result numbers]]."""
    item = _read(path)
    values = item[1] if isinstance(item, list) and len(item) == 2 else None
    if not isinstance(values, list) or not all(
        isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) for v in values
    ):
        raise ValueError(f"{path.name}: not a filter in the format this generator knows")
    return values


def _short_hash(language: str, data: bytes, length: int, taken: set[str]) -> str:
    """As Pagefind names its files: longer only when two files would share a name."""
    full = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    while f"{language}_{full[:length]}" in taken and length < len(full):
        length += 1
    name = f"{language}_{full[:length]}"
    taken.add(name)
    return name


def _replaced_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"{ENTRY}: {old} is not named there once")
    return text.replace(old, new)


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    item, end = _decode(data, len(SIGNATURE))
    if end != len(data) or SIGNATURE + _encode(item) != data:
        raise ValueError(f"{path.name}: not in the format this generator knows")
    return item


def _write(path: Path, data: bytes) -> None:
    # No name or time in the gzip header, as Pagefind writes it: the same bytes every time.
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR item at `at` (whole numbers, byte and text strings, arrays) and where the
    next starts; any other kind is a ValueError."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        number = info
    elif info < 28:
        width = 1 << (info - 24)
        number, at = int.from_bytes(data[at : at + width], "big"), at + width
    else:
        raise ValueError(f"CBOR item of indefinite or reserved length at byte {at - 1}")
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major == 2:
        return data[at : at + number], at + number
    if major == 3:
        return data[at : at + number].decode(), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {major} at byte {at - 1}")


def _encode(item: Any) -> bytes:
    """CBOR in its shortest form, as Pagefind's encoder (minicbor) writes it."""
    if isinstance(item, bool):
        raise ValueError("CBOR booleans are not written here")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        encoded = item.encode()
        return _head(3, len(encoded)) + encoded
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(_encode(i) for i in item)
    raise ValueError(f"{type(item).__name__} is not written here")


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * width):
            return bytes([major << 5 | info]) + number.to_bytes(width, "big")
    raise ValueError(f"{number} is too big for CBOR")
