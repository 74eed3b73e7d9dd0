"""What counts as a quotation: the quoted spans of a paragraph, and the rules a direct quotation
must meet to be shown as the speaker's own words.

A span is the text between an opening quotation mark and its matching closing mark, in any of
the families news copy uses: " “” „“ „” «» »« ‹› ›‹ ‘’ ‚‘ '' ＂＂ 「」 『』 ❝❞ 〝〞 《》 〈〉 ｢｣.
Spans nest (single marks inside double ones). A double span left open runs to the end of the
paragraph, as wire copy writes a quotation that goes on into the next paragraph. A straight "
right after a digit is an inch mark, not a quotation mark. A double mark of another family
inside an open double span makes that span "mixed": where its quotation ends cannot be told,
so nothing in it is proved. A single mark is ambiguous with an apostrophe (don’t, the town’s,
the leaders’ summit, the ‘90s), so it opens only after a space or punctuation and before a
letter, closes only the innermost open single span, and a single span left open is taken to
have been an apostrophe after all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Opening mark → the marks that close it. Guillemets point either way: « », » « and » » are
# all in use; ‹ › are single marks by meaning but never apostrophes, so they pair like double
# ones.
_DOUBLE = {
    '"': '"', "“": "”", "„": "“”", "‟": "”", "«": "»", "»": "«»", "‹": "›", "›": "‹›",
    "＂": "＂", "「": "」", "『": "』", "❝": "❞", "〝": "〞〟", "《": "》", "〈": "〉",
    "｢": "｣", "﹁": "﹂", "﹃": "﹄",
}  # fmt: skip
_SINGLE = {"‘": "’", "'": "'", "‚": "‘’", "‛": "’", "＇": "＇"}
_OPENERS = {**_DOUBLE, **_SINGLE}
DOUBLE_MARKS = frozenset("".join(_DOUBLE) + "".join(_DOUBLE.values()) + "❛❜❮❯‶ʺ˝🙶🙷")
# Marks that open a span only when they stand where an opening mark stands (after a space or
# an opening bracket): the same characters close quotations, or mark inches.
_AMBIGUOUS = frozenset('"«»‹›＂')
# Primes and backticks: quotation marks only in pairs (6′5″ is a height).
_PAIRED = "″′`"
QUOTE_MARKS = "".join(sorted(DOUBLE_MARKS)) + "‘’'"  # every mark that can make a quotation
# Between two letters these join one word: a quotation may not start or end at them (soft
# hyphens and zero-width characters are invisible joiners).
_JOINERS = "’'-‐\u2011\u00b7\u05be\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Between two digits these join one number (3.5, 1,500); between two letters, one abbreviation.
_NUMBER_JOINERS = ".,"
MIN_WORDS = 2
# Every character the span scan acts on; all others only stand before or after one.
_ACTED_ON = sorted({*_OPENERS, *"".join(_DOUBLE.values()), *"".join(_SINGLE.values())})
_MARKS = re.compile("[" + re.escape("".join(_ACTED_ON)) + "]")
# These functions depend on their text alone and are asked about the same paragraphs and
# quotations again and again (each report, each check, each run of a long-lived preview):
# each is worked out once. The bound keeps a huge story's memory in check.
_REMEMBERED = 1 << 16


@dataclass(frozen=True)
class Span:
    """The quoted text of one pair of marks: paragraph[start:end], marks excluded. `mixed`: a
    double mark of another family stands inside it, so its end is uncertain."""

    start: int
    end: int
    mixed: bool = False


def normalise_space(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=_REMEMBERED)
def comparable(text: str) -> str:
    """Text as quotations are compared: composed (é is one character however it was typed),
    without invisible format characters, with spacing collapsed."""
    composed = unicodedata.normalize("NFC", text)
    # Format characters are never ASCII: only the few other characters a text holds are looked up.
    if any(unicodedata.category(c) == "Cf" for c in set(composed) if not c.isascii()):
        composed = "".join(c for c in composed if unicodedata.category(c) != "Cf")
    return normalise_space(composed)


@lru_cache(maxsize=_REMEMBERED)
def spans(paragraph: str) -> tuple[Span, ...]:
    """Every quoted span of a paragraph, at every nesting level, in order of opening."""
    return _spans(paragraph)


def _spans(paragraph: str) -> tuple[Span, ...]:
    found: list[Span] = []
    stack: list[tuple[str, int]] = []  # (opening mark, index of the first quoted character)
    mixed: set[int] = set()  # starts of double spans with another family's mark inside
    for match in _MARKS.finditer(paragraph):
        index, char = match.start(), match.group()
        before = paragraph[index - 1] if index else " "
        after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
        if char == '"' and before.isnumeric():
            continue  # 12" and 3½" are inches
        closed = _close(stack, char, before, after)
        if closed is not None:
            found.append(Span(closed, index, closed in mixed))
        elif char in _DOUBLE and any(mark in _DOUBLE for mark, _start in stack):
            mixed.update(start for mark, start in stack if mark in _DOUBLE)
        elif (char in _DOUBLE and _opens_double(char, before, after)) or (
            char in _SINGLE and _opens_single(before, after)
        ):
            stack.append((char, index + 1))
    found.extend(
        Span(start, len(paragraph), start in mixed) for mark, start in stack if mark in _DOUBLE
    )
    return tuple(sorted(found, key=lambda span: span.start))


def _close(stack: list[tuple[str, int]], char: str, before: str, after: str) -> int | None:
    """Pops the span `char` closes and returns its start; None if it closes nothing."""
    if not stack:
        return None
    if char in ("’", "'", "‘", "＇"):  # a closing single mark, or an apostrophe
        mark, start = stack[-1]
        if char in _SINGLE.get(mark, "") and not before.isspace() and not after.isalnum():
            stack.pop()
            return start
        return None
    for depth in range(len(stack) - 1, -1, -1):
        mark, start = stack[depth]
        if mark in _DOUBLE and char in _DOUBLE[mark]:
            del stack[depth:]  # marks left open inside it end with it
            return start
    return None


def _opens_single(before: str, after: str) -> bool:
    return not before.isalnum() and after.isalpha()


def _opens_double(char: str, before: str, after: str) -> bool:
    """Whether a double mark that closes nothing opens a span: a mark that can also close one
    (", « », ‹ ›) opens only where an opening mark stands, after a space or an opening bracket
    and, for » and ›, before the quoted word (»Wir, not sein«, or hiver »,)."""
    if char not in _AMBIGUOUS:
        return True
    if not (before.isspace() or before in "([{—–-/"):
        return False
    return char not in "»›" or after.isalnum()


_REVERSED_SINGLE = re.compile(r"(?:^|\s)(’)\w[^’]*\w’(?!\w)")  # ’a disaster’, autocorrected


# The characters that make a value a quotation on their own (doubles) or in pairs (primes).
_DOUBLE_OR_PAIRED = re.compile("[" + re.escape("".join(sorted(DOUBLE_MARKS)) + _PAIRED) + "]")


def is_quoted(value: str) -> str | None:
    """The quotation mark that makes a free-text value a quotation, if any: any double mark,
    a pair of primes or backticks, or a single mark that opens a closed pair (not an
    apostrophe)."""
    for found in _DOUBLE_OR_PAIRED.finditer(value):
        char = found.group()
        if char in DOUBLE_MARKS or value.count(char) > 1:
            return char
    reversed_pair = _REVERSED_SINGLE.search(value)
    if reversed_pair:
        return reversed_pair.group(1)
    if not _MARKS.search(value):
        return None  # most free text: nothing that could open a span
    for span in _spans(value):  # not remembered: every value of a story is asked once
        return value[span.start - 1]  # only closed single spans are left
    return None


def words(text: str) -> int:
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


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
    if holding and all(span.mixed for span in holding):
        return (
            "the source mixes quotation marks of different kinds here, so where the quotation "
            "ends cannot be told: make the statement `reported`"
        )
    inside = [paragraph[span.start : span.end] for span in holding if not span.mixed]
    if inside and (words(quote) >= MIN_WORDS or _core(quote) in map(_core, inside)):
        return None
    if inside:
        return (
            f"a quotation of one word must be all the source quotes there: quote "
            f"at least {MIN_WORDS} words, or make the statement `reported`"
        )
    if any(_overlaps(span, at, at + len(quote)) for at in places for span in quoted):
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
    if _word(text[left]) and _word(text[right]):
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
