"""Text is text: markup in any free-text field shows up literally and never runs."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from generator.build import check, generate
from generator.content.linking import Linked
from generator.model import urls
from generator.pages.downloads import spreadsheet_safe
from generator.pages.rendering import render
from generator.project import Project
from generator.verify.html import read, site_pages
from tests.conftest import MINI, edit, make_project, run_cli

PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    "{{ 7*7 }} {% raw %} ]]> zero\u200bwidth " + "w" * 3000
)  # bidi controls are refused in content (tests/content/test_messages.py), so they are not here
LINE_START = "\n\n!!! note\n\n---\n{: onclick=alert(1) }\n<!--"

ARTICLE = "the article's page"  # named by its outlet or headline: asked of the story (`served`)
# (file, the line whose value gets the payload, the page that shows it)
FIELDS = [
    ("content/people.yaml", "name: Ada Quill", "people/quill"),
    ("content/people.yaml", "role: Mayor of Exampleton", "people/quill"),
    ("content/people.yaml", "aliases: [Stoker-Lee]", "people/stoker-lee"),
    ("content/groups.yaml", "name: The council of Exampleton", "people/council"),
    ("content/countries.yaml", "name: Norland", "countries/norland"),
    ("content/countries.yaml", "summary: Will not pay for any part of the bridge.", "countries"),
    ("content/stances.yaml", "label: Pays", "countries/exampleton"),
    ("content/stances.yaml", "description: Will pay for the bridge.", "countries/exampleton"),
    ("content/countries.yaml", "aliases: [NO]", "countries/norland"),
    ("content/statements.yaml", "context: On the bridge.", "people/stoker-lee"),
    ("content/statements.yaml", "text: Norland will not pay for any part", "countries/norland"),
    ("content/questions.yaml", "question: How much will the bridge cost?", "questions/bridge-cost"),
    ("content/questions.yaml", "known: The opposition says", "questions/bridge-cost"),
    ("content/events.yaml", "title: Council votes for the bridge", "timeline"),
    ("content/events.yaml", "when: Monday", "timeline"),
    ("content/events.yaml", "description: The council voted", "timeline"),
    ("content/glossary.yaml", "term: Glass River", "glossary"),
    ("content/glossary.yaml", "definition: The river the bridge would cross.", "glossary"),
    ("content/topics.yaml", "name: Cost", "topics/cost"),
    ("content/topics.yaml", "description: What the bridge costs", "topics/cost"),
    ("content/story.yaml", "title: Exampleton votes for a bridge", ""),
    ("content/story.yaml", "issue: paying for the bridge", "countries"),
    ("content/story.yaml", "summary: The council of Exampleton", ""),
    ("seeds/fic-bridge.yaml", "label: Fictional report on the Exampleton", "sources"),
    ("seeds/fic-bridge.yaml", "title: null", ARTICLE),
    ("seeds/fic-bridge.yaml", "outlet: null", ARTICLE),
]


def dangerous(pages: list[Path]) -> list[str]:
    """Script, event handlers and javascript: URLs that no template of ours writes."""
    found = []
    for path in pages:
        for element in read(path).elements:
            for name, value in element.attrs.items():
                if name.startswith("on") or value.strip().lower().startswith("javascript:"):
                    found.append(f"{path.name}: <{element.tag} {name}={value!r}>")
            if element.tag == "script" and "alert(" in element.text:
                found.append(f"{path.name}: script {element.text[:40]!r}")
            if element.tag == "img" and element.attrs.get("src") == "x":
                found.append(f"{path.name}: injected img")
    return found


def inject(root: Path, path: str, line: str, poison: str = PAYLOAD + LINE_START) -> None:
    """Append `poison` to the value on `line` (a new item, for a list), as a YAML string."""
    key = line.split(": ", 1)[0]
    file = root / path
    text = file.read_text(encoding="utf-8")
    start = text.index(line)
    value_start = start + len(key) + 2
    if text[value_start] == "[":
        end = text.index("]", value_start) + 1
    else:  # the value ends at the line's end, or at the next item of a {flow: mapping}
        end = min(i for i in (text.find(c, value_start) for c in ",}\n") if i >= 0)
    whole = text[value_start:end]
    if whole.startswith("["):
        new = "[" + whole[1:-1] + ", " + json.dumps(poison) + "]"
    else:
        new = json.dumps(("" if whole == "null" else whole + " ") + poison)
    edit(root, path, text[start:end], f"{key}: {new}")


def served(root: Path, url: str) -> str:
    """The page's folder on the site; the article's, as the story names it."""
    if url != ARTICLE:
        return url
    linked, _problems = check(Project.at(root))
    assert linked is not None
    return urls.url_of(linked.graph.articles["fic-bridge"].own_page()).rstrip("/")


def assert_shown_as_text(root: Path, url: str, *, line_start: bool = True, mark: str = "") -> None:
    site = root / "site"
    page = read(site / served(root, url) / "index.html")
    shown = " ".join(
        (page.text + " " + " ".join(v for e in page.elements for v in e.attrs.values())).split()
    )
    assert mark + "<script>alert(1)</script><img src=x onerror=alert(1)>" in shown
    assert "[x](javascript:alert(1)) {{ 7*7 }} {% raw %} ]]>" in shown
    assert "]]> zero\u200bwidth" in shown
    assert "w" * 3000 in shown
    if line_start:
        assert "!!! note --- {: onclick=alert(1) } <!--" in shown


def build(root: Path) -> None:
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    assert dangerous(site_pages(root / "site")) == []


def mark(number: int) -> str:
    return f"field{number:02d} "


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini story with the payload in every free-text field at once (each marked with its
    field's number), built once: every field's page is then read on its own."""
    root = make_project(MINI, tmp_path_factory.mktemp("poisoned"))
    for number, (path, line, _url) in enumerate(FIELDS):
        if line != HEADLINE:
            inject(root, path, line, mark(number) + PAYLOAD + LINE_START)
    build(root)
    return root


