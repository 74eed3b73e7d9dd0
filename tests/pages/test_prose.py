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


def test_a_span_within_a_month_names_the_month_once():
    assert prose.date_span(dt.date(2026, 3, 2), dt.date(2026, 3, 20)) == (
        '<time datetime="2026-03-02">2</time>–<time datetime="2026-03-20">20 March 2026</time>'
    )


def test_a_span_across_months_and_years_names_each_end_in_full_as_needed():
    assert prose.date_span(JAN, MAR) == (
        f'<time datetime="2026-01-05">5 January</time> – {MAR_TAG}'
    )
    assert prose.date_span(dt.date(2025, 12, 30), JAN).startswith(
        '<time datetime="2025-12-30">30 December 2025</time> – '
    )
    assert prose.date_span(JAN, JAN) == JAN_TAG


def test_open_and_partly_answered_questions_are_counted_apart():
    assert prose.question_count(2, 1) == "2 open, 1 partly answered questions"
    assert prose.question_count(1, 0) == "1 open question"
    assert prose.question_count(0, 1) == "1 partly answered question"
    assert prose.question_count(0, 0) == "no open question"


def test_news_of_a_question_gives_its_status_after_its_title():
    question = Fake(question="Will <it> go?", status="partly answered", known="Half & half.")
    assert prose.news("question", question, "q/") == (
        '<a href="q/">Will &lt;it&gt; go?</a> Partly answered: Half &amp; half.'
    )


def test_news_of_a_moot_question_says_it_is_no_longer_relevant():
    question = Fake(question="Will it go?", status="moot", known="It went.")
    assert prose.news("question", question, "q/") == (
        '<a href="q/">Will it go?</a> No longer relevant: It went.'
    )


def test_news_of_a_position_names_the_party_and_its_stance_label_only():
    position = Fake(stance=Fake(label="Fill now"), summary="Says much more than the label.")
    news = prose.news("position", position, "c/", party=Fake(name="Ostra"))
    assert news == '<a href="c/">Ostra</a>’s stance: Fill now.'


def test_news_of_an_event_is_its_title():
    assert prose.news("event", Fake(title="Talks open"), "t/#e") == '<a href="t/#e">Talks open</a>.'


def test_news_of_a_statement_says_who_said_it_and_links_the_words():
    said = Fake(
        kind="direct", contested=False, speakers=[Fake(name="Ann")], text="We will go " * 20
    )
    news = prose.news("statement", said, "p/#s")
    assert news.startswith('Ann said: <a href="p/#s">“We will go We will go')
    assert news.endswith("…”</a>")
    uncertain = Fake(kind="reported", contested=True, speakers=[Fake(name="A"), Fake(name="B")])
    uncertain.attribution, uncertain.readings = "ambiguous", []
    uncertain.text = "They will go."
    assert prose.news("statement", uncertain, "p/#s") == (
        'A or B (who said it is uncertain), paraphrased: <a href="p/#s">They will go.</a>'
    )


def test_statements_citing_a_paragraph_name_each_speaker_once():
    ann = [Fake(name="Ann")]
    quoted = [Fake(id=f"q{n}", speakers=ann, contested=False) for n in (1, 2)]
    reported = Fake(id="r1", speakers=ann, contested=False)
    group = Fake(contested=False, quoted=quoted, reported=[reported])
    line = prose.citing_statements([group], lambda st: f"#{st.id}")
    assert line == (
        'Ann: 2 quoted (<a href="#q1">1</a>, <a href="#q2">2</a>), <a href="#r1">1 paraphrased</a>'
    )
