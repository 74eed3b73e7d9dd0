"""The live preview as an editor meets it: `python -m generator serve` on a story, a statement's
page open in headless Chromium, the statement's words edited in its YAML file and saved; timed
from the save to the open page showing the new words, and MkDocs' rebuilds counted per save (the
serve log prints one "Rebuilt …" line per rebuild). The serve process and any it starts are
sampled throughout (tools/bench_procs.py): their peak memory, and the serve process's resident
memory after the last save, which is what stays with an editor who keeps the preview open."""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

from generator.build import check
from generator.content.graph import Node
from generator.project import Project
from tools.bench_procs import TreeSampler, rss_mb
from tools.browser import chromium

ROOT = Path(__file__).resolve().parents[1]
SAVES = 20
START_TIMEOUT = 900.0
SHOW_TIMEOUT = 120.0


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _reported_statement(story: Path) -> tuple[Node, Path, int]:
    """A reported statement half-way through the story, the file that holds it and the line
    its record starts on."""
    linked, problems = check(Project.at(story))
    assert linked is not None and not problems, problems[:3]
    reported = [s for s in linked.graph.statements.values() if s.kind == "reported"]
    chosen = reported[len(reported) // 2]
    path, line = linked.origin("statements", chosen.id)
    return chosen, story / path, line


def _replace_after(text: str, line: int, old: str, new: str) -> str:
    """`old` replaced by `new` once, at its first place on or after `line` (1-based)."""
    offset = sum(len(part) for part in text.splitlines(keepends=True)[: line - 1])
    return text[:offset] + text[offset:].replace(old, new, 1)


def _wait_until_served(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, "serve stopped before serving"
        try:
            with urllib.request.urlopen(url, timeout=5):  # our own server, on 127.0.0.1
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {START_TIMEOUT:.0f} s")


def _rebuilds(log: Path) -> int:
    return len(re.findall(r"^Rebuilt ", log.read_text(errors="replace"), re.MULTILINE))


def preview_figures(story: Path, saves: int = SAVES) -> dict[str, float]:
    """Median and slowest seconds from save to page over `saves` edits, MkDocs rebuilds per
    save, the serve process's memory after the last save and the peak of its processes."""
    statement, path, line = _reported_statement(story)
    original = path.read_text(encoding="utf-8")
    old = statement.text.split()[-1]  # "….", the last word: edits keep the paraphrase whole
    port = _port()
    url = f"http://127.0.0.1:{port}/{statement.home.removesuffix('.md')}/"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "--root", str(story), "serve"]
    seconds, rebuilds = [], []
    log = story / "build" / "preview.log"  # kept, to read when a figure looks wrong
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [*command, "--address", f"127.0.0.1:{port}"], stdout=out, stderr=out, env=env
        )
    sampler = TreeSampler(server.pid)
    after_saves = float("nan")
    try:
        _wait_until_served(url, server)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            text = original
            for save in range(saves):
                word = f"bench{save}{port}."
                edited = _replace_after(text, line, f" {old}\n", f" {word}\n")
                assert edited != text, f"{path}: {old!r} not found at the end of a line"
                before = _rebuilds(log)
                path.write_text(edited, encoding="utf-8")
                saved = time.monotonic()
                while word.rstrip(".") not in _body(page):
                    assert time.monotonic() - saved < SHOW_TIMEOUT, "the edit never showed"
                    time.sleep(0.02)
                seconds.append(time.monotonic() - saved)
                time.sleep(3)  # any second rebuild of the same save would show by now
                rebuilds.append(_rebuilds(log) - before)
                text, old = edited, word
            after_saves = rss_mb(server.pid)
    finally:
        sampler.stop()
        server.terminate()
        server.wait(timeout=30)
        path.write_text(original, encoding="utf-8")
    return {
        "preview": statistics.median(seconds),
        "preview_max": max(seconds),
        "preview_saves": len(seconds),
        "preview_rebuilds": max(rebuilds),
        "preview_mb": after_saves,
        "preview_peak_mb": max((s.peak_mb for s in sampler.seen.values()), default=float("nan")),
    }


def _body(page: Page) -> str:
    try:
        return page.inner_text("body")
    except Exception:  # the page is reloading: look again
        return ""


if __name__ == "__main__":
    print(preview_figures(Path(sys.argv[1]).resolve()))
