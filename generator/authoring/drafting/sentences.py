"""A paragraph read as sentences: quotations, datelines, timestamps and Q&A labels blanked
out, so that nothing inside them is read as a speaker, and cuts that never fall inside a
quotation."""

from __future__ import annotations

import itertools
import re

from generator.authoring.drafting.spans import Span

DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'’-]{2,}(?:,[^-—–]{1,40}?)?(?:\s*\([^)]*\))?\s*[-—–]+\s"
    r"|\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?\s*[-—–]?\s+)"
)
LABEL = re.compile(r"^(?:[A-Z][\w’'-]*\s?){1,3}:\s")
OPENING = "“\"«‹‘'("


def masked_text(text: str, spans: list[Span]) -> str:
    """The paragraph with its quotations, dateline, timestamp and Q&A label blanked out, so
    that neither a name inside a quotation nor a label is read as a speaker."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    masked = "".join(chars)
    offset = 0
    for pattern in (DATELINE, LABEL):  # "09:41 Breaking: …"
        rest = masked[offset:]
        lead = len(rest) - len(rest.lstrip())
        found = pattern.match(rest[lead:])
        if found:
            offset += lead + found.end()
    return " " * offset + masked[offset:]


def cut(text: str, masked: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Sentence bounds, cut outside quotations, and after a quotation that ends one."""
    cuts = []
    for found in re.finditer(r"[.!?](?=\s)", masked):
        rest = text[found.end() :]
        start = found.end() + len(rest) - len(rest.lstrip())
        if rest.strip() and (rest.lstrip()[0] in OPENING or rest.lstrip()[0].isupper()):
            cuts.append(start)
    for span in spans:
        following = text[span.end :].lstrip()[:1]
        ends = span.closed and span.text.endswith((".", "!", "?"))
        if ends and following and (following.isupper() or following in OPENING):
            cuts.append(span.end)
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(masked)}), len(masked)]
    return list(itertools.pairwise(bounds))
