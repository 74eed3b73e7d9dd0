"""Failures of the machine rather than of the content (a full disk, a read-only folder, a huge
file, two builds at once) end in one line saying what to do, a non-zero exit, no traceback, and
the last good site as it was."""

from __future__ import annotations

import errno
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import mkdocs.utils
import pytest

from generator import cli
from generator.live import server as serve
from generator.project import Project
from generator.publish import site as publish_site
from tests.conftest import ROOT, edit, run_cli, tree
from tests.content.test_files_refused import refuse_opening

FIVE_GB = 5_000_000_000
UNCHANGED = "the last good site/ is unchanged."


def built(mini: Path) -> dict[str, str]:
    """Change a fact of the built story so that the next run has work to do; the site's files."""
    edit(mini, "content/people.yaml", "Mayor of Exampleton", "Mayor of Exampleton Town")
    return tree(mini / "site")


def run(mini: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["--root", str(mini), *args])
    return status, capsys.readouterr().err


def fail_under(monkeypatch, method: str, folder: Path, code: int) -> None:
    """Make `Path.method` fail as the system would for anything under `folder`."""
    original = getattr(Path, method)

    def failing(self, *args, **kwargs):
        if self == folder or folder in self.parents:
            raise OSError(code, os.strerror(code), str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, failing)


def test_a_full_disk_while_generating_is_one_line_and_keeps_the_site(
    built_mini, monkeypatch, capsys
):
    site = built(built_mini)
    fail_under(monkeypatch, "write_bytes", built_mini / "build" / "docs", errno.ENOSPC)
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    # The page named is the first that changed of the first process's share (publish/writing.py).
    assert re.fullmatch(
        r"build/docs/[a-z/]+/index\.md: No space left on device: the disk is full: free some "
        f"space, then run again; {re.escape(UNCHANGED)}\n",
        err,
    ), err
    assert tree(built_mini / "site") == site


FULL_DISK = (
    f"site: No space left on device: the disk is full: free some space, then run again; {UNCHANGED}"
)


def full_disk_in(monkeypatch, stage: str, root: Path) -> None:
    """MkDocs (in the build's child process) finds the disk full as it copies the theme's files
    (an error naming both files) or writes a page (a failed write names none)."""
    if stage == "copying":
        original = shutil.copyfile

        def copyfile(source, target, *args, **kwargs):
            if root in Path(target).parents:
                code = errno.ENOSPC
                raise OSError(code, os.strerror(code), str(source), None, str(target))
            return original(source, target, *args, **kwargs)

        monkeypatch.setattr(shutil, "copyfile", copyfile)
    else:

        def write_file(content: bytes, output_path: str) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(mkdocs.utils, "write_file", write_file)


@pytest.mark.parametrize("stage", ["copying", "writing"])
def test_a_full_disk_while_mkdocs_builds_is_one_line_and_keeps_the_site(
    built_mini, monkeypatch, capsys, stage
):
    site = built(built_mini)
    full_disk_in(monkeypatch, stage, built_mini)
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err == f"{FULL_DISK}\n"
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_a_full_disk_while_indexing_for_search_is_one_line_and_keeps_the_site(
    built_mini, monkeypatch, capsys
):
    site = built(built_mini)

    def full(records: Path, into: Path) -> None:
        code = errno.ENOSPC
        raise OSError(code, os.strerror(code), str(into / "pagefind" / "names.json"))

    monkeypatch.setattr(publish_site, "index_site", full)
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err == f"{FULL_DISK}\n"
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


@pytest.mark.parametrize("value", ["4295030400", "-1", "tomorrow"])
def test_a_source_date_epoch_the_site_cannot_be_dated_with_is_one_line(
    built_mini, monkeypatch, capsys, value
):
    site = built(built_mini)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err == (
        f"SOURCE_DATE_EPOCH: '{value}' is not a time a site can be dated with (sitemap.xml.gz "
        "holds the time as 32-bit seconds since 1970-01-01): set it to whole seconds since "
        "then, from 0 to 4295030399 (2106-02-07), or unset it to date the site with the "
        "story's `updated`; site/ is unchanged\n"
    )
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


