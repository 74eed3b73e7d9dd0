"""A small reader of built HTML pages: elements (with the line and column each starts at), ids,
links and the text a reader sees. `verify` reads the built site with it, and so do the tests.

Element texts are slices of one list of text pieces, not strings grown as the page is read:
appending each piece to every open element took time quadratic in the page's size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Elements whose content is no text a reader sees (`Element.content` has it: JSON-LD).
HIDDEN = frozenset(["script", "style"])
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass(frozen=True)
class Piece:
    """A run of text as it stands in the page, and the element it is directly inside."""

    text: str
    line: int
    column: int  # 1-based
    inside: Element | None
    hidden: bool  # inside a script or style element


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    line: int = 0
    column: int = 0  # 1-based
    parent: Element | None = None
    # Its text: the page's pieces from `start` to `end` (None while open, or never closed).
    pieces: list[Piece] = field(default_factory=list, repr=False)
    start: int = 0
    end: int | None = None

    @property
    def text(self) -> str:
        """The text inside the element that a reader sees (no script's or style's)."""
        return "".join(p.text for p in self.pieces[self.start : self.end] if not p.hidden)

    @property
    def content(self) -> str:
        """Everything inside the element as written, a script's or style's included."""
        return "".join(p.text for p in self.pieces[self.start : self.end])

    def within(self, tag: str, css_class: str) -> bool:
        """Whether the element is, or is inside, a `tag` element of the given class."""
        node: Element | None = self
        while node is not None:
            if node.tag == tag and css_class in node.attrs.get("class", "").split():
                return True
            node = node.parent
        return False


@dataclass
class Page:
    path: Path
    elements: list[Element] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    text: str = ""  # what a reader sees, spaces collapsed

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    def by_id(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.attrs.get("id") == element_id)

    def links(self) -> list[str]:
        return [e.attrs["href"] for e in self.elements if e.tag == "a" and "href" in e.attrs]


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[Element] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        parent = self.open[-1] if self.open else None
        start = len(self.page.pieces)
        attributes = {k: v or "" for k, v in attrs}
        element = Element(tag, attributes, line, offset + 1, parent, self.page.pieces, start)
        self.page.elements.append(element)
        if tag in VOID:
            element.end = start
            return
        if tag in HIDDEN:
            self.hidden += 1
        self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                for element in self.open[index:]:
                    element.end = len(self.page.pieces)
                    if element.tag in HIDDEN:
                        self.hidden = max(0, self.hidden - 1)
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        line, offset = self.getpos()
        inside = self.open[-1] if self.open else None
        self.page.pieces.append(Piece(data, line, offset + 1, inside, self.hidden > 0))


def read(path: Path) -> Page:
    return parse(path, path.read_text(encoding="utf-8"))


def parse(path: Path, html: str) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed(html)
    reader.close()
    page.text = " ".join("".join(p.text for p in page.pieces if not p.hidden).split())
    return page


def text_of(fragment: str) -> str:
    """The text a reader sees in a piece of HTML, such as a search index entry's title or text
    (`Bosnia &amp; Herzegovina` reads `Bosnia & Herzegovina`)."""
    return "".join(p.text for p in parse(Path(), fragment).pieces if not p.hidden)


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for external links. The path
    is made as a browser makes it, from the text (`a/../b` is `b`), without asking the disk but
    whether a path without a closing `/` is a folder."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    here = os.path.abspath(page)
    path = unquote(parts.path)
    target = Path(os.path.normpath(os.path.join(os.path.dirname(here), path)) if path else here)
    if path.endswith("/") or (path and target.is_dir()):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def under(site: Path, path: Path) -> bool:
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(site))
