"""What an organisation, a capital or a document is called after it was named: "a
spokeswoman for the firm", "officials at the agency", "the town council" (among two councils),
"the river's regulator" (an apposition that gives a group a role), "Calder, the Orvish
capital", "the resolution passed by the town council", "X issued a statement"."""

from __future__ import annotations

import re

# The people of an organisation speaking for it: "a spokeswoman for the firm", "officials at
# the agency". What follows "for" is resolved like any phrase; unresolved, they stay unnamed.
PEOPLE_FOR = re.compile(
    r"^(?:(?:a|an|the|one|two|three|several|some|senior)\s+)?(?:[a-z][\w-]*\s+)?"
    r"(?:spokesman|spokeswoman|spokesperson|spokespeople|official|officials|representative|"
    r"representatives)\s+(?:for|at|of|from|with)\s+(.+)$",
    re.IGNORECASE,
)
# "Calder, the Orvish capital" / "Calder, Orvland's capital": a capital tied to its country.
CAPITAL = re.compile(r"\b([A-Z][\w’'-]+),\s+(?:the\s+)?([A-Z][\w-]+?)(?:[’']s)?\s+capital\b")
# A group's apposition giving it a role: "The Coast Agency, the river's regulator,".
GROUP_ROLE = re.compile(
    r"^,\s*(?:the|its|[\w-]+[’']s)\s+(?:[a-z][\w’'-]*\s+){0,2}?([a-z][\w-]*)\s*,"
)
# Adverbs between a subject and its verb: "The commission also issued".
TRAILING_ADVERB = re.compile(r"\s+(?:also|later|then|again|since|[a-z]+ly)$")
# The author of a document by a common noun: "the resolution passed by the town council".
BY_AGENT = re.compile(
    r"\bby\s+((?:the|its)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"(?=\s+(?:in|on|at|last|this|after|before|earlier)\b|\s*$)"
)
# A verb that introduces a document by its author: "The agency published a report".
INTRODUCES = re.compile(
    r"\b(?:issued|issues|published|publishes|adopted|adopts|sent|sends|released|releases|"
    r"passed|passes|signed|signs|drafted|circulated|put out)\b"
)
# After a quotation, verbs only a document takes: "…,” the report concluded / the letter read.
DOCUMENT_VERB = re.compile(
    r"^\s*[,.!?]?\s*((?:the|its|their|this|that)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+"
    r"(read|reads|concluded|concludes|continued|continues|stated|states)\b",
    re.IGNORECASE,
)


def people_for(segment: str) -> str | None:
    """The organisation that "a spokeswoman for …" or "officials at …" speak for, if any."""
    found = PEOPLE_FOR.match(segment.strip())
    return found.group(1) if found else None


def capitals(text: str) -> list[tuple[str, str]]:
    """(capital, the country word after it) for each "Calder, the Orvish capital"."""
    return [(m.group(1), m.group(2)) for m in CAPITAL.finditer(text)]


def group_role(after: str) -> str | None:
    """The role word an apposition right after a group's name gives it ("regulator")."""
    found = GROUP_ROLE.match(after)
    return found.group(1).casefold() if found else None


def without_adverb(segment: str) -> str:
    return TRAILING_ADVERB.sub("", segment.strip())


def agent_by(segment: str) -> str | None:
    """The common-noun author after "by" in a document's phrase ("by the town council")."""
    found = BY_AGENT.search(segment)
    return found.group(1) if found else None


def modified(words: list[str], forms: list[str]) -> bool:
    """Whether a group written `forms` has every word between "the" and the head ("the town
    council": "town"), so that "the town council" is not the county council; words that
    describe any group ("the new company") distinguish none."""
    said = {w for form in forms for w in form.casefold().split()}
    return all(word in said for word in words if word not in DESCRIBING)


# Words before a group's head that describe rather than name it: "the state-owned company".
DESCRIBING = {
    "new", "former", "old", "state-owned", "state-run", "private", "public", "national",
    "local", "main", "largest", "biggest", "big", "small", "embattled", "troubled", "listed",
    "family-owned", "parent", "same", "whole", "entire",
}  # fmt: skip
