"""`new-article` on a story that lacks content files: what it creates is valid as it stands,
and a record appended to it, as CONTRIBUTING shows, is read with no other edit."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINI, make_project, problems, run_cli

ARTICLE = MINI / "seeds" / "fic-bridge.txt"
TAG = "- id: ferry\n  tag: ferry\n  sources: [{article: fic-second, paragraph: 1}]\n"


def story_without(tmp_path: Path, *names: str) -> Path:
    root = make_project(MINI, tmp_path / "story")
    for name in names:
        (root / "content" / name).unlink()
    return root


def add_article(root: Path, *options: str) -> None:
    result = run_cli(root, "new-article", str(ARTICLE), "--id", "fic-second", *options)
    assert result.returncode == 0, result.stderr


def test_the_files_new_article_creates_are_valid_as_they_stand(tmp_path):
    root = story_without(tmp_path, "tags.yaml", "corrections.yaml")
    add_article(root)
    assert (
        (root / "content" / "tags.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schemas/tags.schema.json\n")
    )
    assert problems(root) == []


def test_a_record_appended_to_a_created_file_is_read(tmp_path):
    root = story_without(tmp_path, "tags.yaml")
    add_article(root)
    with (root / "content" / "tags.yaml").open("a", encoding="utf-8") as tags:
        tags.write(TAG)
    assert problems(root) == []


def test_an_empty_story_file_is_refused_with_its_place(tmp_path):
    root = make_project(MINI, tmp_path / "story")
    (root / "content" / "story.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert problems(root) == [
        "content/story.yaml:0:0: the file is empty: write its fields (CONTRIBUTING.md lists them)"
    ]


def test_the_label_option_sets_the_editors_description(tmp_path):
    root = make_project(MINI, tmp_path / "story")
    add_article(root, "--title", "Bridge to close", "--label", "Council vote on the old bridge")
    sidecar = (root / "seeds" / "fic-second.yaml").read_text(encoding="utf-8")
    assert 'label: "Council vote on the old bridge"\n' in sidecar
    assert 'title: "Bridge to close"\n' in sidecar
