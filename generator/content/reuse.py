"""What a long-lived process (the live preview) keeps from one check of a story to the next.

A save changes one file or a few; checking the story again validates every record and walks
every value of each (about half of a warm check at 1,000 articles). Both are pure functions of
what they are given: a file's validation of its parsed `Document` (`validate_document`), a
record's values of its `Entry` (`record_values`). The parse cache hands back the same
`Document` for a file whose bytes did not change (generator/content/parsecache.py, within
`documents_kept`), so a `Reuse` remembers each result by the identity of what it was made from
and gives it back while that object is the one passed again. The same `Entry` objects then come
out of validation, so their values are found again too. Nothing else is kept: linking and the
rules across records still run over the whole story, so every problem `check` would report is
reported, in the same order.

Each check keeps only what it used (`checking`): a file or record that is gone is let go, so
what is kept never outgrows one story.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from generator.content.document import Document
from generator.content.linking import Leaf, record_values
from generator.content.validation import Entry, Validated, validate_document
from generator.model.parts import Record

_Validation = tuple[int, type[Record], bool]


class Reuse:
    """Results of `validate_document` and `record_values`, by the identity of their argument
    (kept alive with the result, so the identity cannot be taken by another object)."""

    def __init__(self) -> None:
        self._validated: dict[_Validation, tuple[Document, Validated]] = {}
        self._values: dict[int, tuple[Entry[Any], list[Leaf]]] = {}
        self._used: tuple[dict[_Validation, tuple[Document, Validated]], dict[int, Any]] | None
        self._used = None
        self.reused = 0  # files validated and records walked this check that were not redone

    @contextmanager
    def checking(self) -> Iterator[None]:
        """One check of the story: afterwards only what it used is kept."""
        self._used, self.reused = ({}, {}), 0
        try:
            yield
        finally:
            self._validated, self._values = self._used
            self._used = None

    def validate(self, document: Document, model: type[Record], many: bool) -> Validated:
        """`validate_document`, remembered (a `ValidateOne` for `validate`)."""
        key = (id(document), model, many)
        kept = self._validated.get(key)
        if kept is None or kept[0] is not document:
            kept = (document, validate_document(document, model, many))
        else:
            self.reused += 1
        if self._used is not None:
            self._used[0][key] = kept
        return kept[1]

    def values(self, entry: Entry[Any]) -> list[Leaf]:
        """`record_values`, remembered (a `ValuesOf` for `link`)."""
        kept = self._values.get(id(entry))
        if kept is None or kept[0] is not entry:
            kept = (entry, record_values(entry))
        if self._used is not None:
            self._used[1][id(entry)] = kept
        return kept[1]
