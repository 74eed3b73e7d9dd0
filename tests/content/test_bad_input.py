"""Bad content is refused at its place by `check` and by `build` alike, and the last good site
stays byte for byte as it was: one bad input for each stage of the pipeline, in process. A few
go through `make check` and `make site` as a contributor runs them: a non-zero exit, the located
line, no traceback, in bounded time and memory.

Each message itself is tested, word for word: one edit and its one message in the refusals table
(tests/content/refusals.py, run by test_refusals.py), the rest beside its rule
(tests/content/test_yaml_source.py, test_validation.py, test_linking.py, test_ids.py,
test_quotations.py, test_files_refused.py and test_messages.py)."""

from __future__ import annotations

import resource
import subprocess
from pathlib import Path

import pytest

from generator import cli
from tests.conftest import ROOT, problems, tree

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


# name → (how to break the fixture story, the start of the line `check` and `build` must print)
CASES = {
    "file in no known place": (
        write("content/notes/a.yaml", b"- id: x\n"),
        "content/notes:0:0: this folder is in no known place",
    ),
    "binary file": (
        write("content/topics.yaml", b"\x89PNG\r\n\x1a\n\x00\x00"),
        "content/topics.yaml:0:0: the file is binary",
    ),
    "invisible character": (
        replace("content/people.yaml", "name: Ada Quill", "name: Ada \x1b[2J Quill"),
        "content/people.yaml:2:13: this file contains the invisible character U+001B",
    ),
    "yaml syntax": (
        replace("content/topics.yaml", "name: Cost", "name: [Cost"),
        "content/topics.yaml:3:14: YAML syntax error: did not find expected ',' or ']'",
    ),
    "wrong type": (
        replace("content/people.yaml", "name: Ada Quill", "name: 42"),
        "content/people.yaml:2:9: 'name' must be text, not the number 42",
    ),
    "duplicate id": (
        replace(
            "content/topics.yaml",
            "- id: cost",
            "- id: cost\n  name: A\n  description: B\n- id: cost",
        ),
        "content/topics.yaml:4:7: the topic id 'cost' is already used at content/topics.yaml:1",
    ),
    "unknown reference": (
        replace("content/questions.yaml", "  sources:", "  related: [cost]\n  sources:"),
        "content/questions.yaml:6:13: unknown question 'cost'",
    ),
    "quotation not verbatim": (
        replace("content/statements.yaml", "far too expensive", "too dear"),
        "content/statements.yaml:10:9: this quotation is not found "
        "verbatim in article 'fic-bridge' paragraph 3",
    ),
}

# Through make: the exit status, the time and the memory a contributor's command takes.
THROUGH_MAKE = {
    "yaml syntax": CASES["yaml syntax"],
    "quotation not verbatim": CASES["quotation not verbatim"],
    "alias bomb": (
        write("content/topics.yaml", "\n".join(BOMB).encode()),
        "content/topics.yaml:2:8: YAML aliases (*name) are not allowed",
    ),
    "huge file": (
        write("content/topics.yaml", b"# " + b"x" * 60_000_000 + b"\n"),
        "content/topics.yaml:0:0: the file is 60,000,003 bytes, over the",
    ),
}


def starts_a_line(expected: str, lines: list[str]) -> bool:
    return any(line.startswith(expected) for line in lines)


@pytest.mark.parametrize("name", CASES)
def test_check_and_build_refuse_it_at_its_place_and_keep_the_site(built_mini, capsys, name):
    breaking, expected = CASES[name]
    before = tree(built_mini / "site")
    breaking(built_mini)
    found = problems(built_mini)
    assert starts_a_line(expected, found), found
    status = cli.main(["--root", str(built_mini), "build"])
    errors = capsys.readouterr().err
    assert status == cli.PROBLEMS
    assert starts_a_line(expected, errors.splitlines()), errors
    assert tree(built_mini / "site") == before


def make(target: str, story: Path) -> subprocess.CompletedProcess[str]:
    def limit_memory() -> None:  # a runaway parse would fail here instead of swapping
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    return subprocess.run(
        ["make", "-s", target, f"STORY={story}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        preexec_fn=limit_memory,
        check=False,
    )


@pytest.mark.parametrize("name", THROUGH_MAKE)
def test_make_check_and_make_site_report_it_and_keep_the_site(built_mini, name):
    breaking, expected = THROUGH_MAKE[name]
    before = tree(built_mini / "site")
    breaking(built_mini)
    for target in ("check", "site"):
        # CPU time, which a loaded machine does not inflate as it does the wall clock.
        before_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = make(target, built_mini)
        after_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = (after_cpu.ru_utime + after_cpu.ru_stime) - (
            before_cpu.ru_utime + before_cpu.ru_stime
        )
        assert spent < 20, f"make {target} took {spent:.1f} CPU seconds"
        assert result.returncode != 0
        assert starts_a_line(expected, result.stderr.splitlines()), result.stderr
        assert "Traceback" not in result.stderr
    assert tree(built_mini / "site") == before
