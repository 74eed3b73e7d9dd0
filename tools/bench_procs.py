"""A command run as a user runs it, with the peak memory of every process it starts.

`make site` is several processes, and how many changes as the build does (the generation forked,
perhaps in two; `mkdocs build`, perhaps in shards; beside it the search indexing that feeds
Pagefind's indexer; perhaps more later). So no list of expected names is kept: every member of
the command's process tree is sampled from /proc every few milliseconds (its high-water mark,
VmHWM), and once the command has ended each process gets a role (`roles`): from a word of its
command line (Pagefind, MkDocs run as a command), else from when it ran (the command's forked
copies: the generation first, then MkDocs and the search indexing side by side, told apart by
which one starts Pagefind), else from its parent (a shard MkDocs forks is MkDocs' work).
Whatever is left is named by its program, so a new kind of process shows in the report as a row
of its own instead of being missed. The command's own resident memory is sampled while MkDocs
runs: that is what "the generator is not resident while MkDocs builds" means in figures.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

POLL_SECONDS = 0.01
# Command-line words that say what a process is, first match wins (Pagefind's Python launcher
# and its binary both say "pagefind"; MkDocs and its shards say "mkdocs").
KNOWN = (("pagefind", "pagefind"), ("mkdocs", "mkdocs"), ("hugo", "hugo"))


@dataclass
class Sampled:
    """What one sampled run measured."""

    wall: float = 0.0
    cpu: float = 0.0  # user + system seconds of the command and every process it waited for
    status: int = 0
    peaks_mb: dict[str, float] = field(default_factory=dict)  # by role, the biggest of each
    seconds: dict[str, float] = field(default_factory=dict)  # by role: first seen to last seen
    cpu_by_role: dict[str, float] = field(default_factory=dict)  # by role: all its processes
    command_rss_during_mkdocs_mb: float = 0.0
    out: str = ""  # what the command printed


def _status(pid: int) -> dict[str, str]:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return {}
    return dict(line.split(":", 1) for line in lines if ":" in line)


def _kilobytes(value: str | None) -> float:
    return float(value.split()[0]) if value else 0.0


def rss_mb(pid: int) -> float:
    """A process's resident memory now (0 once it has ended)."""
    return _kilobytes(_status(pid).get("VmRSS")) / 1024


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float | None:
    """A process's CPU seconds so far (user + system), None once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def _children_of(pid: int) -> list[int]:
    """The processes `pid` started (any of its threads), from /proc/PID/task/TID/children:
    walking down from the command reads only its own tree, not every process of a shared
    machine, so sampling every few milliseconds costs little of the cores being measured."""
    found: list[int] = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for thread in threads:
        try:
            found.extend(
                int(c) for c in Path(f"/proc/{pid}/task/{thread}/children").read_text().split()
            )
        except OSError:
            continue
    return found


@dataclass
class Seen:
    """One process of the tree as the samples saw it."""

    parent: int
    line: str  # its command line when first seen
    first: float  # seconds after the start, first and last seen
    last: float
    peak_mb: float = 0.0
    cpu: float = 0.0  # CPU seconds when last seen (up to one sampling interval short)


def roles(root: int, seen: dict[int, Seen]) -> dict[int, str]:
    """What each process of the tree was, worked out once the command has ended.

    A command-line word says it first (`KNOWN`). The command's own forked copies (same command
    line) are its stages: those that started before the first of them ended are the generation
    (one process or several side by side); of the later ones, the one that starts Pagefind is the
    search indexing that feeds it, the others MkDocs (one, or its shards). Any other process
    does its parent's work, or, started by the command itself, is named by its program."""
    named: dict[int, str] = {root: "command"}
    root_line = seen[root].line if root in seen else ""
    forked = sorted(
        (pid for pid, s in seen.items() if s.parent == root and s.line == root_line),
        key=lambda pid: seen[pid].first,
    )
    first_end = min((seen[pid].last for pid in forked), default=0.0)
    feeds = {s.parent for s in seen.values() if "pagefind" in s.line}
    for pid in forked:
        if seen[pid].first < first_end or pid == forked[0]:
            named[pid] = "generation"
        else:
            named[pid] = "indexing" if pid in feeds else "mkdocs"

    def name(pid: int) -> str:
        if pid in named:
            return named[pid]
        process = seen[pid]
        found = next((role for word, role in KNOWN if word in process.line), None)
        if found is None and process.parent in seen and process.parent != root:
            found = name(process.parent)
        if found is None:
            found = process.line.split(" ", 1)[0].rsplit("/", 1)[-1] or "other"
        named[pid] = found
        return found

    for pid in sorted(seen, key=lambda pid: seen[pid].first):
        name(pid)
    return named


