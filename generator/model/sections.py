"""The registry of section pages, beside the record types' (model.RECORD_TYPES): every page of
the site that is not a record's own. One row each says where the page lives, which template
draws it, which content file its facts come from, where it stands in the navigation, what it
lists and how its JSON-LD describes it and, for a listing, how many entries a page holds before
it is split. urls, rendering, the JSON-LD, the generated navigation and the templates' links
(`links.section(name)`) all read this table, and tests/model/test_sections.py fails if a
section misses any of them; adding a section is a row here and its template (ARCHITECTURE.md,
"Adding a section"). No section is searched: the search index holds records only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    page: str  # the Markdown page under build/docs
    template: str  # in generator/pages/templates/
    collection: str | None  # the content file its facts come from (the page's Edit link)
    nav: str | None  # its title in the navigation; None: reached by links only
    nav_group: str | None = None  # the navigation's group it stands in, if any
    per_page: int | None = None  # a listing split into numbered pages past this many entries
    # The collections whose records it lists, in order: where a record without a page of its own
    # is shown, the entries of its numbered pages, and what its JSON-LD describes when `jsonld`
    # is None.
    lists: tuple[str, ...] = ()
    # The schema.org type the page's JSON-LD names it as; None: the records it lists, each
    # described as itself (a listing page of people is its people).
    jsonld: str | None = "WebPage"


SECTIONS: tuple[Section, ...] = (
    Section("home", "index.md", "home.md.j2", "story", "Home"),
    Section("statements", "statements/index.md", "statements.md.j2", "statements",
            "Who said what", per_page=1000),
    Section("topics", "topics/index.md", "topics.md.j2", "topics", "Topics"),
    Section("people", "people/index.md", "people.md.j2", "people", "People", per_page=500,
            lists=("people", "groups"), jsonld=None),
    Section("countries", "countries/index.md", "countries.md.j2", "countries", "Countries",
            lists=("countries",), jsonld=None),
    Section("questions", "questions/index.md", "questions.md.j2", "questions", "Questions",
            lists=("questions",), jsonld=None),
    Section("timeline", "timeline.md", "timeline.md.j2", "events", "Timeline", per_page=100,
            lists=("events",)),
    Section("glossary", "glossary.md", "glossary.md.j2", "glossary", "Glossary",
            lists=("glossary",)),
    Section("sources", "sources/index.md", "sources.md.j2", None, "Sources", per_page=100,
            lists=("seeds",), jsonld=None),
    Section("methodology", "methodology.md", "methodology.md.j2", None, "Methodology", "About"),
    Section("corrections", "corrections.md", "corrections.md.j2", "corrections", "Corrections",
            "About", lists=("corrections",)),
    Section("data", "data.md", "data.md.j2", None, "Data", "About"),
    Section("search", "search.md", "search.md.j2", None, None),
)  # fmt: skip
SECTION = {section.name: section for section in SECTIONS}


def named(name: str) -> Section:
    """The section of that name; a name not in the registry fails loudly, naming those that
    are (a template's `links.section("…")` with a misspelt name stops the render)."""
    found = SECTION.get(name)
    if found is None:
        known = ", ".join(s.name for s in SECTIONS)
        raise KeyError(f"no section is named {name!r}; the sections are: {known}")
    return found


def lister(collection: str) -> Section | None:
    """The section whose row lists a collection's records, if one does: where a record without
    a page of its own is shown."""
    return next((section for section in SECTIONS if collection in section.lists), None)


def navigation() -> list[dict[str, object]]:
    """MkDocs' `nav`: the sections in the registry's order, each group where its first stands."""
    nav: list[dict[str, object]] = []
    groups: dict[str, list[dict[str, object]]] = {}
    for section in SECTIONS:
        if section.nav is None:
            continue
        entry: dict[str, object] = {section.nav: section.page}
        if section.nav_group is None:
            nav.append(entry)
        elif section.nav_group in groups:
            groups[section.nav_group].append(entry)
        else:
            groups[section.nav_group] = [entry]
            nav.append({section.nav_group: groups[section.nav_group]})
    return nav
