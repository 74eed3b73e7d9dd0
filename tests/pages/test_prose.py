"""The sentences pages say are values made in generator/pages/prose.py: each case of the
grammar, and each value escaped once."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as Fake

from generator.pages import prose

JAN = dt.date(2026, 1, 5)
MAR = dt.date(2026, 3, 9)
JAN_TAG = '<time datetime="2026-01-05">5 January 2026</time>'
MAR_TAG = '<time datetime="2026-03-09">9 March 2026</time>'


def test_a_story_of_one_date_happened_on_it():
    assert prose.story_span([JAN, JAN], "../timeline/") == (
        f"{JAN_TAG}, by the dates the sources give (publication, events and statements)."
    )


def test_a_story_of_several_dates_spans_from_the_first_to_the_last():
    assert prose.story_span([JAN, MAR], "../timeline/").startswith(f"from {JAN_TAG} to {MAR_TAG},")


def test_a_story_without_dates_sends_the_reader_to_the_timeline():
    assert prose.story_span([], "../timeline/") == (
        'not known: no source gives a calendar date; the <a href="../timeline/">timeline</a> '
        "dates events as the sources word it."
    )


def test_undated_articles_are_counted_among_the_articles():
    assert prose.undated_articles(0, 3) == ""
    assert prose.undated_articles(1, 1) == " The article gives no publication date."
    assert prose.undated_articles(1, 3) == " 1 of the 3 articles gives no publication date."
    assert prose.undated_articles(2, 3) == " 2 of the 3 articles give no publication date."


def test_the_outlets_a_story_draws_on_are_listed_and_escaped():
    assert prose.drawn_from(4, ["A & B", "C", "D"], 1, 2) == (
        "4 articles from 3 outlets: A &amp; B, C and D; 1 article of unknown outlet; "
        "and 2 references for facts no article states"
    )


def test_a_story_of_no_known_outlet_says_so():
    assert prose.drawn_from(1, [], 1, 0) == "1 article, outlet not known"
    assert prose.drawn_from(2, [], 2, 0) == "2 articles, outlets not known"


def reports(*published: dt.date | None) -> list[Fake]:
    """A statement's reports, in articles published on these dates."""
    return [Fake(article=Fake(published=date)) for date in published]


def test_a_statement_is_dated_by_its_date_and_the_sources_words():
    said = Fake(date=JAN, when="on Monday", reported_on=None, all_reports=reports(None))
    assert prose.said_when(said) == f"Said on {JAN_TAG} (on Monday, as the source puts it)"


def test_a_statement_dated_in_words_only_gives_its_publication_date():
    said = Fake(date=None, when="on <Monday>", reported_on=MAR, all_reports=reports(MAR))
    assert prose.said_when(said) == (
        f"Said on &lt;Monday&gt;, as the source puts it; published {MAR_TAG}"
    )


def test_a_statement_dated_by_its_publication_only_says_published_not_reported():
    said = Fake(date=None, when=None, reported_on=MAR, all_reports=reports(MAR, None))
    assert prose.said_when(said) == f"Published {MAR_TAG}"


def test_a_statement_published_on_several_dates_gives_the_first():
    said = Fake(date=None, when=None, reported_on=JAN, all_reports=reports(MAR, JAN))
    assert prose.said_when(said) == f"First published {JAN_TAG}"


def test_a_statement_the_sources_do_not_date_has_no_sentence():
    said = Fake(date=None, when=None, reported_on=None, all_reports=reports(None))
    assert prose.said_when(said) is None


def test_an_article_is_credited_to_its_outlet_and_date():
    article = Fake(outlet="Daily Post", via="Wire <Agency>", published=JAN)
    assert prose.article_credit(article) == (
        "Daily Post, via Wire &lt;Agency&gt;, published 5 January 2026"
    )


def test_an_article_of_unknown_outlet_is_marked_so():
    article = Fake(outlet=None, via=None, published=None)
    assert prose.article_credit(article) == '<span class="xp-unknown">outlet unknown</span>'


def test_the_speakers_of_an_uncertain_statement_are_alternatives():
    said = Fake(
        contested=True,
        attribution="ambiguous",
        readings=None,
        speakers=[Fake(name="Ann & Co"), Fake(name="Bo")],
    )
    assert prose.speaker_list(said) == "Ann &amp; Co or Bo"


def test_what_is_unknown_is_escaped_once_in_its_style():
    assert prose.unknown("a <b>") == '<span class="xp-unknown">a &lt;b&gt;</span>'
