"""The site's MkDocs configuration, written whole by the generator: `build/mkdocs.yml`.

A story is data. What it may choose about its site is the `site:` block of content/story.yaml
(generator/model/sitesettings.py), validated like the rest of the content; everything else (the
theme and its overrides in generator/publish/theme/, the Markdown extensions, the navigation,
MkDocs' link validation, the generator's hooks) is the product's, written here. The file is made
with PyYAML's safe dumper from plain values, so no setting can carry a YAML tag, and no story
can add an extension, plugin, hook, template, or a script or stylesheet from another host.

A story folder that still holds the old `mkdocs.yml` or `site_overrides/` is refused with what
to move where (`leftovers`): MkDocs never reads them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from generator.content.files import shown
from generator.content.problems import Problem
from generator.model.parts import SITE_URL_PATTERN
from generator.model.records import STORY, Story
from generator.model.sections import navigation
from generator.model.sitesettings import LOGO_NAME, SiteSettings
from generator.model.urls import Scheme
from generator.pages.text import site_setting
from generator.project import Project

THEME = Path(__file__).with_name("theme")
# The generator's MkDocs hooks (Zensical ignores them): its pages of headings and HTML blocks
# passed through, and the site navigation rendered once for all the pages that show it alike.
HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
NAV_HOOK = Path(__file__).with_name("mkdocs_nav.py")
# What the files a story no longer holds said, and where each setting lives now.
OLD_CONFIG = "mkdocs.yml"
OLD_THEME = "site_overrides"
_MOVED = {
    "use_directory_urls": "directory_urls",
    "site_url": "url",
    "repo_url": "repository",
    "theme.language": "language",
    "theme.palette": "primary` and `accent",
    "theme.logo": "logo",
    "extra.edit_branch": "edit_branch",
}


@dataclass(frozen=True)
class SiteConfig:
    """The story's site settings, checked, and how its pages are served."""

    site: SiteSettings
    scheme: Scheme


def site_config(story: Story) -> SiteConfig:
    """The settings, and the scheme pages link by: with the address MkDocs is given as
    site_url (SITE_URL, else `site.url`), as MkDocs writes it, with one "/" at the end."""
    address = served_at() or story.site.url
    scheme = Scheme(
        directory_urls=story.site.directory_urls,
        address=address.rstrip("/") + "/" if address else None,
    )
    return SiteConfig(story.site, scheme)


def config_text(config: SiteConfig, story: Story, project: Project) -> str:
    """The whole configuration MkDocs (and Zensical) build from."""
    site = config.site
    palette = [
        _palette(site, "(prefers-color-scheme: light)", "default", "night", "dark"),
        _palette(site, "(prefers-color-scheme: dark)", "slate", "sunny", "light"),
    ]
    theme: dict[str, Any] = {
        "name": "material",
        "custom_dir": _from_work(project, THEME),
        "language": site.language,
        "font": False,
        # No content.tooltips: it re-parses an element's title as HTML. Tooltips are drawn by
        # explainer.css from data-tip, as text only (generator/pages/text.py, the list of sinks).
        "features": ["navigation.top", "navigation.sections", "navigation.prune", "toc.follow"],
        "palette": palette,
    }
    if site.logo:
        theme["logo"] = LOGO_NAME + Path(site.logo).suffix
    settings: dict[str, Any] = {
        "site_name": site_setting(story.title),
        "site_description": site_setting(story.summary),
        "docs_dir": _from_work(project, project.docs),
        "site_dir": _from_work(project, project.config_site),
    }
    # Where the site is served (the Pages deploy: under /REPO/) sets where the 404 page, which
    # is served at any depth, finds the stylesheets; a deploy sets it without editing the story.
    site_url = served_at() or site.url
    if site_url:
        settings["site_url"] = site_url
    if site.repository:
        settings["repo_url"] = site.repository
        base = edit_base(site.repository, site.edit_branch, in_repository(project.root))
        settings["extra"] = {"edit_base": base, "edit_host": host_name(site.repository)}
    settings |= {
        "use_directory_urls": site.directory_urls,
        "strict": True,
        "theme": theme,
        "plugins": [],  # MkDocs would add its search plugin without this; search is Pagefind's
        "markdown_extensions": [
            "attr_list",
            "abbr",
            "tables",
            "pymdownx.escapeall",
            {"toc": {"permalink": True}},
        ],
        "validation": {
            "omitted_files": "ignore",  # entity pages stay out of the nav on purpose
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
        "nav": navigation(),
        "hooks": [_from_work(project, HOOKS), _from_work(project, NAV_HOOK)],
    }
    body = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100)
    story_file = shown(project.content / f"{STORY.name}.yaml", project.root)
    return (
        f"# Written by `python -m generator` from {story_file}: edit that, not this file.\n{body}"
    )


