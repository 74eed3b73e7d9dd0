"""draft-quotes attribution rules added after the first held-out part (issue 11): fictional
paragraphs, one behaviour each."""

from __future__ import annotations

from generator.authoring.drafting import find_quotations
from tests.authoring.test_drafting import NAMES


def speakers(*paragraphs: str) -> list[str | None]:
    return [d.speaker for d in find_quotations(paragraphs, NAMES)]


def test_a_pronoun_goes_to_the_speaker_earlier_in_its_paragraph_before_the_last_one():
    assert speakers(
        "Quill said the plan was late.",
        "Assembly of Harbours Secretary-General Ines Varga said she was “relieved”. "
        "“The money is there,” she added.",
    ) == ["ines-varga", "ines-varga"]


def test_a_pronoun_is_not_resolved_to_someone_the_article_calls_by_the_other_one():
    assert speakers(
        "Quill said she would vote for it.",
        "Asked about Quill, who has said she will read it “twice,” the mayor smiled. "
        "“Good,” he said.",
    ) == ["quill", None]


def test_a_pronoun_after_an_unnamed_subject_proposes_no_earlier_speaker():
    assert speakers(
        "“We are ready,” said Lee.",
        "A harbour official said the delay was short. He said the port was “nearly there”.",
    ) == ["lee", None]


def test_who_after_a_name_of_a_group_is_the_name_not_the_group():
    assert speakers(
        "“Too late,” said Ines Varga of the campaign group Low Tide, who called it “a shrug”."
    ) == ["ines-varga", "ines-varga"]


def test_a_document_circulated_by_a_country_is_that_countrys():
    assert speakers("The draft circulated by Norland had included “a ferry levy”.") == ["norland"]


def test_a_known_name_inside_an_organisations_name_is_part_of_it():
    assert speakers("The Norland Rowing Trust called the plan “a folly”.") == [
        "norland-rowing-trust"
    ]


def test_a_name_followed_by_a_title_is_that_title_not_the_name():
    assert speakers("Norland Rowing Trust chairman says fee is 'a folly'") == [None]


def test_who_after_an_unnamed_phrase_is_not_the_name_before_it():
    assert speakers("Lee spoke to the Norland envoy, who called the fee “fair”.") == [None]
