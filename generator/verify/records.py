"""Whether a built site holds every record of its story: a page for each record whose type has
pages, each statement's card on its speakers' pages with its citations landing on the marked
words, every record in the downloads and a search record for everything readers search.

A record that is missing is reported at the content file and line that hold it (what the
contributor opens); a fault inside a page, at the page's file and line. Part of `verify`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from generator.content.graph import Node
from generator.content.linking import Linked
from generator.content.problems import Problem, display_path
from generator.content.quotation import normalise_space
from generator.model import urls
from generator.model.records import RECORD_TYPES, REGISTRY, Collection
from generator.pages.downloads import DATA_FILES, FORMAT, TABLE_RECORDS, tables
from generator.pages.rendering import Links
from generator.pages.search_records import INDEX_FOLDER, maker
from generator.publish.pagefind import fragment_record, fragments
from generator.verify.html import Element, Page, read, resolve

REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.IGNORECASE)


@dataclass
class SitePage:
    """A page of the site, with what the record checks look up in it."""

    page: Page
    ids: dict[str, Element] = field(default_factory=dict)  # the first element with each id
    cites: dict[str, list[Element]] = field(default_factory=dict)  # each card's, by its id
    marks: dict[str, str] = field(default_factory=dict)  # the marked words, by quotation anchor

    @classmethod
    def of(cls, page: Page) -> SitePage:
        found = cls(page)
        for element in page.elements:
            if "id" in element.attrs:
                found.ids.setdefault(element.attrs["id"], element)
            if element.tag == "mark" and "data-q" in element.attrs:
                quotation = element.attrs["data-q"]
                found.marks[quotation] = found.marks.get(quotation, "") + element.text
            if element.tag == "a" and "xp-cite" in element.attrs.get("class", "").split():
                card = element.parent
                while card is not None and not (card.tag == "article" and "id" in card.attrs):
                    card = card.parent
                if card is not None:
                    found.cites.setdefault(card.attrs["id"], []).append(element)
        return found


@dataclass(frozen=True)
class Site:
    """A story's built site: where each page's file is, and how problems name its files."""

    root: Path  # the story's folder, which problems name files relative to
    folder: Path  # absolute, resolved
    scheme: urls.Scheme

    def file(self, page: str) -> Path:
        """The HTML file of a Markdown page (`people/x.md`)."""
        served = self.scheme.url_of(page)
        return self.folder / (served + "index.html" if self.scheme.directory_urls else served)

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def page(self, path: Path) -> SitePage | None:
        """The page at `path`, or None when there is none (reported where pages are listed)."""
        try:
            return SitePage.of(read(path))
        except (OSError, UnicodeDecodeError):
            return None

    def at(self, path: Path, element: Element | None, message: str) -> Problem:
        """A problem in a site file, at the element concerned when there is one."""
        line, column = (element.line, element.column) if element else (0, 0)
        return Problem(self.shown(path), line, column, message)


def in_content(story: Linked, collection: str, record_id: str, message: str) -> Problem:
    """A problem reported at the record's place in the content, where a contributor looks."""
    path, line = story.origin(collection, record_id)
    return Problem(path, line, 1, message)


def record_pages(site: Site, story: Linked) -> list[Problem]:
    """A page for every section and for every record of each type that has pages."""
    problems = [
        Problem(site.shown(site.file(page)), 0, 0, f"the {kind} page is missing")
        for kind, page in urls.SECTION_PAGES.items()
        if not site.file(page).is_file()
    ]
    for collection in RECORD_TYPES:
        if collection.folder is None:
            continue
        for record_id, node in story.graph.nodes[collection.name].items():
            file = site.file(node.own_page())
            if not file.is_file():
                where = site.shown(file)
                what = f"{collection.record} '{record_id}' has no page: {where} is missing"
                problems.append(in_content(story, collection.name, record_id, what))
    for record_id, article in story.graph.articles.items():
        if article.moved_from is not None:
            problems += moved(site, story, record_id, article)
    return problems


def moved(site: Site, story: Linked, record_id: str, article: Node) -> list[Problem]:
    """The article's old address (by its id) is a page that sends readers on to its page."""
    old, new = site.file(article.moved_from), site.file(article.own_page())
    page = site.page(old)
    if page is None:
        what = f"the old address of article '{record_id}' is gone: {site.shown(old)} is missing"
        return [in_content(story, "seeds", record_id, what)]
    targets = {resolve(site.folder, old, href) for href in refreshes(page.page)}
    if (new, "") in targets:
        return []
    what = f"this page does not send readers on to article '{record_id}' at {site.shown(new)}"
    return [site.at(old, None, what)]


