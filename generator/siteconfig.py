"""The site's MkDocs configuration, generated for the story: `build/mkdocs.yml`.

The story's `mkdocs.yml` holds what a story chooses (theme, navigation, extensions); the site's
name and description are the story's own (`title` and `summary` in content/story.yaml), so a
second story never shows the first one's name. The generator writes the two together into
build/, and MkDocs (and Zensical) build from that file.

The story's file is read as a YAML node graph and never constructed into objects, so tags it
holds (`!ENV`, Material's `!!python/name:`) pass through untouched, and the result is written by
PyYAML's serializer: a value is always one scalar, whatever its characters.

MkDocs resolves `theme.custom_dir`, `watch`, `hooks` and `!relative $config_dir/...` against the
folder of the configuration file, so those are re-rooted to resolve from build/ as they did from
the story's folder. Other paths (`extra_css`, `extra_javascript`) are relative to docs_dir and
stay as they are. `docs_dir` and `site_dir` are the generator's folders (`Project`): the story
may leave them out, or set them only to those.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.files import shown
from generator.model import STORY, Story
from generator.problems import Problem
from generator.text import site_setting
from generator.urls import Scheme
from generator.yamlsource import decode, read

if TYPE_CHECKING:
    from generator.build import Project

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_SEQ = "tag:yaml.org,2002:seq"
# The settings the generator writes from the story, and the field of the story each comes from.
FROM_STORY = {"site_name": "title", "site_description": "summary"}
# The generator's MkDocs hooks (a cheaper reading of its HTML blocks), added to the story's own.
HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
# Settings whose value is a path, or a list of paths, relative to the configuration's folder.
_PATHS = ("watch", "hooks", "theme.custom_dir")


@dataclass(frozen=True)
class SiteConfig:
    """The story's mkdocs.yml, checked: its settings as YAML nodes, and how pages are served."""

    settings: MappingNode
    scheme: Scheme


def read_config(project: Project) -> tuple[SiteConfig | None, list[Problem]]:
    """The story's mkdocs.yml and every problem in it; (None, []) when there is none, which
    only `generate` must refuse (see `missing`), so `check` works on content alone."""
    where = shown(project.config, project.root)
    if not project.config.exists() and not project.config.is_symlink():
        return None, []
    raw, problems = read(project.config, where)
    text, more = decode(raw, where) if raw is not None else (None, [])
    if text is None:
        return None, [*problems, *more]
    try:
        settings = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = f"this is not valid YAML ({error.problem or error.context}): fix the syntax"
        return None, [Problem(where, line, column, message)]
    if not isinstance(settings, MappingNode):
        message = "this must be a mapping of MkDocs settings, such as `theme: {name: material}`"
        return None, [Problem(where, 1, 1, message)]
    problems = list(_problems(project, where, settings))
    flag = _setting(settings, "use_directory_urls")
    directory_urls = True if flag is None else _boolean(flag)
    if directory_urls is None:
        problems.append(
            _at(where, flag, "use_directory_urls must be true or false (MkDocs' default: true)")
        )
    if problems:
        return None, problems
    return SiteConfig(settings, Scheme(directory_urls=bool(directory_urls))), []


def missing(project: Project) -> Problem:
    return Problem(
        shown(project.config, project.root),
        0,
        0,
        "not found: the site's MkDocs settings (theme, navigation) are read from this file; "
        "copy mkdocs.yml from the generator's repository",
    )


def config_text(config: SiteConfig, story: Story, project: Project) -> str:
    """The generated configuration: the site's name and description from the story, the
    generator's own folders, then the story's settings re-rooted for build/, and the
    generator's hooks after the story's."""
    head = [
        ("site_name", site_setting(story.title)),
        ("site_description", site_setting(story.summary)),
        ("docs_dir", _from_work(project, project.docs)),
        ("site_dir", _from_work(project, project.config_site)),
    ]
    # Where the site is served (the Pages deploy: under /REPO/) sets where the 404 page, which
    # is served at any depth, finds the stylesheets; a deploy sets it without editing the story.
    site_url = served_at()
    if site_url:
        head.append(("site_url", site_url))
    pairs: list[tuple[Node, Node]] = [(_scalar(key), _scalar(value)) for key, value in head]
    hooks: ScalarNode | None = _scalar(_from_work(project, HOOKS))
    for key, value in config.settings.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name in ("docs_dir", "site_dir") or (name == "site_url" and site_url):
            continue
        setting = _rerooted(project, name, value)
        if name == "hooks" and hooks is not None:
            theirs = setting.value if isinstance(setting, SequenceNode) else [setting]
            setting, hooks = SequenceNode(_SEQ, [*theirs, hooks]), None
        pairs.append((key, setting))
    if hooks is not None:
        pairs.append((_scalar("hooks"), SequenceNode(_SEQ, [hooks])))
    body = yaml.serialize(
        MappingNode("tag:yaml.org,2002:map", pairs),
        Dumper=yaml.SafeDumper,
        allow_unicode=True,
        width=100,
    )
    story_file = shown(project.content / f"{STORY.name}.yaml", project.root)
    return (
        f"# Written by `python -m generator` from {shown(project.config, project.root)} and "
        f"{story_file}: edit those, not this file.\n{body}"
    )


def served_at() -> str:
    """SITE_URL from the environment: where the site is served, or "" (see `config_text`)."""
    return os.environ.get("SITE_URL", "").strip()


