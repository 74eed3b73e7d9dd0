"""The home page leads with the story's key facts, and the positions picture gives each stance a
colour of its own and never shows the story's subject as one of its members (tests/fixtures/mini,
changed in a copy)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import edit, problems, run_cli

KEY_FACT = "  - text: Norland said it will not pay for any part of the bridge.\n"
KEY_FACT_SOURCES = "    sources: [{article: fic-bridge, paragraph: 4}]\n"
MORE_STANCES = "".join(
    f"- {{id: s{n}, label: Stance {n}, description: Stance number {n}., colour: {colour}}}\n"
    for n, colour in enumerate(["teal", "blue", "purple", "pink", "orange", "olive", "olive"])
)


def home(root: Path) -> str:
    """The home page's Markdown, as `generate` writes it."""
    result = run_cli(root, "generate")
    assert result.returncode == 0, result.stdout + result.stderr
    return (root / "build" / "docs" / "index.md").read_text(encoding="utf-8")


def test_a_key_fact_must_cite_a_paragraph_the_article_has(mini):
    edit(mini, "content/story.yaml", KEY_FACT_SOURCES, KEY_FACT_SOURCES.replace("4}", "9}"))
    assert problems(mini) == [
        "content/story.yaml:10:48: article 'fic-bridge' has 4 paragraphs, so there is no "
        "paragraph 9: count its non-empty lines"
    ]


def test_a_key_fact_needs_its_sources(mini):
    edit(mini, "content/story.yaml", KEY_FACT_SOURCES, "")
    assert problems(mini) == [
        "content/story.yaml:9:5: missing required field 'sources': add `sources:` to this record"
    ]


def test_a_key_fact_holds_no_quotation_marks(mini):
    edit(mini, "content/story.yaml", "will not pay for any", "will “not pay” for any")
    assert problems(mini) == [
        "content/story.yaml:9:11: the quotation mark “ belongs only in the `text` of a `direct` "
        "statement, where the build proves the quotation against the source: paraphrase without "
        "quotation marks, or make a direct statement"
    ]


def test_key_facts_open_the_home_page_each_with_its_paragraph(mini):
    page = home(mini)
    facts = page.index('<section class="xp-glance"')
    assert facts < page.index('<p class="xp-figures">') < page.index("## Who stands where")
    assert (
        '<span class="xp-key-fact">The council of Exampleton voted to build a bridge over the '
        '<span class="xp-cite-end"><abbr data-tip="The river the bridge would cross." '
        'tabindex="0">Glass River</abbr>. '
        '<span class="xp-sources"><a class="xp-cite" href="sources/article/#p-1"'
    ) in page
    more = page.split("## More key facts")[1]
    assert "Norland said it will not pay for any part of the" in more
    assert 'href="sources/article/#p-4"' in more


def test_without_key_facts_the_summary_opens_the_home_page(mini):
    path = mini / "content" / "story.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("key_facts:")[0], encoding="utf-8")
    page = home(mini)
    assert "xp-key-fact" not in page
    assert page.index('<span class="xp-summary">') < page.index('<p class="xp-figures">')


def test_two_stances_may_not_share_a_colour(mini):
    edit(mini, "content/stances.yaml", "colour: red", "colour: green")
    assert problems(mini) == [
        "content/stances.yaml:2:88: stance 'pays' already has this colour: choose one no stance "
        "uses yet: `teal`, `blue`, `purple`, `pink`, `orange`, `red`, `olive`"
    ]


def test_a_stance_beyond_the_eight_colours_is_refused(mini):
    with (mini / "content" / "stances.yaml").open("a", encoding="utf-8") as stances:
        stances.write(MORE_STANCES)
    assert problems(mini) == [
        "content/stances.yaml:9:68: stance 's5' already has this colour: every colour is taken: "
        "merge stances that readers need not tell apart"
    ]


def test_the_stories_subject_is_not_shown_as_one_of_its_members(mini):
    with (mini / "content" / "countries.yaml").open("a", encoding="utf-8") as countries:
        countries.write(
            "- id: river-league\n  name: River League\n  kind: organisation\n  positions:\n"
            "    - {stance: pays, summary: Will pay., date: null, "
            "sources: [{article: fic-bridge, paragraph: 1}]}\n"
        )
    with (mini / "content" / "story.yaml").open("a", encoding="utf-8") as story:
        story.write("subject: river-league\n")
    page = home(mini)
    picture = re.search(r'<ul class="xp-positions">.*?</ul></li></ul>', page)
    assert picture is not None and "Exampleton" in picture.group()
    assert "River League" not in picture.group()
    assert '<a href="countries/">2 countries and organisations</a>' in page
    assert (
        '<p class="xp-subject"><a href="countries/river-league/">River League</a> is the grouping '
        "this story is about, so it is not shown as one of its members.</p>"
    ) in page


def test_an_undated_article_is_said_once_to_have_no_publication_date(mini):
    page = home(mini)
    assert page.count("publication date") == 1
    assert "The article gives no publication date." in page


def test_without_any_date_the_latest_news_is_said_to_be_unknown(mini):
    edit(mini, "content/countries.yaml", "      date: 2026-11-16\n", "      date: null\n")
    edit(mini, "content/events.yaml", "  date: 2026-11-09\n", "  date: null\n")
    edit(mini, "content/events.yaml", "  date_sources: [{reference: council-minutes}]\n", "")
    page = home(mini)
    assert (
        "<p><strong>Latest news:</strong> not known: the sources give no dates, so what changed "
        "last cannot be told; everything here comes from one article.</p>"
    ) in page
