"""One word per idea: a paraphrase is a "Paraphrase", a date is "Published", coverage is "In N
outlets", counted by independent origin (syndication is not corroboration); question statuses
follow their titles and read as readers say them; a glossary term the sources do not explain
says so, and the editors' explanation is marked as theirs."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace as Fake

import pytest
import yaml

from generator.model.records import Term
from generator.pages import prose, views
from tests.conftest import MULTI, ROOT, edit, make_project, rendered


def shown(html: str) -> str:
    """The words a reader sees in a piece of a page: tags dropped, spaces folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" :", ":").replace(" .", ".")


@pytest.fixture
def multi(tmp_path: Path) -> Path:
    return make_project(MULTI, tmp_path / "multi")


def card(page: str, anchor: str) -> str:
    """One statement's card on a page."""
    return page.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0]


# Reports in articles of these (outlet, via) pairs.
def reports(*articles: tuple[str | None, str | None]) -> list[Fake]:
    return [
        Fake(article=Fake(id=f"a{n}", outlet=outlet, via=via, label=f"Article {n}"))
        for n, (outlet, via) in enumerate(articles)
    ]


# Words -----------------------------------------------------------------------------------------


def test_no_page_calls_anything_reported(mini):
    """ "Reported" meant a paraphrase, a date and a count at once: it is no word of the site's.
    (The mini story's own text never says it, so any "reported" on its pages is the site's.)"""
    for path, text in rendered(mini).items():
        if not path.endswith(".md"):
            continue  # data files keep `kind: reported`
        visible = shown(re.sub(r'class="[^"]*"', "", text))
        assert not re.search(r"\b[Rr]eported\b", visible), path


def test_a_paraphrase_is_badged_paraphrase_on_its_card_and_in_compact_lines(mini):
    page = rendered(mini)["countries/norland.md"]
    assert '<span class="xp-badge xp-badge--reported">Paraphrase</span>' in page
    lines = rendered(mini)["statements/index.md"]
    assert "Paraphrase</span>" in lines and ">Reported<" not in lines


def test_a_statement_dated_by_its_article_says_when_it_was_published(multi):
    page = card(rendered(multi)["people/dusek.md"], "s-dusek-halt-to-study")
    date = shown(page.split('class="xp-statement__date">', 1)[1].split("</p>")[0])
    assert date == "First published 11 March 2026"


# Coverage: syndication is not corroboration ----------------------------------------------------


def test_an_outlet_republishing_an_agencys_copy_counts_with_that_agency():
    counted = views.coverage(reports(("Agency", None), ("Courier", None), ("Today", "Agency")))
    assert (counted.articles, counted.outlets, counted.origins) == (3, 3, 2)
    assert (
        prose.coverage(reports(("Agency", None), ("Courier", None), ("Today", "Agency")))
        == "In 3 outlets, 2 independent reports"
    )


def test_outlets_carrying_one_agencys_copy_are_one_independent_report():
    carried = reports(("Today", "Agency"), ("Courier", "Agency"), ("Daily", "Agency"))
    assert prose.coverage(carried) == "In 3 outlets, 1 independent report"


def test_one_outlets_articles_count_as_one_outlet_and_one_report():
    same = reports(("Courier", None), ("Courier", None))
    assert prose.coverage(same) == "In 2 articles of 1 outlet, 1 independent report"
    assert "one outlet’s articles count once (Courier)" in str(prose.coverage_counted(same))


def test_independent_outlets_need_no_note_on_how_they_were_counted():
    separate = reports(("Courier", None), ("Herald", None))
    assert prose.coverage(separate) == "In 2 outlets"
    assert prose.coverage_counted(separate) is None


def test_articles_of_unknown_outlet_are_not_taken_for_one_outlet():
    assert views.coverage(reports((None, None), (None, None))).origins == 2


def test_an_outlet_named_as_its_own_via_is_not_syndicated():
    assert views.coverage(reports(("Agency", "Agency"), ("Agency ", None))).syndicated == ()


def test_the_card_counts_outlets_and_independent_reports_and_says_how(multi):
    reports_block = card(rendered(multi)["people/annar.md"], "s-annar-every-litre")
    assert shown(reports_block.split('class="xp-reports__heading">')[1].split("</p>")[0]) == (
        "In 3 outlets, 2 independent reports"
    )
    assert (
        "an outlet republishing an agency’s copy counts with that agency (Cordenia Today, via "
        "Northgate Press Agency)" in reports_block
    )


def test_without_via_the_same_reports_are_independent(multi):
    edit(multi, "seeds/fic-today-summit.yaml", "via: Northgate Press Agency", "via: null")
    reports_block = card(rendered(multi)["people/annar.md"], "s-annar-every-litre")
    assert 'class="xp-reports__heading">In 3 outlets</p>' in reports_block
    assert "xp-reports__counted" not in reports_block


# How each outlet printed it ----------------------------------------------------------------------


