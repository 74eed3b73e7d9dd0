"""The draft file: draft statements to review, then the warnings and the proposed people as
comments, so the file stays one YAML list of statements that `check` refuses until reviewed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.authoring.drafting import Draft, Known
    from generator.authoring.drafting.who import NewName


def draft_yaml(
    article_id: str,
    drafts: list[Draft],
    known: list[Known] | None = None,
    *,
    warnings: Sequence[str] = (),
    people: Sequence[NewName] = (),
) -> str:
    lines = [
        f"# Draft quotations from seeds/{article_id}.txt, by `python -m generator draft-quotes`.",
        "# Review each one against the article: fix the speaker, add topics and context, then move",
        "# it into content/statements.yaml without its needs_review line. Nothing here is on the",
        "# site, and content with needs_review in it does not validate. The comment after each",
        "# speaker says why it is proposed and how sure the rule is: a rule that is unsure",
        "# proposes no speaker rather than a wrong one.",
    ]
    if warnings:
        lines += ["#", "# Check these: quotation marks the drafts may have read wrongly"]
        lines += [f"#   {warning}" for warning in warnings]
    for index, draft in enumerate(drafts, start=1):
        if draft.speaker:
            speakers = f"[{draft.speaker}]  # proposed ({draft.confidence} confidence)"
        else:
            speakers = f"[]  # no speaker proposed ({draft.confidence} confidence)"
        lines += [
            f"- id: {article_id}-quote-{index}".replace("_", "-"),
            "  kind: direct",
            f"  speakers: {speakers}: {_one_line(draft.reason)}",
            f"  text: {_quoted(draft.text)}",
            f"  source: {{article: {article_id}, paragraph: {draft.paragraph}}}",
            "  needs_review: true",
        ]
    if people:
        lines += _people_yaml(article_id, people)
    if known:
        lines += _known_yaml(article_id, known)
    return "\n".join(lines) + "\n"


def _people_yaml(article_id: str, people: Sequence[NewName]) -> list[str]:
    """Comments, like the reports below: draft records of the new people and groups the drafts
    name, for content/people.yaml or content/groups.yaml once reviewed."""
    lines = [
        "",
        "# Proposed people " + "-" * 75,
        "# The drafts above name these people or groups, whom the story does not know yet. Check",
        "# each against the article (name, role, affiliation), then paste it into",
        "# content/people.yaml (a group into content/groups.yaml) without the leading `# ` and",
        "# without its needs_review line.",
    ]
    for person in people:
        where = "groups.yaml" if person.kind == "group" else "people.yaml"
        lines += [
            "",
            f"# For content/{where}:",
            f"# - id: {person.id}",
            f"#   name: {_quoted(person.name)}",
        ]
        if person.kind != "group":
            role = _quoted(person.role) if person.role else "null"
            lines.append(f"#   role: {role}")
        lines += [
            f"#   affiliation: {person.affiliation or 'null'}",
            f"#   sources: [{{article: {article_id}, paragraph: {person.paragraph}}}]",
            "#   needs_review: true",
        ]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


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
        if item.named:  # the same words, given to someone else: maybe a dispute
            lines.append(
                f"#   This article names {item.named}; the story has "
                f"{', '.join(item.story_speakers)}: consider a dispute."
            )
    return lines


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
