"""The readings of an ambiguous attribution (rule `readings`), beyond the refusals table: each
speaker is in some reading, the readings are two or more and differ, on a copy of the mini
story whose Norland statement two speakers may have made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MINI, edit, make_project, problems
from tests.content.refusals import NORLAND_SOURCE as SOURCE
from tests.content.refusals import TWO_SPEAKERS, UNCLEAR, apply


@pytest.fixture
def story(tmp_path: Path) -> Path:
    root = make_project(MINI, tmp_path / "mini")
    apply(root, TWO_SPEAKERS)
    return root


def read(root: Path, readings: str) -> list[str]:
    edit(root, "content/statements.yaml", SOURCE, SOURCE + UNCLEAR + f"  readings: {readings}\n")
    return problems(root)


def test_readings_that_name_every_speaker_are_accepted(story):
    assert read(story, "[[norland], [quill, norland]]") == []


def test_a_speaker_in_no_reading_and_a_speaker_named_twice_are_refused(story):
    assert read(story, "[[norland], [norland, norland]]") == [
        "content/statements.yaml:21:13: speaker 'quill' is in no reading: add it to each "
        "reading the sources allow, or remove it from `speakers`",
        "content/statements.yaml:21:25: this reading names the same speakers as reading 1",
        "content/statements.yaml:21:35: 'norland' is named twice in this reading",
    ]


def test_one_reading_is_no_uncertainty(story):
    assert read(story, "[[quill, norland]]") == [
        "content/statements.yaml:21:13: give two readings or more (one speaker list each, such "
        "as `[[a], [b, a]]`): with one, the sources say who said it",
    ]


def test_the_same_reading_twice_and_an_empty_one_are_refused(story):
    assert read(story, "[[norland], [quill], [norland, quill], [quill, norland], []]") == [
        "content/statements.yaml:21:52: this reading names the same speakers as reading 3",
        "content/statements.yaml:21:70: a reading names at least one speaker id",
    ]
