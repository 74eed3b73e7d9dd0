"""The story's Atom feed (`feed.xml`): valid Atom (RFC 4287), its dated changes newest first,
each with an id that stays, and text as text (tests/fixtures/multi and mini, changed in copies)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from generator.build import check
from generator.content.linking import Linked
from generator.model import urls
from generator.pages.feed import FEED_ENTRIES, changes, feed_file
from generator.pages.inputs import PageInputs
from generator.pages.rendering import environment, render
from tests.conftest import MINI, MULTI, edit, in_place, make_project

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("atom.rng"))))
ADDRESS = "https://news.example/kessel/"
AT = urls.Scheme(address=ADDRESS)
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
# What an id must be: an absolute IRI (RFC 4287, 4.2.6), a scheme and what follows it.
ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def story(root: Path) -> Linked:
    linked, problems = check(in_place(root))
    assert linked is not None, problems
    return linked


def feed(root: Path, scheme: urls.Scheme = urls.DIRECTORY_URLS) -> etree._Element:
    linked = story(root)
    text = feed_file(linked.graph, scheme, environment(PageInputs(linked)))
    return etree.fromstring(text.encode("utf-8"))


def valid(document: etree._Element) -> None:
    """Valid against RFC 4287's schema, and the MUSTs its schema cannot say."""
    assert SCHEMA.validate(document), SCHEMA.error_log
    assert document.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(document.findall(f"{ATOM}{name}")) == 1, name
    assert document.findtext(f"{ATOM}author/{ATOM}name"), "a feed author stands for its entries"
    entries = document.findall(f"{ATOM}entry")
    ids = [document.findtext(f"{ATOM}id"), *(e.findtext(f"{ATOM}id") for e in entries)]
    assert all(ABSOLUTE.fullmatch(i or "") for i in ids), ids
    assert len(set(ids)) == len(ids), "ids are unique"
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        # No content: an alternate link is a MUST (RFC 4287, 4.1.2), and the summary says it.
        assert entry.find(f"{ATOM}content") is None
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert entry.findtext(f"{ATOM}summary")
    for updated in document.iter(f"{ATOM}updated"):
        assert RFC_3339.fullmatch(updated.text or ""), updated.text


def entries(document: etree._Element) -> list[dict[str, str]]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id") or "",
            "title": entry.findtext(f"{ATOM}title") or "",
            "updated": entry.findtext(f"{ATOM}updated") or "",
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
        }
        for entry in document.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize("scheme", [urls.DIRECTORY_URLS, urls.FILE_URLS, AT], ids=str)
def test_the_feed_is_valid_atom(scheme):
    valid(feed(MULTI, scheme))
    valid(feed(MINI, scheme))


def test_the_feed_lists_every_kind_of_dated_change_newest_first():
    listed = entries(feed(MULTI))
    days = [entry["updated"] for entry in listed]
    assert days == sorted(days, reverse=True)
    titles = [entry["title"] for entry in listed]
    assert "Answered: Will the joint study of the river’s flow go ahead?" in titles
    assert "Partly answered: Will the joint study of the river’s flow go ahead?" in titles
    assert "Where Cordenia stands: Wait for the study (before: Unclear)" in titles  # it changed
    assert "The summit of the Varne countries opens in Orvel" in titles  # an event
    said = next(entry for entry in listed if entry["link"] == "people/roos/#s-roos-commission-pays")
    assert said["updated"] == "2026-03-16T00:00:00Z"
    assert said["title"].startswith("Edvin Roos on The joint study, paraphrased: The Varne Basin")
    assert said["summary"].endswith("(The Ilvan Herald, 16 March 2026, paragraph 1).")


def test_a_correction_is_news_in_the_feed():
    listed = entries(feed(MINI))
    correction = listed[0]  # 21 November, the story's latest change
    assert correction["title"].startswith("Correction: Bram Stoker-Lee was called the mayor")
    assert correction["link"] == "corrections/#correction-2026-11-21-opposition-role"
    assert correction["updated"] == "2026-11-21T00:00:00Z"


