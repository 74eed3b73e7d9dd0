"""A small reader of built HTML pages for tests: elements, ids, links and visible text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page:
    path: Path
    elements: list[Element] = field(default_factory=list)
    text: str = ""

    @property
    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    def by_id(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.attrs.get("id") == element_id)

    def links(self) -> list[str]:
        return [e.attrs["href"] for e in self.elements if e.tag == "a" and "href" in e.attrs]


class _Reader(HTMLParser):
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

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[Element] = []
        self.skip = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.page.elements.append(element)
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.chunks.append(data)
        for element in self.open:
            element.text += data


def read(path: Path) -> Page:
    page = Page(path)
    reader = _Reader(page)
    reader.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join("".join(reader.chunks).split())
    return page


def text_of(fragment: str) -> str:
    """The text a reader sees in a piece of HTML, such as a search index entry's title or text
    (`Bosnia &amp; Herzegovina` reads `Bosnia & Herzegovina`)."""
    reader = _Reader(Page(Path()))
    reader.feed(fragment)
    reader.close()
    return "".join(reader.chunks)


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def under(site: Path, path: Path) -> bool:
    try:
        path.relative_to(site.resolve())
    except ValueError:
        return False
    return True
