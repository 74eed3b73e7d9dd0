"""The quoted words on an article's page: each direct statement's words marked where they stand
in their paragraph, with an anchor a citation can link to, so a reader arriving from a quote
sees the exact words inside the highlighted paragraph.

Quotations of different statements may overlap. Marks must nest to be HTML, so a mark that
crosses another is cut in two at the other's end; its first piece carries the anchor (`id`),
and every piece names its quotation in `data-q`, so a script can mark them all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.content.graph import Graph, Node
from generator.content.variants import locate
from generator.model.urls import quote_anchor
from generator.pages.text import finalize


@dataclass(frozen=True)
class Mark:
    """Quoted words of one statement: paragraph[start:end], reached at `#anchor`."""

    start: int
    end: int
    anchor: str


class Quoted:
    """Every located quotation of a story, by article and paragraph."""

    def __init__(self, graph: Graph) -> None:
        self.marks: dict[tuple[str, int], list[Mark]] = defaultdict(list)
        self._anchors: set[tuple[str, int, str]] = set()  # (article, paragraph, anchor) marked
        for statement in graph.statements.values():
            if statement.kind != "direct":
                continue
            for report in statement.all_reports:
                self._add(statement, report)

    def _add(self, statement: Node, report: Node) -> None:
        if report.words is None:
            return
        key = (report.article.id, report.paragraph)
        anchor = quote_anchor(statement, report.paragraph)
        if (*key, anchor) in self._anchors:
            return  # the same statement reported twice in one paragraph: one anchor
        text = report.article.paragraphs[report.paragraph - 1]
        at = text.find(report.words)  # most often the words stand once, as printed: no folding
        if at != -1 and text.find(report.words, at + 1) == -1:
            place: tuple[int, int] | None = (at, at + len(report.words))
        else:
            place = locate(report.words, text)
        if place is not None:
            self.marks[key].append(Mark(*place, anchor))
            self._anchors.add((*key, anchor))

    def anchor(self, statement: Node, source: Node) -> str | None:
        """Where a citation of `statement` at `source` lands: its marked words, if any."""
        if statement.kind != "direct" or source.reference is not None:
            return None
        anchor = quote_anchor(statement, source.paragraph)
        marked = (source.article.id, source.paragraph, anchor) in self._anchors
        return anchor if marked else None

    def paragraph(self, article: Node, number: int) -> Markup:
        """The paragraph's text, escaped, with its quotations marked."""
        text = article.paragraphs[number - 1]
        return marked(text, self.marks.get((article.id, number), []))


def marked(text: str, marks: list[Mark]) -> Markup:
    """`text` escaped, each mark a `<mark>` element; the text between is printed as templates
    print any string (`finalize`), so the words stay those of the seed."""
    pieces = _nested(marks)
    out: list[str] = []
    open_ends: list[int] = []
    position = 0

    def upto(end: int) -> None:
        nonlocal position
        out.append(str(escape(finalize(text[position:end]))))
        position = end

    for start, end, anchor, first in pieces:
        while open_ends and open_ends[-1] <= start:
            upto(open_ends.pop())
            out.append("</mark>")
        upto(start)
        name = escape(anchor)
        ident = f' id="{name}"' if first else ""
        out.append(f'<mark class="xp-quoted"{ident} data-q="{name}">')
        open_ends.append(end)
    while open_ends:
        upto(open_ends.pop())
        out.append("</mark>")
    upto(len(text))
    return Markup("".join(out))


def _nested(marks: list[Mark]) -> list[tuple[int, int, str, bool]]:
    """The marks as pieces that nest (start, end, anchor, first piece?), in document order:
    outer before inner where two start together."""
    pieces: list[tuple[int, int, str, bool]] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, first = mark.start, True
        while start < mark.end:
            crossing = [p[1] for p in pieces if p[0] < start < p[1] < mark.end]
            end = min(crossing, default=mark.end)
            pieces.append((start, end, mark.anchor, first))
            start, first = end, False
    return sorted(pieces, key=lambda p: (p[0], -p[1]))
