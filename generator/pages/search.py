"""The search index: one record per thing a reader looks for, built from the story, not the HTML.

Each statement is a result of its own (its speakers, its words, a link to its permalink), as
are people, groups, countries, questions, topics, events and glossary terms. `generate` writes
the records to build/search.json; after MkDocs (or Zensical) has built the site, Pagefind
turns them into the static index in SITE/pagefind/, which the header's search box loads in
small pieces as a reader types. Only what readers search is indexed, never whole page bodies.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from generator.content.graph import Graph, Node
from generator.model import urls
from generator.model.records import RECORD_TYPES, Collection
from generator.pages.render import Links, long_date
from generator.publish.stableindex import stabilise

INDEX_FOLDER = "pagefind"  # in the built site: what search.js imports
FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what each of Pagefind's record files starts with
NAMES = "names.json"  # in it: every speaker's and named record's name, for search.js
KINDS = {"direct": "Direct quote", "reported": "Reported"}  # as the badges on the pages


@dataclass(frozen=True)
class Entry:
    """One search result: where it leads, the text searched, what a result shows (meta) and
    what it can be narrowed by (filters). Every value is plain text."""

    url: str  # relative to the site root
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "content": self.content,
            "meta": self.meta,
            "filters": self.filters,
        }


def _text(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if p)


def _name(node: Node) -> str:
    return str(getattr(node, node.collection.label if node.collection else "name"))


def _country_of(speaker: Node) -> Node | None:
    """The country a speaker speaks for: itself, or what it is part of."""
    if speaker.collection is not None and speaker.collection.name == "countries":
        return speaker
    return getattr(speaker, "affiliation", None)


def _statement(node: Node, links: Links) -> Entry:
    speakers = [_name(s) for s in node.speakers]
    countries = {_name(c) for s in node.speakers if (c := _country_of(s)) is not None}
    kind = KINDS[node.kind]
    meta = {"title": ", ".join(speakers), "type": "Statement", "kind": kind, "words": node.text}
    if node.date is not None:
        meta["date"] = long_date(node.date)
    meta["source"] = str(node.source.article.outlet or node.source.article.label)
    filters = {"type": ["Statement"], "speaker": speakers, "kind": [kind]}
    filters["country"] = sorted(countries)
    filters["topic"] = [str(t.name) for t in node.topics]
    content = _text(", ".join(speakers), node.text, node.context)
    return Entry(links.statement(node), content, meta, filters)


def _speaker(kind: str) -> Callable[[Node, Links], Entry]:
    def entry(node: Node, links: Links) -> Entry:
        country = _country_of(node)
        detail = ", ".join(
            str(p) for p in (getattr(node, "role", None), country and _name(country)) if p
        )
        meta = {"title": str(node.name), "type": kind, "words": detail}
        filters = {"type": [kind], "name": [str(node.name)]}
        filters |= {"country": [_name(country)]} if country else {}
        aliases = getattr(node, "aliases", [])
        return Entry(links.to(node), _text(node.name, *aliases, detail), meta, filters)

    return entry


def _country(node: Node, links: Links) -> Entry:
    kind = "Country" if node.kind == "country" else "Organisation"
    stance = str(node.positions[-1].stance.label) if node.positions else "Not stated"
    meta = {"title": str(node.name), "type": kind, "words": stance}
    content = _text(node.name, *node.aliases, stance)
    filters = {"type": [kind], "country": [str(node.name)], "name": [str(node.name)]}
    return Entry(links.to(node), content, meta, filters)


def _question(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.question), "type": "Question", "words": str(node.known)}
    meta["status"] = str(node.status).capitalize()
    return Entry(links.to(node), _text(node.question, node.known), meta, {"type": ["Question"]})


def _term(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.term), "type": "Glossary term", "words": str(node.definition)}
    content = _text(node.term, *node.aliases, node.definition)
    return Entry(links.fact(node), content, meta, {"type": ["Glossary term"]})


def _topic(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.name), "type": "Topic", "words": str(node.description)}
    content = _text(node.name, node.description)
    return Entry(links.to(node), content, meta, {"type": ["Topic"], "topic": [str(node.name)]})


def _event(node: Node, links: Links) -> Entry:
    meta = {"title": str(node.title), "type": "Event", "words": str(node.description)}
    meta["date"] = long_date(node.date) if node.date is not None else str(node.when)
    content = _text(node.title, node.description)
    return Entry(links.fact(node), content, meta, {"type": ["Event"]})


def _article(node: Node, links: Links) -> Entry:
    name = str(node.title or node.label)
    meta = {"title": name, "type": "Source", "words": str(node.outlet or "")}
    if node.published is not None:
        meta["date"] = long_date(node.published)
    content = _text(name, node.label if node.title else None, node.outlet)
    return Entry(links.to(node), content, meta, {"type": ["Source"]})


def _page(node: Node, links: Links) -> Entry:
    """A record of a type added later that has pages: found by its name, leading to its page."""
    kind = node.collection.record.capitalize() if node.collection else "Page"
    return Entry(
        links.to(node), _name(node), {"title": _name(node), "type": kind}, {"type": [kind]}
    )


# How each record type of the registry is searched: by its row here, else by its name if it has
# pages (`_page`); the types in NOT_SEARCHED are not (the tests walk the registry).
ENTRIES: dict[str, Callable[[Node, Links], Entry]] = {
    "seeds": _article,
    "people": _speaker("Person"),
    "groups": _speaker("Group"),
    "countries": _country,
    "statements": _statement,
    "questions": _question,
    "events": _event,
    "glossary": _term,
    "topics": _topic,
}
NOT_SEARCHED = {
    "story": "the home page itself",
    "stances": "found through the countries that take them",
    "references": "listed on the sources page only",
    "corrections": "listed on the corrections page only",
}


def maker(collection: Collection) -> Callable[[Node, Links], Entry] | None:
    """How a record type is searched, if it is."""
    if collection.name in NOT_SEARCHED:
        return None
    return ENTRIES.get(collection.name, _page if collection.folder else None)


def entries(graph: Graph, scheme: urls.Scheme) -> Iterator[Entry]:
    """Every search record of the story, with URLs relative to the site root."""
    links = Links(urls.SECTION_PAGES["home"], scheme)
    for collection in RECORD_TYPES:
        make = maker(collection)
        if make is not None:
            for node in graph.nodes[collection.name].values():
                yield make(node, links)


def records_text(graph: Graph, scheme: urls.Scheme) -> str:
    """The records as the JSON `generate` writes to build/search.json."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    # One record at a time: a big story's records are never all held as data at once.
    return "[" + ",".join(dumps(e.as_json()) for e in entries(graph, scheme)) + "]\n"


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
