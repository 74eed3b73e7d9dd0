"""The search index: Pagefind run over the search records `generate` wrote
(generator/pages/search_records.py makes them), and the index read back for `verify` and the tests.

Pagefind reads HTML pages, so each record becomes a small page in a scratch folder. Pagefind
indexes a page's text and its meta, never its address or its filters: so a record's real
address is the scratch page's folder name (hex, which search.js decodes), and what a result only
shows (`shown`) travels as filters named `shown-…`, which search.js reads and never lists.
Nothing is downloaded: the binary comes from the pagefind_bin wheel.

A big index is written in shards, each a Pagefind index of its own from its own run: Pagefind's
memory grows with the records of a run (458–649 MB for 24,590 records at N = 1000; about a
quarter of that for a quarter of them). The first shard stays in the index's folder, the others
in `shard-1/`, `shard-2/`, … in it, listed in its `shards.json`; each record goes to one shard,
in turn, so that every shard is a like sample of the records and their scores (Pagefind's, from
each shard's own word counts) stay comparable. search.js shows the first shard's results while
the others are searched, then every shard's, merged by score (Pagefind's `mergeIndex`).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from generator.pages.search_records import INDEX_FOLDER, NAMES, PARAGRAPHS
from generator.publish.stableindex import stabilise

FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what each of Pagefind's record files starts with


@dataclass(frozen=True)
class Indexed:
    records: int
    seconds: float
    peak_kb: int  # the indexer's (Pagefind's) peak resident memory


SHARD_RECORDS = 6_500  # at most, per Pagefind run: about 130 MB of its memory
SHARDS = "shards.json"  # in an index's folder: its other shards' folders, in order
SHARD_PREFIX = "shard-"  # the other shards' folders: shard-1, shard-2, …
PARALLEL_RUNS = 2  # Pagefind runs at a time: both cores, and twice one run's memory in all
# What a shard other than the first needs no copy of: search.js loads Pagefind from the first.
SHARED = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")


def index_site(records: Path, site: Path, shard_records: int = SHARD_RECORDS) -> Indexed:
    """Write SITE/pagefind/ from the records file with the Pagefind binary from the
    pagefind_bin wheel (nothing is downloaded): the cited paragraphs in their own index,
    SITE/pagefind/paragraphs/, which search.js loads after the first results, so that they
    neither slow nor outrank the statements. Each record becomes a small HTML page in a
    scratch folder, the input Pagefind's command line reads. (Pagefind's Python API sends
    records one by one and waits a tenth of a second for each answer: an hour for a big story.)"""
    entries_json: list[dict[str, Any]] = json.loads(records.read_text(encoding="utf-8"))
    started = time.monotonic()
    out = site / INDEX_FOLDER
    # An earlier index goes first: Pagefind leaves files of its own it no longer names.
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    runs = [
        run
        for index, folder in (("", out), (PARAGRAPHS, out / PARAGRAPHS))
        for run in _sharded(
            [r for r in entries_json if r.get("index", "") == index], folder, shard_records
        )
    ]
    # Pagefind uses one core a run: two runs at a time (each in its own memory) use both.
    with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as pool:
        list(pool.map(lambda run: _index(*run), runs))
    for _records, folder in runs:
        if folder.name.startswith(SHARD_PREFIX):
            for shared in SHARED:
                for path in folder.glob(shared):
                    path.unlink()
    (out / NAMES).write_text(_names(entries_json, out), encoding="utf-8")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Indexed(len(entries_json), time.monotonic() - started, peak)


def _sharded(
    entries_json: list[dict[str, Any]], out: Path, shard_records: int
) -> list[tuple[list[dict[str, Any]], Path]]:
    """The Pagefind runs that make the index of `entries_json` in OUT: as few shards as hold at
    most `shard_records` each, each with its folder, every shard listed in OUT/shards.json after
    the first (none where there is nothing to find yet)."""
    if not entries_json:
        return []
    count = -(-len(entries_json) // shard_records)
    # In turn, not in runs: a run of records of one kind would skew a shard's word counts.
    shards = [entries_json[number::count] for number in range(count)]
    folders = [f"{SHARD_PREFIX}{number}" for number in range(1, count)]
    out.mkdir(parents=True, exist_ok=True)
    (out / SHARDS).write_text(json.dumps(folders), encoding="utf-8")
    return list(zip(shards, [out, *(out / folder for folder in folders)], strict=True))


def _index(entries_json: list[dict[str, Any]], out: Path) -> None:
    """One Pagefind index of `entries_json` (not empty: Pagefind refuses that) in OUT."""
    scratch_parent = _memory_folder(len(entries_json))
    with tempfile.TemporaryDirectory(prefix="search-records-", dir=scratch_parent) as scratch:
        for record in entries_json:
            page = Path(scratch) / address_folder(record["url"]) / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(_record_page(record), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(out)]
        command += ["--force-language", "en", "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stdout.strip() or done.stderr.strip() or "Pagefind failed")
    for unused in UNUSED:  # Pagefind's own search interfaces: search.js is the site's
        for path in out.glob(unused):
            path.unlink()
    stabilise(out)  # the same records, the same bytes (Pagefind's filters come in any order)


def _names(entries_json: list[dict[str, Any]], out: Path) -> str:
    """names.json, the names search.js reads queries against: each as [name, 1 if it speaks in
    some statement else 0, the Pagefind id of its own record or ""], so that the page of whoever
    a query names is put first without a second search (a search by Pagefind's `name` filter
    loads that filter's whole list, 16 KB at N = 1000). Small: loaded on every first search."""
    speakers = {n for r in entries_json if "speaker" in r["filters"] for n in r.get("names", [])}
    own = {r["url"]: n for r in entries_json for n in r["filters"].get("name", [])}
    pages: dict[str, str] = {}
    for fragment in _fragments_of(out) if own else ():
        address = address_of(fragment_record(fragment)["url"])
        if address in own:
            pages[own[address]] = fragment.name.removesuffix(".pf_fragment")
    names = sorted(speakers | set(own.values()))
    rows = [[name, int(name in speakers), pages.get(name, "")] for name in names]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _fragments_of(index: Path) -> list[Path]:
    """The record files of the index in INDEX, every shard's."""
    others = json.loads((index / SHARDS).read_text(encoding="utf-8"))
    return [
        f
        for shard in [index, *(index / o for o in others)]
        for f in shard.glob("fragment/*.pf_fragment")
    ]


SEGMENT = 200  # hex characters per folder name, under every file system's limit of 255 bytes


def address_folder(url: str) -> str:
    """The scratch folder of the record leading to `url`: the address in hex, in folders of
    SEGMENT characters. Pagefind gives it back as the result's `url`; search.js decodes it."""
    code = url.encode("utf-8").hex() or "00"
    return "/".join(code[i : i + SEGMENT] for i in range(0, len(code), SEGMENT))


def address_of(pagefind_url: str) -> str:
    """The record's address from the `url` Pagefind stored (address_folder's inverse)."""
    code = pagefind_url.strip("/").replace("/", "")
    return "" if code == "00" else bytes.fromhex(code).decode("utf-8")


# What one scratch page may take in a memory-backed folder, with the file system's overhead.
SCRATCH_BYTES = 16 * 1024
MEMORY_FOLDER = Path("/dev/shm")


def _memory_folder(records: int) -> Path | None:
    """A memory-backed folder for the scratch pages when there is room in it: creating, reading
    and deleting tens of thousands of small files on a disk took longer than indexing them.
    None (the usual temporary folder) elsewhere, or when it is small (a container's 64 MB)."""
    try:
        room = os.statvfs(MEMORY_FOLDER)
    except OSError:
        return None
    enough = room.f_bavail * room.f_frsize > 2 * records * SCRATCH_BYTES
    return MEMORY_FOLDER if enough and os.access(MEMORY_FOLDER, os.W_OK | os.X_OK) else None


UNUSED = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)


