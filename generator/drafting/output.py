"""The draft file: draft statements to review, then the warnings and the proposed people as
comments, so the file stays one YAML list of statements that `check` refuses until reviewed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.drafting import Draft, Known
    from generator.drafting.phrases import NewName


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
