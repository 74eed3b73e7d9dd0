"""What counts as a quotation: the rules a direct quotation must meet to be shown as the
speaker's own words, in a paragraph whose quoted spans `quotemarks` finds.

A quotation holds at least two words, or is the one word the source quotes on its own; it is
in the paragraph verbatim (compared as composed text without invisible characters, spacing
collapsed); it starts and ends on whole words, where a number grouped with any space
(1 500, with a no-break, thin or figure space) is one word, as are 3.5, 1,500 and U.S.; and it
lies inside one quoted span whose marks are not in doubt (see `quotemarks`): when they are, it
is refused with why, and the statement is made `reported`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from generator.content.quotemarks import QUOTE_MARKS, Span, is_quoted, spans

__all__ = [
    "MIN_WORDS",
    "QUOTE_MARKS",
    "Span",
    "comparable",
    "is_quoted",
    "normalise_space",
    "quotation_problem",
    "spans",
    "words",
]

# Between two letters these join one word: a quotation may not start or end at them (soft
# hyphens and zero-width characters are invisible joiners).
_JOINERS = "’'-‐\u2011\u00b7\u05be\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Between two digits these join one number (3.5, 1,500, 1٬500); between two letters, one
# abbreviation (U.S.).
_NUMBER_JOINERS = ".,\u066b\u066c"
MIN_WORDS = 2
_REMEMBERED = 1 << 16  # as in quotemarks.py: functions of text alone are worked out once


def normalise_space(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=_REMEMBERED)
def comparable(text: str) -> str:
    """Text as quotations are compared: composed (é is one character however it was typed),
    without invisible format characters, with spacing collapsed."""
    composed = unicodedata.normalize("NFC", text)
    # Format characters are never ASCII: only the few other characters a text holds are looked up.
    if any(unicodedata.category(c) == "Cf" for c in set(composed).difference(_ASCII)):
        composed = "".join(c for c in composed if unicodedata.category(c) != "Cf")
    return normalise_space(composed)


def words(text: str) -> int:
    """How many words: runs without spaces holding a letter or digit."""
    return sum(1 for token in text.split() if _ALNUM.search(token))


_ALNUM = re.compile(r"[^\W_]")
_ASCII = frozenset(map(chr, range(128)))


@lru_cache(maxsize=_REMEMBERED)
def quotation_problem(quote: str, paragraph: str) -> str | None:
    """Why `quote` is not a quotation in `paragraph` (both with spacing normalised), or None.

    The rules: it holds at least two words, or is one word the source quotes on its own; it is
    in the paragraph verbatim, starting and ending on whole words; and it lies inside one
    quoted span."""
    if not any(char.isalnum() for char in quote):
        return "a quotation must hold words, not only punctuation: quote the speaker's words"
    places = _found(quote, paragraph)
    if not places:
        return None  # the caller explains what is missing
    whole = [at for at in places if _whole_words(paragraph, at, at + len(quote))]
    if not whole:
        number = _cut_number(paragraph, places[0], places[0] + len(quote))
        if number is not None:
            return (
                f"this quotation starts or ends inside the number '{number}': a number is one "
                "word whatever space groups its digits, so quote it whole"
            )
        word = _cut_word(paragraph, places[0], places[0] + len(quote))
        return (
            f"this quotation starts or ends inside the word '{word}': quote whole words, "
            "exactly as the source writes them"
        )
    return _span_problem(quote, paragraph, whole)


def _found(quote: str, paragraph: str) -> list[int]:
    """Where `quote` starts in `paragraph`, each place after the end of the one before."""
    places = []
    at = paragraph.find(quote)
    while at != -1:
        places.append(at)
        at = paragraph.find(quote, at + len(quote))
    return places


def _span_problem(quote: str, paragraph: str, places: list[int]) -> str | None:
    """Why none of the places where `quote` stands lies inside one quoted span, or None."""
    quoted = spans(paragraph)
    holding = [
        span for at in places for span in quoted if span.start <= at and at + len(quote) <= span.end
    ]
    if holding and all(span.doubt for span in holding):
        return holding[0].doubt
    inside = [paragraph[span.start : span.end] for span in holding if not span.doubt]
    if inside and (words(quote) >= MIN_WORDS or _core(quote) in map(_core, inside)):
        return None
    if inside:
        return (
            f"a quotation of one word must be all the source quotes there: quote "
            f"at least {MIN_WORDS} words, or make the statement `reported`"
        )
    overlapping = [s for at in places for s in quoted if _overlaps(s, at, at + len(quote))]
    doubtful = [span.doubt for span in overlapping if span.doubt]
    if doubtful:
        return doubtful[0]  # which marks end the span it runs past cannot be told either
    if overlapping:
        return (
            "this quotation runs past the source's quotation marks: quote only the words "
            "between one pair of them, without the marks or the reporter's words around them"
        )
    return (
        "these words are the reporter's, not inside quotation marks in the source: quote only "
        "words the source puts between quotation marks, or make the statement `reported`"
    )


def _core(text: str) -> str:
    """The words of a text without the punctuation around them ("yes," and "yes" are one)."""
    return re.sub(r"^\W+|\W+$", "", text)


def _overlaps(span: Span, start: int, end: int) -> bool:
    return start < span.end + 1 and span.start - 1 < end  # the marks themselves count


def _whole_words(paragraph: str, start: int, end: int) -> bool:
    return not _joined(paragraph, start - 1, start) and not _joined(paragraph, end - 1, end)


def _word(char: str) -> bool:
    """A letter, a digit, or a mark that combines with one (the accent of a decomposed é)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _joined(text: str, left: int, right: int) -> bool:
    """Whether text[left] and text[right] belong to one word (a quotation may not cut there)."""
    if left < 0 or right >= len(text):
        return False
    if (
        _grouping(text, left)
        or _grouping(text, right)
        or (_word(text[left]) and _word(text[right]))
    ):
        return True
    for at, other in ((left, right), (right, left)):  # 3.5, 1,500, U.S.
        if text[at] in _NUMBER_JOINERS and 0 < at < len(text) - 1:
            pair = text[at - 1], text[at + 1]
            if all(c.isdigit() for c in pair) or all(c.isalpha() for c in pair):
                return _word(text[other]) or text[other] in _NUMBER_JOINERS
    if text[left] in _JOINERS and left > 0 and text[left - 1].isalnum():
        return text[right].isalnum()
    if text[right] in _JOINERS and right + 1 < len(text) and text[right + 1].isalnum():
        return text[left].isalnum()
    return False


