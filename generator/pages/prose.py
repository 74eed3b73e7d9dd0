"""Sentences a page says, made here as values so that templates only print them: English
grammar (one or several, this or that case) is code, tested as code, not nested `if`s in HTML.

Each value a sentence holds is printed as a template prints one (`finalize`, then HTML-escaped),
exactly once; a sentence is Markup, which templates print as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from generator.content.graph import Node
from generator.pages.text import finalize, plural

if TYPE_CHECKING:
    from generator.pages.views import SpokenHere

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(value: dt.date) -> str:
    """Locale-independent, so pages (and golden files) are the same on every machine."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _html(value: object) -> Markup:
    """A value as a template prints it: on one line, bidi controls shown, escaped."""
    return escape(finalize(value))


def time_tag(value: dt.date) -> Markup:
    """A date for readers, machine-readable too: `<time datetime="2026-01-05">5 January…`."""
    return Markup(f'<time datetime="{_html(value.isoformat())}">{_html(long_date(value))}</time>')


def and_list(names: Sequence[str]) -> Markup:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    if len(names) < 2:
        return Markup("".join(_html(name) for name in names))
    head = Markup(", ").join(_html(name) for name in names[:-1])
    return head + Markup(" and ") + _html(names[-1])


def story_span(dates: Sequence[dt.date], timeline: str) -> Markup:
    """When the story happened, by every date the sources give (`dates`, in order); where
    they give none, that the `timeline` (its link) words its dates as the sources do."""
    if not dates:
        return Markup(
            f'not known: no source gives a calendar date; the <a href="{_html(timeline)}">'
            "timeline</a> dates events as the sources word it."
        )
    first, last = dates[0], dates[-1]
    span = time_tag(first) if first == last else f"from {time_tag(first)} to {time_tag(last)}"
    return Markup(f"{span}, by the dates the sources give (publication, events and statements).")


def undated_articles(undated: int, articles: int) -> Markup:
    """How many of the articles give no publication date ("" where each gives one)."""
    if not undated:
        return Markup("")
    if articles == 1:
        return Markup(" The article gives no publication date.")
    gives = "gives" if undated == 1 else "give"
    return Markup(f" {undated} of the {articles} articles {gives} no publication date.")


def drawn_from(articles: int, outlets: Sequence[str], unknown: int, references: int) -> Markup:
    """Whose reporting the story draws on: "3 articles from 2 outlets: A and B; 1 article of
    unknown outlet; and 2 references for facts no article states"."""
    text = Markup(f"{articles} {plural(articles, 'article')}")
    if outlets:
        text += Markup(f" from {len(outlets)} {plural(len(outlets), 'outlet')}: ")
        text += and_list(outlets)
    if unknown and outlets:
        text += Markup(f"; {unknown} {plural(unknown, 'article')} of unknown outlet")
    elif unknown:
        text += Markup(", outlet not known" if articles == 1 else ", outlets not known")
    if references:
        text += Markup(f"; and {references} {plural(references, 'reference')} for facts")
        text += Markup(" no article states")
    return text


def unknown(text: str) -> Markup:
    """What the sources do not say, in the style that marks it so."""
    return Markup(f'<span class="xp-unknown">{_html(text)}</span>')


def said_when(statement: Node) -> Markup | None:
    """When a statement was said, as its sources date it ("Said on 5 January 2026 (on Monday,
    as the source puts it)"); None where they give no date at all."""
    date, when, reported = statement.date, statement.when, statement.reported_on
    if date:
        said = Markup(f"Said on {time_tag(date)}")
        return said + Markup(f" ({_html(when)}, as the source puts it)") if when else said
    if when:
        said = Markup(f"Said {_html(when)}, as the source puts it")
        return said + Markup(f"; reported on {time_tag(reported)}") if reported else said
    return Markup(f"Reported on {time_tag(reported)}") if reported else None


def article_credit(article: Node) -> Markup:
    """Who published an article, and when: "Outlet, via Agency, published 5 January 2026"."""
    if article.outlet:
        credit = _html(article.outlet)
        if article.via:
            credit += Markup(", via ") + _html(article.via)
    else:
        credit = unknown("outlet unknown")
    if article.published:
        credit += Markup(", published ") + _html(long_date(article.published))
    return credit


