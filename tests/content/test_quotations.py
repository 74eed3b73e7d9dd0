"""A direct quotation is verbatim, on whole words, inside one pair of the source's quotation
marks; quotation marks anywhere else are refused. The article here is fictional wire copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINI, edit, problems

WIRE = [
    "The harbour authority of Portmere said on Thursday it was unlikely to reopen the north "
    "quay before spring, citing storm damage to the sea wall.",
    "“We are not going to rush this, the wall has to be safe first,” said the authority’s chief "
    "engineer, Lena Marsh. She added that inspections would go on “for as long as it takes”.",
    "Fishing crews called the delay ‘a disaster for the fleet’ and asked the council to act.",
    "“The quay is the heart of this town. Without it the boats go elsewhere … and they don’t "
    "come back.",
    "“We have asked for help three times,” said the harbourmaster, Tom Reyes.",
    "“He told us, ‘don’t expect miracles,’ and left,” Reyes said of the minister's visit.",
    "A spokesperson said: \"It's the crews' livelihoods that matter,\" adding that the "
    "council's 'emergency fund' was empty.",
    "Marsh called the repairs „unavoidable“ and said they would be «long and costly».",
]
WHERE = "content/statements.yaml:22:9: "
NARRATION = (
    WHERE + "these words are the reporter's, not inside quotation marks in the source: quote "
    "only words the source puts between quotation marks, or make the statement `reported`"
)
INSIDE = (
    WHERE + "this quotation starts or ends inside the word '{}': quote whole words, exactly as "
    "the source writes them"
)
PAST = (
    WHERE + "this quotation runs past the source's quotation marks: quote only the words "
    "between one pair of them, without the marks or the reporter's words around them"
)


def quote(mini: Path, text: str, paragraph: int, wire: list[str] = WIRE) -> list[str]:
    """Problems of the mini story plus one direct statement quoting `text` from paragraph N of
    the wire story (replacing any added before)."""
    (mini / "seeds" / "fic-wire.txt").write_text("\n".join(wire) + "\n", encoding="utf-8")
    sidecar = (mini / "seeds" / "fic-bridge.yaml").read_text(encoding="utf-8")
    (mini / "seeds" / "fic-wire.yaml").write_text(
        sidecar.replace("id: fic-bridge", "id: fic-wire"), encoding="utf-8"
    )
    statements = mini / "content" / "statements.yaml"
    statements.write_text(
        (MINI / "content" / "statements.yaml").read_text(encoding="utf-8")
        + "- id: wire-quote\n  kind: direct\n  speakers: [quill]\n"
        + f"  text: {json.dumps(text, ensure_ascii=False)}\n"
        + f"  source: {{article: fic-wire, paragraph: {paragraph}}}\n",
        encoding="utf-8",
    )
    assert statements.read_text(encoding="utf-8").splitlines()[21].startswith("  text: ")
    return problems(mini)


def test_the_reporters_narration_is_not_a_quotation(mini):
    assert quote(mini, "said the authority’s chief engineer", 2) == [NARRATION]


def test_a_quotation_may_not_run_past_the_closing_mark(mini):
    assert quote(
        mini, "the wall has to be safe first,” said the authority’s chief engineer", 2
    ) == [
        WHERE + "this quotation runs past the source's quotation marks: quote only the words "
        "between one pair of them, without the marks or the reporter's words around them"
    ]


def test_a_quotation_may_not_join_two_quoted_spans(mini):
    assert quote(mini, "We have asked for help three times,” said the harbourmaster", 5) == [
        WHERE + "this quotation runs past the source's quotation marks: quote only the words "
        "between one pair of them, without the marks or the reporter's words around them"
    ]


def test_a_quotation_may_not_start_inside_a_word(mini):
    assert quote(mini, "likely to reopen the north quay", 1) == [INSIDE.format("unlikely")]


def test_a_quotation_may_not_end_inside_a_word(mini):
    assert quote(mini, "We are not going to ru", 2) == [INSIDE.format("rush")]


def test_a_quotation_may_not_stop_at_an_apostrophe_inside_a_word(mini):
    assert quote(mini, "the boats go elsewhere … and they don", 4) == [INSIDE.format("don’t")]


def test_punctuation_is_not_a_quotation(mini):
    assert quote(mini, ".", 2) == [
        WHERE + "a quotation must hold words, not only punctuation: quote the speaker's words"
    ]


def test_one_word_out_of_a_longer_quotation_is_not_a_quotation(mini):
    assert quote(mini, "a", 3) == [
        WHERE + "a quotation of one word must be all the source quotes there: quote at least 2 "
        "words, or make the statement `reported`"
    ]


def test_one_word_the_source_quotes_on_its_own_is_a_quotation(mini):
    assert quote(mini, "repairs", 8) == [NARRATION]
    assert quote(mini, "unavoidable", 8) == []


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph(mini):
    assert quote(mini, "Without it the boats go elsewhere … and they don’t come back.", 4) == []
    assert quote(mini, "said the harbourmaster, Tom Reyes", 5) == [NARRATION]


def test_single_quotation_marks_nested_in_double_ones_stay_inside_the_quotation(mini):
    assert quote(mini, "don’t expect miracles,’ and left", 6) == []
    assert quote(mini, "and left,” Reyes said", 6) == [PAST]


def test_apostrophes_in_straight_quotes_do_not_end_the_quotation(mini):
    assert quote(mini, "It's the crews' livelihoods that matter", 7) == []
    assert quote(mini, 'livelihoods that matter," adding', 7) == [PAST]


def test_an_apostrophe_does_not_open_a_quotation(mini):
    assert quote(mini, "s the crews' livelihoods that matter", 7) == [INSIDE.format("It's")]


def test_a_possessive_is_not_a_quotation(mini):
    assert quote(mini, "council's 'emergency fund' was empty", 7)[0].startswith(
        WHERE + "this quotation runs past the source's quotation marks"
    )


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('"', '"'),
        ("“", "”"),
        ("„", "“"),
        ("„", "”"),
        ("«", "»"),
        ("‹", "›"),
        ("‘", "’"),
        ("'", "'"),
        ("＂", "＂"),
        ("「", "」"),
        ("『", "』"),
        ("»", "«"),
        ("›", "‹"),
        ("»", "»"),
        ("‚", "‘"),
        ("❝", "❞"),
        ("《", "》"),
        ("｢", "｣"),
    ],
)
def test_every_family_of_quotation_marks_makes_a_span(mini, opening, closing):
    paragraph = f"The minister called it {opening}a slow and careful process{closing} on Monday."
    assert quote(mini, "a slow and careful process", 1, [paragraph]) == []
    assert quote(mini, "The minister called it", 1, [paragraph]) == [NARRATION]


def test_words_quoted_in_another_paragraph_point_there(mini):
    wire = ["“Reopening early is not an option,” she said.", "Reopening early is not an option."]
    assert quote(mini, "Reopening early is not an option", 2, wire) == [
        WHERE + "this quotation is not quoted in article 'fic-wire' paragraph 2 but is in "
        "paragraph 1: fix the source"
    ]


MARKS_REFUSED = (
    "the quotation mark {} belongs only in the `text` of a `direct` statement, where the build "
    "proves the quotation against the source: paraphrase without quotation marks, or make a "
    "direct statement"
)


@pytest.mark.parametrize(
    "quoted",
    [
        "‘too expensive’",
        "'too expensive'",
        "‹too expensive›",
        "＂too expensive＂",
        "「too expensive」",
        "»too expensive«",
        "‚too expensive‘",
        "❝too expensive❞",
        "〝too expensive〟",
        "《too expensive》",
        "〈too expensive〉",
        "｢too expensive｣",
        "‟too expensive”",
        "‛too expensive’",
    ],
)
def test_every_family_of_quotation_marks_is_refused_outside_a_quotation(mini, quoted):
    edit(mini, "content/questions.yaml", "it is too expensive;", f"it is {quoted};")
    assert problems(mini) == ["content/questions.yaml:4:10: " + MARKS_REFUSED.format(quoted[0])]


def test_apostrophes_are_not_quotation_marks(mini):
    edit(
        mini,
        "content/questions.yaml",
        "The opposition says it is too expensive;",
        "The opposition’s view is it's ‘too expensive’, the members’ too;",
    )
    assert problems(mini) == ["content/questions.yaml:4:10: " + MARKS_REFUSED.format("‘")]


def test_german_guillemets_do_not_open_a_quotation_at_their_closing_mark(mini):
    paragraph = "»Wir bauen die Brücke«, sagte der Bürgermeister. Die Opposition lehnt ab."
    assert quote(mini, "Wir bauen die Brücke", 1, [paragraph]) == []
    assert quote(mini, "Die Opposition lehnt ab", 1, [paragraph]) == [NARRATION]


@pytest.mark.parametrize("mark", ["‘", "'"])
def test_an_elided_decade_is_not_an_opening_mark(mini, mark):
    paragraph = (
        f"Since the {mark}90s the town has grown, officials say, and the farmers’ market is busy."
    )
    assert quote(mini, "the town has grown", 1, [paragraph]) == [NARRATION]


def test_an_inch_mark_is_not_a_quotation_mark(mini):
    paragraph = 'The 12" pipe leaks, the mayor said, and the town will not pay.'
    assert quote(mini, "the town will not pay", 1, [paragraph]) == [NARRATION]


def test_nothing_is_proved_inside_mixed_quotation_marks(mini):
    paragraph = '“We will go" he said "home,” she added.'
    assert quote(mini, "he said", 1, [paragraph]) == [
        WHERE + "the source mixes quotation marks of different kinds here, so where the "
        "quotation ends cannot be told: make the statement `reported`"
    ]


def test_a_soft_hyphen_does_not_make_a_word_boundary(mini):
    paragraph = "“We will be un\u00adlikely to pay,” said the mayor."
    assert quote(mini, "likely to pay", 1, [paragraph])[0].startswith(
        WHERE + "this quotation starts or ends inside the word"
    )


@pytest.mark.parametrize("field", ["label", "outlet"])
def test_quotation_marks_in_an_articles_description_are_refused(mini, field):
    edit(mini, "seeds/fic-bridge.yaml", f"{field}: ", f"{field}: The “Daily” ")
    assert problems(mini)[0].startswith("seeds/fic-bridge.yaml:")
    assert problems(mini)[0].endswith(MARKS_REFUSED.format("“"))


def test_a_published_headline_may_quote(mini):
    edit(mini, "seeds/fic-bridge.yaml", "title: null", "title: Mayor says bridge is “on time”")
    assert problems(mini) == []


@pytest.mark.parametrize(
    ("paragraph", "cut"),
    [
        ("“The bridge will cost 3.5 million pounds,” Quill said.", "The bridge will cost 3"),
        ("“The bridge will cost 3.5 million pounds,” Quill said.", "5 million pounds,"),
        ("“We will cut 1,500 jobs,” Quill said.", "We will cut 1"),
        ("“The U.S. will not pay,” Quill said.", "S. will not pay,"),
        ("“The bridge cost twenty\u2011two million,” Quill said.", "two million,"),
    ],
)
def test_a_quotation_may_not_cut_a_number_an_abbreviation_or_a_letter(mini, paragraph, cut):
    assert quote(mini, cut, 1, [paragraph])[0].startswith(
        WHERE + "this quotation starts or ends inside the word"
    )


@pytest.mark.parametrize(
    ("paragraph", "narration"),
    [
        ('before winter," said Quill, adding that the council would vote on Friday.', "said Quill"),
        ('Workers fitted a 3½" pipe, the mayor said on Monday.', "pipe, the mayor said"),
        (
            "et le pont sera prêt avant l’hiver », a conclu Quill, qui a quitté la salle.",
            "a conclu",
        ),
        ("und die Brücke wird fertig sein«, sagte Quill, die den Saal verließ.", "sagte Quill"),
    ],
)
def test_a_closing_mark_does_not_open_a_quotation(mini, paragraph, narration):
    assert quote(mini, narration, 1, [paragraph]) == [NARRATION]


def test_a_quotation_is_compared_as_composed_text_without_invisible_characters(mini):
    paragraph = "“The cafe\u0301 will stay open all\u200b winter,” said the mayor."
    assert quote(mini, "The café will stay open all winter", 1, [paragraph]) == []


@pytest.mark.parametrize("quoted", ["’a disgrace for the town’", "❛a total waste❜", "″a scandal″"])
def test_less_common_quotation_marks_are_refused_outside_a_quotation(mini, quoted):
    edit(mini, "content/questions.yaml", "it is too expensive;", f"it is {quoted};")
    assert problems(mini) == ["content/questions.yaml:4:10: " + MARKS_REFUSED.format(quoted[0])]


def test_a_height_is_not_a_quotation(mini):
    edit(mini, "content/questions.yaml", "it is too expensive;", "it is too tall at 6′5;")
    assert problems(mini) == []


def test_a_decomposed_accent_belongs_to_its_letter(mini):
    paragraph = "“It was a dangerous expose\u0301 of the council,” Quill said."
    assert quote(mini, "a dangerous expose", 1, [paragraph])[0].startswith(
        WHERE + "this quotation is not found verbatim"
    )


APOSTROPHES = (
    WHERE + "the single quotation marks around these words may be apostrophes (as in 'em, "
    "'cause or the farmers' union), so where the quotation starts and ends cannot be told: make "
    "the statement `reported`"
)


@pytest.mark.parametrize(
    ("paragraph", "narration"),
    [
        (
            "Crews will beat 'em all, the harbourmaster said, and the farmers' union agreed.",
            "the harbourmaster said, and the",
        ),
        (
            "Crews will beat ‘em all, the harbourmaster said, and the farmers’ union agreed.",
            "the harbourmaster said, and the",
        ),
        (
            "'Cause the quay is shut, the harbourmaster said, the farmers' union will pay.",
            "the harbourmaster said, the",
        ),
        (
            "Crews called it ‘a disaster, the harbourmaster said, and the farmers’ union agreed.",
            "the harbourmaster said, and the",
        ),
        (
            "Crews worked 'til dawn, the harbourmaster said, and the bosses' union agreed.",
            "the harbourmaster said, and the",
        ),
        (
            "Crews will beat ＇em all, the harbourmaster said, and the farmers＇ union agreed.",
            "the harbourmaster said, and the",
        ),
        (
            "Crews will beat ‛em all, the harbourmaster said, and the Joneses’ boat won.",
            "the harbourmaster said, and the",
        ),
        (
            "Crews talked ‘bout it, the harbourmaster said at the Alvarez’ boatyard.",
            "the harbourmaster said at the",
        ),
    ],
)
def test_single_marks_that_may_be_apostrophes_prove_nothing(mini, paragraph, narration):
    """An elision ('em, 'cause, 'til) may open no quotation, and a plural possessive (the
    farmers' union) may close none: between them stands the reporter's narration."""
    assert quote(mini, narration, 1, [paragraph]) == [APOSTROPHES]


def test_a_single_mark_after_s_closes_a_quotation_only_before_a_word_no_possessive_takes(mini):
    paragraph = "Crews called it ‘a waste of millions’ on Monday, and the farmers’ union agreed."
    assert quote(mini, "a waste of millions", 1, [paragraph]) == []
    assert (
        quote(mini, "a gift to the farmers", 1, ["It was ‘a gift to the farmers’ and more."]) == []
    )
    paragraph = "Crews called it ‘a waste, the harbourmaster said, of the farmers’ boats."
    assert quote(mini, "the harbourmaster said,", 1, [paragraph]) == [APOSTROPHES]


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ('"', "”"),
        ("«", "”"),
        ("「", "”"),
        ("＂", "”"),
        ('"', "」"),
        ("『", "”"),
        ("“", "❞"),
        ('"', "″"),
        ('"', "〃"),
        ('"', "''"),
        ('"', ",'"),
        ("“", ",’"),
    ],
)
def test_a_double_mark_closed_by_a_mark_of_another_family_proves_nothing(mini, opening, closing):
    paragraph = (
        f"{opening}We are not going to rush this{closing} said the chief engineer, Lena Marsh."
    )
    assert quote(mini, "said the chief engineer, Lena Marsh.", 1, [paragraph]) == [
        WHERE + "the source mixes quotation marks of different kinds here, so where the "
        "quotation ends cannot be told: make the statement `reported`"
    ]


def test_a_quotation_left_open_with_a_mark_that_may_close_it_proves_nothing(mini):
    paragraph = "“We are not going to rush this’ said the chief engineer, Lena Marsh."
    assert quote(mini, "said the chief engineer, Lena Marsh.", 1, [paragraph]) == [
        WHERE + "the source never closes this quotation, and a mark inside it may be the one "
        "that closes it, so where the quotation ends cannot be told: make the statement "
        "`reported`"
    ]


NUMBER = (
    WHERE + "this quotation starts or ends inside the number '{}': a number is one word "
    "whatever space groups its digits, so quote it whole"
)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009", "\u2007", "\u2002"])
def test_a_quotation_may_not_cut_a_number_grouped_with_a_space(mini, space):
    paragraph = f"“We will send 1{space}500 soldiers across the river,” said the minister."
    assert quote(mini, "500 soldiers across the river,", 1, [paragraph]) == [NUMBER.format("1 500")]
    assert quote(mini, "We will send 1", 1, [paragraph]) == [NUMBER.format("1 500")]
    assert quote(mini, "We will send 1 500 soldiers", 1, [paragraph]) == []


def test_a_number_grouped_with_spaces_is_one_word_however_long(mini):
    paragraph = "“The dam holds 2\u202f400\u202f000 cubic metres,” the engineer said."
    assert quote(mini, "000 cubic metres,", 1, [paragraph]) == [NUMBER.format("2 400 000")]
    assert quote(mini, "400 000 cubic metres,", 1, [paragraph]) == [NUMBER.format("2 400 000")]
    assert quote(mini, "In 2019 500 jobs went", 1, ["“In 2019 500 jobs went,” she said."]) == []


INCH = (
    WHERE + 'a mark " after a number here may be an inch mark rather than a quotation mark, so '
    "where the quotation starts or ends cannot be told: make the statement `reported`"
)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('The 12 " pipes leak, the mayor said, and the town will not pay.', NARRATION),
        ("The 12 ＂ pipes leak, the mayor said, and the town will not pay.", NARRATION),
        ("The 12 “ pipes leak, the mayor said, and the town will not pay.", NARRATION),
        ('The 12 "pipes leak, the mayor said, and the town will not pay.', INCH),
        ('"We will lay 12" the mayor said, and the town will not pay.', INCH),
        ('"We will lay 12 " the mayor said, and the town will not pay.', INCH),
    ],
)
def test_an_inch_mark_after_a_space_or_in_a_quotation_proves_nothing(mini, paragraph, expected):
    assert quote(mini, "the town will not pay.", 1, [paragraph]) == [expected]


def test_a_quotation_may_end_with_a_number(mini):
    paragraph = 'She said the quay would open "before 2027". The town will not pay.'
    assert quote(mini, "before 2027", 1, [paragraph]) == []
    assert quote(mini, "The town will not pay.", 1, [paragraph]) == [NARRATION]
