"""A Session after any sequence of saves reports exactly what `check` reports on the whole story
(every problem, at its file, line and column, in the same order), and when there is none, its
files equal a cold `generate`'s, byte for byte.

The Session keeps work from one save to the next (generator/content/reuse.py: each unchanged
file's validation and each unchanged record's values; generator/live/incremental.py: each
page's recorded inputs), so each step below is one save of a sequence, never a fresh start:
what one save leaves behind must not show in the next."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.build import check
from generator.live.incremental import Session
from generator.project import Project
from tests.conftest import MINI
from tests.live.test_incremental import MULTI, cold, generated

# A save: (file, pattern, replacement), all at once. The pattern is a regular expression
# replaced everywhere in the file ("DELETE" removes the file; "" writes a new one; "+" appends).
Save = list[tuple[str, str, str]]
ADDED_ARTICLE = (
    "id: fic-ferry\nlabel: Ferry report\ntitle: null\n"
    "outlet: null\nurl: null\npublished: null\nlanguage: en\nfull_text_allowed: true\n"
)
QUILL = r"\bquill\b(?!-)"  # the person's id, not the statements' ids that start with it
STEPS: list[tuple[str, Save]] = [
    (
        "a quotation changed so that it is no longer verbatim",
        [
            (
                "content/statements.yaml",
                "open the bridge before winter",
                "open the bridge in spring",
            ),
        ],
    ),
    (
        "the quotation put back",
        [
            (
                "content/statements.yaml",
                "open the bridge in spring",
                "open the bridge before winter",
            ),
        ],
    ),
    (
        "an id others refer to renamed where it is defined only",
        [
            ("content/people.yaml", QUILL, "ada-quill"),
        ],
    ),
    (
        "then everywhere it is referred to",
        [
            ("content/statements.yaml", QUILL, "ada-quill"),
        ],
    ),
    (
        "a reference broken",
        [("content/statements.yaml", r"speakers: \[norland\]", "speakers: [norlnd]")],
    ),
    (
        "and another in another file, with a field error",
        [
            ("content/groups.yaml", r"affiliation: exampleton", "affiliation: exampletown"),
            ("content/topics.yaml", r"name: Cost", "name: Cost\n  colour: red"),
        ],
    ),
    ("the first fixed", [("content/statements.yaml", r"norlnd", "norland")]),
    (
        "the others fixed",
        [
            ("content/groups.yaml", r"exampletown", "exampleton"),
            ("content/topics.yaml", r"\n  colour: red", ""),
        ],
    ),
    (
        "a file that no longer parses",
        [("content/countries.yaml", r"name: Norland", "name: [Norland")],
    ),
    ("parsed again", [("content/countries.yaml", r"name: \[Norland", "name: Norland")]),
    (
        "an article added",
        [
            ("seeds/fic-ferry.yaml", "", ADDED_ARTICLE),
            ("seeds/fic-ferry.txt", "", "The ferry will keep running, the council said.\n"),
        ],
    ),
    (
        "a fact citing it",
        [
            ("content/topics.yaml", "+", "- id: ferry\n  name: Ferry\n  description: The ferry.\n"),
            (
                "content/people.yaml",
                r"sources: \[\{article: fic-bridge, paragraph: 2\}\]",
                "sources: [{article: fic-bridge, paragraph: 2},"
                " {article: fic-ferry, paragraph: 1}]",
            ),
        ],
    ),
    (
        "a citation of a paragraph the article does not have",
        [
            ("content/people.yaml", r"fic-ferry, paragraph: 1", "fic-ferry, paragraph: 9"),
        ],
    ),
    (
        "the citation removed, then the article",
        [
            ("content/people.yaml", r", \{article: fic-ferry, paragraph: 9\}", ""),
            ("seeds/fic-ferry.yaml", "DELETE", ""),
            ("seeds/fic-ferry.txt", "DELETE", ""),
        ],
    ),
    (
        "a record deleted",
        [
            ("content/statements.yaml", r"- id: norland-will-not-pay\n(  .*\n)*", ""),
        ],
    ),
    (
        "the story's settings edited",
        [
            ("content/story.yaml", r"title: Exampleton votes for a bridge", "title: A bridge vote"),
            ("content/story.yaml", r"updated: 2026-11-20", "updated: 2026-11-22"),
        ],
    ),
    (
        "the article's text edited under a quotation",
        [
            ("seeds/fic-bridge.txt", r"before winter", "by winter"),
        ],
    ),
    (
        "and the quotation with it",
        [
            ("content/statements.yaml", r"the bridge before winter", "the bridge by winter"),
        ],
    ),
]


def save(root: Path, changes: Save) -> None:
    for relative, pattern, replacement in changes:
        path = root / relative
        if pattern == "DELETE":
            path.unlink()
        elif pattern == "":
            path.write_text(replacement, encoding="utf-8")
        elif pattern == "+":
            path.write_text(path.read_text(encoding="utf-8") + replacement, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            edited = re.sub(pattern, replacement, text)
            assert edited != text, f"{pattern!r} is not in {relative}"
            path.write_text(edited, encoding="utf-8")


def checked_afresh(root: Path, into: Path) -> list[object]:
    """The problems `check` reports on a copy of the story at `root`, in a fresh process state
    (its own folder: no parse of it kept)."""
    shutil.rmtree(into, ignore_errors=True)
    for folder in ("content", "seeds"):
        shutil.copytree(root / folder, into / folder)
    return list(check(Project.at(into))[1])


def test_every_step_of_the_sequence_changes_something_and_some_break_the_story(
    tmp_path: Path,
) -> None:
    # The sequence is worth running only if it both breaks the story and mends it.
    root = shutil.copytree(MINI, tmp_path / "mini")
    broken = 0
    for _what, changes in STEPS:
        save(root, changes)
        broken += bool(checked_afresh(root, tmp_path / "fresh"))
    assert 4 <= broken < len(STEPS)


@pytest.mark.parametrize("story", [MINI, MULTI], ids=["mini", "multi"])
def test_a_session_reports_and_writes_what_check_and_generate_would_after_each_save(
    story: Path, tmp_path: Path
) -> None:
    root = tmp_path / "story"
    for folder in ("content", "seeds"):
        shutil.copytree(story / folder, root / folder)
    session = Session(Project.at(root))
    assert session.regenerate()[1] == []
    steps = STEPS if story == MINI else MULTI_STEPS
    for what, changes in steps:
        save(root, changes)
        _written, problems = session.regenerate()
        assert list(problems) == checked_afresh(root, tmp_path / "fresh"), what
        if not problems:
            assert generated(root) == cold(root, tmp_path / "cold"), what


# The multi-source story: statements with several reports, a quotation in several articles.
MULTI_STEPS: list[tuple[str, Save]] = [
    (
        "a report's paragraph no longer quotes the words",
        [
            ("seeds/fic-today-summit.txt", r"Belmark", "Belmarch"),
        ],
    ),
    ("put back", [("seeds/fic-today-summit.txt", r"Belmarch", "Belmark")]),
    (
        "a report removed",
        [
            ("content/statements.yaml", r"    - \{article: fic-today-summit, paragraph: 2\}\n", ""),
        ],
    ),
    (
        "a speaker changed",
        [
            (
                "content/statements.yaml",
                r"speakers: \[dusek\]\n  text: >-\n    Belmark will ask",
                "speakers: [annar]\n  text: >-\n    Belmark will ask",
            ),
        ],
    ),
    (
        "an outlet renamed",
        [
            ("seeds/fic-herald-funding.yaml", r"outlet: The Ilvan Herald", "outlet: The Herald"),
        ],
    ),
]