_GROUP = re.compile(r"(?<!\d)\d{1,3}\s\d{3}(?!\d)")


def _grouping(text: str, at: int) -> bool:
    """Whether text[at] is a space grouping the digits of one number (1 500, with any space:
    no-break, thin, figure), as the quotation sees it once spacing is normalised."""
    if not text[at].isspace() or not text[at - 1 : at].isdigit():
        return False
    start = at - 1
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return _GROUP.match(text, start, at + 4) is not None and not text[at + 4 : at + 5].isdigit()


def _cut_number(paragraph: str, start: int, end: int) -> str | None:
    """The number grouped with spaces that a quotation cuts into, for the message, or None."""
    if start and _grouping(paragraph, start - 1):
        cut = start - 1
    elif end < len(paragraph) and _grouping(paragraph, end):
        cut = end
    else:
        return None
    left, right = cut, cut
    while left > 0 and (paragraph[left - 1].isdigit() or _grouping(paragraph, left - 1)):
        left -= 1
    while right + 1 < len(paragraph) and (
        paragraph[right + 1].isdigit() or _grouping(paragraph, right + 1)
    ):
        right += 1
    return paragraph[left : right + 1]


def _cut_word(paragraph: str, start: int, end: int) -> str:
    """The word a quotation cuts into, for the message."""
    cut = start if _joined(paragraph, start - 1, start) else end - 1
    left = cut
    while left > 0 and (paragraph[left - 1].isalnum() or paragraph[left - 1] in _JOINERS):
        left -= 1
    right = cut
    while right < len(paragraph) and (paragraph[right].isalnum() or paragraph[right] in _JOINERS):
        right += 1
    return paragraph[left:right].strip(_JOINERS)
