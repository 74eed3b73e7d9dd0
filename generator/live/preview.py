"""MkDocs in this process for the live preview: the whole site once, then only what changed.

A whole build is MkDocs' own (`mkdocs.commands.build.build`), with a small plugin that keeps
what it gathered: the list of files, the navigation and the theme's templates. After a save only
the files the generator wrote are looked at again: each changed page is read, rendered and
written with the functions MkDocs uses for one page, each other file copied; every other page's
HTML is left as it is. That is exact because a page's HTML depends only on its own Markdown, the
settings and the navigation. So the settings changing needs a whole build (the caller decides),
and so does a page of the navigation changing its title, or pages coming or going when MkDocs
makes the navigation from the files (no `nav` in mkdocs.yml): `update` sees to those.
Per-page building uses MkDocs 1.6's private `_populate_page`, `_build_page` and
`_build_theme_template`, as its `build` does: requirements.lock pins that version, pyproject.toml
allows no other minor one, and tests/test_pinned_internals.py checks each signature.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler


@dataclass
class _Gathered:
    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


class _NoSettings(Config):  # type: ignore[no-untyped-call]
    """_Keep takes no settings."""


class _Keep(BasePlugin[_NoSettings]):  # type: ignore[no-untyped-call]
    """Keeps what a whole build gathers, for the page-by-page builds after it."""

    files: Files
    nav: Navigation
    env: jinja2.Environment

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        self.files, self.env = files, env
        return env


class Site:
    """The site MkDocs builds from `config_file` into `site_dir`, served at `address`."""

    def __init__(self, config_file: Path, site_dir: Path, address: str) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        self.address = address
        self._gathered: _Gathered | None = None  # None until a whole build succeeds
        self.config = self.load()

    def load(self) -> MkDocsConfig:
        """The settings afresh, pointed at the preview's folder and address (raises
        MkDocsException for settings MkDocs refuses)."""
        config = load_config(
            config_file=str(self.config_file), site_dir=str(self.site_dir), dev_addr=self.address
        )
        host, port = config.dev_addr
        mount = "/" + urlsplit(config.site_url or "/").path.strip("/")
        config.site_url = f"http://{host}:{port}{mount.rstrip('/')}/"
        return config

    def whole(self) -> list[str]:
        """Build every page afresh; returns the pages built. Raises MkDocsException (strict mode
        included) or OSError, and then the next build is a whole one again."""
        self._gathered = None
        self.config = config = self.load()
        keep = _Keep()
        config.plugins["explainer-preview"] = keep
        with _counting_pages() as built:
            build(config, serve_url=config.site_url)
        self._gathered = _Gathered(config, keep.files, keep.nav, keep.env)
        _let_go(built, keep.files)
        return built

    def update(self, written: list[str]) -> list[str]:
        """Bring the site in step with the files the generator wrote or removed (paths under
        docs_dir); returns the pages built. Raises as `whole` does."""
        gathered, self._gathered = self._gathered, None  # until this update succeeds
        if gathered is None:
            return self.whole()
        changed = _Changes(gathered)
        for relative in sorted(written):
            changed.take(relative)
        if changed.nav_changed:
            return self.whole()
        titles = changed.nav_titles()
        with _strict(gathered.config), _counting_pages() as built:
            for page in changed.pages:
                _populate_page(page, gathered.config, gathered.files)
            retitled = titles != changed.nav_titles()  # every page shows these titles
            if not retitled:
                changed.write()
        if retitled:
            return self.whole()
        self._gathered = gathered
        _let_go(built, gathered.files)
        return built


class _Changes:
    """What a set of written files changes in a gathered site."""

    def __init__(self, gathered: _Gathered) -> None:
        self.gathered = gathered
        self.pages: list[Page] = []
        self.copies: list[File] = []
        self.pages_moved = False  # a page came or went: the sitemap changes
        self.nav_changed = False  # so did the navigation: every page changes

    def take(self, relative: str) -> None:
        config, files = self.gathered.config, self.gathered.files
        there = (Path(config.docs_dir) / relative).is_file()
        known = files.get_file_from_path(relative)
        if known is None and there:
            known = File(relative, config.docs_dir, config.site_dir, config.use_directory_urls)
            set_exclusions([known], config)
            files.append(known)
        if known is None:
            return
        if known.is_documentation_page() and not (there and known.page):
            self.pages_moved = True
            in_nav = known.page is not None and known.page in self.gathered.nav.pages
            self.nav_changed |= config.nav is None or in_nav
        if not there:
            files.remove(known)
            Path(known.abs_dest_path).unlink(missing_ok=True)
        elif not known.inclusion.is_in_serve():  # type: ignore[no-untyped-call]
            return
        elif not known.is_documentation_page():
            self.copies.append(known)
        else:
            self.pages.append(known.page or Page(None, known, config))

    def nav_titles(self) -> list[str | None]:
        in_nav = {id(page) for page in self.gathered.nav.pages}
        return [page.title for page in self.pages if id(page) in in_nav]

    def write(self) -> None:
        gathered = self.gathered
        config, files = gathered.config, gathered.files
        documents = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in self.copies:
            file.copy_file()
        for page in self.pages:
            excluded = page.file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
            _build_page(page, config, documents, gathered.nav, gathered.env, excluded=excluded)
        if self.pages_moved:  # the sitemap lists the pages in the order MkDocs finds them
            gathered.files = files = Files(sorted(files, key=_found_order(config.docs_dir)))
            for template in config.theme.static_templates:
                _build_theme_template(template, gathered.env, files, config, gathered.nav)
        level = config.validation.links.anchors
        for document in documents:
            if document.page is not None:
                document.page.validate_anchor_links(files=files, log_level=level)


def _let_go(built: list[str], files: Files) -> None:
    """Drop the HTML of the pages just built, which is on disk now: no other page's template
    reads it, and at a thousand articles it is a hundred megabytes or more."""
    for uri in built:
        file = files.get_file_from_path(uri)
        if file is not None and file.page is not None:
            file.page.content = None


def _found_order(docs: str) -> Callable[[File], tuple[bool, list[tuple[bool, str]]]]:
    """Where `get_files` puts a file: the documentation first, each folder's files (index
    first) before its sub-folders, by name; then the theme's files, as they were."""

    def key(file: File) -> tuple[bool, list[tuple[bool, str]]]:
        if file.src_dir != docs:
            return (True, [])
        *folders, name = file.src_uri.split("/")
        later = os.path.splitext(name)[0] not in ("index", "README")
        return (False, [(True, folder) for folder in folders] + [(False, f"{later:d}{name}")])

    return key


@contextmanager
def _strict(config: MkDocsConfig) -> Iterator[None]:
    """Warnings fail the update in strict mode, as they fail `mkdocs build --strict`."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    if config.strict:
        logger.addHandler(counter)
    try:
        yield
    finally:
        logger.removeHandler(counter)
    if counts := counter.get_counts():
        warnings = ", ".join(f"{count} {level.lower()}s" for level, count in counts)
        raise Abort(f"Aborted with {warnings} in strict mode!")


class _PageCounter(logging.Handler):
    """The pages MkDocs builds: it logs each one (at debug level) as it starts on it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.pages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message: Any = record.msg
        if isinstance(message, str) and message.startswith("Building page "):
            self.pages.append(message.removeprefix("Building page "))


@contextmanager
def _counting_pages() -> Iterator[list[str]]:
    logger = logging.getLogger("mkdocs.commands.build")
    counter = _PageCounter()
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        yield counter.pages
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)
