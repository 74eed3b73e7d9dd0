"""`make bench` marks each goal met or not from its own figures, by one rule (tools/bench_goals.py):
a goal is met only when its figure was measured and is within its limit, so a figure that
contradicts its goal is never marked met. The report keeps its hand-written notes; the process
sampler names every process of a build, whatever they are; Hugo gets the share pages wherever the
generator puts them."""

from __future__ import annotations

import math
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.bench import medians
from tools.bench_goals import GOALS, MET, NOT_MEASURED, NOT_MET, Goal, goal_figures, targets
from tools.bench_hugo import prepare
from tools.bench_procs import Seen, TreeSampler, roles
from tools.bench_report import kept_notes, report

WITHIN = {"mb:generation": 333.0, "mb:mkdocs": 279.0, "mb:pagefind": 380.0}
RUN = {"date": "2026-12-08", "minutes": 21.0, "machine": "test", "queries": {}}


def line_of(goal: Goal, figures: dict[str, float], seed: dict[str, float] | None = None) -> str:
    (line,) = [line for line in targets({1000: figures}, seed or {}) if goal.text in line]
    return line


def figure_for(goal: Goal, value: float) -> tuple[dict[int, dict[str, float]], dict[str, float]]:
    """Results in which `goal`'s figure is `value` (made from what it is made from)."""
    if goal.figure == "growth":
        return {1000: {"site": 10.0}, 3000: {"site": 10.0 * value}}, {}
    if goal.figure == "process_mb":
        return {1000: {"mb:generation": value}}, {}
    if goal.figure == "pages_over_limit_any":
        return {10: {"pages_over_limit": value, "largest_page_kb": 1.0}}, {}
    if goal.figure.startswith("seed_"):
        return {}, {goal.figure: value}
    return {1000: {goal.figure: value}}, {}


@pytest.mark.parametrize("goal", GOALS, ids=lambda goal: goal.text)
def test_every_goal_is_met_within_its_limit_and_only_then(goal):
    def verdict(value: float) -> str:
        results, seed = figure_for(goal, value)
        assert goal_figures(results, seed)[goal.figure] == pytest.approx(value)
        (line,) = [line for line in targets(results, seed) if goal.text in line]
        return line.split(":", 1)[0].removeprefix("- ")

    assert verdict(goal.limit) == MET
    assert verdict(goal.limit * 1.01 + 0.01) == NOT_MET
    results, seed = figure_for(goal, math.nan)
    (line,) = [line for line in targets(results, seed) if goal.text in line]
    assert line.startswith(f"- {NOT_MEASURED}")


def test_a_goal_is_never_met_when_nothing_was_measured():
    assert all(not line.startswith(f"- {MET}") for line in targets({}, {}))
    assert len(targets({}, {})) == len(GOALS)


def memory_line(figures: dict[str, float]) -> str:
    (line,) = [line for line in targets({1000: figures}, {}) if "every process" in line]
    return line


def test_peak_memory_is_met_when_every_process_stays_within_400_mb():
    line = memory_line(WITHIN)
    assert line.startswith("- Met: every process ≤ 400 MB")
    assert "generation 333 MB; MkDocs 279 MB; Pagefind's indexer 380 MB" in line


def test_peak_memory_is_not_met_when_pagefinds_indexer_goes_past_400_mb():
    line = memory_line(WITHIN | {"mb:pagefind": 649.0})
    assert line.startswith("- **Not met**: every process")
    assert "Pagefind's indexer 649 MB" in line


def test_peak_memory_counts_processes_the_bench_has_no_name_for():
    line = memory_line(WITHIN | {"mb:shard-builder": 512.0})
    assert line.startswith("- **Not met**")
    assert "`shard-builder` 512 MB" in line


@pytest.mark.parametrize("figure", ["preview_peak_mb", "cli_edit_mb", "index_peak_mb"])
def test_peak_memory_counts_the_preview_the_edit_and_the_indexer_alone(figure):
    assert memory_line(WITHIN | {figure: 401.0}).startswith("- **Not met**")


