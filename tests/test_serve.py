"""`serve`: an edit to a YAML value shows up in the served page, and bad edits don't kill it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
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
