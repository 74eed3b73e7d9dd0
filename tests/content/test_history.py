"""`check` refuses a story whose content/ or seeds/ were committed after `updated` (the day
the editors last checked the facts), on the `updated` line, wherever the repository's history
says so; and refuses nothing where the history cannot say it (generator/content/history.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from generator.build import generate
from generator.project import Project
from tests.conftest import MINI, edit, make_project, problems

UPDATED = "updated: 2026-11-20"  # the mini story's
LAG = (
    "content/story.yaml:5:10: content/ or seeds/ changed on 2026-11-26 (commit {commit}), "
    "after the day the facts were last checked (2026-11-20): check the changed facts against "
    "their sources, then write the day you did, `updated: 2026-11-26` or later"
)


def git(root: Path, *arguments: str, day: str = "2026-11-20") -> str:
    stamp = f"{day}T12:00:00+00:00"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root.parent),
    }
    done = subprocess.run(
        ["git", "-C", str(root), *arguments], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit(root: Path, day: str) -> str:
    git(root, "add", "-A", day=day)
    git(root, "commit", "-q", "-m", "An edit", day=day)
    return git(root, "rev-parse", "--short", "HEAD")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """The mini story in a repository of its own, committed on the day of its `updated`."""
    root = make_project(MINI, tmp_path / "story")
    git(root, "init", "-q", "-b", "main")
    commit(root, "2026-11-20")
    return root


def correct(root: Path) -> None:
    edit(root, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Marsh")


def test_a_story_committed_on_its_updated_day_is_accepted(story):
    assert problems(story) == []


def test_a_content_change_committed_after_updated_is_refused_on_the_updated_line(story):
    correct(story)
    commit_id = commit(story, "2026-11-26")
    assert problems(story) == [LAG.format(commit=commit_id)]
    written, found = generate(Project.at(story))
    assert (written, [p.headline() for p in found]) == ([], [LAG.format(commit=commit_id)])


def test_the_change_is_accepted_once_updated_says_the_day_of_the_check(story):
    correct(story)
    edit(story, "content/story.yaml", UPDATED, "updated: 2026-11-26")
    commit(story, "2026-11-26")
    assert problems(story) == []


def test_a_change_of_what_is_not_the_story_is_no_change_of_the_facts(story):
    (story / "README.md").write_text("Notes.\n", encoding="utf-8")
    commit(story, "2026-11-26")
    assert problems(story) == []


def test_an_edit_not_yet_committed_is_judged_when_it_is_committed(story):
    # The clock is never read: the same files and history give the same answer on any day.
    correct(story)
    assert problems(story) == []


def test_a_generate_skipped_as_up_to_date_still_sees_a_new_commit(story):
    correct(story)
    assert generate(Project.at(story))[1] == []
    commit_id = commit(story, "2026-11-26")  # the same files: only the history changed
    assert [p.headline() for p in generate(Project.at(story))[1]] == [LAG.format(commit=commit_id)]


def test_a_story_inside_a_larger_repository_is_not_judged(tmp_path):
    outer = tmp_path / "newsroom"
    root = make_project(MINI, outer / "stories" / "bridge")
    git(outer, "init", "-q", "-b", "main")
    correct(root)
    commit(outer, "2026-11-26")
    assert problems(root) == []


def test_a_shallow_clone_cut_at_the_last_change_is_not_judged(story, tmp_path):
    correct(story)
    commit(story, "2026-11-26")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", story.as_uri(), str(clone))
    # Its one commit seems to change every file: the day of the last change is not known.
    assert problems(clone) == []
    correct_again = "name: Ada Quill-Marsh"
    edit(clone, "content/people.yaml", correct_again, "name: Ada Quill-Marsh-Lee")
    commit_id = commit(clone, "2026-11-27")
    [found] = problems(clone)
    assert found.startswith(
        f"content/story.yaml:5:10: content/ or seeds/ changed on 2026-11-27 (commit {commit_id})"
    )


def test_without_git_nothing_is_refused(story, monkeypatch):
    correct(story)
    commit(story, "2026-11-26")
    monkeypatch.setenv("PATH", "")
    assert problems(story) == []