def test_peak_memory_is_not_measured_without_figures():
    assert memory_line({"site": 90.0}).startswith(f"- {NOT_MEASURED}")


def test_the_preview_after_its_saves_is_judged_on_its_memory_then():
    figures = {"preview": 1.5, "preview_mb": 744.0, "preview_saves": 20, "preview_peak_mb": 800.0}
    (speed,) = [line for line in targets({1000: figures}, {}) if "save → page" in line]
    (memory,) = [line for line in targets({1000: figures}, {}) if "serve process" in line]
    assert speed.startswith("- Met")
    assert memory.startswith("- **Not met**")
    assert "744 MB after 20 saves (its peak 800 MB)" in memory


def test_hugo_ratio_shows_the_figures_it_is_made_of():
    figures = {"hugo_ratio": 11.6, "site": 87.0, "site_cpu": 96.7, "hugo": 7.5, "hugo_cpu": 11.1}
    (line,) = [line for line in targets({1000: figures}, {}) if "Hugo's wall" in line]
    assert line == (
        "- **Not met**: whole `build` from cold ≤ 8 × Hugo's wall time on the same pages, in the "
        "same run: 11.6 × (build 87.0 s, 96.7 CPU-s; Hugo 7.5 s, 11.1 CPU-s)"
    )


def test_figures_not_measured_are_shown_as_dashes():
    (line,) = [line for line in targets({1000: {"hugo_ratio": 5.0}}, {}) if "Hugo" in line]
    assert line.startswith("- Met") and "build – s" in line


def test_goals_are_read_at_n_1000_only():
    results = {100: {"generation": 1.0}, 1000: {"generation": 33.0}}
    (line,) = [line for line in targets(results, {}) if "≤ 10 s" in line]
    assert line.startswith("- **Not met**") and "33.0 s" in line


def test_a_page_over_the_limit_at_any_size_is_not_met():
    results = {
        10: {"pages_over_limit": 1, "largest_page_kb": 342.0},
        1000: {"pages_over_limit": 0, "largest_page_kb": 130.0},
    }
    (line,) = [line for line in targets(results, {}) if "no page over" in line]
    assert line.startswith("- **Not met**") and "largest 342 KB" in line


def test_medians_take_each_figure_over_the_runs_that_have_it():
    runs = [{"site": 3.0, "mb:shard": 10.0}, {"site": 1.0}, {"site": 2.0, "mb:shard": math.nan}]
    assert medians(runs) == {"site": 2.0, "mb:shard": 10.0}


def written(figures: dict[int, dict[str, float]], kept_from: str = "") -> str:
    return report(figures, {}, RUN, kept_notes(kept_from))


def test_a_rewrite_keeps_the_hand_written_notes_byte_for_byte():
    first = written({1000: {"site": 90.0}})
    notes = "- **Memory.** Measured by hand:\n\n  | a | b |\n  |---|---|\n\n<!-- x -->\n"
    edited = first.replace("<!-- notes:where -->\n", "<!-- notes:where -->\n" + notes, 1).replace(
        "<!-- notes:search -->\n", "<!-- notes:search -->\nSearch notes.\n", 1
    )
    again = written({1000: {"site": 80.0}}, edited)
    assert kept_notes(again)["where"].startswith(notes)
    assert kept_notes(again)["search"].startswith("Search notes.\n")
    assert "| 80.0 |" in again and "| 90.0 |" not in again


def test_the_report_lists_every_goal_line_and_every_process():
    figures = WITHIN | {"mb:shard-builder": 99.0, "site": 90.0}
    text = written({1000: figures})
    assert all(line in text for line in targets({1000: figures}, {}))
    assert "| Peak memory: `shard-builder` (MB) | 99 |" in text


def seen(parent: int, line: str, first: float, last: float) -> Seen:
    return Seen(parent, line, first, last)


BUILD = "python -m generator --root corpus/1000 build"


