"""Incremental generation: after an edit, render only the files whose inputs changed.

A `Session` lives as long as the process (the live preview keeps one). Its first run renders
every file and records, for each, what rendering it read: every attribute of every node
(`(collection, id)` and attribute name; a record inside another counts as its owner's
attribute that holds it), every collection of the graph it listed, and the few inputs the
templates reach without a node (citation names, quotation marks, the glossary, where a record
was written). Each of those inputs is remembered by a hash of its value.

After an edit the story is loaded, validated and linked as always (every problem reported, and
nothing written when there is one). The inputs any file read are hashed again; the files that
read one whose hash changed are rendered again (and recorded again), with the files of records
that are new; the files of records that are gone are removed. Rendering is a function of what it
reads, so a file none of whose inputs changed would come out the same: it is left as it is.
The data files and search records are made from the whole story, so they are always made.
"""

from __future__ import annotations

import gc
import time
from array import array
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment

from generator.build import checked_story
from generator.content.graph import Graph, Node, _Nodes
from generator.content.linking import Linked
from generator.content.loading import collection_frozen
from generator.content.parsecache import documents_kept
from generator.content.problems import Problem
from generator.model import urls
from generator.pages.citations import Citations
from generator.pages.downloads import DATA_FILES, data_files
from generator.pages.marks import Quoted
from generator.pages.rendering import environment, render
from generator.pages.search import records_text
from generator.project import Project
from generator.publish.config import SiteConfig, config_text
from generator.publish.stamp import inputs_fingerprint, remember_date, remember_generation
from generator.publish.writing import write, write_file

Key = tuple[str, str]  # a record: (collection, id); the story is ("story", "")
Input = tuple[Hashable, ...]  # one thing a file read, e.g. (key, attribute) or ("graph", name)
_MISSING = object()


class _Recorder:
    """What the file being rendered reads, while `current` is set."""

    def __init__(self) -> None:
        self.current: set[tuple[Any, ...]] | None = None

    def read(self, item: tuple[Any, ...]) -> None:
        if self.current is not None:
            self.current.add(item)


_RECORDER = _Recorder()


def _node_read(node: Node, name: str) -> Any:
    if _RECORDER.current is not None and name[:2] != "__":
        _RECORDER.current.add((id(node), name))
    return object.__getattribute__(node, name)


def _graph_read(graph: Graph, name: str) -> Any:
    if _RECORDER.current is not None and name[:2] != "__":
        _RECORDER.current.add(("graph", name))
    return object.__getattribute__(graph, name)


def _nodes_read(nodes: _Nodes, graph: Graph, owner: type) -> dict[str, Node]:
    """graph.statements and the like, recorded as what they are, not as `graph.nodes`."""
    collection: dict[str, Node] = object.__getattribute__(graph, "nodes")[nodes.name]
    return collection


@contextmanager
def _recording() -> Iterator[None]:
    """Every read of a node or the graph passes by the recorder, for as long as this lasts
    (only while rendering: the rest of the pipeline reads them at full speed)."""
    saved = _Nodes.__get__
    type.__setattr__(Node, "__getattribute__", _node_read)
    type.__setattr__(Graph, "__getattribute__", _graph_read)
    type.__setattr__(_Nodes, "__get__", _nodes_read)
    try:
        yield
    finally:
        type.__delattr__(Node, "__getattribute__")
        type.__delattr__(Graph, "__getattribute__")
        type.__setattr__(_Nodes, "__get__", saved)
        _RECORDER.current = None


