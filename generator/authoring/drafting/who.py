"""What a phrase names (`Who`), the story's names (`Name`), a new name to propose (`NewName`),
and the small readings of names `Phrases` is built on: the head of a phrase, a country
speaking, a name as a pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.authoring.drafting.organisations import STATE, country_voice, head_index

POSSESSIVE = re.compile(r"^\s*[’']s?\b")


@dataclass(frozen=True)
class Name:
    """A way an entity is written in text, and the entity id it stands for."""

    text: str
    entity: str
    kind: str  # "person", "group" or "country": people and groups speak; countries rarely do


@dataclass(frozen=True)
class Who:
    """What a phrase names. `kind`: entity, new, pronoun, role, document, unnamed or none."""

    kind: str
    entity: str | None = None  # the id, or the proposed id of a new name
    label: str = ""  # the words, for the draft's reason
    sort: str = ""  # person, group or country for entities; the pronoun; the document's head
    role: str = ""  # the apposition or title that came with a name


NONE = Who("none")


@dataclass
class NewName:
    name: str
    id: str
    role: str
    paragraph: int
    kind: str = "person"
    affiliation: str | None = None  # a known country or group named in the role


@dataclass(frozen=True)
class Said:
    speaker: str | None
    reason: str
    confidence: str  # high, medium or low; low proposes no speaker
    who: Who | None = None  # what the speaker is, for pronouns that follow


def organisation_around(full: str, start: int, end: int, inside: list[tuple[int, int]]) -> bool:
    """A known place inside "Kent Rowing Trust" is part of the trust's name."""
    return head_index(full.split()) >= 0 and all(start <= s and e < end for s, e in inside)


def head_of(mentions: list[tuple[int, int, Who, bool]], segment: str) -> tuple[int, int, Who, bool]:
    """The name a phrase is about: "Club FC owner Jo Venn" is about Jo Venn, the first name
    only qualifying the title between them; "Jo Venn of Club FC" is about Jo Venn."""
    head = mentions[0]
    for following in mentions[1:]:
        between = segment[head[1] : following[0]]
        if re.search(r"[,;:()]|\b(?:and|or|with|of|for|at|from|in|by|to)\b", between):
            break
        head = following
    return head


def country_speaking(
    segment: str, words: list[str], mentions: list[tuple[int, int, Who, bool]]
) -> Who | None:
    """A country speaking: "its delegation" (a pronoun to resolve), "the Orvish delegation",
    "Orvland and Kestria", "the government of Orvland"."""
    if words[0] in ("its", "their") and len(words) <= 3 and set(words) & STATE:
        return Who("pronoun", label=words[0], sort="it")
    countries = [m for m in mentions if m[2].sort == "country"]
    voice = country_voice(segment, words, [(m[0], segment[m[0] : m[1]]) for m in countries])
    return countries[voice][2] if voice >= 0 else None


def spelled(name: str) -> str:
    """A name as a pattern; "the Council" also as a sentence's first words."""
    if name.startswith("the "):
        return "[Tt]he " + re.escape(name[4:])
    return re.escape(name)


def possessive(text: str, end: int) -> bool:
    return bool(POSSESSIVE.match(text[end : end + 3]))
