"""Text is text: markup in any free-text field shows up literally and never runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import edit, run_cli
from tests.htmlscan import read, site_pages

PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    "{{ 7*7 }} {% raw %} ]]> zero\u200bwidth " + "w" * 3000
)  # bidi controls are refused in content (tests/test_messages.py), so they are not here
LINE_START = "\n\n!!! note\n\n---\n{: onclick=alert(1) }\n<!--"

# (file, the line whose value gets the payload, the page that shows it)
FIELDS = [
    ("content/people.yaml", "name: Ada Quill", "people/quill"),
    ("content/people.yaml", "role: Mayor of Exampleton", "people/quill"),
    ("content/people.yaml", "aliases: [Stoker-Lee]", "people/stoker-lee"),
    ("content/groups.yaml", "name: The council of Exampleton", "people/council"),
    ("content/countries.yaml", "name: Norland", "countries/norland"),
    ("content/countries.yaml", "summary: Will not pay for any part of the bridge.", "countries"),
    ("content/stances.yaml", "label: Pays", "countries/exampleton"),
    ("content/statements.yaml", "context: On the bridge.", "people/stoker-lee"),
    ("content/statements.yaml", "text: It will not pay for any part", "countries/norland"),
    ("content/questions.yaml", "question: How much will the bridge cost?", "questions/bridge-cost"),
    ("content/questions.yaml", "known: The opposition says", "questions/bridge-cost"),
    ("content/events.yaml", "title: Council votes for the bridge", "timeline"),
    ("content/events.yaml", "when: Monday", "timeline"),
    ("content/glossary.yaml", "term: Glass River", "glossary"),
    ("content/glossary.yaml", "definition: The river the bridge would cross.", "glossary"),
    ("content/topics.yaml", "name: Cost", "topics/cost"),
    ("content/topics.yaml", "description: What the bridge costs", "topics/cost"),
    ("content/tags.yaml", "tag: bridge", "tags"),
    ("content/story.yaml", "title: Exampleton votes for a bridge", ""),
    ("content/story.yaml", "issue: paying for the bridge", "countries"),
    ("content/story.yaml", "summary: The council of Exampleton", ""),
    ("seeds/fic-bridge.yaml", "label: Fictional report on the Exampleton", "sources"),
    ("seeds/fic-bridge.yaml", "title: null", "sources/fic-bridge"),
    ("seeds/fic-bridge.yaml", "outlet: null", "sources/fic-bridge"),
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


def inject(root: Path, path: str, line: str) -> None:
    """Append the payload to the value on `line` (a new item, for a list), as a YAML string."""
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
    poison = f"{PAYLOAD}{LINE_START}"
    if whole.startswith("["):
        new = "[" + whole[1:-1] + ", " + json.dumps(poison) + "]"
    else:
        new = json.dumps(("" if whole == "null" else whole + " ") + poison)
    edit(root, path, text[start:end], f"{key}: {new}")


def assert_shown_as_text(root: Path, url: str, *, line_start: bool = True) -> None:
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert dangerous(site_pages(site)) == []
    page = read(site / url / "index.html")
    shown = " ".join(
        (page.text + " " + " ".join(v for e in page.elements for v in e.attrs.values())).split()
    )
    assert "<script>alert(1)</script><img src=x onerror=alert(1)>" in shown
    assert "[x](javascript:alert(1)) {{ 7*7 }} {% raw %} ]]>" in shown
    assert "]]> zero\u200bwidth" in shown
    assert "w" * 3000 in shown
    if line_start:
        assert "!!! note --- {: onclick=alert(1) } <!--" in shown


@pytest.mark.parametrize(
    ("path", "line", "url"), FIELDS, ids=[f"{f[0]}:{f[1].split(':')[0]}" for f in FIELDS]
)
def test_markup_in_a_field_is_shown_as_text(mini, path, line, url):
    inject(mini, path, line)
    assert_shown_as_text(mini, url)


def test_markup_in_an_article_text_is_shown_as_text(mini):
    with (mini / "seeds" / "fic-bridge.txt").open("a", encoding="utf-8") as text:
        text.write(PAYLOAD + " !!! note {: onclick=alert(1) } <!--\n")
    assert_shown_as_text(mini, "sources/fic-bridge", line_start=False)


def test_a_known_original_gets_a_link_to_the_exact_words(mini):
    edit(mini, "seeds/fic-bridge.yaml", "url: null", "url: https://news.example/bridge")
    result = run_cli(mini, "generate")
    assert result.returncode == 0, result.stderr
    page = (mini / "build" / "docs" / "people" / "stoker-lee.md").read_text(encoding="utf-8")
    assert 'href="https://news.example/bridge#:~:text=far%20too%20expensive"' in page
