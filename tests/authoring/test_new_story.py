"""A second story from CONTRIBUTING.md alone: `new-story`, then the guide's commands exactly as
written, and the story checks and builds; every hint the commands print works as printed."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"


def section(title: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def run(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A `python -m generator …` line of the guide, as a contributor types it in `cwd`."""
    words = shlex.split(line)
    assert words[:3] == ["python", "-m", "generator"], line
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *words[1:]], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=900, check=False,
    )  # fmt: skip


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A folder standing for the repository: the guide's example article is where it says."""
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    return tmp_path


def test_a_new_story_starts_checks_and_builds_as_the_guide_says(desk):
    guide = section("Start a new story")
    first, second = blocks(guide, "sh")[:2]
    (edit,) = blocks(guide, "yaml")[:1]
    for line in first.splitlines():
        done = run(line, desk)
        assert done.returncode == 0, (line, done.stderr)
    story = desk / "stories" / "harbour"
    story_yaml = story / "content" / "story.yaml"
    text = story_yaml.read_text(encoding="utf-8")
    story_yaml.write_text(text.replace("sources: []", edit.strip()), encoding="utf-8")
    for line in second.splitlines():
        done = run(line, desk)
        assert done.returncode == 0, (line, done.stdout, done.stderr)
    assert (story / "site" / "index.html").is_file()
    assert (story / "drafts" / "fic-ferry.quotes.yaml").is_file()


def test_new_story_writes_files_that_check_and_build_at_once(desk):
    done = run("python -m generator new-story fresh --title 'A story just started'", desk)
    assert done.returncode == 0, done.stderr
    fresh = desk / "fresh"
    assert sorted(p.name for p in fresh.iterdir()) == [".gitignore", "content", "seeds"]
    assert (fresh / ".gitignore").read_text("utf-8").split("\n")[1:4] == [
        "build/",
        "site/",
        ".site-*/",
    ]
    assert "drafts/" in (fresh / ".gitignore").read_text("utf-8")
    for file in sorted((fresh / "content").iterdir()):
        first = file.read_text("utf-8").splitlines()[0]
        schema = first.removeprefix("# yaml-language-server: $schema=")
        assert (file.parent / schema).resolve().is_file(), file.name
    for command in ("check", "build"):
        result = run(f"python -m generator --root fresh {command}", desk)
        assert result.returncode == 0, result.stderr
    assert (fresh / "site" / "index.html").is_file()


def test_every_hint_new_story_and_new_article_print_works_as_printed(desk):
    done = run("python -m generator new-story stories/ferry --title Ferry", desk)
    hints = [
        line.split(": ", 1)[1] for line in done.stdout.splitlines() if line.startswith("Next:")
    ]
    assert hints == ["python -m generator --root stories/ferry new-article ARTICLE.txt --id ID"]
    article = "tests/fixtures/worked-example/fic-ferry.txt"
    added = run(hints[0].replace("ARTICLE.txt", article).replace("ID", "fic-ferry"), desk)
    assert added.returncode == 0, added.stderr
    (hint,) = [line for line in added.stdout.splitlines() if line.startswith("Next: ")]
    drafted = run(hint.removeprefix("Next: "), desk)
    assert drafted.returncode == 0, drafted.stderr
    assert (desk / "stories" / "ferry" / "drafts" / "fic-ferry.quotes.yaml").is_file()


def test_new_story_refuses_a_folder_that_holds_something(desk):
    (desk / "taken").mkdir()
    (desk / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    done = run("python -m generator new-story taken --title Taken", desk)
    assert done.returncode == 1
    assert done.stderr == (
        f"{desk / 'taken'}: not empty: a new story starts in a new or empty folder. "
        "Nothing was written.\n"
    )
    assert sorted(p.name for p in (desk / "taken").iterdir()) == ["notes.txt"]


def test_draft_quotes_says_when_the_storys_problems_keep_it_from_known_names(desk):
    assert run("python -m generator new-story s --title S", desk).returncode == 0
    article = "tests/fixtures/worked-example/fic-ferry.txt"
    run(f"python -m generator --root s new-article {article} --id fic-ferry", desk)
    drafted = run("python -m generator --root s draft-quotes s/seeds/fic-ferry.txt", desk)
    assert drafted.returncode == 0
    assert drafted.stderr.endswith(
        "The story has the problems above, so these drafts cannot use its known people, "
        "aliases and statements: fix them (python -m generator --root s check) and draft "
        "again.\n"
    ), drafted.stderr
    assert "content/story.yaml:5:10: the summary cites no paragraph" in drafted.stderr


@pytest.mark.parametrize("target", ["elsewhere", "not-yet"])
def test_new_story_never_writes_through_a_link(desk, target):
    (desk / "elsewhere").mkdir()
    (desk / "linked").symlink_to(desk / target)
    done = run("python -m generator new-story linked --title Linked", desk)
    assert done.returncode == 1
    assert done.stderr == (
        f"{desk / 'linked'}: this is a symbolic link: a story starts in a folder of its own. "
        "Nothing was written.\n"
    )
    assert list((desk / "elsewhere").iterdir()) == []
    assert not (desk / "not-yet").exists()


def test_a_story_folder_whose_name_is_not_utf8_is_one_line(tmp_path):
    folder = os.fsdecode(bytes(tmp_path) + b"/story-\xff")
    Path(folder).mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--root", folder, "build"],
        env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 3
    assert done.stderr.endswith(
        "story-\\xff: this folder's name is not valid UTF-8, so no page, link or message could "
        "name its files: rename it in UTF-8\n"
    ), done.stderr


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (
            "\u201cHarbour\u201d said",
            "--title holds the quotation mark \u201c, which a story's title may not (only a "
            "direct statement's text may): write it without quotation marks",
        ),
        ("   ", "--title must not be blank"),
    ],
)
def test_new_story_refuses_a_title_check_would_refuse(desk, title, message):
    done = run(f"python -m generator new-story s --title {shlex.quote(title)}", desk)
    assert (done.returncode, done.stderr) == (1, f"{message}. Nothing was written.\n")
    assert not (desk / "s").exists()
