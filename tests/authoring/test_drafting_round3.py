"""draft-quotes attribution, round 3: organisations speaking through a common noun or a
role-reference after they were named, capitals tied to their countries, a person's role, and
the words of a document whose author was named when it was introduced. Fictional sentences,
one behaviour each."""

from __future__ import annotations

from generator.authoring.drafting import Name, draft_article

NAMES = [
    Name("Norland", "norland", "country"),
    Name("Norlandic", "norland", "country"),
    Name("Westmark", "westmark", "country"),
    Name("Harlan Shipping", "harlan-shipping", "group"),
    Name("Harlan", "harlan-shipping", "group"),
    Name("Coast Agency", "coast-agency", "group"),
    Name("Kessel Water", "kessel-water", "group"),
    Name("Strait Commission", "strait-commission", "group"),
    Name("Pellham Town Council", "pellham-town-council", "group"),
    Name("Mardale County Council", "mardale-county-council", "group"),
]


def speakers(*paragraphs: str) -> list[str | None]:
    return [d.speaker for d in draft_article(paragraphs, NAMES).drafts]


# -- an organisation through a common noun or its people -------------------------------------


def test_a_spokeswoman_for_the_firm_speaks_for_the_firm_named_before():
    said = speakers(
        "Harlan Shipping cut two sailings.", "A spokeswoman for the firm said it was “temporary.”"
    )
    assert said == ["harlan-shipping"]


def test_officials_at_the_agency_speak_for_the_agency_named_before():
    said = speakers(
        "The Coast Agency opened an inquiry.",
        "Officials at the agency said the water was “clean again.”",
    )
    assert said == ["coast-agency"]


def test_a_spokesman_for_a_group_no_one_named_gets_no_speaker():
    assert speakers("A spokesman for the firm said it was “temporary.”") == [None]


def test_the_town_council_is_the_council_named_with_town_not_the_last_council():
    said = speakers(
        "Pellham Town Council met Mardale County Council on Monday.",
        "The town council said it had not been “consulted at all.”",
    )
    assert said == ["pellham-town-council"]


def test_a_word_that_describes_any_company_does_not_stop_the_company_named_before():
    said = speakers(
        "Harlan Shipping cut two sailings.", "The embattled company said it was “sorry.”"
    )
    assert said == ["harlan-shipping"]


def test_the_utility_is_the_water_company_named_before():
    said = speakers(
        "Kessel Water shut an intake.", "The utility said in a statement the supply was “safe.”"
    )
    assert said == ["kessel-water"]


def test_the_regulator_is_the_group_an_apposition_called_the_regulator():
    said = speakers(
        "The Coast Agency, the river's regulator, opened an inquiry.",
        "The regulator warned of “heavy fines.”",
    )
    assert said == ["coast-agency"]


# -- capitals and governments ---------------------------------------------------------------


def test_a_capital_the_article_ties_to_its_country_speaks_for_it():
    said = speakers(
        "Ministers met in Calder, the Norlandic capital.", "Calder said it wanted “an answer.”"
    )
    assert said == ["norland"]


def test_the_government_in_a_capital_is_its_country():
    said = speakers(
        "In Calder, the Norlandic capital, the mood was grim.",
        "The government in Calder said it was “ready to talk.”",
    )
    assert said == ["norland"]


def test_the_government_of_a_country_speaks_for_it():
    said = speakers(
        "The government of Westmark on Friday recalled its envoy and said it was “out of patience.”"
    )
    assert said == ["westmark"]


# -- a person by role ----------------------------------------------------------------------


def test_a_role_resolves_to_the_new_person_given_it_before_the_name():
    said = speakers(
        "Harlan's chief executive, Oriel Tamsk, spoke on Monday.",
        "“We are sorry,” the chief executive said.",
    )
    assert said == ["oriel-tamsk"]


def test_a_title_before_a_possessive_is_not_the_named_persons_role():
    said = speakers(
        "The president's aide, Jo Venn, spoke on Monday.",
        "“We are sorry,” the president said.",
    )
    assert said == [None]


def test_a_new_person_first_speaking_by_role_is_proposed_with_that_role():
    people = draft_article(
        [
            "Harlan's chief executive, Oriel Tamsk, spoke on Monday.",
            "“Sorry,” the chief executive said.",
        ],
        NAMES,
    ).people
    assert [(p.id, p.name, p.role) for p in people] == [
        ("oriel-tamsk", "Oriel Tamsk", "Harlan's chief executive")
    ]


# -- a document's words ------------------------------------------------------------------------


def test_a_report_concluded_is_the_words_of_the_group_that_published_it():
    said = speakers(
        "The Coast Agency published a report on Friday.",
        "“The valves failed twice,” the report concluded.",
    )
    assert said == ["coast-agency"]


def test_a_communique_read_is_the_words_of_the_group_named_by_a_common_noun_that_issued_it():
    said = speakers(
        "The Strait Commission met on Friday.",
        "The commission also issued a communiqué on Saturday.",
        "Talks would resume “within days,” the communiqué read.",
    )
    assert said == ["strait-commission"]


def test_according_to_the_report_outranks_a_passive_verb_after_it():
    said = speakers(
        "The Coast Agency published a report.",
        "According to the report, the managers had been told of “corrosion on the line.”",
    )
    assert said == ["coast-agency"]


def test_according_to_a_resolution_passed_by_the_town_council_is_the_councils():
    said = speakers(
        "Pellham Town Council met Mardale County Council on Monday.",
        "According to the resolution passed by the town council in March, it was to stay “open.”",
    )
    assert said == ["pellham-town-council"]
