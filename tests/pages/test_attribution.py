"""Who said it, as the pages say it (generator/pages/prose.py): joint speakers together, an
uncertain attribution as the readings its sources allow, and how many of a person's statements
are uncertain. Fake statements stand in for the graph's nodes: the grammar is all that is tested."""

from __future__ import annotations

from types import SimpleNamespace as Fake

from generator.pages import prose

ADA = Fake(id="ada", name="Ada Quill")
BO = Fake(id="bo", name="Bo <Lee>")
CY = Fake(id="cy", name="Cy Marsh")


def said(*speakers, contested=False, attribution="clear", readings=None):
    return Fake(
        speakers=list(speakers), contested=contested, attribution=attribution, readings=readings
    )


def uncertain(*speakers, readings=None):
    return said(*speakers, contested=True, attribution="ambiguous", readings=readings)


def test_joint_speakers_said_it_together():
    assert prose.attribution_text(said(ADA, BO, CY)) == "Ada Quill, Bo <Lee> and Cy Marsh"


def test_an_uncertain_attribution_without_readings_offers_each_speaker_alone():
    assert prose.attribution_text(uncertain(ADA, BO)) == "Ada Quill or Bo <Lee>"


def test_readings_are_each_a_group_and_a_comma_keeps_them_apart():
    statement = uncertain(ADA, BO, readings=[["ada"], ["bo", "ada"]])
    assert prose.attribution_text(statement) == "Ada Quill, or Bo <Lee> and Ada Quill"


def test_readings_of_one_speaker_each_read_as_a_plain_or():
    statement = uncertain(ADA, BO, CY, readings=[["cy"], ["ada"], ["bo"]])
    assert prose.attribution_text(statement) == "Cy Marsh, Ada Quill or Bo <Lee>"


def test_a_disputed_attribution_offers_each_speaker_alone_whatever_the_readings():
    statement = said(ADA, BO, contested=True, readings=None)
    assert prose.attribution_text(statement) == "Ada Quill or Bo <Lee>"


def test_the_html_sentence_escapes_each_name_once_and_links_it():
    statement = uncertain(ADA, BO, readings=[["ada"], ["bo", "ada"]])
    assert prose.attribution(statement, lambda s: f"/people/{s.id}/") == (
        '<a class="xp-speaker" href="/people/ada/">Ada Quill</a>, or '
        '<a class="xp-speaker" href="/people/bo/">Bo &lt;Lee&gt;</a> and '
        '<a class="xp-speaker" href="/people/ada/">Ada Quill</a>'
    )
    assert prose.speaker_list(statement) == "Ada Quill, or Bo &lt;Lee&gt; and Ada Quill"


def test_a_count_says_how_many_statements_are_uncertain():
    statements = [said(ADA), uncertain(ADA, BO), said(ADA)]
    assert prose.said_count(statements) == "3, 1 of them uncertain"
    assert prose.said_count(statements, noun=True) == (
        "3 statements, 1 of them of uncertain attribution"
    )


def test_a_count_says_when_one_or_all_statements_are_uncertain():
    assert prose.said_count([uncertain(ADA, BO)]) == "1, uncertain"
    assert prose.said_count([uncertain(ADA, BO)], noun=True) == (
        "1 statement, of uncertain attribution"
    )
    assert prose.said_count([uncertain(ADA, BO)] * 3) == "3, all uncertain"
    assert prose.said_count([uncertain(ADA, BO)] * 3, noun=True) == (
        "3 statements, all of uncertain attribution"
    )


def test_a_count_without_uncertain_statements_is_only_the_number():
    assert prose.said_count([said(ADA)]) == "1"
    assert prose.said_count([said(ADA)], noun=True) == "1 statement"
