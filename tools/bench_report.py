"""BENCHMARKS.md from one `make bench` run's figures: the table, the goals (tools/bench_goals.py),
the search queries, and the hand-written notes, which are kept.

Notes are written by people, between `<!-- notes:NAME -->` and `<!-- /notes:NAME -->`; a rewrite
takes each block from the file as it was and puts it back in its place, byte for byte, so figures
can be measured again without losing what was learnt about them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from tools.bench_goals import GOAL_N, PAGE_LIMIT_KB, ROLE_NAMES, targets

Results = Mapping[int, Mapping[str, float]]

ROWS = [
    ("load", "Load (s; one run, tools/bench_run.py)", "{:.2f}"),
    ("validate", "Validate (s; one run)", "{:.2f}"),
    ("link", "Link (s; one run)", "{:.2f}"),
    ("render", "Render (s; one run)", "{:.2f}"),
    ("write", "Write (s; one run)", "{:.2f}"),
    ("generation", "**Generation, cold, within `build` (s)**", "{:.2f}"),
    ("generation_cpu", "… its CPU time (s)", "{:.1f}"),
    ("unchanged", "`generate` again, nothing changed (s)", "{:.2f}"),
    ("cli_first_edit", "`generate` after the first edit since a cold build (s)", "{:.2f}"),
    ("cli_first_edit_cpu", "… its CPU time (s)", "{:.2f}"),
    ("cli_edit", "**`generate` after one edited statement, every later edit (s)**", "{:.2f}"),
    ("cli_edit_cpu", "… its CPU time (s)", "{:.2f}"),
    ("cli_edit_written", "… pages it wrote", "{:.0f}"),
    ("edit", "One edited statement regenerated in a warm Session (s)", "{:.2f}"),
    ("edit_written", "… files it rewrote", "{:.0f}"),
    ("site", "**Whole `build` from cold (s)**", "{:.1f}"),
    ("site_cpu", "… its CPU time (s)", "{:.1f}"),
    ("s:mkdocs", "… MkDocs (s)", "{:.1f}"),
    ("cpu:mkdocs", "… MkDocs' CPU time, all its processes (s)", "{:.1f}"),
    ("s:pagefind", "… Pagefind indexing, beside MkDocs (s)", "{:.1f}"),
    ("cpu:pagefind", "… Pagefind's CPU time (s)", "{:.1f}"),
    ("hugo", "Hugo 0.168 on the same pages, same run (s)", "{:.1f}"),
    ("hugo_cpu", "… its CPU time (s)", "{:.1f}"),
    ("hugo_ratio", "**Whole `build` ÷ Hugo (wall)**", "{:.1f}"),
    ("hugo_cpu_ratio", "Whole `build` ÷ Hugo (CPU time)", "{:.1f}"),
    ("hugo_from_site", "Files Hugo got from site/, not build/docs", "{:.0f}"),
    ("mb:command", "Peak memory: the `build` command (MB)", "{:.0f}"),
    ("mb:generation", "Peak memory: generation (MB)", "{:.0f}"),
    ("mb:mkdocs", "Peak memory: MkDocs (MB)", "{:.0f}"),
    ("mb:pagefind", "Peak memory: Pagefind's indexer (MB)", "{:.0f}"),
    ("mb:indexing", "Peak memory: the records feeder (MB)", "{:.0f}"),
    ("resident_mb", "Memory of the `build` command while MkDocs runs (MB)", "{:.0f}"),
    ("cli_first_edit_mb", "Peak memory: `generate` after the first edit (MB)", "{:.0f}"),
    ("cli_edit_mb", "Peak memory: `generate` after a later edit (MB)", "{:.0f}"),
    ("preview", "**Live preview: save → page shown, median (s)**", "{:.2f}"),
    ("preview_max", "… slowest save (s)", "{:.2f}"),
    ("preview_saves", "… saves", "{:.0f}"),
    ("preview_rebuilds", "… MkDocs rebuilds per save, most", "{:.0f}"),
    ("preview_mb", "**Live preview: serve process after its saves (MB)**", "{:.0f}"),
    ("preview_peak_mb", "… its peak (MB)", "{:.0f}"),
    ("search_records", "Search records", "{:.0f}"),
    ("index_s", "Pagefind indexing alone (s)", "{:.1f}"),
    ("index_peak_mb", "… its peak memory (MB)", "{:.0f}"),
    ("index_mb", "Search index on disk (MB)", "{:.1f}"),
    ("first_result_ms", "Search: last keystroke → first result, median (ms)", "{:.0f}"),
    ("first_result_ms_max", "**Search: … slowest query (ms)**", "{:.0f}"),
    ("search_transfer_kb", "Search: transferred before the first result, median (KB)", "{:.0f}"),
    ("search_transfer_kb_max", "Search: … most (KB)", "{:.0f}"),
    ("zensical", "Zensical 0.0.73 build (s)", "{:.1f}"),
    ("pages", "Pages (HTML files)", "{:.0f}"),
    ("site_mb", "Site size (MB)", "{:.1f}"),
    ("largest_page_kb", "Largest page (KB)", "{:.0f}"),
    ("pages_over_limit", f"Pages over {PAGE_LIMIT_KB} KB", "{:.0f}"),
    ("largest_entity_kb", "Largest person or country page (KB)", "{:.0f}"),
    ("bench_min", "Time `make bench` spent on this size (min)", "{:.1f}"),
]

NOTE = re.compile(r"<!-- notes:([\w-]+) -->\n(.*?)<!-- /notes:\1 -->", re.DOTALL)
EMPTY_NOTE = "(Notes written by hand go here; `make bench` keeps them as they are.)\n"


def kept_notes(text: str) -> dict[str, str]:
    """The hand-written blocks of an earlier BENCHMARKS.md, by name."""
    return {found[1]: found[2] for found in NOTE.finditer(text)}


def note(name: str, kept: Mapping[str, str]) -> str:
    return f"<!-- notes:{name} -->\n{kept.get(name, EMPTY_NOTE)}<!-- /notes:{name} -->"


def rows(results: Results) -> list[tuple[str, str, str]]:
    """The table's rows: the known ones, and a row for each process of a kind not known here
    (tools/bench_procs.py names it), so none is left out."""
    known = {key for key, _, _ in ROWS}
    extra = sorted({key for r in results.values() for key in r if key.startswith("mb:")} - known)
    added = [
        (key, f"Peak memory: {ROLE_NAMES.get(key[3:], f'`{key[3:]}`')} (MB)", "{:.0f}")
        for key in extra
    ]
    return ROWS + added


def cell(result: Mapping[str, float], key: str, form: str) -> str:
    value = result.get(key)
    return "–" if value is None or math.isnan(value) else form.format(value)


def table(results: Results) -> list[str]:
    sizes = sorted(results)
    lines = ["| Measure | " + " | ".join(f"N = {n}" for n in sizes) + " |"]
    lines.append("|---" * (len(sizes) + 1) + "|")
    for key, label, form in rows(results):
        if any(key in results[n] for n in sizes):
            cells = " | ".join(cell(results[n], key, form) for n in sizes)
            lines.append(f"| {label} | {cells} |")
    return lines


def queries(per_query: Mapping[str, Mapping[str, float]]) -> list[str]:
    return [f"- `{q}` {r['ms']:.0f} ms, {r['kb']:.0f} KB" for q, r in per_query.items()]


def report(
    results: Results,
    seed: Mapping[str, float],
    run: Mapping[str, Any],
    kept: Mapping[str, str],
) -> str:
    """The whole of BENCHMARKS.md. `run` says how and when: date, full, minutes, machine,
    browser, zensical, live_at (the N of the preview and search), queries (each search
    query's figures)."""
    seed_line = (
        f"The seed story, warm (environment installed, built once before): `make site` "
        f"{seed['seed_site_edit']:.2f} s after an edit to a content file (pages generated "
        f"again, MkDocs and Pagefind run), {seed['seed_site']:.2f} s with nothing changed "
        f"(MkDocs skipped: site/ is up to date), `make check` {seed['seed_check']:.2f} s "
        f"(medians of 3)."
        if seed
        else "The seed story was not measured in this run."
    )
    asked = run.get("queries") or {}
    took = run.get("minutes", math.nan)
    took_text = f", {took:.0f} minutes in all" if not math.isnan(took) else ""
    live = run.get("live_at", GOAL_N)
    return "\n".join(
        [
            "# Benchmarks",
            "",
            f"`make bench{' FULL=1' if run.get('full') else ''}` on {run['date']}{took_text}: "
            "synthetic stories (`make corpus N=…`, "
            "~20 statements per article), medians of 3 runs each from cold (no parse cache, no "
            "earlier pages or site). Each run is `python -m generator build` as a user runs it, "
            "every process it starts sampled for its peak memory (tools/bench_procs.py: the "
            "whole process tree, whatever its processes are); then Hugo on the same generated "
            "pages and the same share pages (tools/bench_hugo.py), in the same run; then "
            "`generate` with nothing changed, and `generate` after one statement is edited "
            "(tools/bench_incremental.py), each a command of its own. At N = "
            f"{live}: the live preview (tools/bench_preview.py: `serve`, the page open in "
            "headless Chromium, 20 saves, the serve process's memory sampled) and search "
            "(tools/bench_search.py: each query typed in a fresh browser, medians of 3). "
            + (
                "Zensical was measured on request (`--zensical`)."
                if run.get("zensical")
                else "Zensical is not measured (`--zensical` adds it): the goals compare with "
                "Hugo only, and Zensical took about 100 s of each N = 1000 run."
            ),
            "",
            f"Machine: {run['machine']}.",
            "",
            *table(results),
            "",
            seed_line,
            "",
            f"## Goals (at N = {GOAL_N})",
            "",
            "Each goal is one figure and its limit (tools/bench_goals.py): met only when the "
            "figure was measured and is within it. Notes written by hand go between the "
            "`<!-- notes:… -->` markers below, which `make bench` keeps as they are.",
            "",
            *targets(results, seed),
            "",
            "## Where the time goes, what was tried, and what is left",
            "",
            note("where", kept),
            "",
            "## Search",
            "",
            f"At N = {live}, on the site the last `build` made: each query typed into the "
            "header's box in a fresh headless Chromium (cold cache), 3 times (each figure is the "
            "median of the 3), the site served gzip-compressed from 127.0.0.1 under a sub-path, "
            f"headless Chromium from {run.get('browser', '–')}. Transferred: every response "
            "(headers and compressed body) from the keystroke that focuses the box that had "
            "arrived by the first result. Time: from the last keystroke to the first result "
            "shown, debounce included; Pagefind starts loading when the box is focused, while "
            "the reader types. The queries come from the story: the most quoted speakers' "
            "names, what they said, a statement's longest word, a name with one letter changed.",
            "",
            *(queries(asked) if asked else ["Search was not measured in this run."]),
            "",
            note("search", kept),
            "",
        ]
    )