def test_typography_only_variants_are_folded_under_a_request(multi):
    block = card(rendered(multi)["people/annar.md"], "s-annar-every-litre")
    listed, folded = block.split('<details class="xp-reports__printed">')
    assert "As printed" not in listed and "doesn&#39;t" not in listed
    assert "<summary>Show how each outlet printed it</summary>" in folded
    assert "The Belmark Courier, 3 March 2026: " in shown(folded)
    assert "doesn&#39;t belong to one country..." in folded


def test_a_report_in_its_own_words_is_shown_outside_any_request(multi):
    block = card(rendered(multi)["people/dusek.md"], "s-dusek-halt-to-study")
    assert "This source’s wording:" in block
    assert "<details" not in block


# Question statuses ------------------------------------------------------------


def test_a_moot_question_reads_no_longer_relevant_everywhere(mini):
    edit(mini, "content/questions.yaml", "status: open", "status: moot")
    made = rendered(mini)
    for path in ("questions/index.md", "questions/bridge-cost.md", "methodology.md"):
        assert "No longer relevant" in made[path] or "no longer relevant" in made[path], path
        assert not re.search(r"\b[Mm]oot\b", shown(re.sub(r'class="[^"]*"', "", made[path])))


def test_on_the_questions_page_a_status_follows_its_question(mini):
    entry = rendered(mini)["questions/index.md"].split('<div class="xp-card xp-question">')[1]
    assert entry.index('class="xp-status') > entry.index('class="xp-card__title"')


def test_on_a_question_page_the_status_follows_the_heading(mini):
    page = rendered(mini)["questions/bridge-cost.md"]
    assert page.index('class="xp-status') > page.index("\n# How much will the bridge cost")


def test_the_questions_page_names_the_section_of_moot_questions_as_readers_say_it():
    assert "No longer relevant" in views.QUESTION_SECTIONS
    assert views.status_label("moot") == "No longer relevant"


# Glossary ------------------------------------------------------------

DEFINITION = "  definition: The river the bridge would cross.\n"
USAGE = "  usage: The mayor says the bridge would cross it.\n"
EXPLANATION = (
    "  explanation:\n    text: A river that runs past the town hall.\n"
    "    sources: [{reference: council-minutes}]\n"
)


def glossary_entry(root: Path) -> str:
    return rendered(root)["glossary.md"].split('id="term-glass-river"', 1)[1].split("</dd>")[0]


def test_a_term_the_sources_do_not_explain_says_so_and_how_the_article_uses_it(mini):
    edit(mini, "content/glossary.yaml", DEFINITION, USAGE)
    entry = glossary_entry(mini)
    assert '<span class="xp-unknown">Not explained by the sources' in entry
    assert "<strong>How the article uses it:</strong> The mayor says the bridge" in entry
    assert "without defining" not in entry
    assert ">¶1</a>" in entry.split("How the article uses it")[1]


def test_a_terms_tooltip_says_the_sources_do_not_explain_it(mini):
    edit(mini, "content/glossary.yaml", DEFINITION, USAGE)
    home = rendered(mini)["index.md"]
    assert 'data-tip="Not explained by the sources. How the article uses it: The mayor' in home


def test_the_editors_explanation_is_marked_as_theirs_and_cites_its_reference(mini):
    edit(mini, "content/glossary.yaml", DEFINITION, USAGE + EXPLANATION)
    entry = glossary_entry(mini)
    explanation = entry.split('class="xp-term__explanation">')[1].split("</p>")[0]
    assert shown(explanation).startswith("Editors’ explanation: A river that runs past")
    assert "Minutes of the council meeting" in explanation
    assert "Not explained" not in entry
    assert entry.index("Editors’ explanation") < entry.index("How the article uses it")


def test_the_editors_explanation_is_the_tooltip_only_where_the_sources_define_nothing(mini):
    edit(mini, "content/glossary.yaml", DEFINITION, DEFINITION + EXPLANATION)
    home = rendered(mini)["index.md"]
    assert 'data-tip="The river the bridge would cross."' in home
    entry = glossary_entry(mini)
    assert "The river the bridge would cross." in entry and "Editors’ explanation:" in entry


def test_a_terms_usage_and_explanation_are_text_not_markup(mini):
    payload = "<script>alert(1)</script>"
    edit(mini, "content/glossary.yaml", DEFINITION, f"  usage: '{payload}'\n" + EXPLANATION)
    edit(mini, "content/glossary.yaml", "A river that runs past the town hall.", f"'{payload}'")
    entry = glossary_entry(mini)
    assert "<script>" not in entry and entry.count("&lt;script&gt;") == 2


def test_the_guides_example_of_an_explained_term_is_a_valid_term():
    """CONTRIBUTING.md's example of `usage` and `explanation` is one the model accepts."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Glossary terms:", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (record,) = yaml.safe_load(example)
    term = Term.model_validate(record)
    assert term.definition is None and term.usage and term.explanation
    assert all(source.reference for source in term.explanation.sources)
