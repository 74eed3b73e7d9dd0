"""The generator's MkDocs hook sets its HTML blocks aside without html.parser, with the same
result as Python-Markdown's own reading, and MkDocs still checks links to the ids in them."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import markdown
import pytest
from markdown.htmlparser import HTMLExtractor

from generator.publish.config import HOOKS

EXTENSIONS = ["attr_list", "abbr", "tables", "pymdownx.escapeall", "toc"]  # as mkdocs.yml


def hooks() -> ModuleType:
    """The hook module, loaded by its path as MkDocs loads it."""
    spec = importlib.util.spec_from_file_location("generator_mkdocs_hooks", HOOKS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def convert(text: str, hooked: bool) -> str:
    extensions: list[object] = [*EXTENSIONS]
    if hooked:
        extensions.append(hooks()._Extension(set()))
    return str(markdown.Markdown(extensions=extensions).convert(text))


# A page in the generator's style: blocks of escaped HTML, adjacent or between Markdown.
PAGE = """# Ferry talks {#title}

<p class="xp-lead">Harbour board &amp; &#8220;crew&#8221; notes.</p>
<div class="xp-facts">
<dl>
<dt>Role</dt><dd>Harbour master<br></dd>
</dl>
</div>

## Statements *so far*

<article class="xp-statement" id="s-port-1" data-search-exclude>
<p>The board said the &lt;b&gt;ferry&lt;/b&gt; would sail at dawn.</p>
<img src="a.png" alt="">
</article>

Reported by **the harbour office**, [see below](#s-port-1).
"""


def test_a_page_of_html_blocks_converts_as_without_the_hook():
    assert convert(PAGE, hooked=True) == convert(PAGE, hooked=False)


def test_the_hook_keeps_html_parser_from_reading_the_blocks(monkeypatch):
    tags: list[str] = []
    original = HTMLExtractor.handle_starttag

    def counted(self: HTMLExtractor, tag: str, attrs: list[tuple[str, str]]) -> None:
        tags.append(tag)
        original(self, tag, attrs)

    monkeypatch.setattr(HTMLExtractor, "handle_starttag", counted)
    convert(PAGE, hooked=True)
    assert tags == []


def test_markdown_between_the_blocks_is_still_markdown():
    html = convert(PAGE, hooked=True)
    assert '<h2 id="statements-so-far">Statements <em>so far</em>' in html
    assert "Reported by <strong>the harbour office</strong>" in html


def test_escaped_text_in_a_block_stays_text():
    html = convert(PAGE, hooked=True)
    assert "the &lt;b&gt;ferry&lt;/b&gt; would sail" in html
    assert "<b>" not in html


@pytest.mark.parametrize(
    "text",
    [
        "Text with <span>inline html</span> in it.\n\n<div>\n<p>A block.</p>\n</div>\n",
        "<div>\n<p>An open paragraph\n</div>\n",
        "<div><!-- a comment --></div>\n",
        "<div>Tom & Jerry &amp co</div>\n",
        "<div class='single'>quoted</div>\n",
        "<div>first</div> and a tail\n",
        "<script>var a = '<div>';</script>\n",
        "<div>\n<p>Unclosed at the end of the page.</p>\n",
    ],
)
def test_a_page_the_hook_cannot_prove_it_reads_alike_converts_as_without_it(text):
    assert convert(text, hooked=True) == convert(text, hooked=False)


def mkdocs_build(tmp_path: Path, link: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of two pages with the generator's hooks: one page links to
    `link` on the other, whose HTML block defines the id s-port-1."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f"# Home\n\nThe [statement]({link}).\n", encoding="utf-8")
    (docs / "other.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Hooks\ntheme: {{name: mkdocs}}\nplugins: []\nhooks: [{HOOKS}]\n"
        "validation: {anchors: warn}\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]  # --quiet hides warnings
    return subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120
    )


def test_a_link_to_an_id_in_an_html_block_passes_the_strict_build(tmp_path):
    result = mkdocs_build(tmp_path, "other.md#s-port-1")
    assert result.returncode == 0, result.stderr


def test_a_link_to_an_id_missing_from_the_html_blocks_fails_the_strict_build(tmp_path):
    result = mkdocs_build(tmp_path, "other.md#s-port-2")
    assert result.returncode != 0
    assert (
        "WARNING -  Doc file 'index.md' contains a link 'other.md#s-port-2', but the doc "
        "'other.md' does not contain an anchor '#s-port-2'."
    ) in result.stderr
