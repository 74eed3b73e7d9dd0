"""Quotation spans in a paragraph: the words between one pair of quotation marks.

Double marks (“…”, "…", a curly opening closed by a straight mark), guillemets («…», ‹…›) and,
at top level, single marks ('…', ‘…’) where the sentence is clearly quoting: a reporting verb,
a colon before it, or a headline. Single marks elsewhere are apostrophes until proven
otherwise, and single marks inside a double-quoted span are nested quotation, not spans.

A mark never closed before the end of its paragraph runs to the paragraph's end: wire copy
continues a quotation in the next paragraph, which then opens with a mark. Where nothing
continues it, the span is still drafted and a warning names the paragraph, so that no
quotation is lost in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.authoring.drafting.words import PARTICIPLE, VERB

# Opening mark -> the marks that may close it.
DOUBLE = {"“": '”"', '"': '"”', "«": "»", "‹": "›", "„": '“”"'}
SINGLE = {"‘": "’'", "'": "'’"}
OPENINGS = tuple(DOUBLE) + tuple(SINGLE)
WORD = re.compile(r"\w")
# A single-quoted span counts where the sentence quotes: one of these before it, or a colon.
QUOTING = re.compile(
    rf"\b(?:{VERB.pattern}|{PARTICIPLE.pattern}|according to|statement)\b|:\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Span:
    start: int  # the opening mark
    end: int  # just after the closing mark, or the paragraph's end
    text: str
    closed: bool


def spans_of(paragraph: str, headline: bool = False) -> list[Span]:
    """Every quotation span of the paragraph, in order. `headline`: the paragraph is a
    headline or standfirst, where single marks are the house style for quotation."""
    spans: list[Span] = []
    at = 0
    single = False  # whether the paragraph quotes in single marks already
    while at < len(paragraph):
        mark = paragraph[at]
        if mark in DOUBLE and (mark in "«‹" or _opens(paragraph, at)):
            end, closed = _double_end(paragraph, at)
        elif mark in SINGLE and _single_opens(paragraph, at):
            found = _single_end(paragraph, at)
            quoting = headline or (single and _starts_sentence(paragraph, at))
            if found is None or not (quoting or _quoting(paragraph, at, found)):
                at += 1
                continue
            end, closed, single = found, True, True
        else:
            at += 1
            continue
        inner = paragraph[at + 1 : end - 1] if closed else paragraph[at + 1 :]
        spans.append(Span(at, end, _trimmed(inner), closed))
        at = end
    return [s for s in spans if WORD.search(s.text)]


def _trimmed(text: str) -> str:
    """Without the spaces at either end, nor a comma that belongs to the sentence."""
    return text.strip().rstrip(",").rstrip()


def _opens(paragraph: str, at: int) -> bool:
    """A straight mark opens where a word follows it; a closing-looking one does not."""
    following = paragraph[at + 1 : at + 2]
    return bool(following) and not following.isspace()


def _double_end(paragraph: str, at: int) -> tuple[int, bool]:
    opening = paragraph[at]
    closers = DOUBLE[opening]
    preferred = paragraph.find(closers[0], at + 1)
    if preferred >= 0:
        return preferred + 1, True
    # A curly mark closed by a straight one (“…"): the straight mark is the closing one.
    for other in closers[1:]:
        found = paragraph.find(other, at + 1)
        if found >= 0:
            return found + 1, True
    return len(paragraph), False


def _single_opens(paragraph: str, at: int) -> bool:
    before = paragraph[:at]
    if before and (before[-1].isalnum() or before[-1] in "’'"):
        return False  # an apostrophe: the town's, don't
    return _opens(paragraph, at) and paragraph[at + 1].isalnum()


def _quoting(paragraph: str, at: int, end: int) -> bool:
    """Whether single marks are quoting here: a reporting verb or a colon before them in the
    sentence, an attribution right after them ("…,' said X"), or a paragraph opening with them
    (house style that quotes in single marks)."""
    sentence = re.split(r"[.!?]\s+", paragraph[:at])[-1]
    after = paragraph[end : end + 40]
    return bool(
        not paragraph[:at].strip()
        or QUOTING.search(sentence)
        or re.match(rf"\s*[,.]?\s*(?:\S+\s+){{0,3}}?(?:{VERB.pattern}|according to)\b", after, re.I)
    )


def _starts_sentence(paragraph: str, at: int) -> bool:
    return bool(re.search(r"[.!?]['’]?\s+$", paragraph[:at]))


def _single_end(paragraph: str, at: int) -> int | None:
    """Just after the mark that closes a single-quoted span: one after a word or punctuation
    and before no letter (not an apostrophe inside a word), within the sentence's reach."""
    for index in range(at + 1, len(paragraph)):
        char = paragraph[index]
        if char in SINGLE[paragraph[at]]:
            after = paragraph[index + 1 : index + 2]
            if not paragraph[index - 1].isspace() and not (after.isalnum()):
                return index + 1
        if char in '“"«':
            return None  # a double mark first: this was not a quotation's opening
    return None


def unclosed_warning(number: int, continued: bool) -> str | None:
    """The warning for a span never closed in paragraph `number`, unless the next paragraph
    continues it, as wire copy does."""
    if continued:
        return None
    return (
        f"¶{number}: a quotation opens and never closes: it is drafted to the end of the "
        "paragraph; check where it really ends"
    )


def continues(paragraph: str | None) -> bool:
    """Whether a paragraph opens with a quotation mark, continuing the previous one's."""
    return paragraph is not None and paragraph.lstrip()[:1] in OPENINGS
