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
from generator.model.parts import Source
from generator.model.records import Term
from generator.pages import views
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
    as the source puts it)"); where they date only its articles, when it was (first) published.
    None where they give no date at all."""
    date, when, published = statement.date, statement.when, statement.reported_on
    if date:
        said = Markup(f"Said on {time_tag(date)}")
        return said + Markup(f" ({_html(when)}, as the source puts it)") if when else said
    dates = {r.article.published for r in statement.all_reports if r.article.published}
    first = "first published" if len(dates) > 1 else "published"
    if when:
        said = Markup(f"Said {_html(when)}, as the source puts it")
        return said + Markup(f"; {first} {time_tag(published)}") if published else said
    return Markup(f"{first.capitalize()} {time_tag(published)}") if published else None


def coverage(reports: Sequence[Node]) -> Markup:
    """Where a statement was printed, counting syndicated copy once: "In 3 outlets, 2
    independent reports"; "In 2 articles of 1 outlet"."""
    counted = views.coverage(reports)
    text = Markup(f"In {counted.outlets} {plural(counted.outlets, 'outlet')}")
    if counted.articles > counted.outlets:
        text = Markup(f"In {counted.articles} articles of ")
        text += Markup(f"{counted.outlets} {plural(counted.outlets, 'outlet')}")
    if counted.origins < counted.articles:
        text += Markup(f", {counted.origins} independent {plural(counted.origins, 'report')}")
    return text


def coverage_counted(reports: Sequence[Node]) -> Markup | None:
    """How the independent reports were counted, where the count is not simply the articles':
    "Counted by origin: an outlet republishing an agency’s copy counts with that agency
    (Outlet, via Agency)"."""
    counted = views.coverage(reports)
    if counted.origins == counted.articles:
        return None
    reasons = []
    if counted.syndicated:
        copies = counted.syndicated
        pairs = Markup("; ").join(_html(o) + Markup(", via ") + _html(a) for o, a in copies)
        reasons.append(
            Markup("an outlet republishing an agency’s copy counts with that agency (")
            + pairs
            + Markup(")")
        )
    if counted.repeated:
        reasons.append(Markup("one outlet’s articles count once (") + and_list(counted.repeated))
        reasons[-1] += Markup(")")
    return Markup("Counted by origin: ") + Markup("; ").join(reasons) + Markup(".")


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


def readings(statement: Node) -> list[list[Node]]:
    """Who may have said it, one list of speakers per reading the sources allow: the
    statement's own `readings` of an ambiguous attribution; else, where the sources leave it
    open (ambiguous, or disputed between articles), each speaker alone; else all together."""
    speakers: list[Node] = statement.speakers
    if not statement.contested:
        return [speakers]
    if statement.attribution == "ambiguous" and statement.readings:
        by_id = {speaker.id: speaker for speaker in speakers}
        return [[by_id[key] for key in reading] for reading in statement.readings]
    return [[speaker] for speaker in speakers]


def attribution(statement: Node, href: Callable[[Node], str] | None = None) -> Markup:
    """Who said it, as a sentence names them: "A and B" together; "A or B" where the sources
    leave open which; with readings, each as the sources allow it: "A, or B and A". With
    `href`, each name links to its page."""

    def name(speaker: Node) -> Markup:
        if href is None:
            return _html(speaker.name)
        link = f'<a class="xp-speaker" href="{_html(href(speaker))}">{_html(speaker.name)}</a>'
        return Markup(link)

    return _readings_sentence([[name(speaker) for speaker in r] for r in readings(statement)])


def attribution_text(statement: Node) -> str:
    """`attribution` as plain text, for what is not HTML (a share page's tags, a search
    record, a copied citation): the names as they are, unescaped."""
    names = [[str(finalize(speaker.name)) for speaker in r] for r in readings(statement)]
    return _readings_sentence(names).unescape()


def _readings_sentence(names: Sequence[Sequence[str]]) -> Markup:
    """Readings joined: one reading's names by "and"; readings by "or", after a comma where a
    reading itself holds "and" ("A, or B and A"), so that no reading runs into the next."""
    parts = [_series(reading, " and ") for reading in names]
    if len(parts) == 1:
        return parts[0]
    if all(len(reading) == 1 for reading in names):
        return _series(parts, " or ")
    return Markup(", or ").join(parts)


def _series(items: Sequence[str], last: str) -> Markup:
    """ "A", "A{last}B", "A, B{last}C", each item escaped unless it is already Markup."""
    escaped = [item if isinstance(item, Markup) else escape(item) for item in items]
    if len(escaped) < 2:
        return Markup("").join(escaped)
    return Markup(", ").join(escaped[:-1]) + Markup(last) + escaped[-1]


def speaker_list(statement: Node) -> Markup:
    """Who said it, in a line (`attribution` without links)."""
    return attribution(statement)


def term_tip(term: Term | Node) -> str:
    """What a glossary term's tooltip says, as plain text (escaped where it lands): what the
    sources say it means, else the editors' explanation marked as theirs, else that the sources
    do not explain it, with how they use it."""
    if term.definition is not None:
        return str(term.definition)
    if term.explanation is not None:
        return f"Editors’ explanation: {term.explanation.text}"
    return f"Not explained by the sources. {usage_lead(term.sources)}: {term.usage}"


def usage_lead(sources: Sequence[Source | Node]) -> str:
    """How a term's usage is introduced: by the article, or the articles, that use it."""
    articles = {source.article for source in sources if source.article is not None}
    return "How the articles use it" if len(articles) > 1 else "How the article uses it"


def said_count(statements: Sequence[Node], noun: bool = False) -> str:
    """How many statements, and how many of them the sources leave uncertain who said:
    "5, 2 of them uncertain" ("1, uncertain"; "3, all uncertain"); with `noun`, "5 statements,
    2 of them of uncertain attribution"."""
    count = len(statements)
    uncertain = sum(1 for statement in statements if statement.contested)
    text = f"{count} {plural(count, 'statement')}" if noun else str(count)
    if not uncertain:
        return text
    which = "" if count == 1 else "all " if uncertain == count else f"{uncertain} of them "
    return text + ", " + which + ("of uncertain attribution" if noun else "uncertain")


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
    return who + Markup(", paraphrased: ") + _link(href, _shortened(node.text))


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
    paraphrased; B or C (uncertain who said it): 1 quoted"."""
    parts = []
    for group in groups:
        who = speaker_list(group.quoted[0] if group.quoted else group.reported[0])
        if group.contested:
            who += Markup(" (uncertain who said it)")
        kinds = [
            _counted(kind, statements, href)
            for kind, statements in (("quoted", group.quoted), ("paraphrased", group.reported))
            if statements
        ]
        parts.append(who + Markup(": ") + Markup(", ").join(kinds))
    return Markup("; ").join(parts)
