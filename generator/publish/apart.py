"""Work done in a forked process of its own, so that the memory it takes is returned to the
system when it ends: `build` generates this way, then runs MkDocs from a small process.

What the work prints reaches this process's stdout and stderr as if it had run here (tests that
capture them see the same text), and its exit status is returned.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.runfailed import RunFailed

CANNOT_RUN = 3


def apart(work: Callable[[], int], root: Path) -> int:
    """`work()`'s status, run in a child process; machine problems (a full disk…) are reported
    as the command line reports them, with the same status."""
    return start(work, root).result()


def start(work: Callable[[], int], root: Path, what: str = "generation") -> Child:
    """`work()` started in a child process, which goes on while this one does other work."""
    sys.stdout.flush()
    sys.stderr.flush()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(reader)
        _child(work, root, writer)
    os.close(writer)
    return Child(pid, reader, what)


@dataclass(frozen=True)
class Child:
    """Work going on in a child process."""

    pid: int
    reader: int
    what: str  # what the work is, for the message when the child dies

    def outcome(self) -> tuple[int, str, str]:
        """Waits for the work: its status and what it printed to stdout and stderr."""
        with open(self.reader, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        try:
            code, out, err = json.loads(payload)
        except ValueError:
            died = os.waitstatus_to_exitcode(status)
            return (
                CANNOT_RUN,
                "",
                (
                    f"python -m generator: {self.what} stopped unexpectedly (exit status {died}): "
                    "run it again; the last good site/ is unchanged.\n"
                ),
            )
        return int(code), out, err

    def result(self) -> int:
        """Waits for the work, prints what it printed, and returns its status."""
        code, out, err = self.outcome()
        sys.stdout.write(out)
        sys.stderr.write(err)
        return code


def _child(work: Callable[[], int], root: Path, writer: int) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = CANNOT_RUN
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = work()
            except OSError as error:
                print(RunFailed.of(error, root), file=sys.stderr)
            except RunFailed as failure:
                print(failure, file=sys.stderr)
            except BaseException:  # a bug, or an interrupt: shown, as it would be in-process
                traceback.print_exc()
                code = 1
        with open(writer, "w", encoding="utf-8") as pipe:
            json.dump([code, out.getvalue(), err.getvalue()], pipe)
    finally:
        os._exit(0)
