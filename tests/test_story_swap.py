"""Correct content can never change the outcome of `make test`: in a copy of the repository
whose story is replaced by a different valid story (the mini fixture), the product's tests run
and pass. (The browser tests and this test itself are left out of the copy's run: they read only
the fixtures too, and running them twice would double CI's time.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT

pytestmark = pytest.mark.xdist_group("story-swap")  # a whole test run of its own: one worker


def repository_copy(into: Path) -> Path:
    """The repository's tracked files, as a fresh clone has them, with its environment."""
    listed = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode("utf-8")
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    for environment in (".venv", "node_modules"):
        if (ROOT / environment).exists():
            (into / environment).symlink_to(ROOT / environment)
    return into


def committed(repository: Path) -> None:
    """A git repository of its own, as a clone is (the hooks' tests run git)."""
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "another story"]):
        subprocess.run(
            ["git", "-c", "user.name=Tests", "-c", "user.email=tests@example.org", *command],
            cwd=repository, capture_output=True, check=True,
        )  # fmt: skip


def test_the_products_tests_pass_with_another_story_in_the_repository(tmp_path):
    copy = repository_copy(tmp_path / "repository")
    for folder in ("content", "seeds"):
        shutil.rmtree(copy / folder)
        shutil.copytree(MINI / folder, copy / folder)
    committed(copy)
    env = {**os.environ, "PYTHONPATH": str(copy)}
    env.pop("EXPLAINER_STORY", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not timing",
         "--ignore=tests/browser", "--deselect", "tests/test_story_swap.py",
         "--basetemp", str(tmp_path / "runs")],
        cwd=copy, env=env, capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-6000:]
