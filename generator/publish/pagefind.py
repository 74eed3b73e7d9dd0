"""The search index: Pagefind run over the search records `generate` wrote
(generator/pages/search_records.py makes them), and the index read back for `verify` and the tests.

Pagefind reads HTML pages, so each record becomes a small page in a scratch folder; its real
address travels as the `href` meta. Nothing is downloaded: the binary comes from the
pagefind_bin wheel.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from generator.pages.search_records import INDEX_FOLDER, NAMES
from generator.publish.stableindex import stabilise

FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what each of Pagefind's record files starts with


@dataclass(frozen=True)
class Indexed:
    records: int
    seconds: float
    peak_kb: int  # the indexer's (Pagefind's) peak resident memory


def index_site(records: Path, site: Path) -> Indexed:
    """Write SITE/pagefind/ from the records file with the Pagefind binary from the
    pagefind_bin wheel (nothing is downloaded). Each record becomes a small HTML page in a
    scratch folder, the input Pagefind's command line reads; its real address travels as the
    `href` meta, which search.js links to. (Pagefind's Python API sends records one by one
    and waits a tenth of a second for each answer: an hour for a big story.)"""
    entries_json: list[dict[str, Any]] = json.loads(records.read_text(encoding="utf-8"))
    started = time.monotonic()
    out = site / INDEX_FOLDER
    if not entries_json:  # a story just started: nothing to find yet, and Pagefind refuses
        out.mkdir(parents=True, exist_ok=True)
        (out / NAMES).write_text(json.dumps({"speaker": [], "name": []}), encoding="utf-8")
        return Indexed(0, time.monotonic() - started, 0)
    scratch_parent = _memory_folder(len(entries_json))
    with tempfile.TemporaryDirectory(prefix="search-records-", dir=scratch_parent) as scratch:
        for number, record in enumerate(entries_json):
            page = Path(scratch) / f"{number // 1000}" / f"{number}.html"
            page.parent.mkdir(exist_ok=True)
            page.write_text(_record_page(record), encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(out)]
        command += ["--force-language", "en", "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stdout.strip() or done.stderr.strip() or "Pagefind failed")
    # The names search.js reads queries against, small: Pagefind's filter lists are big on a
    # big story and cost every later search their counting.
    names = {
        key: sorted({v for r in entries_json for v in r["filters"].get(key, [])})
        for key in ("speaker", "name")
    }
    (out / NAMES).write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    for unused in UNUSED:  # Pagefind's own search interfaces: search.js is the site's
        for path in out.glob(unused):
            path.unlink()
    stabilise(out)  # the same records, the same bytes (Pagefind's filters come in any order)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Indexed(len(entries_json), time.monotonic() - started, peak)


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
    """One record as the page Pagefind indexes: the searched text in the body, what a result
    shows as meta and what narrows it as filters, each an element holding escaped text."""
    meta = {**record["meta"], "href": record["url"]}
    title, *rest = record["content"].split("\n")
    lines = [f'<h1 data-pagefind-weight="2">{escape(title)}</h1>']
    lines += [f"<p>{escape(line)}</p>" for line in rest]
    hidden = [f'<span data-pagefind-meta="{escape(k)}">{escape(v)}</span>' for k, v in meta.items()]
    hidden += [
        f'<span data-pagefind-filter="{escape(key)}">{escape(value)}</span>'
        for key, values in record["filters"].items()
        for value in values
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>record</title>'
        "</head><body><main data-pagefind-body>"
        + "".join(lines)
        + "</main><div data-pagefind-ignore>"
        + "".join(hidden)
        + "</div></body></html>\n"
    )


def fragments(site: Path) -> list[Path]:
    """The files of a built site's search index that hold one record each."""
    return sorted((site / INDEX_FOLDER / "fragment").glob("*.pf_fragment"))


def fragment_record(fragment: Path) -> dict[str, Any]:
    """One record as Pagefind stored it (gzipped JSON behind a signature): its address is its
    `href` meta. ValueError or OSError when the file is no such record."""
    try:
        data = gzip.decompress(fragment.read_bytes())
    except EOFError as error:  # cut short
        raise ValueError(str(error)) from error
    if not data.startswith(FRAGMENT_SIGNATURE):
        raise ValueError("it does not start as a Pagefind record does")
    record = json.loads(data[len(FRAGMENT_SIGNATURE) :])
    if not isinstance(record, dict):
        raise ValueError("it holds no record")
    return record


def indexed(site: Path) -> list[dict[str, Any]]:
    """Every record of a built site's search index."""
    return [fragment_record(fragment) for fragment in fragments(site)]
