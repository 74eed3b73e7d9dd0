"""The share pages (`said/<id>/`, one per statement) never pass through MkDocs: generation
writes them to build/share, beside the pages MkDocs reads, and `build` links them into the new
site after MkDocs (generator/publish/sharepages.py). The site is the same as when MkDocs copied
them; an edit reaches them; a failure while placing them leaves the last good site."""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest

from generator import cli
from generator.build import check, generate
from generator.live.server import Preview, regenerator
from generator.model import urls
from generator.project import Project
from generator.publish import sharepages
from tests.conftest import edit, tree
from tests.publish.test_build_robust import FULL_DISK

QUILL = "said/quill-before-winter/index.html"
NAME = "name: Ada Quill\n"  # her name is on her statements' share pages
RENAMED = "name: Ada Quillon\n"


def share_files(root: Path) -> set[str]:
    """What the story's statements need: one share page each, as the generator names them."""
    linked, problems = check(Project.at(root))
    assert linked is not None and problems == []
    scheme = urls.Scheme(directory_urls=linked.story.site.directory_urls)
    return {urls.share_file(s, scheme) for s in linked.graph.statements.values()}


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fixture", ["mini_site", "mini_file_urls"])
def test_share_pages_are_in_the_site_and_not_in_what_mkdocs_reads(fixture, request):
    root = request.getfixturevalue(fixture)
    project = Project.at(root)
    wanted = share_files(root)
    assert wanted and all(path.startswith("said/") for path in wanted)
    assert not (project.docs / "said").exists()
    assert files(project.share) == wanted
    for path in wanted:  # the very bytes the generator wrote
        assert (project.site / path).read_bytes() == (project.share / path).read_bytes()
    assert {p for p in files(project.site) if p.startswith("said/")} == wanted


def test_every_link_into_a_share_page_lands_on_one_the_generator_wrote(mini_site):
    """MkDocs never checked these links (they are raw HTML, which it does not read): the
    generator writes a share page for every statement, so every card's link finds one."""
    project = Project.at(mini_site)
    wanted = share_files(mini_site)
    linked = 0
    for page in project.docs.rglob("*.md"):
        here = page.relative_to(project.docs).as_posix()
        folder = urls.url_of(here)
        for href in re.findall(r'href="([^"#]*said/[^"#]*)"', page.read_text(encoding="utf-8")):
            target = os.path.normpath(os.path.join(folder, href)) + "/index.html"
            assert target in wanted, (here, href)
            linked += 1
    assert linked >= len(wanted)


def test_an_edited_statement_reaches_its_share_page_in_the_site(mini, capsys):
    assert cli.main(["--root", str(mini), "build"]) == 0
    assert "Ada Quillon" not in (mini / "site" / QUILL).read_text(encoding="utf-8")
    edit(mini, "content/people.yaml", NAME, RENAMED)
    assert cli.main(["--root", str(mini), "build"]) == 0
    assert "Ada Quillon" in (mini / "site" / QUILL).read_text(encoding="utf-8")
    # The site keeps its own bytes: generation replaces a changed file, never writes into it.
    assert (mini / "site" / QUILL).read_bytes() == (mini / "build" / "share" / QUILL).read_bytes()
    capsys.readouterr()


def test_removed_share_pages_are_generated_again_not_taken_as_done(mini, capsys):
    """The generation fingerprint stands for build/share as for build/docs: a build/share gone
    means generation is not done, so the site is never built without its share pages."""
    project = Project.at(mini)
    assert generate(project)[1] == []
    shutil.rmtree(project.share)
    assert cli.main(["--root", str(mini), "build"]) == 0
    assert files(project.share) == share_files(mini)
    assert (mini / "site" / QUILL).is_file()
    capsys.readouterr()


def test_share_pages_an_older_generator_left_in_build_docs_are_removed(mini):
    project = Project.at(mini)
    assert generate(project)[1] == []
    shutil.copytree(project.share / "said", project.docs / "said")  # as an older build wrote
    project.generated_from.unlink()
    written, problems = generate(project)
    assert problems == []
    assert not (project.docs / "said").exists()
    assert {p for p in written if p.startswith("said/")} == share_files(mini)
    assert files(project.share) == share_files(mini)


