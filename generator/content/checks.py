"""Rules across records that one record's model cannot make (listed in rules.py): each report
of a statement is proved against its own paragraph, each side of a dispute says only what its
record can hold, one quotation is one statement, and every person, group and country is cited
somewhere."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from typing import Any

from generator.content.linking import Resolved
from generator.content.meaning import changes, negation, reordered
from generator.content.problems import Problem
from generator.content.validation import Entry
from generator.content.variants import as_printed, folded
from generator.model.parts import Colour
from generator.model.records import Country, Event, Group, Person, StanceOption, Statement, Term

_TYPOGRAPHY = "quotation marks, apostrophes, dashes, ellipses and spacing"


def reports(story: Resolved) -> Iterator[Problem]:
    for entry in story.validated.entries["statements"]:
        yield from _reports(entry, story)


def _reports(entry: Entry[Any], story: Resolved) -> Iterator[Problem]:
    """Each further report of a statement cites a new paragraph, and for a direct statement
    holds its words (or the report's own wording) inside that paragraph's quotation marks. A
    report's own wording is mostly the statement's words and keeps what carries their meaning
    (`meaning.changes`): "we will never pay" is no report of "we will pay in full"."""
    statement: Statement = entry.record
    seen = {(statement.source.article, statement.source.paragraph)}
    for index, report in enumerate(statement.reports):
        loc = ("reports", index)
        where = (report.article, report.paragraph)
        if where in seen:
            yield entry.problem(
                loc,
                f"article '{report.article}' paragraph {report.paragraph} is already cited for "
                "this statement: remove this report",
            )
        seen.add(where)
        if statement.kind == "reported":
            if report.text is not None:
                yield entry.problem(
                    (*loc, "text"),
                    "the reports of a `reported` statement hold no `text`: its paraphrase is "
                    "the statement's `text`; remove this one",
                )
            continue
        text = story.texts.get(report.article)
        if text is None or report.paragraph > len(text.paragraphs):
            continue  # already reported as a bad citation
        words = report.text or statement.text
        if report.text is not None and not _same_quotation(report.text, statement.text):
            yield entry.problem(
                (*loc, "text"),
                "these words share too little with the statement's `text` to be the same "
                "quotation in other words: if it is another quotation, make it a statement of "
                "its own",
            )
        elif report.text is not None and (
            any(changes(report.text, statement.text)) or reordered(report.text, statement.text)
        ):
            yield entry.problem((*loc, "text"), _changed_meaning(report.text, statement.text))
        elif as_printed(words, text.paragraphs[report.paragraph - 1]) is None:
            own = "these words are" if report.text else "the statement's `text` is"
            place = f"article '{report.article}' paragraph {report.paragraph}"
            found = [
                number
                for number, paragraph in enumerate(text.paragraphs, start=1)
                if as_printed(words, paragraph) is not None
            ]
            if found:
                hint = f"they are quoted in paragraph {found[0]}: fix the paragraph"
            else:
                hint = (
                    f"even allowing for differences of {_TYPOGRAPHY}: cite the paragraph that "
                    "quotes them, or give this report the words as this article prints them in "
                    "`text`"
                )
            yield entry.problem(
                (*loc, "text") if report.text else loc, f"{own} not quoted in {place}, {hint}"
            )


def summary_cited(story: Resolved) -> Iterator[Problem]:
    """The summary rests on cited paragraphs as soon as there is an article to cite."""
    validated = story.validated
    if not validated.articles:
        return
    first = validated.articles[0].record.id
    for entry in validated.entries["story"]:
        if not entry.record.sources:
            yield entry.problem(
                ("sources",),
                "the summary cites no paragraph: list the paragraphs it rests on, such as "
                f"`sources: [{{article: {first}, paragraph: 1}}]`",
            )


def stance_colours(story: Resolved) -> Iterator[Problem]:
    """One colour per stance, so that a colour in the positions picture names one stance."""
    taken: dict[str, str] = {}
    for entry in story.validated.entries["stances"]:
        stance: StanceOption = entry.record
        if stance.colour not in taken:
            taken[stance.colour] = stance.id
            continue
        free = [c for c in typing.get_args(Colour) if c not in taken]
        hint = (
            f"choose one no stance uses yet: {', '.join(f'`{c}`' for c in free)}"
            if free
            else "every colour is taken: merge stances that readers need not tell apart"
        )
        yield entry.problem(
            ("colour",), f"stance '{taken[stance.colour]}' already has this colour: {hint}"
        )


# Words that stand for someone named elsewhere: a paraphrase opening with one names no one once
# it is read alone, as search results, shared links and lists show it.
_PRONOUNS = frozenset(
    {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her"}
    | {"it", "its", "they", "them", "their"}
)


def paraphrases(story: Resolved) -> Iterator[Problem]:
    """A paraphrase names who, for it is read alone."""
    for entry in story.validated.entries["statements"]:
        statement: Statement = entry.record
        first = re.match(r"[^\W\d_]+", statement.text)
        if statement.kind != "reported" or not first:
            continue
        if first.group().casefold() in _PRONOUNS:
            yield entry.problem(
                ("text",),
                f'this paraphrase starts with "{first.group()}", which names no one when the '
                "statement is read alone (in search results, shares and lists): name who "
                "instead, such as the speaker or the country",
            )


def circular_definitions(story: Resolved) -> Iterator[Problem]:
    """A definition (or the editors' explanation) built from the term itself explains nothing
    to a reader who does not know the term."""
    for entry in story.validated.entries["glossary"]:
        term: Term = entry.record
        meanings: list[tuple[tuple[str, ...], str, str | None]] = [
            (("definition",), "definition", term.definition)
        ]
        if term.explanation is not None:
            meanings.append((("explanation", "text"), "explanation", term.explanation.text))
        for loc, what, text in meanings:
            name = _uses_term(term, text) if text is not None else None
            if name is not None:
                yield entry.problem(
                    loc,
                    f'this {what} uses "{name}", the term it defines, so it tells a reader '
                    "who does not know the term nothing: say what it means in other words",
                )


def _uses_term(term: Term, text: str) -> str | None:
    """The first form of the term (the term, then its aliases) that `text` uses."""
    plain = folded(text).casefold()
    for name in (term.term, *term.aliases):
        if re.search(rf"(?<!\w){re.escape(folded(name).casefold())}(?!\w)", plain):
            return name
    return None


def glossary_terms(story: Resolved) -> Iterator[Problem]:
    """A term says what the sources say of it (what it means, or how they use it), and the
    editors' explanation, their own words, rests on a reference: never on the article, whose
    words would then be put in the editors' mouth, or the editors' in the article's."""
    for entry in story.validated.entries["glossary"]:
        term: Term = entry.record
        if term.definition is None and term.usage is None:
            yield entry.problem(
                ("term",),
                "this term says nothing of what the sources say about it: add `definition:` "
                "(what they say it means) or, where they use it without saying what it means, "
                "`usage:` (how they use it)",
            )
        if term.explanation is None:
            continue
        for index, source in enumerate(term.explanation.sources):
            if source.reference is None:
                yield entry.problem(
                    ("explanation", "sources", index),
                    "the editors' explanation cites a reference (`{reference: ID}` from "
                    "references.yaml), not an article's paragraph: what the article says of the "
                    "term goes in `definition` or `usage`",
                )


def _same_quotation(wording: str, text: str) -> bool:
    """Whether another outlet's wording can be the same quotation: most of its words are the
    statement's (a changed word or two, a different cut), not another sentence."""
    mine, theirs = _word_set(wording), _word_set(text)
    return len(mine & theirs) * 2 >= min(len(mine), len(theirs))


def _changed_meaning(wording: str, text: str) -> str:
    """Why another outlet's wording says something else than the statement."""
    left_out, added = changes(wording, text)
    what = [f"leave out {_listed(left_out)}"] if left_out else []
    negations = [word for word in added if negation(word)]
    qualifiers = [word for word in added if not negation(word)]
    what += [f"add a negation ({_listed(negations)})"] if negations else []
    what += [f"add {_listed(qualifiers)}"] if qualifiers else []
    what += ["put the statement's words in another order"] if reordered(wording, text) else []
    return (
        f"these words {' and '.join(what)}, so they do not say what the statement's `text` "
        "says: a report in other words keeps its negations, numbers and names; if this is "
        "another quotation, make it a statement of its own"
    )


def _listed(words: list[str]) -> str:
    quoted = [f"'{word}'" for word in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def one_statement_per_quotation(story: Resolved) -> Iterator[Problem]:
    """The same words twice as direct statements are one quotation entered twice: its second
    article is a report of the first statement."""
    first: dict[str, Entry[Any]] = {}
    for entry in story.validated.entries["statements"]:
        statement: Statement = entry.record
        if statement.kind != "direct":
            continue
        key = folded(statement.text)
        if key not in first:
            first[key] = entry
            continue
        other = first[key]
        line = other.document.mark(other.loc).line
        yield entry.problem(
            ("text",),
            f"these are the words of statement '{other.record.id}' "
            f"({other.document.path}:{line}): one quotation is one statement, so add this "
            f"paragraph to the `reports` of '{other.record.id}' and remove this statement",
        )


def disputes(story: Resolved) -> Iterator[Problem]:
    """An account names speakers only on a statement (and only its own), a stance only on a
    position."""
    for name, entries in story.validated.entries.items():
        for entry in entries:
            record = entry.record
            holders: list[tuple[tuple[Any, ...], Any]] = [((), record)]
            if isinstance(record, Country):
                holders = [(("positions", i), p) for i, p in enumerate(record.positions)]
            for prefix, holder in holders:
                for d, dispute in enumerate(getattr(holder, "disputes", [])):
                    for a, account in enumerate(dispute.accounts):
                        loc = (*prefix, "disputes", d, "accounts", a)
                        yield from _account(entry, loc, account, record, name)


def _account(
    entry: Entry[Any], loc: Any, account: Any, record: Any, name: str
) -> Iterator[Problem]:
    if account.speakers and not isinstance(record, Statement):
        yield entry.problem(
            (*loc, "speakers"),
            "only a statement's disputes name `speakers` (who the sources say said it): "
            "remove them, and say what this side holds in `says`",
        )
    elif isinstance(record, Statement):
        for s, speaker in enumerate(account.speakers):
            if speaker not in record.speakers:
                yield entry.problem(
                    (*loc, "speakers", s),
                    f"'{speaker}' is not among this statement's `speakers`: list every "
                    "speaker the sources name there, and each side's here",
                )
    if account.stance is not None and name != "countries":
        yield entry.problem(
            (*loc, "stance"),
            "only a position's disputes give a `stance`: remove it, and say what this side "
            "holds in `says`",
        )


def uncited(story: Resolved) -> Iterator[Problem]:
    """Every person, group and country is cited: by its own sources, a position, a statement
    it speaks or an event it takes part in. Where it is mentioned is computed from these. Only
    in a `complete` story: otherwise one would be uncited because of another problem."""
    if not story.complete:
        return
    validated = story.validated
    cited: set[str] = set()
    for entry in validated.entries["statements"]:
        cited.update(entry.record.speakers)
    for entry in validated.entries["events"]:
        event: Event = entry.record
        cited.update(event.participants)
    for name in ("people", "groups", "countries"):
        for entry in validated.entries[name]:
            record: Person | Group | Country = entry.record
            positions = isinstance(record, Country) and record.positions
            if record.sources or positions or record.id in cited:
                continue
            yield entry.problem(
                ("id",),
                f"'{record.id}' is cited nowhere: no statement, event or position names it, so "
                "add `sources` with the paragraphs that mention it",
            )


def readings(story: Resolved) -> Iterator[Problem]:
    """The readings of an ambiguous attribution name only its speakers, each of them in some
    reading: a reading no source allows, or a speaker no reading holds, would put words in a
    mouth the sources do not."""
    for entry in story.validated.entries["statements"]:
        statement: Statement = entry.record
        if statement.readings is not None:
            yield from _readings(entry, statement)


def _readings(entry: Entry[Any], statement: Statement) -> Iterator[Problem]:
    assert statement.readings is not None
    if statement.attribution != "ambiguous":
        yield entry.problem(
            ("readings",),
            "`readings` are the ways the sources let an ambiguous attribution be read: remove "
            "them, or write `attribution: ambiguous` with an `attribution_note` saying why",
        )
        return
    if len(statement.readings) < 2:
        yield entry.problem(
            ("readings",),
            "give two readings or more (one speaker list each, such as `[[a], [b, a]]`): with "
            "one, the sources say who said it",
        )
    speakers = ", ".join(statement.speakers)
    seen: dict[frozenset[str], int] = {}
    for index, reading in enumerate(statement.readings):
        if not reading:
            yield entry.problem(("readings", index), "a reading names at least one speaker id")
        for place, speaker in enumerate(reading):
            if speaker not in statement.speakers:
                yield entry.problem(
                    ("readings", index, place),
                    f"'{speaker}' is not one of this statement's `speakers` ({speakers}): a "
                    "reading names only them; add it to `speakers` or correct the id",
                )
            elif speaker in reading[:place]:
                yield entry.problem(
                    ("readings", index, place), f"'{speaker}' is named twice in this reading"
                )
        same = seen.setdefault(frozenset(reading), index)
        if reading and same != index:
            yield entry.problem(
                ("readings", index), f"this reading names the same speakers as reading {same + 1}"
            )
    for speaker in statement.speakers:
        if not any(speaker in reading for reading in statement.readings):
            yield entry.problem(
                ("readings",),
                f"speaker '{speaker}' is in no reading: add it to each reading the sources "
                "allow, or remove it from `speakers`",
            )
