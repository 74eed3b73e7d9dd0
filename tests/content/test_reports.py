"""A story told by many sources: a statement reported by several articles (proved against each,
typography aside), disputes, dates on statements, answers over time, references and mentions
computed from citations. Each test adds a second fictional article to the mini story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import check
from generator.content.graph import Graph
from generator.content.variants import as_printed
from generator.model.urls import DIRECTORY_URLS
from generator.pages.downloads import facts_json
from generator.pages.jsonld import quotation
from generator.project import Project
from tests.conftest import MINI, edit, make_project, problems
from tests.content.test_chronology import FIRST_POSITION_END

# A second report of the mini story, typeset differently: straight quotes and three dots.
WIRE = """\
Exampleton's council has approved a new bridge over the Glass River, officials said on Tuesday.
"We will open the bridge before winter," Mayor Ada Quill told reporters.
Ms Quill later said the town would "open the crossing before the first snow".
Opposition leader Bram Stoker-Lee called the plan "far too expensive... for a town this size".
A council spokesman said 40 councillors voted for the plan; the mayor's office put it at 38.
"""
WIRE_SIDECAR = """\
id: fic-wire
label: Wire report on the bridge vote
title: null
outlet: Example Wire
url: null
published: 2026-11-18
language: en
full_text_allowed: true
author: Sam Poe
via: null
accessed: 2026-11-19
excerpt: false
"""
QUILL = "  source: {article: fic-bridge, paragraph: 2}\n  topics: [cost]\n- id: stoker-lee"


@pytest.fixture
def story(mini: Path) -> Path:
    (mini / "seeds" / "fic-wire.txt").write_text(WIRE, encoding="utf-8")
    (mini / "seeds" / "fic-wire.yaml").write_text(WIRE_SIDECAR, encoding="utf-8")
    return mini


def add_to_quill(root: Path, lines: str) -> None:
    """Adds fields to the mini story's first statement (Ada Quill's direct quotation)."""
    edit(root, "content/statements.yaml", QUILL, QUILL.replace("- id: stoker-lee", "") + lines
         + "- id: stoker-lee")  # fmt: skip


def graph(root: Path) -> Graph:
    """The graph of a story that must check clean."""
    linked, found = check(Project.at(root))
    assert [p.headline() for p in found] == []
    assert linked is not None
    return linked.graph


def test_a_report_typeset_differently_is_proved_and_shown_as_printed(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 2}]\n")
    quill = graph(story).statements["quill-before-winter"]
    assert [(r.article.id, r.paragraph, r.words) for r in quill.all_reports] == [
        ("fic-bridge", 2, "We will open the bridge before winter"),
        ("fic-wire", 2, "We will open the bridge before winter"),
    ]


def test_a_report_keeps_the_sources_own_ellipsis():
    paragraph = 'He called it "far too expensive... for a town this size".'
    assert as_printed("far too expensive… for a town", paragraph) == (
        "far too expensive... for a town"
    )


def test_a_report_citing_the_wrong_paragraph_is_told_where_the_words_are(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 3}]\n")
    assert problems(story) == [
        "content/statements.yaml:7:13: the statement's `text` is not quoted in article "
        "'fic-wire' paragraph 3, they are quoted in paragraph 2: fix the paragraph"
    ]


def test_a_report_whose_article_does_not_quote_the_words_is_refused(story):
    add_to_quill(
        story,
        "  reports: [{article: fic-wire, paragraph: 3, text: open the bridge before spring}]\n",
    )
    assert problems(story) == [
        "content/statements.yaml:7:53: these words are not quoted in article 'fic-wire' "
        "paragraph 3, even allowing for differences of quotation marks, apostrophes, dashes, "
        "ellipses and spacing: cite the paragraph that quotes them, or give this report the "
        "words as this article prints them in `text`"
    ]


def test_a_report_in_other_words_is_proved_against_its_own_paragraph(story):
    add_to_quill(
        story,
        "  reports: [{article: fic-wire, paragraph: 3, text: open the crossing before the first"
        " snow}]\n",
    )
    report = graph(story).statements["quill-before-winter"].all_reports[1]
    assert (report.own_wording, report.words) == (True, "open the crossing before the first snow")


def test_a_report_of_another_quotation_is_refused(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 4, text: far too expensive}]\n")
    assert problems(story) == [
        "content/statements.yaml:7:53: these words share too little with the statement's "
        "`text` to be the same quotation in other words: if it is another quotation, make it a "
        "statement of its own"
    ]


def test_the_same_quotation_entered_twice_is_refused(story):
    path = story / "content/statements.yaml"
    path.write_text(
        path.read_text("utf-8") + "- id: quill-again\n  kind: direct\n  speakers: [quill]\n"
        "  text: We will open the bridge before winter\n"
        "  source: {article: fic-wire, paragraph: 2}\n",
        "utf-8",
    )
    assert problems(story) == [
        "content/statements.yaml:22:9: these are the words of statement 'quill-before-winter' "
        "(content/statements.yaml:1): one quotation is one statement, so add this paragraph to "
        "the `reports` of 'quill-before-winter' and remove this statement"
    ]


def test_a_cut_marked_with_brackets_is_the_same_cut_as_an_ellipsis():
    paragraph = 'She said it would "deter any attack ... and defend" the town.'
    assert as_printed("deter any attack […] and defend", paragraph) == (
        "deter any attack ... and defend"
    )


def test_the_same_paragraph_cited_twice_for_one_statement_is_refused(story):
    add_to_quill(story, "  reports: [{article: fic-bridge, paragraph: 2}]\n")
    assert problems(story) == [
        "content/statements.yaml:7:13: article 'fic-bridge' paragraph 2 is already cited for "
        "this statement: remove this report"
    ]


def test_a_quotation_cannot_cite_a_reference(story):
    add_to_quill(story, "  reports: [{reference: council-minutes}]\n")
    assert problems(story) == [
        "content/statements.yaml:7:13: what someone said is cited by the article paragraph "
        "that reports it, never by a reference: write {article: ID, paragraph: N}"
    ]


def test_a_source_is_an_article_paragraph_or_a_reference_not_both(story):
    edit(
        story,
        "content/events.yaml",
        "[{reference: council-minutes}]",
        "[{reference: council-minutes, article: fic-wire, paragraph: 1}]",
    )
    assert problems(story) == [
        "content/events.yaml:5:18: cite either an article and paragraph or a reference, not both"
    ]


DISPUTE = """\
  disputes:
    - about: Who said it
      accounts:
        - says: The mayor said it
          speakers: [quill]
          sources: [{article: fic-bridge, paragraph: 2}]
        - says: The opposition leader said it
          speakers: [stoker-lee]
          sources: [{article: fic-wire, paragraph: 2}]
