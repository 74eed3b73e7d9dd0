"""Stage 5, the site: `mkdocs build --strict` and Pagefind's index of the search records, into a
fresh folder beside site/ that is swapped in only when both succeeded, so a failed or killed
build leaves the last good site as it was.

MkDocs and Pagefind each run in a process of their own (apart.py), side by side: MkDocs uses
one core, and the memory each takes is returned when it ends. Meanwhile this process links the
share pages (build/share, which MkDocs never reads: sharepages.py) into a folder that is moved
into the new site once MkDocs has built it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
from pathlib import Path

from generator.content.files import shown
from generator.content.runfailed import RunFailed
from generator.model.sitedate import environment_problem
from generator.pages.search_records import INDEX_FOLDER
from generator.project import Project
from generator.publish.apart import CANNOT_RUN, start
from generator.publish.notfound import make_portable
from generator.publish.pagefind import index_site
from generator.publish.sharepages import Placer, move_in
from generator.publish.stamp import forget, remember, site_date


def build_site(project: Project, made_from: str | None = None) -> bool:
    """Run `mkdocs build --strict` and Pagefind into a fresh folder beside `site/`, then swap it
    in; False when MkDocs failed (its messages are shown). The stamp says site/ was made
    `made_from` these inputs (stamp.py) only once the new site is in place."""
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
    # The share pages never pass through MkDocs: linked meanwhile into a folder of their own
    # (MkDocs empties its site folder when it starts), moved in once it has built the rest.
    shared = project.site.with_name(f".site-share-{os.getpid()}")
    shared.mkdir()
    moved_in = False
    try:
        indexing = start(lambda: _index(project, search), project.root, "search indexing")
        building = start(lambda: _mkdocs(project, fresh), project.root, "MkDocs")
        placing = _place(project, shared)
        built, built_out, built_err = building.outcome()
        indexed, _out, index_err = indexing.outcome()
        # A problem of the machine is one line; MkDocs' messages are shown otherwise.
        if built == CANNOT_RUN or (built == 0 and indexed != 0):
            raise RunFailed((built_err if built else index_err).strip())
        if placing is not None:
            raise placing
        sys.stdout.write(built_out)
        sys.stderr.write(built_err)
        if built != 0:
            return False
        make_portable(fresh)
        move_in(shared, fresh)
        (search / INDEX_FOLDER).rename(fresh / INDEX_FOLDER)
        moved_in = True
    except OSError as error:
        raise _in_site(project, fresh, error) from error
    finally:  # whatever happened, no half-built folder is left beside site/
        shutil.rmtree(search, ignore_errors=True)
        shutil.rmtree(shared, ignore_errors=True)
        if not moved_in:
            shutil.rmtree(fresh, ignore_errors=True)
    _swap(project, fresh)
    remember(project, made_from)
    return True


def _place(project: Project, into: Path) -> RunFailed | None:
    """The share pages placed under INTO (in this process, while MkDocs and Pagefind run in
    theirs), or why they could not be: told once both have ended, so neither is left running."""
    try:
        Placer(project.share, into).everything()
    except OSError as error:
        return _in_site(project, into, error)
    except RunFailed as failure:
        return failure
    return None


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
    stamp = site_date(project)
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
