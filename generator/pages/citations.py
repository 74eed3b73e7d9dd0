"""The citation, made in this one place: a fact's link to the paragraph it comes from
("Outlet, 5 January 2026, ¶3"), its tooltip (`data-tip`), and the link to the same words in
the original article (a text fragment). Statement cards, lists of reports, lists of cited
articles and share pages all take theirs from here.

Python rather than a macro: a big story prints a citation some fifty thousand times, and a call
costs a fraction of a macro's. Every value is printed as a template prints one (`finalize`,
then HTML-escaped), exactly once; the result is Markup, which a template prints as it is.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from generator.content.graph import Graph, Node
from generator.model.records import Article
from generator.pages.prose import long_date
from generator.pages.text import finalize


class Links(Protocol):
    """What a citation needs of a page's links (rendering.Links): the way to a cited place."""

    def source(self, source: Node, quoted: str | None = None) -> str: ...


def article_name(article: Article | Node) -> str:
    return article.title or article.label


def citation_names(articles: Iterable[Node]) -> dict[str, str]:
    """How a citation names its article when the story has several: by outlet and date where
    known, else by the editors' label; never by a number, which would shift whenever an article
    is added. Articles that would share a name are named by their labels (and headlines, and
    at last by the name of their page's address, which no two share; never by an id)."""
    listed = list(articles)
    names = {article.id: _outlet_and_date(article) or str(article.label) for article in listed}
    for fallback in (_label, _label_and_headline, _label_and_address):
        shared = Counter(names.values())
        names |= {a.id: fallback(a) for a in listed if shared[names[a.id]] > 1}
    return names


def reference_name(reference: Node) -> Markup:
    """A reference as a citation names it, in words that say it is not a news article: "a page
    by Glass River Council", or, without a publisher, "the page “Summit programme”"."""
    if reference.publisher:
        return Markup("a page by ") + _html(reference.publisher)
    return Markup("the page “") + _html(reference.title) + Markup("”")


def _label(article: Node) -> str:
    return str(article.label)


def _label_and_headline(article: Node) -> str:
    return f"{article.label}: {article.title}" if article.title else str(article.label)


def _label_and_address(article: Node) -> str:
    """The label and the last part of the page's address (`the-daily-post-2026-01-06-2`)."""
    return f"{article.label} ({posixpath.basename(article.own_page()).removesuffix('.md')})"


def _outlet_and_date(article: Node) -> str | None:
    if article.outlet and article.published:
        return f"{article.outlet}, {long_date(article.published)}"
    return str(article.outlet) if article.outlet else None


def text_fragment(url: str, text: str) -> str:
    """A link to the exact words in the original (`#:~:text=start,end` for long quotations)."""
    words = text.split()
    if len(words) <= 8:
        target = url_quote(" ".join(words), safe="")
    else:
        start, end = " ".join(words[:4]), " ".join(words[-4:])
        target = url_quote(start, safe="") + "," + url_quote(end, safe="")
    return f"{url.split('#', maxsplit=1)[0]}#:~:text={target.replace('-', '%2D')}"


def _html(value: object) -> Markup:
    """A value as a template prints it: on one line, bidi controls shown, escaped."""
    return escape(finalize(value))


