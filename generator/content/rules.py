"""Every rule across records, in one registry: what `check` and `build` refuse once each record
is valid on its own (its model's rules, validation.py) and its ids are resolved (linking.py).

A rule is a function of the resolved story that yields located `Problem`s and changes nothing;
adding one is a row here plus its function (ARCHITECTURE.md, "Adding a rule"). `broken`, which
the check pipeline (generator/build.py) calls, runs them all in this order, so that one run
reports every problem and messages come out in the same order every time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from generator.content import checks, chronology, citations
from generator.content.linking import Resolved
from generator.content.loading import collection_paused
from generator.content.problems import Problem


class Rule(NamedTuple):
    name: str
    description: str  # one line: what the rule keeps true
    check: Callable[[Resolved], Iterable[Problem]]


RULES: tuple[Rule, ...] = (
    Rule("article-ids", "an article's id is its file's name", citations.article_ids),
    Rule(
        "page-collisions",
        "no record's page is a section's or another record's",
        citations.page_collisions,
    ),
    Rule(
        "positions",
        "a country's positions are oldest first, one a day, none after their articles",
        chronology.positions,
    ),
    Rule("events", "dated events are in date order, none after their articles", chronology.events),
    Rule(
        "statement-dates",
        "no statement is dated after an article reporting it",
        chronology.statement_dates,
    ),
    Rule(
        "answers",
        "a question's states are oldest first, none after their articles",
        chronology.answers,
    ),
    Rule(
        "read-dates",
        "no article or reference is read before it was published",
        chronology.read_dates,
    ),
    Rule(
        "disputes",
        "an account names speakers only on a statement, a stance only on a position",
        checks.disputes,
    ),
    Rule(
        "one-statement-per-quotation",
        "the same words are one direct statement",
        checks.one_statement_per_quotation,
    ),
    Rule(
        "readings",
        "an ambiguous attribution's readings name only its speakers, each in some reading",
        checks.readings,
    ),
    Rule("stance-colours", "no two stances share a colour", checks.stance_colours),
    Rule("paraphrases", "a paraphrase does not open with a pronoun", checks.paraphrases),
    Rule(
        "circular-definitions",
        "a definition does not use the term it defines",
        checks.circular_definitions,
    ),
    Rule(
        "glossary-terms",
        "a term says what the sources say of it; the editors' explanation cites a reference",
        checks.glossary_terms,
    ),
    Rule(
        "summary-cited",
        "the summary cites paragraphs once there is an article",
        checks.summary_cited,
    ),
    Rule("uncited", "every person, group and country is cited somewhere", checks.uncited),
    Rule("listed-twice", "a list of ids names each once", citations.listed_twice),
    Rule("related-to-itself", "a question is not related to itself", citations.related_to_itself),
    Rule(
        "paragraphs-exist",
        "every citation lands on a paragraph of its article",
        citations.paragraphs_exist,
    ),
    Rule(
        "quotation-marks",
        "quotation marks only in a direct statement's text",
        citations.quotation_marks,
    ),
    Rule(
        "quotations", "a direct statement's text is quoted in its paragraph", citations.quotations
    ),
    Rule(
        "reports", "each report of a statement cites a new paragraph that quotes it", checks.reports
    ),
)


@collection_paused()
def broken(story: Resolved) -> list[Problem]:
    """Every rule's problems, rule by rule in the registry's order: the one loop over RULES."""
    return [problem for rule in RULES for problem in rule.check(story)]
