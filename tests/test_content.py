"""The real story's content: the seed is the original, and every quotation in it is captured."""

from __future__ import annotations

import re

import pytest

from generator.build import Project, check
from generator.link import normalise_space
from tests.conftest import ROOT

SEED = "000_2fea662c6618083a"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
QUOTED = re.compile(r"“(.+?)”")


@pytest.fixture(scope="module")
def story():
    linked, problems = check(Project.at(ROOT))
    assert problems == []
    return linked


def test_seed_is_byte_identical_to_the_shared_original():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout (CI always has it)")
    for original in SHARED_SEEDS.glob("*.txt"):
        assert (ROOT / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_every_quotation_in_the_seed_is_a_direct_statement_or_a_named_term(story):
    paragraphs = story.texts[SEED].paragraphs
    direct = [s for s in story.statements.values() if s.kind == "direct"]
    terms = {t.term.casefold() for t in story.terms.values()}
    spans = [(n, m.group(1)) for n, p in enumerate(paragraphs, start=1) for m in QUOTED.finditer(p)]
    assert len(spans) == 19
    missing = []
    for number, span in spans:
        words = normalise_space(span).rstrip(",")
        if words.casefold() in terms:
            continue
        if not any(
            s.source.paragraph == number and normalise_space(s.text) == words for s in direct
        ):
            missing.append((number, span))
    assert missing == []


def test_every_direct_statement_is_verbatim_in_its_paragraph(story):
    for statement in story.statements.values():
        if statement.kind == "direct":
            paragraph = story.texts[statement.source.article].paragraphs[
                statement.source.paragraph - 1
            ]
            assert normalise_space(statement.text) in normalise_space(paragraph), statement.id


def test_misspelled_names_keep_the_source_spelling_as_an_alias(story):
    assert story.people["meloni"].name == "Giorgia Meloni"
    assert "Georgia Meloni" in story.people["meloni"].aliases
    assert "Georgia Meloni" in story.texts[SEED].paragraphs[16]


def test_the_ambiguous_attribution_is_marked(story):
    statement = story.statements["kushner-strongly-stands"]
    assert statement.attribution == "ambiguous"
    assert statement.attribution_note
