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

import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator import urls
from generator.build import (
    Project,
    _checked,
    _fingerprint,
    _remember_date,
)
from generator.export import DATA_FILES
from generator.graph import Graph, Node, _Nodes
from generator.link import Linked
from generator.marks import Quoted
from generator.problems import Problem
from generator.render import environment, render
from generator.search import records_text
from generator.siteconfig import config_text, missing
from generator.write import write, write_file

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
    """One run's linked story, as the inputs files read: records by key, and the owner of
    each record inside another (the attribute of a record that holds it)."""

    def __init__(self, linked: Linked, env: Environment) -> None:
        self.linked = linked
        graph = linked.graph
        self.nodes: dict[Key, Node] = {("story", ""): graph.story}
        for name, collection in graph.nodes.items():
            for record_id, node in collection.items():
                self.nodes[(name, record_id)] = node
        self.inner: dict[int, int] = {}  # hashes of records inside others, by identity
        self.keys: dict[int, Key] = {id(node): key for key, node in self.nodes.items()}
        self.owners: dict[int, tuple[Key, str]] = {}
        for key, node in self.nodes.items():
            for name, value in vars(node).items():
                self._own(value, (key, name), 0)
        self.cite_names: Callable[[Node], str] = env.globals["cite_name"]  # type: ignore[assignment]
        self.quoted: Quoted = env.globals["quoted_at"].__self__  # type: ignore[attr-defined]
        self.glossary = hash(
            tuple((t.term, tuple(t.aliases), t.definition) for t in linked.terms.values())
        )

    def _own(self, value: object, owner: tuple[Key, str], depth: int) -> None:
        if isinstance(value, Node):
            if value.collection is not None or id(value) in self.owners or depth > 8:
                return
            self.owners[id(value)] = owner
            for inner in vars(value).values():
                self._own(inner, owner, depth + 1)
        elif isinstance(value, list | tuple):
            if value and isinstance(value[0], Node | list | tuple | dict):
                for item in value:
                    self._own(item, owner, depth + 1)
        elif isinstance(value, dict):
            for item in value.values():
                self._own(item, owner, depth + 1)

    def inputs(self, read: set[tuple[Any, ...]]) -> tuple[set[Input], bool]:
        """What one file read, by key; and whether it read a node this story does not own (one
        made while rendering, say), which makes it render every time."""
        keys = self.keys
        found: set[Input] = set()
        unowned = False
        for item in read:
            if isinstance(item[0], int):
                known = keys.get(item[0])
                if known is not None:
                    found.add((known, item[1]))
                elif item[0] in self.owners:
                    found.add(self.owners[item[0]])
                else:
                    unowned = True
            else:
                found.add(item)
        return found, unowned

    def value(self, item: Input) -> int:
        """The hash of one input's value in this story."""
        first = item[0]
        if isinstance(first, tuple):  # (key, attribute)
            node = self.nodes.get(first)
            if node is None:
                return 0
            return _hash(vars(node).get(str(item[1]), _MISSING), self.inner)
        if first == "graph":
            return _hash(getattr(self.linked.graph, str(item[1]), _MISSING), self.inner)
        if first == "cite":
            article = self.nodes.get(("seeds", str(item[1])))
            return hash(self.cite_names(article)) if article is not None else 0
        if first == "marks":
            marks = self.quoted.marks.get((str(item[1]), int(item[2])), [])  # type: ignore[call-overload]
            return hash(tuple(marks))
        if first == "glossary":
            return self.glossary
        if first == "origin":
            return hash(self.linked.origins.get((str(item[1]), str(item[2]))))
        if first == "files":
            return hash(tuple((k, tuple(v)) for k, v in sorted(self.linked.files.items())))
        raise ValueError(f"unknown input {item!r}")