# Where a git host shows a file of a branch, after the repository's address, by host: each
# marks a line with `#L12`. Any other host is taken to be GitHub-like (`/blob/`), as most are.
_FILE_VIEWS = {"gitlab": "/-/blob/", "codeberg": "/src/branch/", "gitea": "/src/branch/"}
_HOST_NAMES = {"github": "GitHub", "gitlab": "GitLab", "codeberg": "Codeberg"}


def _host_kind(repository: str) -> str | None:
    host = urlsplit(repository).hostname or ""
    return next((kind for kind in (*_FILE_VIEWS, *_HOST_NAMES) if kind in host.split(".")), None)


def edit_base(repository: str, branch: str, prefix: str) -> str:
    """Where the pages' Edit links start: the branch's file view on the repository's host, to
    which a page adds its file's path in the story folder and `#L` and its line."""
    view = _FILE_VIEWS.get(_host_kind(repository) or "", "/blob/")
    return f"{repository.rstrip('/')}{view}{branch}/{prefix}"


def host_name(repository: str) -> str:
    """The git host as readers know it: "GitHub", "GitLab", or its address's host name."""
    return _HOST_NAMES.get(_host_kind(repository) or "", urlsplit(repository).hostname or "")


def in_repository(root: Path) -> str:
    """Where the story's folder is in the git repository holding it (`stories/harbour/`), as
    the Edit links' paths start; "" at the repository's root or outside any repository."""
    resolved = root.resolve()
    for top in (resolved, *resolved.parents):
        if (top / ".git").exists():
            inside = resolved.relative_to(top).as_posix()
            return "" if inside == "." else quote(inside, safe="/") + "/"
    return ""


def _palette(site: SiteSettings, media: str, scheme: str, icon: str, other: str) -> dict[str, Any]:
    return {
        "media": media,
        "scheme": scheme,
        "primary": site.primary,
        "accent": site.accent,
        "toggle": {"icon": f"material/weather-{icon}", "name": f"Switch to {other} mode"},
    }


def served_at() -> str:
    """SITE_URL from the environment: where the site is served, or "" (see `config_text`)."""
    return os.environ.get("SITE_URL", "").strip()


def served_at_problem() -> Problem | None:
    """SITE_URL, which a deploy sets, must be a web address MkDocs can base links on."""
    value = served_at()
    if not value or (re.fullmatch(SITE_URL_PATTERN, value) and _parses(value)):
        return None
    return Problem(
        "SITE_URL",
        0,
        0,
        f"the environment's SITE_URL {value!r} is not a web address: set it to the site's "
        "address, such as https://example.org/story/, or unset it",
    )


def _parses(value: str) -> bool:
    try:
        return bool(urlsplit(value).hostname)
    except ValueError:  # such as an unclosed [ of an IPv6 address
        return False


def leftovers(project: Project) -> list[Problem]:
    """The old per-story MkDocs settings and theme, which the build no longer reads: each
    refused with where its settings go now."""
    problems: list[Problem] = []
    story_file = shown(project.content / f"{STORY.name}.yaml", project.root)
    config = project.root / OLD_CONFIG
    if config.exists() or config.is_symlink():
        where = shown(config, project.root)
        for key, path in _old_settings(config):
            if path in _MOVED:
                problems.append(
                    _at(
                        where,
                        key,
                        f"`{path}` is now `site.{_MOVED[path]}` in {story_file}: move it there",
                    )
                )
        problems.append(
            Problem(
                where,
                1,
                1,
                "a story no longer holds MkDocs settings: the generator writes them, from the "
                f"`site:` block of {story_file} (language, colours, address, repository, "
                "logo); move what you need there, then delete this file",
            )
        )
    theme = project.root / OLD_THEME
    if theme.exists() or theme.is_symlink():
        problems.append(
            Problem(
                shown(theme, project.root),
                0,
                0,
                "a story no longer holds a theme: the site's look ships with the generator "
                "(generator/publish/theme/); delete this folder (a logo goes in `site.logo`)",
            )
        )
    return problems


def _old_settings(config: Path) -> Iterator[tuple[Node, str]]:
    """Each top-level setting of an old mkdocs.yml, and those under theme: and extra:, with
    its dotted name; nothing if the file cannot be read as YAML (it is refused anyway)."""
    try:
        with open(config, "rb") as handle:
            text = handle.read(1 << 20).decode("utf-8", "replace")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return
    if not isinstance(root, MappingNode):
        return
    for key, value in root.value:
        if not isinstance(key, ScalarNode):
            continue
        yield key, key.value
        if key.value in ("theme", "extra") and isinstance(value, MappingNode):
            for inner, _value in value.value:
                if isinstance(inner, ScalarNode):
                    yield inner, f"{key.value}.{inner.value}"


def _at(where: str, node: Node, message: str) -> Problem:
    mark = node.start_mark
    return Problem(where, mark.line + 1, mark.column + 1, message)


def _from_work(project: Project, path: Path) -> str:
    """`path` as MkDocs reads it from the generated file's folder."""
    return Path(os.path.relpath(path, project.generated_config.parent)).as_posix()
