"""A story told by many sources over time, on the fictional fixture tests/fixtures/multi: one
quotation reported by three outlets in three typographies, a quotation two outlets word
differently, words two outlets give to different speakers, a stance that changes, a question
answered over time, an event dated by a reference, and people cited only through facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.build import check
from generator.content.graph import Node
from generator.content.linking import Linked
from generator.pages import jsonld as structured
from tests.conftest import ROOT, edit, in_place, make_project, problems

MULTI = ROOT / "tests" / "fixtures" / "multi"


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, found = check(in_place(MULTI))
    assert linked is not None and found == [], found
    return linked


@pytest.fixture
def multi(tmp_path: Path) -> Path:
    return make_project(MULTI, tmp_path / "multi")


def paragraph(story: Linked, article: str, number: int) -> str:
    return str(story.graph.articles[article].paragraphs[number - 1])


def cited(sources: list[Node]) -> list[tuple[str, int]]:
    return [(source.article.id, source.paragraph) for source in sources]


def test_the_multi_source_story_is_content_ok(story):
    assert story.graph.statements["annar-every-litre"].record.reports


# One quotation, three outlets: each report is proved against its own paragraph, and each is
# shown as that outlet printed it (curly quotes, straight quotes, guillemets).
def test_each_report_of_a_quotation_cites_its_own_paragraph(story):
    statement = story.graph.statements["annar-every-litre"]
    assert cited(statement.all_reports) == [
        ("fic-npa-filling", 2),
        ("fic-courier-study", 2),
        ("fic-today-summit", 2),
    ]


def test_each_report_shows_the_words_as_its_source_printed_them(story):
    statement = story.graph.statements["annar-every-litre"]
    assert [report.words for report in statement.all_reports] == [
        "The river doesn’t belong to one country… We will share every litre — no more, no less",
        "The river doesn't belong to one country... We will share every litre - no more, no less",
        "The river doesn’t belong to one country… We will share every litre – no more, no less",
    ]
    for report in statement.all_reports:
        assert report.words in paragraph(story, report.article.id, report.paragraph)
        assert report.own_wording is False


def test_a_report_citing_the_wrong_paragraph_is_told_which_one_quotes_the_words(multi):
    edit(
        multi,
        "content/statements.yaml",
        "- {article: fic-courier-study, paragraph: 2}",
        "- {article: fic-courier-study, paragraph: 3}",
    )
    assert problems(multi) == [
        "content/statements.yaml:9:7: the statement's `text` is not quoted in "
        "article 'fic-courier-study' paragraph 3, they are quoted in paragraph 2: fix the "
        "paragraph"
    ]


def test_a_report_in_other_words_shows_its_own_words(story):
    first, second = story.graph.statements["dusek-halt-to-study"].all_reports
    assert (first.words, first.own_wording) == (
        "We came for a halt and we leave with a study",
        False,
    )
    assert (second.article.id, second.paragraph) == ("fic-ostra-closing", 4)
    assert second.words == "We came here for a halt, and we are leaving with a study"
    assert second.own_wording is True


# Words two outlets give to different speakers: both speakers are listed, each account names
# its own, and no single author is claimed.
def test_a_disputed_attribution_keeps_each_outlets_speaker(story):
    statement = story.graph.statements["water-does-not-wait"]
    assert [speaker.id for speaker in statement.speakers] == ["soltan", "roos"]
    (dispute,) = statement.disputes
    assert dispute.about == "Who said it"
    assert [
        ([speaker.id for speaker in account.speakers], cited(account.sources))
        for account in dispute.accounts
    ] == [
        (["soltan"], [("fic-today-summit", 5)]),
        (["roos"], [("fic-ostra-closing", 2)]),
    ]


def test_a_disputed_attribution_names_no_creator(story):
    statement = story.graph.statements["water-does-not-wait"]
    assert statement.contested is True
    assert "creator" not in structured.quotation(statement)


def test_an_account_may_name_only_the_statements_speakers(multi):
    edit(
        multi,
        "content/statements.yaml",
        " " * 10 + "speakers: [roos]",
        " " * 10 + "speakers: [annar]",
    )
    assert problems(multi) == [
        "content/statements.yaml:77:22: 'annar' is not among this statement's `speakers`: list "
        "every speaker the sources name there, and each side's here"
    ]


# A stance that changes over time, and one that two outlets report differently on one day.
def test_a_changed_stance_keeps_its_history_oldest_first(story):
    cordenia = story.graph.countries["cordenia"]
    assert [(p.stance.id, p.date) for p in cordenia.positions] == [
        ("unclear", dt.date(2026, 3, 2)),
        ("wait-for-study", dt.date(2026, 3, 11)),
    ]


def test_a_same_day_conflict_is_one_position_with_each_outlets_stance(story):
    (position,) = story.graph.countries["ilvania"].positions
    (dispute,) = position.disputes
    assert [(a.stance.id, cited(a.sources)) for a in dispute.accounts] == [
        ("fill-now", [("fic-today-summit", 4)]),
        ("wait-for-study", [("fic-ostra-closing", 3)]),
    ]


def test_a_same_day_conflict_split_into_two_positions_is_refused(multi):
    edit(
        multi,
        "content/countries.yaml",
        "      sources:\n"
        "        - {article: fic-today-summit, paragraph: 4}\n"
        "        - {article: fic-ostra-closing, paragraph: 3}\n",
        "      sources: [{article: fic-today-summit, paragraph: 4}]\n"
        "    - stance: wait-for-study\n"
        "      summary: Would back the filling only once the study had reported.\n"
        "      date: 2026-03-11\n"
        "      sources: [{article: fic-ostra-closing, paragraph: 3}]\n",
    )
    assert problems(multi) == [
        "content/countries.yaml:42:13: this position has the same date as the one above it "
        "(2026-03-11) but other sources: if the sources differ on that day, keep one position "
        "and record each side in its `disputes` (with `stance`); if it changed that day, cite "
        "the article that reports both"
    ]


# A question answered over time: each earlier state dated and cited, the current one last.
def test_a_question_shows_how_its_answer_evolved(story):
    question = story.graph.questions["study-go-ahead"]
    assert [(state.status, state.date) for state in question.timeline] == [
        ("open", dt.date(2026, 3, 2)),
        ("partly answered", dt.date(2026, 3, 11)),
        ("partly answered", dt.date(2026, 3, 16)),
        ("answered", dt.date(2026, 3, 20)),
    ]
    assert [cited(state.sources) for state in question.timeline] == [
        [("fic-npa-filling", 1)],
        [("fic-today-summit", 1)],
        [("fic-herald-funding", 1)],
        [("fic-courier-terms", 1)],
    ]


def test_a_question_without_as_of_is_dated_by_its_latest_article(story):
    assert story.graph.questions["filling-wait"].changed == dt.date(2026, 3, 20)


def test_a_current_answer_dated_before_its_history_is_refused(multi):
    edit(
        multi,
        "content/questions.yaml",
        "as_of: 2026-03-20\n  history:\n    - date: 2026-03-02",
        "as_of: 2026-03-15\n  history:\n    - date: 2026-03-02",
    )
    assert problems(multi) == [
        "content/questions.yaml:8:10: dated 2026-03-15, before the state listed above it "
        "(2026-03-16): a question's `history` is oldest first and ends before its current "
        "`as_of`; fix the order or the date"
    ]


# An event whose article says only "on Tuesday" and has no date: the date is the programme's.
def test_an_event_is_dated_by_a_reference(story):
    event = story.graph.events["summit-opens"]
    assert (event.when, event.date) == ("on Tuesday", dt.date(2026, 3, 10))
    (source,) = event.date_sources
    assert source.reference is story.graph.references["summit-programme"]
    assert [s.article.published for s in event.sources] == [None]


def test_events_are_listed_in_date_order_with_the_undated_one_where_it_was_placed(story):
    assert [(event.id, event.date) for event in story.graph.events.values()] == [
        ("filling-announced", dt.date(2026, 3, 2)),
        ("belmark-asks-halt", dt.date(2026, 3, 3)),
        ("summit-opens", dt.date(2026, 3, 10)),
        ("closed-sessions", None),
        ("summit-closes", dt.date(2026, 3, 11)),
        ("study-terms-signed", dt.date(2026, 3, 20)),
    ]


def test_an_event_listed_out_of_date_order_is_refused(multi):
    edit(multi, "content/events.yaml", "  date: 2026-03-03\n", "  date: 2026-03-01\n")
    assert problems(multi) == [
        "content/events.yaml:13:9: this event is dated 2026-03-01, before 'filling-announced' "
        "listed above it (2026-03-02): list events in the order they happened, or fix the date"
    ]


# People and countries without sources of their own: where they are mentioned comes from every
# fact about them.
def test_a_person_without_sources_is_mentioned_where_facts_about_them_cite(story):
    dusek = story.graph.people["dusek"]
    assert dusek.sources == []
    assert sorted(cited(dusek.mentions)) == [
        ("fic-courier-study", 1),  # a statement and an event
        ("fic-courier-study", 3),
        ("fic-courier-study", 4),
        ("fic-courier-terms", 2),
        ("fic-ostra-closing", 4),  # a further report of a statement, in its own words
        ("fic-today-summit", 6),
    ]


def test_a_country_without_sources_is_mentioned_in_its_positions_and_events(story):
    ilvania = story.graph.countries["ilvania"]
    assert ilvania.sources == []
    # The events it takes part in are also reported in paragraphs on "the four countries",
    # which do not name it: those are not mentions of it.
    assert sorted(cited(ilvania.mentions)) == [
        ("fic-ostra-closing", 3),
        ("fic-today-summit", 4),
    ]


def test_own_sources_are_mentions_too(story):
    assert ("fic-courier-terms", 3) in cited(story.graph.people["annar"].mentions)


def test_a_disputed_attribution_mentions_each_speaker_only_where_a_source_names_them(story):
    soltan = cited(story.graph.people["soltan"].mentions)
    roos = cited(story.graph.people["roos"].mentions)
    assert ("fic-today-summit", 5) in soltan and ("fic-ostra-closing", 2) not in soltan
    assert ("fic-ostra-closing", 2) in roos and ("fic-today-summit", 5) not in roos


def test_an_answered_question_carries_its_answer_and_news_date_in_structured_data(story):
    question = structured.question(story.graph.questions["study-go-ahead"])
    assert question["answerCount"] == 1
    assert question["acceptedAnswer"]["text"] == question["description"]
    assert question["dateModified"] == story.graph.questions["study-go-ahead"].changed.isoformat()
