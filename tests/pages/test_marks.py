"""The quoted words marked on an article's page (generator/pages/marks.py): where each quotation
stands, marks that still nest where quotations overlap, and the seed's words kept as text."""

from __future__ import annotations

from generator.content.variants import locate
from generator.pages.marks import Mark, marked

PARAGRAPH = "“We will open the bridge before winter and close the ferry,” said Mayor Ada Quill."


def test_a_quotation_is_located_in_the_paragraphs_own_characters():
    start, end = locate("We will open the bridge before winter", PARAGRAPH) or (0, 0)
    assert PARAGRAPH[start:end] == "We will open the bridge before winter"


def test_a_quotation_printed_otherwise_is_located_as_this_paragraph_prints_it():
    paragraph = "Quill said: «We won't wait – not for anyone.»"
    place = locate("We won’t wait — not for anyone", paragraph)
    assert place is not None
    assert paragraph[place[0] : place[1]] == "We won't wait – not for anyone"


def test_words_not_in_the_paragraph_are_not_located():
    assert locate("We will close the bridge", PARAGRAPH) is None


def test_words_outside_the_quotation_marks_are_not_where_a_quotation_is_located():
    paragraph = "Quill said the bridge would open before winter: “before winter, and not later”."
    start, end = locate("before winter", paragraph) or (0, 0)
    assert (start, end) == (paragraph.index("“") + 1, paragraph.index("“") + 14)


def test_a_quotation_is_marked_with_its_anchor():
    assert marked("“Open it now,” she said.", [Mark(1, 12, "q-1-open")]) == (
        '“<mark class="xp-quoted" id="q-1-open" data-q="q-1-open">Open it now</mark>,” she said.'
    )


def test_a_quotation_crossing_another_is_cut_where_the_other_ends():
    first = Mark(1, 38, "q-2-a")  # We will open the bridge before winter
    second = Mark(25, 58, "q-2-b")  # before winter and close the ferry
    assert marked(PARAGRAPH, [second, first]) == (
        '“<mark class="xp-quoted" id="q-2-a" data-q="q-2-a">We will open the bridge '
        '<mark class="xp-quoted" id="q-2-b" data-q="q-2-b">before winter</mark></mark>'
        '<mark class="xp-quoted" data-q="q-2-b"> and close the ferry</mark>,” said Mayor Ada Quill.'
    )


def test_a_quotation_inside_another_nests_in_it():
    outer = Mark(1, 58, "q-2-a")
    inner = Mark(14, 24, "q-2-b")  # the bridge
    assert marked(PARAGRAPH, [inner, outer]) == (
        '“<mark class="xp-quoted" id="q-2-a" data-q="q-2-a">We will open '
        '<mark class="xp-quoted" id="q-2-b" data-q="q-2-b">the bridge</mark>'
        " before winter and close the ferry</mark>,” said Mayor Ada Quill."
    )


def test_markup_in_the_seed_stays_text_inside_and_outside_a_mark():
    text = '"<b>No</b> deal," <img src=x> he said.'
    assert marked(text, [Mark(1, 15, "q-1-x")]) == (
        '&#34;<mark class="xp-quoted" id="q-1-x" data-q="q-1-x">&lt;b&gt;No&lt;/b&gt; deal</mark>'
        ",&#34; &lt;img src=x&gt; he said."
    )


def test_an_articles_page_marks_each_quotation_in_its_paragraph(mini_site):
    page = (mini_site / "build" / "docs" / "sources" / "article.md").read_text(encoding="utf-8")
    assert (
        '“<mark class="xp-quoted" id="q-3-stoker-lee-too-expensive" '
        'data-q="q-3-stoker-lee-too-expensive">far too expensive</mark>”'
    ) in page


def test_a_quotes_citation_links_to_its_marked_words(mini_site):
    page = (mini_site / "build" / "docs" / "people" / "quill.md").read_text(encoding="utf-8")
    assert 'href="../../sources/article/#q-2-quill-before-winter"' in page
