"""Text that is read alone: a paraphrase shown in search results, shares and lists names who it
is about, and a glossary definition explains its term without using it."""

from __future__ import annotations

from tests.conftest import edit, problems


def test_a_paraphrase_opening_with_a_possessive_is_refused(mini):
    edit(
        mini, "content/statements.yaml", "text: Norland will not pay", "text: Its leaders won't pay"
    )
    assert len(problems(mini)) == 1
