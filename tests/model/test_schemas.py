"""The JSON Schemas derive from the model, are committed up to date, and agree with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.model.schema import schema_line, schemas
from tests.conftest import MINI, MULTI, ROOT
from tools.check_schemas import schema_errors

# The test stories' files: content the tests own (the story's own files are checked by the
# pre-commit hook and `make check`, never by `make test`).
STORY_FILES = sorted(
    path.relative_to(ROOT)
    for story in (MINI, MULTI)
    for path in [*story.glob("content/**/*.yaml"), *story.glob("seeds/*.yaml")]
)


def test_committed_schemas_are_current():
    committed = {
        p.name: json.loads(p.read_text("utf-8")) for p in (ROOT / "schemas").glob("*.json")
    }
    assert committed == schemas(), "the model changed: run `make docs` and commit schemas/"


@pytest.mark.parametrize("relative", STORY_FILES, ids=lambda p: p.as_posix())
def test_each_test_story_file_is_valid_under_its_schema(relative: Path, tmp_path: Path):
    story = ROOT / Path(*relative.parts[:3])  # tests/fixtures/NAME
    inside = (ROOT / relative).relative_to(story)
    copy = tmp_path / inside
    copy.parent.mkdir(parents=True)
    text = (ROOT / relative).read_text(encoding="utf-8")
    copy.write_text(f"{schema_line(copy, tmp_path)}\n{text}", encoding="utf-8")
    assert schema_errors(copy) == []


def test_a_schema_error_is_located(tmp_path: Path):
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "topics.schema.json").write_text(
        json.dumps(schemas()["topics.schema.json"]), encoding="utf-8"
    )
    (tmp_path / "content").mkdir()
    bad = tmp_path / "content" / "topics.yaml"
    bad.write_text(
        "# yaml-language-server: $schema=../schemas/topics.schema.json\n"
        "- id: cost\n  name: 12\n  description: x\n",
        encoding="utf-8",
    )
    assert schema_errors(bad) == [f"{bad}:3:9: 'name' must be text, not the number 12"]


def test_the_schema_rejects_what_the_model_rejects():
    validator = Draft202012Validator(schemas()["people.schema.json"])
    good = {
        "id": "a",
        "name": "A",
        "role": None,
        "affiliation": None,
        "sources": [{"article": "x", "paragraph": 1}],
    }
    assert validator.is_valid([good])
    assert not validator.is_valid([{**good, "nmae": "typo"}])
    assert not validator.is_valid([{**good, "sources": [{"article": "x", "paragraph": 0}]}])
    assert not validator.is_valid([{**good, "id": "Not An Id"}])
