"""`draft-quotes`: find every direct quotation in an article and propose who said it.

A draft for a person to review, never content: each record carries `needs_review: true`, which
the content model rejects, so a draft cannot reach the site unreviewed.

Quotations are spans in double quotes, curly or straight, with any single quotes nested inside.
A quotation split by an attribution ("“A,” she said. “B.”") gives one span per part. The speaker
comes from the attribution after the span ("said X", "X said", "he added"), else from "according
to X" or the last name before it in the sentence, else from the paragraph's previous quotation.
Pronouns resolve to the last person named outside quotation marks.

A quotation that is already a `direct` statement of the story from another article (the same
words up to typography, or the statement's words within it) is proposed as a report of that
statement instead, so one thing said is one statement however many articles quote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.link import Linked
from generator.quotation import comparable
from generator.variants import as_printed

QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
VERBS = r"(?:said|says|added|adds|told|tells|asked|asks|agreed|warned|insisted|noted|stressed)"
PRONOUN = r"(?:he|she|they)"


@dataclass(frozen=True)
class Name:
    """A way an entity is written in text, and the entity id it stands for."""

    text: str
    entity: str
    kind: str  # "person", "group" or "country": people and groups speak; countries rarely do


@dataclass(frozen=True)
class Draft:
    paragraph: int
    text: str
    speaker: str | None
    reason: str


@dataclass(frozen=True)
class Known:
    """A quotation that is a direct statement of the story already: a report to add to it."""

    paragraph: int
    statement: str
    file: str  # where the statement is written, relative to the story's folder
    line: int
    has_reports: bool  # whether it has a `reports:` list to add to
    listed: bool  # whether it cites this paragraph already: nothing to add


def known_statements(
    article_id: str, paragraphs: Sequence[str], drafts: list[Draft], story: Linked | None
) -> tuple[list[Draft], list[Known]]:
    """The drafts that are new statements, and the reports of statements the story has from
    other articles, found in the other drafts. The words are matched as `check` proves a
    report, so each proposed report passes it."""
    if story is None:
        return drafts, []
    statements = [
        (_words(s.text), s)
        for s in story.statements.values()
        if s.kind == "direct" and s.source.article != article_id
    ]
    new: list[Draft] = []
    known: dict[tuple[str, int], Known] = {}
    for draft in drafts:
        paragraph = paragraphs[draft.paragraph - 1]
        words = _words(draft.text)
        found = [
            s
            for key, s in statements
            if key in words  # cheap, and typography does not change the words
            and as_printed(s.text, f"“{draft.text}”") is not None
            and as_printed(s.text, paragraph) is not None
        ]
        if not found:
            new.append(draft)
        for statement in found:
            file, line = story.origin("statements", statement.id)
            cited = {(r.article, r.paragraph) for r in statement.reports}
            listed = (article_id, draft.paragraph) in cited
            known[(statement.id, draft.paragraph)] = Known(
                draft.paragraph, statement.id, file, line, bool(statement.reports), listed
            )
    return new, list(known.values())


def _words(text: str) -> str:
    """The words alone, each between spaces, so one text's words are found in another's."""
    return " " + " ".join(re.findall(r"\w+", comparable(text).casefold())) + " "


def names_from(story: Linked | None) -> list[Name]:
    """Every way the content writes a person, group or country: name, aliases, surname."""
    if story is None:
        return []
    names = [Name(p.name.split()[-1], p.id, "person") for p in story.people.values()]
    for kind, records in (("person", story.people), ("group", story.groups)):
        names += [Name(f, r.id, kind) for r in records.values() for f in _forms(r)]
    names += [Name(f, c.id, "country") for c in story.countries.values() for f in _forms(c)]
    return names


def _forms(record: object) -> list[str]:
    return [getattr(record, "name"), *getattr(record, "aliases", [])]  # noqa: B009 - any record


def find_quotations(paragraphs: Iterable[str], names: list[Name]) -> list[Draft]:
    """Every quotation with a proposed speaker. A quoted span that is only a known name (such as
    an organisation's) is not a statement and is left out."""
    skip = {name.text.casefold() for name in names}
    finder = _Finder(names)
    drafts: list[Draft] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        previous: str | None = None
        for match in QUOTE.finditer(paragraph):
            text = (match.group(1) or match.group(2)).strip().rstrip(",")
            if text.casefold() in skip:
                continue
            speaker, reason = finder.speaker(paragraph, match.start(), match.end(), previous)
            drafts.append(Draft(number, text, speaker, reason))
            previous = speaker
        finder.remember(paragraph)
    return drafts


class _Finder:
    def __init__(self, names: list[Name]) -> None:
        ordered = sorted(names, key=lambda n: len(n.text), reverse=True)
        self.names = {n.text.casefold(): n for n in ordered}
        alternatives = "|".join(re.escape(n.text) for n in ordered) or r"(?!)"
        self.pattern = re.compile(rf"\b(?:{alternatives})\b")
        self.last_person: str | None = None

    def speaker(
        self, paragraph: str, start: int, end: int, previous: str | None
    ) -> tuple[str | None, str]:
        """Rules in order of trust; the first that names someone wins."""
        after = paragraph[end : end + 60]
        before = _sentence_before(paragraph, start)
        earlier = paragraph[:start]
        rules = (
            (self._named_after, after, "named after the quotation"),
            (self._pronoun_after, after, "pronoun after the quotation"),
            (self._according_to, before, "according to"),
            (self._pronoun_before, before, "pronoun before the quotation"),
            (self._last_name, before, "named earlier in the sentence"),
        )
        for rule, text, reason in rules:
            if found := rule(text, earlier):
                return found, reason
        new = re.search(rf"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)\s+{VERBS}\b", before)
        if new:
            return _slug(new.group(1)), f"new name {new.group(1)}: add them to people.yaml"
        if previous:
            return previous, "same speaker as the paragraph's previous quotation"
        return self._last_person(earlier), "last person named"

    def _named_after(self, after: str, _earlier: str = "") -> str | None:
        verb_first = re.match(rf"\s*[,.]?\s*(?:{VERBS}|according to)\s+(.+)", after)
        if verb_first and (found := self._first_name(verb_first.group(1)[:40])):
            return found
        subject_first = re.match(rf"\s*[,.]?\s*(.{{1,40}}?)\s+{VERBS}\b", after)
        return self._first_name(subject_first.group(1)) if subject_first else None

    def _pronoun_after(self, after: str, earlier: str) -> str | None:
        if re.match(rf"\s*[,.]?\s*{PRONOUN}\s+{VERBS}\b", after, re.IGNORECASE):
            return self._last_person(earlier)
        return None

    def _according_to(self, before: str, _earlier: str = "") -> str | None:
        according = re.search(r"according to (.+)$", before)
        return self._first_name(according.group(1)) if according else None

    def _pronoun_before(self, before: str, earlier: str) -> str | None:
        if re.search(rf"\b{PRONOUN}\s+{VERBS}\s*:?\s*$", before, re.IGNORECASE):
            return self._last_person(earlier)
        return None

    def remember(self, paragraph: str) -> None:
        self.last_person = self._last_person(paragraph)

    def _first_name(self, text: str) -> str | None:
        match = self.pattern.search(_outside_quotes(text))
        return self.names[match.group(0).casefold()].entity if match else None

    def _mentions(self, text: str) -> list[Name]:
        return [
            self.names[m.group(0).casefold()] for m in self.pattern.finditer(_outside_quotes(text))
        ]

    def _last_name(self, text: str, _earlier: str = "") -> str | None:
        found = self._mentions(text)
        speakers = [n for n in found if n.kind != "country"] or found
        return speakers[-1].entity if speakers else None

    def _last_person(self, text: str) -> str | None:
        people = [n.entity for n in self._mentions(text) if n.kind == "person"]
        return people[-1] if people else self.last_person


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _outside_quotes(text: str) -> str:
    """The text with quoted words blanked out, so names inside quotations are not speakers."""
    return QUOTE.sub(lambda m: " " * len(m.group(0)), text)


def _sentence_before(paragraph: str, start: int) -> str:
    head = paragraph[:start]
    boundary = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return head[boundary + 1 :] if boundary >= 0 else head


def draft_yaml(article_id: str, drafts: list[Draft], known: list[Known] | None = None) -> str:
    lines = [
        f"# Draft quotations from seeds/{article_id}.txt, by `python -m generator draft-quotes`.",
        "# Review each one against the article: fix the speaker, add topics and context, then move",
        "# it into content/statements.yaml without its needs_review line. Nothing here is on the",
        "# site, and content with needs_review in it does not validate.",
    ]
    for index, draft in enumerate(drafts, start=1):
        speaker = draft.speaker or "unknown"
        lines += [
            f"- id: {article_id}-quote-{index}".replace("_", "-"),
            "  kind: direct",
            f"  speakers: [{speaker}]  # proposed: {draft.reason}",
            f"  text: {_quoted(draft.text)}",
            f"  source: {{article: {article_id}, paragraph: {draft.paragraph}}}",
            "  needs_review: true",
        ]
    if known:
        lines += _known_yaml(article_id, known)
    return "\n".join(lines) + "\n"


def _known_yaml(article_id: str, known: list[Known]) -> list[str]:
    """Comments only, below the drafts: the file stays a list of draft statements."""
    lines = [
        "",
        "# Already in the story " + "-" * 70,
        "# These quotations are direct statements the story already has from other articles:",
        "# they are not drafted above. Add this article to each statement's `reports:` instead,",
        "# pasting the lines under each heading without their leading `# `.",
    ]
    for item in known:
        lines.append("")
        where = f"in {item.file} (line {item.line})"
        if item.listed:
            lines.append(
                f"# Already in the story: statement '{item.statement}' {where} already cites "
                f"paragraph {item.paragraph} of this article: nothing to add."
            )
            continue
        lines.append(
            f"# Already in the story: add this report to statement '{item.statement}' {where}:"
        )
        lines += [] if item.has_reports else ["#   reports:"]
        lines.append(f"#     - {{article: {article_id}, paragraph: {item.paragraph}}}")
    return lines


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
