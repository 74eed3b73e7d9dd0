"""A citation is made in one place (generator/pages/citations.py): its link, its tooltip, the
way it names its article, and the link to the same words in the original."""

from __future__ import annotations

from types import SimpleNamespace as Fake

from markupsafe import Markup

from generator.pages.citations import Citations, with_cites

ARTICLE = Fake(id="a", title="Bridge & <tolls>", label="Report A", url="https://news.example/a")
OTHER = Fake(id="b", title=None, label="Report B", url=None)
NAMES = {"a": "Daily Post, 6 January 2026", "b": "Report B"}


class Links:
    """Links as a page makes them: to the paragraph, or to the marked words' anchor."""

    def source(self, source, quoted=None):
        if source.reference is not None:
            return "../sources/#reference-" + source.reference.id
        return f"../{source.article.id}/#{quoted or 'p' + str(source.paragraph)}"


def cite(paragraph, article=ARTICLE):
    return Fake(article=article, paragraph=paragraph, reference=None)


def citations(articles=(ARTICLE, OTHER), marked=None):
    graph = Fake(articles={a.id: a for a in articles})
    return Citations(graph, lambda article: NAMES[article.id], lambda _st, _src: marked)


def test_a_citation_links_its_paragraph_named_by_outlet_and_date_with_the_title_as_tooltip():
    assert citations().link(cite(3), Links()) == (
        '<a class="xp-cite" href="../a/#p3" data-tip="Bridge &amp; &lt;tolls&gt;, paragraph 3">'
        "Daily Post, 6 January 2026,&#160;¶3</a>"  # "¶3" never alone on a line
    )


def test_a_citation_of_a_statement_lands_on_its_words_where_they_are_marked():
    link = citations(marked="q-st1").link(cite(3), Links(), quote=Fake(id="st1"))
    assert 'href="../a/#q-st1"' in link


def test_a_citation_named_by_its_paragraph_alone():
    assert (
        citations()
        .link(cite(2, OTHER), Links(), named=False)
        .endswith('data-tip="Report B, paragraph 2">¶2</a>')
    )


def test_sources_are_named_by_their_articles_only_where_the_story_has_several():
    assert citations(articles=[ARTICLE]).cites([cite(3), cite(4)], Links()) == (
        '<span class="xp-sources"><span class="xp-cite-end">Sources: '
        '<a class="xp-cite" href="../a/#p3" data-tip="Bridge &amp; &lt;tolls&gt;, paragraph 3">'
        "¶3</a></span>, "
        '<a class="xp-cite" href="../a/#p4" data-tip="Bridge &amp; &lt;tolls&gt;, paragraph 4">'
        "¶4</a></span>"
    )


def test_one_source_without_the_prefix():
    cited = citations().cites([cite(3)], Links(), prefix=False)
    assert cited.startswith('<span class="xp-sources"><a class="xp-cite"')


def test_the_prefix_stays_on_the_line_of_a_first_citation_named_by_its_paragraph_alone():
    cited = citations(articles=[ARTICLE]).cites([cite(3), cite(4)], Links())
    assert cited.startswith('<span class="xp-sources"><span class="xp-cite-end">Sources: <a ')
    assert cited.count('class="xp-cite-end"') == 1  # the second citation may wrap after ", "
    named = citations().cites([cite(3)], Links())  # its name may take the next line whole
    assert named.startswith('<span class="xp-sources">Source: <a ')


def test_a_reference_first_in_a_single_articles_story_may_wrap_after_the_prefix():
    """A reference is named in words ("a page by …"): kept on the prefix's line it would push a
    phone's page wider, so only a bare "¶3" is held there."""
    reference = Fake(id="plan", title="The plan", publisher="A publisher of a long name")
    source = Fake(article=None, paragraph=None, reference=reference)
    cited = citations(articles=[ARTICLE]).cites([source, cite(3)], Links())
    assert cited.startswith(
        '<span class="xp-sources">Sources: <a class="xp-cite xp-cite--reference"'
    )
    assert "xp-cite-end" not in cited


def test_a_reference_is_named_in_words_as_a_page_by_its_publisher():
    reference = Fake(id="plan", title="The <plan>", publisher="Ministry")
    source = Fake(article=None, paragraph=None, reference=reference)
    assert citations().cites([source], Links()) == (
        '<span class="xp-sources">Source: <a class="xp-cite xp-cite--reference" '
        'href="../sources/#reference-plan" data-tip="Reference: The &lt;plan&gt;">'
        "a page by Ministry</a></span>"
    )


def test_a_preview_names_the_paragraph_in_words():
    assert citations().words(cite(3)) == "Daily Post, 6 January 2026, paragraph 3"


def test_the_original_links_the_words_as_a_text_fragment():
    assert citations().original("https://news.example/a#top", "We will not pay") == (
        '<a class="xp-original" href="https://news.example/a#:~:text=We%20will%20not%20pay" '
        'rel="nofollow noopener">In the original</a>'
    )


def test_a_reference_without_a_publisher_is_named_by_its_title_in_words():
    reference = Fake(id="plan", title="The <plan>", publisher=None)
    source = Fake(article=None, paragraph=None, reference=reference)
    cited = citations().cites([source], Links(), prefix=False)
    assert ">the page “The &lt;plan&gt;”</a>" in cited
    assert "(reference)" not in cited


def test_a_citation_keeps_the_last_word_on_its_line():
    text = with_cites(Markup("over the <abbr data-tip='x y'>Glass River</abbr>."), Markup("¶1"))
    assert text == (
        "over the <span class=\"xp-cite-end\"><abbr data-tip='x y'>Glass River</abbr>. ¶1</span>"
    )
    assert with_cites("a <b>", Markup("¶2")) == ('a <span class="xp-cite-end">&lt;b&gt; ¶2</span>')
