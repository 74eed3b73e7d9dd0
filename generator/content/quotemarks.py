"""Where quotations start and end: the quotation marks of a paragraph paired into spans, and
whether a free-text value holds a quotation.

A span is the text between an opening quotation mark and its matching closing mark, in any of
the families news copy uses: " “” „“ „” «» »« ‹› ›‹ ‘’ ‚‘ '' ＂＂ 「」 『』 ❝❞ 〝〞 《》 〈〉 ｢｣.
Spans nest (single marks inside double ones). A double span left open runs to the end of the
paragraph, as wire copy writes a quotation that goes on into the next paragraph.

Where the marks are ambiguous, a span is kept with its `doubt`, and nothing in it is proved:
- MIXED: a mark of another family stands inside an open double span (a ” or » in "…, a ,' or
  '' in “…): it may be the closing mark, so where the quotation ends cannot be told.
- INCH: a straight " after a number is an inch mark (12"), never an opening one; after a space
  (12 ") it may open a quotation or be an inch mark; inside an open double span it may close
  it or be an inch mark, unless punctuation follows ("before 2027".).
- OPEN: a double span left open holds a single mark at the end of a word (the farmers’, or
  pay’ said), which may have been meant to close it.
- APOSTROPHE: a single mark is ambiguous with an apostrophe (don’t, the town’s, the ‘90s), so
  it opens only after a space or punctuation and before a letter, closes only the innermost
  open single span, and a single span left open was an apostrophe after all. A closed single
  span is still doubtful if its opening mark may be an elision ('em, 'cause, 'til) or its
  closing mark a possessive (the farmers' union: after s, x or z and before a word that can
  follow a possessive).
"""

from __future__ import annotations

