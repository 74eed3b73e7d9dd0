"""Incremental generation: after an edit, render only the files whose inputs changed.

A `Session` lives as long as the process (the live preview keeps one). It keeps a `Recorder`
(generator/content/recorder.py) and hands it to the two public seams through which pages read
the story, and no other:

- the link stage, which then builds the graph as a `WatchedGraph` of `WatchedNode`s: every
  attribute read of a record's node (`(collection, id)` and attribute name; a record inside
  another counts as its owner's attribute that holds it) and every collection of the graph listed;
- `PageInputs` (generator/pages/inputs.py), the one object that holds what templates read
  without a node (citation names, quotation marks, the glossary, where a record was written…):
  each call records the input it reads, and `PageInputs.value` says what any input is now.

While a file renders the recorder's `reads` is its set; each input is remembered by a hash of
its value (a node's attribute, the graph's, or what `PageInputs.value` gives), so this module
needs to know nothing of what an input is.

After an edit the story is loaded, validated and linked as always (every problem reported, and
nothing written when there is one), except that a file whose parse is unchanged is not
validated again, nor its records walked again (`Reuse`, generator/content/reuse.py): the rules
across records still run over the whole story, so the problems are exactly `check`'s. The inputs
any file read are hashed again, but for the fields of a record that is the very model of the
last run (`_now`); the files that read one whose hash changed are rendered again (and recorded
again), with the files of records that are new; the files of records that are gone are removed.
Rendering is a function of what it reads, so a file none of whose inputs changed would come out
the same: it is left as it is. The search records are made part by part the same way
(generator/live/searched.py). The data files are made from the whole story, so they are always
made, and the files the site carries from the story folder (its logo) are always read; what
follows the pages (date stamp, search records, the generated mkdocs.yml, the inputs'
fingerprint) is `build.finish`, which `generate` calls too. When the settings' URL scheme
changes, or without caches, every file is made again, as on the first run.
"""

from __future__ import annotations

import gc
import time
from array import array
from collections.abc import Hashable, Iterator
from functools import cache, partial
from pathlib import Path

from generator.build import checked_story, finish, story_files
from generator.content.graph import Key, Node
from generator.content.linking import Linked
from generator.content.parsecache import documents_kept
from generator.content.problems import Problem
from generator.content.recorder import Input, Recorder
from generator.content.reuse import Reuse
from generator.live.searched import Searched
from generator.model import urls
from generator.model.parts import Record
from generator.pages.downloads import DATA_FILES
from generator.pages.inputs import PageInputs
from generator.pages.moved import moved_files
from generator.pages.rendering import render
from generator.project import Project
from generator.publish.config import SiteConfig
from generator.publish.stamp import inputs_fingerprint
from generator.publish.writing import Outputs, write, write_file

FULL_COLLECTION_EVERY = 10
_MISSING = object()


class _Story:
    """One run's linked story, as the inputs files read: records by key, and each input's value
    (a node's attribute, the graph's, or any other through `PageInputs.value`).

    A record inside another (a statement's source, a country's position) is read only through
    the attribute of its owner that holds it, whose hash covers it whole: reading it is not
    recorded again."""

    def __init__(self, linked: Linked, inputs: PageInputs) -> None:
        self.page_inputs = inputs
        graph = self.graph = linked.graph
        nodes = graph.by_key()
        self.keys: dict[int, Key] = {id(node): key for key, node in nodes.items()}
        # Each node's attributes, taken once: reading a watched node costs a call each time.
        self.fields: dict[Key, dict[str, object]] = {key: vars(n) for key, n in nodes.items()}
        self.records: dict[Key, Record] = {key: n.record for key, n in nodes.items()}
        self.inner: dict[int, int] = {}  # hashes of nodes, by identity (all live this run)

    def inputs(self, read: set[Input]) -> Iterator[Input]:
        """What one file read, by key rather than by the identity of this run's nodes."""
        keys = self.keys
        for item in read:
            if isinstance(item[0], int):
                key = keys.get(item[0])
                if key is not None:
                    yield (key, item[1])
            else:
                yield item

    def value(self, item: Input) -> int:
        """The hash of one input's value in this story."""
        if isinstance(item[0], tuple):  # (key, attribute)
            fields = self.fields.get(item[0])
            return 0 if fields is None else self._hash(fields.get(str(item[1]), _MISSING))
        if item[0] == "graph":
            return self._hash(getattr(self.graph, str(item[1]), _MISSING))
        return self._hash(self.page_inputs.value(item))

    def _hash(self, value: object) -> int:
        return _hash(value, self.inner)


def _hash(value: object, inner: dict[int, int]) -> int:
    """A hash of a value: records as their keys, records inside others by their whole content
    (kept in `inner` by identity: the same source shows in several places)."""
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool:  # most values: at once
        return hash(value)
    if isinstance(value, Node):
        return _node_hash(value, inner)
    if isinstance(value, list | tuple):
        return hash(tuple([_hash(item, inner) for item in value]))
    if isinstance(value, dict):
        return hash(tuple((k, _hash(v, inner)) for k, v in value.items()))
    try:
        return hash(frozenset(value) if isinstance(value, set) else value)
    except TypeError:  # a record's own model, say
        return hash(repr(value))


