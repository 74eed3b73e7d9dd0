"""The goals `make bench` checks (issue 26's table), as one rule table.

Every goal is one figure and the most it may be: a goal is met when its figure was measured and
is within its limit, and in no other way, so a figure that contradicts its goal is never marked
met, and a figure that was not measured is said to be so. The figures shown beside a goal are for
the reader; they never decide it. Goals are checked at N = 1000 (near-linear growth compares
N = 3000 with it; the page size goal looks at every N; the seed story's goals at the seed story).
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

GOAL_N = 1000
PAGE_LIMIT_KB = 300
MB = 400  # every process, at N = 1000
MET, NOT_MET, NOT_MEASURED = "Met", "**Not met**", "**Not measured**"

# Peak memory figures that are each a process of ours (`mb:<role>` from tools/bench_procs.py,
# whatever the roles are), and the others that count in "every process".
PROCESS_FIGURES = {
    "cli_first_edit_mb": "`generate` after the first edit",
    "cli_edit_mb": "`generate` after an edit",
    "preview_peak_mb": "the preview",
    "index_peak_mb": "Pagefind's indexer alone",
}
ROLE_NAMES = {
    "command": "the `build` command",
    "generation": "generation",
    "mkdocs": "MkDocs",
    "indexing": "the records feeder",
    "pagefind": "Pagefind's indexer",
}


@dataclass(frozen=True)
class Goal:
    figure: str  # the figure the goal is about
    limit: float  # met when the figure is at most this
    text: str  # the goal, in words
    shown: str  # the figures shown beside it (a format over the figures; missing ones print –)


GOALS = [
    Goal(
        "hugo_ratio",
        8,
        "whole `build` from cold ≤ 8 × Hugo's wall time on the same pages, in the same run",
        "{hugo_ratio:.1f} × (build {site:.1f} s, {site_cpu:.1f} CPU-s; "
        "Hugo {hugo:.1f} s, {hugo_cpu:.1f} CPU-s)",
    ),
    Goal("site", 20, "whole `build` from cold ≤ 20 s (the later goal)", "{site:.1f} s"),
    Goal(
        "generation",
        10,
        "generation from cold ≤ 10 s (within `build`)",
        "{generation:.1f} s, {generation_cpu:.1f} CPU-s",
    ),
    Goal("generation", 5, "generation from cold ≤ 5 s (the long goal)", "{generation:.1f} s"),
    Goal(
        "preview",
        2,
        "live preview: save → page shown ≤ 2 s (median of the saves)",
        "{preview:.2f} s over {preview_saves:.0f} saves; slowest {preview_max:.2f} s",
    ),
    Goal(
        "preview_mb",
        MB,
        f"live preview: the serve process ≤ {MB} MB after its saves",
        "{preview_mb:.0f} MB after {preview_saves:.0f} saves (its peak {preview_peak_mb:.0f} MB)",
    ),
    Goal(
        "preview_rebuilds",
        1,
        "live preview: one MkDocs rebuild per save",
        "{preview_rebuilds:.0f} at most",
    ),
    Goal(
        "cli_edit",
        2,
        "`python -m generator generate` after one edited statement ≤ 2 s",
        "{cli_edit:.2f} s, {cli_edit_cpu:.2f} CPU-s, {cli_edit_written:.0f} pages written; the "
        "first edit after a cold build, which records what each page reads: {cli_first_edit:.2f} s",
    ),
    Goal("process_mb", MB, f"every process ≤ {MB} MB at its peak", "{processes}"),
    Goal(
        "first_result_ms_max",
        500,
        "every search query shows its first result ≤ 500 ms after the last keystroke",
        "slowest {first_result_ms_max:.0f} ms, median {first_result_ms:.0f} ms",
    ),
    Goal(
        "search_transfer_kb_max",
        300,
        "every search query transfers ≤ 300 KB before its first result",
        "most {search_transfer_kb_max:.0f} KB, median {search_transfer_kb:.0f} KB",
    ),
    Goal(
        "growth",
        3.3,
        "near-linear: whole `build` t(3000) ÷ t(1000) ≤ 3.3 (`make bench FULL=1`)",
        "{growth:.2f}",
    ),
    Goal(
        "pages_over_limit_any",
        0,
        f"no page over {PAGE_LIMIT_KB} KB at any N",
        "{pages_over_limit_any:.0f} over; largest {largest_page_kb_any:.0f} KB",
    ),
    Goal(
        "resident_mb",
        100,
        "the generator not resident while MkDocs builds (the `build` command's memory then)",
        "{resident_mb:.0f} MB",
    ),
    Goal(
        "seed_site_edit",
        2,
        "the seed story's `make site` after an edit, warm ≤ 2 s",
        "{seed_site_edit:.2f} s",
    ),
    Goal(
        "seed_site",
        2,
        "the seed story's `make site` with nothing changed, warm ≤ 2 s",
        "{seed_site:.2f} s",
    ),
    Goal("seed_check", 2, "the seed story's `make check`, warm ≤ 2 s", "{seed_check:.2f} s"),
]


def measured(value: object) -> bool:
    return isinstance(value, int | float) and not math.isnan(value)


def process_peaks(figures: Mapping[str, float]) -> dict[str, float]:
    """Every process's peak memory among the figures, by the name the report gives it."""
    peaks = {
        ROLE_NAMES.get(key[3:], f"`{key[3:]}`"): value
        for key, value in figures.items()
        if key.startswith("mb:") and measured(value)
    }
    peaks.update(
        (name, figures[key]) for key, name in PROCESS_FIGURES.items() if measured(figures.get(key))
    )
    return peaks


def goal_figures(
    results: Mapping[int, Mapping[str, float]], seed: Mapping[str, float]
) -> dict[str, float]:
    """The figures the goals read: N = 1000's, the seed story's, and those made from several."""
    big = results.get(GOAL_N, {})
    figures = {**big, **seed}
    peaks = process_peaks(big)
    if peaks:
        figures["process_mb"] = max(peaks.values())
    if 3000 in results and measured(big.get("site")):
        figures["growth"] = results[3000].get("site", math.nan) / big["site"]
    pages = [r for r in results.values() if measured(r.get("pages_over_limit"))]
    if pages:
        figures["pages_over_limit_any"] = sum(r["pages_over_limit"] for r in pages)
        figures["largest_page_kb_any"] = max(r.get("largest_page_kb", 0) for r in pages)
    return figures


class _Shown(string.Formatter):
    """Formats what a goal shows; a figure that was not measured prints as –."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, str):
            return value
        return format(value, format_spec) if measured(value) else "–"

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        return kwargs.get(str(key), math.nan)


def verdict(goal: Goal, figures: Mapping[str, float]) -> str:
    """The one rule: measured and within the limit is met, measured and beyond is not met."""
    value = figures.get(goal.figure)
    if not measured(value):
        return NOT_MEASURED
    return MET if value <= goal.limit else NOT_MET  # type: ignore[operator]


def goal_line(goal: Goal, figures: Mapping[str, float]) -> str:
    peaks = process_peaks(figures)
    processes = "; ".join(f"{name} {mb:.0f} MB" for name, mb in peaks.items()) or "–"
    shown = _Shown().format(goal.shown, **figures, processes=processes)
    return f"- {verdict(goal, figures)}: {goal.text}: {shown}"


def targets(results: Mapping[int, Mapping[str, float]], seed: Mapping[str, float]) -> list[str]:
    """One line per goal, in the rule table's order."""
    figures = goal_figures(results, seed)
    return [goal_line(goal, figures) for goal in GOALS]
