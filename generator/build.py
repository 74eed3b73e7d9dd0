"""The pipeline, top-down: load → validate → link → render → write, then MkDocs.

Everything is gathered and checked before anything is written, and the site is built aside and
swapped in at the end, so a failed run leaves the last good pages and site as they were.
`finish` writes what follows the pages, for `generate` and the live preview's Session alike.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import io
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from generator.content.files import FolderRule, published, regular_files, shown, state_text
from generator.content.linking import Linked, link
from generator.content.loading import collection_frozen, content_folder, load, seeds_folder
from generator.content.problems import Problem
from generator.content.recorder import Recorder
from generator.content.runfailed import RunFailed
from generator.content.validation import validate
from generator.content.yamlsource import MAX_BYTES
from generator.model.sitedate import environment_problem, epoch
from generator.model.sitesettings import LOGO_NAME
from generator.pages.rendering import pages
from generator.pages.search import INDEX_FOLDER, records_text
from generator.project import Project
from generator.publish.apart import CANNOT_RUN, start
from generator.publish.config import (
    OLD_THEME,
    SiteConfig,
    config_text,
    leftovers,
    served_at,
    served_at_problem,
    site_config,
)
from generator.publish.logo import logo_problem
from generator.publish.notfound import make_portable
from generator.publish.pagefind import index_site
from generator.publish.stamp import forget, remember
from generator.publish.writing import write, write_file


def check(project: Project) -> tuple[Linked | None, list[Problem]]:
    """Load, validate and link: every problem in the story folder, or the linked story."""
    linked, _config, problems = checked_story(project)
    return linked, problems


def checked_story(
    project: Project, recorder: Recorder | None = None
) -> tuple[Linked | None, SiteConfig | None, list[Problem]]:
    """`check`, with the site's settings: the live preview's Session checks the story this way
    too, so its pages are generated from exactly what `generate` would accept (and with its
    `recorder`, which the story's graph tells what pages read)."""
    found = leftovers(project) + _site_files(project)
    address = served_at_problem()
    if address is not None:
        found.append(address)
    loaded = load(project.content, project.seeds, project.root, project.cache)
    validated = validate(loaded)
    for entry in validated.entries.get("story", []):
        logo = logo_problem(project, entry.record.site)
        if logo is not None:
            found.append(entry.problem(("site", "logo"), logo))
    linked, problems = link(loaded, validated, recorder)
    problems = [*found, *loaded.problems, *validated.problems, *problems]
    if linked is None or problems:
        return None, None, problems
    return linked, site_config(linked.story), []


def story_files(project: Project, config: SiteConfig) -> list[tuple[str, bytes]]:
    """Files of the story folder the site carries as they are, by path under docs: its logo."""
    logo = config.site.logo
    if logo is None:
        return []
    return [(LOGO_NAME + Path(logo).suffix, (project.root / logo).read_bytes())]


def _site_files(project: Project) -> list[Problem]:
    """What MkDocs would follow into the site besides the content, refused as in content/: a
    link in the generated pages' folder (the theme is the generator's own)."""
    return published([project.docs], project.root)


@contextmanager
def exclusive(project: Project) -> Iterator[None]:
    """One generate or build of a story at a time: two at once would trample each other's
    pages and half-built sites. The second waits for the first to finish."""
    lock = project.lock
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o666), "wb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Another build of this story is running: waiting for it.", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def generate(project: Project) -> tuple[list[str], list[Problem]]:
    """Check, render and write the Markdown pages; returns the paths written and any problems.
    When no input and no part of the generator changed since the last run, nothing is redone."""
    fingerprint = inputs_fingerprint(project)
    done = project.generated_from
    made = project.docs.is_dir() and project.generated_config.is_file()
    # The fingerprint does not cover build/docs itself: a link put there is looked for anyway.
    unchanged = made and state_text(done) == fingerprint
    if unchanged and not _site_files(project):
        return [], []
    linked, config, problems = checked_story(project)
    if linked is None or config is None or problems:
        return [], problems
    done.unlink(missing_ok=True)  # a write cut short (a full disk) must not count as done
    # Each page is written as it is rendered: the site is never held in memory whole.
    with collection_frozen():
        written = write(
            chain(pages(linked, config.scheme), story_files(project, config)), project.docs
        )
    finish(project, linked, config, fingerprint)
    return written, []


