"""`generate` after an edit renders only the pages whose inputs changed, from the record its
last run kept in build/ (generator/publish/recorded.py): the files it leaves are those of a
cold generation, edit after edit, and a record it cannot trust (forged, of other code, other
links, unreadable) or a page not as it was written only means more is rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import checked_story, generate, story_files
from generator.content.cachekey import cache_key
from generator.content.loading import collection_frozen
from generator.content.recorder import Recorder
from generator.model.records import RECORD_TYPES
from generator.project import Project
from generator.publish import recordfile
from generator.publish.recorded import Rendered, regenerate
from tests.conftest import MINI, make_project
from tests.live.test_incremental import (
    MINI_EDITS,
    MULTI,
    MULTI_EDITS,
    TEXT_EDITS,
    Change,
    apply,
    cold,
    generated,
)


def assert_as_cold(root: Path, steps: list[list[Change]], elsewhere: Path) -> None:
    """After each step, `generate` with the last run's record makes the bytes of a cold
    generation of the edited story and reports exactly the files whose bytes changed."""
    project = Project.at(root)
    assert generate(project)[1] == []
    assert not project.page_reads.exists()  # a first generation records nothing
    assert generate(Project.at(root, cached=False))[1] == []  # --no-cache: all, recorded
    for changes in steps:
        assert project.page_reads.is_file()  # the last run left its record
        before = generated(root)
        apply(root, changes)
        written, problems = generate(project)
        assert problems == []
        after = generated(root)
        assert after == cold(root, elsewhere), changes
        changed = {  # the pages MkDocs reads and the share pages beside them
            path.partition("/")[2]
            for path in before.keys() | after.keys()
            if path.startswith(("docs/", "share/")) and before.get(path) != after.get(path)
        }
        assert sorted(written) == sorted(changed), changes


@pytest.mark.parametrize("collection", [c.name for c in RECORD_TYPES])
def test_generate_after_edits_of_each_record_type_is_a_cold_run(collection, mini, tmp_path):
    assert_as_cold(mini, MINI_EDITS[collection], tmp_path / "cold")


def test_generate_after_edits_of_an_article_text_is_a_cold_run(mini, tmp_path):
    assert_as_cold(mini, TEXT_EDITS, tmp_path / "cold")


def test_generate_after_edits_of_a_story_of_many_sources_is_a_cold_run(tmp_path):
    root = make_project(MULTI, tmp_path / "multi")
    assert_as_cold(root, MULTI_EDITS, tmp_path / "cold")


def run(project: Project) -> Rendered:
    """One recorded generation, as `generate` makes it, with what it rendered."""
    secret = cache_key()
    assert secret is not None
    recorder = Recorder()
    linked, config, problems = checked_story(project, recorder)
    assert linked is not None and config is not None and problems == []
    with collection_frozen():
        carried = story_files(project, config)
        return regenerate(project, linked, config, recorder, carried=carried, secret=secret)


STATEMENT = ("content/statements.yaml", "context: On the bridge.", "context: On the vote.")


def test_one_edited_statement_renders_only_what_reads_it(mini):
    project = Project.at(mini)
    first = run(project)
    every = first.seconds["rendered"]
    assert every > 20
    assert run(project).seconds["rendered"] == 0  # nothing changed: nothing rendered
    apply(mini, [STATEMENT])
    again = run(project)
    assert 0 < again.seconds["rendered"] < every / 3
    assert "statements/index.md" in again.written


def docs(files: dict[str, bytes]) -> dict[str, bytes]:
    """The pages only (`run` does not write what `build.finish` writes)."""
    return {path: data for path, data in files.items() if path.startswith("docs/")}


def forge(project: Project) -> None:
    """The record with one byte changed after its seal."""
    data = bytearray(project.page_reads.read_bytes())
    data[-1] ^= 1
    project.page_reads.write_bytes(bytes(data))


def garbage(project: Project) -> None:
    project.page_reads.write_bytes(b"not a record")


def other_code(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recordfile, "code_version", lambda: "another generator")


def another_key(project: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-cache"))


def other_links(project: Project) -> None:
    with open(project.content / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {directory_urls: false}\n")


@pytest.mark.parametrize(
    "distrust",
    [
        lambda p, _m, _t: forge(p),
        lambda p, _m, _t: garbage(p),
        lambda p, m, _t: other_code(p, m),
        another_key,
        lambda p, _m, _t: other_links(p),
    ],
    ids=["forged", "unreadable", "other code", "another key", "other links"],
)
def test_a_record_not_to_trust_renders_every_page(distrust, mini, monkeypatch, tmp_path):
    project = Project.at(mini)
    every = run(project).seconds["rendered"]
    distrust(project, monkeypatch, tmp_path)
    apply(mini, [STATEMENT])
    assert run(project).seconds["rendered"] >= every
    assert docs(generated(mini)) == docs(cold(mini, tmp_path / "cold"))


def test_a_page_changed_removed_or_added_by_hand_is_made_again(mini, tmp_path):
    project = Project.at(mini)
    run(project)
    docs = project.docs
    (docs / "people" / "quill.md").write_text("edited by hand", encoding="utf-8")
    (docs / "topics" / "cost.md").unlink()
    (docs / "stray" / "left.md").parent.mkdir()
    (docs / "stray" / "left.md").write_text("not the story's", encoding="utf-8")
    apply(mini, [STATEMENT])
    written, problems = generate(project)
    assert problems == []
    assert {"people/quill.md", "topics/cost.md", "stray/left.md"} <= set(written)
    assert generated(mini) == cold(mini, tmp_path / "cold")
    assert not (docs / "stray").exists()


def test_a_run_cut_short_leaves_no_record(mini, monkeypatch):
    project = Project.at(mini)
    run(project)
    apply(mini, [STATEMENT])

    def full_disk(*_args: object) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("generator.publish.recorded.write_file", full_disk)
    with pytest.raises(OSError):
        generate(project)
    assert not project.page_reads.exists()


def test_without_the_cache_key_nothing_is_recorded(mini, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "no-home"))
    (tmp_path / "no-home").write_text("a file, not a folder")  # so no key can be made
    project = Project.at(mini)
    assert generate(project)[1] == []
    apply(mini, [STATEMENT])
    assert generate(project)[1] == []
    assert not project.page_reads.exists()
    assert generated(mini) == cold(mini, tmp_path / "cold")


def test_the_record_is_plain_sealed_data(mini):
    project = Project.at(mini)
    run(project)
    data = project.page_reads.read_bytes()
    assert data.startswith(recordfile.MAGIC)
    assert b"pickle" not in data and b"\x80\x04" not in data[:200]
    assert MINI.name  # the fixture story, never content/
