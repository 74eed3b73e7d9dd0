"""Every way a contributor can get the content wrong, through `make check` and `make site`:
a non-zero exit, the place and a fix, no traceback, and the last good site untouched."""

from __future__ import annotations

import resource
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT, make_project, run_cli, tree

BOMB = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
    f"{c}: &{c} [{', '.join(['*' + chr(ord(c) - 1)] * 9)}]" for c in "bcdefghijk"
]


def replace(path: str, old: str, new: str):
    def apply(root: Path) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(path: str, data: bytes):
    def apply(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)

    return apply


def link(path: str, target: str):
    def apply(root: Path) -> None:
        (root / path).symlink_to(target)

    return apply


def together(*changes):
    def apply(root: Path) -> None:
        for change in changes:
            change(root)

    return apply


SIDECAR = b"id: leak\nlabel: L\ntitle: null\noutlet: null\nurl: null\npublished: null\n"
SIDECAR += b"language: en\nfull_text_allowed: true\n"

# name → (how to break the fixture story, the start of a line `make check` must print)
CASES = {
    "yaml syntax": (
        replace("content/topics.yaml", "name: Cost", "name: [Cost"),
        "content/topics.yaml:3:14: YAML syntax error: did not find expected ',' or ']'",
    ),
    "tab indentation": (
        replace("content/topics.yaml", "  name: Cost", "\tname: Cost"),
        "content/topics.yaml:2:1: a tab is used for indentation",
    ),
    "wrong type": (
        replace("content/people.yaml", "name: Ada Quill", "name: 42"),
        "content/people.yaml:2:9: 'name' must be text, not the number 42",
    ),
    "missing field": (
        replace("content/people.yaml", "  role: Mayor of Exampleton\n", ""),
        "content/people.yaml:1:3: missing required field 'role': add `role:`",
    ),
    "unknown key": (
        replace("content/people.yaml", "role: Mayor", "rol: Mayor"),
        "content/people.yaml:3:3: unknown field 'rol': did you mean 'role'?",
    ),
    "duplicate id": (
        replace(
            "content/topics.yaml",
            "- id: cost",
            "- id: cost\n  name: A\n  description: B\n- id: cost",
        ),
        "content/topics.yaml:4:7: the topic id 'cost' is already used at content/topics.yaml:1",
    ),
    "unknown person": (
        replace("content/statements.yaml", "speakers: [quill]", "speakers: [quil]"),
        "content/statements.yaml:3:14: unknown person, group or country 'quil': "
        "did you mean 'quill'?",
    ),
    "unknown country": (
        replace("content/people.yaml", "affiliation: exampleton", "affiliation: x"),
        "content/people.yaml:4:16: unknown country 'x'",
    ),
    "unknown article": (
        replace("content/tags.yaml", "article: fic-bridge", "article: fic"),
        "content/tags.yaml:1:49: unknown article 'fic'",
    ),
    "unknown question": (
        replace("content/questions.yaml", "  sources:", "  related: [cost]\n  sources:"),
        "content/questions.yaml:7:13: unknown question 'cost'",
    ),
    "quotation not verbatim": (
        replace("content/statements.yaml", "far too expensive", "too dear"),
        "content/statements.yaml:10:9: this quotation is not found "
        "verbatim in article 'fic-bridge' paragraph 3",
    ),
    "paragraph out of range": (
        replace("content/tags.yaml", "paragraph: 1", "paragraph: 99"),
        "content/tags.yaml:1:72: article 'fic-bridge' has 4 paragraphs",
    ),
    "malformed date": (
        replace("content/story.yaml", "2026-11-20", "20 Nov"),
        "content/story.yaml:5:10: '20 Nov' is not a date: write it as YYYY-MM-DD",
    ),
    "empty file": (write("content/topics.yaml", b""), "content/topics.yaml:0:0: the file is empty"),
    "not utf-8": (
        write("content/topics.yaml", b"- id: caf\xe9\n"),
        "content/topics.yaml:1:10: the file is not valid UTF-8",
    ),
    "binary": (
        write("content/topics.yaml", b"\x89PNG\r\n\x1a\n\x00\x00"),
        "content/topics.yaml:0:0: the file is binary",
    ),
    "alias bomb": (
        write("content/topics.yaml", "\n".join(BOMB).encode()),
        "content/topics.yaml:2:8: YAML aliases (*name) are not allowed",
    ),
    "huge file": (
        write("content/topics.yaml", b"# " + b"x" * 60_000_000 + b"\n"),
        "content/topics.yaml:0:0: the file is 60,000,003 bytes, over the",
    ),
    "folder in no known place": (
        write("content/notes/a.yaml", b"- id: x\n"),
        "content/notes:0:0: this folder is in no known place",
    ),
    # What the build refuses so that nothing fake, hidden or outside the story is published.
    "narration quoted as a quotation": (
        replace("content/statements.yaml", "text: far too expensive", "text: the town could not"),
        "content/statements.yaml:10:9: these words are the reporter's, not inside quotation marks",
    ),
    "quotation running past its closing mark": (
        replace(
            "content/statements.yaml",
            "text: We will open the bridge before winter",
            "text: before winter,” said Mayor Ada Quill",
        ),
        "content/statements.yaml:4:9: this quotation runs past the source's quotation marks",
    ),
    "quotation starting inside a word": (
        replace("content/statements.yaml", "text: far too expensive", "text: ar too expensive"),
        "content/statements.yaml:10:9: this quotation starts or ends inside the word 'far'",
    ),
    "quotation marks outside a quotation": (
        replace("content/statements.yaml", "context: On the bridge.", "context: He said “no”."),
        "content/statements.yaml:11:12: the quotation mark “ belongs only in the `text`",
    ),
    "id that is a page path": (
        replace(
            "content/topics.yaml",
            "- id: cost",
            "- id: index\n  name: A\n  description: B\n- id: cost",
        ),
        "content/topics.yaml:1:7: the id 'index' is taken by the site",
    ),
    "question related to itself": (
        replace("content/questions.yaml", "  sources:", "  related: [bridge-cost]\n  sources:"),
        "content/questions.yaml:7:13: a question is not related to itself",
    ),
    "bidi control": (
        replace("content/people.yaml", "name: Ada Quill", "name: Ada \u202eQuill"),
        "content/people.yaml:2:13: this file contains the invisible character U+202E",
    ),
    "terminal escape": (
        replace("content/people.yaml", "name: Ada Quill", "name: Ada \x1b[2J Quill"),
        "content/people.yaml:2:13: this file contains the invisible character U+001B",
    ),
    "link to a file outside the story": (
        together(link("seeds/leak.txt", "/etc/passwd"), write("seeds/leak.yaml", SIDECAR)),
        "seeds/leak.txt:0:0: this is a symbolic link, and the generator never follows links",
    ),
    "article in a subfolder of seeds": (
        write("seeds/zz/fic-bridge.txt", b"Invented words.\n"),
        "seeds/zz:0:0: seeds/ holds no folders",
    ),
    "list file written as a mapping": (
        write("content/topics.yaml", b"id: cost\nname: Cost\ndescription: What it costs.\n"),
        "content/topics.yaml:1:1: this file must be a list of records",
    ),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    root = make_project(MINI, tmp_path_factory.mktemp("good"))
    assert run_cli(root, "build").returncode == 0
    return root / "site"


def make(target: str, story: Path) -> subprocess.CompletedProcess[str]:
    def limit_memory() -> None:  # a runaway parse would fail here instead of swapping
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    return subprocess.run(
        ["make", "-s", target, f"STORY={story}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_memory,
        check=False,
    )


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_reported_and_loses_nothing(tmp_path, good_site, name):
    root = make_project(MINI, tmp_path / "story")
    shutil.copytree(good_site, root / "site")
    before = tree(root / "site")
    breaking, expected = CASES[name]
    breaking(root)
    for target in ("check", "site"):
        started = time.monotonic()
        result = make(target, root)
        assert time.monotonic() - started < 20, f"make {target} took too long"
        assert result.returncode != 0
        lines = result.stderr.splitlines()
        assert any(line.startswith(expected) for line in lines), result.stderr
        assert "Traceback" not in result.stderr
    assert tree(root / "site") == before