def finish(project: Project, linked: Linked, config: SiteConfig, fingerprint: str) -> None:
    """What generation writes once the pages are written under build/docs, for `generate` and
    the live preview's Session alike: the date stamp, the generated mkdocs.yml, the search
    records, and last the `fingerprint` of the inputs (taken before they were read), which
    says build/docs is made from them."""
    remember_date(project, linked.story.updated)
    # Rewritten only when it changes: `mkdocs serve` rebuilds everything when it does.
    write_file(project.generated_config, config_text(config, linked.story, project))
    write_file(project.search_records, records_text(linked.graph, config.scheme))
    project.generated_from.write_text(fingerprint, encoding="ascii")


def inputs_fingerprint(project: Project) -> str:
    """A hash of every input file (the files beside content/ too: a logo, or an old
    mkdocs.yml to refuse), of where the site is served (SITE_URL, written into build/mkdocs.yml)
    and of the generator itself (code, templates and theme)."""
    digest = hashlib.sha256()
    for beside in project.beside():
        digest.update(os.fsencode(beside.name) + b"\0" + _file_digest(beside) + b"\0")
    digest.update(b"theme: %d\0" % (project.root / OLD_THEME).exists())
    digest.update(f"SITE_URL={served_at()}\0".encode())
    rules: tuple[tuple[Path, FolderRule | None], ...] = (
        (project.content, content_folder),
        (project.seeds, seeds_folder),
        (Path(__file__).parent, None),
    )
    for folder, rule in rules:
        files, refused = regular_files(folder, project.root, rule)
        # A link, pipe or stray folder added must be checked, too.
        digest.update(repr(refused).encode())
        for path in files:
            if "__pycache__" not in path.parts:
                digest.update(path.as_posix().encode() + b"\0" + _file_digest(path) + b"\0")
    return digest.hexdigest()


