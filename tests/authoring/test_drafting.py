"""draft-quotes: quotation spans and proposed speakers, measured against the hand-made content."""

from __future__ import annotations

import pytest
import yaml

from generator.authoring.drafting import Name, NewName, draft_article, draft_yaml, find_quotations
from tests.conftest import MINI, edit, make_project, problems, run_cli

SEED = "fic-bridge"
NAMES = [
    Name("Ada Quill", "quill", "person"),
    Name("Quill", "quill", "person"),
    Name("Bram Lee", "lee", "person"),
    Name("Lee", "lee", "person"),
    Name("Norland", "norland", "country"),
]


def drafts_of(*paragraphs: str):
    return [(d.text, d.speaker) for d in find_quotations(paragraphs, NAMES)]


def test_said_after_the_quotation():
    assert drafts_of("“We will build it,” said Quill.") == [("We will build it", "quill")]


def test_name_then_said():
    assert drafts_of("“No,” Lee said.") == [("No", "lee")]


def test_straight_quotes():
    assert drafts_of('"It is too dear," said Lee.') == [("It is too dear", "lee")]


def test_a_quotation_split_by_its_attribution():
    assert drafts_of("“We will,” said Quill, “and soon.”") == [
        ("We will", "quill"),
        ("and soon.", "quill"),
    ]


def test_nested_single_quotes_stay_inside():
    assert drafts_of("Quill said: “They call it ‘the folly’ but it is not.”") == [
        ("They call it ‘the folly’ but it is not.", "quill")
    ]


def test_he_added_resolves_to_the_last_person_named_outside_quotes():
    assert drafts_of("Lee spoke first.", "“Ask Quill,” he added.") == [("Ask Quill", "lee")]


def test_according_to():
    assert drafts_of("The bridge is “a folly”, according to Bram Lee.") == [("a folly", "lee")]


def test_a_quoted_name_is_not_a_statement():
    assert drafts_of("They call it “Norland” now, said Lee.") == []


def test_no_known_name_leaves_the_speaker_open():
    assert drafts_of("“Nobody knows,” a resident said.") == [("Nobody knows", None)]


def test_draft_quotes_writes_a_draft_and_never_touches_content(tmp_path):
    root = make_project(MINI, tmp_path / "story")
    before = {p: p.read_bytes() for p in (root / "content").rglob("*")}
    result = run_cli(root, "draft-quotes", f"seeds/{SEED}.txt")
    assert result.returncode == 0, result.stderr
    draft = (root / "drafts" / f"{SEED}.quotes.yaml").read_text(encoding="utf-8")
    assert draft.count("needs_review: true") == draft.count("\n- ") > 0
    assert {p: p.read_bytes() for p in (root / "content").rglob("*")} == before


@pytest.mark.parametrize("field", ["needs_review: true"])
def test_an_unreviewed_draft_does_not_validate(mini, field):
    edit(
        mini,
        "content/statements.yaml",
        "  topics: [cost]\n- id: stoker-lee",
        f"  topics: [cost]\n  {field}\n- id: stoker-lee",
    )
    assert problems(mini) == [
        "content/statements.yaml:7:3: 'needs_review' marks an unreviewed draft: check its "
        "speaker and text against the article, then delete this line"
    ]


def test_a_new_name_before_a_speech_verb_is_proposed_as_a_new_person():
    assert drafts_of("Harbour master Ines Varga warned it was “too old”.") == [
        ("too old", "ines-varga")
    ]


# Issue 11: rules reorganised around the sentence. Fictional paragraphs, one behaviour each.
BOARD = [*NAMES, Name("Harbour Board", "board", "group"), Name("Norlandic", "norland", "country")]


def drafted(*paragraphs: str):
    return draft_article(paragraphs, BOARD)


def test_guillemets_mark_a_quotation():
    assert drafts_of("« We stay », Lee told reporters.") == [("We stay", "lee")]


