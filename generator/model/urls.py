"""Where each page lives, and relative links between pages that work under any sub-path.

Links sit inside raw HTML, which MkDocs does not rewrite, so they are computed here, for the
site's `use_directory_urls` (a `Scheme`): with it (MkDocs' default) `people/x.md` is served at
`people/x/`, without it at `people/x.html`.
"""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from generator.model.records import RECORD_TYPES
from generator.model.sections import SECTIONS, named

# The site's section pages, by kind. Record pages live in folders beside them, so an id that
# names a section's own page (`index`) would overwrite it: `check` refuses such ids.
SECTION_PAGES = {section.name: section.page for section in SECTIONS}
# Listings split into numbered pages past this many entries each, so no page grows without
# bound: the first keeps the section's path, the next are `page-2`, `page-3`… in its folder.
# A listing that fits on one page is not split. (Sized for about 200 KB of HTML a page.)
PAGE_ENTRIES = {s.name: s.per_page for s in SECTIONS if s.per_page is not None}
_NUMBERED = re.compile(r"(?P<folder>[a-z]+)/page-(?P<number>[0-9]+)/")
# The folder of each collection whose records get a page of their own ("seeds": articles).
RECORD_FOLDERS = {c.name: c.folder for c in RECORD_TYPES if c.folder}
# Each statement's share page (`said/<id>/`): static HTML whose title and description name the
# speaker and the words, for link previews, sending readers on to the statement's card.
SHARE_FOLDER = "said"
# The story's Atom feed of dated news, at the site's root beside the home page: static XML that
# MkDocs copies as it is (generator/pages/feed.py).
FEED_FILE = "feed.xml"