class _Story:
    """One run's linked story, as the inputs files read: records by key, and each input's value.

    A record inside another (a statement's source, a country's position) is read only through
    the attribute of its owner that holds it, whose hash covers it whole: reading it is not
    recorded again."""

    def __init__(self, linked: Linked, env: Environment) -> None:
        self.linked = linked
        graph = linked.graph
        self.nodes: dict[Key, Node] = {("story", ""): graph.story}
        for name, collection in graph.nodes.items():
            for record_id, node in collection.items():
                self.nodes[(name, record_id)] = node
        self.keys: dict[int, Key] = {id(node): key for key, node in self.nodes.items()}
        self.inner: dict[int, int] = {}  # hashes of nodes, by identity (all live this run)
        self.cite_names: Callable[[Node], str] = env.globals["cite_name"]  # type: ignore[assignment]
        self.quoted: Quoted = env.globals["quoted_at"].__self__  # type: ignore[attr-defined]
        self.glossary = hash(
            tuple((t.term, tuple(t.aliases), t.definition) for t in linked.terms.values())
        )
        self._special: dict[object, Callable[[Input], int]] = {
            "graph": lambda item: self._hash(getattr(graph, str(item[1]), _MISSING)),
            "cite": self._cite,
            "marks": self._marks,
            "glossary": lambda _item: self.glossary,
            "origin": lambda item: hash(linked.origins.get((str(item[1]), str(item[2])))),
            "files": lambda _item: hash(tuple((k, tuple(v)) for k, v in linked.files.items())),
        }

    def inputs(self, read: set[tuple[Any, ...]]) -> Iterator[Input]:
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
            node = self.nodes.get(item[0])
            return 0 if node is None else self._hash(vars(node).get(str(item[1]), _MISSING))
        return self._special[item[0]](item)

    def _cite(self, item: Input) -> int:
        article = self.nodes.get(("seeds", str(item[1])))
        return 0 if article is None else hash(self.cite_names(article))

    def _marks(self, item: Input) -> int:
        return hash(tuple(self.quoted.marks.get((str(item[1]), cast(int, item[2])), [])))

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
        self.numbers: dict[Input, int] = {}  # each input ever read, by a number of its own
        self.values = array("q")  # each input's hash when last read, by number
        self.reads: dict[str, array[int]] = {}  # each file under build/docs: what it read
        self.scheme: urls.Scheme | None = None
        self.seconds: dict[str, float] = {}  # the last run's time by stage, for the bench

    def regenerate(self) -> tuple[list[str], list[Problem]]:
        """Like build.generate: the paths under build/docs written or removed, or the problems
        (and then nothing is written)."""
        started = time.perf_counter()
        with documents_kept():  # each save checks the story again: unchanged files are not read
            linked, config, problems = checked_story(self.project)
        if linked is None or config is None or problems:
            return [], problems
        checked = time.perf_counter()
        with collection_frozen():  # the story lives until its pages are made
            made = self._make(linked, config, started, checked)
        # Its nodes refer to each other (a person to their statements and back): collected
        # now, or each save would leave a whole story behind.
        del linked
        gc.collect()
        return made

    def _make(
        self, linked: Linked, config: SiteConfig, started: float, checked: float
    ) -> tuple[list[str], list[Problem]]:
        env = environment(linked, cached=self.project.cached)
        story = _Story(linked, env)
        _track(env, linked, story)
        # Without caches (--no-cache), every file is made again, as on the first run.
        first = not self.project.cached or self.scheme != config.scheme or not self.reads
        if first:
            self.numbers, self.values, self.reads = {}, array("q"), {}
        values = array("q", map(story.value, self.numbers))  # every input, as it is now
        wanted = self._changed(values)
        pages = self._render(linked, config.scheme, env, story, wanted)
        self.values = array("q", values)
        self.values.extend(story.value(item) for item in list(self.numbers)[len(values) :])
        rendered = time.perf_counter()
        try:
            written = self._write(pages, _paths(linked, config.scheme, pages), first)
        except BaseException:
            self.reads = {}  # what is on disk is unknown: the next run makes every file
            raise
        remember_date(self.project, linked.story.updated)
        write_file(self.project.generated_config, config_text(config, linked.story, self.project))
        write_file(self.project.search_records, records_text(linked.graph, config.scheme))
        remember_generation(self.project, inputs_fingerprint(self.project))
        self.scheme = config.scheme
        done = time.perf_counter()
        self.seconds = {
            "check": checked - started,
            "render": rendered - checked,
            "write": done - rendered,
            "rendered": float(len(pages)),
        }
        return written, []

    def _changed(self, values: array[int]) -> Callable[[str], bool]:
        """Which files to make: those that read an input whose value changed, and those not
        made before."""
        old = self.values
        changed = {number for number, value in enumerate(values) if old[number] != value}
        stale = {path for path, read in self.reads.items() if not changed.isdisjoint(read)}
        return lambda path: path in stale or path not in self.reads

    def _render(
        self,
        linked: Linked,
        scheme: urls.Scheme,
        env: Environment,
        story: _Story,
        wanted: Callable[[str], bool],
    ) -> dict[str, str]:
        """The files `wanted` accepts, each with what it read recorded in `reads`."""
        numbers = self.numbers
        sections = set(urls.SECTION_PAGES.values())
        made: list[tuple[str, set[tuple[Any, ...]]]] = []

        def keep(read: set[tuple[Any, ...]]) -> array[int]:
            return array(
                "q", sorted({numbers.setdefault(i, len(numbers)) for i in story.inputs(read)})
            )

        def start(path: str) -> bool:
            if made:  # the file before this one is done: what it read, as numbers
                done, read = made.pop()
                self.reads[done] = keep(read)
            if path == DATA_FILES[0] or not wanted(path):  # data files: made below
                _RECORDER.current = None
                return False
            _RECORDER.current = set()
            if path in sections:
                _RECORDER.current.add(("files",))  # its "edit this" link names the files
            made.append((path, _RECORDER.current))
            return True

        with _recording():
            pages = render(linked, scheme, start, env)
        if made:
            done, read = made.pop()
            self.reads[done] = keep(read)
        # From the whole story, every run: not worth recording what they read.
        pages.update(data_files(linked, scheme))
        self.reads.update((path, array("q")) for path in DATA_FILES)
        return pages

    def _write(self, pages: dict[str, str], now: set[str], first: bool) -> list[str]:
        """Write the files made, remove those the story no longer has; what changed."""
        docs = self.project.docs
        gone = sorted(set(self.reads) - now)
        for path in gone:
            del self.reads[path]
        if first:
            return write(pages, docs)
        written = [path for path, text in sorted(pages.items()) if write_file(docs / path, text)]
        for path in gone:
            (docs / path).unlink(missing_ok=True)
            _prune(docs / path, docs)
        return sorted([*written, *gone])


