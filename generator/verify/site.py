"""`verify`: whether a built site is right for its story, whatever the story.

Run on site/ after `build`, it reads every HTML page and checks what a reader relies on: every
internal link and anchor resolves, no page repeats an element id, each page's JSON-LD parses,
and no file path or internal id shows in the text readers see; and, with the story checked
and linked as `check` does, that every record is on the site (generator/verify/records.py).

What readers see is the text of every page outside scripts and styles, the attributes that
show as text or are read aloud (`title`, `alt`, `aria-label`, the tooltips' `data-tip`,
`placeholder`) and the descriptions link previews show. None of it may name a file: a page's
Edit link (where the story names its repository) carries its file and line in its address only.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.build import check
from generator.content.linking import Linked
from generator.content.problems import Problem, display_path
from generator.model import urls
from generator.project import Project
from generator.publish.config import site_config
from generator.verify.html import Element, Page, read, resolve, site_pages, under
from generator.verify.records import (
    Site,
    downloads,
    is_moved,
    record_pages,
    refresh_target,
    search_records,
    statement_cards,
)

GENERATOR = Path(generator.__file__).parent  # its code and templates make the site too
NOT_FOUND = "404.html"  # served at any address, so MkDocs gives it root-relative links
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "data-tip", "placeholder")
PREVIEW_META = {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
# Paths of the story's folders and files: `content/`, `seeds/`, `build/`, a YAML file.
FILE_PATH = re.compile(r"(?<![\w/.-])(?:content|seeds|build)/|\.ya?ml\b")
TOKEN = re.compile(r"[\w-]+")
OPENING, CLOSING = "([{'\"‘“«", ".,;:!?)]}'\"’”»"
LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


@dataclass(frozen=True)
class Verified:
    pages: int
    problems: list[Problem]


def unbuilt(project: Project) -> str | None:
    """Why site/ cannot be verified as it stands, or None: there is none, or something it is
    made from (content, seeds, the files beside them, the generator with its theme)
    changed after it was built. Told by times, so a copy made with its times kept (`cp -a`)
    is verified where it is."""
    try:
        built = project.site.stat().st_mtime_ns  # site/ changes last in a build: swapped in
    except OSError:
        built = None
    if built is None or not (project.site / "index.html").is_file():
        return "site/: there is no built site"
    inputs = [project.content, project.seeds, *project.beside(), GENERATOR]
    newest = max(_times(inputs), default=None)
    if newest is not None and newest[0] > built:
        return f"site/ is older than {display_path(newest[1], project.root)}"
    return None


def _times(tops: list[Path]) -> Iterator[tuple[int, Path]]:
    """When each file under `tops` last changed (links not followed, nor Python's caches)."""
    for top in tops:
        with contextlib.suppress(OSError):
            yield top.lstat().st_mtime_ns, top
        for folder, folders, files in os.walk(top):
            folders[:] = [f for f in folders if f != "__pycache__"]
            for name in files:
                path = Path(folder, name)
                with contextlib.suppress(OSError):
                    yield path.lstat().st_mtime_ns, path


def verify(project: Project) -> Verified:
    """Every problem of the built site (run `unbuilt` first), or the content's own problems
    when it does not pass `check`."""
    story, problems = check(project)
    if story is None or problems:
        return Verified(0, problems)
    site = Site(project.root, project.site.resolve(), site_config(story.story).scheme)
    paths = site_pages(site.folder)
    problems = [*_pages(site, story, paths), *record_pages(site, story)]
    problems += statement_cards(site, story)
    problems += downloads(site, story)
    problems += search_records(site, story)
    return Verified(len(paths), problems)


def _pages(site: Site, story: Linked, paths: list[Path]) -> list[Problem]:
    """Each page's own problems, then its links (which need every page's ids)."""
    problems: list[Problem] = []
    ids: dict[Path, set[str]] = {}
    links: list[tuple[Path, Element, str]] = []
    files = {Path(folder, name) for folder, _f, names in os.walk(site.folder) for name in names}
    forbidden = _forbidden(story, site)
    for path in paths:
        try:
            page = read(path)
        except (OSError, UnicodeDecodeError) as error:
            problems.append(site.at(path, None, f"this page cannot be read ({error})"))
            continue
        ids[path] = page.ids
        problems += _repeated_ids(site, page)
        problems += _leaks(site, page, forbidden)
        if path.name != NOT_FOUND and not is_moved(page):  # a page only sending readers on
            problems += _json_ld(site, page)
            links += [(path, element, href) for element, href in _links(page)]
    for path, element, href in links:
        problem = _broken(site, files, ids, path, href)
        if problem is not None:
            problems.append(site.at(path, element, f"broken link '{href}': {problem}"))
    return problems


def _links(page: Page) -> Iterator[tuple[Element, str]]:
    for element in page.elements:
        attribute = LINKING.get(element.tag)
        if attribute is not None and attribute in element.attrs:
            yield element, element.attrs[attribute]
        target = refresh_target(element)
        if target is not None:
            yield element, target


def _broken(
    site: Site, files: set[Path], ids: dict[Path, set[str]], path: Path, href: str
) -> str | None:
    """What is wrong with an internal link, or None (an external one is not followed)."""
    resolved = resolve(site.folder, path, href)
    if resolved is None:
        return None
    target, fragment = resolved
    if not under(site.folder, target):
        return "it leads out of the site"
    if target not in files:
        return f"{site.shown(target)} does not exist"
    if fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
        where = "this page" if target == path else site.shown(target)
        return f"no element of {where} has the id '{fragment}'"
    return None


def _repeated_ids(site: Site, page: Page) -> list[Problem]:
    first: dict[str, Element] = {}
    problems = []
    for element in page.elements:
        element_id = element.attrs.get("id")
        if element_id is None:
            continue
        if element_id in first:
            earlier = first[element_id]
            what = (
                f"the id '{element_id}' is on two elements of this page (the first at line "
                f"{earlier.line}, column {earlier.column})"
            )
            problems.append(site.at(page.path, element, what))
        else:
            first[element_id] = element
    return problems


def _json_ld(site: Site, page: Page) -> list[Problem]:
    """Each page describes itself in one JSON-LD block that parses as schema.org data."""
    blocks = [
        e
        for e in page.elements
        if e.tag == "script" and e.attrs.get("type") == "application/ld+json"
    ]
    if not blocks:
        return [site.at(page.path, None, "this page has no JSON-LD")]
    problems = [
        site.at(page.path, block, f"a second JSON-LD block (the first is at line {blocks[0].line})")
        for block in blocks[1:]
    ]
    for block in blocks:
        text = block.content
        if "<" in text:
            what = "the JSON-LD holds '<', which could end its script element early"
            problems.append(site.at(page.path, block, what))
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            line, column = _within(block, error.lineno, error.colno)
            what = f"the JSON-LD is not valid JSON: {error.msg}"
            problems.append(Problem(site.shown(page.path), line, column, what))
            continue
        context = data.get("@context") if isinstance(data, dict) else None
        if not (isinstance(context, str) and context.rstrip("/").endswith("schema.org")):
            what = "the JSON-LD is not schema.org data (its @context is not https://schema.org)"
            problems.append(site.at(page.path, block, what))
    return problems


def _within(block: Element, line: int, column: int) -> tuple[int, int]:
    """The page's line and column of a place in an element's text (1-based in both)."""
    first = block.pieces[block.start] if block.start < len(block.pieces) else None
    if first is None:
        return block.line, block.column
    return first.line + line - 1, (first.column + column - 1 if line == 1 else column)


@dataclass(frozen=True)
class _Forbidden:
    """What must not show in readers' text: the story folder's absolute path, and the ids the
    generator makes for its anchors (a statement's, a quotation's), and statements' and
    articles' own ids of more than one word (an id of one word is an ordinary word too; an
    article's is its seed file's name, such as `000_2fea662c6618083a`)."""

    root: str
    ids: frozenset[str]


def _forbidden(story: Linked, site: Site) -> _Forbidden:
    ids: set[str] = set()
    for statement in story.graph.statements.values():
        ids.add(urls.statement_anchor(statement))
        ids.update(urls.quote_anchor(statement, r.paragraph) for r in statement.all_reports)
        if "-" in statement.id or "_" in statement.id:
            ids.add(statement.id)
    ids.update(key for key in story.graph.articles if "-" in key or "_" in key)
    return _Forbidden(str(site.root), frozenset(ids))


def _leaks(site: Site, page: Page, forbidden: _Forbidden) -> list[Problem]:
    problems = []
    for piece in page.pieces:
        if piece.hidden:
            continue
        for offset, what in _leaked(piece.text, forbidden):
            line, column = _position(piece.text, offset, piece.line, piece.column)
            problems.append(Problem(site.shown(page.path), line, column, what))
    for element in page.elements:
        for value in _shown_attributes(element):
            problems += [site.at(page.path, element, what) for _, what in _leaked(value, forbidden)]
    return problems


def _shown_attributes(element: Element) -> Iterator[str]:
    for name in SHOWN_ATTRIBUTES:
        if name in element.attrs:
            yield element.attrs[name]
    if element.tag == "meta":
        kind = element.attrs.get("name") or element.attrs.get("property")
        if kind in PREVIEW_META and "content" in element.attrs:
            yield element.attrs["content"]


def _leaked(text: str, forbidden: _Forbidden) -> Iterator[tuple[int, str]]:
    """Each file path or internal id in a text: where it starts, and the problem."""
    reported = -1  # where the last word reported ends: `content/x.yaml` is one path
    for match in FILE_PATH.finditer(text):
        if match.start() < reported:
            continue
        start, reported = _word(text, match.start(), match.end())
        yield start, f"a file path shows in the text readers see: '{text[start:reported]}'"
    at = text.find(forbidden.root) if len(forbidden.root) > 1 else -1
    if at != -1:
        yield at, f"the story's folder ({forbidden.root}) shows in the text readers see"
    for match in TOKEN.finditer(text):
        if match[0] in forbidden.ids:
            yield match.start(), f"an internal id shows in the text readers see: '{match[0]}'"


def _word(text: str, start: int, end: int) -> tuple[int, int]:
    """The word (between spaces) around text[start:end], without the punctuation around it."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while start < end and text[start] in OPENING:
        start += 1
    while end > start and text[end - 1] in CLOSING:
        end -= 1
    return start, end


def _position(text: str, offset: int, line: int, column: int) -> tuple[int, int]:
    """The page's line and column of `text[offset]`, for a text that starts at line:column."""
    newlines = text.count("\n", 0, offset)
    if newlines == 0:
        return line, column + offset
    return line + newlines, offset - text.rfind("\n", 0, offset)
