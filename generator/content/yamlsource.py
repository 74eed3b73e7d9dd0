"""Read one YAML file into plain Python values, remembering where every key and value stands.

The YAML 1.1 traps are closed here: only `true`/`false` are booleans, only decimal digits without
leading zeros are integers, and everything else plain (`NO`, `yes`, `012`, `2026-01-06`, `1:20`)
stays text. Aliases are refused, so an alias bomb costs nothing, and so are tags (`!!binary`,
`!custom`), so a value is always what it reads as; size and nesting depth are capped
before and while parsing. Invisible characters (see characters.py) are refused anywhere.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from generator.content.document import Document, Points
from generator.content.files import not_regular, unreadable
from generator.content.problems import Mark, Problem
from generator.model.characters import FORBIDDEN_IN_FILES, describe

MAX_BYTES = 2_000_000
MAX_DEPTH = 40

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Gives every untagged node the plain tag of its kind. `_scalar` decides what a value is,
    so PyYAML's guess (a Python call with regular expressions for each of a big story's
    half-million nodes) would only be thrown away; an explicit tag is still refused."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _PLAIN_KINDS[kind]


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")  # `012` stays text, as written
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUES = {"true", "True", "TRUE"}
_FALSES = {"false", "False", "FALSE"}
_CORE = "tag:yaml.org,2002:"
# The tags PyYAML gives plain values and collections by itself, plus the plain core ones a
# contributor may write (`!!str 1`); any other tag (`!!binary`, `!!python/...`, `!custom`,
# `!!set`) would make a value mean something other than its text, so it is refused.
_PLAIN_TAGS = {
    _CORE + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge", "seq", "map")
}
_PLAIN_KINDS = {
    yaml.ScalarNode: _CORE + "str",
    yaml.SequenceNode: _CORE + "seq",
    yaml.MappingNode: _CORE + "map",
}


class _Refused(Exception):
    def __init__(self, mark: Mark, message: str, *, alias: bool = False) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.alias = alias


def read(file: Path, path: str) -> tuple[bytes | None, list[Problem]]:
    """A regular file's bytes. A link is never followed and a pipe or device never opened (so
    nothing outside the story is read), and a file over the size limit is refused before it
    is read (bounded memory)."""
    try:
        raw = _regular_bytes(file)
    except _Unfit as unfit:
        return None, [Problem(path, 0, 0, str(unfit))]
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            return None, [Problem(path, 0, 0, not_regular(stat.S_IFLNK))]
        return None, [unreadable(path, error)]
    if len(raw) > MAX_BYTES:  # it grew while we read it
        return None, [_too_big(path, len(raw))]
    return raw, []


class _Unfit(Exception):
    """A file that is not read at all; the message says why and what to do."""


def _regular_bytes(file: Path) -> bytes:
    mode = file.lstat().st_mode
    if not stat.S_ISREG(mode):
        raise _Unfit(not_regular(mode))
    # O_NOFOLLOW: the file may have been swapped for a link since the check above.
    descriptor = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _Unfit(not_regular(info.st_mode))
        if info.st_size > MAX_BYTES:
            raise _Unfit(_too_big(file.name, info.st_size).message)
        return handle.read(MAX_BYTES + 1)


def _too_big(path: str, size: int) -> Problem:
    return Problem(
        path,
        0,
        0,
        f"the file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit: "
        "split its records into several files in a folder of the same name",
    )


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file, or the problem that stops it being read as text."""
    if len(raw) > MAX_BYTES:
        return None, [_too_big(path, len(raw))]
    if b"\0" in raw:
        return None, [
            Problem(path, 0, 0, "the file is binary (it contains NUL bytes): save it as UTF-8 text")
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        return None, [
            Problem(
                path,
                line,
                column,
                f"the file is not valid UTF-8 (byte 0x{byte:02x} here): "
                "re-save it with UTF-8 encoding",
            )
        ]


def parse(raw: bytes, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse a YAML file's bytes into a Document, or return the problems that prevent it."""
    text, problems = decode(raw, path)
    if text is not None:
        problems = _forbidden_characters(text, path)
    if text is None or problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, path)]
    except yaml.YAMLError as error:  # unmarked errors are rare (e.g. reader errors)
        return None, [
            Problem(path, 0, 0, f"YAML could not be read: {' '.join(str(error).split())}")
        ]
    if node is None:  # only comments: no records yet (validate refuses it where one is needed)
        return Document(path, None), []
    # No anchor, no alias: without a `&` nothing can be reused, and no node need be remembered.
    builder = _Builder(aliases="&" in text)
    try:
        data = builder.build(node, 0)
    except _Refused as refusal:
        mark = _first_alias(text) if refusal.alias else refusal.mark
        return None, [Problem(path, mark.line, mark.column, refusal.message)]
    return Document(path, data, points=Points(builder.values, builder.keys, builder.records)), []


