"""Measure `draft-quotes` on the fictional development set in tests/fixtures/drafting-dev.

    python -m tests.drafting_eval dev        # the part rules may be developed on
    python -m tests.drafting_eval heldout    # the part that must not be read while developing
    python -m tests.drafting_eval dev --details   # also each span: annotated and proposed speaker

Each article `ID.txt` has a hand annotation `ID.answers.json` beside it (see the folder's
README.md for the rules). The annotations are checked before anything is measured, so a typo in
them is reported as such instead of silently lowering a figure.

Spans: a draft is right when its paragraph and its text (spaces normalised as in
tests/authoring/test_drafting.py) equal an annotated span. Speakers, on the spans found:
- precision: of the drafts that propose a speaker, how many propose the annotated one (a wrong
  speaker on a span that is not a quotation at all counts too);
- recall: of the annotated spans, how many got the annotated speaker. A draft proposing no speaker
  counts against recall, not precision, except where the annotation is `null` (unattributed),
  where proposing none is the right answer.
An annotated `new:Full Name` is matched by a proposed id equal to itself or to the slug of the
name ("new:Tamsin Kell" by "tamsin-kell"); a list of speakers means any of them is right.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from generator.authoring.drafting import Draft, Name, draft_article, known_statements
from generator.content.loading import paragraphs_of
from generator.content.quotation import normalise_space

FIXTURES = Path(__file__).parent / "fixtures" / "drafting-dev"
PARTS = ("dev", "heldout")
# Issue 24's patterns: always in the table, "—" where a part has none.
ROUND_2 = (
    "accented-name",
    "org-speaker",
    "time-opener",
    "verb-in-name",
    "long-apposition",
    "joint-short",
    "other-speaker",
)
PATTERNS = (
    "plain",
    "said-after",
    "subject-of-verb",
    "relative-clause",
    "apposition-new-person",
    "pronoun-chain",
    "role-reference",
    "characterising-verb",
    "according-to",
    "document",
    "collective",
    "split",
    "unclosed",
    "mixed-marks",
    "nested-single",
    "single-quoted",
    "single-quoted-standfirst",
    "guillemets",
    "qa-transcript",
    *ROUND_2,
)
KINDS = ("person", "group", "country")
OPENING = "“\"‘'«"

Speaker = str | None


@dataclass(frozen=True)
class Span:
    paragraph: int
    text: str
    speakers: tuple[Speaker, ...]  # any of them is right
    pattern: str
    accept_warning: bool  # a warning naming the paragraph is an acceptable answer too
    role: str | None = None  # the role a new person must be proposed with
    report: str | None = None  # the statement the span must be proposed as a report of
    has_report: bool = False  # whether `report` is annotated (None: a new statement)


@dataclass(frozen=True)
class Article:
    id: str
    paragraphs: tuple[str, ...]
    names: list[Name]
    spans: list[Span]
    statements: list[dict[str, Any]] = field(default_factory=list)  # the story's, from others


def load(part: str) -> list[Article]:
    """Every annotated article of one part, checked; a bad annotation raises ValueError."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}: use one of {', '.join(PARTS)}")
    articles = []
    for answers in sorted((FIXTURES / part).glob("*.answers.json")):
        article = _article(answers)
        errors = _errors(article)
        if errors:
            raise ValueError("\n".join(f"{answers}: {error}" for error in errors))
        articles.append(article)
    return articles


def _article(answers: Path) -> Article:
    data = json.loads(answers.read_text(encoding="utf-8"))
    text = answers.with_name(f"{data['article']}.txt").read_text(encoding="utf-8")
    spans = []
    for q in data["quotations"]:
        speaker = q["speaker"]
        speakers = tuple(speaker) if isinstance(speaker, list) else (speaker,)
        spans.append(
            Span(
                q["paragraph"],
                q["text"],
                speakers,
                q["pattern"],
                q.get("accept_warning", False),
                q.get("role"),
                q.get("report"),
                "report" in q,
            )
        )
    names = [Name(*name) for name in data["names"]]
    statements = data.get("statements", [])
    return Article(data["article"], paragraphs_of(text), names, spans, statements)


