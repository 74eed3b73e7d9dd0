"""`serve`: an edit to a YAML value shows up in the served page, one rebuild per save of only the
pages that changed, and bad edits don't kill it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from generator import cli
from generator.build import generate
from generator.live.preview import Site
from generator.live.server import Preview, regenerator
from generator.project import Project
from generator.publish.sharepages import Placer
from tests.conftest import ROOT, edit, tree
from tools.static_server import free_port

NEW_PERSON = """- id: vell
  name: Cora Vell
  role: Harbour master
  affiliation: exampleton
  sources: [{article: fic-bridge, paragraph: 2}]
"""


# How long a step may take on a loaded machine before the test fails: each waits for a
# condition, so this is reached only when something hangs.
PATIENCE = 300


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float) -> float | None:
    """Seconds until `text` is served at `url`, or None if it never is within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        body = fetch(url)
        if body is not None and text in body:
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def start_serve(root: Path) -> tuple[subprocess.Popen[str], str]:
    """`python -m generator serve` on a free port; returns the process and its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(root),
            "serve",
            "--address",
            f"127.0.0.1:{port}",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture
def server(mini: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    process, base = start_serve(mini)
    try:
        assert wait_for(f"{base}/people/quill/", "Ada Quill", PATIENCE) is not None
        yield mini, base, process
    finally:
        process.terminate()
        process.wait(timeout=PATIENCE)


def test_an_edit_is_served(server):
    story, base, _process = server
    edit(story, "content/people.yaml", "role: Mayor of Exampleton", "role: Mayor (edited)")
    assert wait_for(f"{base}/people/quill/", "Mayor (edited)", PATIENCE) is not None


def test_bad_content_is_reported_and_the_last_good_pages_stay_served(server):
    story, base, process = server
    edit(story, "content/people.yaml", "name: Ada Quill", "name: [Ada Quill")
    time.sleep(2)  # several polls of the watcher
    assert process.poll() is None, "serve stopped on bad content"
    assert "Ada Quill" in (fetch(f"{base}/people/quill/") or "")
    edit(story, "content/people.yaml", "name: [Ada Quill", "name: Ada Quill (fixed)")
    assert wait_for(f"{base}/people/quill/", "Ada Quill (fixed)", PATIENCE) is not None
    process.terminate()
    _out, errors = process.communicate(timeout=PATIENCE)
    assert "content/people.yaml:3:7: YAML syntax error" in errors, errors
    assert "Traceback" not in errors


def test_make_serve_listens_on_the_port_it_is_given(mini: Path):
    port = free_port()
    process = subprocess.Popen(
        ["make", "-s", "serve", f"STORY={mini}", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # make's children stop with it
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/people/quill/", "Ada Quill", PATIENCE) is not None
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=PATIENCE)


def test_rebuilding_only_what_changed_gives_the_site_a_whole_build_gives(
    mini: Path, tmp_path, capsys
):
    project = Project.at(mini)
    served = tmp_path / "served"
    preview = Preview(project, served, "127.0.0.1:8000", regenerator(project))
    assert preview.start()
    people = mini / "content" / "people.yaml"
    edited = people.read_text(encoding="utf-8").replace("of Exampleton", "(edited)")
    saves = [edited, edited + NEW_PERSON, edited]  # pages change, a page comes, and goes
    for number, text in enumerate(saves):
        people.write_text(text, encoding="utf-8")
        preview.update()
        whole = tmp_path / f"whole-{number}"
        Site(project.generated_config, whole, "127.0.0.1:8000").whole()
        Placer(project.share, whole).everything()  # as `build` puts them in, after MkDocs
        assert tree(served) == tree(whole), f"after save {number + 1}"
    out = capsys.readouterr().out
    built = [int(line.split()[1]) for line in out.splitlines() if line.startswith("Rebuilt")]
    assert len(built) == 4 and max(built[1:]) < built[0], out  # then three small builds


def test_a_change_to_the_site_settings_rebuilds_every_page(mini, tmp_path):
    project = Project.at(mini)
    served = tmp_path / "served"
    preview = Preview(project, served, "127.0.0.1:8000", regenerator(project))
    assert preview.start()
    with open(mini / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {primary: deep-orange}\n")
    preview.update()
    for page in project.docs.rglob("*.md"):
        made = File(page.relative_to(project.docs).as_posix(), str(project.docs), str(served), True)
        text = Path(made.abs_dest_path).read_text(encoding="utf-8")
        assert 'data-md-color-primary="deep-orange"' in text, page


def test_a_save_rebuilds_only_the_pages_whose_markdown_changed(mini: Path, tmp_path):
    project = Project.at(mini)
    generate(project)
    site = Site(project.generated_config, tmp_path / "site", "127.0.0.1:8000")
    site.whole()
    edit(mini, "content/people.yaml", "role: Mayor of Exampleton", "role: Mayor (edited)")
    written, problems = generate(project)
    assert not problems
    pages = sorted(path for path in written if path.endswith(".md"))
    assert pages and len(pages) < len(list(project.docs.rglob("*.md")))
    assert sorted(site.update(written)) == pages


@pytest.mark.parametrize(
    "link",
    ["[a page that is not there](missing.md)", "[a heading that is not there](index.md#nowhere)"],
)
def test_a_rebuilt_page_is_still_held_to_strict_mode(mini: Path, tmp_path, link):
    project = Project.at(mini)
    generate(project)
    site = Site(project.generated_config, tmp_path / "site", "127.0.0.1:8000")
    site.whole()
    page = project.docs / "people" / "quill.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{link}\n", encoding="utf-8")
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode!"):
        site.update(["people/quill.md"])


def test_saves_in_quick_succession_rebuild_once_each_at_most(server):
    story, base, process = server
    role = "Mayor of Exampleton"
    for attempt in range(1, 6):  # faster than a regeneration and a rebuild take
        edited = f"Mayor (edit {attempt})"
        edit(story, "content/people.yaml", f"role: {role}", f"role: {edited}")
        role = edited
        time.sleep(0.15)
    assert wait_for(f"{base}/people/quill/", "Mayor (edit 5)", PATIENCE) is not None
    time.sleep(1)  # any rebuild still to come
    process.terminate()
    out, _errors = process.communicate(timeout=PATIENCE)
    lines = out.splitlines()
    rebuilds = [n for n, line in enumerate(lines) if line.startswith("Rebuilt ")]
    assert 2 <= len(rebuilds) <= 6, out  # the first build, then at most one per save
    # Each rebuild follows the regeneration it builds: MkDocs never reads pages being written.
    assert all(lines[n - 1].startswith("Regenerated ") for n in rebuilds), out


def test_serve_refuses_a_source_date_epoch_the_site_cannot_be_dated_with(
    mini: Path, monkeypatch, capsys
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    address = f"127.0.0.1:{free_port()}"
    assert cli.main(["--root", str(mini), "serve", "--address", address]) == 1
    assert capsys.readouterr().err == (
        "SOURCE_DATE_EPOCH: 'tomorrow' is not a time a site can be dated with (sitemap.xml.gz "
        "holds the time as 32-bit seconds since 1970-01-01): set it to whole seconds since "
        "then, from 0 to 4295030399 (2106-02-07), or unset it to date the site with the "
        "story's `updated`\nFix this, then run serve again.\n"
    )
