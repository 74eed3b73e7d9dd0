"""`serve`: an edit to a YAML value shows up in the served page, and bad edits don't kill it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, edit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


@pytest.fixture
def server(mini: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(mini),
            "serve",
            "--address",
            f"127.0.0.1:{port}",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(f"{base}/people/quill/", "Ada Quill", 30) is not None
        yield mini, base, process
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_an_edited_value_is_served_within_two_seconds(server):
    mini, base, _process = server
    time.sleep(0.5)  # let MkDocs settle its first watch
    edit(mini, "content/people.yaml", "role: Mayor of Exampleton", "role: Former mayor")
    assert (elapsed := wait_for(f"{base}/people/quill/", "Former mayor", 10)) is not None
    assert elapsed < 2, f"took {elapsed:.2f}s"


def test_served_pages_reload_themselves(server):
    _mini, base, _process = server
    assert "livereload" in (fetch(f"{base}/people/quill/") or "")


def test_bad_content_keeps_the_last_good_pages_and_says_why(server):
    mini, base, process = server
    edit(mini, "content/people.yaml", "name: Ada Quill", "name: [Ada Quill")
    time.sleep(2)
    assert process.poll() is None
    assert "Ada Quill" in (fetch(f"{base}/people/quill/") or "")
    process.terminate()
    _out, err = process.communicate(timeout=15)
    assert "content/people.yaml:3:" in err  # libyaml notices the open [ on the next line
    assert "Still serving the last good pages." in err
    assert "Traceback" not in err
