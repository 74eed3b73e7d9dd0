"""The private parts of MkDocs, Material and Python-Markdown the generator relies on, each named
here with what the code expects of it, so that an upgrade past the versions pyproject.toml allows
(those requirements.lock pins) fails here, with a message that says what changed and who uses it,
rather than as a strange error in the live preview or a page that renders differently."""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import markdown
import material
import mkdocs.commands.build
import mkdocs.structure.pages
import mkdocs.utils.templates
import pytest
from markdown import preprocessors, util

from generator.publish.config import HOOKS as HOOKS_FILE

PREVIEW = "generator/live/preview.py"
HOOKS = "generator/publish/mkdocs_hooks.py"
NAV = "generator/publish/mkdocs_nav.py"
# The Material partials that generator/publish/theme/partials/nav-tree.html includes: mkdocs_nav.py
# keys its rendering on what they read of a page (the items' active state and their addresses
# through the `url` filter); a new version may read more, so each is pinned by its digest.
NAV_PARTIALS = {
    "partials/nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "partials/logo.html": "e0925ef6c190174a5162ed1ecc55295016dd8a7beec3018db3e04aac283a2dd9",
}
# As MkDocs configures each page's Markdown from build/mkdocs.yml (its toc, tables, fenced_code).
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "abbr", "pymdownx.escapeall"]


class Internal(NamedTuple):
    """One private part another project may change without notice, and who relies on it."""

    name: str  # as the code spells it
    user: str
    expected: str  # what the code relies on, said as the check checks it
    found: Callable[[], Any]  # what is there now, compared with `expected`


def _parameters(function: Callable[..., Any]) -> str:
    return ", ".join(inspect.signature(function).parameters)


def _markdown() -> markdown.Markdown:
    return markdown.Markdown()


def _html_block_kind() -> str:
    return type(_markdown().preprocessors["html_block"]).__name__


def _stash_placeholder() -> str:
    md = _markdown()
    return "same" if md.htmlStash.store("<p>x</p>") == util.HTML_PLACEHOLDER % 0 else "other"


def _hook_priority_place() -> str:
    """The hooks register their preprocessor at 25: after whitespace is normalised and before
    MkDocs' anchor scan and Python-Markdown's HTML block extractor."""
    md = _markdown()
    mkdocs.structure.pages._RawHTMLPreprocessor()._register(md)
    md.preprocessors.register(preprocessors.Preprocessor(md), "probe", 25)
    order = [
        md.preprocessors.get_index_for_name(name)
        for name in ("normalize_whitespace", "probe", "mkdocs_raw_html", "html_block")
    ]
    return "between" if order == sorted(order) else "elsewhere"


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pinned_mkdocs_hooks", HOOKS_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page_markdown(hooks: ModuleType) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[*EXTENSIONS, hooks._Extension(set())],
        extension_configs={"toc": {"permalink": True}},
    )


def _normalised_alike() -> str:
    """The pass-through reads a page as Python-Markdown's first step leaves it."""
    text = "# T\r\n\t<div>\x02a\x03</div>\n   \n<p>x</p>\r\n"
    md = markdown.Markdown()
    theirs = "\n".join(preprocessors.NormalizeWhitespace(md).run(text.split("\n")))
    return "same" if _hooks().normalised(text, md.tab_length) == theirs else "other"


def _processors() -> str:
    """The steps a page of blocks meets in Python-Markdown: the pass-through stands for them."""
    md = _page_markdown(_hooks())
    registries = (md.preprocessors, md.postprocessors)
    names = [{item.name for item in registry._priority} for registry in registries]
    return " | ".join(", ".join(sorted(found)) for found in names)


def _spliced_alike() -> str:
    """A page of headings and blocks: the headings' HTML with the blocks put back, each then a
    newline, is what Python-Markdown writes for the whole page."""
    hooks = _hooks()
    page = '# A {#a}\n\n<div id="x">\n<p>1</p>\n</div>\n\n\n<p>2</p>\n## B\n\n<p>3</p>\n'
    plan = hooks.pass_through(page, _page_markdown(hooks))
    spliced = plan.splice(_page_markdown(hooks).convert(plan.skeleton))
    return "same" if spliced == _page_markdown(hooks).convert(page) else "other"


