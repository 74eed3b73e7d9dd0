"""The home page's first screen and saying each thing once, on the fictional mini story (changed
in a copy where a case needs it): the story in brief, line by line, each with its citations;
the latest news in the records' words; the open and partly answered questions counted apart;
an article's paragraph naming each speaker once; an entity page listing each source once.
What readers see of it in a browser is in tests/browser/test_first_screen.py."""

from __future__ import annotations

import datetime as dt
import re

from generator.pages import summary
from generator.pages.rendering import render
from tests.conftest import checked, edit, rendered

PARTLY = "status: partly answered"
# A second, reported statement by the mayor, on the paragraph that quotes her.
SECOND = """- id: quill-opening
  kind: reported
  speakers: [quill]
  text: The bridge will open before winter.
  source: {article: fic-bridge, paragraph: 2}
"""


def words(html: str) -> str:
    """The text of some HTML, its tags left out."""
    return re.sub(r"<[^>]+>", "", html)


def glance_block(home: str) -> str:
    return home.split('<section class="xp-glance"')[1].split("</section>", maxsplit=1)[0]


def test_what_happened_is_the_key_facts_each_with_its_paragraph(mini):
    facts = summary.glance(checked(mini).graph).happened
    assert [(fact.text, [s.paragraph for s in fact.sources]) for fact in facts] == [
        ("The council of Exampleton voted to build a bridge over the Glass River.", [1]),
    ]  # the first only: one fits a phone's first screen with the four other lines


def test_without_key_facts_what_happened_is_the_summary(mini):
    path = mini / "content" / "story.yaml"
    path.write_text(path.read_text(encoding="utf-8").split("key_facts:")[0], encoding="utf-8")
    facts = summary.glance(checked(mini).graph).happened
    assert [fact.text for fact in facts] == [
        "The council of Exampleton voted to build a bridge over the Glass River; its cost is "
        "disputed."
    ]


def test_when_is_the_span_of_the_dated_events_cited_where_the_date_comes_from(mini):
    when = summary.glance(checked(mini).graph).when
    assert (when.first, when.last) == (dt.date(2026, 11, 9), dt.date(2026, 11, 9))
    assert [source.reference.id for source in when.sources] == ["council-minutes"]


def test_when_the_sources_give_no_date_the_summary_says_so(mini):
    edit(mini, "content/events.yaml", "  date: 2026-11-09\n", "  date: null\n")
    edit(mini, "content/events.yaml", "  date_sources: [{reference: council-minutes}]\n", "")
    story = checked(mini)
    assert summary.glance(story.graph).when.first is None
    assert '<span class="xp-unknown">date not given</span>' in glance_block(
        render(story)["index.md"]
    )


def test_without_a_dated_event_or_statement_when_says_when_the_articles_were_published(mini):
    edit(mini, "content/events.yaml", "  date: 2026-11-09\n", "  date: null\n")
    edit(mini, "content/events.yaml", "  date_sources: [{reference: council-minutes}]\n", "")
    edit(mini, "seeds/fic-bridge.yaml", "published: null", "published: 2026-11-20")
    block = glance_block(rendered(mini)["index.md"])
    assert (
        '<span class="xp-unknown">date not given</span>; published '
        '<time datetime="2026-11-20">20 November 2026</time> '
        '(<a href="sources/article-2026-11-20/">the article</a>)'
    ) in block


def test_key_facts_beyond_the_first_follow_below_the_brief_each_once(mini):
    edit(
        mini,
        "content/story.yaml",
        "  - text: Norland said it will not pay for any part of the bridge.\n"
        "    sources: [{article: fic-bridge, paragraph: 4}]\n",
        "".join(
            f"  - text: Key fact number {n}.\n"
            f"    sources: [{{article: fic-bridge, paragraph: {n}}}]\n"
            for n in (2, 3, 4)
        ),
    )
    home = rendered(mini)["index.md"]
    block = glance_block(home)
    assert "Exampleton voted" in words(block) and "Key fact number" not in words(block)
    assert '<a href="#more-key-facts">3 more key facts</a>' in block
    more = words(home.split("## More key facts {#more-key-facts}")[1].split("##")[0])
    assert all(f"Key fact number {n}" in more for n in (2, 3, 4))
    assert "Exampleton voted" not in more