def test_share_pages_are_copied_where_they_cannot_be_linked(mini, monkeypatch, capsys):
    links = []

    def across_filesystems(source, target, **_):
        links.append(target)
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), target)

    monkeypatch.setattr(os, "link", across_filesystems)
    assert cli.main(["--root", str(mini), "build"]) == 0
    assert len(links) == 1  # tried once, then copied
    assert files(mini / "site") >= share_files(mini)
    assert (mini / "site" / QUILL).stat().st_nlink == 1
    assert (mini / "site" / QUILL).read_bytes() == (mini / "build" / "share" / QUILL).read_bytes()
    capsys.readouterr()


def test_a_full_disk_while_placing_share_pages_is_one_line_and_keeps_the_site(
    built_mini, monkeypatch, capsys
):
    edit(built_mini, "content/people.yaml", "Mayor of Exampleton", "Mayor of Exampleton Town")
    site = tree(built_mini / "site")
    linking = os.link

    def full(source, target, **kwargs):
        if ".site-share-" in str(target) and "quill" in str(target):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), target)
        linking(source, target, **kwargs)

    monkeypatch.setattr(os, "link", full)
    status = cli.main(["--root", str(built_mini), "build"])
    assert (status, capsys.readouterr().err) == (3, f"{FULL_DISK}\n")
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_a_link_in_build_share_is_refused_and_keeps_the_site(built_mini, tmp_path, capsys):
    """Only what the generator wrote goes into the site: a link could carry any file there."""
    edit(built_mini, "content/people.yaml", "Mayor of Exampleton", "Mayor of Exampleton Town")
    assert cli.main(["--root", str(built_mini), "generate"]) == 0
    site = tree(built_mini / "site")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the site", encoding="utf-8")
    (built_mini / "build" / "share" / "said" / "secret.html").symlink_to(secret)
    capsys.readouterr()
    status = cli.main(["--root", str(built_mini), "build"])
    err = capsys.readouterr().err
    assert status == 3
    assert "secret.html: not a page the generator wrote" in err and err.count("\n") == 1
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_the_preview_serves_share_pages_and_keeps_them_in_step(mini, tmp_path, capsys):
    project = Project.at(mini)
    served = tmp_path / "served"
    preview = Preview(project, served, "127.0.0.1:8000", regenerator(project))
    assert preview.start()
    assert files(served) >= share_files(mini)
    assert "Ada Quillon" not in (served / QUILL).read_text(encoding="utf-8")
    edit(mini, "content/people.yaml", NAME, RENAMED)
    preview.update()
    assert "Ada Quillon" in (served / QUILL).read_text(encoding="utf-8")
    # A change of the settings rebuilds every page, which empties the folder: placed again.
    with open(mini / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {primary: deep-orange}\n")
    preview.update()
    assert {p for p in files(served) if p.startswith("said/")} == share_files(mini)
    assert "Ada Quillon" in (served / QUILL).read_text(encoding="utf-8")
    capsys.readouterr()


def test_the_preview_removes_the_share_page_of_a_removed_statement(mini, tmp_path, capsys):
    project = Project.at(mini)
    served = tmp_path / "served"
    preview = Preview(project, served, "127.0.0.1:8000", regenerator(project))
    assert preview.start()
    before = {p for p in files(served) if p.startswith("said/")}
    statements = mini / "content" / "statements.yaml"
    text = statements.read_text(encoding="utf-8")
    kept = [block for block in re.split(r"(?m)^(?=- )", text) if "quill-before-winter" not in block]
    statements.write_text("".join(kept), encoding="utf-8")
    preview.update()
    after = {p for p in files(served) if p.startswith("said/")}
    if after == before:  # the story refused the removal (another record cites it)
        pytest.fail(capsys.readouterr().err)
    assert after == before - {QUILL} == share_files(mini)
    assert not (served / "said" / "quill-before-winter").exists()
    capsys.readouterr()


def test_only_paths_under_the_share_folder_are_share_pages():
    assert sharepages.is_share_page("said/x/index.html")
    assert not sharepages.is_share_page("people/said.md")
    assert not sharepages.is_share_page("saidx/index.html")
