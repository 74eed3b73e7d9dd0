"""Reading a story folder: a file that fails to parse is reported once, YAML tags are refused
where they are written, and a folder in no known place is refused, never skipped."""

from __future__ import annotations

import pytest

from tests.conftest import edit, problems, run_cli


def test_a_required_file_that_fails_to_parse_is_not_also_reported_missing(mini):
    path = mini / "content" / "story.yaml"
    line = len(path.read_text(encoding="utf-8").splitlines()) + 1  # the line appended
    with path.open("ab") as story:
        story.write("\u202e\n".encode())
    assert problems(mini) == [
        f"content/story.yaml:{line}:1: this file contains the invisible character U+202E "
        "(RIGHT-TO-LEFT OVERRIDE): delete it"
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!python/name:os.system x", "!!python/name:os.system"),
        ("!custom Cost", "!custom"),
        ("!!set {a, b}", "!!set"),
        ("!!omap [a: 1]", "!!omap"),
        ("!<tag:example.com,2000:x> Cost", "!<tag:example.com,2000:x>"),
    ],
)
def test_a_yaml_tag_is_refused_where_it_is_written(mini, written, shown):
    edit(mini, "content/topics.yaml", "name: Cost", f"name: {written}")
    assert problems(mini) == [
        f"content/topics.yaml:2:9: YAML tags such as {shown} are not allowed in content: "
        "write the value as plain text"
    ]


def test_the_plain_core_tags_are_still_allowed(mini):
    edit(mini, "content/topics.yaml", "name: Cost", "name: !!str Cost")
    assert problems(mini) == []


def test_a_folder_named_like_a_content_file_is_refused(mini):
    (mini / "content" / "corrections.yaml").unlink()
    (mini / "content" / "corrections.yaml").mkdir()
    assert problems(mini) == [
        "content/corrections.yaml:0:0: this is a folder, but content/corrections.yaml must be a "
        "file, so nothing here is read: replace it with the file, or name the folder "
        "content/corrections/"
    ]


def test_a_folder_in_no_known_place_under_content_is_refused(mini):
    (mini / "content" / "people" / "old").mkdir(parents=True)
    assert [p.split(": the folders")[0] for p in problems(mini)] == [
        "content/people/old:0:0: this folder is in no known place, so nothing in it would be read"
    ]


def test_a_folder_in_seeds_is_refused(mini):
    (mini / "seeds" / "dir.txt").mkdir()
    assert problems(mini) == [
        "seeds/dir.txt:0:0: seeds/ holds no folders, only article texts (ID.txt) beside their "
        "sidecars (ID.yaml), so nothing in this folder is read: move its articles up into "
        "seeds/, or delete it"
    ]


def test_a_folder_added_after_a_good_run_is_not_skipped_as_unchanged(mini):
    assert run_cli(mini, "generate").returncode == 0
    (mini / "seeds" / "dir.txt").mkdir()
    result = run_cli(mini, "generate")
    assert result.returncode != 0 and "seeds/dir.txt:0:0: seeds/ holds no folders" in result.stderr


def test_a_collection_may_have_both_a_file_and_a_folder(mini):
    more = mini / "content" / "topics" / "more.yaml"
    more.parent.mkdir()
    more.write_text("- id: timing\n  name: Timing\n  description: When.\n", encoding="utf-8")
    assert problems(mini) == []
