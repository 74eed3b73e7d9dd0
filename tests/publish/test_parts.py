"""A one-off `generate` renders its pages in several processes (publish/writing.py's
`write_parts`): what they write together is what one process writes, file for file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import generate
from generator.pages.rendering import part
from generator.project import Project
from generator.publish.writing import write_parts
from tests.conftest import MULTI, make_project, rendered, tree


def generated(root: Path, processes: int) -> list[str]:
    written, found = generate(Project.at(root), processes)
    assert found == [], found
    return written


def test_the_parts_are_every_file_each_once():
    paths = list(rendered(MULTI))
    for parts in (1, 2, 3):
        taken = [[p for p in paths if part(number, parts)(p)] for number in range(parts)]
        assert sorted(p for each in taken for p in each) == sorted(paths)
        assert all(each for each in taken)  # each process has work


def test_two_processes_write_the_files_one_writes(tmp_path):
    one, two = (make_project(MULTI, tmp_path / name) for name in ("one", "two"))
    written = generated(one, 1)
    assert generated(two, 2) == written
    assert tree(two / "build" / "docs") == tree(one / "build" / "docs")
    assert tree(two / "build" / "share") == tree(one / "build" / "share")
    search = [(root / "build" / "search.json").read_bytes() for root in (one, two)]
    assert search[0] == search[1]


def test_two_processes_rewrite_only_what_changed_and_remove_what_is_gone(tmp_path):
    root = make_project(MULTI, tmp_path / "multi")
    generated(root, 2)
    docs = Project.at(root).docs
    kept = docs / "glossary.md"
    before = kept.stat().st_mtime_ns
    (docs / "gone" / "deep").mkdir(parents=True)
    (docs / "gone" / "deep" / "page.md").write_text("left over", encoding="utf-8")
    Project.at(root).generated_from.unlink()  # the inputs have not changed: make it run
    assert generated(root, 2) == ["gone/deep/page.md"]
    assert not (docs / "gone").exists()
    assert kept.stat().st_mtime_ns == before


def pages(names: list[str]) -> Iterator[tuple[str, str]]:
    return ((name, f"text of {name}") for name in names)


def test_a_disk_problem_in_another_process_stops_the_run_with_its_file(tmp_path):
    (tmp_path / "blocked").write_text("a file where a folder is wanted", encoding="utf-8")

    def make(number: int, _parts: int) -> Iterator[tuple[str, str]]:
        return pages(["a.md"] if number == 0 else ["blocked/page.md"])

    with pytest.raises(OSError) as raised:
        write_parts(make, tmp_path, 2)
    assert "blocked" in str(raised.value)
    assert (tmp_path / "a.md").is_file()  # this process finished its part


def test_a_bug_in_another_process_is_raised_with_its_traceback(tmp_path):
    def make(number: int, _parts: int) -> Iterator[tuple[str, str]]:
        if number == 1:
            raise LookupError("no such section: nowhere")
        return pages(["a.md"])

    with pytest.raises(RuntimeError, match="LookupError: no such section: nowhere"):
        write_parts(make, tmp_path, 2)


def test_any_number_of_processes_write_their_parts(tmp_path):
    def make(number: int, _parts: int) -> Iterator[tuple[str, str]]:
        return pages([f"{number}.md"])

    assert write_parts(make, tmp_path, 3) == ["0.md", "1.md", "2.md"]
    assert (tmp_path / "2.md").read_text(encoding="utf-8") == "text of 2.md"