class Citations:
    """The citations of one story. `names` names an article in a citation (`citation_names`);
    `quoted_at` is the anchor of a statement's words marked in a cited paragraph, if any
    (marks.Quoted.anchor). Both come from the story's `PageInputs` (generator/pages/inputs.py),
    which records what a page reads for the live preview."""

    def __init__(
        self,
        graph: Graph,
        names: Callable[[Node], str],
        quoted_at: Callable[[Node, Node], str | None],
    ) -> None:
        self.graph = graph
        self.names = names
        self.quoted_at = quoted_at

    def label(self, source: Node) -> str:
        """A cited paragraph as a reader names it: "Outlet, 5 January 2026, ¶3"."""
        return f"{self.names(source.article)}, ¶{source.paragraph}"

    def words(self, source: Node) -> str:
        """The same in words, for a link preview: "Outlet, 5 January 2026, paragraph 3"."""
        return f"{self.names(source.article)}, paragraph {source.paragraph}"

    def link(
        self, source: Node, links: Links, quote: Node | None = None, named: bool = True
    ) -> Markup:
        """The link to a cited paragraph of an article, landing on `quote`'s words where they
        are marked there; named by its article (`label`), or by its paragraph alone where
        the page or the story leaves no doubt which article it is."""
        anchor = None if quote is None else self.quoted_at(quote, source)
        article = source.article
        tip = f"{_html(article.title or article.label)}, paragraph {_html(source.paragraph)}"
        # "¶3" never stands alone on a line: joined to the words before it by a no-break
        # space (written after escaping, which would make it a plain space).
        mark = _html(f"¶{source.paragraph}")
        text = _html(f"{self.names(article)},") + Markup("&#160;") + mark if named else mark
        return Markup(
            f'<a class="xp-cite" href="{_html(links.source(source, anchor))}" '
            f'data-tip="{tip}">{text}</a>'
        )

    def cites(
        self,
        sources: Sequence[Node],
        links: Links,
        prefix: bool = True,
        quote: Node | None = None,
        named: bool | None = None,
    ) -> Markup:
        """A fact's sources, each linked: "Sources: Outlet, ¶3, Other outlet, ¶5". A paragraph
        is named by its article only where the story has several; `named` false: by its
        paragraph alone ("¶3"), the article named by the link's tooltip and preview, where a
        line must stay short (the home page's summary block)."""
        if named is None:
            named = len(self.graph.articles) > 1
        out = ['<span class="xp-sources">']
        # A bare "¶3" is kept on the prefix's line (`xp-cite-end` does not wrap); a named
        # citation, or a reference named by its publisher, carries its words and may wrap.
        joined = prefix and not named and bool(sources) and sources[0].reference is None
        if joined:
            out.append('<span class="xp-cite-end">')
        if prefix:
            out.append("Sources: " if len(sources) > 1 else "Source: ")
        for number, source in enumerate(sources):
            if number:
                out.append(", ")
            reference = source.reference
            if reference is None:
                out.append(self.link(source, links, quote, named))
            else:
                out.append(
                    f'<a class="xp-cite xp-cite--reference" href="{_html(links.source(source))}" '
                    f'data-tip="Reference: {_html(reference.title)}">'
                    f"{reference_name(reference)}</a>"
                )
            if joined and not number:
                out.append("</span>")
        if joined and not sources:
            out.append("</span>")
        out.append("</span>")
        return Markup("".join(out))

    def original(self, url: str, words: str) -> Markup:
        """The link to `words` in the original article, highlighted there (a text fragment)."""
        href = _html(text_fragment(url, words))
        return Markup(
            f'<a class="xp-original" href="{href}" rel="nofollow noopener">In the original</a>'
        )


_VOID = {"br", "img", "wbr", "hr", "input"}


def _last_break(html: str) -> int:
    """Where the last space between top-level words of `html` is (outside any tag or element),
    or -1."""
    depth, last, index = 0, -1, 0
    while index < len(html):
        char = html[index]
        if char == "<":
            end = html.index(">", index)
            tag = html[index + 1 : end]
            name = tag.lstrip("/").split(maxsplit=1)[0].lower() if tag.strip("/") else ""
            if tag.startswith("/"):
                depth -= 1
            elif not tag.endswith("/") and name not in _VOID:
                depth += 1
            index = end + 1
            continue
        if char == " " and depth == 0:
            last = index
        index += 1
    return last


def with_cites(text: Markup, cites: Markup) -> Markup:
    """A sentence and its citations, the last word kept on the citations' line so that a
    citation never wraps onto a line of its own (`xp-cite-end` is `white-space: nowrap`; the
    citations inside it wrap between themselves)."""
    html = str(text if isinstance(text, Markup) else _html(text)).rstrip()
    cut = _last_break(html)
    head, word = (html[: cut + 1], html[cut + 1 :]) if cut >= 0 else ("", html)
    return (
        Markup(head)
        + Markup('<span class="xp-cite-end">')
        + Markup(word)
        + Markup(" ")
        + cites
        + Markup("</span>")
    )