def _record_page(record: dict[str, Any]) -> str:
    """One record as the page Pagefind indexes: the searched text in the body (its first line,
    a name or a title, as a heading, except in a paragraph of an article), what a result shows
    as meta (searched too) and what narrows it or is only shown as filters, each an element
    holding escaped text."""
    lines = record["content"].split("\n")
    heading = "" if record.get("index") else lines.pop(0)
    body = [f'<h1 data-pagefind-weight="2">{escape(heading)}</h1>'] if heading else []
    body += [f"<p>{escape(line)}</p>" for line in lines]
    hidden = [
        f'<span data-pagefind-meta="{escape(k)}">{escape(v)}</span>'
        for k, v in record["meta"].items()
    ]
    filters = [*record["filters"].items()]
    filters += [(f"shown-{key}", [value]) for key, value in record.get("shown", {}).items()]
    # Pagefind decodes a filter element's text twice (`&amp;lt;` arrives as `<`), so filter
    # values are escaped twice: each arrives exactly as written.
    hidden += [
        f'<span data-pagefind-filter="{escape(key)}">{escape(escape(value))}</span>'
        for key, values in filters
        for value in values
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title>'
        "</head><body><main data-pagefind-body>"
        + "".join(body)
        + "</main><div data-pagefind-ignore>"
        + "".join(hidden)
        + "</div></body></html>\n"
    )


def fragments(site: Path) -> list[Path]:
    """The files of a built site's search indexes (the paragraphs' too) that hold one record
    each."""
    return sorted((site / INDEX_FOLDER).glob("**/fragment/*.pf_fragment"))


def fragment_record(fragment: Path) -> dict[str, Any]:
    """One record as Pagefind stored it (gzipped JSON behind a signature), with its address
    decoded as `href`. ValueError or OSError when the file is no such record."""
    try:
        data = gzip.decompress(fragment.read_bytes())
    except EOFError as error:  # cut short
        raise ValueError(str(error)) from error
    if not data.startswith(FRAGMENT_SIGNATURE):
        raise ValueError("it does not start as a Pagefind record does")
    record = json.loads(data[len(FRAGMENT_SIGNATURE) :])
    if not isinstance(record, dict) or not isinstance(record.get("url"), str):
        raise ValueError("it holds no record")
    record["href"] = address_of(record["url"])
    return record


def indexed(site: Path) -> list[dict[str, Any]]:
    """Every record of a built site's search index."""
    return [fragment_record(fragment) for fragment in fragments(site)]