def test_undated_statements_are_not_in_the_feed():
    links = {entry["link"] for entry in entries(feed(MULTI))}
    assert "people/dusek/#s-dusek-ask-halt" in links  # dated 3 March
    assert "people/dusek/#s-dusek-not-charity" not in links  # no date given


def test_a_feed_with_no_dated_change_is_valid_and_dated_by_the_facts(tmp_path):
    root = make_project(MINI, tmp_path / "mini")
    (root / "content" / "corrections.yaml").unlink()
    edit(root, "content/events.yaml", "  date: 2026-11-09\n", "  date: null\n")
    edit(root, "content/events.yaml", "  date_sources: [{reference: council-minutes}]\n", "")
    edit(root, "content/countries.yaml", "date: 2026-11-16", "date: null")
    document = feed(root)
    valid(document)
    assert entries(document) == []
    assert document.findtext(f"{ATOM}updated") == "2026-11-20T00:00:00Z"  # story.yaml's


def test_with_the_sites_address_ids_and_links_are_absolute_and_the_feed_links_itself():
    document = feed(MULTI, AT)
    assert document.findtext(f"{ATOM}id") == ADDRESS + "feed.xml"
    assert document.find(f"{ATOM}link[@rel='self']").get("href") == ADDRESS + "feed.xml"
    assert document.find(f"{ATOM}link[@rel='alternate']").get("href") == ADDRESS
    said = next(e for e in entries(document) if e["id"].endswith("#s-roos-commission-pays"))
    assert said["id"] == said["link"] == ADDRESS + "people/roos/#s-roos-commission-pays"


def test_without_the_sites_address_ids_are_the_same_uuids_on_every_build(tmp_path):
    document = feed(MULTI)
    assert document.find(f"{ATOM}link[@rel='self']") is None  # no address to give
    ids = [entry["id"] for entry in entries(document)]
    assert all(i.startswith("urn:uuid:") for i in ids)
    assert ids == [entry["id"] for entry in entries(feed(make_project(MULTI, tmp_path / "b")))]


def test_an_entry_keeps_its_id_when_other_news_comes(tmp_path):
    before = {e["link"]: e["id"] for e in entries(feed(MULTI, AT))}
    root = make_project(MULTI, tmp_path / "multi")
    said = "  source: {article: fic-courier-study, paragraph: 3}\n"
    edit(root, "content/statements.yaml", said, said + "  date: 2026-03-03\n")
    after = {e["link"]: e["id"] for e in entries(feed(root, AT))}
    new = "people/dusek/#s-dusek-not-charity"
    assert set(after) == {*before, ADDRESS + new}
    assert {link: after[link] for link in before} == before


def test_markup_in_a_yaml_value_lands_in_the_feed_as_text(tmp_path):
    root = make_project(MINI, tmp_path / "mini")
    payload = "<b>bold</b> &amp; <![CDATA[x]]> </summary><entry>"
    summary = (
        "Bram Stoker-Lee was called the mayor's deputy; the article calls him opposition leader."
    )
    edit(root, "content/corrections.yaml", summary, json.dumps(f"{payload} {summary}"))
    title = "Council votes for the bridge"
    edit(root, "content/events.yaml", title, json.dumps(f"{payload} {title}"))
    document = feed(root)
    valid(document)
    for entry in document.findall(f"{ATOM}entry"):
        for field in ("title", "summary"):
            element = entry.find(f"{ATOM}{field}")
            assert len(element) == 0  # no element inside: text only
            assert element.get("type") is None  # Atom's default, "text"
    texts = [e["summary"] for e in entries(document)] + [e["title"] for e in entries(document)]
    assert f"{payload} Bram Stoker-Lee was called" in " ".join(texts)
    assert f"{payload} Council votes for the bridge" in texts


def test_the_feed_is_a_file_of_the_site_beside_the_home_page():
    files = render(story(MULTI))
    assert urls.FEED_FILE in files
    assert files[urls.FEED_FILE].startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')


def test_the_feed_carries_only_the_newest_changes():
    graph = story(MULTI).graph
    every = changes(graph, lambda source: "paragraph")
    assert len(every) > 3
    assert changes(graph, lambda source: "paragraph", 3) == every[:3]
    assert len(entries(feed(MULTI))) == min(len(every), FEED_ENTRIES)
