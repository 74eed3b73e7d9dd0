"""draft-quotes attribution, round 2 (issue 24): organisations, governments and delegations
speak; accented names; time phrases; verbs' spellings inside names; long titles; words the
story already has. Fictional sentences, one behaviour each."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from generator.authoring.drafting import Name, draft_article, draft_yaml, known_statements

NAMES = [
    Name("Bram Lee", "lee", "person"),
    Name("Lee", "lee", "person"),
    Name("Ada Quill", "quill", "person"),
    Name("Quill", "quill", "person"),
    Name("Norland", "norland", "country"),
    Name("Norlandic", "norland", "country"),
    Name("Brask", "norland", "country"),  # its capital, an alias
    Name("Westmark", "westmark", "country"),
    Name("Harlan Shipping", "harlan-shipping", "group"),
    Name("Tide Line Alliance", "tide-line-alliance", "group"),
]


def drafted(*paragraphs: str):
    return draft_article(paragraphs, NAMES)


def speakers(*paragraphs: str) -> list[str | None]:
    return [d.speaker for d in drafted(*paragraphs).drafts]


def reasons(*paragraphs: str) -> list[str]:
    return [d.reason for d in drafted(*paragraphs).drafts]


# -- accented-name ---------------------------------------------------------------------------


def test_a_new_name_with_accented_letters_is_proposed_under_its_transliterated_id():
    assert speakers("“We will sail,” said Zoë Ångström-Łukasz.") == ["zoe-angstrom-lukasz"]


def test_letters_nfkd_does_not_split_are_transliterated_too():
    assert speakers("“Yes,” said Þóra Østergaard-Weiß.") == ["thora-ostergaard-weiss"]


def test_a_new_name_with_accented_letters_keeps_them_in_the_proposed_record():
    people = drafted("“We will sail,” said Zoë Ångström-Łukasz.").people
    assert [p.name for p in people] == ["Zoë Ångström-Łukasz"]


# -- org-speaker -----------------------------------------------------------------------------


def test_the_company_is_the_last_company_named():
    assert speakers(
        "Harlan Shipping will close the route.", "“It is a sad day,” the company stated."
    ) == ["harlan-shipping"]


def test_the_company_is_not_a_public_body_named_after_it():
    assert speakers(
        "Harlan Shipping will close the route, and the Norland Port Authority will review it.",
        "“It is a sad day,” the company said.",
    ) == ["harlan-shipping"]


def test_a_ministry_the_story_does_not_know_is_proposed_as_a_new_group():
    found = drafted("Norland’s Ministry of Ports said the decision was “regrettable”.")
    assert [(p.id, p.name, p.kind) for p in found.people] == [
        ("ministry-of-ports", "Ministry of Ports", "group")
    ]


def test_a_new_company_is_proposed_as_a_group():
    found = drafted("Brannock Freight asserted that it would “keep every sailing”.")
    assert [(p.id, p.kind) for p in found.people] == [("brannock-freight", "group")]


def test_a_new_ministrys_last_word_alone_is_not_the_ministry():
    found = drafted(
        "Norland’s Ministry of Ports met on Monday.",
        "Karin Lodt, Director of Ports, said it was “done”.",
    )
    assert [(p.id, p.affiliation) for p in found.people] == [("karin-lodt", None)]


def test_the_ministry_is_the_last_ministry_named():
    assert speakers(
        "Norland’s Ministry of Ports said it would find another operator.",
        "“We will not leave the islands alone,” the ministry said.",
    ) == ["ministry-of-ports"]


def test_words_a_ministry_considers_so_are_the_ministrys():
    assert speakers(
        "Norland’s Ministry of Ports met on Monday.",
        "The ministry, considering the closure “a breach of the licence”, asked for a review.",
    ) == ["ministry-of-ports"]


def test_an_organisation_whose_name_ends_in_a_title_word_speaks():
    assert speakers("Skarra Island Council warned that the ferry was “the only road”.") == [
        "skarra-island-council"
    ]


def test_a_countrys_delegation_speaks_for_the_country():
    assert speakers(
        "The Norlandic delegation to the Westmark talks said that it wanted “a fair deal”."
    ) == ["norland"]


def test_two_countries_speaking_together_propose_the_first():
    assert speakers("Norland and Westmark on Monday called for “a durable peace”.") == ["norland"]


def test_the_coalition_is_the_last_coalition_named():
    assert speakers(
        "The Tide Line Alliance met on Monday.",
        "The coalition added that its boats would “stay in port”.",
    ) == ["tide-line-alliance"]


# -- time-opener -----------------------------------------------------------------------------


def test_a_time_phrase_opening_a_sentence_is_not_an_unnamed_speaker():
    assert speakers(
        "Two days later, the mayor, Bram Lee, spoke at the port. “We will sail,” he said."
    ) == ["lee"]


def test_a_time_phrase_opening_a_sentence_is_not_a_new_speakers_role():
    people = drafted("Three weeks ago, Carys Venn spoke at the port. “We will sail,” she said.")
    assert [(p.id, p.role) for p in people.people] == [("carys-venn", "")]


# -- verb-in-name ----------------------------------------------------------------------------


def test_a_verbs_spelling_after_told_is_not_the_reporting_verb():
    assert reasons("Quill told state radio the plan was “dead”.") == [
        "subject of 'told' in the same sentence: Quill"
    ]


def test_a_verbs_spelling_after_a_preposition_is_not_the_reporting_verb():
    assert reasons("Quill said on state radio that the plan was “dead”.") == [
        "subject of 'said' in the same sentence: Quill"
    ]


def test_a_verbs_spelling_inside_a_newspapers_name_is_not_the_reporting_verb():
    assert reasons("Lee told the Brask Evening Post the plan was “dead”.") == [
        "subject of 'told' in the same sentence: Lee"
    ]


# -- long-apposition -------------------------------------------------------------------------


def test_a_long_title_after_a_new_name_is_its_whole_role():
    people = drafted("Carys Venn, Minister of Fisheries and Coastal Affairs, said it was “done”.")
    assert [(p.id, p.role) for p in people.people] == [
        ("carys-venn", "Minister of Fisheries and Coastal Affairs")
    ]


def test_a_long_title_before_a_new_name_is_its_whole_role():
    people = drafted(
        "The Minister of Fisheries and Coastal Affairs, Carys Venn, said it was “done”."
    )
    assert [(p.id, p.role) for p in people.people] == [
        ("carys-venn", "Minister of Fisheries and Coastal Affairs")
    ]


# -- joint-short and other-speaker: words the story already has ---------------------------


def story(text: str, speaker: str) -> Any:
    """As much of a linked story as `known_statements` reads: one direct statement."""
    statement = SimpleNamespace(
        id="said-before",
        kind="direct",
        text=text,
        speakers=[speaker],
        source=SimpleNamespace(article="older", paragraph=1),
        reports=[],
    )
    return SimpleNamespace(
        statements={"said-before": statement},
        origin=lambda _part, _id: ("content/statements.yaml", 4),
    )


def reported(paragraph: str, text: str, speaker: str):
    drafts = draft_article([paragraph], NAMES).drafts
    return known_statements("new", [paragraph], drafts, story(text, speaker))


def test_short_words_the_story_has_from_another_speaker_are_a_new_statement():
    new, known = reported(
        "Norland and Westmark called for “a durable peace” in a joint statement.",
        "a durable peace",
        "quill",
    )
    assert ([d.text for d in new], known) == (["a durable peace"], [])


def test_short_words_the_story_has_from_the_same_speaker_are_a_report():
    new, known = reported("Quill again called for “a durable peace”.", "a durable peace", "quill")
    assert (new, [k.statement for k in known]) == ([], ["said-before"])


LONG = "Every boat that fishes these waters will be counted and landed in daylight"


def test_long_words_given_to_another_speaker_are_a_report_that_names_them():
    _, known = reported(f"“{LONG},” Lee said.", LONG, "quill")
    assert draft_yaml("new", [], known).endswith(
        "# Already in the story: add this report to statement 'said-before' in "
        "content/statements.yaml (line 4):\n"
        "#   reports:\n"
        "#     - {article: new, paragraph: 1}\n"
        "#   This article names lee; the story has quill: consider a dispute.\n"
    )