"""


def test_a_dispute_names_only_the_statements_own_speakers(story):
    add_to_quill(story, DISPUTE)
    assert problems(story) == [
        "content/statements.yaml:14:22: 'stoker-lee' is not among this statement's `speakers`: "
        "list every speaker the sources name there, and each side's here"
    ]


def test_a_disputed_attribution_names_no_author_in_structured_data(story):
    add_to_quill(story, DISPUTE)
    edit(
        story,
        "content/statements.yaml",
        "speakers: [quill]\n  text",
        "speakers: [quill, stoker-lee]\n  text",
    )
    quote = quotation(graph(story).statements["quill-before-winter"])
    assert "creator" not in quote


def test_an_undisputed_quotation_names_its_author(story):
    quote = quotation(graph(story).statements["quill-before-winter"])
    assert quote["creator"]["name"] == "Ada Quill"


def test_a_statement_dated_after_an_article_reporting_it_is_refused(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 2}]\n  date: 2026-11-19\n")
    assert problems(story) == [
        "content/statements.yaml:8:9: dated 2026-11-19, after article 'fic-wire', which reports "
        "it, was published (2026-11-18): fix the date, or cite an article that could report it"
    ]


def test_a_statement_is_reported_on_its_earliest_reports_date(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 2}]\n")
    assert str(graph(story).statements["quill-before-winter"].reported_on) == "2026-11-18"


SAME_DAY = """      sources: [{article: fic-bridge, paragraph: 1}]
    - stance: will-not-pay
      summary: Will not pay, says the wire.
      date: 2026-11-16
      sources: [{article: fic-wire, paragraph: 1}]
  sources: [{article: fic-bridge, paragraph: 1}]
- id: norland"""


def test_two_sources_differing_on_the_same_day_are_a_dispute_not_a_change(story):
    edit(story, "content/countries.yaml", FIRST_POSITION_END, SAME_DAY)
    assert problems(story) == [
        "content/countries.yaml:11:13: this position has the same date as the one above it "
        "(2026-11-16) but other sources: if the sources differ on that day, keep one position "
        "and record each side in its `disputes` (with `stance`); if it changed that day, cite "
        "the article that reports both"
    ]


def test_a_change_on_one_day_reported_by_one_article_is_accepted(story):
    edit(story, "content/countries.yaml", FIRST_POSITION_END,
         SAME_DAY.replace("fic-wire, paragraph: 1", "fic-bridge, paragraph: 1"))  # fmt: skip
    assert problems(story) == []


def test_a_position_dispute_gives_stances_not_speakers(story):
    edit(
        story,
        "content/countries.yaml",
        "      date: 2026-11-16\n      sources: [{article: fic-bridge, paragraph: 1}]\n",
        "      date: 2026-11-16\n      sources: [{article: fic-bridge, paragraph: 1}]\n"
        "      disputes:\n        - about: Whether it will pay\n          accounts:\n"
        "            - {says: It will pay, stance: pays, sources: [{article: fic-bridge, "
        "paragraph: 1}]}\n"
        "            - {says: It will not, speakers: [quill], sources: [{article: fic-wire, "
        "paragraph: 1}]}\n",
    )
    assert problems(story) == [
        "content/countries.yaml:13:45: only a statement's disputes name `speakers` (who the "
        "sources say said it): remove them, and say what this side holds in `says`"
    ]


LATER_EVENT = """- id: approval
  title: The wire reports the approval
  when: on Tuesday
  date: 2026-11-10
  description: The council approved the bridge.
  participants: []
  sources: [{article: fic-wire, paragraph: 1}]
