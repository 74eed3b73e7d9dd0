"""`make serve` on a story: an edited YAML value shows up in the open browser tab within
two seconds, without the reader reloading, in a small story and in a large one."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import yaml
from playwright.sync_api import Browser

from tests.conftest import MINI, edit, make_project
from tests.live.test_serve import start_serve, wait_for
from tools import corpus

# Articles in the large story: enough that regenerating every page (3.5 s) or rebuilding every
# page (5 s) after a save takes longer than the two seconds, so only an incremental preview
# passes (BENCHMARKS.md, N = 100); 200 left a preview that passes alone too little room on CI.
LARGE = 100


def time_edits(browser: Browser, url: str, save: Callable[[int], str]) -> list[float]:
    """Seconds from each of five saves (`save(n)` returns the words it wrote) to the open page
    showing the words."""
    page = browser.new_page()
    page.goto(url)
    time.sleep(1)  # the page's live-reload connection is open
    timings = []
    for attempt in range(1, 6):
        words = save(attempt)
        started = time.monotonic()
        page.get_by_text(words).first.wait_for()
        timings.append(time.monotonic() - started)
        time.sleep(0.5)  # let the server settle before the next edit
    page.close()
    return timings


@pytest.mark.timing  # measured alone: two seconds on an idle machine, not beside other tests
def test_an_edit_reaches_the_open_page_within_two_seconds(browser, tmp_path):
    story = make_project(MINI, tmp_path / "mini")
    server, base = start_serve(story)
    roles = ["Mayor of Exampleton"]

    def save(attempt: int) -> str:
        roles.append(f"Mayor of Exampleton (edit {attempt})")
        edit(story, "content/people.yaml", f"role: {roles[-2]}", f"role: {roles[-1]}")
        return roles[-1]

    try:
        url = f"{base}/people/quill/"
        assert wait_for(url, "Ada Quill", 60) is not None
        # Five edits in a row; the best must land within two seconds. A slow reload on a busy
        # machine is noise, five are a regression.
        timings = time_edits(browser, url, save)
        print(f"live preview: {[round(t, 2) for t in timings]} s")
        assert min(timings) < 2, f"the page updated after {timings} s"
    finally:
        server.terminate()
        server.wait(timeout=15)


@pytest.mark.timing
def test_an_edit_reaches_the_open_page_of_a_large_story_within_two_seconds(browser, tmp_path):
    story = tmp_path / "large"
    corpus.write(LARGE, story)
    statements = story / "content" / "statements" / "0001.yaml"
    chosen = next(
        s for s in yaml.safe_load(statements.read_text("utf-8")) if s["kind"] == "reported"
    )

    said = ["said"]

    def save(attempt: int) -> str:
        """Words added to the chosen statement's reported speech, where it is."""
        text = statements.read_text(encoding="utf-8")
        at = text.index(f" {said[-1]} that ", text.index(f"- id: {chosen['id']}\n"))
        said.append(f"said at the harbour (edit {attempt})")
        text = text[:at] + text[at:].replace(said[-2], said[-1], 1)
        statements.write_text(text, encoding="utf-8")
        return said[-1]

    server, base = start_serve(story)
    try:
        url = f"{base}/people/{chosen['speakers'][0]}/"
        assert wait_for(url, "</html>", 900) is not None, "the first build took 15 minutes"
        timings = time_edits(browser, url, save)
        print(f"live preview of {LARGE} articles: {[round(t, 2) for t in timings]} s")
        assert min(timings) < 2, f"the page updated after {timings} s"
    finally:
        server.terminate()
        out, errors = server.communicate(timeout=60)
        print(out, errors)  # shown when the test fails: what each save rebuilt, and how fast
