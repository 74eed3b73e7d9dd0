"""`serve`: an edit to a YAML value shows up in the served page, and bad edits don't kill it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, edit
from tools.static_server import free_port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> float | None:
    """Seconds until `text` is served at `url`, or None if it never is within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        body = fetch(url)
        if body is not None and text in body:
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def start_serve(root: Path) -> tuple[subprocess.Popen[str], str]:
    """`python -m generator serve` on a free port; returns the process and its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(root),
            "serve",
            "--address",
            f"127.0.0.1:{port}",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture
def server(mini: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    process, base = start_serve(mini)
    try:
        assert wait_for(f"{base}/people/quill/", "Ada Quill", 30) is not None
        yield mini, base, process
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_an_edit_is_served(server):
    story, base, _process = server
    edit(story, "content/people.yaml", "role: Mayor of Exampleton", "role: Mayor (edited)")
    assert wait_for(f"{base}/people/quill/", "Mayor (edited)", 30) is not None


def test_bad_content_is_reported_and_the_last_good_pages_stay_served(server):
    story, base, process = server
    edit(story, "content/people.yaml", "name: Ada Quill", "name: [Ada Quill")
    time.sleep(2)  # several polls of the watcher
    assert process.poll() is None, "serve stopped on bad content"
    assert "Ada Quill" in (fetch(f"{base}/people/quill/") or "")
    edit(story, "content/people.yaml", "name: [Ada Quill", "name: Ada Quill (fixed)")
    assert wait_for(f"{base}/people/quill/", "Ada Quill (fixed)", 30) is not None
    process.terminate()
    _out, errors = process.communicate(timeout=15)
    assert "content/people.yaml:3:7: YAML syntax error" in errors, errors
    assert "Traceback" not in errors


def test_make_serve_listens_on_the_port_it_is_given(mini: Path):
    port = free_port()
    process = subprocess.Popen(
        ["make", "-s", "serve", f"STORY={mini}", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # make's children stop with it
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/people/quill/", "Ada Quill", 60) is not None
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
