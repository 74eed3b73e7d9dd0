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
from typing import cast

from generator.content.graph import Key, Node
from generator.content.linking import Linked
from generator.content.recorder import Input
from generator.pages.inputs import PageInputs

_MISSING = ("missing",)


class Digests:
    """One run's story as the record knows its inputs: a node's attribute by the node's key,
    the graph's attributes, and any other input through `PageInputs.value`. An input is kept
    in a group (`split`): a node's attributes together, and each other kind of input together,
    so that a group none of whose values changed is compared with one digest."""

    def __init__(self, linked: Linked, inputs: PageInputs, secret: bytes) -> None:
        self.page_inputs = inputs
        base = hashlib.blake2b(digest_size=8, key=secret)
        self.base = base  # keyed once, copied for each digest
        graph = self.graph = linked.graph
        nodes = graph.by_key()
        self.keys: dict[int, Key] = {id(node): key for key, node in nodes.items()}
        # Each node's attributes, taken once: reading a watched node costs a call each time.
        self.fields: dict[Key, dict[str, object]] = {key: vars(n) for key, n in nodes.items()}
        # Canonical forms of nodes by identity (all live this run): records of their own as
        # their keys, the others by content.
        self.inner: dict[int, object] = {i: ("@", *key) for i, key in self.keys.items()}

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

    def canonical(self, group: Group, item: Item) -> object:
        """One input's value in this story, in the canonical form `digest` takes."""
        if isinstance(group, tuple):  # a node's attribute
            fields = self.fields.get(group)
            value = _MISSING if fields is None else fields.get(str(item), _MISSING)
        elif group == "graph":
            value = getattr(self.graph, str(cast(tuple[str], item)[0]), _MISSING)
        else:
            value = self.page_inputs.value((group, *cast(tuple[Hashable, ...], item)))
        return self._canonical(value)

    def digest(self, canonical: object) -> int:
        """A keyed 64-bit digest of a canonical form."""
        made = self.base.copy()
        made.update(repr(canonical).encode("utf-8", "surrogatepass"))
        return int.from_bytes(made.digest(), "little", signed=True)

    def _canonical(self, value: object) -> object:
        """The value as nested tuples of strings and numbers, whose `repr` is the same in
        every process."""
        kind = type(value)
        if kind is str or kind is int or value is None or kind is bool:  # most values: at once
            return value
        if isinstance(value, list | tuple):
            return self._sequence(value)
        if isinstance(value, Node):
            return self._node(value)
        if isinstance(value, dict):
            return ("{", *[(self._canonical(k), self._canonical(v)) for k, v in value.items()])
        if isinstance(value, set | frozenset):
            return ("set", *sorted((self._canonical(item) for item in value), key=repr))
        return (kind.__module__, kind.__qualname__, repr(value))

    def _sequence(self, value: list[object] | tuple[object, ...]) -> object:
        inner = self.inner
        # Most lists are of records of their own: their keys, without a call each.
        if all(id(item) in inner for item in value):
            return ("[", *[inner[id(item)] for item in value])
        return ("[", *[self._canonical(item) for item in value])

    def _node(self, node: Node) -> object:
        known = self.inner.get(id(node))
        if known is not None:
            return known
        # A record inside another: its whole content, which its owner's attribute holds.
        fields = [(k, self._canonical(v)) for k, v in vars(node).items() if k != "record"]
        made = ("node", type(node.record).__qualname__, *fields)
        self.inner[id(node)] = made
        return made


# An input is kept as (group, item): a node's attribute as (key, attribute); any other input
# `(kind, *rest)` as (kind, rest).
Group = Key | str
Item = Hashable


def split(item: Input) -> tuple[Group, Item]:
    """An input as (group, item)."""
    first = item[0]
    if isinstance(first, tuple):
        return cast(Key, first), item[1]
    return str(first), item[1:]


def joined(group: Group, item: Item) -> Input:
    """The input `split` made (group, item) of."""
    if isinstance(group, tuple):
        return (group, item)
    return (group, *cast(tuple[Hashable, ...], item))