def _file_digest(path: Path) -> bytes:
    """The file's hash, read in chunks; one that check refuses (too big, unreadable) only by
    its size and time, so that a 5 GB file costs nothing here and check reports it."""
    try:
        info = path.lstat()
        if info.st_size > MAX_BYTES:
            return f"{info.st_size} {info.st_mtime_ns}".encode()
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with open(descriptor, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError as error:
        return f"unreadable {error.errno}".encode()


def remember_date(project: Project, updated: dt.date) -> None:
    """The facts' date stamps the build (sitemap dates), so the same input gives the same site."""
    seconds = str(epoch(updated))
    stamp = project.date_stamp
    stamp.parent.mkdir(parents=True, exist_ok=True)
    if state_text(stamp) != seconds:
        stamp.write_text(seconds, encoding="ascii")


def build_site(project: Project, made_from: str | None = None) -> bool:
    """Run `mkdocs build --strict` into a fresh folder beside `site/`, then swap it in; the
    stamp says site/ was made `made_from` these inputs (generator/publish/stamp.py) only once the
    new site is in place."""
    wrong_date = environment_problem()
    if wrong_date is not None:  # MkDocs would stop with a traceback
        raise RunFailed(f"{wrong_date}; site/ is unchanged")
    project.site.parent.mkdir(parents=True, exist_ok=True)
    _check_replaceable(project)
    forget(project)
    for leftover in project.site.parent.glob(".site-*"):  # from a build that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    fresh = project.site.with_name(f".site-new-{os.getpid()}")
    fresh.mkdir()  # a plain mkdir, so the site gets the permissions the umask gives
    # Pagefind indexes the search records, not the pages, so it runs beside MkDocs (which uses
    # one core), each in a process of its own, Pagefind into a folder moved in afterwards.
    search = project.site.with_name(f".site-search-{os.getpid()}")
    search.mkdir()
    moved_in = False
    try:
        indexing = start(lambda: _index(project, search), project.root, "search indexing")
        building = start(lambda: _mkdocs(project, fresh), project.root, "MkDocs")
        built, built_out, built_err = building.outcome()
        indexed, _out, index_err = indexing.outcome()
        # A problem of the machine is one line; MkDocs' messages are shown otherwise.
        if built == CANNOT_RUN or (built == 0 and indexed != 0):
            raise RunFailed((built_err if built else index_err).strip())
        sys.stdout.write(built_out)
        sys.stderr.write(built_err)
        if built != 0:
            return False
        make_portable(fresh)
        (search / INDEX_FOLDER).rename(fresh / INDEX_FOLDER)
        moved_in = True
    except OSError as error:
        raise _in_site(project, fresh, error) from error
    finally:  # whatever happened, no half-built folder is left beside site/
        shutil.rmtree(search, ignore_errors=True)
        if not moved_in:
            shutil.rmtree(fresh, ignore_errors=True)
    _swap(project, fresh)
    remember(project, made_from)
    return True


def _index(project: Project, into: Path) -> int:
    """Pagefind's index of the search records, in INTO/pagefind/ (run as a child process)."""
    try:
        index_site(project.search_records, into)
    except OSError as error:  # a full disk, told as MkDocs' is: the index is part of site/
        raise _in_site(project, into, error) from error
    except (RuntimeError, ValueError) as error:
        raise RunFailed(_index_failed(project, error)) from error
    return 0


def _mkdocs(project: Project, into: Path) -> int:
    """`mkdocs build --strict` into INTO, run as a child process: 0 when it built the site.
    What MkDocs prints is shown when it ends, except when a file cannot be written (a full
    disk): then one line says so, instead of MkDocs' messages and traceback."""
    from mkdocs.__main__ import cli  # noqa: PLC0415 - only this child process needs MkDocs

    os.chdir(project.root)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # a notice, not a build problem
    stamp = state_text(project.date_stamp)
    if "SOURCE_DATE_EPOCH" not in os.environ and stamp is not None:
        os.environ["SOURCE_DATE_EPOCH"] = stamp
    # --quiet would also hide the warnings that --strict turns into failures.
    args = ["build", "--strict", "--config-file", str(project.generated_config)]
    args += ["--site-dir", str(into)]
    out, err = io.StringIO(), io.StringIO()
    shown_out = True
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main(args, prog_name="mkdocs")  # ends in SystemExit, as a command does
    except SystemExit as done:
        return 0 if done.code in (0, None) else 1
    except OSError as error:
        shown_out = False  # its log and traceback would bury the one line that matters
        raise _in_site(project, into, error) from error
    finally:
        if shown_out:
            sys.stdout.write(out.getvalue())
            sys.stderr.write(err.getvalue())
    return 0


def _in_site(project: Project, fresh: Path, error: OSError) -> RunFailed:
    """A file of the new site that could not be written is told as site/, the folder a
    contributor knows: the new one is a temporary folder beside it."""
    names = [n for n in (error.filename2, error.filename) if isinstance(n, str)]
    # MkDocs writes only into the new site, and its errors in writing a page name no file.
    if not names or any(Path(n) == fresh or fresh in Path(n).parents for n in names):
        error = OSError(error.errno, error.strerror, str(project.site))
    return RunFailed.of(error, project.root)


def _index_failed(project: Project, error: Exception) -> str:
    records = shown(project.search_records, project.root)
    return (
        f"{records}: Pagefind could not index it ({error}): reinstall the tools (make site "
        "rebuilds .venv from requirements.lock), then build again; site/ is unchanged"
    )


def _check_replaceable(project: Project) -> None:
    """Refuse before building rather than half-way through the swap, which renames in site/'s
    folder and deletes the old site/: both need every folder involved to be writable."""
    site = project.site
    folders = [site.parent]
    if site.is_dir() and not site.is_symlink():
        folders += [site, *(p for p in site.rglob("*") if p.is_dir() and not p.is_symlink())]
    for folder in folders:
        if not os.access(folder, os.W_OK | os.X_OK):
            raise RunFailed(_read_only(project, folder))


def _read_only(project: Project, folder: Path) -> str:
    site = shown(project.site, project.root)
    if folder == project.site.parent:
        where = str(folder) if folder == project.root else shown(folder, project.root)
        return (
            f"{where}: this folder is read-only, so {site}/ cannot be replaced in it: make it "
            f"writable (chmod u+w {where}), then build again; {site}/ is unchanged"
        )
    return (
        f"{shown(folder, project.root)}: this folder is read-only, so {site}/ cannot be replaced: "
        f"make it writable (chmod -R u+w {site}), then build again; {site}/ is unchanged"
    )


def _swap(project: Project, fresh: Path) -> None:
    site = project.site
    retired = site.with_name(f".site-old-{os.getpid()}")
    try:
        if site.exists() or site.is_symlink():
            site.rename(retired)
        try:
            fresh.rename(site)
        except OSError:
            if retired.exists():
                retired.rename(site)
            raise
    except OSError as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise RunFailed(
            f"{shown(site, project.root)}: the new site could not replace it ({error.strerror}): "
            "make site/ and the folder it is in writable, then build again; site/ is unchanged"
        ) from error
    shutil.rmtree(retired, ignore_errors=True)
