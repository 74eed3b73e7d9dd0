"""Each statement's share page (`said/<id>/`): static HTML whose title, description and Open
Graph and twitter tags name the speaker and the words, so a shared link previews the statement,
not its speaker's page; it sends the reader on to the statement's card on that page.

It is not Markdown, so it never passes through MkDocs: generation writes it beside the pages
MkDocs reads and `build` links it into the site (generator/publish/sharepages.py). This module
says what a page says; templates/share.html.j2 lays it out, escaped as every template prints a
value.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import cast

from jinja2 import Environment
from markupsafe import Markup

from generator.content.graph import Graph, Node
from generator.model import urls
from generator.pages import jsonld as structured
from generator.pages.citations import Citations
from generator.pages.prose import attribution_text

TEMPLATE = "share.html.j2"
TITLE_LIMIT = 90  # characters of a whole title: previews cut longer ones, mid-word
TITLE_WORDS = 40  # characters of the words a title keeps however long its speakers and topic
DESCRIPTION_WORDS = 240


def names(statement: Node) -> str:
    """Who said it: "A and B"; "A or B", or the readings the sources allow ("A, or B and A"),
    where they leave it open (prose.attribution)."""
    return attribution_text(statement)


def uncertainty(statement: Node) -> str | None:
    """Why who said it is uncertain, as the card says it: the editors' note on an ambiguous
    attribution, or that the sources name different speakers; None when it is certain."""
    if statement.attribution == "ambiguous":
        return f"Who said it is uncertain: {statement.attribution_note}"
    if statement.contested:
        return "Who said it is uncertain: the sources name different speakers."
    return None


def preview(statement: Node, source: str) -> tuple[str, str]:
    """The title and the description a link preview shows; `source` names the cited paragraph
    ("Outlet, 3 March 2026, paragraph 2"). The title says who, on what (the statement's first
    topic) and the start of the words: "Ann Bo on Tolls: “We will not pay…”", about 90
    characters at most; the description the words at more length, and where they were
    published, as a sentence."""
    who = names(statement)
    about = who + (" (uncertain)" if statement.contested else "")
    if statement.topics:
        about += f" on {statement.topics[0].name}"
    uncertain = " (uncertain who said it)" if statement.contested else ""
    if statement.kind == "direct":
        head, tail = f"{about}: “", "”"
        said = f"{who}{uncertain} said: “{cut(statement.text, DESCRIPTION_WORDS)}”"
    else:
        head, tail = f"{about}, paraphrased: ", ""
        words = cut(statement.text, DESCRIPTION_WORDS).removesuffix(".")
        said = f"{who}{uncertain}, paraphrased: {words}"
    room = max(TITLE_LIMIT - len(head) - len(tail), TITLE_WORDS)
    return head + cut(statement.text, room) + tail, f"{said} ({source})."


def cut(text: str, limit: int) -> str:
    """The text, or its first words up to `limit` characters and an ellipsis."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def share_pages(
    graph: Graph,
    scheme: urls.Scheme,
    env: Environment,
    wanted: Callable[[str], bool] = lambda _path: True,
) -> Iterator[tuple[str, str]]:
    """Every statement's share page `wanted` accepts: (file under the docs folder, HTML).
    Everything a page shows is read after `wanted` accepts it, so generator/live/incremental.py
    sees each page read the story's title too."""
    template = env.get_template(TEMPLATE)
    citations = cast(Citations, env.globals["citations"])
    for statement in graph.statements.values():
        path = urls.share_file(statement, scheme)
        if not wanted(path):
            continue
        source = citations.words(statement.source)
        title, description = preview(statement, source)
        anchor = urls.statement_anchor(statement)
        page = urls.share_page(statement)
        values = {
            "title": title,
            "story": graph.story.title,
            "description": description,
            "ld": Markup(structured.share_page(statement, title, description)),  # script-safe
            "target": scheme.relative(page, statement.home, anchor),
            # Where the preview is the statement's: this page, not its speaker's (None: the
            # site's address is not set, and a relative og:url means nothing to a preview).
            "address": scheme.absolute(page),
            "feed": posixpath.relpath(urls.FEED_FILE, scheme.folder_of(page) or "."),
            "direct": statement.kind == "direct",
            "who": names(statement),
            # Whose page the link opens: its first speaker's (graph.py), named alone.
            "home": statement.speakers[0].name,
            "uncertain": uncertainty(statement),
            "words": statement.text,
            "source": source,
        }
        # A context of these values alone (`shared`): the page needs none of the environment's
        # globals, which `render` would copy for each of twenty thousand pages.
        yield path, "".join(template.root_render_func(template.new_context(values, shared=True)))
