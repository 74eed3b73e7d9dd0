"""What a reader sees of a story told by many sources over time, on the fictional fixture
tests/fixtures/multi: every report of a statement, where the sources differ, stance and
question histories, dates and where they come from, references, and the story's span."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from generator.content.quotation import normalise_space
from tests.browser.conftest import SUB_PATH, loaded
from tests.browser.test_accessibility import serious_violations
from tests.conftest import ROOT, built, make_project
from tools.static_server import serving

MULTI = ROOT / "tests" / "fixtures" / "multi"
pytestmark = pytest.mark.xdist_group("multi-site")  # built once, on the worker that runs these


@pytest.fixture(scope="module")
def multi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = built(make_project(MULTI, tmp_path_factory.mktemp("multi-site"))) / "site"
    with serving(site, SUB_PATH) as url:
        yield url


@pytest.fixture
def page(browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def text(page: Page, selector: str) -> str:
    return normalise_space(page.locator(selector).inner_text())


def texts(page: Page, selector: str) -> list[str]:
    return [normalise_space(t) for t in page.locator(selector).all_inner_texts()]


def words(page: Page, selector: str) -> str:
    """The text as written, before CSS changes its case (the timeline's dates are capitals)."""
    return normalise_space(page.locator(selector).text_content() or "")


def headings(page: Page) -> list[str]:
    """The page's section headings, without the permalink mark Material adds."""
    return [t.rstrip("¶").strip() for t in texts(page, "article h2")]


def test_a_quotation_lists_each_report_with_its_words_as_that_source_printed_them(page, multi_url):
    page.goto(multi_url + "people/annar/")
    card = "#s-annar-every-litre"
    assert text(page, f"{card} .xp-reports__heading") == "In 3 outlets, 2 independent reports"
    assert texts(page, f"{card} .xp-reports > ul > li") == [
        "Northgate Press Agency, 2 March 2026, ¶2 In the original",
        "The Belmark Courier, 3 March 2026, ¶2 In the original",
        "Cordenia Today, 11 March 2026, ¶2 In the original",
    ]
    page.locator(f"{card} .xp-reports__printed summary").click()
    assert texts(page, f"{card} .xp-reports__printed li") == [
        "Northgate Press Agency, 2 March 2026: "
        "“The river doesn’t belong to one country… We will share every litre — no more, no less”",
        "The Belmark Courier, 3 March 2026: "
        "“The river doesn't belong to one country... We will share every litre - no more, "
        "no less”",
        "Cordenia Today, 11 March 2026: "
        "“The river doesn’t belong to one country… We will share every litre – no more, no less”",
    ]


def test_each_report_links_to_its_paragraph_and_to_the_original(page, multi_url):
    page.goto(multi_url + "people/annar/")
    report = page.locator("#s-annar-every-litre .xp-reports > ul > li").nth(1)
    original = report.locator("a.xp-original")
    assert original.get_attribute("href").startswith("https://courier.example/2026/03/03/")
    assert original.get_attribute("rel") == "nofollow noopener"
    report.locator("a.xp-cite").click()
    assert page.url == multi_url + "sources/the-belmark-courier-2026-03-03/#q-2-annar-every-litre"
    assert "We will share every litre - no more, no less" in text(page, "#p-2")


def test_a_report_in_other_words_is_marked_as_that_sources_wording(page, multi_url):
    page.goto(multi_url + "people/dusek/")
    reports = texts(page, "#s-dusek-halt-to-study .xp-reports li")
    assert reports[1] == (
        "Ostra Daily, 12 March 2026, ¶4 In the original This source’s wording: "
        "“We came here for a halt, and we are leaving with a study”"
    )
    assert "wording" not in reports[0]


@pytest.mark.parametrize(
    ("person", "statement", "line"),
    [
        ("annar", "annar-every-litre", "Said on 2 March 2026 (on Monday, as the source puts it)"),
        (
            "soltan",
            "water-does-not-wait",
            "Said as the talks closed, as the source puts it; first published 11 March 2026",
        ),
        ("dusek", "dusek-not-charity", "Published 3 March 2026"),
    ],
)
def test_a_statement_says_when_it_was_said_or_first_published(
    page, multi_url, person, statement, line
):
    page.goto(multi_url + f"people/{person}/")
    assert text(page, f"#s-{statement} .xp-statement__date") == line


def test_sources_that_give_the_words_to_different_speakers_are_shown_side_by_side(page, multi_url):
    page.goto(multi_url + "people/soltan/")
    dispute = "#s-water-does-not-wait .xp-dispute"
    assert text(page, f"{dispute} .xp-dispute__heading") == "Sources differ: Who said it"
    assert texts(page, f"{dispute} li") == [
        "Mira Soltan, Cordenia’s prime minister, said it to the closing session. "
        "(names Mira Soltan) Source: Cordenia Today, 11 March 2026, ¶5",
        "Edvin Roos, the commission’s chair, said it as the talks closed. "
        "(names Edvin Roos) Source: Ostra Daily, 12 March 2026, ¶2",
    ]
    page.locator(f"{dispute} li").nth(1).locator(".xp-dispute__names a").click()
    assert page.url == multi_url + "people/roos/"


def test_a_countrys_stances_are_listed_current_first_with_their_dates(page, multi_url):
    page.goto(multi_url + "countries/cordenia/")
    entries = page.locator(".xp-stance-history > li")
    firsts = [normalise_space(entries.nth(i).locator("p").first.inner_text()) for i in range(2)]
    assert entries.count() == 2
    assert firsts == [
        "Current Wait for the study as of 11 March 2026",
        "Earlier Unclear as of 2 March 2026",
    ]


def test_a_disputed_position_gives_each_accounts_stance_and_source(page, multi_url):
    page.goto(multi_url + "countries/ilvania/")
    dispute = ".xp-stance-history .xp-dispute"
    assert text(page, f"{dispute} .xp-dispute__heading") == (
        "Sources differ: Whether Ilvania accepts the filling now"
    )
    assert texts(page, f"{dispute} li") == [
        "Fill now Its delegation had no objection to the filling going ahead. "
        "Source: Cordenia Today, 11 March 2026, ¶4",
        "Wait for the study Its delegation would back the filling only once the study had "
        "reported. Source: Ostra Daily, 12 March 2026, ¶3",
    ]


def test_the_overview_marks_a_current_position_the_sources_differ_on(page, multi_url):
    page.goto(multi_url + "countries/")
    chips = page.locator(".xp-positions .xp-pill").all_text_contents()
    assert "Ilvania (sources differ)" in chips
    assert "Cordenia" in chips
    row = page.locator(".xp-matrix tr", has_text="Ilvania")
    assert normalise_space(row.locator("td").first.inner_text()) == "Unclear sources differ"


def test_a_question_shows_how_its_answer_evolved_oldest_first(page, multi_url):
    page.goto(multi_url + "questions/study-go-ahead/")
    heads = [
        normalise_space(t)
        for t in page.locator(".xp-question-history > li > p:first-child").all_inner_texts()
    ]
    assert heads == [
        "2 March 2026 Open",
        "11 March 2026 Partly answered",
        "16 March 2026 Partly answered",
        "20 March 2026 Answered (now)",
    ]
    assert text(page, ".xp-question .xp-date") == "as of 20 March 2026"


def test_the_questions_page_lists_open_answered_and_moot_questions_apart(page, multi_url):
    page.goto(multi_url + "questions/")
    assert headings(page) == [
        "Open questions",
        "Answered",
        "No longer relevant",
    ]
    titles = texts(page, ".xp-cards .xp-card__title")
    assert titles == [
        "Will Ostravia wait for the study before filling the reservoir?",
        "Will the joint study of the river’s flow go ahead?",
        "Will Belmark take the dispute to the treaty tribunal?",
    ]


def test_an_event_dated_by_a_reference_names_it_beside_the_date(page, multi_url):
    page.goto(multi_url + "timeline/")
    when = "#event-summit-opens .xp-event__when"
    assert words(page, when) == (
        "on Tuesday · date: 10 March 2026 (per a page by Varne Basin Commission)"
    )
    page.locator(f"{when} a.xp-cite").click()
    assert page.url == multi_url + "sources/#reference-summit-programme"
    assert page.locator("#reference-summit-programme").is_visible()


def test_an_undated_event_keeps_the_sources_words_and_says_the_date_is_not_stated(page, multi_url):
    page.goto(multi_url + "timeline/")
    assert words(page, "#event-closed-sessions .xp-event__when") == (
        "at the opening of the meeting · date not stated"
    )


def test_the_timeline_shows_where_sources_differ_on_an_event(page, multi_url):
    page.goto(multi_url + "timeline/")
    dispute = "#event-summit-opens .xp-dispute"
    assert text(page, f"{dispute} .xp-dispute__heading") == (
        "Sources differ: How many delegations took part"
    )
    assert len(texts(page, f"{dispute} li")) == 2


def test_references_are_listed_apart_from_the_articles(page, multi_url):
    page.goto(multi_url + "sources/")
    assert headings(page)[-1] == "References"
    entry = page.locator("#reference-summit-programme")
    assert normalise_space(entry.inner_text()) == (
        "Reference Orvel summit of the Varne countries, programme "
        "Publisher Varne Basin Commission "
        "Address https://vbc.example/orvel-2026/programme "
        "Published 20 February 2026 "
        "Read by the editors 12 March 2026"
    )
    link = entry.locator("a")
    assert link.get_attribute("href") == "https://vbc.example/orvel-2026/programme"
    assert link.get_attribute("rel") == "nofollow noopener"


def test_an_article_shows_its_byline_syndication_reading_date_and_excerpt(page, multi_url):
    page.goto(multi_url + "sources/")
    facts = {
        heading: normalise_space(page.locator(f"#{anchor} + .xp-facts").inner_text())
        for heading, anchor in [
            ("terms", "article-the-belmark-courier-2026-03-20"),
            ("summit", "article-cordenia-today-2026-03-11"),
            ("closing", "article-ostra-daily-2026-03-12"),
        ]
    }
    assert "Byline Tomas Reder and Ana Pell" in facts["terms"]
    assert "Outlet Cordenia Today, via Northgate Press Agency" in facts["summit"]
    assert "Read by the editors 13 March 2026" in facts["closing"]
    assert "An excerpt: the saved text holds only part of the article." in facts["closing"]


def test_a_person_is_mentioned_in_each_article_with_its_paragraphs(page, multi_url):
    page.goto(multi_url + "people/soltan/")
    lists = page.locator("article ul.xp-cited")
    assert lists.count() == 1  # one list of sources, saying where each mentions her
    listed = [normalise_space(t) for t in lists.first.locator("li").all_inner_texts()]
    # Ostra Daily ¶2 gives the disputed words to Roos, not to her: it does not mention her.
    assert [line for line in listed if "mentioned" in line] == [
        "Cordenia Today, 11 March 2026: mentioned in ¶3, ¶5"
    ]


def test_a_record_page_lists_the_sources_it_draws_on(page, multi_url):
    page.goto(multi_url + "questions/tribunal/")
    heading = page.locator("h2", has_text="Sources this page draws on")
    drawn = heading.locator("xpath=following-sibling::ul[1]/li").all_inner_texts()
    assert [normalise_space(t) for t in drawn] == [
        "The Belmark Courier, 3 March 2026",
        "The Belmark Courier, 20 March 2026",
    ]


def test_the_home_page_says_when_it_happened_and_whose_reporting_it_draws_on(page, multi_url):
    page.goto(multi_url)
    lines = texts(page, ".xp-story-dates > p")
    assert lines[1] == (
        "When it happened: from 2 March 2026 to 20 March 2026, by the dates the sources give "
        "(publication, events and statements). 1 of the 7 articles gives no publication date."
    )
    drawn = texts(page, ".xp-currency > p")[0]  # said once, where the sources are listed
    assert drawn == (
        "Drawn from: 7 articles from 5 outlets: The Belmark Courier, The Ilvan Herald, "
        "Northgate Press Agency, Ostra Daily and Cordenia Today; 1 article of unknown outlet; "
        "and 1 reference for facts no article states, distilled by hand. Every fact links to the "
        "paragraph it comes from."
    )


def test_the_home_page_names_and_links_the_latest_news(page, multi_url):
    page.goto(multi_url)
    assert texts(page, ".xp-story-dates > p")[0] == "Latest news: 20 March 2026"
    latest = page.locator(".xp-latest li").filter(has_text="sign the terms of the study.")
    assert normalise_space(latest.inner_text()) == (
        "The four governments sign the terms of the study."
    )
    answered = page.locator(".xp-latest li").filter(has_text="Will the joint study")
    assert normalise_space(answered.inner_text()).startswith(
        "Will the joint study of the river’s flow go ahead? Answered: The four governments"
    )
    latest.locator("a").click()
    assert page.url == multi_url + "timeline/#event-study-terms-signed"


def test_the_facts_checked_date_is_labelled_as_a_check_not_as_news(page, multi_url):
    page.goto(multi_url)
    assert text(page, ".xp-checked") == (
        "Facts last checked by the editors: 20 March 2026, against the sources (the date of "
        "their check, not of the news)."
    )
    assert "last update" not in normalise_space(page.locator(".xp-figures").inner_text())
    assert page.locator(".xp-trust").count() == 0  # said once on the home page, not again below
    page.goto(multi_url + "people/soltan/")
    assert text(page, ".xp-trust p").startswith("Facts last checked by the editors: 20 March 2026.")


PAGES = [
    "",
    "people/soltan/",
    "countries/",
    "countries/ilvania/",
    "questions/",
    "questions/study-go-ahead/",
    "timeline/",
    "sources/",
]


def test_no_serious_accessibility_violation_on_many_source_pages(page, multi_url):
    """Reports, disputes and histories in both palettes (see test_accessibility)."""
    found = []
    for address, tab in loaded(page, [multi_url + path for path in PAGES]):
        found += serious_violations(tab, f"{address} ")
    assert found == []
