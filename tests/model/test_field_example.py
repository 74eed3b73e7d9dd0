"""ARCHITECTURE.md's "Adding a field", followed to the letter on a copy of the code: one line
in a record's class and one in its template reach validation, the schema, the reference and
the page, and a story written before the field still checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINI, make_project
from tests.walkthrough import code_blocks, copy_of_the_code, run

SECTION = "## Adding a field"

# It runs the generator on a copy of the code: not part of `make test-fast`.
pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The changed code (with `make docs` run), and a copy of the test story."""
    code = copy_of_the_code(tmp_path_factory.mktemp("field-example") / "code")
    field, template_line = code_blocks(SECTION)
    records = code / "generator" / "model" / "records.py"
    text = records.read_text(encoding="utf-8")
    anchor = '    description: Text = Field(description="One sentence on what it covers.")\n'
    assert text.count(anchor) == 1
    indented = "".join("    " + line + "\n" for line in field.splitlines())
    records.write_text(text.replace(anchor, anchor + indented), encoding="utf-8")
    template = code / "generator" / "pages" / "templates" / "topic.md.j2"
    text = template.read_text(encoding="utf-8")
    lead = '<p class="xp-lead">{{ topic.description|gloss }}</p>\n'
    assert text.count(lead) == 1
    template.write_text(text.replace(lead, lead + template_line + "\n"), encoding="utf-8")
    for command in ("docs", "schemas"):
        done = run(code, command)
        assert done.returncode == 0, done.stderr
    return code, make_project(MINI, code.parent / "story")


def test_the_example_has_a_field_and_a_template_line():
    assert [block.split("\n", 1)[0] for block in code_blocks(SECTION)] == [
        "note: Text | None = Field(",
        '{% if topic.note %}<p class="xp-note">{{ topic.note|gloss }}</p>{% endif %}',
    ]


def test_make_docs_puts_the_field_in_the_schema_and_the_reference(example):
    code, _story = example
    schema = json.loads((code / "schemas" / "topics.schema.json").read_text(encoding="utf-8"))
    assert "note" in json.dumps(schema)
    reference = (code / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "An editors' note shown under the description, if any." in reference


def test_a_story_written_before_the_field_still_checks(example):
    code, story = example
    done = run(code, "--root", str(story), "check")
    assert done.returncode == 0, done.stderr


def test_the_field_is_validated_like_any_other(example):
    code, story = example
    topics = story / "content" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "  note: [not, text]\n", "utf-8")
    done = run(code, "--root", str(story), "check")
    assert done.returncode == 1
    assert "topics.yaml:" in done.stderr
    assert "note" in done.stderr


def test_the_field_reaches_its_page_as_text(tmp_path, example):
    code, _story = example
    story = make_project(MINI, tmp_path / "story")
    topics = story / "content" / "topics.yaml"
    topics.write_text(
        topics.read_text(encoding="utf-8") + "  note: Figures <b>differ</b>.\n", "utf-8"
    )
    done = run(code, "--root", str(story), "generate")
    assert done.returncode == 0, done.stderr
    page = next((story / "build" / "docs" / "topics").glob("*.md")).read_text(encoding="utf-8")
    assert '<p class="xp-note">Figures &lt;b&gt;differ&lt;/b&gt;.</p>' in page
