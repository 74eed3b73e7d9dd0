"""The role that comes with a name: title words before it ("Finance Minister X"), or an
apposition after it (", a ferry pilot from the port,", ", Minister of Fisheries and Coastal
Affairs,"), kept whole however long."""

from __future__ import annotations

import re

from generator.authoring.drafting.words import DETERMINERS, RELATIVE, TITLES, VERB

# What stands before the last words of a long title: "Minister of Fisheries and ".
TITLE_CHAIN = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)+(?:and|&)\s+$")


def title_before(text: str) -> str:
    """The title words right before a name: "Finance Minister", "ferry pilot"."""
    words: list[str] = []
    for word in reversed(re.split(r"[,;:.()]", text)[-1].split()):
        plain = bare(word).casefold()
        if (
            plain in DETERMINERS
            or plain in STOPS
            or VERB.fullmatch(plain)
            or not plain.replace("-", "").isalpha()
        ):
            break
        words.insert(0, word)
    return " ".join(words[-5:])


def apposition(text: str) -> str:
    """A role written after a name: ", a ferry pilot from the port," or ", its chair,"."""
    for part in text.split(",")[1:3]:
        segment = part.strip()
        described = re.match(r"^(?:a|an|the|\w+[’']s)\s", segment) or segment[:1].islower()
        # "Minister of Fisheries and Coastal Affairs": a capitalised title, whole
        described = described or bare((segment.split() or [""])[0]).casefold() in TITLES
        if described and not VERB.match(segment) and not RELATIVE.match(segment):
            return re.sub(r"^(?:a|an|the)\s+", "", segment.rstrip("."))
        if not segment.isdigit():
            break
    return ""


STOPS = {"and", "or", "but", "that", "while", "with", "by", "to", "for", "on", "at", "in",
         "from", "as", "when", "after", "before", "than", "said", "says", "named", "called",
         "aged"}  # fmt: skip


def bare(word: str) -> str:
    return re.sub(r"[’']s$|[’']$", "", word.strip(".,;:()"))