def refresh_target(element: Element) -> str | None:
    """Where a `<meta http-equiv="refresh">` sends its reader; None for any other element."""
    refresh = REFRESH.match(element.attrs.get("content", ""))
    if element.tag == "meta" and element.attrs.get("http-equiv") == "refresh" and refresh:
        return refresh[1].strip()
    return None


def refreshes(page: Page) -> Iterator[str]:
    """Where a page's refresh sends its reader, if it has one."""
    for element in page.elements:
        target = refresh_target(element)
        if target is not None:
            yield target


def is_moved(page: Page) -> bool:
    """Whether a page only stands at an old address, sending readers on (never indexed)."""
    robots = any(
        e.tag == "meta"
        and e.attrs.get("name") == "robots"
        and "noindex" in e.attrs.get("content", "")
        for e in page.elements
    )
    return robots and any(refreshes(page))


def statement_cards(site: Site, story: Linked) -> list[Problem]:
    """Each statement's card, with its words, on the page of each of its speakers; on its home
    page (its first speaker's), each citation of a quotation links to the words marked in the
    cited paragraph. Each page is read once, however many cards it has."""
    cards: dict[Path, list[tuple[Node, Node]]] = defaultdict(list)
    for statement in story.graph.statements.values():
        for speaker in statement.speakers:
            cards[site.file(speaker.own_page())].append((statement, speaker))
    problems: list[Problem] = []
    landings: dict[Path, list[Landing]] = defaultdict(list)
    for file, on_page in cards.items():
        page = site.page(file)
        if page is None:
            continue  # reported as a missing page
        for statement, speaker in on_page:
            card = page.ids.get(urls.statement_anchor(statement))
            if card is None:
                problems.append(_missing_card(site, story, file, statement, speaker))
            elif normalise_space(statement.text) not in normalise_space(card.text):
                what = f"the card of statement '{statement.id}' lacks its words"
                problems.append(site.at(file, card, what))
            elif statement.kind == "direct" and speaker is statement.speakers[0]:  # its home
                problems += _citations(site, page, card, statement, landings)
    for article, arriving in landings.items():
        problems += _marked(site, article, arriving)
    return problems


def _missing_card(site: Site, story: Linked, file: Path, statement: Node, speaker: Node) -> Problem:
    what = (
        f"statement '{statement.id}' is not on {site.shown(file)}, the page of its speaker "
        f"'{speaker.id}' (no element there has the id '{urls.statement_anchor(statement)}')"
    )
    return in_content(story, "statements", statement.id, what)


class Landing(NamedTuple):
    """Where a citation of a quotation lands: its anchor on the article's page, and the words
    that must be marked there."""

    anchor: str
    statement: Node
    words: str


def _citations(
    site: Site, page: SitePage, card: Element, statement: Node, landings: dict[Path, list[Landing]]
) -> list[Problem]:
    """Each report of a quotation is cited on its card by a link to the marked words; where
    the link lands is checked with the article's page (`_marked`)."""
    file = page.page.path
    links = page.cites.get(card.attrs["id"], [])
    landing = {resolve(site.folder, file, link.attrs.get("href", "")) for link in links}
    problems = []
    for report in statement.all_reports:
        anchor = urls.quote_anchor(statement, report.paragraph)
        article = site.file(report.article.own_page())
        if (article, anchor) in landing:
            landings[article].append(Landing(anchor, statement, report.words))
            continue
        what = (
            f"the card of statement '{statement.id}' does not link its source "
            f"({report.article.id}, paragraph {report.paragraph}) to the quoted words, "
            f"{site.shown(article)}#{anchor}"
        )
        problems.append(site.at(file, card, what))
    return problems


def _marked(site: Site, article: Path, arriving: list[Landing]) -> list[Problem]:
    """The element each citation lands on is its quotation's mark, holding its words (a mark
    cut by another quotation is in pieces, each naming it in `data-q`)."""
    page = site.page(article)
    if page is None:
        return []  # reported as a missing page
    problems = []
    for anchor, statement, words in arriving:
        target = page.ids.get(anchor)
        if target is None:
            continue  # a broken link, reported with the page that holds it
        if target.tag != "mark":
            what = f"#{anchor}, where statement '{statement.id}' is cited, is not its marked words"
            problems.append(site.at(article, target, what))
        elif normalise_space(page.marks.get(anchor, "")) != normalise_space(words):
            what = f"the words marked at #{anchor} are not those statement '{statement.id}' quotes"
            problems.append(site.at(article, target, what))
    return problems