def read_beside(project: Project, config: SiteConfig) -> tuple[list[Path], list[str]]:
    """What MkDocs reads besides the generated pages and configuration: the files and folders
    the story's settings name (theme.custom_dir, hooks, `!relative $config_dir/...`) and the
    environment variables `!ENV` reads; `build` skips MkDocs only when none of them changed."""
    paths: list[Path] = []
    names: list[str] = []
    for key, value in config.settings.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name == "theme" and isinstance(value, MappingNode):
            custom = _setting(value, "custom_dir")
            paths += _named_paths(project, custom) if custom is not None else []
        elif name == "hooks":
            paths += _named_paths(project, value)
        for node in _nodes(value):
            if node.tag == "!ENV":
                items = node.value if isinstance(node, SequenceNode) else [node]
                names += [i.value for i in items if isinstance(i, ScalarNode)]
            elif node.tag == "!relative" and isinstance(node, ScalarNode):
                prefix, _slash, suffix = node.value.partition("/")
                paths += [project.root / suffix] if prefix == "$config_dir" else []
    return paths, names


def _named_paths(project: Project, node: Node) -> list[Path]:
    items = node.value if isinstance(node, SequenceNode) else [node]
    return [project.root / i.value for i in items if isinstance(i, ScalarNode)]


def _nodes(node: Node) -> Iterator[Node]:
    """The node and every node inside it."""
    yield node
    if isinstance(node, SequenceNode):
        for item in node.value:
            yield from _nodes(item)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _nodes(key)
            yield from _nodes(value)


def _problems(project: Project, where: str, settings: MappingNode) -> Iterator[Problem]:
    story_file = shown(project.content / f"{STORY.name}.yaml", project.root)
    for key, _value in settings.value:
        name = key.value if isinstance(key, ScalarNode) else None
        if name in FROM_STORY:
            field = FROM_STORY[name]
            yield _at(
                where,
                key,
                f"{name} is written by the generator from the story's {field} in "
                f"{story_file}, so that each story shows its own: remove {name} from here and "
                f"change the {field} there",
            )
        elif name == "INHERIT":
            yield _at(
                where,
                key,
                "INHERIT is not supported: the generator reads one mkdocs.yml; copy the "
                "inherited settings into this file",
            )
    folders = (
        ("docs_dir", project.docs, "writes the pages to"),
        ("site_dir", project.site, "builds the site in"),
    )
    for name, folder, doing in folders:
        node = _setting(settings, name)
        if node is None:
            continue
        path = node.value if isinstance(node, ScalarNode) and node.tag == _STR else None
        if path is None or os.path.normpath(project.root / path) != os.path.normpath(folder):
            expected = shown(folder, project.root)
            yield _at(
                where,
                node,
                f"{name} must be {expected}: the generator {doing} {expected}; set "
                f"`{name}: {expected}` or remove the line",
            )


def _setting(settings: MappingNode, name: str) -> Node | None:
    return next(
        (v for k, v in settings.value if isinstance(k, ScalarNode) and k.value == name), None
    )


def _boolean(node: Node) -> bool | None:
    if isinstance(node, ScalarNode) and node.tag == _BOOL:
        return bool(yaml.SafeLoader.bool_values[node.value.lower()])
    return None


def _at(where: str, node: Node | None, message: str) -> Problem:
    mark = node.start_mark if node is not None else None
    return Problem(where, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, message)


def _scalar(value: str) -> ScalarNode:
    return ScalarNode(_STR, value)


def _from_work(project: Project, path: Path) -> str:
    """`path` as MkDocs reads it from the generated file's folder."""
    return Path(os.path.relpath(path, project.generated_config.parent)).as_posix()


def _rerooted(project: Project, name: str | None, node: Node) -> Node:
    """The setting's value with every path in it resolving from build/ as it did from the
    story's folder."""
    if name in _PATHS:
        return _each_path(project, node)
    if name == "theme" and isinstance(node, MappingNode):
        pairs = [(k, _rerooted(project, f"theme.{k.value}", v)) for k, v in node.value]
        return MappingNode(node.tag, pairs, flow_style=node.flow_style)
    return _relative_tags(project, node)


def _each_path(project: Project, node: Node) -> Node:
    if isinstance(node, SequenceNode):
        items = [_each_path(project, item) for item in node.value]
        return SequenceNode(node.tag, items, flow_style=node.flow_style)
    if isinstance(node, ScalarNode) and node.tag == _STR and not os.path.isabs(node.value):
        value = _from_work(project, project.root / node.value)
        return ScalarNode(node.tag, value, style=node.style)
    return node


def _relative_tags(project: Project, node: Node) -> Node:
    """`!relative $config_dir/x` (MkDocs' tag for a path beside the configuration) anywhere."""
    if isinstance(node, ScalarNode) and node.tag == "!relative":
        prefix, slash, suffix = node.value.partition("/")
        if prefix == "$config_dir":
            up = _from_work(project, project.root)
            return ScalarNode(node.tag, f"{prefix}/{up}{slash and '/'}{suffix}", style=node.style)
        return node
    if isinstance(node, SequenceNode):
        items = [_relative_tags(project, item) for item in node.value]
        return SequenceNode(node.tag, items, flow_style=node.flow_style)
    if isinstance(node, MappingNode):
        pairs = [(k, _relative_tags(project, v)) for k, v in node.value]
        return MappingNode(node.tag, pairs, flow_style=node.flow_style)
    return node
