"""Live preview: the generated pages, built by MkDocs in this process and served with live reload.

MkDocs' server watches the story's inputs (content/, seeds/, the files beside them, the theme),
never build/docs. After a save, one thread does everything in order: regenerate the Markdown,
then one MkDocs build of only the pages the generator wrote (generator/live/preview.py), then reload
the open pages. So MkDocs never reads a folder the generator is half-way through writing, and
each save costs at most one rebuild: saves that land during one are gathered into the next.
A change to the site settings or the theme overrides rebuilds every page. Bad content is
reported here and the last good pages keep being served.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from generator.build import exclusive
from generator.content.problems import Problem, format_problems
from generator.content.runfailed import RunFailed
from generator.live.incremental import Session
from generator.live.preview import Site
from generator.model.sitedate import environment_problem
from generator.project import Project
from generator.publish.sharepages import Placer

# How often MkDocs' watcher looks at the inputs: part of the delay between a save and the page.
POLL_SECONDS = 0.1
Regenerate = Callable[[], tuple[list[str], list[Problem]]]


def regenerator(project: Project) -> Regenerate:
    """What turns the story into Markdown after each save: the paths it wrote or removed under
    build/docs, or the problems (and then nothing written). A Session renders only the files
    whose recorded inputs changed (generator/live/incremental.py)."""
    return Session(project).regenerate


def serve(project: Project, address: str) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice, not a problem of ours
    _show_mkdocs_warnings()
    wrong_date = environment_problem()
    if wrong_date is not None:  # MkDocs would stop with a traceback on the first page
        print(f"{wrong_date}\nFix this, then run serve again.", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _interrupt)  # when we are stopped, clean up as on Ctrl-C
    site_dir = Path(tempfile.mkdtemp(prefix="explainer-preview-"))
    try:
        preview = Preview(project, site_dir, address, regenerator(project))
        if not preview.start():
            print("Fix the problems above, then run serve again.", file=sys.stderr)
            return 1
        return _serve(preview)
    except MkDocsException as error:  # the settings MkDocs refuses (an address it cannot use)
        print(f"{error.format_message()}\nFix this, then run serve again.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _serve(preview: Preview) -> int:
    config = preview.site.config
    host, port = config.dev_addr
    server = LiveReloadServer(
        builder=preview.update,
        host=host,
        port=port,
        root=str(preview.site_dir),
        mount_path=urlsplit(config.site_url or "/").path,
        polling_interval=POLL_SECONDS,
    )
    server.error_handler = preview.error_page
    # A stop that lands while the server starts can leave its thread serving with nobody to
    # shut it down; as a daemon it ends with us instead of keeping the process alive.
    server.serve_thread.daemon = True
    for path in preview.watched():
        server.watch(str(path))
    print(f"Serving on {config.site_url} — edit content/ or seeds/ and the page reloads.")
    sys.stdout.flush()
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    except OSError as error:  # the port is taken, or not ours to use
        print(
            f"{host}:{port}: cannot serve here ({error.strerror}): pick another port "
            "(make serve PORT=8001, or serve --address 127.0.0.1:8001)",
            file=sys.stderr,
        )
        return 1
    finally:
        server.shutdown()
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


class Preview:
    """The site served from `site_dir`, kept in step with the story one build at a time."""

    site: Site  # MkDocs' side, made once the first generation has written its settings

    def __init__(self, project: Project, site_dir: Path, address: str, regen: Regenerate) -> None:
        self.project = project
        self.site_dir = site_dir
        self.address = address
        self._regenerate = regen
        self._settings: dict[Path, tuple[int, int]] = {}

    def start(self) -> bool:
        """Generate and build every page; False when there are no pages to serve. Settings
        MkDocs refuses raise MkDocsException."""
        if self._generate() is None and not self.project.docs.is_dir():
            return False
        self.site = Site(self.project.generated_config, self.site_dir, self.address)
        self._settings = self._settings_now()
        return self._build(None)

    def update(self) -> None:
        """After a save: regenerate, then rebuild the pages whose Markdown changed. Never raises:
        MkDocs' server would stop serving pages until the next build that succeeds."""
        written = self._generate()
        if written is None:
            return
        settings = self._settings_now()
        whole, self._settings = settings != self._settings, settings
        whole |= not self.project.cached  # --no-cache: every page, after every save
        if written or whole:
            self._build(None if whole else written)

    def watched(self) -> list[Path]:
        """Where a save updates the pages: the story's inputs, never build/."""
        project = self.project
        paths = [project.content, project.seeds, *project.beside(), *self._theme()]
        return [path for path in paths if path.exists()]

    def error_page(self, code: int) -> bytes | None:
        """The site's own 404 page for addresses it has no page for, as `mkdocs serve` does."""
        try:
            return (self.site_dir / f"{code}.html").read_bytes()
        except OSError:
            return None

    def _generate(self) -> list[str] | None:
        project = self.project
        started = time.monotonic()
        try:
            with exclusive(project):
                written, problems = self._regenerate()
        except (OSError, RunFailed) as failure:  # a full disk, a read-only build/: keep serving
            if isinstance(failure, OSError):
                failure = RunFailed.of(failure, project.root)
            print(f"{failure}\nStill serving the last good pages.", file=sys.stderr, flush=True)
            return None
        if problems:
            sys.stderr.write(format_problems(problems, project.root))
            sys.stderr.write("Still serving the last good pages.\n")
            sys.stderr.flush()
            return None
        seconds = time.monotonic() - started
        print(f"Regenerated {len(written)} page(s) in {seconds:.2f} s.", flush=True)
        return written

    def _build(self, written: list[str] | None) -> bool:
        """One MkDocs build: every page, or only what the generator `written`."""
        started = time.monotonic()
        try:
            built = self.site.whole() if written is None else self.site.update(written)
            # The share pages never pass through MkDocs (generator/publish/sharepages.py).
            Placer(self.project.share, self.site_dir).after_build(written or [])
        except (MkDocsException, OSError, RunFailed, jinja2.TemplateError) as error:
            message = error.format_message() if isinstance(error, MkDocsException) else error
            print(
                f"MkDocs could not build the pages: {message}\nStill serving the last good pages.",
                file=sys.stderr,
                flush=True,
            )
            return False
        seconds = time.monotonic() - started
        print(f"Rebuilt {len(built)} page(s) in {seconds:.2f} s.", flush=True)
        return True

    def _theme(self) -> list[Path]:
        config = self.site.config
        return [Path(path).resolve() for path in [config.theme.custom_dir, *config.watch] if path]

    def _settings_now(self) -> dict[Path, tuple[int, int]]:
        """The generated settings and the theme overrides, as they are now: when they change,
        every page changes."""
        state = {}
        for top in [self.project.generated_config, *self._theme()]:
            for path in [top, *(top.rglob("*") if top.is_dir() else [])]:
                try:
                    info = path.stat()
                except OSError:
                    continue
                state[path] = (info.st_mtime_ns, info.st_size)
        return state


def _show_mkdocs_warnings() -> None:
    """MkDocs' warnings and errors (those strict mode fails on) on stderr, as its CLI shows them;
    its progress notes, and the server's note of each request, stay quiet."""
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(handler, logging.StreamHandler) for handler in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    # A request for a missing file is logged as a warning, which during a build would count
    # as a strict-mode failure of that build.
    logging.getLogger("mkdocs.livereload").setLevel(logging.ERROR)
