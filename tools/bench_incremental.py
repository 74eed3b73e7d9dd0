"""One edited statement regenerated in a warm Session (generator/live/incremental.py), as the live
preview regenerates it: `python -m tools.bench_incremental corpus/1000` prints one JSON object
with the cold run's seconds (wall and CPU), then each edit's seconds (wall and CPU, and wall by
stage) and the files it wrote. On a shared machine, compare CPU seconds.

`edit_statement` is also the edit `make bench` makes before it times `python -m generator
generate` from the command line (tools/bench.py), so both figures edit the same words."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from generator.live.incremental import Session
from generator.project import Project

# A reported statement's words, which need not stand verbatim in their article.
REPORTED = re.compile(r"(kind: reported\n(?:  .*\n)*?  text: )(.*)")


def edit_statement(root: Path, word: str) -> tuple[Path, str]:
    """Adds `word` to the words of the story's first reported statement; returns the file and
    its text before, to put back."""
    path = min((root / "content" / "statements").glob("*.yaml"))
    original = path.read_text(encoding="utf-8")
    edited = REPORTED.sub(rf"\g<1>\g<2> {word}", original, count=1)
    assert edited != original, f"{path}: no reported statement"
    path.write_text(edited, encoding="utf-8")
    return path, original


def edited_statement(root: Path, rounds: int = 3) -> dict[str, object]:
    """Seconds of a cold Session run, then of `rounds` edits of one reported statement's words
    (each edit adds a word, the last restores the file)."""
    session = Session(Project.at(root))
    start, cpu = time.perf_counter(), time.process_time()
    _, problems = session.regenerate()
    assert not problems, problems[:3]
    result: dict[str, object] = {
        "cold": time.perf_counter() - start,
        "cold_cpu": time.process_time() - cpu,
    }
    path = min((root / "content" / "statements").glob("*.yaml"))
    original = path.read_text(encoding="utf-8")
    edits: list[dict[str, object]] = []
    for number in range(rounds):
        text = original
        if number < rounds - 1:
            text = REPORTED.sub(rf"\g<1>\g<2> again{'s' * number}", original, count=1)
        path.write_text(text, encoding="utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        written, problems = session.regenerate()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert not problems, problems[:3]
        edits.append({"seconds": seconds, "cpu": cpu, "written": len(written), **session.seconds})
    result["edits"] = edits
    return result


if __name__ == "__main__":
    print(json.dumps(edited_statement(Path(sys.argv[1])), indent=1))
