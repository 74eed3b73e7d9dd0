"""The statement card: a statement as a listing, a speaker's page or a topic shows it.

Python rather than a macro: a big story draws some twenty-five thousand cards, most of them on
several pages, and the macro calls and their escaping were a large part of generation. Each card is
drawn for its page (who else said it, whether the page is its home, its links), so it cannot be
drawn once and reused; it can be drawn cheaply. The bytes are those the macro wrote.

Text is text (generator/pages/text.py): every value is printed as a template prints one
(`finalize`, then HTML-escaped: text.py's `html_text`), exactly once, in text or a
double-quoted attribute; what comes back as Markup (a citation, a sentence of prose.py, glossed
text) is already escaped so. The
card reads the story only through the nodes it is given and the `PageInputs` calls it is made
with (`gloss`, `cite_name`, and `citations`, which is made of them), so the live preview's
recorder learns every read, as it did of the macro.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from markupsafe import Markup

from generator.content.graph import Node
from generator.model.urls import statement_anchor
from generator.pages import citations as citing
from generator.pages.prose import (
    attribution,
    attribution_text,
    coverage,
    coverage_counted,
    said_when,
    unknown,
)
from generator.pages.text import html_text as _html


class Links(citing.Links, Protocol):
    """What a card needs of its page's links (rendering.Links)."""

    def to(self, node: Node) -> str: ...

    def share(self, statement: Node) -> str: ...

    def is_home(self, statement: Node) -> bool: ...

    def co_speakers(self, statement: Node) -> list[Node] | None: ...


# The shared macro that draws where sources differ (_macros.md.j2 `disputes`): rare on a card,
# and drawn as on an event or a question, so the card is given it rather than a copy.
Disputes = Callable[[Sequence[Node], Links], Markup]


def speaker_detail(entity: Node) -> str | None:
    """What a card says beside a speaker's name: role and country, where known."""
    role = getattr(entity, "role", None)
    affiliation = getattr(entity, "affiliation", None)
    country = affiliation.name if affiliation else None
    return " · ".join(part for part in (role, country) if part) or None


