"""ARCHITECTURE.md's "Adding a record type", followed to the letter on a copy of the code:
a record type added as one class, one registry row and one template reaches its pages, its
JSON-LD, the search index, the downloads, the schemas and the reference, and a story without
the new file still builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.publish.pagefind import indexed
from tests.conftest import MINI, make_project
from tests.pages.test_structured_data import types_on
from tests.walkthrough import code_blocks, copy_of_the_code, run

SECTION = "## Adding a record type"
DOCUMENT = """- id: bridge-survey
  title: Survey of the Old Bridge
  sources: [{article: fic-bridge, paragraph: 1}]
"""

# It runs the generator on a copy of the code: not part of `make test-fast`.
pytestmark = pytest.mark.build


def follow_the_example(code: Path) -> None:
    """Copies the generator (and the files `make docs` rewrites) and makes the three edits."""
    copy_of_the_code(code)
    record_class, row, template = code_blocks(SECTION)
    model = code / "generator" / "model" / "records.py"
    text = model.read_text(encoding="utf-8")
    above = "@dataclass(frozen=True)\nclass Collection:"
    text = text.replace(above, f"{record_class}\n\n\n{above}", 1)
    start = text.index("COLLECTIONS: tuple[Collection, ...] = (")
    end = text.index("\n)  # fmt: skip", start)
    row = "\n".join("    " + line for line in f"{row},".splitlines())
    text = text[:end] + "\n" + row + text[end:]
    model.write_text(text, encoding="utf-8")
    (code / "generator" / "pages" / "templates" / "document.md.j2").write_text(
        template + "\n", "utf-8"
    )


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The changed code, and a copy of the test story, before its new file is added."""
    folder = tmp_path_factory.mktemp("code-example")
    follow_the_example(folder / "code")
    for command in ("docs", "schemas"):
        done = run(folder / "code", command)
        assert done.returncode == 0, done.stderr
    return folder / "code", make_project(MINI, folder / "story")


def test_the_example_has_a_class_a_row_and_a_template():
    assert [block.split("\n", 1)[0] for block in code_blocks(SECTION)] == [
        "class Document(Record):",
        "Collection(",
        '{% import "_macros.md.j2" as m with context %}',
    ]


def test_make_docs_adds_the_type_to_the_schemas_and_the_reference(example):
    code, _story = example
    assert (code / "schemas" / "documents.schema.json").is_file()
    reference = (code / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "### `content/documents.yaml`" in reference


def test_a_story_without_the_new_file_has_none_of_its_records(example):
    code, story = example
    done = run(code, "--root", str(story), "check")
    assert done.returncode == 0, done.stderr
    assert "Content OK" in done.stdout


def test_the_new_records_get_pages_json_ld_search_and_downloads(example):
    code, story = example
    (story / "content" / "documents.yaml").write_text(DOCUMENT, encoding="utf-8")
    done = run(code, "--root", str(story), "build")
    assert done.returncode == 0, done.stderr
    site = story / "site"
    page = (site / "documents" / "bridge-survey" / "index.html").read_text(encoding="utf-8")
    assert "Survey of the Old Bridge" in page
    assert 'href="../../sources/article/#p-1"' in page
    assert "CreativeWork" in types_on(site, "documents/bridge-survey")
    assert "documents/bridge-survey/" in {record["href"] for record in indexed(site)}
    facts = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in facts["documents"]] == ["bridge-survey"]