def test_a_single_quoted_quotation_after_a_reporting_verb():
    assert drafts_of("Quill called the bridge 'a folly' on Monday.") == [("a folly", "quill")]


def test_apostrophes_are_no_quotation():
    assert drafts_of("Quill spoke.", "Quill's plan isn't the town's first: the builders' is.") == []


def test_a_single_quoted_quotation_in_a_headline():
    assert drafts_of("Quill says town needs 'a bridge, not a ferry'") == [
        ("a bridge, not a ferry", "quill")
    ]


def test_a_curly_opening_mark_closed_by_a_straight_one():
    assert drafts_of('Lee said: “We are ready." He left.') == [("We are ready.", "lee")]


def test_a_quotation_continued_in_the_next_paragraph_runs_to_its_end_without_warning():
    result = drafted('Lee said: "We have the money. We have the plan.', '"We lack time," he said.')
    assert [(d.paragraph, d.text, d.speaker) for d in result.drafts] == [
        (1, "We have the money. We have the plan.", "lee"),
        (2, "We lack time", "lee"),
    ]
    assert result.warnings == []


def test_a_quotation_that_never_closes_is_drafted_and_warned_about():
    result = drafted("Quill said.", 'Lee said the fee was "too high and unfair.', "He left.")
    assert [(d.paragraph, d.text) for d in result.drafts] == [(2, "too high and unfair.")]
    assert result.warnings == [
        "¶2: a quotation opens and never closes: it is drafted to the end of the paragraph; "
        "check where it really ends"
    ]


def test_a_closing_mark_without_an_opening_one_is_warned_about():
    assert drafted("Lee said the plan was dead.” Quill disagreed.").warnings == [
        "¶1: a closing quotation mark with no opening one: check whether a quotation starts "
        "earlier in the paragraph"
    ]


def test_the_speaker_is_the_subject_of_the_verb_not_a_name_in_the_reported_clause():
    assert drafts_of(
        "Lee, who has led the talks since May, said after the vote that Quill “has never read "
        "the plan”."
    ) == [("has never read the plan", "lee")]


def test_a_pronoun_resolves_to_the_last_speaker_not_the_last_name():
    assert drafts_of(
        "Lee said Quill “had not read the plan”.", "“She will, in time,” he said."
    ) == [("had not read the plan", "lee"), ("She will, in time", "lee")]


def test_a_role_resolves_to_the_one_person_given_that_title():
    assert drafts_of(
        "Mayor Ada Quill opened the bridge with Bram Lee.", "“It is finished,” the mayor said."
    ) == [("It is finished", "quill")]


def test_a_country_adjective_before_a_title_is_not_the_speaker():
    assert drafts_of(
        "Quill described the day as a “very big milestone,” while Norlandic Chancellor Bram Lee "
        "said the tolls were “fair”."
    ) == [("very big milestone", "quill"), ("fair", "lee")]


def test_a_characterising_verb_attributes_to_its_subject():
    assert drafts_of(
        "Quill, whose rival Lee had opposed the plan, hailed the vote as “a new start”."
    ) == [("a new start", "quill")]


def test_a_collective_source_proposes_no_speaker():
    assert drafts_of("Quill opened the bridge.", "Some hailed it as “a new era”.") == [
        ("a new era", None)
    ]


def test_an_unnamed_spokesman_is_not_the_person_he_speaks_for():
    assert drafts_of("Lee's spokesman said the claims were “baseless”.") == [("baseless", None)]


def test_words_of_a_document_are_its_authors():
    result = drafted(
        "The Harbour Board adopted its annual report on Monday.",
        "The report had said the pier was “unsafe in high winds”.",
    )
    assert [(d.speaker, d.reason) for d in result.drafts] == [
        (
            "board",
            "subject of 'said' in the same sentence: words of a document ('The report'), "
            "whose author is board",
        )
    ]