class Cards:
    """The story's statement cards, as the template global `statement_card`. `gloss` and
    `cite_name` are the story's `PageInputs` calls, `citations` is made of them."""

    def __init__(
        self,
        citations: citing.Citations,
        gloss: Callable[[str], Markup],
        cite_name: Callable[[Node], str],
    ) -> None:
        self.citations = citations
        self.gloss = gloss
        self.cite_name = cite_name

    def __call__(
        self, st: Node, links: Links, undated: bool = True, disputes: Disputes | None = None
    ) -> Markup:
        """`st`'s card on the page of `links`. `undated`: say "Date not stated" where the
        sources give no date; false where the page says it once for all its cards."""
        kind = st.kind
        direct = kind == "direct"
        exclude = "" if links.is_home(st) else " data-search-exclude"
        out = [
            f'<article class="xp-statement xp-statement--{_html(kind)}" '
            f'id="{_html(statement_anchor(st))}"{exclude}>\n',
            f'<p class="xp-statement__who"><span class="xp-badge xp-badge--{_html(kind)}">'
            f"{'Direct quote' if direct else 'Paraphrase'}</span>",
            self._who(st, links),
            "</p>\n",
        ]
        if st.context:
            out.append(f'<p class="xp-statement__context">{self.gloss(st.context)}</p>\n')
        text = self.gloss(st.text)
        if direct:
            out.append(f'<blockquote class="xp-quote"><p>“{text}”</p></blockquote>\n')
        else:
            out.append(f'<p class="xp-paraphrase">{text}</p>\n')
        if st.questions:
            bears = "; ".join(
                f'<a href="{_html(links.to(q))}">{_html(q.question)}</a>' for q in st.questions
            )
            out.append(f'<p class="xp-statement__questions">Bears on: {bears}</p>\n')
        if st.attribution == "ambiguous":
            out.append(
                '<p class="xp-statement__note"><strong>Attribution uncertain:</strong> '
                f"{_html(st.attribution_note)}</p>\n"
            )
        if st.disputes:
            assert disputes is not None, "a card with disputes needs the disputes macro"
            out.append(f"{disputes(st.disputes, links)}\n")
        said = said_when(st)
        if said or undated:
            out.append(f'<p class="xp-statement__date">{said or unknown("Date not stated")}</p>\n')
        reports = st.all_reports
        if len(reports) > 1:
            out.append(self._reports(st, reports, links))
        out.append('<p class="xp-statement__meta">')
        if len(reports) == 1:
            out.append(self.citations.cites([st.source], links, quote=st))
            original = st.source.article.url
            if original:
                out.append(f" {self.citations.original(original, st.text)}")
        for topic in st.topics:
            href = _html(links.to(topic))
            out.append(f' <a class="xp-topic" href="{href}">{_html(topic.name)}</a>')
        out.append(self._share(st, links, direct))
        return Markup("".join(out))

    def _who(self, st: Node, links: Links) -> str:
        """Who said it, after the badge: every speaker, or on one speaker's own page (whose
        heading names them) only who else said it, unless the sources leave open who did."""
        others = links.co_speakers(st)
        if others is None or st.contested:
            uncertain = (
                '<span class="xp-statement__uncertain">Who said it is uncertain:</span> '
                if st.contested
                else ""
            )
            who = f" {uncertain}{attribution(st, links.to)}"
            speakers = st.speakers
            if len(speakers) == 1:
                detail = speaker_detail(speakers[0])
                if detail:
                    who += f' <span class="xp-statement__role">{_html(detail)}</span>'
            return who
        if not others:
            return ""
        names = []
        last = len(others) - 1
        for number, speaker in enumerate(others):
            names.append(
                f'<a class="xp-speaker" href="{_html(links.to(speaker))}">{_html(speaker.name)}</a>'
            )
            if number < last:
                names.append(", " if number < last - 1 else " and ")
        return f' <span class="xp-statement__with">with {"".join(names)}</span>'

    def _reports(self, st: Node, reports: Sequence[Node], links: Links) -> str:
        """Every outlet that printed it, with its own wording where it differs, and how each
        printed the same words, on request."""
        out = [
            '<div class="xp-reports">\n',
            f'<p class="xp-reports__heading">{coverage(reports)}</p>\n',
        ]
        counted = coverage_counted(reports)
        if counted:
            out.append(f'<p class="xp-reports__counted">{counted}</p>\n')
        out.append("<ul>\n")
        text = st.text
        for r in reports:
            out.append(f"<li>{self.citations.link(r, links, st)}")
            url = r.article.url
            if url:
                out.append(f" {self.citations.original(url, r.words or text)}")
            if r.own_wording and r.words and r.words != text:
                out.append(
                    "<br>\n"
                    '<span class="xp-reports__label xp-reports__label--wording">'
                    "This source’s wording:</span>\n"
                    f' <span class="xp-reports__words">“{_html(r.words)}”</span>'
                )
            out.append("</li>\n")
        out.append("</ul>\n")
        # Quotation marks, dashes and spacing differ between outlets' printings of the same
        # words: on request only, for they change nothing a reader checks; a change of words
        # shows above.
        printed = [r for r in reports if not r.own_wording and r.words]
        if any(r.words != text for r in printed):
            out.append(
                '<details class="xp-reports__printed">\n'
                "<summary>Show how each outlet printed it</summary>\n"
                "<p>The same words; only quotation marks, apostrophes, dashes or spacing differ."
                "</p>\n<ul>\n"
            )
            for r in printed:
                out.append(
                    f"<li>{_html(self.cite_name(r.article))}: "
                    f'<span class="xp-reports__words">“{_html(r.words)}”</span></li>\n'
                )
            out.append("</ul>\n</details>\n")
        out.append("</div>\n")
        return "".join(out)

    def _share(self, st: Node, links: Links, direct: bool) -> str:
        """One control to share it: the link is the permalink, and the copy button (shown by
        cite.js) is part of it; a quotation's button copies it with its source."""
        label = (
            "Copy the quotation, its source and the link"
            if direct
            else "Copy the link to this statement"
        )
        cite = ""
        if direct:
            uncertain = " (who said it is uncertain)" if st.contested else ""
            cite = (
                f' data-cite="“{_html(st.text)}” — {_html(attribution_text(st))}{uncertain}, '
                f'{_html(self.citations.label(st.source))}"'
            )
        return (
            f' <span class="xp-share"><a class="xp-permalink" href="{_html(links.share(st))}" '
            f'aria-label="Link to this statement">Link</a>'
            f'<button type="button" class="xp-copy" hidden aria-label="{label}"{cite}>Copy</button>'
            "</span></p>\n</article>"
        )