def _track(env: Environment, linked: Linked, story: _Story) -> None:
    """The inputs templates reach without reading a node, recorded where they are read."""
    cite = story.cite_names
    quoted = story.quoted
    glossary = env.filters["gloss"]

    def cite_name(article: Node) -> str:
        _RECORDER.read(("cite", article.id))
        return cite(article)

    def quoted_at(statement: Node, source: Node) -> str | None:
        if source.reference is None:
            _RECORDER.read(("marks", source.article.id, source.paragraph))
        return quoted.anchor(statement, source)

    def marked_paragraph(article: Node, number: int) -> object:
        _RECORDER.read(("marks", article.id, number))
        return quoted.paragraph(article, number)

    def gloss(*args: Any, **kwargs: Any) -> Any:
        _RECORDER.read(("glossary",))
        return glossary(*args, **kwargs)

    def origin(collection: str, record_id: str) -> tuple[str, int]:
        _RECORDER.read(("origin", collection, record_id))
        return linked.origins[(collection, record_id)]

    env.globals.update(cite_name=cite_name, quoted_at=quoted_at)
    env.globals["citations"] = Citations(linked.graph, cite_name, quoted_at)
    env.globals["marked_paragraph"] = marked_paragraph
    env.filters["gloss"] = gloss
    setattr(linked, "origin", origin)  # noqa: B010


def _paths(linked: Linked, scheme: urls.Scheme, pages: dict[str, str]) -> set[str]:
    """Every file of this story under build/docs: those rendered now, and those kept."""
    graph = linked.graph
    found = set(pages) | set(urls.SECTION_PAGES.values()) | set(DATA_FILES)
    for nodes in graph.nodes.values():
        found.update(node.page for node in nodes.values() if node.page is not None)
    found.update(urls.share_file(statement, scheme) for statement in graph.statements.values())
    return found


def _prune(path: Path, docs: Path) -> None:
    """Remove the folders a removed file leaves empty."""
    folder = path.parent
    while folder != docs and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
