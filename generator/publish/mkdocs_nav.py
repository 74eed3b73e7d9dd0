"""MkDocs hook: Material's site navigation rendered once for all the pages that show it alike.

The navigation in the sidebar of every page is the same for every page outside it, but for the
addresses, which are relative to the page: Material rendered it for each of a story's thousands
of pages, about an eighth of MkDocs' time. The theme's partials/nav.html calls the global this
hook adds, which renders partials/nav-tree.html (Material's partials/nav.html) as the include
did, and keeps the result under a key that holds everything it depends on for such a page:
which items of the navigation are active, and the address, as the page's `url` filter gives it,
of every item and of the home page and logo the partial links to. A page of the navigation (its
entry is marked active and holds its table of contents) is rendered every time.

The kept renderings live for one build: they are dropped when MkDocs makes its templates
(on_env) and whenever a page is read again (the live preview reads the pages a save changed
before rendering them), so no edit can be hidden by them (not a cache of generator/caches.py,
which skips work from one run to the next). What the Material partials it includes read is
checked by tests/test_pinned_internals.py. MkDocs loads this file by its path, so it imports
nothing from the generator; without it (Zensical ignores hooks) the partial renders on every
page. It works page by page, so MkDocs' pages may be built in shards, each keeping its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

TREE = "partials/nav-tree.html"
GLOBAL = "explainer_site_nav"

_RENDERED: dict[tuple[tuple[bool, ...], tuple[str, ...]], str] = {}


def _items(items: Iterable[Any]) -> Iterator[Any]:
    """Every item of the navigation (sections, pages and links), depth first."""
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or ())


def _key(context: Context) -> tuple[tuple[bool, ...], tuple[str, ...]] | None:
    """What the navigation looks like from this page, or None for a page of the navigation."""
    page, nav, config = context.get("page"), context.get("nav"), context.get("config")
    if page is None or nav is None or config is None:
        return None
    if any(entry is page for entry in nav.pages):
        return None
    items = list(_items(nav.items))
    homepage = nav.homepage.url if nav.homepage is not None else None
    extra, theme = config.extra or {}, config.theme
    targets = [getattr(item, "url", None) for item in items]
    targets += [homepage, extra.get("homepage"), theme.get("logo")]
    urls = tuple(
        "" if target is None else context.environment.call_filter("url", target, context=context)
        for target in targets
    )
    return tuple(bool(item.active) for item in items), urls


@pass_context
def site_nav(context: Context) -> Markup:
    """partials/nav-tree.html rendered for this page, as `{% include %}` would render it."""
    key = _key(context)
    html = _RENDERED.get(key) if key is not None else None
    if html is None:
        html = context.environment.get_template(TREE).render(context.get_all())
        if key is not None:
            _RENDERED[key] = html
    return Markup(html)


def on_env(env: Environment, **_: Any) -> Environment:
    env.globals[GLOBAL] = site_nav
    _RENDERED.clear()
    return env


def on_page_markdown(markdown: str, **_: Any) -> str:
    # A page read again may be one of the navigation, with another title: the live preview
    # reads the pages a save changed before it renders them.
    _RENDERED.clear()
    return markdown
