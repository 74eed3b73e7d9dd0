"""The statement card (generator/pages/card.py), drawn in Python: every value it prints is text,
whatever a contributor wrote; see generator/pages/text.py for the list of sinks."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from markupsafe import Markup, escape

from generator.pages.text import finalize, html_text
from tests.conftest import MULTI, edit, make_project, rendered

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)> &amp; [x](javascript:alert(1))"
SHOWN = (
    "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp;amp; "
    "[x](javascript:alert(1))"
)  # as the card's HTML holds it: escaped once

# Each value a card prints from the story: (file, the text it is in, that text with the payload).
FIELDS = {
    "role": ("content/people.yaml", "role: Energy Minister of Ostravia", "role: {}"),
    "name": ("content/people.yaml", "name: Hana Dusek", "name: {}"),
    "topic": ("content/topics.yaml", "name: Sharing the water", "name: {}"),
    "question": (
        "content/questions.yaml",
        "question: Will the joint study of the river’s flow go ahead?",
        "question: {}",
    ),
    "outlet": ("seeds/fic-courier-study.yaml", "outlet: The Belmark Courier", "outlet: {}"),
    "note": (
        "content/statements.yaml",
        "Annar and Roos said it together.",
        "Annar and Roos said it together. {}",
    ),
    "paraphrase": (
        "content/statements.yaml",
        "river’s flow is finished.\n",
        "river’s flow is finished. {}\n",
    ),
    "context": (
        "content/statements.yaml",
        "- id: dusek-ask-halt\n  kind: reported\n",
        "- id: dusek-ask-halt\n  kind: reported\n  context: {}\n",
    ),
}


def marked(field: str) -> str:
    return f"field-{field} {PAYLOAD}"


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every card of the multi story with the payload in each value a card prints."""
    root = make_project(MULTI, tmp_path_factory.mktemp("hostile-cards"))
    for field, (path, old, new) in FIELDS.items():
        value = marked(field)
        edit(root, path, old, new.format(f'"{value}"' if new.endswith(": {}") else value))
    pages = rendered(root)
    return [
        card
        for text in pages.values()
        for card in re.findall(r'<article class="xp-statement.*?</article>', text, re.DOTALL)
    ]


def test_no_card_holds_markup_from_a_value(cards: list[str]) -> None:
    assert cards
    for card in cards:
        assert "<script" not in card
        assert "<img" not in card
        assert "&amp; [x]" not in card  # an entity a contributor wrote is shown, not decoded


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_each_value_a_card_prints_is_escaped_once(cards: list[str], field: str) -> None:
    found = [card for card in cards if f"field-{field} " in card]
    assert found, f"no card shows the {field}"
    assert all(f"field-{field} {SHOWN}" in card for card in found)


def test_a_quotation_copied_from_a_card_holds_the_names_as_text(cards: list[str]) -> None:
    # The copy button's data-cite attribute carries the speakers' names and the outlet.
    cites = [c for c in cards if "data-cite=" in c and "field-name" in c.split("data-cite=")[1]]
    assert cites
    for card in cites:
        attribute = card.split('data-cite="', 1)[1].split('"', 1)[0]
        assert f"field-name {SHOWN}" in attribute


@pytest.mark.parametrize(
    "value",
    [
        "".join(chr(code) for code in range(128)),  # every ASCII character, controls included
        PAYLOAD,
        "&amp; &#39; &lt;b&gt; \u202e reversed \u2028 line  two   spaces\n\tand a tab",
        Markup("<em>already HTML</em> &amp;"),
        None,
        3,
        dt.date(2026, 1, 5),
    ],
)
def test_the_cards_escaping_is_a_templates(value: object) -> None:
    assert html_text(value) == str(escape(finalize(value)))
