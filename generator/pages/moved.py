"""The pages at addresses the site no longer uses, each sending its reader on to where the page
is now: an article's page used to be named by its seed file's id (`sources/000_2fea662c6618083a/`)
and is named by its outlet and date now (generator/model/urls.py, `article_pages`), so a link
or bookmark to the old address still lands on the article.

Each is a small static page (MkDocs copies it as it is): a refresh to the new
address, the new address as its canonical one, a plain link for a reader whose browser does
not follow refreshes, and `noindex`, so search engines list the new address only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from jinja2 import Environment

from generator.content.graph import Graph
from generator.model import urls
from generator.pages.citations import article_name

TEMPLATE = "moved.html.j2"


def moved_pages(
    graph: Graph,
    scheme: urls.Scheme,
    env: Environment,
    wanted: Callable[[str], bool] = lambda _path: True,
) -> Iterator[tuple[str, str]]:
    """Every old address's page `wanted` accepts: (file under the docs folder, HTML)."""
    template = env.get_template(TEMPLATE)
    for article in graph.articles.values():
        old = article.moved_from
        if old is None or not wanted(urls.moved_file(old, scheme)):
            continue
        values = {
            "name": article_name(article),
            "story": graph.story.title,
            "target": scheme.relative(old, article.own_page()),
        }
        html = "".join(template.root_render_func(template.new_context(values, shared=True)))
        yield urls.moved_file(old, scheme), html


def moved_files(graph: Graph, scheme: urls.Scheme) -> set[str]:
    """Where every old address's page goes under the docs folder."""
    return {
        urls.moved_file(article.moved_from, scheme)
        for article in graph.articles.values()
        if article.moved_from is not None
    }
