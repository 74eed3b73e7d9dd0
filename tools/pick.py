"""Representative pages of whatever story is built, chosen from its content (no story names)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from generator.build import check
from generator.model import urls
from generator.project import Project
from generator.publish.config import site_config


def representative_pages(root: Path) -> dict[str, str]:
    """Name → URL path (relative to the site root) for home, a person, a country, a question,
    positions, a search's results and a missing page (the site's 404)."""
    project = Project.at(root)
    story, problems = check(project)
    if story is None or problems:
        raise SystemExit("The content has problems: run `make check`.")
    scheme = site_config(story.story).scheme  # the site's directory_urls
    person = max(story.graph.people.values(), key=lambda p: len(p.said))
    country = next(c for c in story.graph.countries.values() if c.positions)
    pages = {
        "home": "",
        "person": scheme.url_of(person.own_page()),
        "country": scheme.url_of(country.own_page()),
        "positions": scheme.url_of(urls.SECTION_PAGES["countries"]),
        "not-found": "no-such-page/",  # served the site's 404 page
        # The search page showing results: what a reader's search leads to.
        "search": scheme.url_of(urls.SECTION_PAGES["search"]) + "?q=" + quote(str(person.name)),
    }
    question = next(iter(story.graph.questions.values()), None)
    if question is not None:
        pages["question"] = scheme.url_of(question.own_page())
    return pages
