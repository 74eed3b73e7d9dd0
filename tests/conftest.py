"""Shared fixtures: a small fictional story to break in controlled ways, and CLI helpers."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from generator.build import check
from generator.content.linking import Linked
from generator.pages.rendering import render
from generator.project import Project

# The same examples on every run, so CI never fails on a draw it has not seen before; explore
# new ones with `pytest --hypothesis-profile=explore`.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
MULTI = ROOT / "tests" / "fixtures" / "multi"
# The story the whole-site tests (marked `story`) run on: a fictional story the tests own, never
# the repository's (a contributor's correct edit there cannot change what `make test` finds; the
# product's own `check`, `build` and `verify` check a real story). EXPLAINER_STORY names another.
STORY = Path(os.environ.get("EXPLAINER_STORY", MULTI)).resolve()


# Fixtures that build a whole site with MkDocs: a test using one is marked `build`, which
# `make test-fast` leaves out.
BUILDS = frozenset({"story_project", "mini_site", "built_mini", "mini_file_urls"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session", autouse=True)
def _cache_key_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The parse cache's key (generator/content/cachekey.py) is made in a folder of the test
    session, never in the home directory; the commands tests run inherit the setting."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


def png(width: int = 1, height: int = 1, note: bytes = b"") -> bytes:
    """A whole PNG image (grey, `width` × `height`), with `note` in a text chunk to tell two
    apart."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = zlib.compress(b"".join(b"\0" + bytes(width) for _ in range(min(height, 4))))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    text = chunk(b"tEXt", b"Comment\0" + note) if note else b""
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + text + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )  # fmt: skip


def make_project(source: Path, into: Path) -> Path:
    """A copy of a story folder (content/ and seeds/), ready to check or build."""
    into.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "content", into / "content")
    shutil.copytree(source / "seeds", into / "seeds")
    return into


def built(root: Path) -> Path:
    """A story (a copy made by `make_project`) built with `python -m generator build`."""
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def story_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole-site tests' story (STORY), built once per test session."""
    return built(make_project(STORY, tmp_path_factory.mktemp("story")))


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional mini story, built once per test session: for tests that only read it."""
    return built(make_project(MINI, tmp_path_factory.mktemp("mini-site")))


@pytest.fixture(scope="session")
def mini_file_urls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini story built with `use_directory_urls: false` (`people/x.html`, not `people/x/`)."""
    root = make_project(MINI, tmp_path_factory.mktemp("mini-file-urls"))
    with open(root / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {directory_urls: false}\n")
    return built(root)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return make_project(MINI, tmp_path / "mini")


@pytest.fixture
def built_mini(tmp_path: Path, mini_site: Path) -> Path:
    """A copy of the built mini story, site/ and build/ included: for tests that change or break
    a story that was built once (copying it takes a fraction of the time building it does)."""
    return shutil.copytree(mini_site, tmp_path / "mini", symlinks=True)


def in_place(root: Path) -> Project:
    """A story of the repository, read where it is: no parse cache is written into its build/
    (the repository stays as it is, and two test workers never write the same file)."""
    return dataclasses.replace(Project.at(root), cache=None)


def checked(root: Path) -> Linked:
    """The story at `root`, checked: it must break no rule."""
    linked, found = check(Project.at(root))
    assert linked is not None and found == [], found
    return linked


def rendered(root: Path) -> dict[str, str]:
    """Every page the generator writes for the story at `root` (before MkDocs), by its path."""
    return render(checked(root))


def problems(root: Path) -> list[str]:
    """Every problem `check` finds, as `path:line:column: message` headlines."""
    _linked, found = check(Project.at(root))
    return [problem.headline() for problem in sorted(found)]


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace one exact piece of text in a file, failing loudly if it is not there."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` by relative path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(root: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
