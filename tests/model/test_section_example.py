"""ARCHITECTURE.md's "Adding a section" walkthrough, followed to the letter on a copy of the
code: one registry row and one template make a page that is built, stands in the navigation
and passes `verify`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.project import Project
from tests.conftest import MINI, make_project
from tests.pages.test_structured_data import types_on
from tests.walkthrough import code_blocks, copy_of_the_code, run

pytestmark = pytest.mark.build  # it builds a whole site, as `make test-fast` does not

SECTION = "## Adding a section"


def follow_the_example(code: Path) -> None:
    """Copies the generator and makes the two edits: the row at the registry's end, the
    template under the name the row gives it."""
    copy_of_the_code(code)
    row, template = code_blocks(SECTION)
    registry = code / "generator" / "model" / "sections.py"
    text = registry.read_text(encoding="utf-8")
    end = text.index("\n)  # fmt: skip", text.index("SECTIONS: tuple[Section, ...] = ("))
    registry.write_text(f"{text[:end]}\n    {row},{text[end:]}", encoding="utf-8")
    name = re.search(r'"(\w+\.md\.j2)"', row)
    assert name is not None, row
    (code / "generator" / "pages" / "templates" / name[1]).write_text(template + "\n", "utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the test story, built with the changed code (in `code` beside it)."""
    folder = tmp_path_factory.mktemp("architecture-example")
    follow_the_example(folder / "code")
    story = make_project(MINI, folder / "story")
    done = run(folder / "code", "--root", str(story), "build")
    assert done.returncode == 0, done.stderr
    return story


def test_the_example_is_a_row_and_a_template():
    row, template = code_blocks(SECTION)
    assert row.startswith('Section("reading", "reading.md", "reading.md.j2",')
    assert template.startswith('{% import "_macros.md.j2" as m with context %}')


def test_the_new_section_is_rendered_and_built(built: Path):
    assert (Project.at(built).docs / "reading.md").is_file()
    page = (built / "site" / "reading" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../methodology/">methodology</a>' in page
    assert types_on(built / "site", "reading") == {"WebPage"}


def test_the_new_section_stands_in_the_navigation(built: Path):
    generated = yaml.safe_load(Project.at(built).generated_config.read_text("utf-8"))
    about = next(entry["About"] for entry in generated["nav"] if "About" in entry)
    assert about[-1] == {"Reading list": "reading.md"}
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="reading/"[^>]*>\s*(<span[^>]*>\s*)?Reading list', home)


def test_the_site_with_the_new_section_passes_verify(built: Path):
    done = run(built.parent / "code", "--root", str(built), "verify")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Site OK: ")
