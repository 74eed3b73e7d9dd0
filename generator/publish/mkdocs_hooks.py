"""MkDocs hooks the generator adds to the configuration it writes, build/mkdocs.yml.

The pages the generator writes are headings and blocks of HTML it has already escaped. Python-
Markdown read every block with html.parser to set it aside untouched, and MkDocs read it again
for the `id`s a link may point to. Two cheaper ways, each taken only when its result is provably
the one the slow path gives:

- A page of headings and HTML blocks only passes through (`pass_through`): MkDocs renders its
  headings alone (so the ids, permanent links, table of contents and title are MkDocs' and
  Python-Markdown's own), and `on_page_content` puts the blocks back between them as
  Python-Markdown's raw-HTML postprocessor would; the blocks' ids are reported to MkDocs, so
  `validation.anchors` still checks every link into them. Should the headings not render one
  line each, the page takes the whole way after all (`page.render` again, with the whole page).
- Any other page goes through Python-Markdown, where a cheaper preprocessor (FastHtmlBlocks) sets
  the same blocks aside into the same stash, with the same placeholder lines that Python-
  Markdown's would have written.

Both read blocks the same way (`_scan`): every top-level block must be plain tags with double-
quoted attributes (no comment, script or style, no `<` or stray `&` in text), and the Markdown
between the blocks must hold no `<` at all, so html.parser would be in its plain state at each
block. Nothing is turned into markup: the blocks are the very characters the page held.

It relies on how Python-Markdown and MkDocs normalise, order, stash and write HTML blocks (their
versions pinned, and each part relied on checked, by tests/test_pinned_internals.py). MkDocs
loads this file by its path, so it imports nothing from the generator. It works page by page: a
page's state lives from its `on_page_markdown` to its `on_page_content`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

# Python-Markdown ships no type information (and the project locks no stubs for it).
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.preprocessors import (  # type: ignore[import-untyped]
    HtmlBlockPreprocessor,
    Preprocessor,
)
from markdown.util import ETX, STX  # type: ignore[import-untyped]

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


class _Scan:
    """A page read as Python-Markdown's extractor would read it: the text between its top-level
    HTML blocks (`pieces`, one more than the blocks), each block as it would be stashed (with a
    blank line after it kept, as the extractor keeps it), and the anchors the blocks define."""

    def __init__(self, pieces: list[str], blocks: list[str], anchors: set[str]) -> None:
        self.pieces = pieces
        self.blocks = blocks
        self.anchors = anchors


def _scan(source: str, is_block_level: Callable[[str], bool]) -> _Scan | None:
    """The page's blocks, or None when any part of it is not provably read alike."""
    pieces: list[str] = []
    blocks: list[str] = []
    anchors: set[str] = set()
    at = 0
    for start in _BLOCK_START.finditer(source):
        if start.start() < at:
            continue
        if not is_block_level(start.group(1).lower()):
            return None
        block = _block(source, start.start())
        if block is None:
            return None
        rest = source[block.end :]
        # A blank line after the block is kept with it; else the end tag must end its line,
        # so the extractor reads a newline (and leaves its "tail" state) before any tag.
        if _BLANK_LINE.match(rest):
            tail = "\n"
        elif rest[:1] in ("\n", ""):
            tail = ""
        else:
            return None
        if "<" in source[at : start.start()]:
            return None
        pieces.append(source[at : start.start()])
        blocks.append(source[start.start() : block.end] + tail)
        anchors |= block.anchors
        at = block.end
    if "<" in source[at:]:
        return None
    pieces.append(source[at:])
    return _Scan(pieces, blocks, anchors)


class FastHtmlBlocks(Preprocessor):  # type: ignore[misc]
    """Sets the generator's HTML blocks aside as Python-Markdown's `html_block` would."""

    def __init__(self, md: Markdown, found: set[str]) -> None:
        super().__init__(md)
        self.found = found

    def run(self, lines: list[str]) -> list[str]:
        scan = _scan("\n".join(lines), self.md.is_block_level)
        if scan is None:
            return lines
        out = [scan.pieces[0]]
        for html, piece in zip(scan.blocks, scan.pieces[1:], strict=True):
            out += ["\n", self.md.htmlStash.store(html), "\n\n", piece]
        self.found.clear()
        self.found |= scan.anchors
        return "".join(out).split("\n")


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


