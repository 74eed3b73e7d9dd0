"""Sentences the generator writes say only what is true of the story (issue 25): an
organisation is not called a country, a count of statements says how many are uncertain, the
methodology's claims match what the site does, and the editors' check is not the news date."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from generator.build import check
from generator.model.parts import QuestionStatus
from generator.pages.rendering import render
from tests.conftest import MINI, MULTI, in_place


@pytest.fixture(scope="module")
def multi() -> dict[str, str]:
    linked, found = check(in_place(MULTI))
    assert linked is not None and found == [], found
    return render(linked)


@pytest.fixture(scope="module")
def mini() -> dict[str, str]:
    linked, found = check(in_place(MINI))
    assert linked is not None and found == [], found
    return render(linked)


def cited_groups(page: str) -> dict[str, str]:
    """The "Other facts citing it" groups of an article's page: each heading's links' text."""
    found: dict[str, str] = {}
    for heading, body in re.findall(r'<span class="xp-cited-group">([^:<]+): (.*?)</span>', page):
        found[heading] = found.get(heading, "") + re.sub(r"<[^>]+>", "", body) + "; "
    return found


def test_an_organisation_citing_a_paragraph_is_called_an_organisation(multi):
    groups = cited_groups(multi["sources/the-ilvan-herald-2026-03-16.md"])
    assert "Varne Basin Commission" in groups["Organisations"]
    assert "Varne Basin Commission" not in groups.get("Countries", "")


def test_a_country_citing_a_paragraph_is_still_called_a_country(multi):
    assert "Cordenia" in cited_groups(multi["sources/cordenia-today-2026-03-11.md"])["Countries"]


def test_the_people_table_says_how_many_of_a_persons_statements_are_uncertain(multi):
    people = multi["people/index.md"]
    assert (
        ">Edvin Roos</a></td><td>Chair of the Varne Basin Commission</td>"
        "<td>5, 2 of them uncertain</td>" in people
    )
    assert ">Hana Dusek</a></td><td>Foreign Minister of Belmark</td><td>5</td>" in people


def test_a_persons_page_says_how_many_of_their_statements_are_uncertain(multi):
    roos = multi["people/roos.md"]
    assert "5 statements, 2 of them of uncertain attribution, each linked to its source." in roos
    assert (
        '<p class="xp-lead">5 statements, 2 of them of uncertain attribution. Each uncertain '
        "card says who may have said it and why.</p>"
    ) in roos
    assert "of uncertain attribution" not in multi["people/dusek.md"]


def test_an_uncertain_card_and_line_give_the_readings_the_note_allows(multi):
    roos = multi["people/roos.md"]
    assert (
        '<span class="xp-statement__uncertain">Who said it is uncertain:</span> '
        '<a class="xp-speaker" href="./">Edvin Roos</a>, or '
        '<a class="xp-speaker" href="../annar/">Piet Annar</a> and '
        '<a class="xp-speaker" href="./">Edvin Roos</a>'
    ) in roos
    assert (
        "Edvin Roos, or Piet Annar and Edvin Roos (uncertain who said it): "
        in (multi["sources/the-ilvan-herald-2026-03-16.md"])
    )


def test_the_methodology_lists_every_status_a_question_can_have(mini):
    methodology = mini["methodology.md"]
    for status in get_args(QuestionStatus):
        assert f'xp-status--{status.replace(" ", "-")}"' in methodology, status


def test_the_methodology_names_the_references_it_draws_on_and_says_how_quotes_are_checked(multi):
    methodology = multi["methodology.md"]
    assert "a fact no article states, such as a calendar date, cites the reference" in methodology
    assert "Nothing is added from elsewhere, except" not in methodology
    assert "Quotation marks appear nowhere else on the site" not in methodology
    assert "except for its typography" in methodology


def test_the_editors_check_is_labelled_as_theirs_and_not_as_the_news(multi):
    assert "<strong>Facts last checked by the editors:</strong>" in multi["index.md"]
    assert "<strong>Latest news:</strong>" in multi["index.md"]
    assert "The editors last checked the facts against the sources on" in multi["methodology.md"]
