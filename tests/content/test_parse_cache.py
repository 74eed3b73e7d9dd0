"""The parse cache is data that cannot run (JSON), lives in the ignored build/ folder, and an
entry that is damaged, forged as pickle or from another parser is ignored and rebuilt. Each
entry is authenticated with a key kept outside the story, so an edited entry never changes what
is built, and without that key there is no cache. Parsed documents stay in memory only in a
process that asks (the live preview's Session)."""

from __future__ import annotations

import json
import os
import pickle
import stat
import subprocess
from pathlib import Path

import pytest

from generator.content import parsecache
from generator.content.document import Document
from generator.content.parsecache import from_json, to_json
from generator.content.problems import Mark
from generator.content.yamlsource import parse
from generator.live.incremental import Session
from generator.project import Project
from tests.conftest import ROOT, edit, problems, run_cli

YAML = b"- id: a\n  names: {'1': one}\n  list: [x, 2]\n"


def entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / "build" / "cache").rglob("*") if p.is_file())


def test_a_document_survives_the_round_trip_with_keys_and_indexes_apart():
    # A text key "1" and a list index 1, each with its own mark.
    document = Document(
        "content/x.yaml",
        [{"1": "one", "n": 1}, ["x", "y"]],
        values={
            (): Mark(1, 1),
            (0,): Mark(1, 3),
            (0, "1"): Mark(1, 9),
            (0, "n"): Mark(2, 6),
            (1,): Mark(3, 3),
            (1, 0): Mark(3, 4),
            (1, 1): Mark(3, 7),
        },
        keys={(0, "1"): Mark(1, 4), (0, "n"): Mark(2, 3)},
    )
    again = from_json(to_json(document), "content/x.yaml")
    assert again == document
    assert again is not None and list(again.values) == list(document.values)
    assert [type(part) for loc in again.values for part in loc] == [
        *(int, int, str, int, str),
        *(int, int, int, int, int),
    ]
    assert (again.mark((1,)), again.mark((1, 1)), again.mark((0, "n"), key=True)) == (
        Mark(3, 3),
        Mark(3, 7),
        Mark(2, 3),
    )


def test_a_parsed_file_survives_the_round_trip():
    document, _problems = parse(YAML, "content/x.yaml")
    assert document is not None
    assert from_json(to_json(document), "content/x.yaml") == document


def test_the_cache_is_json_under_build(mini):
    assert problems(mini) == []
    assert entries(mini)
    assert all(entry.suffix == ".json" for entry in entries(mini))
    for entry in entries(mini):
        assert sorted(json.loads(entry.read_bytes())) == ["entry", "mac"]


def forge(root: Path, real: str, forged: str) -> None:
    """Edit the cache entry holding `real` to say `forged`, as a pull request could."""
    holding = [e for e in entries(root) if real.encode() in e.read_bytes()]
    assert len(holding) == 1
    holding[0].write_bytes(holding[0].read_bytes().replace(real.encode(), forged.encode()))


def test_an_edited_entry_never_changes_what_is_published(mini):
    real = "Norland will not pay for any part of the bridge."
    assert run_cli(mini, "generate").returncode == 0
    forge(mini, real, "Norland will pay for all of the bridge.")
    edit(mini, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Moss")  # pages again
    assert run_cli(mini, "generate").returncode == 0
    listing = (mini / "build" / "docs" / "statements" / "index.md").read_text(encoding="utf-8")
    assert "Quill-Moss" in listing
    assert real in listing and "pay for all of" not in listing


def test_an_edited_entry_never_changes_what_check_reads(mini):
    assert problems(mini) == []
    forge(mini, "We will open the bridge", "We will close the bridge")
    result = run_cli(mini, "check")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Content OK:")


def test_the_key_is_made_once_readable_by_its_owner_alone(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))
    assert run_cli(mini, "check").returncode == 0
    key = tmp_path / "cache-home" / "explainer" / "cache-key"
    made = key.read_bytes()
    assert (len(made), stat.S_IMODE(key.stat().st_mode)) == (32, 0o600)
    assert entries(mini)
    assert run_cli(mini, "check").returncode == 0
    assert key.read_bytes() == made


