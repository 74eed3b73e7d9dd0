"""A parsed YAML file: its data, and where each value and key of it was written."""

from __future__ import annotations

from typing import Any, NamedTuple

from generator.content.problems import Mark, Problem

Loc = tuple[str | int, ...]


class Points(NamedTuple):
    """Every mark of a document, compactly: the line and column of each value, then of each
    mapping key, flat, in the order a walk of its data meets them (a value, then what it holds,
    a key just before its value), and where each record of a list file starts among the
    values. A big story has half a million marks: as plain numbers they cost little to make,
    keep and cache, and the locations are worked out only when a mark is asked for."""

    values: list[int]
    keys: list[int]
    records: list[int]


class Document:
    """A parsed file: its data, and the mark of each value and each mapping key by path."""

    def __init__(
        self,
        path: str,
        data: Any,
        values: dict[Loc, Mark] | None = None,
        keys: dict[Loc, Mark] | None = None,
        *,
        points: Points | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self.points = points
        self._values = values if values is not None or points is not None else {}
        self._keys = keys if keys is not None or points is not None else {}

    @property
    def values(self) -> dict[Loc, Mark]:
        """The mark of each value, by its location."""
        if self._values is None:
            self._values, self._keys = _located(self.data, self.points)
        return self._values

    @property
    def keys(self) -> dict[Loc, Mark]:
        """The mark of each mapping key, by the location of its value."""
        if self._keys is None:
            self._values, self._keys = _located(self.data, self.points)
        return self._keys

    def mark(self, loc: Loc, *, key: bool = False) -> Mark:
        """The mark of `loc`, or of its nearest ancestor that exists (a missing field's record)."""
        if not key and self._values is None:
            found = self._record_mark(loc)
            if found is not None:
                return found
        if key and loc in self.keys:
            return self.keys[loc]
        values = self.values
        while loc not in values and loc:
            loc = loc[:-1]
        return values.get(loc, Mark(1, 1))

    def _record_mark(self, loc: Loc) -> Mark | None:
        """The mark of the whole file or of one record of a list file, read off the points
        directly: every record's is asked for (where it was written), rarely anything else."""
        if self.points is None or len(loc) > 1:
            return None
        values, records = self.points.values, self.points.records
        if not loc:
            return Mark(values[0], values[1]) if values else Mark(1, 1)
        index = loc[0]
        if type(index) is not int or not 0 <= index < len(records):
            return None
        at = 2 * records[index]
        return Mark(values[at], values[at + 1])

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        mark = self.mark(loc, key=key)
        return Problem(self.path, mark.line, mark.column, message)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        mine = (self.path, self.data, self.values, self.keys)
        return mine == (other.path, other.data, other.values, other.keys)

    __hash__ = None  # type: ignore[assignment]  # equal by value, and mutable

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {self.data!r})"


def _located(data: Any, points: Points | None) -> tuple[dict[Loc, Mark], dict[Loc, Mark]]:
    """The marks by location: the points matched up with a walk of the data in their order."""
    values: dict[Loc, Mark] = {}
    keys: dict[Loc, Mark] = {}
    if points is None or not points.values:
        return values, keys
    value_numbers, key_numbers = iter(points.values), iter(points.keys)

    def walk(value: Any, loc: Loc) -> None:
        values[loc] = Mark(next(value_numbers), next(value_numbers))
        if type(value) is list:
            for index, item in enumerate(value):
                walk(item, (*loc, index))
        elif type(value) is dict:
            for name, item in value.items():
                keys[(*loc, name)] = Mark(next(key_numbers), next(key_numbers))
                walk(item, (*loc, name))

    walk(data, ())
    return values, keys
