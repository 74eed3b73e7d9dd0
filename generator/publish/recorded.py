"""`generate` after an edit renders only the pages whose inputs changed, from the record the last
run kept in build/ (generator/publish/recordfile.py).

The story is checked in full, as always, with a `Recorder` (generator/content/recorder.py), so
its graph's nodes and the `PageInputs` tell what each page reads, as in the live preview's
Session (generator/live/incremental.py). Rendering goes unit by unit: a unit is what one call
of `wanted` decides (a page, or a listing with its numbered pages); what it reads meanwhile is
its inputs, and the files it yields are its files.

With a record: each input any unit read is digested again (generator/publish/digests.py); a
unit is rendered again when one of its inputs' digests changed, when it is new, or when a file
it wrote is not on disk as it was written (its inode, size or change time differ: edited by
hand, removed, or written by another run); the others are left as they are, since rendering is
a function of what it reads. Any file under build/docs that no unit wrote is removed, as a full
`generate` removes it. The data files are made from the whole story, so they are always made;
so are the files the site carries from the story folder (its logo).

Without one (a first run, `--no-cache`, other generator code, another link scheme, a record
that does not verify): every unit is rendered, and recorded. The record is removed before any
file is written and written again only once every file is, so a run cut short leaves none.
"""

from __future__ import annotations

import os
import time
from array import array
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from generator.content.linking import Linked
from generator.content.recorder import Input, Recorder
from generator.pages.downloads import DATA_FILES
from generator.pages.inputs import PageInputs
from generator.pages.rendering import pages
from generator.project import Project
from generator.publish.config import SiteConfig
from generator.publish.digests import Digests, Group, Item, split
from generator.publish.recordfile import Record, Span, forget, load, save
from generator.publish.writing import Outputs, write, write_file

Signature = tuple[int, int, int]  # inode, size, change time in ns


class Rendered(NamedTuple):
    """What a recorded generation wrote or removed, and its seconds by stage."""

    written: list[str]
    seconds: dict[str, float]


def regenerate(
    project: Project,
    linked: Linked,
    config: SiteConfig,
    recorder: Recorder,
    *,
    carried: list[tuple[str, bytes]],
    secret: bytes,
) -> Rendered:
    """Render and write the units whose inputs changed (every unit without a usable record),
    remove what the story no longer has, and record what each unit read. `linked` is the
    story checked with `recorder`; `carried`, the files of the story folder the site carries."""
    started = time.perf_counter()
    old = load(project.page_reads, config.scheme, secret) if project.cached else None
    forget(project.page_reads)
    inputs = PageInputs(linked, recorder)
    digests = Digests(linked, inputs, secret)
    run = _Run(old or Record(), digests, recorder)
    outputs = Outputs.of(project)
    on_disk = _files(outputs) if old is not None else {}
    if old is not None:
        run.compare(on_disk)
    compared = time.perf_counter()
    made = run.made(pages(linked, config.scheme, run.start, inputs, cached=project.cached))
    if old is None:  # every file: written as a plain generate writes them
        written = write(chain(made, carried), outputs)
    else:
        written = _write_changed(outputs, [*made, *carried], run, on_disk, carried)
    rendered = time.perf_counter()
    save(project.page_reads, run.record(outputs, on_disk), config.scheme, secret)
    return Rendered(
        written,
        {
            "digests": compared - started,
            "render_write": rendered - compared,
            "record": time.perf_counter() - rendered,
            "rendered": float(run.rendered),
        },
    )


