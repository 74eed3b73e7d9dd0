"""Each statement's share page (`said/<id>/`): static HTML whose title, description and Open
Graph and twitter tags name the speaker and the words, so a shared link previews the statement,
not its speaker's page; it sends the reader on to the statement's card on that page.

It is not Markdown, so MkDocs copies it as it is: a story of twenty thousand statements adds
twenty thousand small files to copy, not pages to build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from markupsafe import escape

from generator.content.graph import Graph, Node
from generator.model import urls
from generator.pages import jsonld as structured
from generator.pages.text import finalize

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


# The page, filled by `str.format` with escaped values (see `_text`): twenty thousand of them
# cost a fraction of what a template does. What a link preview reads, then on to the statement's
# card on its home page, outlined there (:target); every value sits in a double-quoted attribute
# or in text. No icon to fetch: the page moves on at once, and a browser would otherwise ask the
# host for /favicon.ico.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>{title} – {story}</title>
<meta name="description" content="{description}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{story}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{title}">
<meta name="twitter:description" content="{description}">
<script type="application/ld+json">{ld}</script>
<meta http-equiv="refresh" content="0; url={target}">
<style>:root {{ color-scheme: light dark; }} body {{ max-width: 40rem; margin: 2rem auto; \
padding: 0 1rem; font: 1.1rem/1.5 system-ui, sans-serif; }} blockquote {{ margin: 1rem 0; \
padding-left: 1rem; border-left: 0.2rem solid; font-family: serif; }} a {{ color: inherit; \
}}</style>
</head>
<body>
<main>
<p>{badge} · {story}</p>
<h1>{who}</h1>
{words}
<p>Source: {source}</p>
<p><a href="{target}">See it among everything {who} said</a></p>
</main>
</body>
</html>
"""


def _text(value: str) -> str:
    """A value as every template prints one: on one line, bidi controls shown, escaped."""
    return str(escape(finalize(value)))


def share_pages(
    graph: Graph,
    scheme: urls.Scheme,
    cite_name: Callable[[Node], str],
    wanted: Callable[[str], bool] = lambda _path: True,
) -> Iterator[tuple[str, str]]:
    """Every statement's share page `wanted` accepts: (file under the docs folder, HTML).
    Everything a page shows is read after `wanted` accepts it, so generator/live/incremental.py
    sees each page read the story's title too."""
    for statement in graph.statements.values():
        path = urls.share_file(statement, scheme)
        if not wanted(path):
            continue
        source = f"{cite_name(statement.source.article)}, paragraph {statement.source.paragraph}"
        title, description = preview(statement, source)
        story = _text(graph.story.title)
        anchor = urls.statement_anchor(statement)
        text = _text(statement.text)
        direct = statement.kind == "direct"
        html = PAGE.format(
            title=_text(title),
            story=story,
            description=_text(description),
            ld=structured.share_page(statement, title, description),  # script-safe JSON
            target=_text(scheme.relative(urls.share_page(statement), statement.home, anchor)),
            badge="Direct quote" if direct else "Reported",
            who=_text(names(statement)),
            words=f"<blockquote><p>“{text}”</p></blockquote>" if direct else f"<p>{text}</p>",
            source=_text(source),
        )
        yield path, html
