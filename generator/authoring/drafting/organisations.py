"""Organisations, governments and delegations as speakers: an organisation's name among
capitalised words ("Ministry of Trade and Industry", "Skarra Island Council"), "the company" or
"the ministry" as the last group of that kind the article named, a country's delegation or
government, and countries speaking together ("Orvland and Kestria called for …")."""

from __future__ import annotations

import re

from generator.authoring.drafting.words import ORGANISATIONS

# Heads of a state's bodies: a country before one owns it ("the Orvish Ministry of Fisheries").
STATE = {"ministry", "department", "government", "delegation", "embassy"}
# A country's voice: "the Orvish delegation", "Kestria's government", "its delegation".
VOICES = {"delegation", "government", "negotiators", "embassy", "authorities"}
# "the company" is the last group named that is no public body nor association.
COMPANY = {"company", "firm", "operator", "carrier", "airline", "business", "insurer"}
# Last words of companies' names, which name no person.
COMPANY_NAMES = {
    "freight", "shipping", "lines", "energy", "airways", "holdings", "capital", "logistics",
    "motors", "industries", "partners", "systems", "foods", "mining", "media", "telecom",
    "resources", "investments", "ventures", "technologies", "insurance", "ferries", "shipyards",
}  # fmt: skip
PUBLIC = {
    "ministry", "department", "council", "commission", "committee", "authority", "agency",
    "parliament", "court", "board", "assembly", "office", "police", "service", "secretariat",
    "government", "union", "party", "coalition", "alliance", "front", "movement", "federation",
    "league", "association", "society", "foundation", "institute", "trust", "club", "fc",
    "forum", "network", "institution", "bloc",
}  # fmt: skip
# Words one kind of organisation is called by: "the coalition" may be an alliance.
KINDS = {
    "ministry": {"ministry", "department"},
    "department": {"ministry", "department"},
    "coalition": {"coalition", "alliance", "bloc", "front"},
    "alliance": {"coalition", "alliance", "bloc", "front"},
    "bloc": {"coalition", "alliance", "bloc", "front"},
    # "the utility": a group whose name says what it supplies
    "utility": {"water", "power", "energy", "gas", "electric", "electricity", "utilities"},
}
_OF = re.compile(r"\s+(?:of|in)\s+")
# After the countries speaking together: when ("Orvland and Kestria on Wednesday called …").
_WHEN = re.compile(r"\s(?:on|in|at|late|early|earlier|later|last|this|today|yesterday)\b.*$")


def head_index(words: list[str]) -> int:
    """Where an organisation's head word ("Council", "Ministry") stands in a name, or -1: last,
    or before "of" or "for" ("Ministry of Ports"); before a name it is a title ("Council
    Vice-President Teo Marrick")."""
    ends = [i == len(words) - 1 or words[i + 1] in ("of", "for") for i in range(len(words))]
    heads = [i for i, w in enumerate(words) if _bare(w) in ORGANISATIONS and ends[i]]
    return heads[0] if heads else -1


def is_organisation(name: str) -> bool:
    """A new name to propose as a group: an organisation's head in it, or a company's last
    word ("Brannock Freight", "Veska Lines")."""
    words = name.split()
    return head_index(words) >= 0 or _bare(words[-1]) in COMPANY_NAMES


def joins(text: str, tokens: list[re.Match[str]], index: int, run: list[re.Match[str]]) -> bool:
    """Whether "of", "for" (or, after one of them, "and") at tokens[index + 1] goes on with
    an organisation's name: "Ministry of Ports", "Ministry of Trade and Industry"."""
    if index + 2 >= len(tokens) or head_index([t.group(0) for t in run]) < 0:
        return False
    word, after = tokens[index + 1], tokens[index + 2]
    spaced = text[word.end() : after.start()] == " " and after.group(0)[0].isupper()
    if word.group(0) in ("of", "for"):
        return spaced
    chained = any(t.group(0) in ("of", "for") for t in run)
    return word.group(0) == "and" and chained and spaced


def kind_words() -> set[str]:
    """The common nouns that may stand for a group the article named."""
    return ORGANISATIONS | COMPANY | set(KINDS)


def of_kind(word: str, names: list[str]) -> bool:
    """Whether a group written `names` is what "the <word>" calls it."""
    said = {_bare(w) for name in names for w in name.split()}
    if word in COMPANY:
        return not said & PUBLIC
    if word == "group":
        return True
    return bool(said & KINDS.get(word, {word}))


def country_voice(segment: str, words: list[str], countries: list[tuple[int, str]]) -> int:
    """The index in `countries` (each: where it stands in `segment`, its id) of the country
    the segment stands for: the one before its delegation or government ("the Orvish
    delegation to the talks"), or the first of countries speaking together; -1 if none."""
    voice = next((w for w in words if w in VOICES), None)
    if voice is not None:
        at = segment.casefold().find(voice)
        before = [i for i, (start, _) in enumerate(countries) if start < at]
        # "the government of Orvland", "the government in <its capital>"
        of = at + len(voice)
        after = [i for i, (start, _) in enumerate(countries) if _OF.fullmatch(segment[of:start])]
        return before[-1] if before else after[0] if after else -1
    if not countries:
        return -1
    rest = segment
    for start, name in sorted(countries, reverse=True):
        rest = rest[:start] + " " + rest[start + len(name) :]
    rest = _WHEN.sub("", " " + rest)
    together = len(countries) > 1 and re.fullmatch(r"[\s,]*(?:(?:and|both)[\s,]*)*", rest)
    return 0 if together else -1


def _bare(word: str) -> str:
    return re.sub(r"[’']s$|[’']$", "", word.strip(".,;:()")).casefold()