def test_roles_of_a_build_in_several_processes():
    """The generation forked in two, then MkDocs forked in shards beside the records feeder,
    which runs Pagefind's launcher and binary, and a program nobody told the bench about."""
    tree = {
        1: seen(0, BUILD, 0, 100),
        2: seen(1, BUILD, 1, 30),  # generation
        3: seen(1, BUILD, 1.5, 29),  # generation, the second process
        4: seen(2, BUILD, 2, 20),  # a worker the generation forked
        5: seen(1, BUILD, 31, 60),  # the records feeder (it starts Pagefind)
        6: seen(1, BUILD, 31.1, 90),  # MkDocs
        7: seen(6, BUILD, 32, 80),  # an MkDocs shard
        8: seen(5, "python -m pagefind --site x", 32, 59),
        9: seen(8, "/venv/pagefind_extended --site x", 33, 58),
        10: seen(1, "/usr/bin/rsync -a x y", 91, 95),
        11: seen(6, "/usr/bin/python -m mkdocs build", 40, 50),
    }
    assert roles(1, tree) == {
        1: "command",
        2: "generation",
        3: "generation",
        4: "generation",
        5: "indexing",
        6: "mkdocs",
        7: "mkdocs",
        8: "pagefind",
        9: "pagefind",
        10: "rsync",
        11: "mkdocs",
    }


def test_roles_of_a_build_without_pagefind():
    tree = {1: seen(0, BUILD, 0, 10), 2: seen(1, BUILD, 1, 4), 3: seen(1, BUILD, 5, 9)}
    assert roles(1, tree) == {1: "command", 2: "generation", 3: "mkdocs"}


def make_site(tmp_path: Path, share_in_docs: bool) -> tuple[Path, Path]:
    docs, site = tmp_path / "docs", tmp_path / "site"
    for path, text in {
        "index.md": "# Home",
        "people/a.md": "# A",
        "people/index.md": "# People",
        "data/facts.json": "{}",
    }.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text)
    share = docs if share_in_docs else tmp_path / "share"
    (share / "said" / "s1").mkdir(parents=True)
    (share / "said" / "s1" / "index.html").write_text("<title>s1</title>")
    for path in (
        "index.html",
        "people/a/index.html",
        "people/index.html",
        "data/facts.json",
        "said/s1/index.html",
        "404.html",
        "sitemap.xml",
        "assets/x.js",
        "pagefind/p.js",
    ):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(path)
    return docs, site


@pytest.mark.parametrize("share_in_docs", [True, False])
def test_hugo_gets_the_share_pages_wherever_they_are(tmp_path, share_in_docs):
    docs, site = make_site(tmp_path, share_in_docs)
    pages, from_site = prepare(docs, tmp_path / "hugo", site)
    static = tmp_path / "hugo" / "static"
    assert pages == 3
    assert (static / "said" / "s1" / "index.html").is_file()
    assert from_site == (0 if share_in_docs else 1)
    handed = sorted(str(p.relative_to(static)) for p in static.rglob("*") if p.is_file())
    assert handed == ["data/facts.json", "said/s1/index.html"]


FORKS = """
import os, sys
if os.fork() == 0:
    held = bytearray(80 * 1024 * 1024)  # touched: resident, so its high-water mark shows it
    sys.stdin.read()
    os._exit(0)
sys.stdin.read()
os.wait()
"""


def test_the_sampler_finds_a_forked_child_and_its_peak_memory():
    process = subprocess.Popen([sys.executable, "-c", FORKS], stdin=subprocess.PIPE)
    sampler = TreeSampler(process.pid)
    try:
        deadline = time.monotonic() + 60
        while not any(s.parent == process.pid and s.peak_mb >= 80 for s in sampler.seen.values()):
            assert time.monotonic() < deadline, sampler.seen
            time.sleep(0.05)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
        sampler.stop()
    assert roles(process.pid, sampler.seen) == {
        process.pid: "command",
        **{pid: "generation" for pid, s in sampler.seen.items() if s.parent == process.pid},
    }
