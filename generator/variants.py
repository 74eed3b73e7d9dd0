"""The same quotation as another source typeset it: outlets print one speaker's words with their
own quotation marks, apostrophes, dashes, ellipses and spacing around punctuation. A report of
a known statement is proved by finding the words in its own paragraph with those differences
folded away, and the site then shows them exactly as that source printed them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.quotation import comparable, quotation_problem, spans

# Each character folded to the plain form all its variants share.
_FOLD = {
    **dict.fromkeys("‘’‚‛′`´ʼ＇", "'"),
    **dict.fromkeys("“”„‟″«»‹›＂", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}


_CUT = re.compile(r"[\[(]\.\.\.[\])]")


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` with typography folded and spacing next to punctuation dropped, and for each
    character of the result the index in `text` it comes from."""
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


def folded(text: str) -> str:
    """The words of a quotation with its typography folded away: equal for two printings."""
    return _folded(text)[0]


def _places(quote: str, paragraph: str) -> Iterator[tuple[int, int]]:
    """Every place `quote` stands in `paragraph`, typography aside, as paragraph[start:end]."""
    wanted, _ = _folded(quote)
    if not wanted:
        return
    folded, where = _folded(paragraph)
    start = folded.find(wanted)
    while start != -1:
        yield where[start], where[start + len(wanted) - 1] + 1
        start = folded.find(wanted, start + 1)


def as_printed(quote: str, paragraph: str) -> str | None:
    """The words of `quote` as `paragraph` prints them, where they stand inside the
    paragraph's own quotation marks (differing at most in typography), or None."""
    cited = comparable(paragraph)
    for start, end in _places(quote, paragraph):
        words = comparable(paragraph[start:end])
        if quotation_problem(words, cited) is None and words in cited:
            return words
    return None


def locate(words: str, paragraph: str) -> tuple[int, int] | None:
    """Where `words` stand in `paragraph` inside its quotation marks (differing at most in
    typography), as paragraph[start:end] in the paragraph's own characters, or None: the
    place an article's page marks them."""
    quoted = spans(paragraph)
    for place in _places(words, paragraph):
        if any(span.start <= place[0] and place[1] <= span.end for span in quoted):
            return place
    return None
