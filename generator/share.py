"""Each statement's share page (`said/<id>/`): static HTML whose title, description and Open
Graph and twitter tags name the speaker and the words, so a shared link previews the statement,
not its speaker's page; it sends the reader on to the statement's card on that page.

It is not Markdown, so MkDocs copies it as it is: a story of twenty thousand statements adds
twenty thousand small files to copy, not pages to build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import cast

from jinja2 import Environment
from markupsafe import Markup

from generator import structured, urls
from generator.graph import Graph, Node

TITLE_WORDS = 110  # characters of the words in a title: previews cut longer ones anyway
DESCRIPTION_WORDS = 240


def names(statement: Node) -> str:
    """Who said it: "A and B", "A, B and C"; "A or B" where the sources leave it open."""
    people = [speaker.name for speaker in statement.speakers]
    last = " or " if statement.contested else " and "
    return last.join([", ".join(people[:-1]), people[-1]]) if len(people) > 1 else people[0]


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
    env: Environment,
    scheme: urls.Scheme,
    links: Callable[[str], object],
    wanted: Callable[[str], bool] = lambda _path: True,
) -> Iterator[tuple[str, str]]:
    """Every statement's share page `wanted` accepts: (file under the docs folder, HTML)."""
    template = env.get_template("share.html.j2")
    cite_name = cast(Callable[[Node], str], env.globals["cite_name"])
    for statement in graph.statements.values():
        path = urls.share_file(statement, scheme)
        if not wanted(path):
            continue
        source = f"{cite_name(statement.source.article)}, paragraph {statement.source.paragraph}"
        title, description = preview(statement, source)
        html = template.render(
            links=links(urls.share_page(statement)),
            st=statement,
            who=names(statement),
            source=source,
            title=title,
            description=description,
            ld=Markup(structured.share_page(statement, title, description)),  # script-safe JSON
        )
        yield path, html
