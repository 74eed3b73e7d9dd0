"""The positions picture: who stands where, as an inline SVG drawn at build time.

One row per stance, in the order `stances.yaml` gives: its label, then each country as a
labelled chip. Every label is one line of escaped text (see generator/text.py). Colour
comes from the stance's tone through CSS classes (so both palettes work), and every chip and
row carries its text: colour is never the only signal. No script, no external asset.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.graph import Node
from generator.link import Linked
from generator.text import one_line

WIDTH = 360  # narrow enough to read on a phone; CSS caps how wide it grows on a desktop
LABEL_HEIGHT = 20
ROW_GAP = 12
CHIP_HEIGHT = 26
CHAR_WIDTH = 7.2  # average advance of the bold 13px sans-serif used, generous so text fits
PADDING = 4


@dataclass(frozen=True)
class Chip:
    x: float
    y: float
    width: float
    country: Node
    href: str


def positions_svg(story: Linked, href_of: dict[str, str]) -> Markup:
    """`href_of` maps country ids to links from the page the picture appears on."""
    rows: list[str] = []
    descriptions: list[str] = []
    y: float = PADDING
    graph = story.graph
    rows_of = [(stance, stance.countries) for stance in graph.stances.values()]
    for option, countries in [*rows_of, (None, graph.unstated)]:
        if not countries:
            continue
        label = option.label if option else "Not stated"
        tone = option.tone if option else "unknown"
        chips, height = _layout(countries, href_of, y)
        rows.append(_row(label, tone, chips, y, height))
        descriptions.append(f"{label}: {', '.join(_name(c) for c in countries)}.")
        y += height + ROW_GAP
    total = y - ROW_GAP + PADDING
    title = f"Where each country and organisation stands on {story.story.issue}"
    return Markup(
        f'<svg class="xp-chart" viewBox="0 0 {WIDTH} {total:.0f}" role="group" '
        f'aria-labelledby="xp-chart-title xp-chart-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="xp-chart-title">{escape(one_line(title))}</title>'
        f'<desc id="xp-chart-desc">{escape(one_line(" ".join(descriptions)))}</desc>'
        f"{''.join(rows)}</svg>"
    )


def _layout(countries: list[Node], href_of: dict[str, str], top: float) -> tuple[list[Chip], float]:
    """Chips under the row's label, wrapping onto new lines as needed; returns the row height."""
    chips: list[Chip] = []
    x: float = PADDING
    y: float = top + LABEL_HEIGHT
    for country in countries:
        width = min(len(_name(country)) * CHAR_WIDTH + 20, WIDTH - 2 * PADDING)
        if x + width > WIDTH - PADDING and x > PADDING:
            x, y = PADDING, y + CHIP_HEIGHT + 6
        chips.append(Chip(x, y, width, country, href_of[country.id]))
        x += width + 8
    return chips, y - top + CHIP_HEIGHT


def _name(country: Node) -> str:
    """A country's chip: its name, and a note when the sources differ on its current stance."""
    current = country.current
    return f"{country.name} (sources differ)" if current and current.disputes else str(country.name)


def _row(label: str, tone: str, chips: list[Chip], top: float, height: float) -> str:
    parts = [
        f'<g class="xp-chart__row xp-tone--{escape(tone)}">',
        f'<text class="xp-chart__label" x="{PADDING}" y="{top + 14:.1f}">'
        f"{escape(one_line(label))}</text>",
        f'<line class="xp-chart__rule" x1="0" x2="{WIDTH}" y1="{top + height + ROW_GAP / 2:.1f}" '
        f'y2="{top + height + ROW_GAP / 2:.1f}"/>',
    ]
    for chip in chips:
        parts.append(
            f'<a href="{escape(chip.href)}"><rect class="xp-chart__chip" x="{chip.x:.1f}" '
            f'y="{chip.y:.1f}" width="{chip.width:.1f}" height="{CHIP_HEIGHT}" rx="13"/>'
            f'<text class="xp-chart__name" x="{chip.x + chip.width / 2:.1f}" '
            f'y="{chip.y + CHIP_HEIGHT / 2 + 4:.1f}" text-anchor="middle">'
            f"{escape(one_line(_name(chip.country)))}</text></a>"
        )
    parts.append("</g>")
    return "".join(parts)
