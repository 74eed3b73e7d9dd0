"""Text is text: how values from YAML are made safe for Markdown, HTML and front matter.

Every value is collapsed onto one line (so it cannot start a Markdown block such as an
admonition or front matter) and HTML-escaped; where it lands in Markdown rather than raw HTML,
every ASCII punctuation mark is also backslash-escaped (pymdownx.escapeall makes that valid).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from markupsafe import Markup, escape

_PUNCTUATION = re.compile(r"""([!#$%()*+,\-./:;=?@\[\\\]^_`{|}~])""")  # not &<>"' (entities)


_SPACE = re.compile(r"\s+")


def one_line(value: str) -> str:
    return _SPACE.sub(" ", value).strip()


def finalize(value: object) -> object:
    """Jinja's finalize hook: every plain string printed by a template becomes one line."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _SPACE.sub(" ", value)
    return value


def markdown_inline(value: str) -> Markup:
    """A value placed in Markdown (a heading): literal text whatever its characters."""
    return escape(_PUNCTUATION.sub(r"\\\1", one_line(value)))


def heading_id(record_id: str) -> Markup:
    """An attr_list id for a Markdown heading; ids are validated slugs, so they need no escaping."""
    return Markup("{#" + record_id + "}")


def front_matter(value: str) -> Markup:
    """A YAML front-matter scalar; HTML-escaped because themes print it without escaping."""
    return Markup(json.dumps(str(escape(one_line(value))), ensure_ascii=False))


def json_front_matter(value: str) -> Markup:
    """A front-matter scalar printed raw inside `<script>`: quoted for YAML, never HTML-escaped
    (the value must already be safe there, as `structured.script_json` makes it)."""
    return Markup(json.dumps(value, ensure_ascii=False))


class Glossary:
    """Wraps the first mention of each glossary term in a text with an `<abbr>` tooltip."""

    def __init__(self, terms: Iterable[tuple[Iterable[str], str]]) -> None:
        self.definitions: dict[str, str] = {}
        for forms, definition in terms:
            for form in forms:
                self.definitions.setdefault(form.casefold(), one_line(definition))
        alternatives = sorted(self.definitions, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, alternatives)) + r")\b", re.IGNORECASE)
            if alternatives
            else None
        )

    def __call__(self, value: str) -> Markup:
        text = one_line(value)
        if self.pattern is None:
            return escape(text)
        out: list[str] = []
        used: set[str] = set()
        position = 0
        for match in self.pattern.finditer(text):
            key = match.group(1).casefold()
            if key in used:
                continue
            used.add(key)
            out.append(str(escape(text[position : match.start()])))
            out.append(
                f'<abbr title="{escape(self.definitions[key])}">{escape(match.group(1))}</abbr>'
            )
            position = match.end()
        out.append(str(escape(text[position:])))
        return Markup("".join(out))
