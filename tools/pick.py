"""Representative pages of whatever story is built, chosen from its content (no story names)."""

from __future__ import annotations

from pathlib import Path

from generator import urls
from generator.build import Project, check


def representative_pages(root: Path) -> dict[str, str]:
    """Name → URL path (relative to the site root) for home, a person, a country, positions."""
    story, problems = check(Project.at(root))
    if story is None or problems:
        raise SystemExit("The content has problems: run `make check`.")
    person = max(story.graph.people.values(), key=lambda p: len(p.said))
    country = next(c for c in story.graph.countries.values() if c.positions)
    return {
        "home": "",
        "person": urls.url_of(person.own_page()),
        "country": urls.url_of(country.own_page()),
        "positions": "countries/",
    }