@pytest.mark.parametrize("case", ["no place for a key", "a key others can read"])
def test_without_a_key_of_its_own_there_is_no_cache(mini, tmp_path, monkeypatch, case):
    home = tmp_path / "cache-home"
    if case == "no place for a key":
        home.write_text("a file, not a folder\n", encoding="utf-8")
    else:
        (home / "explainer").mkdir(parents=True)
        (home / "explainer" / "cache-key").write_bytes(os.urandom(32))
        (home / "explainer" / "cache-key").chmod(0o644)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    result = run_cli(mini, "check")
    assert (result.returncode, result.stderr) == (0, "")
    assert entries(mini) == []


def test_a_pickle_in_the_cache_is_never_loaded(mini, tmp_path):
    assert problems(mini) == []
    proof = tmp_path / "ran"
    payload = pickle.dumps(Runs(str(proof)))
    for entry in entries(mini):
        entry.write_bytes(payload)
        entry.with_suffix(".pickle").write_bytes(payload)
    assert problems(mini) == []
    assert not proof.exists()


class Runs:
    """A pickle that runs a command when it is loaded."""

    def __init__(self, proof: str) -> None:
        self.proof = proof

    def __reduce__(self):
        return (subprocess.call, (["touch", self.proof],))


@pytest.mark.parametrize(
    "damage",
    [b"", b"{", b"[]", b'{"version": "other"}', b"\xff\xfe", b'{"format": 1, "values": 3}'],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(mini, damage):
    assert problems(mini) == []
    for entry in entries(mini):
        entry.write_bytes(damage)
    assert problems(mini) == []
    assert all(entry.read_bytes() != damage for entry in entries(mini))


def test_an_entry_from_another_parser_is_not_used(mini):
    assert problems(mini) == []
    for entry in entries(mini):
        text = entry.read_text(encoding="utf-8").replace("Ada Quill", "Someone Else")
        entry.write_text(text.replace(parsecache.VERSION, "another parser"), encoding="utf-8")
    assert run_cli(mini, "generate").returncode == 0
    person = (mini / "build" / "docs" / "people" / "quill.md").read_text(encoding="utf-8")
    assert "Ada Quill" in person and "Someone Else" not in person


def test_the_cache_never_writes_through_a_link(mini, tmp_path):
    assert problems(mini) == []
    outside = tmp_path / "outside"
    outside.mkdir()
    for entry in entries(mini):  # at the name of the file each entry is written to first
        entry.unlink()
        entry.with_name(f".{entry.name}.{os.getpid()}.tmp").symlink_to(outside / entry.name)
    assert problems(mini) == []
    assert list(outside.iterdir()) == []
    assert entries(mini)


def test_git_ignores_build_and_site_at_any_story_root():
    paths = ["build/cache/ab/x.json", "sandbox/build/lock", "tests/fixtures/mini/site/index.html"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines() == paths


def test_no_build_output_is_committed():
    listed = subprocess.run(
        ["git", "ls-files", "--", "*/build/*", "build/*", "*.pickle"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert listed.stdout == ""


def kept_under(root: Path) -> list[Path]:
    return [entry for entry in parsecache._KEPT if root in entry.parents]


def test_a_one_off_check_keeps_no_parsed_document_in_memory(mini):
    # A one-off run holding a big story's parse while its pages are made cost ~100 MB.
    assert problems(mini) == []
    assert entries(mini)
    assert kept_under(mini) == []


def test_a_session_keeps_its_parsed_documents_for_the_next_save(mini):
    _, found = Session(Project.at(mini)).regenerate()
    assert found == []
    assert sorted(kept_under(mini)) == sorted(entries(mini))


def test_a_session_keeps_only_the_documents_of_the_story_as_it_is(mini):
    # Each save of a file parses a new version of it; keeping the earlier ones grew a preview
    # of a big story by a megabyte or more a save.
    session = Session(Project.at(mini))
    assert session.regenerate()[1] == []
    first = set(kept_under(mini))
    for name in ("Ada Quillon", "Ada Quillan"):
        path = mini / "content" / "people.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("name: Ada Quill", f"name: {name}", 1),
            encoding="utf-8",
        )
        assert session.regenerate()[1] == []
    kept = set(kept_under(mini))
    assert len(entries(mini)) == len(first) + 2  # each version of people.yaml was parsed
    assert len(kept) == len(first) and len(kept - first) == 1  # only its last is kept
