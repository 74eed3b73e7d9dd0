"""The id a new name is proposed under: its letters in plain ASCII, so "Zoë Ångström-Łukasz"
is `zoe-angstrom-lukasz`, not `zo-ngstr-m-ukasz`; the name itself keeps its letters."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into a base letter and its accents.
LETTERS = {
    "ß": "ss", "ẞ": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
    "þ": "th", "ħ": "h", "ı": "i", "ŋ": "ng", "ŧ": "t", "ĸ": "k", "ŀ": "l", "ſ": "s",
}  # fmt: skip


def transliterated(text: str) -> str:
    """`text` lower-cased, in ASCII letters where its letters have a plain form."""
    plain = "".join(LETTERS.get(char, char) for char in text.casefold())
    split = unicodedata.normalize("NFKD", plain)
    return "".join(char for char in split if not unicodedata.combining(char))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", transliterated(name)).strip("-")
