"""Reader pages carry no plumbing: no data rows that mean nothing to a reader, "no date" said
once per page rather than after every badge, a speaker's own page does not name them on each
card, the glossary is alphabetical, and the contributors' edit note is one quiet line."""

from __future__ import annotations

import re
from pathlib import Path

from generator.build import generate
from generator.project import Project
from generator.verify.html import read
from tests.conftest import built, edit, problems

STORY_TITLE = "Exampleton votes for a bridge"


def page(root: Path, path: str) -> str:
    """A page as the generator writes it (before MkDocs), generating the story first."""
    _written, problems = generate(Project.at(root))
    assert problems == []
    return (Project.at(root).docs / path).read_text(encoding="utf-8")


def who_lines(markdown: str) -> list[str]:
    return re.findall(r'<p class="xp-statement__who">(.*?)</p>', markdown)


def test_a_country_page_shows_no_kind_row(mini):
    assert "<dt>Kind</dt>" not in page(mini, "countries/norland.md")


def test_an_article_page_shows_no_language_row(mini):
    assert "<dt>Language</dt>" not in page(mini, "sources/article.md")


def test_a_page_whose_positions_have_no_date_says_so_once(mini):
    norland = page(mini, "countries/norland.md")
    assert "The sources give no date for this position." in norland
    assert "date not stated" not in norland


def test_a_page_whose_statements_have_no_date_says_so_once(mini):
    quill = page(mini, "people/quill.md")
    assert "The sources give no date for this statement." in quill
    assert "Date not stated" not in quill


def test_a_timeline_without_dates_says_so_once(mini):
    edit(mini, "content/events.yaml", "  date: 2026-11-09\n", "  date: null\n")
    edit(mini, "content/events.yaml", "  date_sources: [{reference: council-minutes}]\n", "")
    timeline = page(mini, "timeline.md")
    assert "The sources give no date for this event." in timeline
    assert "date not stated" not in timeline


def test_a_timeline_whose_events_all_have_dates_says_it_is_in_date_order(mini):
    timeline = page(mini, "timeline.md")
    assert "Events in date order." in timeline
    assert "editors’ reading" not in timeline


def test_a_timeline_with_an_undated_event_says_its_order_is_the_editors_reading(mini):
    """Undated events are in the order the editors put them: the page must not claim the sources
    say that is the order they happened in."""
    edit(mini, "content/events.yaml", "  date: 2026-11-09\n", "  date: null\n")
    edit(mini, "content/events.yaml", "  date_sources: [{reference: council-minutes}]\n", "")
    timeline = page(mini, "timeline.md")
    assert "that order is the editors’ reading, not a fact the sources state." in timeline
    assert "in the order they happened" not in timeline
    assert "Events in date order." not in timeline


def test_a_speakers_own_page_does_not_name_them_on_their_cards(mini):
    (line,) = who_lines(page(mini, "people/quill.md"))
    assert line == '<span class="xp-badge xp-badge--direct">Direct quote</span>'
    assert any(">Ada Quill</a>" in line for line in who_lines(page(mini, "topics/cost.md")))


def test_a_card_on_a_speakers_own_page_names_who_else_said_it(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quill, stoker-lee]")
    (line,) = who_lines(page(mini, "people/quill.md"))
    assert re.sub(r"<[^>]+>", "", line) == "Direct quote with Bram Stoker-Lee"


def test_the_glossary_is_alphabetical_whatever_the_file_order(mini):
    with (mini / "content" / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write(
            "- id: council\n"
            "  term: Éxampleton council\n"
            "  definition: The town's elected body, which voted for the bridge.\n"
            "  sources: [{article: fic-bridge, paragraph: 1}]\n"
            "- id: bridge\n"
            "  term: bridge fund\n"
            "  definition: Money set aside for the crossing.\n"
            "  sources: [{article: fic-bridge, paragraph: 1}]\n"
        )
    terms = re.findall(r"<dt [^>]*>(.*?)</dt>", page(mini, "glossary.md"))
    assert terms == ["bridge fund", "Éxampleton council", "Glass River"]


def test_without_a_repository_a_page_names_no_file_and_has_no_edit_link(mini_site):
    quill = read(mini_site / "site" / "people" / "quill" / "index.html")
    assert not [e for e in quill.elements if e.attrs.get("class") == "xp-edit"]
    assert not [e for e in quill.elements if e.attrs.get("rel") == "edit"]
    assert "Source file" not in quill.text and "people.yaml" not in quill.text


def test_with_a_repository_a_page_suggests_a_correction_at_its_file_and_line(mini):
    with open(mini / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {repository: 'https://git.example.org/town/bridge'}\n")
    quill = read(built(mini) / "site" / "people" / "quill" / "index.html")
    (note,) = [e for e in quill.elements if e.attrs.get("class") == "xp-edit"]
    (link,) = [e for e in quill.elements if e.tag == "a" and e.attrs.get("rel") == "edit"]
    assert (
        " ".join(note.text.split()) == "Spotted a mistake? Suggest a correction on git.example.org"
    )
    assert link.text == "Suggest a correction on git.example.org"
    assert (
        link.attrs["href"] == "https://git.example.org/town/bridge/blob/main/content/people.yaml#L1"
    )
    assert "people.yaml" not in quill.text
    # No repository widget, whose script would call the git host's API from readers' browsers.
    assert not [e for e in quill.elements if e.attrs.get("data-md-component") == "source"]


def test_the_home_page_tab_shows_the_story_title_once(mini_site):
    home = (mini_site / "site" / "index.html").read_text("utf-8")
    assert f"<title>{STORY_TITLE}</title>" in home


def test_a_page_tab_names_the_page_then_the_story(mini_site):
    quill = (mini_site / "site" / "people" / "quill" / "index.html").read_text("utf-8")
    assert f"<title>Ada Quill – {STORY_TITLE}</title>" in quill


def test_a_tags_file_is_refused_with_what_to_do_instead(mini):
    (mini / "content" / "tags.yaml").write_text(
        "- id: bridge\n  tag: bridge\n  sources: [{article: fic-bridge, paragraph: 1}]\n",
        encoding="utf-8",
    )
    assert problems(mini) == [
        "content/tags.yaml:0:0: this file is in no known place, so nothing would read it: tags "
        "are no longer read, as an article's own hashtags add nothing for readers; file "
        "statements under topics (content/topics.yaml) instead, and delete this file"
    ]


def test_the_site_has_no_tags_page(mini_site):
    assert not (mini_site / "site" / "tags").exists()