def _errors(article: Article) -> list[str]:
    errors = []
    if not 6 <= len(article.paragraphs) <= 15:
        errors.append(f"{len(article.paragraphs)} paragraphs, expected 6 to 15")
    ids = {name.entity for name in article.names}
    errors += [
        f"name {n.text!r}: unknown kind {n.kind!r}" for n in article.names if n.kind not in KINDS
    ]
    for span in article.spans:
        where = f"¶{span.paragraph} {span.text!r}"
        if span.pattern not in PATTERNS:
            errors.append(f"{where}: unknown pattern {span.pattern!r}")
        if not 1 <= span.paragraph <= len(article.paragraphs):
            errors.append(f"{where}: no such paragraph")
            continue
        paragraph = article.paragraphs[span.paragraph - 1]
        at = paragraph.find(span.text)
        if at < 0:
            errors.append(f"{where}: not in the paragraph")
        elif not paragraph[:at].rstrip().endswith(tuple(OPENING)):
            errors.append(f"{where}: does not start right after an opening quotation mark")
        for speaker in span.speakers:
            if speaker is not None and not speaker.startswith("new:") and speaker not in ids:
                errors.append(f"{where}: speaker {speaker!r} is neither a known id nor new:Name")
    known = {s["id"] for s in article.statements}
    errors += [
        f"¶{s.paragraph} {s.text!r}: report of unknown statement {s.report!r}"
        for s in article.spans
        if s.report is not None and s.report not in known
    ]
    keys = [(s.paragraph, s.text) for s in article.spans]
    errors += [f"¶{p} {t!r}: annotated twice" for p, t in set(keys) if keys.count((p, t)) > 1]
    return errors


def speaker_is_right(proposed: str | None, span: Span) -> bool:
    return any(_same(proposed, expected) for expected in span.speakers)


def _same(proposed: str | None, expected: Speaker) -> bool:
    if expected is None or proposed is None:
        return proposed is expected
    if expected.startswith("new:"):
        return proposed in (expected, _slug(expected[4:]))
    return proposed == expected


# Letters NFKD does not split into a base letter and accents.
_LETTERS = {"ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
            "ħ": "h", "ı": "i", "ŋ": "ng"}  # fmt: skip


def _slug(name: str) -> str:
    """The id a name is proposed under: its letters without accents ("Zoë Łukasz": zoe-lukasz),
    written here independently of the generator's."""
    plain = "".join(_LETTERS.get(c, c) for c in name.casefold())
    plain = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


@dataclass(frozen=True)
class Proposal:
    """What the drafts propose for one span: its speaker as the draft file gives it (a report's
    is its statement's first speaker, or the speaker the draft says this article names), the
    statement it reports, and the proposed record of a new speaker."""

    speaker: str | None
    report: str | None
    name: str | None = None
    role: str | None = None


def proposals(article: Article) -> tuple[list[Draft], dict[tuple[int, str], Proposal]]:
    """The drafts of an article, and what each proposes, by paragraph and normalised text."""
    drafted = draft_article(article.paragraphs, article.names)
    people = {p.id: p for p in drafted.people}
    by_id = {s["id"]: s for s in article.statements}
    story = _story(article) if article.statements else None
    new, known = known_statements(article.id, article.paragraphs, drafted.drafts, story)
    found = {}
    for draft in drafted.drafts:
        speaker, report = draft.speaker, None
        if not any(d is draft for d in new):
            words = normalise_space(draft.text).casefold()
            for item in known:
                text = normalise_space(by_id[item.statement]["text"]).casefold()
                if item.paragraph == draft.paragraph and text in words:
                    report = item.statement
                    named = getattr(item, "named", None)
                    speaker = named or by_id[item.statement]["speakers"][0]
                    break
        person = people.get(speaker or "")
        found[(draft.paragraph, normalise_space(draft.text))] = Proposal(
            speaker, report, person.name if person else None, person.role if person else None
        )
    return drafted.drafts, found


def _story(article: Article) -> Any:
    """As much of a linked story as `known_statements` reads: its direct statements."""
    statements = {
        s["id"]: SimpleNamespace(
            id=s["id"],
            kind="direct",
            text=s["text"],
            speakers=list(s["speakers"]),
            source=SimpleNamespace(article=s["article"], paragraph=1),
            reports=[],
        )
        for s in article.statements
    }
    return SimpleNamespace(
        statements=statements, origin=lambda _part, _id: ("content/statements.yaml", 1)
    )


def proposal_is_right(proposal: Proposal, span: Span) -> bool:
    """The speaker, and where annotated the report, the role and (for an accented name) the
    name kept with its letters."""
    if not speaker_is_right(proposal.speaker, span):
        return False
    if span.has_report and proposal.report != span.report:
        return False
    if span.role is not None and proposal.role != span.role:
        return False
    names = [s[4:] for s in span.speakers if s and s.startswith("new:")]
    return not (span.pattern == "accented-name" and names and proposal.name not in names)


