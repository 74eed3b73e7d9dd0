"""The real story's content: invariants that hold for any correct content, never its counts.

These run on the repository's story, or on the copy EXPLAINER_STORY names (see
tests/test_contributor_story.py, which adds an article and runs them again)."""

from __future__ import annotations

import pytest

from generator.build import check
from generator.link import normalise_space
from tests.conftest import ROOT, STORY, in_place

pytestmark = pytest.mark.story
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def story():
    linked, problems = check(in_place(STORY))
    assert problems == []
    assert linked is not None
    return linked


def test_the_shared_seeds_are_kept_byte_for_byte():
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout (CI always has it)")
    originals = sorted(SHARED_SEEDS.glob("*.txt"))
    assert originals
    for original in originals:
        assert (STORY / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_every_direct_statement_is_verbatim_in_its_paragraph(story):
    for statement in story.statements.values():
        if statement.kind == "direct":
            paragraphs = story.texts[statement.source.article].paragraphs
            paragraph = paragraphs[statement.source.paragraph - 1]
            assert normalise_space(statement.text) in normalise_space(paragraph), statement.id