def _forbidden_characters(text: str, path: str) -> list[Problem]:
    """Each invisible character in a file, located as an editor counts lines (YAML would count
    U+2028 as a line break and report a baffling syntax error instead)."""
    problems = []
    for found in FORBIDDEN_IN_FILES.finditer(text):
        line_start = max(text.rfind("\n", 0, found.start()), text.rfind("\r", 0, found.start()))
        line = len(re.findall(r"\r\n|\r|\n", text[: line_start + 1])) + 1
        problems.append(
            Problem(
                path,
                line,
                found.start() - line_start,
                f"this file contains the invisible character {describe(found.group())}: delete it",
            )
        )
    return problems


def _first_alias(text: str) -> Mark:
    """Where the first alias is used (a reused node only knows where it was defined)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return Mark(event.start_mark.line + 1, event.start_mark.column + 1)
    return Mark(1, 1)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = error.problem or "invalid YAML"
    source_lines = text.splitlines()
    source = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    if "\t" in source[: len(source) - len(source.lstrip())]:
        message = (
            "a tab is used for indentation, but YAML allows only spaces: replace it with spaces"
        )
    else:
        context = f" ({error.context})" if error.context else ""
        message = (
            f"YAML syntax error: {problem}{context}: check the indentation, colons and "
            "quotes on this line and the one above (text with ': ' or ' #' needs quotes)"
        )
    return Problem(path, line, column, message)


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """The data of a composed document, with its points (see `Points`)."""

    def __init__(self, *, aliases: bool) -> None:
        self.values: list[int] = []
        self.keys: list[int] = []
        self.records: list[int] = []
        self.seen: set[int] | None = set() if aliases else None

    def build(self, node: yaml.Node, depth: int) -> Any:
        seen = self.seen
        if seen is not None and id(node) in seen:
            raise _Refused(
                _mark(node),
                "YAML aliases (*name) are not allowed in content: write the value out in full",
                alias=True,
            )
        if depth > MAX_DEPTH:
            raise _Refused(_mark(node), f"values are nested more than {MAX_DEPTH} levels deep")
        if seen is not None:
            seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            _refuse_tag(node)
        start = node.start_mark  # as _mark, inline: this runs for every node of the story
        values = self.values
        values.append(start.line + 1)
        values.append(start.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if depth == 0:  # a list file: where each record starts
                items = []
                for item in node.value:
                    self.records.append(len(values) // 2)
                    items.append(self.build(item, 1))
                return items
            return [self.build(item, depth + 1) for item in node.value]
        assert isinstance(node, yaml.MappingNode)  # the only other kind of node YAML has
        return self._mapping(node, depth)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        keys, values = self.keys, self.values
        # Where no node can be reused and the values are not too deep, a plain scalar value
        # needs none of `build`'s other checks: made here, without a call per value.
        inline = self.seen is None and depth < MAX_DEPTH
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(_mark(key_node), "a key must be a plain word such as `name:`")
            if key_node.tag not in _PLAIN_TAGS:
                _refuse_tag(key_node)
            key = key_node.value
            if key in result:
                first = next(_mark(k) for k, _ in node.value if k.value == key)
                raise _Refused(
                    _mark(key_node),
                    f"the key '{key}' appears twice in this record (first on line {first.line}): "
                    "keep one",
                )
            start = key_node.start_mark
            keys.append(start.line + 1)
            keys.append(start.column + 1)
            if inline and type(value_node) is yaml.ScalarNode and value_node.tag in _PLAIN_TAGS:
                start = value_node.start_mark
                values.append(start.line + 1)
                values.append(start.column + 1)
                result[key] = _scalar(value_node)
            else:
                result[key] = self.build(value_node, depth + 1)
        return result


def _refuse_tag(node: yaml.Node) -> None:
    if node.tag in _PLAIN_TAGS:
        return
    tag = node.tag
    if tag.startswith(_CORE):
        tag = "!!" + tag[len(_CORE) :]
    elif not tag.startswith("!"):
        tag = f"!<{tag}>"
    raise _Refused(
        _mark(node),
        f"YAML tags such as {tag} are not allowed in content: write the value as plain text",
    )


# Past this many digits Python will not turn text into a number (sys.get_int_max_str_digits).
_MAX_DIGITS = 4000


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style not in (None, ""):  # quoted or block scalars are always text
        return value
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if _INT.fullmatch(value):
        if len(value) > _MAX_DIGITS:  # Python refuses to read such a number: say so here
            raise _Refused(
                _mark(node),
                f"this number has {len(value)} digits: no field takes a number that long; "
                "write it as text in quotation marks if it is text",
            )
        return int(value)
    return value
