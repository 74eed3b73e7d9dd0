"""The same quotation as another source typeset it: outlets print one speaker's words with their
own quotation marks, apostrophes, dashes, ellipses and spacing around punctuation. A report of
a known statement is proved by finding the words in its own paragraph with those differences
folded away, and the site then shows them exactly as that source printed them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

from generator.content.quotation import comparable, quotation_problem, spans

# Each character folded to the plain form all its variants share.
_FOLD = {
    **dict.fromkeys("‘’‚‛′`´ʼ＇", "'"),
    **dict.fromkeys("“”„‟″«»‹›＂", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}


_CUT = re.compile(r"[\[(]\.\.\.[\])]")
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLD)) + "]")
_OTHER_SPACE = re.compile(r"[^\S ]")  # each made a plain space
# The runs of spaces that are not simply one space between two words (`[^\W_]` is what
# isalnum() is): beside punctuation or at either end, dropped; two or more between two words,
# kept as one (the group). Written to start with a space, which the search looks for quickly.
_TYPOGRAPHIC_SPACES = re.compile(r" (?:(?<![^\W_] ) *| *(?![^\W_]| )|( ) *)")
_REMEMBERED = 1 << 16  # as in quotation.py: functions of text alone are worked out once


def _folded(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` with typography folded and spacing next to punctuation dropped, and for each
    character of the result, the index in `text` it comes from."""
    plain = _plain(text)
    if plain is None:
        folded, where = _folded_slowly(text)
        return folded, where.__getitem__
    # Each character still stands at its own index: only runs of spaces change. Where the
    # result's characters come from moves on by the spaces dropped before them, so it is
    # kept as where that count changes (a few dozen places), not character by character.
    pieces: list[str] = []
    starts, shifts, dropped, last = [0], [0], 0, 0
    for run in _TYPOGRAPHIC_SPACES.finditer(plain):
        start, end = run.span()
        kept = run.start(1) != -1
        pieces.append(plain[last:start] + " " if kept else plain[last:start])
        dropped += end - start - kept
        starts.append(end - dropped)
        shifts.append(dropped)
        last = end
    pieces.append(plain[last:])

    def origin(index: int) -> int:
        return index + shifts[bisect_right(starts, index) - 1]

    return "".join(pieces), origin


def _plain(text: str) -> str | None:
    """`text` folded character by character, or None if it holds an ellipsis character or a
    marked cut, which change how many characters there are."""
    if "…" in text:
        return None
    plain = _OTHER_SPACE.sub(" ", _FOLDABLE.sub(lambda found: _FOLD[found.group()], text))
    return None if _CUT.search(plain) else plain


def _folded_slowly(text: str) -> tuple[str, list[int]]:
    """`_folded` of a text with an ellipsis character or a marked cut, which change how many
    characters there are: one character at a time."""
    chars: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        plain = " " if char.isspace() else _FOLD.get(char, char)
        chars.extend((c, index) for c in plain)
    plain_text = "".join(c for c, _ in chars)
    for cut in reversed([m.start() for m in _CUT.finditer(plain_text)]):
        del chars[cut + 4], chars[cut]  # "[...]" and "(...)" mark the same cut as "..."
    runs = [pair for at, pair in enumerate(chars) if pair[0] != " " or chars[at - 1][0] != " "]
    kept = [
        (char, index)
        for at, (char, index) in enumerate(runs)
        if char != " "
        or (0 < at < len(runs) - 1 and runs[at - 1][0].isalnum() and runs[at + 1][0].isalnum())
    ]  # spacing beside punctuation is typography; between two words it is not
    return "".join(c for c, _ in kept), [i for _, i in kept]


@lru_cache(maxsize=_REMEMBERED)
def folded(text: str) -> str:
    """The words of a quotation with its typography folded away: equal for two printings."""
    plain = _plain(text)
    return _folded_slowly(text)[0] if plain is None else _TYPOGRAPHIC_SPACES.sub(r"\1", plain)


def _places(quote: str, paragraph: str) -> Iterator[tuple[int, int]]:
    """Every place `quote` stands in `paragraph`, typography aside, as paragraph[start:end]."""
    wanted = folded(quote)
    if not wanted:
        return
    plain, origin = _folded(paragraph)
    start = plain.find(wanted)
    while start != -1:
        yield origin(start), origin(start + len(wanted) - 1) + 1
        start = plain.find(wanted, start + 1)


@lru_cache(maxsize=_REMEMBERED)
def as_printed(quote: str, paragraph: str) -> str | None:
    """The words of `quote` as `paragraph` prints them, where they stand inside the
    paragraph's own quotation marks (differing at most in typography), or None."""
    cited = comparable(paragraph)
    for start, end in _places(quote, paragraph):
        words = comparable(paragraph[start:end])
        if quotation_problem(words, cited) is None and words in cited:
            return words
    return None


@lru_cache(maxsize=_REMEMBERED)
def locate(words: str, paragraph: str) -> tuple[int, int] | None:
    """Where `words` stand in `paragraph` inside its quotation marks (differing at most in
    typography), as paragraph[start:end] in the paragraph's own characters, or None: the
    place an article's page marks them."""
    quoted = spans(paragraph)
    for place in _places(words, paragraph):
        if any(s.start <= place[0] and place[1] <= s.end and not s.doubt for s in quoted):
            return place
    return None
