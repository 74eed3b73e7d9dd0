"""A page the generator wrote as headings and HTML blocks passes through MkDocs without
Python-Markdown reading its blocks: MkDocs renders its headings alone and the hook puts the
blocks back. The result is the one the whole way through Python-Markdown gives, page by page of
the fixture stories; a page with any other Markdown takes the whole way."""

from __future__ import annotations

from html.parser import HTMLParser
from types import ModuleType, SimpleNamespace
from typing import Any

import markdown
import pytest
from markdown.preprocessors import NormalizeWhitespace
from mkdocs.utils import meta

from tests.conftest import MINI, MULTI, rendered
from tests.publish.test_mkdocs_hooks import hooks

# As MkDocs configures each page's Markdown from build/mkdocs.yml: its own toc, tables and
# fenced_code first, then the generated configuration's.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "abbr", "pymdownx.escapeall"]
CONFIGS = {"toc": {"permalink": True}}


def page_markdown(module: ModuleType) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[*EXTENSIONS, module._Extension(set())], extension_configs=CONFIGS
    )


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids |= {v for k, v in attrs if v and (k == "id" or (k == "name" and tag == "a"))}


def ids(html: str) -> set[str]:
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser.ids


def both_ways(body: str) -> tuple[Any, Any]:
    """(HTML, table of contents) of a page the whole way, and passed through (None if the
    page does not pass through)."""
    module = hooks()
    whole = page_markdown(module)
    slow = (whole.convert(body), whole.toc_tokens)
    plan = module.pass_through(body, page_markdown(module))
    if plan is None:
        return slow, None
    headings = page_markdown(module)
    fast = (plan.splice(headings.convert(plan.skeleton)), headings.toc_tokens)
    assert ids(fast[0]) == ids(headings.convert(plan.skeleton)) | plan.anchors
    return slow, fast


def fixture_pages() -> list[tuple[str, str]]:
    return [
        (f"{story.name}/{path}", meta.get_data(text)[0])
        for story in (MINI, MULTI)
        for path, text in rendered(story).items()
        if path.endswith(".md")
    ]


PAGES = fixture_pages()


@pytest.mark.parametrize(("path", "body"), PAGES, ids=[path for path, _ in PAGES])
def test_each_fixture_page_passes_through_as_the_whole_way_renders_it(path, body):
    slow, fast = both_ways(body)
    assert fast is not None, f"{path} did not pass through"
    assert fast == slow


def test_the_pass_through_is_checked_on_every_kind_of_page():
    kinds = {path.split("/")[1] if path.count("/") > 1 else path for path, _ in PAGES}
    assert {"people", "topics", "sources", "questions", "countries", "mini/index.md"} <= kinds


SAMPLE = """# Ferry talks {#title}

<div class="xp-facts" id="facts">
<p>Harbour board &amp; crew.</p>
</div>


<p id="second">Two blank lines before this block, one after.</p>

## Statements \\(so far\\)
## Sources

<ul>
<li><a href="../x/#p-1">¶1</a></li>
</ul>
"""


def test_a_page_of_headings_and_blocks_passes_through_with_its_anchors():
    slow, fast = both_ways(SAMPLE)
    assert fast == slow
    plan = hooks().pass_through(SAMPLE, page_markdown(hooks()))
    assert plan.anchors == {"facts", "second"}
    assert "<div" not in plan.skeleton and "## Sources" in plan.skeleton


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE + "\nA paragraph of Markdown *text*.\n",
        SAMPLE + "\n- a list item\n",
        SAMPLE + "\n```\n<div>fenced</div>\n```\n",
        SAMPLE + "\n*[HTML]: Hyper Text Markup Language\n",
        SAMPLE.replace("## Sources", "Setext heading\n---"),
        "<div>A block first</div>\n\n# Then the title\n",
        SAMPLE + "\n<div>first</div> and a tail\n",
        SAMPLE + "\n<span>an inline tag</span>\n",
    ],
)
def test_a_page_with_real_markdown_takes_the_whole_way(text):
    _slow, fast = both_ways(text)
    assert fast is None
    module = hooks()
    module.on_config({"markdown_extensions": [*EXTENSIONS], "mdx_configs": CONFIGS})

    page = SimpleNamespace(file=SimpleNamespace(src_uri="x.md"))  # what the hook reads of a Page
    assert module.on_page_markdown(text, page=page) == text


def test_a_page_passes_through_only_with_the_processors_it_knows():
    module = hooks()
    assert module.pass_through(SAMPLE, page_markdown(module)) is not None
    md = page_markdown(module)
    md.preprocessors.register(NormalizeWhitespace(md), "another", 15)
    assert module.pass_through(SAMPLE, md) is None


def test_headings_that_do_not_render_one_line_each_take_the_whole_way():
    plan = hooks().pass_through(SAMPLE, page_markdown(hooks()))
    assert plan.splice('<h1 id="title">Ferry talks</h1>\n<p>x</p>\n<h2>S</h2>') is None
    assert plan.splice('<h1 id="title">Ferry talks</h1>') is None


def test_the_page_is_read_as_python_markdown_normalises_it():
    text = "# T\r\n\n<div>\ta\x02b\x03</div>\n   \n<p>x</p>\r"
    module = hooks()
    md = page_markdown(module)
    normalised = "\n".join(NormalizeWhitespace(md).run(text.split("\n")))
    slow, fast = both_ways(text)
    assert fast == slow
    assert module.pass_through(text, md).skeleton.split("\n")[0] == normalised.split("\n")[0]


class _Page:
    """What the hooks read and write of MkDocs' Page; `render` stands for the whole way."""

    def __init__(self) -> None:
        self.file = SimpleNamespace(src_uri="x.md")
        self.present_anchor_ids: set[str] = set()
        self.markdown = ""
        self.content = ""
        self.rendered: list[str] = []

    def render(self, config: object, files: object) -> None:
        self.rendered.append(self.markdown)
        self.content = "the whole way"


def test_a_page_whose_headings_render_otherwise_is_rendered_the_whole_way():
    module = hooks()
    config = {"markdown_extensions": [*EXTENSIONS], "mdx_configs": CONFIGS}
    module.on_config(config)
    page = _Page()
    page.markdown = module.on_page_markdown(SAMPLE, page=page)
    assert page.markdown != SAMPLE  # the headings alone
    odd = "<p>not one heading a line</p>"
    html = module.on_page_content(odd, page=page, config=config, files=[])
    assert (html, page.rendered) == ("the whole way", [SAMPLE])


def test_a_page_passed_through_reports_its_blocks_anchors_to_mkdocs():
    module = hooks()
    config = {"markdown_extensions": [*EXTENSIONS], "mdx_configs": CONFIGS}
    module.on_config(config)
    page = _Page()
    skeleton = module.on_page_markdown(SAMPLE, page=page)
    headings = page_markdown(module).convert(skeleton)
    page.present_anchor_ids = {"title"}
    html = module.on_page_content(headings, page=page, config=config, files=[])
    assert page.rendered == [] and '<p id="second">' in html
    assert page.present_anchor_ids == {"title", "facts", "second"}