# Python-Markdown's whitespace normalisation, its first step on any page, as the pass-through
# must see the page: its pieces are what every later step would have read.
_SPACE_LINE = re.compile(r"(?<=\n) +\n")
# Text between blocks that is only ATX headings and blank lines.
_HEADINGS_ONLY = re.compile(r"(?:#[^\n]*|\n)*")
# The only processors a page of blocks meets on Python-Markdown's way, with the generated
# configuration (MkDocs adds fenced_code, a no-op on a page without a fence); another (a new
# extension) and every page takes the whole way again.
_PREPROCESSORS = {"normalize_whitespace", "fenced_code_block", "fast_html_blocks", "html_block"}
_FENCES = ("```", "~~~")
_POSTPROCESSORS = {"raw_html", "amp_substitute"}


class PassThrough:
    """A page that is headings and HTML blocks only, as the generator writes them. MkDocs
    renders its headings alone (ids, permanent links, the table of contents and the title come
    from MkDocs and Python-Markdown themselves); the blocks are put back between them as
    Python-Markdown's raw-HTML postprocessor would: each block as stashed, then a newline."""

    def __init__(self, markdown: str, scan: _Scan) -> None:
        self.markdown = markdown  # the page as MkDocs read it, for the whole way if need be
        self.counts = [piece.count("\n#") + piece.startswith("#") for piece in scan.pieces]
        self.blocks = scan.blocks
        self.anchors = scan.anchors
        self.skeleton = "\n\n".join(scan.pieces)

    def splice(self, headings: str) -> str | None:
        """The page's HTML from its headings' HTML, or None if that is not one line a heading."""
        lines = headings.split("\n") if headings else []
        if len(lines) != sum(self.counts) or not all(line.startswith("<h") for line in lines):
            return None
        out: list[str] = []
        at = 0
        for count, block in zip(self.counts, [*self.blocks, ""], strict=True):
            for line in lines[at : at + count]:
                out += [line, "\n"]
            at += count
            if block:
                out += [block, "\n"]
        return "".join(out).strip()


def normalised(markdown: str, tab_length: int) -> str:
    """The page as Python-Markdown's NormalizeWhitespace leaves it, before any other step."""
    source = markdown.replace(STX, "").replace(ETX, "")
    source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    return _SPACE_LINE.sub("\n", source.expandtabs(tab_length))


def pass_through(markdown: str, md: Markdown) -> PassThrough | None:
    """The page as a PassThrough, or None if it holds anything but headings and HTML blocks
    (it then goes through Python-Markdown, with FastHtmlBlocks). `md` is configured as MkDocs
    configures its own."""
    if len(md.preprocessors) != len(_PREPROCESSORS) or not all(
        name in md.preprocessors for name in _PREPROCESSORS
    ):
        return None
    if len(md.postprocessors) != len(_POSTPROCESSORS) or not all(
        name in md.postprocessors for name in _POSTPROCESSORS
    ):
        return None
    if any(fence in markdown for fence in _FENCES):
        return None
    scan = _scan(normalised(markdown, md.tab_length), md.is_block_level)
    if scan is None or not all(_HEADINGS_ONLY.fullmatch(piece) for piece in scan.pieces):
        return None
    if "#" not in scan.pieces[0] and any("#" in piece for piece in scan.pieces[1:]):
        return None  # a block first, a heading after: the headings alone give another title
    return PassThrough(markdown, scan)


_FOUND: set[str] = set()  # the anchors in the blocks of the page being rendered
_PLANS: dict[str, PassThrough] = {}  # the page being rendered, by its path, if it passes through
_READER: list[Markdown] = []  # a Markdown configured as MkDocs configures each page's


def on_config(config: Any) -> Any:
    config["markdown_extensions"].append(_Extension(_FOUND))
    _PLANS.clear()
    _READER[:] = [
        Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )
    ]
    return config


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    _FOUND.clear()
    plan = pass_through(markdown, _READER[0]) if _READER else None
    if plan is None:
        _PLANS.pop(page.file.src_uri, None)
        return markdown
    _PLANS[page.file.src_uri] = plan
    return plan.skeleton  # what MkDocs renders: the headings, with their ids and the TOC


def on_page_content(html: str, page: Any, config: Any, files: Any, **_: Any) -> str:
    plan = _PLANS.pop(page.file.src_uri, None)
    if plan is not None:
        spliced = plan.splice(html)
        if spliced is None:  # the headings did not render one line each: the whole way
            page.markdown = plan.markdown
            page.render(config, files)
            html = page.content
        else:
            html = spliced
            _FOUND.update(plan.anchors)
    # MkDocs' own scan no longer sees the blocks set aside: it learns their ids here, before it
    # checks the links between pages (after every page is rendered).
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= _FOUND
    _FOUND.clear()
    return html