HEADLINE = "title: null"  # a known headline replaces the editors' label everywhere: built alone


@pytest.mark.xdist_group("poisoned-site")  # built once, on the worker that runs these
@pytest.mark.parametrize(
    ("number", "url"),
    [(number, url) for number, (_path, line, url) in enumerate(FIELDS) if line != HEADLINE],
    ids=[f"{f[0]}:{f[1].split(':')[0]}" for f in FIELDS if f[1] != HEADLINE],
)
def test_markup_in_a_field_is_shown_as_text(poisoned, number, url):
    assert_shown_as_text(poisoned, url, mark=mark(number))


def test_markup_in_a_headline_is_shown_as_text(mini):
    inject(mini, "seeds/fic-bridge.yaml", HEADLINE)
    build(mini)
    assert_shown_as_text(mini, ARTICLE)


def test_markup_in_an_article_text_is_shown_as_text(mini):
    with (mini / "seeds" / "fic-bridge.txt").open("a", encoding="utf-8") as text:
        text.write(PAYLOAD + " !!! note {: onclick=alert(1) } <!--\n")
    build(mini)
    assert_shown_as_text(mini, "sources/article", line_start=False)


def test_a_known_original_gets_a_link_to_the_exact_words(mini):
    edit(mini, "seeds/fic-bridge.yaml", "url: null", "url: https://news.example/bridge")
    page = (generated(mini) / "people" / "stoker-lee.md").read_text(encoding="utf-8")
    assert 'href="https://news.example/bridge#:~:text=far%20too%20expensive"' in page


# Every CSV column that carries free text: (file, the line whose value changes, csv, column).
CSV_COLUMNS = [
    ("content/people.yaml", "name: Ada Quill", "statements", "speakers"),
    ("content/statements.yaml", "text: Norland will not pay for any part", "statements", "text"),
    ("content/statements.yaml", "context: On the bridge.", "statements", "context"),
    ("content/countries.yaml", "name: Norland", "positions", "country"),
    ("content/stances.yaml", "label: Pays", "positions", "stance_label"),
    ("content/countries.yaml", "summary: Will build the bridge.", "positions", "summary"),
    ("content/questions.yaml", "question: How much will the bridge cost?", "questions", "question"),
    ("content/questions.yaml", "known: The opposition says", "questions", "known"),
]
FORMULA = "=HYPERLINK(A1)+SUM(A1:A9)"  # no quotation marks: those are refused outside quotes


