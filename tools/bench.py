"""`make bench`: build synthetic stories of 10, 100 and 1000 articles (3000 with --full) three
times each from cold, take medians, and write BENCHMARKS.md with the targets each meets."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generator.build import Project
from tools.bench_hugo import hugo_build
from tools.bench_preview import preview_figures
from tools.bench_procs import run_sampled
from tools.bench_search import search_only
from tools.corpus import write as write_corpus

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
ZENSICAL = "zensical==0.0.73"
ZENSICAL_VENV = ROOT / ".zensical-venv"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
PAGE_LIMIT_KB = 300
PREVIEW_N = 1000  # the size the live preview is timed at


def clear(story: Path) -> None:
    shutil.rmtree(story / "build", ignore_errors=True)
    shutil.rmtree(story / "site", ignore_errors=True)


def generation_run(story: Path) -> dict[str, float]:
    """Generation alone, stage by stage, from cold, in a process of its own."""
    clear(story)
    result = subprocess.run(
        [sys.executable, "-m", "tools.bench_run", str(story)],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def site_run(story: Path) -> dict[str, float]:
    """`make site` from cold as a user runs it (`python -m generator build`: generation apart,
    then MkDocs, then Pagefind), each process's peak memory sampled; then Hugo on the same
    pages, then a second generation with nothing changed."""
    clear(story)
    command = [sys.executable, "-m", "generator", "--root", str(story), "build"]
    sampled = run_sampled(command, ROOT, ENV)
    figures = {
        "site": sampled.wall,
        "mkdocs": sampled.seconds.get("mkdocs", float("nan")),
        "pagefind": sampled.seconds.get("pagefind", float("nan")),
        "build_generation_mb": sampled.peaks_mb.get("generation", float("nan")),
        "mkdocs_mb": sampled.peaks_mb.get("mkdocs", float("nan")),
        "pagefind_mb": sampled.peaks_mb.get("pagefind", float("nan")),
        "resident_mb": sampled.command_rss_during_mkdocs_mb,
    }
    hugo = hugo_build(story / "build" / "docs", story / "build" / "hugo")
    if hugo is not None:
        figures.update(hugo)
        figures["hugo_ratio"] = figures["site"] / hugo["hugo"]
    start = time.perf_counter()
    subprocess.run([*command[:-1], "generate"], cwd=ROOT, env=ENV, capture_output=True, check=True)
    figures["unchanged"] = time.perf_counter() - start
    return figures


def site_figures(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("*.html")]
    entity = [p for p in pages if p.parent.parent.name in ("people", "countries")]
    return {
        "pages": len(pages),
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024**2,
        "largest_page_kb": max(p.stat().st_size for p in pages) / 1024,
        "pages_over_limit": sum(1 for p in pages if p.stat().st_size > PAGE_LIMIT_KB * 1024),
        "largest_entity_kb": max((p.stat().st_size for p in entity), default=0) / 1024,
    }


def zensical_seconds(story: Path) -> float | None:
    """Zensical builds the same generated configuration, build/mkdocs.yml (non-blocking: None
    when it cannot run here)."""
    binary = ZENSICAL_VENV / "bin" / "zensical"
    if not binary.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(ZENSICAL_VENV)], check=False)
        pip = [str(ZENSICAL_VENV / "bin" / "pip"), "install", "--quiet", ZENSICAL]
        if made.returncode or subprocess.run(pip, capture_output=True, check=False).returncode:
            return None
    start = time.perf_counter()
    result = subprocess.run(
        [str(binary), "build", "--clean", "-f", str(Project.at(story).generated_config)],
        cwd=story,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start if result.returncode == 0 else None


def bench(n: int, zensical: bool) -> dict[str, float]:
    story = ROOT / "corpus" / str(n)
    write_corpus(n, story)
    runs = [{**generation_run(story), **site_run(story)} for _ in range(RUNS)]
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    result.update(site_figures(story / "site"))
    if zensical:
        result["zensical"] = zensical_seconds(story) or float("nan")
    if n == PREVIEW_N:
        result.update(preview_figures(story))
    print(n, {k: round(v, 2) for k, v in result.items()}, flush=True)
    return result


def machine() -> str:
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    lock = hashlib.sha256((ROOT / "requirements.lock").read_bytes()).hexdigest()[:12]
    return (
        f"{os.cpu_count()} cores ({cpu}), {int(memory) / 1024**2:.0f} GiB memory, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"requirements.lock {lock}"
    )


ROWS = [
    ("load", "Load (s)", "{:.2f}"),
    ("validate", "Validate (s)", "{:.2f}"),
    ("link", "Link (s)", "{:.2f}"),
    ("render", "Render (s)", "{:.2f}"),
    ("write", "Write (s)", "{:.2f}"),
    ("generation", "Generation, cold (s)", "{:.2f}"),
    ("unchanged", "`generate` again, nothing changed (s)", "{:.2f}"),
    ("edit", "One edited statement regenerated (s)", "{:.2f}"),
    ("edit_written", "… files it rewrote", "{:.0f}"),
    ("site", "**`make site` from cold (s)**", "{:.1f}"),
    ("mkdocs", "… of which `mkdocs build` (s)", "{:.1f}"),
    ("pagefind", "… of which Pagefind indexing (s)", "{:.1f}"),
    ("hugo", "Hugo 0.168 on the same pages (s)", "{:.1f}"),
    ("hugo_cpu", "Hugo's CPU time (s)", "{:.1f}"),
    ("hugo_ratio", "`make site` ÷ Hugo", "{:.1f}"),
    ("build_generation_mb", "Peak memory: generation in `make site` (MB)", "{:.0f}"),
    ("mkdocs_mb", "Peak memory: MkDocs (MB)", "{:.0f}"),
    ("pagefind_mb", "Peak memory: Pagefind's indexer (MB)", "{:.0f}"),
    ("resident_mb", "Memory of the `build` command while MkDocs runs (MB)", "{:.0f}"),
    ("preview", "Live preview: save to page shown (s)", "{:.2f}"),
    ("preview_rebuilds", "Live preview: MkDocs rebuilds per save", "{:.0f}"),
    ("zensical", "Zensical 0.0.73 build (s)", "{:.1f}"),
    ("pages", "Pages (HTML files)", "{:.0f}"),
    ("site_mb", "Site size (MB)", "{:.1f}"),
    ("largest_page_kb", "Largest page (KB)", "{:.0f}"),
    ("pages_over_limit", f"Pages over {PAGE_LIMIT_KB} KB", "{:.0f}"),
    ("largest_entity_kb", "Largest person or country page (KB)", "{:.0f}"),
]


def cell(result: dict[str, float], key: str, form: str) -> str:
    value = result.get(key)
    return "–" if value is None or math.isnan(value) else form.format(value)


def targets(results: dict[int, dict[str, float]], seed: dict[str, float]) -> list[str]:
    big = results.get(1000, {})
    lines = []

    def check(key: str, ok: object, text: str) -> None:
        if key in big or key in seed:
            lines.append(f"- {'Met' if ok else '**Not met**'}: {text}")

    get = big.get
    check(
        "generation",
        get("generation", 99) <= 5,
        f"generation at N=1000 from cold ≤ 5 s ({get('generation', 0):.1f} s)",
    )
    check(
        "edit",
        get("edit", 99) <= 1,
        f"one edited statement regenerated at N=1000 ≤ 1 s ({get('edit', 0):.2f} s, "
        f"{get('edit_written', 0):.0f} files rewritten)",
    )
    check(
        "site",
        get("site", 99) <= 20,
        f"`make site` at N=1000 from cold ≤ 20 s ({get('site', 0):.1f} s)",
    )
    check(
        "hugo_ratio",
        get("hugo_ratio", 99) <= 8,
        f"`make site` ≤ 8 × Hugo on the same pages ({get('hugo_ratio', 0):.1f} ×; "
        f"Hugo {get('hugo', 0):.1f} s)",
    )
    memory = get("build_generation_mb", 999)
    check(
        "mkdocs_mb",
        memory <= 400 and get("mkdocs_mb", 999) <= 400,
        f"peak memory at N=1000 ≤ 400 MB each (generation {memory:.0f} MB, "
        f"MkDocs {get('mkdocs_mb', 0):.0f} MB; Pagefind's indexer {get('pagefind_mb', 0):.0f} MB)",
    )
    check(
        "resident_mb",
        get("resident_mb", 999) <= 100,
        f"the generator not resident while MkDocs builds (the command holds "
        f"{get('resident_mb', 0):.0f} MB then)",
    )
    over = sum(r.get("pages_over_limit", 0) for r in results.values())
    largest = max(r.get("largest_page_kb", 0) for r in results.values())
    check(
        "pages_over_limit",
        over == 0,
        f"no page over {PAGE_LIMIT_KB} KB at any N (largest {largest:.0f} KB)",
    )
    check(
        "preview",
        get("preview", 99) <= 2 and get("preview_rebuilds", 9) == 1,
        f"live preview at N=1000: save to page ≤ 2 s, one rebuild per save "
        f"({get('preview', 0):.2f} s, {get('preview_rebuilds', 0):.0f} per save)",
    )
    if 3000 in results and big:
        growth = results[3000]["site"] / big["site"]
        lines.append(
            f"- {'Met' if growth <= 3.3 else '**Not met**'}: near-linear: `make site` "
            f"t(3000) / t(1000) ≤ 3.3 ({growth:.2f})"
        )
    for key, label in (("seed_site", "make site"), ("seed_check", "make check")):
        check(
            key,
            seed.get(key, 99) < 2,
            f"the seed story's `{label}` warm < 2 s ({seed.get(key, 0):.2f} s)",
        )
    return lines


def report(results: dict[int, dict[str, float]], seed: dict[str, float]) -> str:
    sizes = sorted(results)
    header = "| Measure | " + " | ".join(f"N = {n}" for n in sizes) + " |"
    table = [header, "|---" * (len(sizes) + 1) + "|"]
    for key, label, form in ROWS:
        if any(key in results[n] for n in sizes):
            table.append(
                f"| {label} | " + " | ".join(cell(results[n], key, form) for n in sizes) + " |"
            )
    return "\n".join(
        [
            "# Benchmarks",
            "",
            f"`make bench{' FULL=1' if 3000 in results else ''}` on {dt.date.today().isoformat()}: "
            f"synthetic stories (`make corpus N=…`, ~20 statements per article), medians of {RUNS} "
            "runs each from cold (no parse cache, no earlier pages or site). Each process is "
            "measured as a user runs it (tools/bench_procs.py): generation alone "
            "(tools/bench_run.py, stage by stage); then `python -m generator build`, which "
            "forks the generation, then runs `mkdocs build` and Pagefind, each process's peak "
            "memory sampled; then Hugo on the same generated pages (tools/bench_hugo.py).",
            "",
            f"Machine: {machine()}.",
            "",
            *table,
            "",
            f"The seed story, warm (environment installed, built once before): `make site` "
            f"{seed['seed_site']:.2f} s, `make check` {seed['seed_check']:.2f} s "
            f"(medians of {RUNS}).",
            "",
            "## Targets",
            "",
            *targets(results, seed),
            "",
            NOTES,
        ]
    )


NOTES = ""


def seed_seconds() -> dict[str, float]:
    """The seed story's `make site` and `make check`, warm: the environment installed and the
    site built once before, so what is timed is what an editor waits for after an edit."""
    subprocess.run(["make", "-s", "site"], cwd=ROOT, capture_output=True, check=True)
    figures: dict[str, list[float]] = {"seed_site": [], "seed_check": []}
    for _ in range(RUNS):
        for key, target in (("seed_site", "site"), ("seed_check", "check")):
            start = time.perf_counter()
            subprocess.run(["make", "-s", target], cwd=ROOT, capture_output=True, check=True)
            figures[key].append(time.perf_counter() - start)
    return {key: statistics.median(values) for key, values in figures.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true", help="also N = 3000")
    parser.add_argument("--sizes", type=int, nargs="*", help="only these N (for a quick look)")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="only the search figures, on corpus/N as built (default N = 1000), into the "
        "Search section of BENCHMARKS.md",
    )
    args = parser.parse_args()
    benchmarks = ROOT / "BENCHMARKS.md"
    if args.search_only:
        search_only(args.sizes or [1000], benchmarks)
        return
    sizes = args.sizes or [10, 100, 1000, *([3000] if args.full else [])]
    results = {n: bench(n, zensical=n <= 1000) for n in sizes}
    text = report(results, seed_seconds())
    benchmarks.write_text(text, encoding="utf-8")
    if 1000 in results:
        build = [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(ROOT / "corpus" / "1000"),
            "build",
        ]
        subprocess.run(build, env=ENV, capture_output=True, check=True)
        search_only([1000], benchmarks)
    print(benchmarks.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
