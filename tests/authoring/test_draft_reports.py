"""draft-quotes proposes a quotation the story already has as a direct statement from another
article as a report of that statement, not as a new statement. Run in-process on a copy of
the mini story with a fictional article A (the statement's source) and article B (the new
article) written here."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import ROOT, edit, problems

A_TEXT = "“We’ll open the bridge… before winter,” said Mayor Ada Quill on Thursday.\n"
STATEMENT = """- id: quill-open-before-winter
  kind: direct
  speakers: [quill]
  text: We’ll open the bridge… before winter
  source: {article: fic-a, paragraph: 1}
"""
B_OPENING = '"We\'ll open the bridge... before winter," Mayor Ada Quill said on Friday.'
B_TEXT = f'{B_OPENING}\nOpposition leader Bram Stoker-Lee called it "a costly promise".\n'
DRAFT = "drafts/fic-b.quotes.yaml"


def sidecar(article_id: str, published: str) -> str:
    return (
        f"id: {article_id}\nlabel: Fictional report {article_id}\ntitle: null\noutlet: null\n"
        f"url: null\npublished: {published}\nlanguage: en\nfull_text_allowed: true\n"
    )


@pytest.fixture
def story(mini: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini story with article A and its statement, and article B beside it."""
    monkeypatch.chdir(mini)
    (mini / "seeds" / "fic-a.txt").write_text(A_TEXT, encoding="utf-8")
    (mini / "seeds" / "fic-a.yaml").write_text(sidecar("fic-a", "2026-01-08"), encoding="utf-8")
    with (mini / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(STATEMENT)
    (mini / "seeds" / "fic-b.txt").write_text(B_TEXT, encoding="utf-8")
    (mini / "seeds" / "fic-b.yaml").write_text(sidecar("fic-b", "2026-01-09"), encoding="utf-8")
    return mini


def statement_line(story: Path) -> int:
    lines = (story / "content" / "statements.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index("- id: quill-open-before-winter") + 1


def draft_quotes(story: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Runs draft-quotes on article B; the draft file it wrote."""
    assert main(["--root", ".", "draft-quotes", "seeds/fic-b.txt", "--force"]) == 0
    capsys.readouterr()
    return (story / DRAFT).read_text(encoding="utf-8")


def add_paragraph(story: Path, paragraph: str) -> None:
    with (story / "seeds" / "fic-b.txt").open("a", encoding="utf-8") as text:
        text.write(paragraph + "\n")


def drafted_texts(draft: str) -> list[str]:
    return [record["text"] for record in yaml.safe_load(draft) or []]


def test_a_quotation_already_in_the_story_is_proposed_as_a_report_of_its_statement(story, capsys):
    line = statement_line(story)
    assert (
        "# Already in the story: add this report to statement 'quill-open-before-winter' in "
        f"content/statements.yaml (line {line}):\n"
        "#   reports:\n"
        "#     - {article: fic-b, paragraph: 1}\n"
    ) in draft_quotes(story, capsys)


def test_a_quotation_already_in_the_story_is_not_drafted_as_a_new_statement(story, capsys):
    assert drafted_texts(draft_quotes(story, capsys)) == ["a costly promise"]


def test_a_quotation_in_other_words_is_drafted_as_a_new_statement(story, capsys):
    add_paragraph(story, 'Asked again, she said: "We\'ll open the bridge... in the spring."')
    assert drafted_texts(draft_quotes(story, capsys)) == [
        "a costly promise",
        "We'll open the bridge... in the spring.",
    ]


def test_the_statements_words_within_a_longer_quotation_are_a_report(story, capsys):
    edit(story, "seeds/fic-b.txt", "before winter,", "before winter, whatever it costs,")
    draft = draft_quotes(story, capsys)
    assert "#     - {article: fic-b, paragraph: 1}\n" in draft
    assert drafted_texts(draft) == ["a costly promise"]


def test_a_reported_statement_is_not_matched(story, capsys):
    """The mini story reports Norland's words from fic-bridge as a paraphrase, not a quotation."""
    add_paragraph(story, 'A Norland envoy said: "Norland will not pay for any part of the bridge."')
    assert drafted_texts(draft_quotes(story, capsys)) == [
        "a costly promise",
        "Norland will not pay for any part of the bridge.",
    ]


def test_the_report_pasted_as_proposed_passes_check(story, capsys):
    draft = draft_quotes(story, capsys)
    proposed = draft.split("):\n")[-1]  # the lines under the heading; the statement is last
    pasted = "".join(line.removeprefix("# ") + "\n" for line in proposed.splitlines())
    with (story / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(pasted)
    assert problems(story) == []


def test_a_report_already_listed_is_not_proposed_again(story, capsys):
    edit(
        story,
        "content/statements.yaml",
        "  source: {article: fic-a, paragraph: 1}\n",
        "  source: {article: fic-a, paragraph: 1}\n  reports: [{article: fic-b, paragraph: 1}]\n",
    )
    draft = draft_quotes(story, capsys)
    assert (
        "# Already in the story: statement 'quill-open-before-winter' in content/statements.yaml "
        f"(line {statement_line(story)}) already cites paragraph 1 of this article: nothing to "
        "add.\n"
    ) in draft
    assert drafted_texts(draft) == ["a costly promise"]


def test_the_command_counts_the_quotations_already_in_the_story(story, capsys):
    assert main(["--root", ".", "draft-quotes", "seeds/fic-b.txt"]) == 0
    assert capsys.readouterr().out == (
        f"Wrote 1 draft quotation(s) and 1 quotation(s) already in the story to {DRAFT}.\n"
        "Review each one; none is on the site until you move it into content/statements.yaml.\n"
    )


def test_a_second_identical_run_leaves_the_draft_with_its_reports_as_it_is(story, capsys):
    drafted = draft_quotes(story, capsys)
    assert main(["--root", ".", "draft-quotes", "seeds/fic-b.txt"]) == 0
    assert capsys.readouterr().out == (
        f"{DRAFT} already holds these 1 draft quotation(s) and 1 quotation(s) already in the "
        "story: nothing was written.\n"
    )
    assert (story / DRAFT).read_text(encoding="utf-8") == drafted


def test_the_guides_example_is_what_the_draft_file_says(mini, monkeypatch, capsys):
    """CONTRIBUTING.md shows the block for an article quoting the mini story's mayor again."""
    monkeypatch.chdir(mini)
    friday = (
        "The mayor spoke again on Friday.\n“We will open the bridge before winter,” she said.\n"
    )
    (mini / "seeds" / "fic-friday.txt").write_text(friday, encoding="utf-8")
    (mini / "seeds" / "fic-friday.yaml").write_text(
        sidecar("fic-friday", "2026-01-09"), encoding="utf-8"
    )
    assert main(["--root", ".", "draft-quotes", "seeds/fic-friday.txt"]) == 0
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = guide.split("\n   ```yaml\n", 1)[1].split("\n   ```\n", 1)[0]
    block = "".join(line.removeprefix("   ") + "\n" for line in shown.splitlines())
    assert block.startswith("# Already in the story: add this report to statement ")
    assert block in (mini / "drafts" / "fic-friday.quotes.yaml").read_text(encoding="utf-8")
