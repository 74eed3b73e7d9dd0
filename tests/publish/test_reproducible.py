"""Same input, same output: byte-identical Markdown and site, and no half-written site ever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import MINI, ROOT, edit, make_project, run_cli, tree


def test_two_builds_of_the_same_input_are_byte_identical(mini_site, tmp_path):
    first = mini_site  # built in a folder of another name and depth
    second = make_project(MINI, tmp_path / "elsewhere" / "second")
    result = run_cli(second, "build")
    assert result.returncode == 0, result.stderr
    assert tree(first / "build" / "docs") == tree(second / "build" / "docs")
    assert tree(first / "site") == tree(second / "site")  # Pagefind's index too, every byte
    assert gzip_mtime(first / "site" / "sitemap.xml.gz") == 1_795_132_800  # 2026-11-20: `updated`


def gzip_mtime(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[4:8], "little")


def test_source_date_epoch_from_the_environment_wins(tmp_path):
    root = make_project(MINI, tmp_path / "story")
    env_epoch = str(1_700_000_000)  # 14 November 2023
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": env_epoch},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert gzip_mtime(root / "site" / "sitemap.xml.gz") == 1_699_920_000  # MkDocs keeps the day


def test_a_day_past_2106_02_07_is_refused_and_that_day_dates_the_site(built_mini):
    before = tree(built_mini / "site")
    edit(built_mini, "content/story.yaml", "updated: 2026-11-20", "updated: 2106-02-08")
    result = run_cli(built_mini, "build")
    assert result.returncode == 1
    assert result.stderr == (
        "content/story.yaml:5:10: '2106-02-08' is after 2106-02-07, the last day a site can be "
        "dated with (sitemap.xml.gz holds the time as 32-bit seconds since 1970-01-01): write "
        "the day the facts were last checked, as YYYY-MM-DD\n"
        "    updated: 2106-02-08\n"
        "             ^\n"
        "1 problem found.\n"
        "Nothing was written: the last good pages and site/ are unchanged.\n"
    )
    assert tree(built_mini / "site") == before
    assert not list(built_mini.glob(".site-*"))
    edit(built_mini, "content/story.yaml", "updated: 2106-02-08", "updated: 2106-02-07")
    # Other dates are only shown as text: they may lie anywhere in the calendar.
    edit(built_mini, "content/events.yaml", "date: 2026-11-09", "date: 0001-01-01")
    edit(built_mini, "content/corrections.yaml", "date: 2026-11-21", "date: 9999-12-31")
    result = run_cli(built_mini, "build")
    assert result.returncode == 0, result.stderr
    assert gzip_mtime(built_mini / "site" / "sitemap.xml.gz") == 4_294_944_000  # 2106-02-07


def test_an_interrupted_build_leaves_the_old_site_intact(built_mini):
    root = built_mini
    before = tree(root / "site")
    edit(root, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Changed")
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(root), "build"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not list(root.glob(".site-new-*/*")) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert list(root.glob(".site-new-*")), "the build never started writing its new site"
    os.killpg(build.pid, signal.SIGKILL)  # the whole build, MkDocs included, mid-write
    build.wait()
    assert tree(root / "site") == before
    result = run_cli(root, "build")
    assert result.returncode == 0
    assert not list(root.glob(".site-*")), "leftovers of the killed build were not cleaned"
    assert "Ada Quill-Changed" in (root / "site" / "people" / "quill" / "index.html").read_text()