def downloads(site: Site, story: Linked) -> list[Problem]:
    """data/facts.json and the CSV tables parse, and hold every record of the content."""
    problems = _facts(site, story)
    made = tables(story)
    for name, collection in TABLE_RECORDS.items():
        expected = _first_column(made[name])
        problems += _table(site, story, name, collection, expected)
    return problems


def _facts(site: Site, story: Linked) -> list[Problem]:
    path = site.folder / DATA_FILES[0]
    shown = site.shown(path)
    text = _text(path)
    if text is None:
        return [Problem(shown, 0, 0, "the facts download is missing")]
    try:
        facts = json.loads(text)
    except json.JSONDecodeError as error:
        return [Problem(shown, error.lineno, error.colno, f"not valid JSON: {error.msg}")]
    if not isinstance(facts, dict) or facts.get("format") != FORMAT:
        return [Problem(shown, 1, 1, f'not the story\'s facts (no "format": "{FORMAT}")')]
    problems = []
    for collection in RECORD_TYPES:
        held = facts.get(collection.key)
        if collection.many:
            problems += _facts_of(story, collection, held, shown, text)
        elif not isinstance(held, dict):
            problems.append(Problem(shown, 1, 1, f"the {collection.record} is missing"))
    return problems


def _facts_of(
    story: Linked, collection: Collection, held: object, shown: str, text: str
) -> list[Problem]:
    """The records of one type in data/facts.json: every one of the content, and no other."""
    items = held if isinstance(held, list) else []
    ids = {str(i["id"]) for i in items if isinstance(i, dict) and "id" in i}
    records = story.records[collection.name]
    problems = []
    for record_id in records:
        if record_id not in ids:
            what = f"{collection.record} '{record_id}' is missing from {shown}"
            problems.append(in_content(story, collection.name, record_id, what))
    for record_id in sorted(ids - set(records)):
        line, column = _place(text, f'"id": {json.dumps(record_id, ensure_ascii=False)}')
        what = f"{collection.record} '{record_id}' is in no content file"
        problems.append(Problem(shown, line, column, what))
    return problems


def _table(
    site: Site, story: Linked, name: str, collection: str, expected: list[str]
) -> list[Problem]:
    path = site.folder / name
    shown = site.shown(path)
    text = _text(path)
    if text is None:
        return [Problem(shown, 0, 0, "this download is missing")]
    try:
        held = _first_column(text)
    except csv.Error as error:
        return [Problem(shown, 0, 0, f"not a valid CSV table: {error}")]
    record = REGISTRY[collection].record
    rows = set(held)
    problems = []
    for record_id in dict.fromkeys(expected):
        if record_id not in rows:
            what = f"{record} '{record_id}' is missing from {shown}"
            problems.append(in_content(story, collection, record_id, what))
    for record_id in dict.fromkeys(held):
        if record_id not in story.records[collection]:
            line, column = _place(text, f'"{record_id}"')
            what = f"{record} '{record_id}' is in no content file"
            problems.append(Problem(shown, line, column, what))
    return problems


def _first_column(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [row[0] for row in rows[1:] if row]


def search_records(site: Site, story: Linked) -> list[Problem]:
    """A record in the site's search index for every record readers search
    (generator/pages/search_records.py says which), leading where search leads."""
    index = site.folder / INDEX_FOLDER
    if not index.is_dir():
        return [Problem(site.shown(index), 0, 0, "the search index is missing")]
    problems = []
    hrefs: set[object] = set()
    for fragment in fragments(site.folder):
        try:
            hrefs.add(fragment_record(fragment)["href"])
        except (OSError, ValueError) as error:
            what = f"not a search record Pagefind can read ({error})"
            problems.append(Problem(site.shown(fragment), 0, 0, what))
    links = Links(urls.SECTION_PAGES["home"], site.scheme)
    for collection in RECORD_TYPES:
        make = maker(collection)
        if make is None:
            continue
        for record_id, node in story.graph.nodes[collection.name].items():
            url = make(node, links).url
            if url not in hrefs:
                what = f"{collection.record} '{record_id}' has no search record (leading to {url})"
                problems.append(in_content(story, collection.name, record_id, what))
    return problems


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _place(text: str, needle: str) -> tuple[int, int]:
    """The line and column where `needle` first stands in `text` (0, 0 when it does not)."""
    at = text.find(needle)
    if at == -1:
        return 0, 0
    line_start = text.rfind("\n", 0, at) + 1
    return text.count("\n", 0, at) + 1, at - line_start + 1
