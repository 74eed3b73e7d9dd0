"""Search figures for `make bench` (and `python -m tools.bench --search-only`): Pagefind's
indexing time and peak memory, and, in headless Chromium with the site served compressed,
the bytes transferred from the first keystroke to the first result and the time from the last
keystroke to the first result (debounce included), each query in a fresh browser (cold cache).
The queries come from the story itself: names, "what did … say", a word of a statement and a
misspelt name, so no story is named here."""

from __future__ import annotations

import math
import os
import re
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Request

from generator.build import check
from generator.project import Project
from tools.bench_goals import GOAL_N, GOALS, goal_figures, goal_line
from tools.bench_procs import run_sampled
from tools.browser import chromium
from tools.static_server import serving

ROOT = Path(__file__).resolve().parents[1]
QUERIES_PER_KIND = 3
RUNS = 3  # each query's figures are the median of this many runs, each in a fresh browser
# Marks the first result and the last keystroke, in the page's own clock.
PROBE = """() => {
  const list = document.querySelector('.xp-search [data-xp-results]');
  window.__bench = {};
  document.addEventListener('keydown', () => { window.__bench.key = performance.now(); }, true);
  new MutationObserver(() => {
    if (list.children.length) window.__bench.result ??= performance.now();
  }).observe(list, {childList: true});
}"""


def index_figures(story: Path) -> dict[str, float]:
    """Index the built site again, alone, as the `search-index` command does: its seconds and
    the peak memory of every process it runs (tools/bench_procs.py, so Pagefind's indexer is
    counted however many processes indexing takes); the number of records as it reports it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "--root", str(story), "search-index"]
    done = run_sampled([*command, "--site", str(story / "site")], ROOT, env)
    found = re.search(r"Indexed (\d+) ", done.out)
    return {
        "search_records": float(found[1]) if found else math.nan,
        "index_s": done.wall,
        "index_peak_mb": max(done.peaks_mb.values()),
        "index_mb": sum(
            p.stat().st_size for p in (story / "site" / "pagefind").rglob("*") if p.is_file()
        )
        / 1024**2,
    }


def queries(story: Path) -> list[str]:
    """Names of the most quoted speakers, questions about them, a statement's word, a typo."""
    linked, problems = check(Project.at(story))
    assert linked is not None and not problems
    speakers = sorted(linked.graph.speakers, key=lambda s: -len(s.said))[:QUERIES_PER_KIND]
    names = [str(s.name) for s in speakers]
    surnames = [name.split()[-1] for name in names]
    asked = [f"what did {surname} say" for surname in surnames]
    words = [
        max(str(st.text).split(), key=len)
        for st in list(linked.graph.statements.values())[:QUERIES_PER_KIND]
    ]
    typos = [s[0] + ("a" if s[1] != "a" else "e") + s[2:] for s in surnames if len(s) >= 4]
    return [*names, *asked, *words, *typos]


def one_query(browser: Browser, url: str, query: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate(PROBE)
    sizes: list[Request] = []
    # A lambda: Playwright cannot attach to a built-in method such as list.append.
    page.on("requestfinished", lambda request: sizes.append(request))  # noqa: PLW0108
    box = page.locator("input.md-search__input")
    page.keyboard.press("/")
    box.press_sequentially(query[:-1], delay=30)
    box.press(query[-1])
    page.locator(".xp-search .xp-result").first.wait_for(timeout=30_000)
    timing: dict[str, float] = page.evaluate("window.__bench")
    # Every response of this query reported (the list says which query it answers last), then
    # only those that had arrived by the first result counted.
    page.locator(".xp-search [data-xp-results][data-shown]").wait_for(timeout=30_000)
    shown_at = page.evaluate("performance.timeOrigin") + timing["result"]
    transferred = sum(
        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
        for r in sizes
        if r.timing["startTime"] + r.timing["responseEnd"] <= shown_at
    )
    context.close()
    return {"ms": timing["result"] - timing["key"], "kb": transferred / 1024}


def browser_figures(story: Path) -> dict[str, Any]:
    asked = queries(story)
    with chromium() as browser, serving(story / "site", "/sub/", compress=True) as url:
        tries = {query: [one_query(browser, url, query) for _ in range(RUNS)] for query in asked}
    runs = {
        query: {key: statistics.median(t[key] for t in each) for key in ("ms", "kb")}
        for query, each in tries.items()
    }
    return {
        "queries": runs,
        "first_result_ms": statistics.median(r["ms"] for r in runs.values()),
        "first_result_ms_max": max(r["ms"] for r in runs.values()),
        "search_transfer_kb": statistics.median(r["kb"] for r in runs.values()),
        "search_transfer_kb_max": max(r["kb"] for r in runs.values()),
    }


def search_figures(story: Path) -> dict[str, Any]:
    """The search figures of a built story as `make bench` reports them (`queries` holds each
    query's own)."""
    return {**index_figures(story), **browser_figures(story)}


SEARCH_GOALS = ("first_result_ms_max", "search_transfer_kb_max")


def search_only(sizes: list[int]) -> None:
    """A quick look at search alone, on corpus/N as built: prints the figures and the search
    goals' lines. BENCHMARKS.md is written only by a whole `make bench`, so that every figure in
    it comes from one run."""
    for n in sizes:
        story = ROOT / "corpus" / str(n)
        if not (story / "site" / "index.html").is_file():
            raise SystemExit(
                f"corpus/{n}/site: not built: make corpus N={n}, then "
                f"python -m generator --root corpus/{n} build"
            )
        figures = search_figures(story)
        asked = figures.pop("queries")
        print(n, {k: round(v, 1) for k, v in figures.items()}, flush=True)
        for query, each in asked.items():
            print(f"  `{query}` {each['ms']:.0f} ms, {each['kb']:.0f} KB")
        found = goal_figures({GOAL_N: figures}, {})
        for goal in GOALS:
            if goal.figure in SEARCH_GOALS:
                print(goal_line(goal, found) + ("" if n == GOAL_N else f" (at N = {n})"))
