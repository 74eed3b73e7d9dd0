"""`check` refuses dates that contradict each other: a position listed after a later one, and
anything dated after the article that reports it was published."""

from __future__ import annotations

from tests.conftest import edit, problems
from tests.content.refusals import FIRST_POSITION_END, SECOND_POSITION


def test_positions_in_date_order_are_accepted(mini):
    edit(mini, "content/countries.yaml", FIRST_POSITION_END, SECOND_POSITION)
    edit(mini, "content/countries.yaml", "date: 2026-11-10", "date: 2026-11-18")
    assert problems(mini) == []


def test_an_event_dated_after_its_article_was_published_is_refused(mini):
    edit(mini, "seeds/fic-bridge.yaml", "published: null", "published: 2026-11-16")
    edit(mini, "content/events.yaml", "date: 2026-11-09", "date: 2026-11-17")
    assert problems(mini) == [
        "content/events.yaml:4:9: dated 2026-11-17, after article 'fic-bridge', which reports "
        "it, was published (2026-11-16): fix the date, or cite an article that could report it"
    ]
