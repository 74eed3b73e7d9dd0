"""`build` generates in a process of its own, which ends before MkDocs starts: the generator's
memory is not held while MkDocs builds (issue 13). What it prints and its status still reach the
command as if it had run in the command's own process."""

from __future__ import annotations

import os
import signal
import sys

from generator import cli
from generator.publish.apart import apart
from tests.conftest import tree


def test_work_runs_in_another_process_and_its_output_and_status_come_back(tmp_path, capsys):
    def work() -> int:
        print(f"generated in {os.getpid()}")
        print("one warning", file=sys.stderr)
        return 7

    assert apart(work, tmp_path) == 7
    out, err = capsys.readouterr()
    assert out.startswith("generated in ") and out != f"generated in {os.getpid()}\n"
    assert err == "one warning\n"


def test_a_machine_problem_in_the_work_is_one_line(tmp_path, capsys):
    def work() -> int:
        raise OSError(28, "No space left on device", str(tmp_path / "build" / "docs" / "x.md"))

    assert apart(work, tmp_path) == 3
    assert capsys.readouterr().err == (
        "build/docs/x.md: No space left on device: the disk is full: free some space, then run "
        "again; the last good site/ is unchanged.\n"
    )


def test_build_generates_apart_and_a_killed_generation_keeps_the_site(
    built_mini, monkeypatch, capsys
):
    site = tree(built_mini / "site")

    def killed(_project):
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(cli, "generate", killed)
    assert cli.main(["--root", str(built_mini), "build"]) == 3
    assert capsys.readouterr().err == (
        "python -m generator: generation stopped unexpectedly (exit status -9): run it again; "
        "the last good site/ is unchanged.\n"
    )
    assert tree(built_mini / "site") == site
