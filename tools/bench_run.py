"""One measured generation of a story from cold, stage by stage, in a process of its own.

Prints one JSON object: seconds per stage from cold (no parse cache, no earlier pages). Render
and write are timed apart here, so all pages are held at once; `build` streams them, and its
generation's peak memory is what `make bench` reports (tools/bench_procs.py)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from generator.content.linking import link
from generator.content.loading import load
from generator.content.rules import broken
from generator.content.validation import validate
from generator.pages.rendering import render
from generator.project import Project
from generator.publish.writing import write


def measure(root: Path) -> dict[str, float]:
    project = Project.at(root)
    times: dict[str, float] = {}
    start = time.perf_counter()
    loaded = load(project.content, project.seeds, project.root, project.cache)
    times["load"] = time.perf_counter() - start
    validated = validate(loaded)
    times["validate"] = time.perf_counter() - start - times["load"]
    resolved, problems = link(loaded, validated)
    problems += broken(resolved)
    assert resolved.ready and not problems, problems[:3]
    linked = resolved.linked()
    times["link"] = time.perf_counter() - start - times["load"] - times["validate"]
    mark = time.perf_counter()
    pages = render(linked)
    times["render"] = time.perf_counter() - mark
    mark = time.perf_counter()
    write(pages, project.docs)
    times["write"] = time.perf_counter() - mark
    times["generation"] = time.perf_counter() - start
    return times


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]).resolve())))