def _nav_partials() -> str:
    templates = Path(material.__file__).parent / "templates"
    found = {
        name: hashlib.sha256((templates / name).read_bytes()).hexdigest() for name in NAV_PARTIALS
    }
    return "pinned" if found == NAV_PARTIALS else f"changed: {found}"


def _anchor_ids_attribute() -> str:
    present = hasattr(mkdocs.structure.pages.Page, "present_anchor_ids")
    return "present" if present else "missing"


INTERNALS = [
    Internal(
        "mkdocs.commands.build._populate_page",
        PREVIEW,
        "page, config, files, dirty",
        lambda: _parameters(mkdocs.commands.build._populate_page),
    ),
    Internal(
        "mkdocs.commands.build._build_page",
        PREVIEW,
        "page, config, doc_files, nav, env, dirty, excluded",
        lambda: _parameters(mkdocs.commands.build._build_page),
    ),
    Internal(
        "mkdocs.commands.build._build_theme_template",
        PREVIEW,
        "template_name, env, files, config, nav",
        lambda: _parameters(mkdocs.commands.build._build_theme_template),
    ),
    Internal(
        "mkdocs.structure.pages._RawHTMLPreprocessor at priority 21",
        HOOKS,
        "between",
        _hook_priority_place,
    ),
    Internal(
        "mkdocs.structure.pages.Page.present_anchor_ids",
        HOOKS,
        "present",
        _anchor_ids_attribute,
    ),
    Internal(
        "markdown.preprocessors.HtmlBlockPreprocessor as md.preprocessors['html_block']",
        HOOKS,
        "HtmlBlockPreprocessor",
        _html_block_kind,
    ),
    Internal(
        "markdown.Markdown.htmlStash.store",
        HOOKS,
        "html",
        lambda: _parameters(_markdown().htmlStash.store),
    ),
    Internal(
        "markdown.Markdown.htmlStash.store's placeholder (util.HTML_PLACEHOLDER)",
        HOOKS,
        "same",
        _stash_placeholder,
    ),
    Internal(
        "markdown.Markdown.is_block_level",
        HOOKS,
        "tag",
        lambda: _parameters(_markdown().is_block_level),
    ),
    Internal(
        "markdown.preprocessors.NormalizeWhitespace's steps, which pass_through repeats",
        HOOKS,
        "same",
        _normalised_alike,
    ),
    Internal(
        "the pre- and postprocessors of a page's Markdown, which pass_through stands for",
        HOOKS,
        "fast_html_blocks, fenced_code_block, html_block, normalize_whitespace"
        " | amp_substitute, raw_html",
        _processors,
    ),
    Internal(
        "markdown's output: each heading and stashed block, then a newline (PassThrough.splice)",
        HOOKS,
        "same",
        _spliced_alike,
    ),
    Internal(
        "mkdocs.utils.templates.url_filter, the `url` filter mkdocs_nav.py calls for its key",
        NAV,
        "context, value",
        lambda: _parameters(mkdocs.utils.templates.url_filter),
    ),
    Internal(
        "Material's partials/nav-item.html and partials/logo.html (what they read of a page)",
        NAV,
        "pinned",
        _nav_partials,
    ),
]


@pytest.mark.parametrize("internal", INTERNALS, ids=[i.name for i in INTERNALS])
def test_each_private_internal_the_generator_relies_on_is_as_expected(internal: Internal):
    try:
        found = internal.found()
    except (AttributeError, KeyError, TypeError) as error:
        found = f"gone ({error})"
    assert found == internal.expected, (
        f"{internal.name}, which {internal.user} relies on, changed: expected {internal.expected}, "
        f"found {found}. MkDocs, Material or Python-Markdown is another version than "
        f"requirements.lock pins (pyproject.toml caps them): adapt {internal.user} to it, or keep "
        "the pinned version."
    )
