"""`make serve`: an edited YAML value shows up in the open browser tab within two seconds."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.conftest import ROOT, edit
from tests.test_serve import wait_for
from tools.static_server import free_port


def test_an_edit_reaches_the_open_page_within_two_seconds(browser, mini):
    port = free_port()
    server = subprocess.Popen(
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/people/quill/"
        assert wait_for(url, "Ada Quill", 30) is not None
        page = browser.new_page()
        page.goto(url)
        page.get_by_text("Mayor of Exampleton").first.wait_for()
        time.sleep(1)  # the page's live-reload connection is open
        edit(mini, "content/people.yaml", "role: Mayor of Exampleton", "role: Former mayor")
        started = time.monotonic()
        page.get_by_text("Former mayor").first.wait_for(timeout=10_000)
        elapsed = time.monotonic() - started
        assert elapsed < 2, f"the page updated after {elapsed:.2f}s"
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
