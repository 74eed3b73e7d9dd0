"""`make bench`: build synthetic stories of 10, 100 and 1000 articles (3000 with --full) three
times each from cold, take medians, and write BENCHMARKS.md with the targets each meets."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generator.build import Project
from tools.bench_search import SEARCH_ROWS, search_figures, search_only, search_targets
from tools.corpus import write as write_corpus

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3
ZENSICAL = "zensical==0.0.73"
ZENSICAL_VENV = ROOT / ".zensical-venv"


def one_run(story: Path) -> dict[str, float]:
    shutil.rmtree(story / "build", ignore_errors=True)
    shutil.rmtree(story / "site", ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tools.bench_run", str(story)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def site_figures(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("*.html")]
    entity = [p for p in pages if p.parent.parent.name in ("people", "countries")]
    return {
        "pages": len(pages),
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024**2,
        "largest_page_kb": max(p.stat().st_size for p in pages) / 1024,
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


def bench(n: int) -> dict[str, float]:
    story = ROOT / "corpus" / str(n)
    write_corpus(n, story)
    runs = [one_run(story) for _ in range(RUNS)]
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    result.update(site_figures(story / "site"))
    result.update(search_figures(story))
    result["zensical"] = zensical_seconds(story) or float("nan")
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
    ("unchanged", "Generation, nothing changed (s)", "{:.2f}"),
    ("mkdocs", "mkdocs build (s)", "{:.1f}"),
    ("total", "Total (s)", "{:.1f}"),
    ("zensical", "Zensical 0.0.73 build (s)", "{:.1f}"),
    ("peak_rss_mb", "Peak memory, RSS (MB)", "{:.0f}"),
    ("pages", "Pages", "{:.0f}"),
    ("site_mb", "Site size (MB)", "{:.1f}"),
    *SEARCH_ROWS,
    ("largest_page_kb", "Largest page (KB)", "{:.0f}"),
    ("largest_entity_kb", "Largest entity page (KB)", "{:.0f}"),
]


def targets(results: dict[int, dict[str, float]]) -> list[str]:
    big = results.get(1000)
    lines = []

    def check(ok: bool, text: str) -> None:
        lines.append(f"- {'Met' if ok else '**Not met**'}: {text}")

    if big:
        check(
            big["generation"] <= 5,
            f"generation at N=1000 ≤ 5 s from cold ({big['generation']:.1f} s)",
        )
        check(big["unchanged"] <= 1, f"≤ 1 s when nothing changed ({big['unchanged']:.2f} s)")
        check(big["total"] <= 30, f"whole build at N=1000 ≤ 30 s ({big['total']:.1f} s)")
        check(
            big["peak_rss_mb"] <= 500,
            f"peak memory at N=1000 ≤ 500 MB ({big['peak_rss_mb']:.0f} MB)",
        )
        check(
            big["largest_entity_kb"] <= 60,
            f"entity page at N=1000 ≤ 60 KB ({big['largest_entity_kb']:.0f} KB)",
        )
        lines.extend(search_targets(big))
        if 100 in results:
            growth = big["total"] / results[100]["total"]
            check(growth <= 12, f"near-linear growth: total(1000)/total(100) ≤ 12 ({growth:.1f})")
    shares = {n: r["generation"] / r["total"] for n, r in results.items()}
    check(
        all(s <= 0.15 for s in shares.values()),
        "generation ≤ 15% of the whole build at every N ("
        + ", ".join(f"N={n}: {s:.0%}" for n, s in shares.items())
        + ")",
    )
    return lines


def report(results: dict[int, dict[str, float]], seed_seconds: float) -> str:
    sizes = sorted(results)
    header = "| Measure | " + " | ".join(f"N = {n}" for n in sizes) + " |"
    table = [header, "|---" * (len(sizes) + 1) + "|"]
    for key, label, form in ROWS:
        table.append(
            f"| {label} | " + " | ".join(form.format(results[n][key]) for n in sizes) + " |"
        )
    return "\n".join(
        [
            "# Benchmarks",
            "",
            f"`make bench` on {dt.date.today().isoformat()}: synthetic stories "
            f"(`make corpus N=…`, ~20 statements per article), {RUNS} cold runs each "
            "(no parse cache, no previous pages), "
            "medians. Generation runs in one process; MkDocs in another, whose peak memory counts "
            "too.",
            "",
            f"Machine: {machine()}.",
            "",
            *table,
            "",
            f"The seed story: `make site` with the environment installed and nothing generated yet "
            f"took {seed_seconds:.1f} s.",
            "",
            "## Targets",
            "",
            *targets(results),
            f"- {'Met' if seed_seconds <= 5 else '**Not met**'}: the seed site builds in ≤ 5 s "
            f"({seed_seconds:.1f} s)",
            "",
            NOTES,
        ]
    )


NOTES = """## Why some targets are not met, and what is tested instead

- **Cold generation.** At N = 1000, parsing ~1,100 YAML files with libyaml's `CSafeLoader` (and
  filling the parse cache) is the load figure above, and rendering ~3,500 pages with Jinja2 the
  render figure. Parsing in two processes gained nothing here (sending the parsed documents
  back costs what the second core saves). Parses are
  cached by content hash in `build/cache/`, and a run whose inputs and generator are unchanged
  does nothing, which is what an editor's second `make site` meets.
- **Generation's share of the build.** MkDocs is fast on small stories, so generation's fixed
  costs weigh more there; at N = 1000 MkDocs and Material take most of the time, at about 7 ms a
  page with `navigation.prune`.
- **Whole build and memory at N = 1000.** MkDocs holds every page in memory and renders each
  through Material's templates: its process is the peak. Fewer pages (one per article's
  sources, one per person) would mean pages readers and links rely on.
- **Entity pages.** A person's page carries all their statements in full, because it is each
  statement's home (its permalink and its one place in the search index). Listing pages show
  12 cards, then one line each for up to 60 more, then a count.
- **Zensical** builds the same generated `build/mkdocs.yml` and pages with the project's
  overrides (trust line, JSON-LD, edit notes, stylesheet) and renders them the same in the
  pages checked; `python -m generator search-index --site build/site` then indexes its site for
  search as `build` does MkDocs'. CI runs it as a job allowed to fail.

Property, determinism, atomicity and injection tests run in `make test`; these figures are
not asserted by tests (they depend on the machine), only recorded here by `make bench`.
N = 3000 (`make bench FULL=1`) was not run for this table.
"""


def seed_build_seconds() -> float:
    """`make site` for the seed story after a change to its content (no page to reuse)."""
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["make", "-s", "site"], cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start


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
    if args.search_only:
        search_only(args.sizes or [1000], ROOT / "BENCHMARKS.md")
        return
    sizes = args.sizes or [10, 100, 1000, *([3000] if args.full else [])]
    results = {n: bench(n) for n in sizes}
    text = report(results, seed_build_seconds())
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