def test_who_speaks_names_each_speaker_once_most_statements_first(mini):
    with (mini / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(SECOND)
    speakers = summary.glance(checked(mini).graph).speakers
    assert [(s.entity.name, s.count) for s in speakers] == [
        ("Ada Quill", 2),
        ("Bram Stoker-Lee", 1),
        ("Norland", 1),
    ]


def test_a_speaker_the_sources_only_possibly_name_is_marked_so_and_named_last(mini):
    edit(mini, "content/statements.yaml", "speakers: [quill]", "speakers: [quill, stoker-lee]")
    edit(
        mini,
        "content/statements.yaml",
        "  topics: [cost]\n- id: stoker-lee-too-expensive",
        "  topics: [cost]\n  attribution: ambiguous\n  attribution_note: The article is unclear."
        "\n- id: stoker-lee-too-expensive",
    )
    speakers = summary.glance(checked(mini).graph).speakers
    assert [(s.entity.name, s.uncertain) for s in speakers] == [
        ("Bram Stoker-Lee", False),
        ("Norland", False),
        ("Ada Quill", True),
    ]
    block = glance_block(rendered(mini)["index.md"])
    assert "Ada Quill</a> (who said it is uncertain) <span" in block


def test_each_party_is_shown_under_its_stance_with_its_citation(mini):
    block = glance_block(rendered(mini)["index.md"])
    assert re.search(
        r'Will not pay</span>: <span class="xp-cite-end"><a href="countries/norland/">'
        r'Norland</a> <span class="xp-sources"><a class="xp-cite" href="[^"]*#p-4"',
        block,
    )


def test_the_unknown_line_tells_open_and_partly_answered_questions_apart(mini):
    edit(mini, "content/questions.yaml", "status: open", PARTLY)
    block = glance_block(rendered(mini)["index.md"])
    assert "How much will the bridge cost?</a>" in block
    assert "xp-status--partly-answered" in block


def test_a_partly_answered_question_is_listed_once_on_the_home_page(mini):
    edit(mini, "content/questions.yaml", "status: open", PARTLY)
    home = rendered(mini)["index.md"]
    body = home.split("{#title}")[1]  # the page, its description aside
    assert body.count("How much will the bridge cost?") == 1  # in the story in brief only
    cards = home.split("## What we know, and what we don't")[1]
    assert "Besides the question in the story in brief above:" in cards
    assert "No other question is open." in cards


def test_the_key_facts_are_not_repeated_as_the_story_so_far(mini):
    body = rendered(mini)["index.md"].split("{#title}")[1]  # the page, its description aside
    assert "The story so far" not in body
    assert body.count("The council of Exampleton voted to build a bridge over the") == 1
    assert "its cost is disputed" not in body  # the summary says it again in other words


def test_the_count_of_questions_says_open_and_partly_answered_apart(mini):
    with (mini / "content" / "questions.yaml").open("a", encoding="utf-8") as questions:
        questions.write(
            "- id: opening\n  question: When will the bridge open?\n  status: partly answered\n"
            "  known: The mayor says before winter.\n"
            "  sources: [{article: fic-bridge, paragraph: 2}]\n"
        )
    figures = rendered(mini)["index.md"].split('<p class="xp-figures">')[1].split("</p>")[0]
    assert ">1 open, 1 partly answered questions</a>" in figures


def test_the_latest_news_says_what_changed_in_the_records_words(mini):
    home = rendered(mini)["index.md"]
    latest = home.split('<ul class="xp-latest">')[1].split("</ul>")[0]
    assert '<a href="countries/exampleton/">Exampleton</a>’s stance: Pays.' in latest


def test_a_paragraph_names_each_speaker_citing_it_once(mini):
    with (mini / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(SECOND)
    article = rendered(mini)["sources/article.md"]
    second = article.split('id="p-2"')[1].split("</div>", 1)[0]
    citing = second.split("Statements citing it: ")[1].split("</p>")[0]
    assert citing.count("Ada Quill") == 1
    assert citing == (
        'Ada Quill: <a href="../../people/quill/#s-quill-before-winter">1 quoted</a>, '
        '<a href="../../people/quill/#s-quill-opening">1 paraphrased</a>'
    )


def test_a_persons_page_lists_each_source_once_with_where_it_mentions_them(mini):
    page = rendered(mini)["people/quill.md"]
    assert "## Mentioned in" not in page
    sources = page.split("## Sources this page draws on")[1]
    assert sources.count('href="../../sources/article/"') == 1
    assert ': mentioned <span class="xp-cite-end">in <a class="xp-cite"' in sources


def test_a_statement_card_has_one_link_control_with_its_copy_button(mini):
    page = rendered(mini)["people/quill.md"]
    card = page.split('id="s-quill-before-winter"')[1].split("</article>")[0]
    assert "Permalink" not in card and "Copy link" not in card
    share = card.split('<span class="xp-share">')[1].split("</span>")[0]
    assert 'class="xp-permalink"' in share and 'class="xp-copy"' in share
    assert "data-cite=" in share  # a direct quote's words go with its copied link
