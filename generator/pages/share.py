"""Each statement's share page (`said/<id>/`): static HTML whose title, description and Open
Graph and twitter tags name the speaker and the words, so a shared link previews the statement,
not its speaker's page; it sends the reader on to the statement's card on that page.

It is not Markdown, so MkDocs copies it as it is: a story of twenty thousand statements adds
twenty thousand small files to copy, not pages to build. This module says what a page says;
templates/share.html.j2 lays it out, escaped as every template prints a value.
"""

from __future__ import annotations

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
TITLE_WORDS = 110  # characters of the words in a title: previews cut longer ones anyway
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
    """The title and the description a link preview shows; `source` names the cited paragraph."""
    who = names(statement)
    uncertain = " (uncertain who said it)" if statement.contested else ""
    if statement.kind == "direct":
        title = f"{who}: “{_cut(statement.text, TITLE_WORDS)}”"
        said = f"{who}{uncertain} said: “{_cut(statement.text, DESCRIPTION_WORDS)}”"
    else:
        title = f"{who}, as reported: {_cut(statement.text, TITLE_WORDS)}"
        said = f"{who}{uncertain}, as reported: {_cut(statement.text, DESCRIPTION_WORDS)}"
    return title, f"{said} Source: {source}."


def _cut(text: str, limit: int) -> str:
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
        values = {
            "title": title,
            "story": graph.story.title,
            "description": description,
            "ld": Markup(structured.share_page(statement, title, description)),  # script-safe
            "target": scheme.relative(urls.share_page(statement), statement.home, anchor),
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
