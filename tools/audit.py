"""`make audit`: Lighthouse (mobile preset, median of 3 runs) on the home page and a person
page, served compressed as a static host would. Writes the scores and page weights to
QUALITY.md and fails if any category is under the target."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from tools.browser import FLAGS, chromium_path
from tools.pick import representative_pages
from tools.static_server import serving

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3
TARGET = 95


def lighthouse(url: str) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *FLAGS]),
    ]
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def measure(url: str) -> dict[str, float]:
    runs = [lighthouse(url) for _ in range(RUNS)]
    scores = {
        c: statistics.median(r["categories"][c]["score"] * 100 for r in runs) for c in CATEGORIES
    }
    weights = [r["audits"]["total-byte-weight"]["numericValue"] for r in runs]
    scores["weight_kb"] = statistics.median(weights) / 1024
    return scores


def main() -> int:
    pages = {
        k: v for k, v in representative_pages(ROOT).items() if k in ("home", "person", "search")
    }
    results = {}
    with serving(ROOT / "site", "/", compress=True) as base:
        for name, path in pages.items():
            results[name] = measure(base + path)
            print(name, {k: round(v) for k, v in results[name].items()})
    write_report(results, pages)
    failing = [f"{n} {c}" for n, r in results.items() for c in CATEGORIES if r[c] < TARGET]
    if failing:
        print(f"Below {TARGET}: {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


def write_report(results: dict[str, dict[str, float]], pages: dict[str, str]) -> None:
    rows = [
        f"| {name} (`/{pages[name]}`) | "
        + " | ".join(f"{r[c]:.0f}" for c in CATEGORIES)
        + f" | {r['weight_kb']:.0f} KB |"
        for name, r in results.items()
    ]
    version = json.loads((ROOT / "node_modules" / "lighthouse" / "package.json").read_text())[
        "version"
    ]
    text = "\n".join(
        [
            "# Quality",
            "",
            f"Lighthouse {version}, mobile preset, median of {RUNS} runs, site served compressed "
            f"from 127.0.0.1 (`make audit`). Target: at least {TARGET} in every category.",
            "",
            f"Measured {dt.date.today().isoformat()} on {os.cpu_count()} cores, "
            f"{platform.system()} {platform.machine()}, Python {platform.python_version()}.",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO | Page weight |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    (ROOT / "QUALITY.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
