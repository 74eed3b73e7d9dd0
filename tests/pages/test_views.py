"""Which questions the home and questions pages list where, on small changes to the mini story
(the browser tests in tests/browser/test_many_sources.py show the rest on the multi story)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.build import check
from generator.pages.rendering import render
from generator.project import Project
from tests.conftest import edit


def pages(root: Path) -> dict[str, str]:
    linked, found = check(Project.at(root))
    assert linked is not None and found == [], found
    return render(linked)


def unknown_yet(home: str) -> str:
    """The home page's list of what we don't know yet."""
    return home.split("What we don't know yet")[1].split("</section>", maxsplit=1)[0]


def test_the_home_page_lists_a_partly_answered_question_as_not_known_yet(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: partly answered")
    listed = unknown_yet(pages(mini)["index.md"])
    assert "How much will the bridge cost?" in listed


def test_the_home_page_does_not_list_an_answered_question_as_not_known_yet(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: answered")
    listed = unknown_yet(pages(mini)["index.md"])
    assert "How much will the bridge cost?" not in listed


def test_the_questions_page_has_a_section_only_for_statuses_it_lists(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: moot")
    sections = re.findall(r"^## (.+)$", pages(mini)["questions/index.md"], flags=re.MULTILINE)
    assert sections == ["No longer relevant"]


def test_an_ambiguous_attribution_names_its_speakers_as_candidates_not_co_speakers(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quill, stoker-lee]")
    edit(
        mini,
        "content/statements.yaml",
        "  topics: [cost]\n- id: stoker-lee-too-expensive",
        "  topics: [cost]\n  attribution: ambiguous\n  attribution_note: The article is unclear."
        "\n- id: stoker-lee-too-expensive",
    )
    page = pages(mini)["people/quill.md"]
    assert "Who said it is uncertain:</span> <a" in page
    assert 'Ada Quill</a> or <a class="xp-speaker"' in page
    assert "Ada Quill</a> and <a" not in page


def test_an_articles_paragraph_lists_every_other_fact_that_cites_it(mini):
    page = pages(mini)["sources/fic-bridge.md"]
    first = page.split('id="p-1"')[1].split("</div>", 1)[0]
    assert "Other facts citing it:" in first
    assert '<a href="../../timeline/#event-vote">Council votes for the bridge</a> (event)' in first
    assert '<a href="../../countries/exampleton/">Exampleton</a> (country)' in first
    assert "(the story&#39;s summary)" in first
