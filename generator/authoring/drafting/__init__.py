"""`draft-quotes`: find every direct quotation in an article and propose who said it.

A draft for a person to review, never content: each record carries `needs_review: true`, which
the content model rejects, so a draft cannot reach the site unreviewed.

- `spans`: the quotations, in every mark news copy uses, with a warning where one never
  closes and nothing continues it;
- `attribution`: who said each, read around its reporting verb, with a reason and a confidence;
  a low confidence proposes no speaker rather than a wrong one;
- `phrases`: what a subject names (a known entity, a new name proposed as a new person, a
  pronoun, a role, a document, an unnamed source);
- `organisations`: organisations, governments and delegations as speakers ("the company" is
  the last company named); `roles`: the title that comes with a name, however long; `ids`: a
  new name's id, its letters transliterated;
- `output`: the draft file.

A quotation that is already a `direct` statement of the story from another article (the same
words up to typography, or the statement's words within it) is proposed as a report of that
statement instead, so one thing said is one statement however many articles quote it: when it
is the same utterance (the same speaker, or words long enough to be unmistakable), with a note
where this article names another speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.authoring.drafting.attribution import Reader
from generator.authoring.drafting.output import draft_yaml
from generator.authoring.drafting.phrases import Phrases
from generator.authoring.drafting.sentences import masked_text
from generator.authoring.drafting.spans import Span, continues, spans_of, unclosed_warning
from generator.authoring.drafting.who import Name, NewName, Said
from generator.content.linking import Linked
from generator.content.quotation import comparable
from generator.content.variants import as_printed

__all__ = [
    "Draft",
    "Drafted",
    "Known",
    "Name",
    "NewName",
    "draft_article",
    "draft_yaml",
    "find_quotations",
    "known_statements",
    "names_from",
]


@dataclass(frozen=True)
class Draft:
    paragraph: int
    text: str
    speaker: str | None
    reason: str
    confidence: str = "high"  # high, medium or low


@dataclass(frozen=True)
class Drafted:
    """An article's drafts, the warnings about spans it may have missed, and the new people
    (or groups) its drafts name, to propose for review."""

    drafts: list[Draft]
    warnings: list[str]
    people: list[NewName]


def find_quotations(paragraphs: Sequence[str], names: list[Name]) -> list[Draft]:
    """Every quotation with a proposed speaker (see `draft_article`)."""
    return draft_article(paragraphs, names).drafts


def draft_article(paragraphs: Sequence[str], names: list[Name]) -> Drafted:
    """Every quotation with a proposed speaker, a reason and a confidence. A quoted span that
    is only a known name (such as an organisation's) is not a statement and is left out."""
    skip = {name.text.casefold() for name in names}
    phrases = Phrases(names)
    found = [spans_of(p, headline=_headline(p)) for p in paragraphs]
    for number, paragraph in enumerate(paragraphs, start=1):
        phrases.learn(masked_text(paragraph, found[number - 1]), number)
    reader = Reader(phrases)
    drafts: list[Draft] = []
    warnings: list[str] = []
    continued: Said | None = None
    for number, (paragraph, marked) in enumerate(zip(paragraphs, found, strict=True), start=1):
        spans = [s for s in marked if s.text.casefold() not in skip]
        said = reader.paragraph(number, paragraph, spans, continued)
        continued = None
        for span, who in zip(spans, said, strict=True):
            speaker = who.speaker if who.confidence != "low" else None
            drafts.append(Draft(number, span.text, speaker, who.reason, who.confidence))
            if not span.closed:
                following = paragraphs[number] if number < len(paragraphs) else None
                warning = unclosed_warning(number, continues(following))
                warnings += [warning] if warning else []
                continued = who
        warnings += _stray_closings(number, paragraph, found[number - 1])
    speakers = {d.speaker for d in drafts}
    people = [p for p in phrases.new.values() if p.id in speakers]
    return Drafted(drafts, warnings, people)


def _headline(paragraph: str) -> bool:
    """A headline or standfirst: a paragraph that ends without a full stop (inside or
    outside a closing mark)."""
    return not paragraph.rstrip().rstrip("”\"»’'").endswith((".", "!", "?"))


def _outside(paragraph: str, spans: Sequence[Span]) -> str:
    chars = list(paragraph)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _stray_closings(number: int, paragraph: str, spans: Sequence[Span]) -> list[str]:
    """A closing mark outside every span: a quotation whose opening mark is missing."""
    outside = _outside(paragraph, spans)
    if "”" in outside or "»" in outside:
        return [
            f"¶{number}: a closing quotation mark with no opening one: check whether a "
            "quotation starts earlier in the paragraph"
        ]
    return []


@dataclass(frozen=True)
class Known:
    """A quotation that is a direct statement of the story already: a report to add to it."""

    paragraph: int
    statement: str
    file: str  # where the statement is written, relative to the story's folder
    line: int
    has_reports: bool  # whether it has a `reports:` list to add to
    listed: bool  # whether it cites this paragraph already: nothing to add
    named: str | None = None  # the speaker this article names, where the story has another
    story_speakers: tuple[str, ...] = ()  # the statement's speakers, where `named` differs


# Words enough to be one utterance whoever the article says spoke them: a short phrase ("a
# durable peace") may well be two speakers' own words.
UNMISTAKABLE = 6


def known_statements(
    article_id: str, paragraphs: Sequence[str], drafts: list[Draft], story: Linked | None
) -> tuple[list[Draft], list[Known]]:
    """The drafts that are new statements, and the reports of statements the story has from
    other articles, found in the other drafts. The words are matched as `check` proves a
    report, so each proposed report passes it. A draft is a report only of the same utterance:
    one whose proposed speaker is among the statement's, or whose words are long enough to be
    unmistakable; then a draft naming another speaker says so, for a possible dispute."""
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
            and (draft.speaker in s.speakers or key.count(" ") - 1 >= UNMISTAKABLE)
            and as_printed(s.text, f"“{draft.text}”") is not None
            and as_printed(s.text, paragraph) is not None
        ]
        if not found:
            new.append(draft)
        for statement in found:
            file, line = story.origin("statements", statement.id)
            cited = {(r.article, r.paragraph) for r in statement.reports}
            listed = (article_id, draft.paragraph) in cited
            other = draft.speaker if draft.speaker not in (None, *statement.speakers) else None
            known[(statement.id, draft.paragraph)] = Known(
                draft.paragraph,
                statement.id,
                file,
                line,
                bool(statement.reports),
                listed,
                other,
                tuple(statement.speakers) if other else (),
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
