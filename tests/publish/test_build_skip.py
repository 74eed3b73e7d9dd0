"""A warm `make site` with nothing changed skips MkDocs and Pagefind (issue 13: the seed story's
`make site` under 2 s warm), and any change to what the site is built from builds it again.

Most tests stand a fake in for MkDocs and Pagefind (they only record that they ran), so what is
tested is the decision, fast; one builds the mini story for real."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import cli
from generator.project import Project
from generator.publish import site as publish_site
from tests.conftest import edit, png

UP_TO_DATE_LINE = "Nothing changed since the last build: site/ is up to date.\n"


class Runs:
    """The runs of the fake MkDocs, each recorded as a file: it runs in a child process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()

    def record(self) -> None:
        (self.folder / str(len(self) + 1)).touch()

    def __len__(self) -> int:
        return len(list(self.folder.iterdir()))


@pytest.fixture
def tool_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Runs:
    """MkDocs and Pagefind replaced by a fake that writes a page and records each run."""
    runs = Runs(tmp_path / "mkdocs-runs")

    def fake_mkdocs(project: Project, into: Path) -> int:
        runs.record()
        (into / "index.html").write_text("<p>built</p>", encoding="utf-8")
        return 0

    monkeypatch.setattr(publish_site, "_mkdocs", fake_mkdocs)
    monkeypatch.setattr(
        publish_site, "index_site", lambda records, site: (site / "pagefind").mkdir()
    )
    return runs


def run_build(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["--root", str(root), "build"])
    return status, capsys.readouterr().out


@pytest.fixture
def built_once(mini: Path, tool_runs: Runs, capsys: pytest.CaptureFixture[str]) -> Path:
    """The mini story built once (with the fake tools), so the next build is a warm one."""
    assert run_build(mini, capsys)[0] == 0
    assert len(tool_runs) == 1
    return mini


def test_a_second_build_with_nothing_changed_keeps_the_site_and_says_so(built_mini, capsys):
    assert run_build(built_mini, capsys)[0] == 0  # a copy of a built story: built again
    site = built_mini / "site"
    before = site.stat().st_ino
    (site / "assets" / "marker").write_text("left by the test", encoding="utf-8")
    status, out = run_build(built_mini, capsys)
    assert status == 0
    assert out.endswith(UP_TO_DATE_LINE)
    assert site.stat().st_ino == before
    assert (site / "assets" / "marker").read_text(encoding="utf-8") == "left by the test"


def test_nothing_changed_runs_neither_mkdocs_nor_pagefind(built_once, tool_runs, capsys):
    status, out = run_build(built_once, capsys)
    assert (status, len(tool_runs)) == (0, 1)
    assert out.endswith(UP_TO_DATE_LINE)


def test_a_content_edit_builds_the_site_again(built_once, tool_runs, capsys):
    edit(built_once, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Changed")
    status, out = run_build(built_once, capsys)
    assert (status, len(tool_runs)) == (0, 2)
    assert out.endswith("Built the site in site/\n")


def test_an_edit_of_the_site_settings_builds_the_site_again(built_once, tool_runs, capsys):
    with open(built_once / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {primary: teal}\n")
    assert run_build(built_once, capsys)[0] == 0
    assert len(tool_runs) == 2


def test_an_edited_logo_builds_the_site_again(built_once, tool_runs, capsys):
    logo = built_once / "logo.png"
    logo.write_bytes(png(note=b"first"))
    with open(built_once / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {logo: logo.png}\n")
    assert run_build(built_once, capsys)[0] == 0
    logo.write_bytes(png(note=b"second"))
    assert run_build(built_once, capsys)[0] == 0
    assert len(tool_runs) == 3
    assert (built_once / "build" / "docs" / "assets" / "story-logo.png").read_bytes() == png(
        note=b"second"
    )


@pytest.mark.parametrize("name", ["SITE_URL", "SOURCE_DATE_EPOCH"])
def test_an_environment_variable_that_changes_the_site_builds_it_again(
    built_once, tool_runs, capsys, monkeypatch, name
):
    monkeypatch.setenv(name, "https://news.example/story/" if name == "SITE_URL" else "1700000000")
    assert run_build(built_once, capsys)[0] == 0
    assert len(tool_runs) == 2


def test_site_url_set_after_a_plain_generation_reaches_the_mkdocs_settings(
    mini, monkeypatch, capsys
):
    assert cli.main(["--root", str(mini), "generate"]) == 0
    monkeypatch.setenv("SITE_URL", "https://news.example/story/")
    assert cli.main(["--root", str(mini), "generate"]) == 0
    settings = (mini / "build" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url: https://news.example/story/\n" in settings


@pytest.mark.parametrize("how", ["removed", "replaced"])
def test_a_site_folder_removed_or_replaced_is_built_again(built_once, tool_runs, capsys, how):
    site = built_once / "site"
    site.rename(built_once / "elsewhere")
    if how == "replaced":
        site.mkdir()
    assert run_build(built_once, capsys)[0] == 0
    assert len(tool_runs) == 2
    assert (site / "index.html").is_file()


def test_another_version_of_an_installed_tool_builds_the_site_again(
    mini, tool_runs, capsys, monkeypatch, tmp_path
):
    installed = tmp_path / "site-packages"
    (installed / "mkdocs-1.6.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(installed))
    assert run_build(mini, capsys)[0] == 0
    (installed / "mkdocs-1.6.0.dist-info").rename(installed / "mkdocs-1.6.1.dist-info")
    assert run_build(mini, capsys)[0] == 0
    assert len(tool_runs) == 2


def test_no_stamp_claims_the_site_while_mkdocs_builds(built_once, monkeypatch, capsys, tmp_path):
    stamp = built_once / "build" / "site-from"
    assert stamp.is_file()
    seen = tmp_path / "stamp-seen"

    def killed_mkdocs(project: Project, into: Path) -> int:
        seen.write_text(str(stamp.exists()), encoding="ascii")
        os._exit(9)  # as if MkDocs were killed here

    edit(built_once, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Changed")
    monkeypatch.setattr(publish_site, "_mkdocs", killed_mkdocs)
    assert run_build(built_once, capsys)[0] == 3
    assert seen.read_text(encoding="ascii") == "False"
    assert not stamp.exists()


def test_a_failed_build_after_a_good_one_is_built_again_next_time(
    built_once, tool_runs, monkeypatch, capsys
):
    good = publish_site._mkdocs
    edit(built_once, "content/people.yaml", "name: Ada Quill", "name: Ada Quill-Changed")
    monkeypatch.setattr(publish_site, "_mkdocs", lambda project, into: 1)
    assert run_build(built_once, capsys)[0] == 2
    monkeypatch.setattr(publish_site, "_mkdocs", good)
    status, out = run_build(built_once, capsys)
    assert (status, len(tool_runs)) == (0, 2)
    assert out.endswith("Built the site in site/\n")