def url_of(page: str) -> str:
    """The served directory of a Markdown page with directory URLs, relative to the site root
    ('' for the home)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def file_url_of(page: str) -> str:
    """The served file of a Markdown page without directory URLs: `people/x.html`."""
    return page.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class Scheme:
    """How the site serves its pages (MkDocs' `use_directory_urls`): `site.directory_urls`."""

    directory_urls: bool = True
    # Where the site is published (`site.url`, or SITE_URL), ending in "/"; None when not set.
    # Only what must be absolute uses it: og:url, canonical links, the feed's ids and links.
    address: str | None = None
    # The cached link function of this scheme, chosen once: links are asked for hundreds of
    # thousands of times on a big story.
    _link: Callable[[str, str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        link = _relative_dir if self.directory_urls else _relative_file
        object.__setattr__(self, "_link", link)

    def url_of(self, page: str) -> str:
        """Where the page is served, relative to the site root."""
        return url_of(page) if self.directory_urls else file_url_of(page)

    def folder_of(self, page: str) -> str:
        """The folder relative links on the page start from ('' for the site root)."""
        return url_of(page) if self.directory_urls else posixpath.dirname(file_url_of(page))

    def relative(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        path = self._link(from_page, to_page)
        return f"{path}#{anchor}" if anchor else path

    def absolute(self, page: str, anchor: str | None = None) -> str | None:
        """The page's full address, where the site's address is known; else None."""
        return self.absolute_file(self.url_of(page), anchor)

    def absolute_file(self, served: str, anchor: str | None = None) -> str | None:
        """The full address of a path the site serves (`feed.xml`), where it is known."""
        if self.address is None:
            return None
        return self.address + served + (f"#{anchor}" if anchor else "")


@cache
def _relative_dir(from_page: str, to_page: str) -> str:
    """Cached and done on path segments: a big story asks for a few hundred thousand links."""
    here, there = _segments(from_page), _segments(to_page)
    shared = 0
    while shared < min(len(here), len(there)) and here[shared] == there[shared]:
        shared += 1
    parts = [".."] * (len(here) - shared) + list(there[shared:])
    return "/".join(parts) + "/" if parts else "./"


@cache
def _segments(page: str) -> tuple[str, ...]:
    """The folders of a page's served directory: each page's, once."""
    return tuple(part for part in url_of(page).split("/") if part)


@cache
def _relative_file(from_page: str, to_page: str) -> str:
    """As `_relative_dir`, from the folder a page's file is in to the other page's file."""
    here = file_url_of(from_page).split("/")[:-1]
    there = file_url_of(to_page).split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    return "/".join([".."] * (len(here) - shared) + there[shared:])


DIRECTORY_URLS = Scheme(directory_urls=True)
FILE_URLS = Scheme(directory_urls=False)


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link with directory URLs, MkDocs' default."""
    return DIRECTORY_URLS.relative(from_page, to_page, anchor)


def share_page(statement: Identified) -> str:
    """The share page of a statement, as a page path (for links)."""
    return f"{SHARE_FOLDER}/{statement.id}.md"


def share_file(statement: Identified, scheme: Scheme) -> str:
    """Where the share page's HTML goes, by its path under the site: finished HTML (not
    Markdown), written beside the docs folder and put into the site without MkDocs
    (generator/publish/sharepages.py), served at its link."""
    return static_file(share_page(statement), scheme)


def static_file(page: str, scheme: Scheme) -> str:
    """Where a page written as finished HTML (not Markdown) goes under the docs folder, so that
    it is served at the address a Markdown page of that path would be."""
    return scheme.url_of(page) + "index.html" if scheme.directory_urls else scheme.url_of(page)


def section_page(name: str) -> str:
    """A section's page, by its name in the registry: an unknown name is a KeyError naming the
    known ones."""
    return named(name).page


def numbered_page(kind: str, number: int) -> str:
    """Page `number` (from 1) of a section's listing."""
    page = SECTION_PAGES[kind]
    return page if number == 1 else f"{url_of(page)}page-{number}.md"


def listing_page(kind: str, index: int) -> str:
    """The page of a section's listing that shows its entry number `index` (from 0)."""
    return numbered_page(kind, index // PAGE_ENTRIES[kind] + 1)


def listing_pages(kind: str, entries: int) -> list[str]:
    """Every page of a section's listing of so many entries: at least its first."""
    count = max(1, math.ceil(entries / PAGE_ENTRIES[kind]))
    return [numbered_page(kind, number) for number in range(1, count + 1)]


def numbered_listing(served: str) -> str | None:
    """What a served path is, if the site keeps it for a listing's numbered pages."""
    match = _NUMBERED.fullmatch(served)
    for kind in PAGE_ENTRIES:
        if match and url_of(SECTION_PAGES[kind]) == match["folder"] + "/":
            return f"kept for page {int(match['number'])} of the {kind} list"
    return None


def record_page(collection: str, record_id: str) -> str:
    """The page named by a record's id. An article's page is named by its slug instead
    (`article_pages`); this is its old address, kept as a redirect (`moved_file`)."""
    return f"{RECORD_FOLDERS[collection]}/{record_id}.md"


# Articles' pages are named for readers, not by their seed files' ids (`000_2fea662c6618083a`):
# `sources/the-daily-ledger-2026-03-04/`, from the outlet and the publication date.
ARTICLE_FOLDER = RECORD_FOLDERS["seeds"]
SLUG_CHARACTERS = 60  # an outlet's or title's slug is cut at a word to at most this many
_NOT_SLUG = re.compile(r"[\W_]+")


class Sluggable(Protocol):
    """An article, or its node: what its slug is made from."""

    @property
    def id(self) -> str: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> dt.date | None: ...
    @property
    def title(self) -> str | None: ...


def slug_words(text: str, limit: int | None = None) -> str:
    """Text as words of a web address: lower case, accents dropped, any run of what is not a
    letter or digit one hyphen (`Le Café` is `le-cafe`); cut at a word to `limit` characters."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = _NOT_SLUG.sub("-", plain.casefold()).strip("-")
    if limit is not None and len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug


def article_slug(article: Sluggable) -> str:
    """An article's slug before collisions: its outlet and publication date
    (`the-daily-ledger-2026-03-04`); without an outlet, its headline's first words, or
    `article`; without a date, no date. Made from these three fields only, so that adding or
    changing another article never changes it (but for `article_pages`' collision suffix)."""
    name = slug_words(article.outlet or "", SLUG_CHARACTERS)
    name = name or slug_words(article.title or "", SLUG_CHARACTERS)
    date = article.published.isoformat() if article.published else ""
    return "-".join(part for part in (name or "article", date) if part)


def _reserved(slug: str) -> bool:
    """Names of the sources folder the site uses itself: its index, the listing's numbered
    pages (`page-2`)."""
    served = url_of(f"{ARTICLE_FOLDER}/{slug}.md")
    return slug == "index" or numbered_listing(served) is not None


def article_pages(articles: Iterable[Sluggable]) -> dict[str, str]:
    """Each article's page by its id: `sources/SLUG.md`. Where two articles' slugs are the same,
    the first by id keeps it and the next get `-2`, `-3`… in the order of their ids, so an
    article's address changes only if an article with a smaller id and the same slug is added."""
    taken: set[str] = set()
    pages: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        base = article_slug(article)
        slug, number = base, 1
        while slug in taken or _reserved(slug):
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        pages[article.id] = f"{ARTICLE_FOLDER}/{slug}.md"
    return pages


def moved_file(old_page: str, scheme: Scheme) -> str:
    """Where the page that sends a reader from an old address (an article's, by its id) on to
    its page now goes under the docs folder."""
    return static_file(old_page, scheme)


# Anchors made from record ids carry a prefix per kind (`s-`, `p-`, and `record_anchor`'s), so
# they never equal each other, a heading's id (page titles written by contributors get a fixed
# id, TITLE_ID) or the theme's own ids: a glossary term `glossary` is `term-glossary`, not the
# page's `glossary` heading.
TITLE_ID = "title"


class Identified(Protocol):
    """A statement, or its node in the graph: anything with the statement's id."""

    @property
    def id(self) -> str: ...


def statement_anchor(statement: Identified) -> str:
    return f"s-{statement.id}"


def paragraph_anchor(paragraph: int) -> str:
    return f"p-{paragraph}"


def quote_anchor(statement: Identified, paragraph: int) -> str:
    """A statement's quoted words marked in a paragraph of an article's page."""
    return f"q-{paragraph}-{statement.id}"


def page_slug(page: str) -> str:
    """A page's own name, as its address ends: `sources/the-courier-2026-03-03.md` →
    `the-courier-2026-03-03` (an article's anchor on the sources listing, never its id)."""
    return posixpath.basename(page).removesuffix(".md")


def record_anchor(kind: str, record_id: str) -> str:
    """A record's anchor on a listing page (`term`, `event`, `correction`, `article`,
    `speaker`): prefixed by its kind, so no id can equal a heading's (`glossary`, `timeline`)."""
    return f"{kind}-{record_id}"