@pytest.mark.parametrize("folder", ["build", "."])
def test_an_unwritable_folder_is_one_line(mini, monkeypatch, capsys, folder):
    unwritable = (mini / folder).resolve()
    fail_under(monkeypatch, "mkdir", unwritable, errno.EACCES)
    status, err = run(mini, "generate", capsys=capsys)
    assert status == 3
    assert err == (
        "build: Permission denied: you may not write or read here: fix the permissions, then "
        f"run again; {UNCHANGED}\n"
    )


def limited_memory() -> None:
    """A child that may not allocate 5 GB: reading a huge file whole fails instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))


def run_limited(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
        preexec_fn=limited_memory,
    )


def test_a_huge_article_is_refused_before_it_is_read(mini):
    shutil.copy(mini / "seeds" / "fic-bridge.yaml", mini / "seeds" / "fic-huge.yaml")
    edit(mini, "seeds/fic-huge.yaml", "id: fic-bridge", "id: fic-huge")
    (mini / "seeds" / "fic-huge.txt").touch()
    os.truncate(mini / "seeds" / "fic-huge.txt", FIVE_GB)  # sparse: costs no disk
    result = run_limited(mini, "build")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "seeds/fic-huge.txt:0:0: the file is 5,000,000,000 bytes, over the 2,000,000-byte limit"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("state", ["generated-from", "source-date-epoch"])
def test_a_huge_file_in_build_is_not_read(mini, state):
    assert run_cli(mini, "generate").returncode == 0
    edit(mini, "content/people.yaml", "Mayor of Exampleton", "Mayor of Exampleton Town")
    os.truncate(mini / "build" / state, FIVE_GB)
    result = run_limited(mini, "generate")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_two_builds_started_together_both_succeed(mini):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "--root", str(mini), "build"]
    for _attempt in range(4):
        shutil.rmtree(mini / "build", ignore_errors=True)  # so that both have every page to write
        runs = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)]
        runs.append(subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True))
        errors = [run.communicate(timeout=300)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0], errors
        assert (mini / "site" / "people" / "quill" / "index.html").is_file()
        assert not list(mini.glob(".site-*"))


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_the_site_gets_the_permissions_of_a_plain_mkdir(mini, umask):
    before = os.umask(umask)
    try:
        assert run_cli(mini, "build").returncode == 0
    finally:
        os.umask(before)
    assert stat.S_IMODE((mini / "site").stat().st_mode) == 0o777 & ~umask


def deny_writing(monkeypatch, folder: Path) -> None:
    """As the system answers for a read-only folder (root ignores the permission bits)."""
    original = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path) == folder and mode & os.W_OK:
            return False
        return original(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_site_is_refused_before_building(built_mini, monkeypatch, capsys):
    site = built(built_mini)
    deny_writing(monkeypatch, built_mini / "site" / "people")
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err.splitlines()[-1] == (
        "site/people: this folder is read-only, so site/ cannot be replaced: make it writable "
        "(chmod -R u+w site), then build again; site/ is unchanged"
    )
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_a_site_that_cannot_be_swapped_leaves_no_leftovers(built_mini, monkeypatch, capsys):
    site = built(built_mini)
    fail_under(monkeypatch, "rename", built_mini / "site", errno.EROFS)
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err.splitlines()[-1] == (
        "site: the new site could not replace it (Read-only file system): make site/ and the "
        "folder it is in writable, then build again; site/ is unchanged"
    )
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_a_search_index_that_fails_beside_mkdocs_is_one_line_and_keeps_the_site(
    built_mini, monkeypatch, capsys
):
    site = built(built_mini)

    def failing(records: Path, into: Path) -> None:
        raise RuntimeError("Error: the index ran out of room")

    monkeypatch.setattr(publish_site, "index_site", failing)
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err.splitlines() == [
        "build/search.json: Pagefind could not index it (Error: the index ran out of room): "
        "reinstall the tools (make site rebuilds .venv from requirements.lock), then build "
        "again; site/ is unchanged"
    ]
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_a_search_indexing_that_dies_is_one_line_and_keeps_the_site(
    built_mini, monkeypatch, capsys
):
    site = built(built_mini)
    monkeypatch.setattr(publish_site, "index_site", lambda records, into: os._exit(9))
    status, err = run(built_mini, "build", capsys=capsys)
    assert status == 3
    assert err.splitlines() == [
        "python -m generator: search indexing stopped unexpectedly (exit status 9): run it "
        "again; the last good site/ is unchanged."
    ]
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))


def test_docs_and_schemas_rewrite_the_generators_files_whatever_the_root(
    mini, tmp_path, monkeypatch, capsys
):
    repository = tmp_path / "repository"
    repository.mkdir()
    shutil.copy(ROOT / "CONTRIBUTING.md", repository / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "schemas", repository / "schemas")
    monkeypatch.setattr(cli, "REPOSITORY", repository)
    assert run(mini, "docs", capsys=capsys) == (0, "")
    assert run(mini, "schemas", capsys=capsys) == (0, "")
    assert not (mini / "CONTRIBUTING.md").exists() and not (mini / "schemas").exists()


def test_docs_outside_a_checkout_says_what_to_do(mini, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "REPOSITORY", tmp_path)
    status, err = run(mini, "docs", capsys=capsys)
    assert status == 3
    assert err == (
        f"{tmp_path}/CONTRIBUTING.md: not found: `docs` and `schemas` rewrite files of the "
        "generator's own repository, so run them from a checkout of it\n"
    )


def test_draft_quotes_on_an_article_that_is_not_utf8(mini):
    (mini / "seeds" / "fic-latin.txt").write_bytes(b"The caf\xe9 stays open.\n")
    result = run_cli(mini, "draft-quotes", "seeds/fic-latin.txt")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "seeds/fic-latin.txt:1:8: the file is not valid UTF-8 (byte 0xe9 here): "
        "re-save it with UTF-8 encoding"
    )
    assert result.stderr.splitlines()[-1] == "No drafts were written."


def test_new_article_refuses_a_huge_file_without_reading_it(mini, tmp_path):
    huge = tmp_path / "huge.txt"
    huge.touch()
    os.truncate(huge, FIVE_GB)
    result = run_limited(mini, "new-article", str(huge), "--id", "fic-huge")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        f"{huge}:0:0: the file is 5,000,000,000 bytes, over the 2,000,000-byte limit"
    )
    assert not (mini / "seeds" / "fic-huge.txt").exists()


def test_serve_reports_a_file_it_cannot_read_and_keeps_serving(mini, monkeypatch, capsys, tmp_path):
    refuse_opening(monkeypatch, mini / "content" / "topics.yaml")
    project = Project.at(mini)
    preview = serve.Preview(
        project, tmp_path / "site", "127.0.0.1:8000", serve.regenerator(project)
    )
    assert preview.start() is False  # nothing to serve yet: `serve` says to fix it and stops
    assert capsys.readouterr().err.splitlines()[0] == (
        "content/topics.yaml:0:0: this cannot be read (Permission denied): make it readable "
        "(for example `chmod u+r content/topics.yaml`), or delete it"
    )


def test_a_page_cut_short_on_a_cold_generation_is_not_left_half_written(mini, monkeypatch, capsys):
    original = Path.write_bytes

    def half_then_full_disk(self, data):
        if self.name == "exampleton.md":
            original(self, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", half_then_full_disk)
    status, err = run(mini, "generate", capsys=capsys)
    assert status == 3
    assert err == (
        "build/docs/countries/exampleton.md: No space left on device: the disk is full: free some "
        f"space, then run again; {UNCHANGED}\n"
    )
    assert not (mini / "build" / "docs" / "countries" / "exampleton.md").exists()