class _Run:
    """One run's units: which to render, and what each rendered read and wrote."""

    def __init__(self, old: Record, digests: Digests, recorder: Recorder) -> None:
        self.old = old
        self.digests = digests
        self.recorder = recorder
        self.known = {path: unit for unit, path in enumerate(old.units)}
        self.spans: dict[Group, list[Span]] = {}  # the old spans, by group
        for span in old.spans:
            self.spans.setdefault(span.group, []).append(span)
        self.numbers: dict[tuple[Group, Item], int] = {}  # inputs numbered so far, by input
        self.looked: set[int] = set()  # the spans whose inputs are in `numbers`, by start
        self.new: dict[Group, list[Item]] = {}  # inputs no old span holds, by group
        self.stale: set[int] = set()
        self.kept: list[int] = []  # old units asked again and not rendered
        self.fresh: dict[str, tuple[array[int], list[str]]] = {}  # units rendered: reads, files
        self.always: list[str] = []  # files made on every run (the data files)
        self.unit: str | None = None  # the unit being rendered
        self.reads: set[Input] = set()
        self.rendered = 0

    def compare(self, on_disk: dict[str, Signature]) -> None:
        """Which old units are stale: an input changed, or a file is not as it was written.
        A span whose digest is the same holds no changed input; only the others' inputs are
        digested one by one."""
        old, digests = self.old, self.digests
        changed: set[int] = set()
        for index, span in enumerate(old.spans):
            forms = [digests.canonical(span.group, item) for item in span.items]
            whole = digests.digest(forms)
            if whole == old.span_values[index]:
                continue
            old.span_values[index] = whole
            for offset, form in enumerate(forms):
                value = digests.digest(form)
                if value != old.values[span.start + offset]:
                    old.values[span.start + offset] = value
                    changed.add(span.start + offset)
        self.stale = {
            owner
            for path, (owner, *signature) in old.files.items()
            if on_disk.get(path) != tuple(signature)
        }
        if changed:
            self.stale.update(
                unit for unit, read in enumerate(old.reads) if not changed.isdisjoint(read)
            )

    def start(self, path: str) -> bool:
        """`wanted` for `pages`: asked just before each unit is made."""
        self._close()
        if path == DATA_FILES[0]:  # from the whole story, every run: not worth recording
            return True
        unit = self.known.get(path)
        if unit is not None and unit not in self.stale:
            self.kept.append(unit)
            return False
        self.unit, self.reads = path, set()
        self.recorder.reads = self.reads
        self.fresh[path] = (array("q"), [])
        self.rendered += 1
        return True

    def _close(self) -> None:
        self.recorder.reads = None
        if self.unit is not None:
            found = {self._number(*split(item)) for item in self.digests.keyed(self.reads)}
            self.fresh[self.unit][0].extend(sorted(found))
            self.unit, self.reads = None, set()

    def _number(self, group: Group, item: Item) -> int:
        """An input's number: an old span's, or, for one no old span holds, a negative
        number until the new spans are made (`record`)."""
        number = self.numbers.get((group, item))
        if number is not None:
            return number
        for span in self.spans.get(group, ()):
            if span.start not in self.looked:
                self.looked.add(span.start)
                for offset, name in enumerate(span.items):
                    self.numbers.setdefault((group, name), span.start + offset)
        number = self.numbers.get((group, item))
        if number is None:
            number = self.numbers[(group, item)] = -1 - len(self.numbers)
            self.new.setdefault(group, []).append(item)
        return number

    def made(self, files: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        """The files `pages` yields, each counted to its unit."""
        try:
            for path, text in files:
                if self.unit is None:
                    self.always.append(path)
                else:
                    self.fresh[self.unit][1].append(path)
                yield path, text
        finally:
            self._close()

    def now(self) -> set[str]:
        """Every file the story has now: those written now and those of kept units."""
        found = {path for _reads, files in self.fresh.values() for path in files}
        kept = set(self.kept)
        found.update(p for p, (owner, *_rest) in self.old.files.items() if owner in kept)
        return found | set(self.always)

    def record(self, outputs: Outputs, on_disk: dict[str, Signature]) -> Record:
        """The record of this run: the old spans and a span for each group's new inputs;
        kept units as they were, rendered ones as they are now."""
        old, digests = self.old, self.digests
        record = Record(list(old.spans), old.values, old.span_values)
        final: dict[int, int] = {}  # new inputs' numbers, from the negative ones
        start = old.size()
        for group, items in self.new.items():
            forms = [digests.canonical(group, item) for item in items]
            record.spans.append(Span(group, items, start))
            record.span_values.append(digests.digest(forms))
            record.values.extend(digests.digest(form) for form in forms)
            for offset, item in enumerate(items):
                final[self.numbers[(group, item)]] = start + offset
            start += len(items)
        for unit in self.kept:
            record.units.append(old.units[unit])
            record.reads.append(old.reads[unit])
        renumbered = {unit: n for n, unit in enumerate(self.kept)}
        for path, (owner, *signature) in old.files.items():
            if owner in renumbered:
                record.files[path] = (renumbered[owner], *signature)  # type: ignore[assignment]
        for path, (reads, files) in self.fresh.items():
            unit = len(record.units)
            record.units.append(path)
            # As the record keeps them (4 bytes each: no story has 2**31 inputs).
            record.reads.append(array("i", sorted(final.get(n, n) for n in reads)))
            for name in files:
                record.files[name] = (unit, *_signature(os.stat(outputs.path(name))))
        return record


def _signature(info: os.stat_result) -> Signature:
    return info.st_ino, info.st_size, info.st_ctime_ns


def _files(outputs: Outputs) -> dict[str, Signature]:
    """Every regular file under build/docs and build/share, by its path under the site, with
    its signature: each from the folder it is written under (Outputs.root)."""
    found: dict[str, Signature] = {}
    for top in (outputs.docs, outputs.share):
        pending = [("", top)]
        while pending:
            prefix, folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", Path(entry.path)))
                elif outputs.root(prefix + entry.name) == top:
                    found[prefix + entry.name] = _signature(entry.stat(follow_symlinks=False))
    return found


def _write_changed(
    outputs: Outputs,
    files: list[tuple[str, str | bytes]],
    run: _Run,
    on_disk: dict[str, Signature],
    carried: list[tuple[str, bytes]],
) -> list[str]:
    """Write the files made whose bytes change, and remove every file the story no longer has."""
    written = [path for path, text in files if write_file(outputs.path(path), text)]
    now = run.now() | {path for path, _data in carried}
    gone = sorted(set(on_disk) - now)
    for path in gone:
        top = outputs.root(path)
        (top / path).unlink(missing_ok=True)
        folder = (top / path).parent
        while folder != top and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return sorted({*written, *gone})