"""


def test_events_out_of_date_order_are_refused(story):
    path = story / "content/events.yaml"
    path.write_text(path.read_text("utf-8") + LATER_EVENT.replace("11-10", "11-08"), "utf-8")
    assert problems(story) == [
        "content/events.yaml:12:9: this event is dated 2026-11-08, before 'vote' listed above it "
        "(2026-11-09): list events in the order they happened, or fix the date"
    ]


def test_events_in_date_order_are_accepted(story):
    path = story / "content/events.yaml"
    path.write_text(path.read_text("utf-8") + LATER_EVENT, "utf-8")
    assert problems(story) == []


HISTORY = """  history:
    - date: 2026-11-18
      status: open
      known: Nobody has said.
      sources: [{article: fic-wire, paragraph: 1}]
"""


def test_a_question_keeps_its_earlier_answers_oldest_first(story):
    edit(story, "content/questions.yaml", "  statements:", HISTORY + "  statements:")
    edit(story, "seeds/fic-bridge.yaml", "published: null", "published: 2026-11-19")
    question = graph(story).questions["bridge-cost"]
    assert [(str(s.date), s.status) for s in question.timeline] == [
        ("2026-11-18", "open"),
        ("2026-11-19", "open"),
    ]
    assert str(question.changed) == "2026-11-19"  # the latest news: the cited article's date


def test_an_earlier_answer_dated_after_the_current_one_is_refused(story):
    edit(
        story,
        "content/questions.yaml",
        "  statements:",
        HISTORY + "  as_of: 2026-11-17\n  statements:",
    )
    assert problems(story) == [
        "content/questions.yaml:10:10: dated 2026-11-17, before the state listed above it "
        "(2026-11-18): a question's `history` is oldest first and ends before its current "
        "`as_of`; fix the order or the date"
    ]


def test_an_article_read_before_it_was_published_is_refused(story):
    edit(story, "seeds/fic-wire.yaml", "accessed: 2026-11-19", "accessed: 2026-11-17")
    assert problems(story) == [
        "seeds/fic-wire.yaml:11:11: read on 2026-11-17, before it was published (2026-11-18): "
        "fix one of the dates"
    ]


def test_where_a_person_is_mentioned_is_computed_from_citations(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 2}]\n")
    edit(story, "content/people.yaml", "  sources: [{article: fic-bridge, paragraph: 2}]\n", "")
    quill = graph(story).people["quill"]
    assert [(s.article.id, s.paragraph) for s in quill.mentions] == [
        ("fic-bridge", 2),
        ("fic-wire", 2),
    ]


def test_a_person_cited_nowhere_is_refused(story):
    path = story / "content/people.yaml"
    path.write_text(
        path.read_text("utf-8") + "- id: nobody\n  name: Nobody Known\n  role: null\n"
        "  affiliation: null\n",
        "utf-8",
    )
    assert problems(story) == [
        "content/people.yaml:12:7: 'nobody' is cited nowhere: no statement, event or position "
        "names it, so add `sources` with the paragraphs that mention it"
    ]


def test_facts_json_carries_reports_as_printed_and_mentions(story):
    add_to_quill(story, "  reports: [{article: fic-wire, paragraph: 2}]\n")
    linked, _ = check(Project.at(story))
    assert linked is not None
    facts = json.loads(facts_json(linked, DIRECTORY_URLS))
    quill = next(s for s in facts["statements"] if s["id"] == "quill-before-winter")
    assert quill["reported_by"][1] == {
        "article": "fic-wire",
        "paragraph": 2,
        "words": "We will open the bridge before winter",
    }
    assert facts["references"][0]["id"] == "council-minutes"
    assert facts["events"][0]["date_sources"] == [{"reference": "council-minutes"}]


def test_an_invalid_statement_does_not_make_its_speaker_look_uncited(story):
    edit(story, "content/people.yaml", "  sources: [{article: fic-bridge, paragraph: 2}]\n", "")
    edit(
        story,
        "content/statements.yaml",
        "kind: direct\n  speakers: [quill]",
        "kind: quoted\n  speakers: [quill]",
    )
    assert [p.split(": ", 1)[0] for p in problems(story)] == ["content/statements.yaml:2:9"]


CHANGED = (
    "content/statements.yaml:7:53: these words {}, so they do not say what the statement's "
    "`text` says: a report in other words keeps its negations, numbers and names; if this is "
    "another quotation, make it a statement of its own"
)


def report_in_other_words(story: Path, said: str, wire_says: str) -> list[str]:
    """Problems of the mini story once Quill's quotation is `said` and the wire quotes her as
    saying `wire_says`, filed as a report of her statement in other words."""
    edit(story, "seeds/fic-bridge.txt", "We will open the bridge before winter", said)
    edit(
        story,
        "content/statements.yaml",
        "text: We will open the bridge before winter",
        f"text: {said}",
    )
    edit(story, "seeds/fic-wire.txt", "We will open the bridge before winter", wire_says)
    add_to_quill(
        story,
        "  reports: [{article: fic-wire, paragraph: 2, text: "
        + json.dumps(wire_says, ensure_ascii=False)
        + "}]\n",
    )
    return problems(story)


@pytest.mark.parametrize(
    ("said", "wire_says", "change"),
    [
        (
            "We will pay for the bridge in full",
            "We will never pay for the bridge",
            "add a negation ('never')",
        ),
        (
            "We will open the bridge before winter",
            "We will not open the bridge before winter",
            "add a negation ('not')",
        ),
        (
            "We will open the bridge before winter",
            "We won’t open the bridge before winter",
            "add a negation ('won’t')",
        ),
        (
            "We will open the bridge before winter",
            "We cannot open the bridge before winter",
            "add a negation ('cannot')",
        ),
        (
            "We will open the bridge before winter",
            "Nobody will open the bridge before winter",
            "add a negation ('Nobody')",
        ),
        (
            "We will open the bridge before winter",
            "We will open the bridge before winter without the council",
            "add a negation ('without')",
        ),
        (
            "We will open the bridge before winter",
            "We refuse to open the bridge before winter",
            "add a negation ('refuse')",
        ),
        (
            "We will never pay for the bridge",
            "We will pay for the bridge in full",
            "leave out 'never'",
        ),
        (
            "We will pay 5 million for the bridge",
            "We will pay 6 million for the bridge",
            "leave out '5'",
        ),
        (
            "We will pay five million for the bridge",
            "We will pay fifty million for the bridge",
            "leave out 'five'",
        ),
        (
            "We and Norland will pay for the bridge",
            "We and Sudland will pay for the bridge",
            "leave out 'Norland'",
        ),
        (
            "Norland will pay for the bridge",
            "Sudland will pay for the bridge",
            "leave out 'Norland'",
        ),
        (
            "We will pay 5 million for the bridge",
            "We will never pay 6 million for the bridge",
            "leave out '5' and add a negation ('never')",
        ),
        (
            "Norland will pay Sudland for the bridge",
            "Sudland will pay Norland for the bridge",
            "put the statement's words in another order",
        ),
        (
            "We will pay for the bridge by winter",
            "Will we pay for the bridge by winter",
            "put the statement's words in another order",
        ),
        (
            "We will pay for the bridge by winter",
            "We will pay for the bridge by winter only if Norland agrees",
            "add 'only' and 'if'",
        ),
        (
            "We will pay 5 million for the bridge",
            "We will pay 5 million less for the bridge",
            "add 'less'",
        ),
        (
            "We will pay for the bridge by winter",
            "We will pay for the bridge by winter, I doubt",
            "add 'doubt'",
        ),
    ],
)
def test_a_report_in_other_words_keeps_the_statements_negations_numbers_and_names(
    story, said, wire_says, change
):
    assert report_in_other_words(story, said, wire_says) == [CHANGED.format(change)]


def test_a_report_in_other_words_may_write_the_same_number_another_way(story, tmp_path):
    assert (
        report_in_other_words(
            story,
            "We will not pay 1,500 euros or five million for the bridge",
            "We won't pay 1 500 euros or 5 million for the bridge",
        )
        == []
    )
    other = make_project(MINI, tmp_path / "other")
    (other / "seeds" / "fic-wire.txt").write_text(WIRE, encoding="utf-8")
    (other / "seeds" / "fic-wire.yaml").write_text(WIRE_SIDECAR, encoding="utf-8")
    assert report_in_other_words(
        other, "We will not pay 1,500 euros", "We will pay 1 500 euros"
    ) == [CHANGED.format("leave out 'not'")]