def speaker_list(statement: Node) -> Markup:
    """Who said it, in a line: "A, B"; "A or B" where the sources leave open which of them."""
    joiner = Markup(" or " if statement.contested else ", ")
    return joiner.join(_html(speaker.name) for speaker in statement.speakers)


def date_span(first: dt.date, last: dt.date) -> Markup:
    """Two dates as one span, each part machine-readable, the shared month and year said once:
    "2–20 March 2026", "28 February – 3 March 2026", "30 December 2025 – 2 January 2026"."""
    if first == last:
        return time_tag(first)
    if (first.year, first.month) == (last.year, last.month):
        start = f"{first.day}"
    elif first.year == last.year:
        start = f"{first.day} {MONTHS[first.month - 1]}"
    else:
        start = long_date(first)
    dash = "–" if (first.year, first.month) == (last.year, last.month) else " – "
    start_tag = Markup(f'<time datetime="{_html(first.isoformat())}">{_html(start)}</time>')
    return start_tag + Markup(dash) + time_tag(last)


def question_count(open_count: int, partly: int) -> str:
    """The unresolved questions, open and partly answered apart: "2 open, 1 partly answered
    questions", "1 open question", "no open question"."""
    parts = [f"{open_count} open"] if open_count or not partly else []
    parts += [f"{partly} partly answered"] if partly else []
    total = open_count + partly
    if not total:
        return "no open question"
    return f"{', '.join(parts)} {plural(total, 'question')}"


# A question's status as a sentence words it, where its label would read wrong in one.
STATUS_WORDS = {"moot": "no longer relevant"}


def status_words(status: str) -> str:
    return STATUS_WORDS.get(status, status)


def _link(href: str, text: Markup | str) -> Markup:
    return (
        Markup(f'<a href="{_html(href)}">')
        + (text if isinstance(text, Markup) else _html(text))
        + Markup("</a>")
    )


def _shortened(text: str, limit: int = 90) -> str:
    """At most `limit` characters, cut at a word with "…" where longer."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def news(kind: str, node: Node, href: str, party: Node | None = None) -> Markup:
    """What a dated item of the latest news says happened, in the record's own words and no
    stronger: a question's title then its new status and what is known; a party's stance
    label; an event's title; who said what. `party` is a position's country."""
    if kind == "question":
        status = _html(status_words(node.status))
        return (
            _link(href, node.question)
            + Markup(f" {status[:1].upper()}{status[1:]}: ")
            + _html(node.known)
        )
    if kind == "position":
        assert party is not None, "a position's news names its party"
        return (
            _link(href, party.name) + Markup("’s stance: ") + _html(node.stance.label) + Markup(".")
        )
    if kind == "event":
        return _link(href, node.title) + Markup(".")
    who = speaker_list(node)
    if node.contested:
        who += Markup(" (who said it is uncertain)")
    if node.kind == "direct":
        return who + Markup(" said: ") + _link(href, f"“{_shortened(node.text)}”")
    return who + Markup(", as reported: ") + _link(href, _shortened(node.text))


def _counted(kind: str, statements: Sequence[Node], href: Callable[[Node], str]) -> Markup:
    """ "1 quoted", linked to it; "2 quoted (1, 2)", each number linked to one of them."""
    count = Markup(f"{len(statements)} {kind}")
    if len(statements) == 1:
        return _link(href(statements[0]), count)
    links = Markup(", ").join(
        _link(href(st), str(number)) for number, st in enumerate(statements, start=1)
    )
    return count + Markup(" (") + links + Markup(")")


def citing_statements(groups: Sequence[SpokenHere], href: Callable[[Node], str]) -> Markup:
    """The statements citing a paragraph, each speaker named once: "A: 2 quoted (1, 2), 1
    reported; B or C (uncertain who said it): 1 quoted"."""
    parts = []
    for group in groups:
        who = speaker_list(group.quoted[0] if group.quoted else group.reported[0])
        if group.contested:
            who += Markup(" (uncertain who said it)")
        kinds = [
            _counted(kind, statements, href)
            for kind, statements in (("quoted", group.quoted), ("reported", group.reported))
            if statements
        ]
        parts.append(who + Markup(": ") + Markup(", ").join(kinds))
    return Markup("; ").join(parts)


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
