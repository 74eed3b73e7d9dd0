"""The commands as a contributor meets them: clear located errors, no traceback, nothing lost."""

from __future__ import annotations

from generator.cli import main
from generator.publish import site as publish_site
from tests.conftest import edit, run_cli, tree


def test_check_passes_on_good_content(mini):
    result = run_cli(mini, "check")
    assert result.returncode == 0
    assert result.stdout.startswith("Content OK: 1 article, 3 statements")


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


# Bad content through `check` and `build`, in process and through make:
# tests/content/test_bad_input.py.


def test_a_failing_mkdocs_build_leaves_the_last_good_site(built_mini, monkeypatch, capsys):
    before = tree(built_mini / "site")
    edit(built_mini, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Changed")
    monkeypatch.setattr(publish_site, "_mkdocs", lambda project, into: 1)  # as MkDocs failing does
    assert main(["--root", str(built_mini), "build"]) == 2
    assert "site/ was left as it was" in capsys.readouterr().err
    assert tree(built_mini / "site") == before
    assert not list(built_mini.glob(".site-*"))