def _node_hash(node: Node, inner: dict[int, int]) -> int:
    known = inner.get(id(node))
    if known is not None:
        return known
    if node.collection is not None:  # a record of its own: by its key
        known = hash(("@", node.collection.name, vars(node).get("id", "")))
    else:
        fields = ((k, _hash(v, inner)) for k, v in vars(node).items() if k != "record")
        known = hash((type(node.record), *fields))
    inner[id(node)] = known
    return known


class Session:
    """A story generated again and again in one process, each time rendering only the files
    whose inputs changed (see the module's docstring)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.recorder = Recorder()  # the story's graph and page inputs tell it what is read
        self.numbers: dict[Input, int] = {}  # each input ever read, by a number of its own
        self.values = array("q")  # each input's hash when last read, by number
        self.reads: dict[str, array[int]] = {}  # each file under build/docs: what it read
        self.scheme: urls.Scheme | None = None
        self.records: dict[Key, Record] = {}  # each record's model, as the last run made files
        self.seconds: dict[str, float] = {}  # the last run's time by stage, for the bench
        # Each unchanged file's validation and each unchanged record's values, from the last
        # check (generator/content/reuse.py): the rules still run over the whole story.
        self.reuse = Reuse()
        self.runs = 0  # runs that made files, for the full collection every so often
        self.searched = Searched()  # build/search.json, part by part (generator/live/searched.py)

    def regenerate(self) -> tuple[list[str], list[Problem]]:
        """Like build.generate: the paths under build/docs written or removed, or the problems
        (and then nothing is written)."""
        started = time.perf_counter()
        fingerprint = inputs_fingerprint(self.project)  # before reading: an edit now is seen
        reuse = self.reuse if self.project.cached else None
        # Each save checks the story again: unchanged files are neither parsed nor validated.
        with documents_kept(), self.reuse.checking():
            linked, config, problems = checked_story(self.project, self.recorder, reuse)
        if linked is None or config is None or problems:
            return [], problems
        checked = time.perf_counter()
        try:
            # The story, and all the process kept before it, left out of cyclic collection
            # while the pages are made (as `generate` does: collection_frozen).
            gc.freeze()
            return self._make(linked, config, fingerprint, (started, checked))
        finally:
            # Its nodes refer to each other (a person to their statements and back), and the
            # pages' helpers to the story: freed now, or each save would leave one behind.
            _let_go(linked)
            collecting = time.perf_counter()
            self._collect()
            self.seconds["collect"] = time.perf_counter() - collecting

    def _collect(self) -> None:
        """Collect the cycles this run left. What the process keeps from run to run (the kept
        parses, the reused validation, the inputs' numbers: millions of objects) stays
        frozen, out of the collector's sight, so that a collection examines only what this
        run made (a full one took 0.5 to 1 s at 1,000 articles). Every FULL_COLLECTION_EVERY
        runs a full collection also frees cycles frozen meanwhile (none is known: the story's
        are broken by `_let_go`), so that memory stays bounded whatever a run leaves."""
        self.runs += 1
        if self.runs % FULL_COLLECTION_EVERY == 0:
            gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _make(
        self, linked: Linked, config: SiteConfig, fingerprint: str, times: tuple[float, float]
    ) -> tuple[list[str], list[Problem]]:
        inputs = PageInputs(linked, self.recorder)
        story = _Story(linked, inputs)
        # Without caches (--no-cache), every file is made again, as on the first run.
        first = not self.project.cached or self.scheme != config.scheme or not self.reads
        if first:
            self.numbers, self.values, self.reads = {}, array("q"), {}
        values = self._now(story)  # every input, as it is now
        changed = None if first else self._changed(values)
        pages = self._render(linked, config.scheme, inputs, story, changed)
        searched = self.searched.text(
            linked.graph, config.scheme, self.recorder, changed, partial(self._numbered, story)
        )
        self.values = array("q", values)
        self.values.extend(story.value(item) for item in list(self.numbers)[len(values) :])
        # Files of the story folder the site carries (its logo): as generate writes them.
        carried = dict(story_files(self.project, config))
        self.reads.update((path, array("q")) for path in carried)
        rendered = time.perf_counter()
        self.project.generated_from.unlink(missing_ok=True)  # as generate: not done until done
        try:
            now = _paths(linked, config.scheme, pages) | set(carried)
            written = self._write({**pages, **carried}, now, first)
        except BaseException:
            self.reads = {}  # what is on disk is unknown: the next run makes every file
            raise
        finish(self.project, linked, config, fingerprint, searched)
        self.scheme, self.records = config.scheme, story.records
        done = time.perf_counter()
        self.seconds = {
            "check": times[1] - times[0],
            "render": rendered - times[1],
            "write": done - rendered,
            "rendered": float(len(pages)),
            "searched": float(self.searched.made),
        }
        return written, []

    def _now(self, story: _Story) -> array[int]:
        """Every input's hash now. An attribute of a record's node that holds one of the
        record's own fields (a value, a reference resolved to the node it names, a record
        inside it) hashes as it did when the record is the very model of the last run (made
        from the same parse: generator/content/reuse.py) and the story's records are the same
        ones (so each id names the record it named). Those are not hashed again; everything
        else is: relations between records (who said what, the pages' addresses, the
        graph's lists) and what pages read outside nodes."""
        old = self.values
        if len(old) != len(self.numbers) or story.records.keys() != self.records.keys():
            return array("q", map(story.value, self.numbers))
        then = self.records
        own: dict[Hashable, frozenset[str]] = {
            key: _fields(type(record))
            for key, record in story.records.items()
            if then[key] is record
        }
        values = array("q", old)
        for item, number in self.numbers.items():
            names = own.get(item[0])
            if names is None or len(item) != 2 or item[1] not in names:
                values[number] = story.value(item)
        return values

    def _changed(self, values: array[int]) -> set[int]:
        """The inputs whose value changed, by number."""
        old = self.values  # shorter after a run cut short: its new inputs count as changed
        pairs = enumerate(zip(old, values, strict=False))
        changed = {number for number, (then, now) in pairs if then != now}
        return changed.union(range(len(old), len(values)))

    def _numbered(self, story: _Story, read: set[Input]) -> array[int]:
        """What a file or part read, as the numbers of its inputs (new ones numbered now)."""
        numbers = self.numbers
        inputs = story.inputs(read)
        return array("q", sorted({numbers.setdefault(i, len(numbers)) for i in inputs}))

    def _render(
        self,
        linked: Linked,
        scheme: urls.Scheme,
        inputs: PageInputs,
        story: _Story,
        changed: set[int] | None,
    ) -> dict[str, str]:
        """The files to make, each with what it read recorded in `reads`: every file when
        `changed` is None, else those that read an input in `changed` and those not made
        before."""
        recorder = self.recorder
        made: list[tuple[str, set[Input]]] = []
        stale = (
            set()
            if changed is None
            else {path for path, read in self.reads.items() if not changed.isdisjoint(read)}
        )

        def wanted(path: str) -> bool:
            return changed is None or path in stale or path not in self.reads

        def keep(read: set[Input]) -> array[int]:
            return self._numbered(story, read)

        def start(path: str) -> bool:
            if made:  # the file before this one is done: what it read, as numbers
                done, read = made.pop()
                self.reads[done] = keep(read)
            recorder.reads = None
            if path == DATA_FILES[0]:  # from the whole story, every run: not worth recording
                return True
            if not wanted(path):
                return False
            recorder.reads = set()
            made.append((path, recorder.reads))
            return True

        try:
            pages = render(linked, scheme, start, inputs, cached=self.project.cached)
        finally:
            recorder.reads = None
        if made:
            done, read = made.pop()
            self.reads[done] = keep(read)
        self.reads.update((path, array("q")) for path in DATA_FILES)
        return pages

    def _write(self, files: dict[str, str | bytes], now: set[str], first: bool) -> list[str]:
        """Write the files made, remove those the story no longer has; what changed."""
        outputs = Outputs.of(self.project)  # share pages beside build/docs, as generate writes
        gone = sorted(set(self.reads) - now)
        for path in gone:
            del self.reads[path]
        if first:
            return write(files, outputs)
        written = [
            path for path, text in sorted(files.items()) if write_file(outputs.path(path), text)
        ]
        for path in gone:
            outputs.path(path).unlink(missing_ok=True)
            _prune(outputs.path(path), outputs.root(path))
        return sorted([*written, *gone])


@cache
def _fields(kind: type[Record]) -> frozenset[str]:
    """The fields of a record type: what a node holds of its record alone."""
    return frozenset(kind.model_fields)


def _let_go(linked: Linked) -> None:
    """Break the cycles of a run's nodes (a person lists their statements, each statement its
    speakers; an article its citations, each citing its article), so that they are freed as
    soon as the run is over, as is what else the story holds (what the pages' helpers, in
    cycles of their own, refer to). The full collection after each save then examines the
    objects the process keeps, not a whole story's nodes as well (0.5 to 1 s at 1,000
    articles)."""
    graph = linked.graph
    for nodes in vars(graph)["nodes"].values():
        for node in nodes.values():
            vars(node).clear()
    vars(vars(graph)["story"]).clear()
    vars(graph).clear()
    vars(linked).clear()


def _paths(linked: Linked, scheme: urls.Scheme, pages: dict[str, str]) -> set[str]:
    """Every file of this story under build/docs: those rendered now, and those kept."""
    graph = linked.graph
    found = set(pages) | set(urls.SECTION_PAGES.values()) | set(DATA_FILES) | {urls.FEED_FILE}
    for nodes in graph.nodes.values():
        found.update(node.page for node in nodes.values() if node.page is not None)
    found.update(urls.share_file(statement, scheme) for statement in graph.statements.values())
    return found | moved_files(graph, scheme)


def _prune(path: Path, top: Path) -> None:
    """Remove the folders a removed file leaves empty."""
    folder = path.parent
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
