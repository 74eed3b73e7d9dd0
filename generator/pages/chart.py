"""The positions picture: who stands where, as HTML written at build time.

One group per stance, in the order `stances.yaml` gives: its label, then each country or
organisation as a linked pill in the stance's colour; last, those whose stance the sources do
not state, in grey. The story's subject (the grouping the issue is about) is never among them.
It is HTML, not a drawing, so its text keeps the page's size at every width and wraps like
text; every label is escaped text (see generator/pages/text.py), and every group and pill carries
its words: colour is never the only signal. No script, no external asset.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.content.graph import Node
from generator.content.linking import Linked
from generator.pages.text import one_line

UNSTATED = "Not stated"


def positions_picture(story: Linked, href_of: dict[str, str]) -> Markup:
    """`href_of` maps country ids to links from the page the picture appears on."""
    graph = story.graph
    rows = [(stance.label, stance.colour, stance.countries) for stance in graph.stances.values()]
    groups = [
        _group(label, colour, countries, href_of)
        for label, colour, countries in [*rows, (UNSTATED, "none", graph.unstated)]
        if countries
    ]
    return Markup(f'<ul class="xp-positions">{"".join(groups)}</ul>')


def _group(label: str, colour: str, countries: list[Node], href_of: dict[str, str]) -> str:
    pills = "".join(
        f'<li><a class="xp-pill" href="{escape(href_of[country.id])}">'
        f"{escape(one_line(_name(country)))}</a></li>"
        for country in countries
    )
    return (
        f'<li class="xp-positions__group xp-colour--{escape(colour)}">'
        f'<span class="xp-positions__label">{escape(one_line(label))}</span>'
        f'<ul class="xp-positions__members">{pills}</ul></li>'
    )


def _name(country: Node) -> str:
    """A country's pill: its name, and a note when the sources differ on its current stance."""
    current = country.current
    return f"{country.name} (sources differ)" if current and current.disputes else str(country.name)
