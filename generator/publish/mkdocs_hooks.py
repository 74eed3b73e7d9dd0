"""MkDocs hooks the generator adds to the configuration it writes, build/mkdocs.yml.

The pages the generator writes are mostly blocks of HTML it has already escaped. MkDocs spent
about half of its time reading them with Python's html.parser twice per page: Python-Markdown's
raw-HTML block preprocessor, which sets each block aside untouched, and MkDocs' scan for the
`id`s a link may point to. Here a cheaper preprocessor sets the same blocks aside first, into the
same stash and with the same placeholder lines that Python-Markdown's would have written, and
reports their ids to MkDocs, so `validation.anchors` still checks links into them.

It only takes a page when the result is provably the one the slow path gives: every top-level
block is plain tags with double-quoted attributes (no comment, script or style, no `<` or stray
`&` in text), and the Markdown between the blocks holds no `<` at all, so html.parser would be
in its plain state at each block. Any other page goes through Python-Markdown untouched. Nothing
is turned into markup: the stash holds the very characters the page held.

It relies on how Python-Markdown and MkDocs order and stash HTML blocks (their versions pinned,
and each part relied on checked, by tests/test_pinned_internals.py). MkDocs loads this file by
its path, so it imports nothing from the generator.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

# Python-Markdown ships no type information (and the project locks no stubs for it).
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.preprocessors import (  # type: ignore[import-untyped]
    HtmlBlockPreprocessor,
    Preprocessor,
)

# Text without `<`, then a tag as the generator writes it: a name, attributes with
# double-quoted values holding no `<` or `>` (the generator escapes them), an optional `/`.
_TOKEN = re.compile(
    r"([^<]*)<(?:(/)([a-zA-Z][a-zA-Z0-9-]*)[ \t\n\r\f]*|([a-zA-Z][a-zA-Z0-9-]*)"
    r'((?:[ \t\n\r\f]+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)[ \t\n\r\f]*(/?))>'
)
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
# A character reference html.parser gives back as it was written (it adds a missing `;`).
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);")
_BLOCK_START = re.compile(r"^<([a-zA-Z][a-zA-Z0-9-]*)", re.MULTILINE)
_BLANK_LINE = re.compile(r"([ ]*\n){2}")  # Python-Markdown's test for a blank line after a block
# Elements whose content html.parser does not read as tags, and the one it always treats as empty.
_SPECIAL = {"script", "style", "textarea", "title", "hr"}


class _Block:
    """One top-level HTML block: where it ends and the anchors it defines."""

    def __init__(self, end: int, anchors: set[str]) -> None:
        self.end = end
        self.anchors = anchors


def _block(source: str, start: int) -> _Block | None:
    """The block starting at `start`, read as Python-Markdown's extractor would read it: it ends
    at the end tag that closes every tag opened since (void tags included, as the extractor
    counts them). None when any part of it is not a plain tag. One loop, no calls per tag:
    the pages of a 1,000-article story hold over a million tags."""
    stack: list[str] = []
    anchors: set[str] = set()
    at = start
    for found in _TOKEN.finditer(source, start):
        if found.start() != at:  # something between that is not a plain tag
            return None
        text, closing, end_name, name, attributes, empty = found.groups()
        if "&" in text and not _plain(text):
            return None
        at = found.end()
        if closing:
            end_name = end_name.lower()
            if end_name in stack:
                while stack.pop() != end_name:
                    pass
            if not stack:
                return _Block(at, anchors)
        else:
            name = name.lower()
            if name in _SPECIAL or (empty and not stack):
                return None  # an empty element alone: the extractor handles it otherwise
            if "id=" in attributes or "name=" in attributes:
                anchors |= _anchors(name, attributes)
            if not empty:
                stack.append(name)
    return None


def _anchors(name: str, attributes: str) -> set[str]:
    """The ids a start tag defines, as MkDocs reads them (html.parser unescapes values)."""
    return {
        unescape(value)
        for key, value in _ATTRIBUTE.findall(attributes)
        if value and (key.lower() == "id" or (key.lower() == "name" and name == "a"))
    }


def _plain(text: str) -> bool:
    """Whether text holds only references html.parser gives back unchanged."""
    amp = text.find("&")
    while amp >= 0:
        if _REFERENCE.match(text, amp) is None:
            return False
        amp = text.find("&", amp + 1)
    return True


class FastHtmlBlocks(Preprocessor):  # type: ignore[misc]
    """Sets the generator's HTML blocks aside as Python-Markdown's `html_block` would."""

    def __init__(self, md: Markdown, found: set[str]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        pieces: list[str] = []
        blocks: list[tuple[str, int]] = []
        anchors: set[str] = set()
        at = 0
        for start in _BLOCK_START.finditer(source):
            if start.start() < at:
                continue
            if not self.md.is_block_level(start.group(1).lower()):
                return lines
            block = _block(source, start.start())
            if block is None:
                return lines
            rest = source[block.end :]
            # A blank line after the block is kept with it; else the end tag must end its line,
            # so the extractor reads a newline (and leaves its "tail" state) before any tag.
            if _BLANK_LINE.match(rest):
                tail = "\n"
            elif rest[:1] in ("\n", ""):
                tail = ""
            else:
                return lines
            if "<" in source[at : start.start()]:
                return lines
            pieces.append(source[at : start.start()])
            blocks.append((source[start.start() : block.end] + tail, len(pieces)))
            pieces.append("")  # the placeholder's place
            anchors |= block.anchors
            at = block.end
        if "<" in source[at:]:
            return lines
        pieces.append(source[at:])
        for html, index in blocks:
            pieces[index] = "\n" + self.md.htmlStash.store(html) + "\n\n"
        self.found.clear()
        self.found |= anchors
        return "".join(pieces).split("\n")


class _Extension(Extension):  # type: ignore[misc]
    def __init__(self, found: set[str]) -> None:
        super().__init__()
        self.found = found

    def extendMarkdown(self, md: Markdown) -> None:
        # Only in front of Python-Markdown's own extractor: an extension that replaced it
        # (md_in_html) reads blocks differently.
        if type(md.preprocessors["html_block"]) is HtmlBlockPreprocessor:
            # After whitespace is normalised (30), before MkDocs' anchor scan (21).
            md.preprocessors.register(FastHtmlBlocks(md, self.found), "fast_html_blocks", 25)


_FOUND: set[str] = set()  # the anchors in the blocks of the page being rendered


def on_config(config: Any) -> Any:
    config["markdown_extensions"].append(_Extension(_FOUND))
    return config


def on_page_markdown(markdown: str, **_: Any) -> str:
    _FOUND.clear()
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    # MkDocs' own scan no longer sees the blocks set aside: it learns their ids here, before it
    # checks the links between pages (after every page is rendered).
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= _FOUND
    _FOUND.clear()
    return html
