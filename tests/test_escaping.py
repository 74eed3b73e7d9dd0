"""Text is text: markup in any free-text field shows up literally and never runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit, run_cli
from tests.htmlscan import read, site_pages

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) {{ 7*7 }}"
LINE_START = "\n\n!!! note\n\n---\n{: onclick=alert(1) }\n<!--"

FIELDS = [
    ("content/people.yaml", "name: Ada Quill", "people/quill"),
    ("content/people.yaml", "role: Mayor of Exampleton", "people/quill"),
    ("content/statements.yaml", "context: On the bridge.", "people/stoker-lee"),
    (
        "content/statements.yaml",
        "text: It will not pay for any part of the bridge.",
        "countries/norland",
    ),
    ("content/questions.yaml", "question: How much will the bridge cost?", "questions/bridge-cost"),
    ("content/glossary.yaml", "definition: The river the bridge would cross.", "glossary"),
    ("content/topics.yaml", "name: Cost", "topics/cost"),
    ("content/events.yaml", "title: Council votes for the bridge", "timeline"),
    ("content/story.yaml", "title: Exampleton votes for a bridge", ""),
    (
        "seeds/fic-bridge.yaml",
        "label: Fictional report on the Exampleton bridge vote",
        "sources/fic-bridge",
    ),
]


def dangerous(pages: list[Path]) -> list[str]:
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


@pytest.mark.parametrize(
    ("path", "line", "url"), FIELDS, ids=[f[1].split(":")[0] + "@" + f[0] for f in FIELDS]
)
def test_markup_in_a_field_is_shown_as_text(mini, path, line, url):
    key, value = line.split(": ", 1)
    payload = f"{value} {PAYLOAD}{LINE_START}"
    escaped = payload.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    edit(mini, path, line, f'{key}: "{escaped}"')
    result = run_cli(mini, "build")
    assert result.returncode == 0, result.stderr
    site = mini / "site"
    assert dangerous(site_pages(site)) == []
    page = read(site / url / "index.html")
    assert "<script>alert(1)</script><img src=x onerror=alert(1)>" in page.text
    assert "{{ 7*7 }}" in page.text
    assert "!!! note --- {: onclick=alert(1) } <!--" in page.text


def test_a_known_original_gets_a_link_to_the_exact_words(mini):
    edit(mini, "seeds/fic-bridge.yaml", "url: null", "url: https://news.example/bridge")
    result = run_cli(mini, "generate")
    assert result.returncode == 0, result.stderr
    page = (mini / "build" / "docs" / "people" / "stoker-lee.md").read_text(encoding="utf-8")
    assert 'href="https://news.example/bridge#:~:text=far%20too%20expensive"' in page