def _hash(value: object, inner: dict[int, int]) -> int:
    """A hash of a value: records as their keys, records inside others by their whole content
    (kept in `inner` by identity: the same source shows in several places)."""
    if isinstance(value, Node):
        if value.collection is not None:
            return hash(("@", value.collection.name, vars(value).get("id", "")))
        known = inner.get(id(value))
        if known is None:
            fields = vars(value).items()
            known = hash(
                (type(value.record), *((k, _hash(v, inner)) for k, v in fields if k != "record"))
            )
            inner[id(value)] = known
        return known
    if isinstance(value, list | tuple):
        if all(type(item) is str for item in value):
            return hash(tuple(value))
        return hash(tuple(_hash(item, inner) for item in value))
    if isinstance(value, dict):
        return hash(tuple((k, _hash(v, inner)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return hash(frozenset(value))
    try:
        return hash(value)
    except TypeError:
        return hash(repr(value))


class Session:
    """A story generated again and again in one process, each time rendering only the files
    whose inputs changed (see the module's docstring)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.reads: dict[str, set[Input]] = {}  # each file: the inputs it read
        self.always: set[str] = set()  # files that read something unrecorded: made every run
        self.values: dict[Input, int] = {}  # each input's hash when it was last read
        self.files: set[str] = set()  # every file made under build/docs
        self.now: dict[Input, int] = {}  # the inputs' hashes in the story being generated
        self.scheme: urls.Scheme | None = None
        self.seconds: dict[str, float] = {}  # the last run's time by stage, for the bench

    def regenerate(self) -> tuple[list[str], list[Problem]]:
        """Like build.generate: the paths under build/docs written or removed, or the problems
        (and then nothing is written)."""
        started = time.perf_counter()
        linked, config, problems = _checked(self.project)
        if config is None and not problems:
            problems = [missing(self.project)]
        if linked is None or config is None or problems:
            return [], problems
        checked = time.perf_counter()
        env = environment(linked)
        story = _Story(linked, env)
        self._track(env, linked, story)
        first = self.scheme != config.scheme or not self.files
        wanted = self._all if first else self._changed(story)
        pages, reads = self._render(linked, config.scheme, env, wanted)
        rendered = time.perf_counter()
        written = self._write(pages, linked, story, reads, config.scheme, first)
        _remember_date(self.project, linked.story.updated)
        write_file(self.project.generated_config, config_text(config, linked.story, self.project))
        write_file(self.project.search_records, records_text(linked.graph, config.scheme))
        (self.project.work / "generated-from").write_text(_fingerprint(self.project), "ascii")
        self.scheme = config.scheme
        done = time.perf_counter()
        self.seconds = {
            "check": checked - started,
            "render": rendered - checked,
            "write": done - rendered,
            "rendered": float(len(pages)),
        }
        return written, []

    @staticmethod
    def _all(_path: str) -> bool:
        return True

    def _changed(self, story: _Story) -> Callable[[str], bool]:
        """Which files to make: those that read an input whose value changed, those made every
        run, and those not made before."""
        self.now = {item: story.value(item) for item in self.values}
        changed = {item for item, value in self.values.items() if self.now[item] != value}
        stale = {path for path, read in self.reads.items() if not read.isdisjoint(changed)}
        stale |= self.always
        stale.add(DATA_FILES[0])
        return lambda path: path in stale or path not in self.files

    def _render(
        self, linked: Linked, scheme: urls.Scheme, env: Environment, wanted: Callable[[str], bool]
    ) -> tuple[dict[str, str], dict[str, set[tuple[Any, ...]]]]:
        """The files `wanted` accepts, and what each read."""
        reads: dict[str, set[tuple[Any, ...]]] = {}

        def start(path: str) -> bool:
            if not wanted(path):
                _RECORDER.current = None
                return False
            _RECORDER.current = reads.setdefault(path, set())
            if path in urls.SECTION_PAGES.values():
                _RECORDER.current.add(("files",))  # its "edit this" link names the files
            return True

        with _recording():
            pages = render(linked, scheme, start, env)
        return pages, reads

    def _track(self, env: Environment, linked: Linked, story: _Story) -> None:
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
        env.globals["marked_paragraph"] = marked_paragraph
        env.filters["gloss"] = gloss
        setattr(linked, "origin", origin)  # noqa: B010

    def _write(
        self,
        pages: dict[str, str],
        linked: Linked,
        story: _Story,
        reads: dict[str, set[tuple[Any, ...]]],
        scheme: urls.Scheme,
        first: bool,
    ) -> list[str]:
        docs = self.project.docs
        if first:
            self.reads, self.always, self.values, self.files = {}, set(), {}, set()
        for path, read in reads.items():
            inputs, unowned = story.inputs(read)
            self.reads[path] = inputs
            (self.always.add if unowned else self.always.discard)(path)
        now = _paths(linked, scheme, pages)
        gone = sorted(self.files - now)
        for path in gone:
            self.reads.pop(path, None)
            self.always.discard(path)
        self.files = now
        # Every input a file now reads, at its value now.
        needed = {item for read in self.reads.values() for item in read}
        known = self.now
        self.values = {item: known[item] if item in known else story.value(item) for item in needed}
        self.now = {}
        if first:
            return write(pages, docs)
        written = [path for path, text in sorted(pages.items()) if write_file(docs / path, text)]
        for path in gone:
            (docs / path).unlink(missing_ok=True)
            _prune(docs / path, docs)
        return sorted([*written, *gone])


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
