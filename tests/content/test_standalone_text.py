"""Text that is read alone: a paraphrase shown in search results, shares and lists names who it
is about, and a glossary definition explains its term without using it."""

from __future__ import annotations

from tests.conftest import edit, problems


def test_a_paraphrase_opening_with_a_pronoun_is_refused(mini):
    edit(mini, "content/statements.yaml", "text: Norland will not pay", "text: They will not pay")
    assert problems(mini) == [
        'content/statements.yaml:17:9: this paraphrase starts with "They", which names no one '
        "when the statement is read alone (in search results, shares and lists): name who "
        "instead, such as the speaker or the country"
    ]


def test_a_paraphrase_opening_with_a_possessive_is_refused(mini):
    edit(
        mini, "content/statements.yaml", "text: Norland will not pay", "text: Its leaders won't pay"
    )
    assert len(problems(mini)) == 1


def test_a_definition_that_uses_its_own_term_is_refused(mini):
    edit(
        mini,
        "content/glossary.yaml",
        "definition: The river the bridge would cross.",
        "definition: The glass river the bridge would cross.",
    )
    assert problems(mini) == [
        'content/glossary.yaml:3:15: this definition uses "Glass River", the term it defines, '
        "so it tells a reader who does not know the term nothing: say what it means in other "
        "words"
    ]
