"""`make bench` marks each goal met or not from its own figures: a figure that contradicts its
goal is never marked met (tools/bench.py `targets`)."""

from __future__ import annotations

from tools.bench import targets

WITHIN = {"build_generation_mb": 333.0, "mkdocs_mb": 279.0, "pagefind_mb": 380.0}


def memory_line(figures: dict[str, float]) -> str:
    (line,) = [line for line in targets({1000: figures}, {}) if "peak memory" in line]
    return line


def test_peak_memory_is_met_when_every_process_stays_within_400_mb():
    assert memory_line(WITHIN).startswith("- Met: peak memory at N=1000 ≤ 400 MB each")


def test_peak_memory_is_not_met_when_pagefinds_indexer_goes_past_400_mb():
    line = memory_line(WITHIN | {"pagefind_mb": 649.0})
    assert line.startswith("- **Not met**: peak memory")
    assert "Pagefind's indexer 649 MB" in line


def test_peak_memory_is_not_met_when_a_figure_is_missing():
    figures = {key: value for key, value in WITHIN.items() if key != "pagefind_mb"}
    assert memory_line(figures).startswith("- **Not met**")
