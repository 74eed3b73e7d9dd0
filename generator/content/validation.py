"""Stage 2, validate: check every parsed record against the content model, field by field.

Each record is checked on its own and all its field errors are reported; a record that fails
here is left out of the later stages, so one mistake is not reported again as a broken link.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.content.document import Document, Loc
from generator.content.loading import Loaded, collection_paused
from generator.content.problems import Problem
from generator.model.parts import PATTERN_HELP, Record
from generator.model.records import COLLECTIONS, Article

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A valid record and where it was written, for locating later problems."""

    record: R
    document: Document
    loc: Loc

    def problem(self, loc: Loc, message: str) -> Problem:
        return self.document.problem((*self.loc, *loc), message)


@dataclass
class Validated:
    entries: dict[str, list[Entry[Any]]] = field(default_factory=dict)
    articles: list[Entry[Article]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids of records that failed validation: references to them are not reported again.
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    # Collections with a file that is not a list of records: its ids are unknowable, so
    # references into it are not reported as unknown (the cause is reported, not the cascade).
    unreadable: set[str] = field(default_factory=set)


@collection_paused()
def validate(loaded: Loaded, one: ValidateOne | None = None) -> Validated:
    """Every record of every parsed file. Each file is validated on its own by `one` (by
    default `validate_document`): the live preview passes one that remembers each file's
    result (generator/content/reuse.py), since a file's records depend on nothing else."""
    one = one or validate_document
    result = Validated(
        entries={c.name: [] for c in COLLECTIONS}, invalid_ids={c.name: set() for c in COLLECTIONS}
    )
    for collection in COLLECTIONS:
        documents = loaded.documents[collection.name]
        for document in documents:
            _add(result, one(document, collection.model, collection.many), collection.name)
        # A file that failed to parse was reported already; it is not also missing.
        if not collection.many and not documents and collection.name not in loaded.unreadable:
            result.problems.append(
                Problem(f"content/{collection.name}.yaml", 0, 0, "this required file is missing")
            )
        if not collection.many and len(documents) > 1:
            for document in documents[1:]:
                result.problems.append(
                    document.problem((), f"only one {collection.name} file is allowed")
                )
    for document in loaded.sidecars:
        part = one(document, Article, False)
        result.articles.extend(part.entries[""])
        result.problems.extend(part.problems)
    for name, entries in result.entries.items():
        result.invalid_ids[name] -= {getattr(entry.record, "id", None) for entry in entries}
    return result


# One file's validation: its records (under "" in `entries`), its problems, the ids written in
# it (under "" in `invalid_ids`) and, under "" in `unreadable`, a file that is no list.
ValidateOne = Callable[[Document, type[Record], bool], "Validated"]


def validate_document(document: Document, model: type[Record], many: bool) -> Validated:
    """One file's records of `model`, on their own: a pure function of the file."""
    result = Validated(entries={"": []}, invalid_ids={"": _raw_ids(document.data)})
    if many:
        if not _validate_list(document, model, result.entries[""], result):
            result.unreadable.add("")
    else:
        _validate_one(document, (), model, result.entries[""], result)
    return result


def _add(result: Validated, part: Validated, name: str) -> None:
    """One file's validation added to the story's, under its collection's `name`."""
    result.invalid_ids[name].update(part.invalid_ids[""])
    result.entries[name].extend(part.entries[""])
    result.problems.extend(part.problems)
    if part.unreadable:
        result.unreadable.add(name)


def validate_file(document: Document, model: type[Record], many: bool) -> list[Problem]:
    """One file on its own, as `check` validates it: for editors' hooks, same messages."""
    result = Validated()
    if many:
        _validate_list(document, model, [], result)
    else:
        _validate_one(document, (), model, [], result)
    return result.problems


def _raw_ids(data: object) -> set[str]:
    records = data if isinstance(data, list) else [data]
    return {r["id"] for r in records if isinstance(r, dict) and isinstance(r.get("id"), str)}


def _validate_list(
    document: Document, model: type[Record], into: list[Entry[Any]], result: Validated
) -> bool:
    """Validates each record of a list file; False if the file is not a list at all. A file
    with only comments (as `new-article` makes them) holds no records yet."""
    if document.data is None:
        return True
    if not isinstance(document.data, list):
        result.problems.append(
            document.problem(
                (), "this file must be a list of records, each one starting with '- ' at the margin"
            )
        )
        return False
    for index in range(len(document.data)):
        _validate_one(document, (index,), model, into, result)
    return True


_EMPTY = "the file is empty: write its fields (CONTRIBUTING.md lists them)"


def _validate_one(
    document: Document, loc: Loc, model: type[Record], into: list[Entry[Any]], result: Validated
) -> None:
    data = document.data
    for step in loc:
        data = data[step]
    if data is None and loc == ():
        result.problems.append(Problem(document.path, 0, 0, _EMPTY))
        return
    if not isinstance(data, dict):
        result.problems.append(
            document.problem(loc, f"expected a record with fields (key: value), got {_kind(data)}")
        )
        return
    try:
        record = model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            result.problems.append(_problem(document, loc, model, detail))
        return
    into.append(Entry(record, document, loc))


def explain(model: type[Record], data: object, detail: ErrorDetails) -> str:
    """The message `check` gives for one of pydantic's errors about `data`."""
    loc = _file_loc(data, model, detail["loc"])
    if detail["type"] == "extra_forbidden":
        return _unknown_key(model, loc)
    return _message(model, loc, detail)


def _problem(document: Document, base: Loc, model: type[Record], detail: ErrorDetails) -> Problem:
    record = document.data
    for step in base:
        record = record[step]
    loc = _file_loc(record, model, detail["loc"])
    where = (*base, *loc)
    kind = detail["type"]
    if kind == "extra_forbidden":
        return document.problem(where, _unknown_key(model, loc), key=True)
    return document.problem(where, _message(model, loc, detail))


def _file_loc(data: object, model: type[Record], loc: tuple[str | int, ...]) -> Loc:
    """pydantic's error location as a path in the file: the keys and indexes that are there,
    plus a missing field's name. Steps naming a branch of a union (such as 'str') are dropped."""
    kept: list[str | int] = []
    current: object = data
    for step in loc:
        if _has(current, step):
            current = current[step]  # type: ignore[index]
        elif isinstance(step, str) and _is_field(model, (*kept, step)):
            current = None  # a missing field: nothing below it
        else:
            continue
        kept.append(step)
    return tuple(kept)


def _has(container: object, step: str | int) -> bool:
    if isinstance(container, dict):
        return step in container
    return isinstance(container, list) and isinstance(step, int) and 0 <= step < len(container)


def _is_field(model: type[Record], loc: Loc) -> bool:
    parent = _model_at(model, loc[:-1])
    return parent is not None and loc[-1] in parent.model_fields


def _field_name(loc: Loc) -> str:
    names = [str(step) for step in loc if isinstance(step, str)]
    return names[-1] if names else "record"


def _message(model: type[Record], loc: Loc, detail: ErrorDetails) -> str:
    kind = detail["type"]
    name = _field_name(loc)
    value = detail.get("input")
    parent = _model_at(model, loc[:-1])
    nullable = parent is not None and name in parent.model_fields and _allows_none(parent, name)
    if kind == "missing":
        hint = " (write `null` if the sources do not say)" if nullable else ""
        return f"missing required field '{name}': add `{name}:` to this record{hint}"
    if kind == "blank":
        hint = ", or write `null` if the sources do not say" if nullable else ""
        return f"'{name}' must not be blank: write its text{hint}"
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        guess = get_close_matches(str(value), _literal_options(expected), n=1)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        return f"'{name}' must be one of {expected}, not '{value}'{hint}"
    if kind == "string_pattern_mismatch":
        pattern = str(detail.get("ctx", {}).get("pattern", ""))
        return f"'{name}': '{value}' {PATTERN_HELP.get(pattern, 'has the wrong form')}"
    message = detail["msg"] if kind == "forbidden_character" else _type_message(kind, value)
    return f"'{name}' {message}" if message else detail["msg"]


def _type_message(kind: str, value: object) -> str | None:
    messages = {
        "string_type": f"must be text, not {_kind(value)}",
        "int_type": f"must be a whole number, not {_kind(value)}",
        "bool_type": f"must be true or false, not {_kind(value)}",
        "list_type": f"must be a list (items starting with '- ', or [a, b]), not {_kind(value)}",
        "model_type": f"must be a record of fields (key: value), not {_kind(value)}",
        "dict_type": f"must be a record of fields (key: value), not {_kind(value)}",
        "date_type": f"must be a date written as YYYY-MM-DD, not {_kind(value)}",
        "greater_than_equal": "must be 1 or more",
        "too_short": "must list at least one item",
        "string_too_long": "is too long",
    }
    return messages.get(kind)


def _kind(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    return "a record"


def _literal_options(expected: str) -> list[str]:
    return [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip()]


DRAFT_FLAG = "needs_review"  # what draft-quotes puts on every draft (see drafting.py)


def _unknown_key(model: type[Record], loc: Loc) -> str:
    key = str(loc[-1])
    if key == DRAFT_FLAG:
        return (
            f"'{DRAFT_FLAG}' marks an unreviewed draft: check its speaker and text against the "
            "article, then delete this line"
        )
    parent = _model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if parent else []
    guess = get_close_matches(key, allowed, n=1, cutoff=0.6)
    if guess:
        return f"unknown field '{key}': did you mean '{guess[0]}'?"
    return f"unknown field '{key}': the fields here are {', '.join(allowed)}"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model that a nested location (fields and list indexes) belongs to."""
    current: object = model
    for step in loc:
        if isinstance(step, int):
            continue
        found = _submodel(current)
        if found is None or step not in found.model_fields:
            return None
        current = found.model_fields[step].annotation
    return _submodel(current)


def _submodel(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def _allows_none(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    is_union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    return is_union and type(None) in typing.get_args(annotation)