class TreeSampler:
    """Samples a running process and all its descendants in a thread of its own, until `stop`."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.start = time.perf_counter()
        self.seen: dict[int, Seen] = {}
        self.command_rss: list[tuple[float, float]] = []  # (seconds, MB) of the command itself
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.is_set():
            self.sample()
            time.sleep(POLL_SECONDS)

    def sample(self) -> None:
        now = time.perf_counter() - self.start
        members = [(self.pid, 0)]
        for pid, _parent in members:
            members.extend((child, pid) for child in _children_of(pid))
        for pid, parent in members:
            info = _status(pid)
            if not info or info.get("State", "").strip().startswith("Z"):
                continue  # gone, or ended and not yet waited for: not running any more
            process = self.seen.get(pid)
            if process is None:
                process = self.seen[pid] = Seen(parent, _cmdline(pid), now, now)
            process.last = now
            process.cpu = _cpu(pid) or process.cpu
            process.peak_mb = max(process.peak_mb, _kilobytes(info.get("VmHWM")) / 1024)
            if pid == self.pid:
                self.command_rss.append((now, _kilobytes(info.get("VmRSS")) / 1024))

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def by_role(self) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
        """Each role's biggest peak (MB), its seconds (first seen to last seen) and the CPU
        seconds of all its processes."""
        peaks: dict[str, float] = {}
        cpu: dict[str, float] = {}
        spans: dict[str, tuple[float, float]] = {}
        for pid, name in roles(self.pid, self.seen).items():
            process = self.seen.get(pid)
            if process is None:
                continue
            peaks[name] = max(peaks.get(name, 0.0), process.peak_mb)
            cpu[name] = cpu.get(name, 0.0) + process.cpu
            # A role's processes may nest or run side by side (Pagefind's launcher and its
            # binary; MkDocs' shards): its time is from the first seen to the last, not a sum.
            begun, ended = spans.get(name, (process.first, process.last))
            spans[name] = (min(begun, process.first), max(ended, process.last))
        seconds = {name: ended - begun for name, (begun, ended) in spans.items()}
        return peaks, seconds, cpu

    def command_mb_during(self, name: str) -> float:
        """The command's own biggest resident memory while processes of role `name` ran."""
        named = roles(self.pid, self.seen)
        spans = [(s.first, s.last) for pid, s in self.seen.items() if named.get(pid) == name]
        return max(
            (mb for at, mb in self.command_rss if any(a <= at <= b for a, b in spans)),
            default=0.0,
        )


def run_sampled(command: list[str], cwd: Path, env: dict[str, str]) -> Sampled:
    """Run `command` to its end, sampling its process tree."""
    sampled = Sampled()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    sampler = TreeSampler(process.pid)
    out, errors = process.communicate()  # while the sampler's thread samples
    sampler.stop()
    sampled.out = out.decode(errors="replace")
    sampled.wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampled.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampled.status = process.returncode
    if process.returncode != 0:
        raise RuntimeError(errors.decode(errors="replace")[-3000:])
    sampled.peaks_mb, sampled.seconds, sampled.cpu_by_role = sampler.by_role()
    sampled.command_rss_during_mkdocs_mb = sampler.command_mb_during("mkdocs")
    return sampled