import re
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
# Marks that look like a double quotation mark: inside a double span they may be its end.
_DOUBLE_LIKE = DOUBLE_MARKS | frozenset("″‶〃")
# After a number these are units (12" is inches, 9″ seconds), or the end of a quotation; and
# the opening marks a word processor makes of a straight " after a space (12 “ pipes).
_UNITS = '"＂″'
_INCH_LIKE = "“„‟"
# Single marks that close a span, and are apostrophes too (don’t, the farmers’ union); and
# all that look like one, which inside a double span may have been meant to close it.
_APOSTROPHES = "’'‘＇"
_SINGLE_LIKE = _APOSTROPHES + "‚‛′´`ʼ"
# Words an apostrophe opens by standing for the letters left out ('em, 'cause, rock 'n' roll):
# a single mark before one may be no quotation mark at all.
_ELISION = re.compile(
    r"(?:em|cause|cos|coz|cuz|til|till|tis|twas|twere|twill|twould|n|bout|round|nother|fraid|"
    r"nough|kay|scuse|specially|spose|gainst|mongst|neath|tween|twixt|ere|ow|im|ave|ome|alf|"
    r"ead|ello|ouse|appen|uns)(?![^\W_])",
    re.IGNORECASE,
)
# Words that never follow a possessive: after "s'" one of them shows the mark closed a
# quotation ('a careful process' on Monday), any other word may be what is owned.
_NEVER_OWNED = re.compile(
    r"a|an|the|and|or|but|nor|so|yet|as|than|if|because|when|while|whereas|although|though|"
    r"unless|until|since|before|after|during|on|in|at|to|for|from|with|without|within|by|of|"
    r"about|into|onto|over|under|against|between|through|across|around|among|upon|off|like|"
    r"that|which|who|whom|whose|where|is|was|were|are|be|been|being|has|had|have|will|would|"
    r"can|could|shall|should|may|might|must|do|does|did|said|says|say|told|added|asked|"
    r"called|wrote|he|she|it|they|we|i|you|his|her|its|their|this|these|those|there|then|"
    r"again|too|also|instead|now|here|today|yesterday|tomorrow|not",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[^\S\n]*([^\W_]+)")
# Every character the span scan acts on; all others only stand before or after one.
_ACTED_ON = sorted({*_OPENERS, *"".join(_DOUBLE.values()), *_SINGLE_LIKE, *_DOUBLE_LIKE})
_MARKS = re.compile("[" + re.escape("".join(_ACTED_ON)) + "]")
# These functions depend on their text alone and are asked about the same paragraphs and
# quotations again and again (each report, each check, each run of a long-lived preview):
# each is worked out once. The bound keeps a huge story's memory in check.
_REMEMBERED = 1 << 16


# Why a span's start or end cannot be told, each with what a contributor does about it.
MIXED = (
    "the source mixes quotation marks of different kinds here, so where the quotation ends "
    "cannot be told: make the statement `reported`"
)
APOSTROPHE = (
    "the single quotation marks around these words may be apostrophes (as in 'em, 'cause or "
    "the farmers' union), so where the quotation starts and ends cannot be told: make the "
    "statement `reported`"
)
INCH = (
    'a mark " after a number here may be an inch mark rather than a quotation mark, so where '
    "the quotation starts or ends cannot be told: make the statement `reported`"
)
OPEN = (
    "the source never closes this quotation, and a mark inside it may be the one that closes "
    "it, so where the quotation ends cannot be told: make the statement `reported`"
)


@dataclass(frozen=True)
class Span:
    """The quoted text of one pair of marks: paragraph[start:end], marks excluded. `doubt`:
    why where it starts or ends cannot be told (MIXED, APOSTROPHE, INCH, OPEN), or None."""

    start: int
    end: int
    doubt: str | None = None


@lru_cache(maxsize=_REMEMBERED)
def spans(paragraph: str) -> tuple[Span, ...]:
    """Every quoted span of a paragraph, at every nesting level, in order of opening."""
    return _spans(paragraph)


def _spans(paragraph: str) -> tuple[Span, ...]:
    scan = _Scan(paragraph)
    for match in _MARKS.finditer(paragraph):
        scan.mark(match.start())
    return scan.spans()


class _Scan:
    """The marks of one paragraph read in order: the spans closed so far, those still open,
    and the doubts about them."""

    def __init__(self, paragraph: str) -> None:
        self.paragraph = paragraph
        self.found: list[Span] = []
        self.stack: list[tuple[str, int]] = []  # (opening mark, index of its first character)
        self.doubts: dict[int, str] = {}  # start of a span → why its ends cannot be told
        self.maybe_closed: set[int] = set()  # double spans holding a mark that may close them

    def doubt(self, starts: list[int], why: str) -> None:
        for start in starts:
            self.doubts.setdefault(start, why)

    def mark(self, index: int) -> None:
        text = self.paragraph
        char = text[index]
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        doubles = [start for mark, start in self.stack if mark in _DOUBLE]
        number = char in _UNITS and _after_number(text, index)
        if number and not (doubles and _ends_quotation(text, index)):
            # 12" and 3½" are inches; 12 " may be too, and where a quotation stands open its
            # closing mark may be this one or still to come
            self.doubt(doubles, INCH)
            if not doubles and number == "spaced" and not after.isspace():
                self.stack.append((char, index + 1))  # 12 "Gate": a quotation, or 12 inches?
                self.doubts[index + 1] = INCH
            return
        closed = _close(self.stack, char, before, after)
        if closed is not None:
            why = self.doubts.get(closed)
            if char in _APOSTROPHES and _possessive(text, index):
                why = why or APOSTROPHE
            self.found.append(Span(closed, index, why))
        elif doubles and (char in _DOUBLE_LIKE or (char in _SINGLE_LIKE and not after.isalnum())):
            self.stray(char, before, doubles)
        elif char in _DOUBLE and _opens_double(char, before, after):
            if char in _INCH_LIKE and after.isspace() and _after_number(text, index):
                return  # 12 “ pipes: an inch mark a word processor made curly
            self.stack.append((char, index + 1))
        elif char in _SINGLE and _opens_single(before, after):
            self.stack.append((char, index + 1))
            if _ELISION.match(text, index + 1):
                self.doubts[index + 1] = APOSTROPHE  # 'em, 'cause

    def stray(self, char: str, before: str, doubles: list[int]) -> None:
        """A mark inside open double spans that closes none of them: if it may have been
        meant to close them, where they end cannot be told."""
        if char in _DOUBLE_LIKE or not (before.isalnum() or before.isspace()):
            self.doubt(doubles, MIXED)  # "We will pay,” or "We will pay,' said
        elif before.isalnum():
            self.maybe_closed.update(doubles)  # the farmers' union, or "We will pay' said

    def spans(self) -> tuple[Span, ...]:
        found = list(self.found)
        for mark, start in self.stack:
            if mark in _DOUBLE:  # wire copy: the quotation goes on in the next paragraph
                why = self.doubts.get(start) or (OPEN if start in self.maybe_closed else None)
                found.append(Span(start, len(self.paragraph), why))
        return tuple(sorted(found, key=lambda span: span.start))


def _possessive(paragraph: str, index: int) -> bool:
    """Whether the single mark at `index` may be the apostrophe of a possessive (the farmers'
    union, Marx' theory) rather than a closing mark ('a careful process' on Monday)."""
    if paragraph[index - 1] not in "sSxXzZ":
        return False
    following = _NEXT_WORD.match(paragraph, index + 1)
    return following is not None and not _NEVER_OWNED.fullmatch(following.group(1))


def _after_number(paragraph: str, index: int) -> str | None:
    """Whether the mark at `index` follows a number, as an inch mark does: "tight" (12"),
    "spaced" (12 "), or None."""
    if index and paragraph[index - 1].isnumeric():
        return "tight"
    at = index - 1
    while at >= 0 and paragraph[at].isspace():
        at -= 1
    return "spaced" if 0 <= at < index - 1 and paragraph[at].isnumeric() else None


def _ends_quotation(paragraph: str, index: int) -> bool:
    """Whether a mark right after a number ends the quotation ("before 2027".): it is followed
    by punctuation or the end of the paragraph, never by a word as an inch mark is."""
    if paragraph[index - 1].isspace():
        return False
    after = paragraph[index + 1 : index + 2]
    return not after or not (after.isalnum() or after.isspace())


def _close(stack: list[tuple[str, int]], char: str, before: str, after: str) -> int | None:
    """Pops the span `char` closes and returns its start; None if it closes nothing."""
    if not stack:
        return None
    if char in _APOSTROPHES:  # a closing single mark, or an apostrophe
        mark, start = stack[-1]
        if char in _SINGLE.get(mark, "") and not before.isspace() and not after.isalnum():
            stack.pop()
            return start
        return None
    for depth in range(len(stack) - 1, -1, -1):
        mark, start = stack[depth]
        if char in _DOUBLE.get(mark, ""):
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
    if not _MARKS.search(value):
        return None  # most free text: no mark of any kind (each one below is one of these)
    for found in _DOUBLE_OR_PAIRED.finditer(value):
        char = found.group()
        if char in DOUBLE_MARKS or value.count(char) > 1:
            return char
    reversed_pair = _REVERSED_SINGLE.search(value)
    if reversed_pair:
        return reversed_pair.group(1)
    for span in _spans(value):  # not remembered: every value of a story is asked once
        return value[span.start - 1]  # only closed single spans are left
    return None
