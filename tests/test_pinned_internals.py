"""The private parts of MkDocs and Python-Markdown the generator relies on, each named here with
what the code expects of it, so that an upgrade past the versions pyproject.toml allows (those
requirements.lock pins) fails here, with a message that says what changed and who uses it,
rather than as a strange error in the live preview or a page that renders differently."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, NamedTuple

import markdown
import mkdocs.commands.build
import mkdocs.structure.pages
import pytest
from markdown import preprocessors, util

PREVIEW = "generator/live/preview.py"
HOOKS = "generator/publish/mkdocs_hooks.py"


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
]


@pytest.mark.parametrize("internal", INTERNALS, ids=[i.name for i in INTERNALS])
def test_each_private_internal_the_generator_relies_on_is_as_expected(internal: Internal):
    try:
        found = internal.found()
    except (AttributeError, KeyError, TypeError) as error:
        found = f"gone ({error})"
    assert found == internal.expected, (
        f"{internal.name}, which {internal.user} relies on, changed: expected {internal.expected}, "
        f"found {found}. MkDocs or Python-Markdown is another version than requirements.lock "
        f"pins (pyproject.toml caps them): adapt {internal.user} to it, or keep the pinned version."
    )
