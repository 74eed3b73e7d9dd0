"""Messages name the cause, the field and the text as written; invisible characters are refused
where they are written; nothing a contributor writes can drive the terminal that shows it."""

from __future__ import annotations

from pathlib import Path

from generator.content.loading import paragraphs_of
from generator.content.problems import Problem, format_problems
from tests.conftest import edit, problems, run_cli


def test_a_file_that_is_not_a_list_is_reported_without_its_cascade(mini):
    (mini / "content" / "people.yaml").write_text(
        "quill:\n  name: Ada Quill\nstoker-lee:\n  name: Bram Stoker-Lee\n", encoding="utf-8"
    )
    assert problems(mini) == [
        "content/people.yaml:1:1: this file must be a list of records, each one starting with "
        "'- ' at the margin"
    ]


def test_paragraphs_end_only_where_an_editor_ends_a_line():
    text = "One\u2028still one\x85and\x0bone\x0c\x1c\x1d\x1e.\r\nTwo\u2029too.\rThree\n"
    assert paragraphs_of(text) == (
        "One\u2028still one\x85and\x0bone\x0c\x1c\x1d\x1e.",
        "Two\u2029too.",
        "Three",
    )


def test_a_line_separator_in_an_article_does_not_shift_its_paragraph_numbers(mini):
    edit(mini, "seeds/fic-bridge.txt", "voted on Monday", "voted\u2028on Monday")
    assert problems(mini) == []


def test_terminal_escape_codes_are_never_printed_raw(mini):
    (mini / "content" / "\x1b[2J.yaml").write_text("- id: x\n", encoding="utf-8")
    edit(mini, "content/topics.yaml", "id: cost", 'id: "\\e[2Jcost"')
    result = run_cli(mini, "check")
    assert result.returncode != 0
    assert "\x1b" not in result.stderr + result.stdout
    assert "content/\\x1b[2J.yaml:0:0: this file is in no known place" in result.stderr
    assert "'\\x1b[2Jcost' is not a valid id" in result.stderr


def write_line(tmp_path: Path, line: str) -> None:
    (tmp_path / "f.yaml").write_text(line + "\n", encoding="utf-8")


def test_the_caret_stands_under_its_column_on_a_long_line(tmp_path):
    write_line(tmp_path, "x" * 300 + "HERE" + "y" * 300)
    shown = format_problems([Problem("f.yaml", 1, 301, "here")], tmp_path).splitlines()
    assert shown[1] == "    … " + "x" * 50 + "HERE" + "y" * 46 + " …"
    assert shown[2].index("^") == shown[1].index("HERE")


def test_the_caret_stands_under_its_column_after_tabs_and_wide_characters(tmp_path):
    write_line(tmp_path, "\t桥:\x1b HERE")
    shown = format_problems([Problem("f.yaml", 1, 6, "here")], tmp_path).splitlines()
    assert shown[1] == "     桥:\\x1b HERE"
    assert shown[2] == "    " + " " * 9 + "^"  # the wide character takes two columns