@dataclass
class Tally:
    """Counts for one row of the table."""

    spans: int = 0  # annotated
    found: int = 0  # annotated and drafted
    drafts: int = 0  # drafted (overall row only: a spurious draft has no pattern)
    proposed: int = 0  # drafts proposing a speaker
    right: int = 0  # drafts whose speaker is the annotated one (or rightly none)
    right_proposed: int = 0  # of which proposing a speaker
    missed_warnable: list[str] = field(default_factory=list)


def score(articles: Sequence[Article]) -> tuple[Tally, dict[str, Tally]]:
    """The overall tally and one per pattern, over every article given."""
    overall = Tally()
    by_pattern = {pattern: Tally() for pattern in PATTERNS}
    for article in articles:
        _, found = proposals(article)
        truth = {(s.paragraph, normalise_space(s.text)): s for s in article.spans}
        overall.drafts += len(found)
        overall.proposed += sum(1 for key, v in found.items() if v.speaker and key not in truth)
        for key, span in truth.items():
            for tally in (overall, by_pattern[span.pattern]):
                tally.spans += 1
                if key not in found:
                    if span.accept_warning:
                        tally.missed_warnable.append(f"{article.id} ¶{span.paragraph}")
                    continue
                proposed = found[key]
                tally.found += 1
                tally.proposed += proposed.speaker is not None
                if proposal_is_right(proposed, span):
                    tally.right += 1
                    tally.right_proposed += proposed.speaker is not None
    return overall, {p: t for p, t in by_pattern.items() if t.spans or p in ROUND_2}


def details(articles: Sequence[Article]) -> str:
    """One line per annotated span and per spurious draft, for finding what a rule gets wrong."""
    lines = []
    for article in articles:
        drafts, proposed_by_key = proposals(article)
        found = {(d.paragraph, normalise_space(d.text)): d for d in drafts}
        truth = {(s.paragraph, normalise_space(s.text)): s for s in article.spans}
        for key, span in truth.items():
            draft = found.get(key)
            if draft is None:
                verdict, proposed = "MISSED", ""
            else:
                p = proposed_by_key[key]
                verdict = "ok" if proposal_is_right(p, span) else "WRONG"
                report = f" report of {p.report}" if p.report else ""
                person = f" [{p.name}; {p.role}]" if p.name else ""
                proposed = f" <- {p.speaker}{report}{person} ({draft.reason})"
            expected = "|".join(str(s) for s in span.speakers)
            lines.append(
                f"{verdict:6} {article.id} ¶{key[0]} [{span.pattern}] {key[1][:50]!r}: "
                f"{expected}{proposed}"
            )
        lines += [
            f"EXTRA  {article.id} ¶{d.paragraph} {d.text[:50]!r} <- {d.speaker} ({d.reason})"
            for key, d in found.items()
            if key not in truth
        ]
    return "\n".join(lines)


def _ratio(hits: int, total: int) -> str:
    return f"{hits} / {total} ({100 * hits / total:.0f} %)" if total else "—"


def table(part: str, overall: Tally, by_pattern: dict[str, Tally]) -> str:
    lines = [
        f"| {part} | spans | span precision | span recall | speaker precision | speaker recall |",
        "|---|---|---|---|---|---|",
    ]
    rows = [("**all**", overall, _ratio(overall.found, overall.drafts))]
    rows += [(pattern, tally, "—") for pattern, tally in by_pattern.items()]
    for label, tally, precision in rows:
        lines.append(
            f"| {label} | {tally.spans} | {precision} | {_ratio(tally.found, tally.spans)} | "
            f"{_ratio(tally.right_proposed, tally.proposed)} | {_ratio(tally.right, tally.spans)} |"
        )
    lines += [
        "",
        "Span recall: the annotated quotations drafted. Speaker precision: of the drafts that "
        "propose a speaker, those proposing the right one. Speaker recall: the share of "
        "quotations with the right speaker (rightly none for an unnamed source).",
    ]
    if overall.missed_warnable:
        lines += [
            "",
            f"Missed, where a warning would be an acceptable answer: "
            f"{', '.join(overall.missed_warnable)}.",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    args = [a for a in argv if a != "--details"]
    if len(args) != 1 or args[0] not in PARTS:
        usage = f"usage: python -m tests.drafting_eval {{{'|'.join(PARTS)}}} [--details]"
        print(usage, file=sys.stderr)
        return 2
    articles = load(args[0])
    print(f"{len(articles)} articles, {sum(len(a.spans) for a in articles)} annotated spans\n")
    print(table(args[0], *score(articles)))
    if "--details" in argv:
        print("\n" + details(articles))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
