"""draft-quotes does not regress on the development set (tests/fixtures/drafting-dev/dev).

The thresholds sit a little under the figures CONTRIBUTING.md reports ("How good the drafts
are"), so a change of rules that loses ground shows here. Only the `dev` part is asserted: the
held-out part is measured, never tuned to (`make drafts-score`)."""

from __future__ import annotations

import pytest

from tests.drafting_eval import ROUND_2, load, score

THRESHOLDS = {
    "span precision": 0.97,
    "span recall": 0.97,
    "speaker precision": 0.98,
    "speaker recall": 0.95,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    overall, _ = score(load("dev"))
    return {
        "span precision": overall.found / overall.drafts,
        "span recall": overall.found / overall.spans,
        "speaker precision": overall.right_proposed / overall.proposed,
        "speaker recall": overall.right / overall.spans,
    }


@pytest.mark.parametrize("measure", THRESHOLDS)
def test_the_development_set_does_not_regress(figures, measure):
    assert figures[measure] >= THRESHOLDS[measure], f"{measure}: {figures[measure]:.2%}"


def test_every_pattern_keeps_its_speaker_precision():
    _, by_pattern = score(load("dev"))
    low = {
        pattern: f"{t.right_proposed}/{t.proposed}"
        for pattern, t in by_pattern.items()
        if t.proposed and t.right_proposed / t.proposed < 0.9
    }
    assert low == {}


def test_issue_24s_patterns_keep_their_speaker_recall():
    """Organisations, accented names, time phrases, verbs inside names, long titles and words
    the story already has: each right on at least nine in ten of its `dev` spans."""
    _, by_pattern = score(load("dev"))
    low = {
        pattern: f"{by_pattern[pattern].right}/{by_pattern[pattern].spans}"
        for pattern in ROUND_2
        if by_pattern[pattern].right / by_pattern[pattern].spans < 0.9
    }
    assert low == {}
