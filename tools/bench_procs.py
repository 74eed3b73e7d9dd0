"""A command run as a user runs it, with the peak memory of each process it starts.

`make site` is several processes: the generator's command, the generation it forks (so the
generator's memory is gone before MkDocs starts), `mkdocs build`, and beside it the search
indexing the command forks, which runs Pagefind's indexer. Each is
measured on its own, by sampling /proc every few milliseconds for the process tree's members and
their high-water mark (VmHWM), and the command's own resident memory is sampled while MkDocs runs:
that is what "the generator is not resident while MkDocs builds" means in figures.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

POLL_SECONDS = 0.01


@dataclass
class Sampled:
    """What one sampled run measured."""

    wall: float = 0.0
    status: int = 0
    peaks_mb: dict[str, float] = field(default_factory=dict)  # by role, the biggest of each
    seconds: dict[str, float] = field(default_factory=dict)  # by role: first seen to last seen
    command_rss_during_mkdocs_mb: float = 0.0


def _status(pid: int) -> dict[str, str]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _kilobytes(value: str | None) -> float:
    return float(value.split()[0]) if value else 0.0


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry))
    return tree


def _role(pid: int, root: int, parent: int, line: str, roles: dict[int, str]) -> str:
    if pid == root:
        return "command"
    if "pagefind" in line:
        return "pagefind"
    if "mkdocs" in line:
        return "mkdocs"
    if parent == root and "generator" in line:
        # The command forks the generation, then (once it has ended) the search indexing that
        # feeds Pagefind beside MkDocs.
        return "indexing" if "generation" in roles.values() else "generation"
    return "other"


def run_sampled(command: list[str], cwd: Path, env: dict[str, str]) -> Sampled:
    """Run `command` to its end, sampling its process tree."""
    sampled = Sampled()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    first: dict[int, float] = {}
    last: dict[int, float] = {}
    roles: dict[int, str] = {}
    peaks: dict[int, float] = {}
    while process.poll() is None:
        now = time.perf_counter() - start
        tree = _children()
        members = [(process.pid, 0)]
        for pid, _parent in members:
            members.extend((child, pid) for child in tree.get(pid, []))
        for pid, parent in members:
            info = _status(pid)
            if not info:
                continue
            if pid not in roles:
                roles[pid] = _role(pid, process.pid, parent, _cmdline(pid), roles)
            first.setdefault(pid, now)
            last[pid] = now
            peaks[pid] = max(peaks.get(pid, 0.0), _kilobytes(info.get("VmHWM")) / 1024)
        if any(roles.get(pid) == "mkdocs" for pid, _ in members[1:]):
            rss = _kilobytes(_status(process.pid).get("VmRSS")) / 1024
            sampled.command_rss_during_mkdocs_mb = max(sampled.command_rss_during_mkdocs_mb, rss)
        time.sleep(POLL_SECONDS)
    sampled.wall = time.perf_counter() - start
    sampled.status = process.returncode
    if process.returncode != 0:
        assert process.stderr is not None
        raise RuntimeError(process.stderr.read().decode(errors="replace")[-3000:])
    spans: dict[str, tuple[float, float]] = {}
    for pid, role in roles.items():
        sampled.peaks_mb[role] = max(sampled.peaks_mb.get(role, 0.0), peaks[pid])
        # A role's processes may nest (Pagefind's Python launcher and its binary): its time is
        # from the first of them seen to the last, not their sum.
        begun, ended = spans.get(role, (first[pid], last[pid]))
        spans[role] = (min(begun, first[pid]), max(ended, last[pid]))
    sampled.seconds = {role: ended - begun for role, (begun, ended) in spans.items()}
    return sampled