def generated(root: Path) -> Path:
    """The folder the pages are written to, after generating them in process."""
    project = Project.at(root)
    _written, found = generate(project)
    assert found == [], found
    return project.docs


def csv_cells(root: Path, name: str, column: str) -> list[str]:
    text = (generated(root) / "data" / f"{name}.csv").read_bytes().decode("utf-8")
    return [row[column] for row in csv.DictReader(io.StringIO(text))]


def set_value(root: Path, path: str, line: str, value: str) -> None:
    """Replace the value on `line` (up to the line's end, or the next item of a {flow map})."""
    key = line.split(": ", 1)[0]
    text = (root / path).read_text(encoding="utf-8")
    start = text.index(line) + len(key) + 2
    end = min(i for i in (text.find(c, start) for c in ",}\n") if i >= 0)
    edit(root, path, text[text.index(line) : end], f"{key}: {json.dumps(value)}")


@pytest.mark.parametrize(
    ("path", "line", "name", "column"), CSV_COLUMNS, ids=[f"{c[2]}.{c[3]}" for c in CSV_COLUMNS]
)
def test_a_formula_in_a_csv_cell_is_text(mini, path, line, name, column):
    set_value(mini, path, line, FORMULA)
    assert "'" + FORMULA in csv_cells(mini, name, column)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"], ids=repr)
def test_every_formula_start_is_guarded(mini, start):
    set_value(mini, "content/statements.yaml", "context: On the bridge.", start + "1+1")
    assert "'" + start + "1+1" in csv_cells(mini, "statements", "context")


def test_a_carriage_return_at_a_cell_start_is_guarded():
    # Content refuses CR in values (tests/content/test_messages.py); the guard still covers it.
    assert spreadsheet_safe("\r=1+1") == "'\r=1+1"


def test_the_json_keeps_a_formula_exact(mini):
    set_value(mini, "content/statements.yaml", "context: On the bridge.", FORMULA)
    facts = json.loads((generated(mini) / "data" / "facts.json").read_text("utf-8"))
    assert FORMULA in [s.get("context") for s in facts["statements"]]


def test_every_csv_field_is_quoted(mini):
    docs = generated(mini)
    for name in ("statements", "positions", "questions"):
        text = (docs / "data" / f"{name}.csv").read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text)):
            assert all(f'"{cell}"' in text for cell in row)
        assert all(line.startswith('"') and line.endswith('"') for line in text.splitlines())


def rendered_pages(root: Path, change: Callable[[Linked], None] | None = None) -> dict[str, str]:
    linked, found = check(Project.at(root))
    assert linked is not None and not found, found
    if change:
        change(linked)
    pages = render(linked)
    return pages


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\u0085"], ids=repr)
def test_a_line_break_in_a_value_keeps_the_page_front_matter(mini, brk):
    """JSON leaves these raw; YAML would end the front matter at a `---` after them."""
    value = f"How much will the bridge cost?{brk}--- x{brk}..."

    def change(story: Linked) -> None:
        question = story.questions["bridge-cost"]
        story.questions["bridge-cost"] = question.model_copy(update={"question": value})
        node = story.graph.questions["bridge-cost"]
        node.record, node.question = story.questions["bridge-cost"], value

    _body, meta = get_data(rendered_pages(mini, change)["questions/bridge-cost.md"])
    assert meta["title"] == "How much will the bridge cost? --- x ..."
    assert json.loads(meta["jsonld"])["@graph"][0]["name"] == value
    assert meta["facts_as_of"] == "20 November 2026"


def test_bidi_controls_in_an_article_are_shown_not_obeyed(mini):
    seed = mini / "seeds" / "fic-bridge.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("new bridge", "new \u202ebridge\u202c \u2066x\u2069"), "utf-8")
    pages = rendered_pages(mini)
    article = pages["sources/article.md"]
    assert "new [U+202E]bridge[U+202C] [U+2066]x[U+2069]" in article
    controls = re.compile("[\u202a-\u202e\u2066-\u2069]")
    assert [path for path, page in pages.items() if controls.search(page)] == []
