"""Readers see no plumbing: no page of a built fixture site shows a file path, an id or a type tag
after a link in the text readers see (its words, and the attributes shown as text or read aloud),
and no link leads to an article's address by its seed file's id. The mini story is built once
more with its article's id hash-like, as a real story's seed ids are (`000_2fea662c6618083a`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model.records import RECORD_TYPES
from generator.verify.html import Page, read, resolve, site_pages
from generator.verify.records import is_moved
from generator.verify.site import PREVIEW_META, SHOWN_ATTRIBUTES
from tests.conftest import MINI, built, make_project

HASHED = "007_5ab1c0ffee15d00d"
SITE_URL = (
    "https://news.example/bridge/"  # the mini story's article, under an id like a real seed's
)
TAGS = sorted(
    {f"({c.record})" for c in RECORD_TYPES}
    | {"(the story's summary)", "(reference)", "(organisation)", "(country)"}
)
PLUMBING = re.compile(
    r"yaml|content/|seeds/|Source file|\b[0-9]{3}_[0-9a-f]{6,}\b|\b[0-9a-f]{12,}\b|fic-[a-z]|"
    + "|".join(re.escape(tag) for tag in TAGS),
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def hashed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(MINI, tmp_path_factory.mktemp("hashed"))
    for path in [*root.glob("content/*.yaml"), *root.glob("seeds/*")]:
        text = path.read_text(encoding="utf-8").replace("fic-bridge", HASHED)
        path.write_text(text, encoding="utf-8")
        if path.stem == "fic-bridge":
            path.rename(path.with_stem(HASHED))
    with open(root / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write(f"site: {{url: '{SITE_URL}'}}\n")  # so that MkDocs writes a sitemap
    return built(root)


def shown(page: Page) -> str:
    """What readers see and hear of a page: its text, and the attributes shown as text."""
    values = [page.text]
    for element in page.elements:
        values += [element.attrs[name] for name in SHOWN_ATTRIBUTES if name in element.attrs]
        kind = element.attrs.get("name") or element.attrs.get("property")
        if element.tag == "meta" and kind in PREVIEW_META:
            values.append(element.attrs.get("content", ""))
    return " ".join(values)


def plumbing(site: Path) -> list[str]:
    found = []
    for path in site_pages(site):
        text = shown(read(path))
        for match in PLUMBING.finditer(text):
            around = text[max(0, match.start() - 40) : match.end() + 20]
            found.append(f"{path.relative_to(site)}: {match[0]!r} in …{around}…")
    return found


@pytest.mark.parametrize("fixture", ["mini_site", "story_project", "hashed"])
def test_no_page_shows_a_file_an_id_or_a_type_tag(request, fixture):
    assert plumbing(request.getfixturevalue(fixture) / "site") == []


def test_the_scan_finds_what_the_site_used_to_show(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        "<p>Other facts citing it: <a href=x>Ada Quill</a> (person); <a>Glass River</a> "
        "(glossary term)</p><p class=xp-edit><small>Source file: content/people.yaml:1</small>"
        f"</p><a href=x title='{HASHED}'>x</a>",
        encoding="utf-8",
    )
    assert [line.split(" in ")[0] for line in plumbing(tmp_path)] == [
        "index.html: '(person)'",
        "index.html: '(glossary term)'",
        "index.html: 'Source file'",
        "index.html: 'content/'",
        "index.html: 'yaml'",
        f"index.html: '{HASHED}'",
    ]


def test_no_link_leads_to_an_articles_address_by_its_id(hashed):
    site = hashed / "site"
    old = site / "sources" / HASHED / "index.html"
    leading = [
        f"{path.relative_to(site)}: {href}"
        for path in site_pages(site)
        if path != old
        for href in read(path).links()
        if (target := resolve(site, path, href)) is not None and target[0] == old
    ]
    assert old.is_file() and is_moved(read(old))  # the old address still answers…
    assert leading == []  # …but nothing of the site links to it


def test_the_sitemap_lists_the_articles_page_and_not_its_old_address(hashed):
    sitemap = (hashed / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}sources/article/</loc>" in sitemap
    assert HASHED not in sitemap
