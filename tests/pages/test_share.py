"""A shared statement's link preview has context: who, on what, the start of the words, where
and when it was published, and the page's own address (share pages, `said/<id>/`)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as Fake

from generator.build import check
from generator.model import urls
from generator.pages.rendering import render
from generator.pages.share import TITLE_LIMIT, preview
from generator.pages.text import one_line
from generator.verify.html import parse
from tests.conftest import MULTI, in_place

SOURCE = "The Courier, 3 March 2026, paragraph 2"
ADDRESS = "https://news.example/kessel/"


def said(text: str, *, kind: str = "direct", topics: tuple[str, ...] = ("Tolls",), **more: object):
    return Fake(
        kind=kind,
        text=text,
        speakers=more.get("speakers", [Fake(name="Ann Bo")]),
        contested=more.get("contested", False),
        attribution=more.get("attribution", "ambiguous" if more.get("contested") else None),
        readings=more.get("readings", []),
        topics=[Fake(name=name) for name in topics],
    )


def test_the_title_names_the_speaker_the_first_topic_and_the_words():
    title, _description = preview(said("We will not pay", topics=("Tolls", "Roads")), SOURCE)
    assert title == "Ann Bo on Tolls: “We will not pay”"


def test_without_a_topic_the_title_names_the_speaker_and_the_words():
    title, _description = preview(said("We will not pay", topics=()), SOURCE)
    assert title == "Ann Bo: “We will not pay”"


def test_an_uncertain_attribution_is_titled_with_its_readings_as_uncertain():
    speakers = [Fake(name="Ann Bo"), Fake(name="Cy Dee")]
    title, description = preview(said("No", speakers=speakers, contested=True), SOURCE)
    assert title == "Ann Bo or Cy Dee (uncertain) on Tolls: “No”"
    assert "uncertain who said it" in description


def test_a_long_quotation_is_cut_at_a_word_with_an_ellipsis_inside_the_marks():
    words = "We will not pay for a bridge that the people of this town never asked for, not now"
    title, _description = preview(said(words), SOURCE)
    cut = "We will not pay for a bridge that the people of this town never asked…"
    assert title == f"Ann Bo on Tolls: “{cut}”"
    assert len(title) <= TITLE_LIMIT + 1  # the ellipsis may pass it by its one character


def test_a_paraphrase_is_titled_paraphrased_without_quotation_marks():
    title, description = preview(said("Bo will not pay.", kind="reported"), SOURCE)
    assert title == "Ann Bo on Tolls, paraphrased: Bo will not pay."
    assert description == f"Ann Bo, paraphrased: Bo will not pay ({SOURCE})."


def test_the_description_names_the_outlet_and_date_and_ends_with_a_full_stop():
    _title, description = preview(said("We will not pay"), SOURCE)
    assert description == f"Ann Bo said: “We will not pay” ({SOURCE})."


def share_head(scheme: urls.Scheme, statement: str) -> dict[str, str]:
    """The share page's head: each meta's content by property or name, and each link's href by
    rel (and type)."""
    linked, problems = check(in_place(MULTI))
    assert linked is not None, problems
    path = f"said/{statement}/index.html"
    head: dict[str, str] = {}
    for element in parse(Path(path), render(linked, scheme)[path]).elements:
        attrs = element.attrs
        if element.tag == "meta" and "content" in attrs:
            head[attrs.get("property") or attrs.get("name") or ""] = one_line(attrs["content"])
        if element.tag == "link":
            head[" ".join(filter(None, (attrs.get("rel"), attrs.get("type"))))] = attrs["href"]
    return head


def test_a_share_page_carries_its_address_and_canonical_link_where_the_site_has_one():
    head = share_head(urls.Scheme(address=ADDRESS), "dusek-not-charity")
    assert head["og:url"] == ADDRESS + "said/dusek-not-charity/"
    assert head["canonical"] == ADDRESS + "said/dusek-not-charity/"
    words = "We are not asking for charity. We are asking for the"
    assert head["og:title"] == f"Hana Dusek on Sharing the water: “{words}…”"
    assert head["og:description"].endswith(
        " respected” (The Belmark Courier, 3 March 2026, paragraph 3)."
    )
    assert head["twitter:card"] == "summary"
    assert head["twitter:title"] == head["og:title"]
    assert head["alternate application/atom+xml"] == "../../feed.xml"


def test_without_the_sites_address_a_share_page_gives_no_address():
    head = share_head(urls.DIRECTORY_URLS, "dusek-not-charity")
    assert "og:url" not in head
    assert "canonical" not in head
    assert head["alternate application/atom+xml"] == "../../feed.xml"


def test_short_words_are_kept_whole_even_when_the_names_before_them_are_long():
    speakers = [Fake(name="Annabel Bo-Carrington"), Fake(name="Cyrus Dee-Montgomery")]
    statement = said("Water does not wait for diplomats", speakers=speakers, contested=True)
    title, _description = preview(statement, SOURCE)
    assert title.endswith(": “Water does not wait for diplomats”")
