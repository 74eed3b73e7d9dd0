"""Long listings (sources, timeline, people, speakers) split into numbered pages, so no page
grows without bound: shown on the multi story with the per-page limit lowered (urls.PAGE_ENTRIES);
the story as it is fits on one page of each, as the golden pages show."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from generator.build import check
from generator.model import urls
from generator.pages import rendering as render_module
from generator.pages.rendering import render
from generator.pages.search_records import records_text
from generator.project import Project
from generator.verify.html import read, resolve, site_pages
from tests.conftest import ROOT, edit, make_project, problems, run_cli

MULTI = ROOT / "tests" / "fixtures" / "multi"


@pytest.fixture
def multi(tmp_path: Path) -> Path:
    return make_project(MULTI, tmp_path / "multi")


def rendered(root: Path, monkeypatch: pytest.MonkeyPatch, **limits: int) -> dict[str, str]:
    for kind, limit in limits.items():
        monkeypatch.setitem(urls.PAGE_ENTRIES, kind, limit)
    linked, found = check(Project.at(root))
    assert linked is not None and found == [], found
    return render(linked)


def hrefs(text: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', text)


def ids(text: str) -> list[str]:
    return re.findall(r'id="([^"]+)"', text) + re.findall(r"\{#([^}]+)\}", text)


def target(page: str, href: str) -> tuple[str, str]:
    """The Markdown page and anchor a relative link on `page` lands on (directory URLs)."""
    path, _, anchor = href.partition("#")
    served = posixpath.normpath(posixpath.join(urls.url_of(page) or ".", path)) + "/"
    served = "" if served == "./" else served
    by_url = {urls.url_of(name): name for name in PAGES}
    return by_url.get(served, served), anchor


PAGES: dict[str, str] = {}


def test_a_long_sources_list_is_split_into_numbered_pages(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, sources=3)
    listed = sorted(path for path in pages if path.startswith("sources/") and "page-" in path)
    assert listed == ["sources/page-2.md", "sources/page-3.md"]


def test_each_page_of_a_split_list_links_to_every_other(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, sources=3)
    numbered = ["sources/index.md", "sources/page-2.md", "sources/page-3.md"]
    for page in numbered:
        linked = {urls.relative(page, other) for other in numbered if other != page}
        assert linked <= set(hrefs(pages[page])), page


def test_each_page_of_a_split_list_says_which_page_it_is(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, sources=3)
    assert "<p>Page 2 of 3 · " in pages["sources/page-2.md"]


def test_every_article_is_listed_on_exactly_one_sources_page(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, sources=3)
    headings = [
        found
        for path, text in pages.items()
        if path.startswith("sources/") and (path == "sources/index.md" or "page-" in path)
        for found in re.findall(r"\{#article-([^}]+)\}", text)
    ]
    # Each heading's anchor is its article's own page name (its address), never its id.
    assert sorted(f"sources/{heading}.md" for heading in headings) == sorted(
        path
        for path in pages
        if path.startswith("sources/")
        and path.count("/") == 1
        and path != "sources/index.md"
        and "page-" not in path
        and path.endswith(".md")
    )
    assert len(headings) == len(list((multi / "seeds").glob("*.txt")))


def test_every_event_is_on_exactly_one_timeline_page(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, timeline=2)
    listed = [i for path, text in pages.items() for i in ids(text) if i.startswith("event-")]
    assert len(listed) == len(set(listed)) == 6


def test_every_person_is_on_exactly_one_people_page(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, people=2)
    rows = [
        link
        for path, text in pages.items()
        if path == "people/index.md" or re.fullmatch(r"people/page-\d+\.md", path)
        for link in re.findall(r'<tr><td><a href="([^"]+)"', text)
    ]
    assert len(rows) == len(set(rows)) == 5  # four people and a group


def test_links_to_events_and_references_land_on_the_page_that_lists_them(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, timeline=2, sources=3)
    PAGES.clear()
    PAGES.update(pages)
    anchored = [
        (page, href)
        for page, text in pages.items()
        if page.endswith(".md")
        for href in hrefs(text)
        if re.search(r"#(event|reference)-", href)
    ]
    assert anchored, "the story links to events and references"
    for page, href in anchored:
        landing, anchor = target(page, href)
        assert anchor in ids(pages.get(landing, "")), f"{page}: {href}"


def test_search_finds_an_event_on_the_timeline_page_that_lists_it(multi, monkeypatch):
    pages = rendered(multi, monkeypatch, timeline=2)
    linked, _found = check(Project.at(multi))
    assert linked is not None
    records = json.loads(records_text(linked.graph, urls.DIRECTORY_URLS))
    events = [r["url"] for r in records if "#event-" in r["url"]]
    assert events
    for url in events:
        path, _, anchor = url.partition("#")
        page = {urls.url_of(name): name for name in pages}[path.lstrip("/")]
        assert anchor in ids(pages[page]), url


def test_an_id_kept_for_a_numbered_page_is_refused(multi):
    edit(multi, "content/people.yaml", "- id: annar\n", "- id: page-2\n")
    assert any(
        "the id 'page-2' is taken by the site: this person's page would be people/page-2.md, "
        "which is kept for page 2 of the people list; choose another id" in found
        for found in problems(multi)
    )


def test_a_home_page_of_many_articles_lists_only_the_latest(multi, monkeypatch):
    monkeypatch.setattr(render_module, "HOME_ARTICLES", 2)
    home = rendered(multi, monkeypatch)["index.md"]
    currency = home.split('<div class="xp-currency">')[1].split("</div>")[0]
    assert currency.count("<li>") == 2
    assert "<p>The 2 latest of 7 articles; " in currency


def test_a_paragraph_cited_by_many_facts_names_some_and_counts_the_rest(multi, monkeypatch):
    monkeypatch.setattr(render_module, "CITED_LIMIT", 1)
    pages = rendered(multi, monkeypatch)
    cited = [re.findall(r"Other facts citing it: (.*)</p>", text) for text in pages.values()]
    lines = [line for found in cited for line in found if "; and " in line]
    assert lines and all(line.count("<a ") == 1 for line in lines)
    assert all(re.search(r"; and \d+ more, each of which links here$", line) for line in lines)


def test_every_speaker_is_on_exactly_one_page_of_a_long_speakers_list(multi, monkeypatch):
    monkeypatch.setattr(render_module, "OVERVIEW_LIMIT", 1)  # speakers only, no cards
    pages = rendered(multi, monkeypatch, statements=2)
    listed = [
        link
        for path, text in pages.items()
        if path == "statements/index.md" or re.fullmatch(r"statements/page-\d+\.md", path)
        for link in re.findall(r'<li><a href="([^"]+)">', text)
    ]
    assert "statements/page-2.md" in pages
    assert len(listed) == len(set(listed)) > 2


def test_every_statement_permalink_finds_its_card(mini):
    extra = "".join(
        f"- id: norland-extra-{n}\n  kind: reported\n  speakers: [norland]\n"
        f"  text: Norland restated its view, for the {n}th time.\n"
        "  source: {article: fic-bridge, paragraph: 4}\n"
        for n in range(1, 15)
    )
    with (mini / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(extra)
    result = run_cli(mini, "build")
    assert result.returncode == 0, result.stderr
    site = (mini / "site").resolve()
    ids: dict[Path, set[str]] = {}
    broken = []
    for path in site_pages(site):
        for href in read(path).links():
            resolved = resolve(site, path, href) if "#s-" in href else None
            if resolved is None:
                continue
            target, fragment = resolved
            if target not in ids:
                ids[target] = read(target).ids if target.is_file() else set()
            if fragment not in ids[target]:
                broken.append(f"{path.relative_to(site)}: {href}")
    assert broken == []
