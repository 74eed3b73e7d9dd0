"""Each page's JSON-LD is valid JSON-LD of the schema.org types the page is about."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SCHEMA_CONTEXT = {"@context": {"@vocab": "https://schema.org/"}}


def offline_loader(url: str, _options: dict | None = None) -> dict:
    """schema.org's context, without fetching it: every term maps into its vocabulary."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": SCHEMA_CONTEXT,
    }


def types_on(site: Path, url: str) -> set[str]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1, url
    expanded = jsonld.expand(json.loads(blocks[0]), {"documentLoader": offline_loader})
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.update(t.removeprefix("https://schema.org/") for t in node.get("@type", []))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(expanded)
    return found


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sources/article", {"NewsArticle"}),
        ("people/quill", {"Person", "Quotation", "Country", "NewsArticle"}),
        ("people/council", {"Organization"}),
        ("countries/exampleton", {"Country"}),
        ("questions/bridge-cost", {"Question", "Quotation"}),
        ("questions", {"Question"}),
        ("", {"WebPage"}),
        ("sources", {"NewsArticle"}),
    ],
)
def test_pages_carry_valid_json_ld_of_their_types(mini_site, url, expected):
    assert expected <= types_on(mini_site / "site", url)


@pytest.mark.story
def test_every_page_of_the_test_story_carries_valid_json_ld(story_project):
    site = story_project / "site"
    for index in sorted(site.rglob("index.html")):
        url = index.parent.relative_to(site).as_posix()
        moved = 'name="robots" content="noindex"' in index.read_text(encoding="utf-8")
        if not url.startswith(("search", "assets")) and not moved:  # an old address: no page
            assert types_on(site, "" if url == "." else url), url


@pytest.mark.story
def test_json_ld_cannot_close_its_script_element(story_project):
    for page in (story_project / "site").rglob("index.html"):
        for block in SCRIPT.findall(page.read_text(encoding="utf-8")):
            assert "<" not in block
