"""What a page reads of the story, told as it reads it: the live preview's `Recorder`.

The graph built with one (generator/content/graph.py: `WatchedGraph`, `WatchedNode`) and the
page inputs made with one (generator/pages/inputs.py: `PageInputs`) tell it each read, as an
`Input`: a tuple that names what was read, which the live preview hashes to see what an edit
changed (generator/live/incremental.py).
"""

from __future__ import annotations

from collections.abc import Hashable

# `(id(node), attribute)`, `("graph", attribute)`, or `(kind, *key)` of a page input.
Input = tuple[Hashable, ...]


class Recorder:
    """Each read while `reads` is a set (a page is being rendered) is added to it."""

    def __init__(self) -> None:
        self.reads: set[Input] | None = None

    def read(self, item: Input) -> None:
        if self.reads is not None:
            self.reads.add(item)
