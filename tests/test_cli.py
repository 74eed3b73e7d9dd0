"""The commands as a contributor meets them: clear located errors, no traceback, nothing lost."""

from __future__ import annotations

import pytest

from tests.conftest import edit, run_cli, tree


def test_check_passes_on_good_content(mini):
    result = run_cli(mini, "check")
    assert result.returncode == 0
    assert result.stdout.startswith("Content OK: 1 article(s), 3 statements")


def test_check_shows_location_source_line_and_caret(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quil]")
    result = run_cli(mini, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == [
        "content/statements.yaml:3:14: unknown person, group or country 'quil': did you mean "
        "'quill'? Otherwise add it to content/people.yaml, groups.yaml or countries.yaml",
        "      speakers: [quil]",
        "                 ^",
    ]
    assert "1 problem found." in result.stderr
    assert "Traceback" not in result.stderr


BAD_INPUTS = {
    "yaml syntax": ("content/topics.yaml", "name: Cost", "name: [Cost"),
    "tab": ("content/topics.yaml", "  name: Cost", "\tname: Cost"),
    "wrong type": ("content/people.yaml", "name: Ada Quill", "name: 42"),
    "unknown key": ("content/people.yaml", "role: Mayor", "rol: Mayor"),
    "bad quotation": ("content/statements.yaml", "far too expensive", "far too costly"),
    "bad date": ("content/story.yaml", "2026-11-20", "next week"),
    "not utf-8": ("content/topics.yaml", "Cost", "Co\udce9t"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_fails_the_build_and_leaves_the_last_good_site(mini, name):
    assert run_cli(mini, "build").returncode == 0
    site_before = tree(mini / "site")
    docs_before = tree(mini / "build" / "docs")
    path, old, new = BAD_INPUTS[name]
    target = mini / path
    text = target.read_text(encoding="utf-8").replace(old, new, 1)
    target.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    result = run_cli(mini, "build")
    assert result.returncode == 1
    assert f"{path}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(mini / "site") == site_before
    assert tree(mini / "build" / "docs") == docs_before


def test_a_failing_mkdocs_build_leaves_the_last_good_site(mini):
    assert run_cli(mini, "build").returncode == 0
    before = tree(mini / "site")
    edit(mini, "mkdocs.yml", "  - Tags: tags.md\n", "  - Tags: tags.md\n  - Missing: missing.md\n")
    result = run_cli(mini, "build")
    assert result.returncode == 2
    assert "site/ was left as it was" in result.stderr
    assert tree(mini / "site") == before
    assert not list(mini.glob(".site-*"))
