"""Search figures for `make bench` (and `python -m tools.bench --search-only`): Pagefind's
indexing time and peak memory, and, in headless Chromium with the site served compressed,
the bytes transferred from the first keystroke to the first result and the time from the last
keystroke to the first result (debounce included), each query in a fresh browser (cold cache).
The queries come from the story itself: names, "what did … say", a word of a statement and a
misspelt name, so no story is named here."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Request

from generator.build import check
from generator.project import Project
from tools.browser import chromium, chromium_path
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
    """Index the built site again, alone, as the `search-index` command does."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "--root", str(story), "search-index"]
    done = subprocess.run(
        [*command, "--site", str(story / "site")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found = re.search(
        r"Indexed (\d+) .* in ([\d.]+) s \(Pagefind's peak memory (\d+) MB\)", done.stdout
    )
    assert found, done.stdout
    return {
        "search_records": float(found[1]),
        "index_s": float(found[2]),
        "index_peak_mb": float(found[3]),
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


def search_figures(story: Path) -> dict[str, float]:
    """The search figures of a built story, as `make bench` tabulates them."""
    browsed = browser_figures(story)
    return {**index_figures(story), **{k: v for k, v in browsed.items() if k != "queries"}}


SEARCH_ROWS = [
    ("search_records", "Search records", "{:.0f}"),
    ("index_s", "Pagefind indexing (s)", "{:.1f}"),
    ("index_peak_mb", "Pagefind indexer peak memory (MB)", "{:.0f}"),
    ("index_mb", "Search index on disk (MB)", "{:.1f}"),
    ("search_transfer_kb", "Search: transferred before the first result, median (KB)", "{:.0f}"),
    ("search_transfer_kb_max", "Search: transferred before the first result, most (KB)", "{:.0f}"),
    ("first_result_ms", "Search: last keystroke to first result, median (ms)", "{:.0f}"),
    ("first_result_ms_max", "Search: last keystroke to first result, slowest query (ms)", "{:.0f}"),
]
TRANSFER_KB, FIRST_RESULT_MS = 300, 500  # the targets at N = 1000


def search_targets(big: dict[str, float]) -> list[str]:
    def line(ok: bool, text: str) -> str:
        return f"- {'Met' if ok else '**Not met**'}: {text}"

    return [
        line(
            big["search_transfer_kb_max"] <= TRANSFER_KB,
            f"every query at N=1000 transfers ≤ {TRANSFER_KB} KB before the first result "
            f"(median {big['search_transfer_kb']:.0f} KB, "
            f"most {big['search_transfer_kb_max']:.0f} KB)",
        ),
        line(
            big["first_result_ms_max"] <= FIRST_RESULT_MS,
            f"every query at N=1000 shows its first result ≤ {FIRST_RESULT_MS} ms after the last "
            f"keystroke (median {big['first_result_ms']:.0f} ms; "
            f"slowest {big['first_result_ms_max']:.0f} ms)",
        ),
    ]


def search_section(results: dict[int, dict[str, Any]]) -> str:
    sizes = sorted(results)
    table = ["| Measure | " + " | ".join(f"N = {n}" for n in sizes) + " |"]
    table.append("|---" * (len(sizes) + 1) + "|")
    for key, label, form in SEARCH_ROWS:
        table.append(
            f"| {label} | " + " | ".join(form.format(results[n][key]) for n in sizes) + " |"
        )
    queries = [
        f"- N = {n}: "
        + "; ".join(
            f"`{q}` {r['ms']:.0f} ms, {r['kb']:.0f} KB" for q, r in results[n]["queries"].items()
        )
        for n in sizes
    ]
    big = results.get(1000)
    return "\n".join(
        [
            "## Search",
            "",
            "`python -m tools.bench --search-only` on the built synthetic stories: Pagefind "
            "indexing the records `generate` wrote (the `search-index` command, alone), then "
            f"each query typed into the header's box in a fresh headless Chromium (cold cache), "
            f"{RUNS} times (each figure is the median of the {RUNS}), "
            "the site served gzip-compressed from 127.0.0.1 under a sub-path. Transferred: every "
            "response (headers and compressed body) from the keystroke that focuses the box that "
            "had arrived by "
            "the first result. Time: from the last keystroke to the first result shown, "
            "debounce included; Pagefind starts loading when the box is focused, while the "
            "reader types.",
            "",
            f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores, "
            f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
            f"headless Chromium from {chromium_path()}.",
            "",
            *table,
            "",
            *(search_targets(big) if big else []),
            "",
            "Each query (from the story: the most quoted speakers' names, what they said, a "
            "statement's longest word, a name with one letter changed):",
            "",
            *queries,
            "",
        ]
    )


def search_only(sizes: list[int], benchmarks: Path) -> None:
    """The Search section of BENCHMARKS.md, replaced (or added) with figures for `sizes`."""
    results: dict[int, dict[str, Any]] = {}
    for n in sizes:
        story = ROOT / "corpus" / str(n)
        if not (story / "site" / "index.html").is_file():
            raise SystemExit(
                f"corpus/{n}/site: not built: make corpus N={n}, then "
                f"python -m generator --root corpus/{n} build"
            )
        results[n] = {**index_figures(story), **browser_figures(story)}
        print(n, {k: v for k, v in results[n].items() if k != "queries"}, flush=True)
    text = benchmarks.read_text(encoding="utf-8") if benchmarks.is_file() else "# Benchmarks\n"
    section = search_section(results)
    start = text.find("## Search\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    benchmarks.write_text(text, encoding="utf-8")
    print(section)
