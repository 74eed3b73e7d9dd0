"""Which questions the home and questions pages list where, on small changes to the mini story
(the browser tests in tests/browser/test_many_sources.py show the rest on the multi story)."""

from __future__ import annotations

import re

from generator.model.records import RECORD_TYPES
from generator.pages.views import cited_groups
from tests.conftest import checked, edit, rendered


def unknown_yet(home: str) -> str:
    """The home page's lists of what we don't know yet: the story in brief's "Still unknown"
    and the card of the questions the brief does not name."""
    brief = home.split('class="xp-glance__line xp-glance__unknown"')[1].split("</div>", maxsplit=1)[
        0
    ]
    return brief + home.split("What we don't know yet")[1].split("</section>", maxsplit=1)[0]


def test_the_home_page_lists_a_partly_answered_question_as_not_known_yet(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: partly answered")
    listed = unknown_yet(rendered(mini)["index.md"])
    assert "How much will the bridge cost?" in listed


def test_the_home_page_does_not_list_an_answered_question_as_not_known_yet(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: answered")
    listed = unknown_yet(rendered(mini)["index.md"])
    assert "How much will the bridge cost?" not in listed


def test_the_questions_page_has_a_section_only_for_statuses_it_lists(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: moot")
    sections = re.findall(r"^## (.+)$", rendered(mini)["questions/index.md"], flags=re.MULTILINE)
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
    page = rendered(mini)["people/quill.md"]
    assert "Who said it is uncertain:</span> <a" in page
    assert 'Ada Quill</a> or <a class="xp-speaker"' in page
    assert "Ada Quill</a> and <a" not in page


def test_an_articles_paragraph_lists_every_other_fact_that_cites_it_under_its_kind(mini):
    page = rendered(mini)["sources/article.md"]
    first = page.split('id="p-1"')[1].split("</div>", 1)[0]
    assert "Other facts citing it:" in first
    assert (
        'Timeline: <a href="../../timeline/#event-vote">Council votes for the bridge</a>' in first
    )
    assert 'Countries: <a href="../../countries/exampleton/">Exampleton</a>' in first
    assert 'Summary: <a href="../../">' in first


def test_no_fact_citing_a_paragraph_is_followed_by_its_type(mini):
    page = rendered(mini)["sources/article.md"]
    tags = [f"({c.record})" for c in RECORD_TYPES] + ["(the story&#39;s summary)"]
    assert [tag for tag in tags if tag in page] == []


def test_facts_are_grouped_under_what_readers_call_them_in_the_order_they_come(mini):
    graph = checked(mini).graph
    facts = [graph.people["quill"], graph.countries["norland"], graph.people["stoker-lee"]]
    facts.append(graph.story)
    assert [
        (heading, [f.id if f.collection.many else "story" for f in group])
        for heading, group in cited_groups(facts)
    ] == [
        ("People", ["quill", "stoker-lee"]),
        ("Countries", ["norland"]),
        ("Summary", ["story"]),
    ]
