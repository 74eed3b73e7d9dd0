"""--no-cache (or EXPLAINER_NO_CACHE=1) bypasses every cache of generator/caches.py: for each
row of its table, the cache is made to lie about an edit (an entry forged, a stamp claiming
the output is current), and the edit shows all the same. The same lie with caches on hides the
edit, so each scenario proves its forgery works and the test can fail."""

from __future__ import annotations

import shutil
from array import array
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader
from jinja2.bccache import Bucket

from generator import caches, cli
from generator.build import generate
from generator.caches import CACHES, NO_CACHE_VARIABLE
from generator.content import parsecache
from generator.content.cachekey import cache_key
from generator.content.yamlsource import parse
from generator.live.incremental import Session
from generator.live.server import Preview
from generator.model import urls
from generator.pages.rendering import COMPILED_TEMPLATES, TEMPLATES
from generator.project import Project
from generator.publish import recordfile, stamp
from generator.publish import site as publish_site
from tests.conftest import edit

PEOPLE = "content/people.yaml"
BEFORE, AFTER = "name: Ada Quill", "name: Ada Quill-Changed"
EDITED = "Ada Quill-Changed"
PAGE = "people/quill.md"


class Run:
    """One scenario's runs, with caches or without (--no-cache)."""

    def __init__(self, root: Path, no_cache: bool, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.no_cache = no_cache
        self.monkeypatch = monkeypatch

    def cli(self, command: str, *, no_cache: bool | None = None) -> int:
        """The command, with --no-cache when this scenario's run (or `no_cache`) says so."""
        option = ["--no-cache"] if (self.no_cache if no_cache is None else no_cache) else []
        return cli.main(["--root", str(self.root), *option, command])

    def project(self) -> Project:
        return Project.at(self.root, cached=not self.no_cache)

    def page(self) -> str:
        return (self.root / "build" / "docs" / PAGE).read_text(encoding="utf-8")


def parse_cache(run: Run) -> str:
    """The parse cache's entry for the edited people.yaml holds the file as it was before."""
    people = run.root / PEOPLE
    before, _problems = parse(people.read_bytes(), PEOPLE)
    edit(run.root, PEOPLE, BEFORE, AFTER)
    with run.monkeypatch.context() as lying:  # an entry keyed on the new bytes, sealed as ours
        lying.setattr(parsecache, "parse", lambda raw, shown: (before, []))
        parsecache.cached_parse(people.read_bytes(), PEOPLE, Project.at(run.root).cache)
    assert run.cli("generate") == 0
    return run.page()


def generation(run: Run) -> str:
    """The generation fingerprint claims build/docs was made from the edited inputs."""
    assert run.cli("generate", no_cache=False) == 0
    edit(run.root, PEOPLE, BEFORE, AFTER)
    project = Project.at(run.root)
    stamp.remember_generation(project, stamp.inputs_fingerprint(project))
    assert run.cli("generate") == 0
    return run.page()


def site(run: Run) -> str:
    """The site stamp claims site/ was built from the edited pages (MkDocs and Pagefind stood in
    for by a fake that publishes the person's page as it is in build/docs)."""

    def fake_mkdocs(project: Project, into: Path) -> int:
        shutil.copy(project.docs / PAGE, into / "quill.html")
        return 0

    run.monkeypatch.setattr(publish_site, "_mkdocs", fake_mkdocs)
    run.monkeypatch.setattr(
        publish_site, "index_site", lambda records, into: (into / "pagefind").mkdir()
    )
    assert run.cli("build", no_cache=False) == 0
    edit(run.root, PEOPLE, BEFORE, AFTER)
    assert run.cli("generate", no_cache=False) == 0
    project = Project.at(run.root)
    stamp.remember(project, stamp.inputs(project))
    assert run.cli("build") == 0
    return (run.root / "site" / "quill.html").read_text(encoding="utf-8")


def page_reads(run: Run) -> str:
    """The record of the last generate says the person's page read nothing, so it is not
    rendered again after the edit."""
    project = Project.at(run.root)
    assert generate(project)[1] == []  # a first generation: nothing recorded yet
    assert generate(Project.at(run.root, cached=False))[1] == []  # rendered and recorded
    secret = cache_key()
    assert secret is not None
    record = recordfile.load(project.page_reads, urls.DIRECTORY_URLS, secret)
    assert record is not None
    record.reads[record.units.index(PAGE)] = array("i")
    recordfile.save(project.page_reads, record, urls.DIRECTORY_URLS, secret)
    edit(run.root, PEOPLE, BEFORE, AFTER)
    assert run.cli("generate") == 0
    return run.page()


def session(run: Run) -> str:
    """The live preview's Session remembers that no file read anything, so none is stale."""
    regenerating = Session(run.project())
    assert regenerating.regenerate()[1] == []
    edit(run.root, PEOPLE, BEFORE, AFTER)
    regenerating.reads = {path: array("q") for path in regenerating.reads}
    assert regenerating.regenerate()[1] == []
    return run.page()


def preview_site(run: Run) -> str:
    """The preview's MkDocs site is told no page was written after the edit, so it keeps each
    page as its last build made it (MkDocs stood in for by pages kept as their Markdown)."""

    class Kept:
        config = SimpleNamespace(theme=SimpleNamespace(custom_dir=None), watch=[])

        def __init__(self, docs: Path) -> None:
            self.docs = docs
            self.pages: dict[str, str] = {}

        def whole(self) -> list[str]:
            found = [p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*.md")]
            return self.update(found)

        def update(self, written: list[str]) -> list[str]:
            for page in written:
                self.pages[page] = (self.docs / page).read_text(encoding="utf-8")
            return written

    project = run.project()
    assert generate(project)[1] == []
    preview = Preview(project, run.root / "preview", "127.0.0.1:8000", lambda: ([], []))
    preview.site = kept = Kept(project.docs)
    preview.update()  # the settings are new to it: a whole build
    edit(run.root, PEOPLE, BEFORE, AFTER)
    assert generate(project)[1] == []
    preview.update()
    return kept.pages[PAGE]


def templates(run: Run) -> str:
    """The compiled template of a person's page, kept in memory, renders something else."""
    edit(run.root, PEOPLE, BEFORE, AFTER)
    loader = FileSystemLoader(TEMPLATES)
    env = Environment(loader=loader)
    source, filename, _fresh = loader.get_source(env, "person.md.j2")
    key = COMPILED_TEMPLATES.get_cache_key("person.md.j2", filename)
    bucket = Bucket(env, key, COMPILED_TEMPLATES.get_source_checksum(source))
    bucket.code = env.compile("the page as it was", "person.md.j2", filename)
    run.monkeypatch.setitem(COMPILED_TEMPLATES.compiled, key, bucket.bytecode_to_string())
    assert generate(run.project())[1] == []
    return run.page()


# Each row of generator/caches.py's table, with a scenario in which it lies about the edit.
LIES: dict[str, Callable[[Run], str]] = {
    "parse": parse_cache,
    "generation": generation,
    "site": site,
    "page-reads": page_reads,
    "session": session,
    "preview-site": preview_site,
    "templates": templates,
}
NAMES = [cache.name for cache in CACHES]


def lie(name: str, mini: Path, no_cache: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    scenario = LIES.get(name)
    code = {cache.name: cache.code for cache in CACHES}[name]
    assert scenario is not None, (
        f"the cache {name!r} ({code}) has no test proving --no-cache bypasses it: "
        "add a scenario to LIES in tests/test_caches.py"
    )
    return scenario(Run(mini, no_cache, monkeypatch))


@pytest.mark.parametrize("name", NAMES)
def test_no_cache_shows_an_edit_each_cache_lies_about(name, mini, monkeypatch, capsys):
    assert EDITED in lie(name, mini, True, monkeypatch)


@pytest.mark.parametrize("name", NAMES)
def test_with_caches_each_lie_hides_the_edit(name, mini, monkeypatch, capsys):
    assert EDITED not in lie(name, mini, False, monkeypatch)


def test_every_scenario_is_a_cache_of_the_table():
    assert set(LIES) == set(NAMES)


def test_the_environment_variable_turns_the_caches_off(mini, monkeypatch, capsys):
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    assert EDITED in site(Run(mini, False, monkeypatch))


@pytest.mark.parametrize("value", ["", "0"])
def test_the_environment_variable_unset_or_zero_keeps_the_caches(monkeypatch, value):
    monkeypatch.setenv(NO_CACHE_VARIABLE, value)
    assert caches.wanted() is True


def test_each_cache_on_disk_lives_where_project_names_it(mini):
    project = Project.at(mini)
    for cache in CACHES:
        if cache.lives is not None:
            assert isinstance(getattr(project, cache.lives), Path), cache.name