def test_a_new_name_with_an_apposition_is_proposed_as_a_new_person():
    result = drafted("“We were not consulted,” said Oren Dask, the Norlandic finance minister.")
    assert [d.speaker for d in result.drafts] == ["oren-dask"]
    assert result.people == [
        NewName("Oren Dask", "oren-dask", "Norlandic finance minister", 1, "person", "norland")
    ]


def test_a_surname_alone_resolves_to_the_new_name_met_before():
    assert drafts_of(
        "Ferry pilot Ines Varga has worked the crossing for years.",
        "Varga said it was “the end of an era”.",
    ) == [("the end of an era", "ines-varga")]


def test_a_pronoun_with_no_recent_speaker_proposes_none():
    assert drafts_of(
        "Lee opened the bridge in May.",
        "Years passed.",
        "Officials were silent.",
        "“It is over,” he said.",
    ) == [("It is over", None)]


def test_each_draft_says_why_and_how_sure():
    assert [(d.reason, d.confidence) for d in drafted("“No,” Lee said. “Never.”").drafts] == [
        ("subject of 'said' right after the quotation: Lee", "high"),
        (
            "continues the quotation before it (subject of 'said' right after the quotation: Lee)",
            "high",
        ),
    ]


def test_an_unsure_draft_proposes_no_speaker_but_says_whom_it_would_have():
    result = drafted("Lee said the fee was fair.", "Nobody replied.", "“It is,” he added.")
    assert [(d.speaker, d.reason, d.confidence) for d in result.drafts] == [
        (None, "subject of 'added' right after the quotation: 'he' → last speaker Lee, ¶1", "low")
    ]


def test_the_draft_file_proposes_new_people_for_review_and_lists_warnings():
    result = drafted("Harbour master Ines Varga warned it was “too old”.", 'Lee said "never.')
    text = draft_yaml("fic", result.drafts, warnings=result.warnings, people=result.people)
    assert "#   ¶2: a quotation opens and never closes" in text
    assert (
        "# For content/people.yaml:\n"
        "# - id: ines-varga\n"
        '#   name: "Ines Varga"\n'
        '#   role: "Harbour master"\n'
        "#   affiliation: null\n"
        "#   sources: [{article: fic, paragraph: 1}]\n"
        "#   needs_review: true\n"
    ) in text
    drafts = yaml.safe_load(text)
    assert [d["speakers"] for d in drafts] == [["ines-varga"], ["lee"]]


def test_an_attribution_after_the_quotation_reads_past_a_relative_clause():
    assert drafts_of(
        "“We are not there yet,” Quill, who has spent the whole week at the harbour, told "
        "reporters."
    ) == [("We are not there yet", "quill")]


def test_the_board_refers_to_the_one_group_of_that_name():
    result = drafted("The Harbour Board raised its fees.", "“The rise is modest,” the board said.")
    assert [d.speaker for d in result.drafts] == ["board"]


def test_words_quoted_from_someones_claim_are_theirs():
    assert drafts_of(
        "“That is wrong,” Quill said of Lee’s claim in a letter to Quill that the fee was “fair”."
    ) == [("That is wrong", "quill"), ("fair", "lee")]


def test_a_single_quoted_quotation_attributed_after_it():
    assert drafts_of("Lee spoke.", "'We have been kept in the dark,' said Quill. 'Again.'") == [
        ("We have been kept in the dark", "quill"),
        ("Again.", "quill"),
    ]


def test_a_scare_quote_in_a_headline_gets_no_speaker_from_its_subject():
    assert drafts_of("Norland bridge sold to 'mystery buyer'") == [("mystery buyer", None)]


def test_a_live_blog_timestamp_is_not_part_of_a_new_name():
    assert drafts_of("1.15pm GMT Ines Varga has arrived.", "Varga said she was “hopeful”.") == [
        ("hopeful", "ines-varga")
    ]


def test_low_opening_marks_closed_by_high_ones():
    assert drafts_of("Lee said: „We are ready.“ Then he left.") == [("We are ready.", "lee")]
