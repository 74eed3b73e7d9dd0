"""Ids become page paths and HTML ids: `check` refuses an id that would overwrite a page, and
no id taken from a record can repeat on a page or equal one of the page's own ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import check
from generator.pages.rendering import render
from generator.project import Project
from tests.conftest import edit, problems


def pages(root: Path) -> dict[str, str]:
    linked, found = check(Project.at(root))
    assert linked is not None, found
    return render(linked)


def ids(page: str) -> list[str]:
    return re.findall(r' id="([^"]+)"', page) + re.findall(r"\{#([^}]+)\}", page)


@pytest.mark.parametrize(
    ("file", "old", "location", "what", "section"),
    [
        ("content/people.yaml", "id: quill", "people.yaml:1:7", "person", "people"),
        ("content/countries.yaml", "id: norland", "countries.yaml:10:7", "country", "countries"),
        ("content/topics.yaml", "id: cost", "topics.yaml:1:7", "topic", "topics"),
        (
            "content/questions.yaml",
            "id: bridge-cost",
            "questions.yaml:1:7",
            "question",
            "questions",
        ),
    ],
)
def test_an_id_that_would_overwrite_a_section_page_is_refused(
    mini, file, old, location, what, section
):
    edit(mini, file, old, "id: index")
    assert (
        f"content/{location}: the id 'index' is taken by the site: this {what}'s page would be "
        f"{section}/index.md, which is the {section} page; choose another id"
    ) in problems(mini)


def test_an_article_id_that_would_overwrite_the_sources_page_is_refused(mini):
    for suffix in ("txt", "yaml"):
        (mini / "seeds" / f"fic-bridge.{suffix}").rename(mini / "seeds" / f"index.{suffix}")
    edit(mini, "seeds/index.yaml", "id: fic-bridge", "id: index")
    assert (
        "seeds/index.yaml:1:5: the id 'index' is taken by the site: this article's page would be "
        "sources/index.md, which is the sources page; choose another id"
    ) in problems(mini)


def test_a_glossary_term_id_is_not_the_glossary_pages_own_id(mini):
    edit(mini, "content/glossary.yaml", "id: glass-river", "id: glossary")
    assert "glossary" not in ids(pages(mini)["glossary.md"])


def test_an_event_id_is_not_the_timeline_pages_own_id(mini):
    edit(mini, "content/events.yaml", "id: vote", "id: timeline")
    assert "timeline" not in ids(pages(mini)["timeline.md"])


def test_a_speakers_id_is_not_the_statements_pages_own_id(mini):
    edit(mini, "content/people.yaml", "id: quill", "id: who-said-what")
    for file in ("content/statements.yaml", "content/questions.yaml"):
        text = (mini / file).read_text(encoding="utf-8")
        (mini / file).write_text(text.replace("[quill]", "[who-said-what]"), encoding="utf-8")
    assert "who-said-what" not in ids(pages(mini)["statements/index.md"])


def test_a_statement_with_two_speakers_has_one_card_per_page(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quill, stoker-lee]")
    rendered = pages(mini)
    for page in ("statements/index.md", "countries/exampleton.md"):
        assert ids(rendered[page]).count("s-quill-before-winter") == 1, page


def test_an_id_listed_twice_is_refused(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quill, quill]")
    assert problems(mini) == [
        "content/statements.yaml:3:21: 'quill' is listed twice here: keep one"
    ]


def test_a_question_is_not_related_to_itself(mini):
    edit(
        mini,
        "content/questions.yaml",
        "statements: [stoker-lee-too-expensive]",
        "statements: [stoker-lee-too-expensive]\n  related: [bridge-cost]",
    )
    assert problems(mini) == [
        "content/questions.yaml:6:13: a question is not related to itself: remove 'bridge-cost' "
        "from `related`"
    ]
