"""What each input a page read is worth in this story, as a keyed 64-bit digest that another
process computes alike: the record `generate` keeps in build/ (generator/publish/recorded.py)
compares these with the last run's.

The live preview's Session hashes with Python's `hash`, which each process seeds anew, so its
hashes cannot outlive it. These are BLAKE2b digests keyed with the parse cache's secret
(generator/content/cachekey.py): a contributor cannot write a value that digests as the old one
did, so an edit is never taken for no change. A value is digested as a canonical text: a
record's node as its key, a record inside another by its whole content, a set in sorted order,
anything else by its type and `repr` (a repr that differs only makes a page render again).
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable

from generator.content.graph import Node
from generator.content.linking import Linked
from generator.content.recorder import Input
from generator.pages.inputs import PageInputs

Key = tuple[str, str]  # a record: (collection, id); the story is ("story", "")
_MISSING = ("missing",)


class Digests:
    """One run's story as the record knows its inputs: a node's attribute by the node's key,
    the graph's attributes, and any other input through `PageInputs.value`."""

    def __init__(self, linked: Linked, inputs: PageInputs, secret: bytes) -> None:
        self.page_inputs = inputs
        self.secret = secret
        graph = self.graph = linked.graph
        nodes: dict[Key, Node] = {("story", ""): graph.story}
        for name, collection in graph.nodes.items():
            for record_id, node in collection.items():
                nodes[(name, record_id)] = node
        self.keys: dict[int, Key] = {id(node): key for key, node in nodes.items()}
        # Each node's attributes, taken once: reading a watched node costs a call each time.
        self.fields: dict[Key, dict[str, object]] = {key: vars(n) for key, n in nodes.items()}
        self.inner: dict[int, object] = {}  # canonical forms of nodes, by identity (this run's)

    def keyed(self, read: set[Input]) -> list[Input]:
        """What one file read, by key rather than by the identity of this run's nodes."""
        keys = self.keys
        found: list[Input] = []
        for item in read:
            if isinstance(item[0], int):
                key = keys.get(item[0])
                if key is not None:
                    found.append((key, item[1]))
            else:
                found.append(item)
        return found

    def digest(self, item: Input) -> int:
        """The digest of one input's value in this story."""
        first = item[0]
        if isinstance(first, tuple):  # (key, attribute)
            fields = self.fields.get(first)
            value = _MISSING if fields is None else fields.get(str(item[1]), _MISSING)
        elif first == "graph":
            value = getattr(self.graph, str(item[1]), _MISSING)
        else:
            value = self.page_inputs.value(item)
        text = repr(self._canonical(value)).encode("utf-8", "surrogatepass")
        made = hashlib.blake2b(text, digest_size=8, key=self.secret).digest()
        return int.from_bytes(made, "little", signed=True)

    def _canonical(self, value: object) -> object:
        """The value as nested tuples of strings and numbers, whose `repr` is the same in
        every process."""
        kind = type(value)
        if kind is str or kind is int or value is None or kind is bool:  # most values: at once
            return value
        if isinstance(value, Node):
            return self._node(value)
        if isinstance(value, list | tuple):
            return ("[", *[self._canonical(item) for item in value])
        if isinstance(value, dict):
            return ("{", *[(self._canonical(k), self._canonical(v)) for k, v in value.items()])
        if isinstance(value, set | frozenset):
            return ("set", *sorted((self._canonical(item) for item in value), key=repr))
        return (kind.__module__, kind.__qualname__, repr(value))

    def _node(self, node: Node) -> object:
        known = self.inner.get(id(node))
        if known is not None:
            return known
        if node.collection is not None:  # a record of its own: by its key
            made: object = ("@", node.collection.name, vars(node).get("id", ""))
        else:  # a record inside another: its whole content, which its owner's attribute holds
            fields = [(k, self._canonical(v)) for k, v in vars(node).items() if k != "record"]
            made = ("node", type(node.record).__qualname__, *fields)
        self.inner[id(node)] = made
        return made


def encoded(item: Input) -> list[Hashable]:
    """An input as JSON can hold it: a node's attribute as ["@", collection, id, attribute]."""
    first = item[0]
    if isinstance(first, tuple):
        return ["@", *first, *item[1:]]
    if first == "@":
        raise ValueError(f"an input's kind may not be '@': {item!r}")
    return list(item)


def decoded(row: object) -> Input | None:
    """The input `encoded` wrote, or None for anything else."""
    if not isinstance(row, list) or not row:
        return None
    if not all(type(part) is str or type(part) is int for part in row):
        return None
    if row[0] == "@":
        if len(row) != 4:
            return None
        return ((row[1], row[2]), row[3])
    return tuple(row)
