"""Links a reader follows: quote to paragraph, permalinks, glossary tooltips, downloads."""

from __future__ import annotations

import json

import pytest

from generator.content.quotation import normalise_space
from generator.model import urls
from generator.pages.prose import term_tip

pytestmark = pytest.mark.story


def home_of(story, statement) -> str:
    """The statement's home, its first speaker's page: the one page that always has its card."""
    return urls.url_of(story.graph.statements[statement.id].home)


def statements_by_home(story) -> dict[str, list]:
    by_home: dict[str, list] = {}
    for statement in story.statements.values():
        by_home.setdefault(home_of(story, statement), []).append(statement)
    return by_home


def source_links(page, base_url: str, story) -> list[tuple[str, int, str | None]]:
    """Where each report of each statement links, as the browser resolves it, with the
    paragraph it cites and the words as that source printed them (None for a reported
    statement); sorted, so that the links into one article follow each other."""
    found = []
    for home, statements in statements_by_home(story).items():
        page.goto(base_url + home)  # each speaker's page once, however many cards it has
        for statement in statements:
            card = page.locator(f"#{urls.statement_anchor(statement)}").first
            # A card's own citations: its reports, or its one source (never a dispute's)
            cites = card.locator(".xp-reports a.xp-cite, .xp-statement__meta a.xp-cite")
            hrefs = cites.evaluate_all("links => links.map(a => a.href)")
            reports = story.graph.statements[statement.id].all_reports
            assert len(hrefs) == len(reports), statement.id
            found += [(h, r.paragraph, r.words) for h, r in zip(hrefs, reports, strict=True)]
    return sorted(found, key=lambda link: link[0])


# The words of the quotation a link landed on: every piece of it (another quotation may cut it).
LANDED_ON = """target => [...document.querySelectorAll('mark.xp-quoted')]
  .filter(m => m.dataset.q === target.id).map(m => m.textContent).join('')"""


def test_every_source_link_lands_on_a_paragraph_holding_the_words(watched, base_url, story):
    page, _watch = watched
    for href, paragraph, words in source_links(page, base_url, story):
        page.goto(href)  # between paragraphs of the page already open, the page is not reloaded
        target = page.locator(":target")
        assert target.is_visible()
        if words is None:  # a paraphrase: its paragraph
            assert target.get_attribute("id") == f"p-{paragraph}", href
        else:  # a quotation: its words, marked inside their paragraph
            assert target.evaluate("e => e.closest('.xp-paragraph').id") == f"p-{paragraph}"
            assert normalise_space(target.evaluate(LANDED_ON)) == normalise_space(words), href


def test_every_permalink_opens_its_statement(watched, base_url, story):
    page, _watch = watched
    for home, statements in statements_by_home(story).items():
        page.goto(base_url + home)  # each speaker's page once: its permalinks lead back to it
        for statement in statements:
            permalink = page.locator(f"#{urls.statement_anchor(statement)} a.xp-permalink")
            page.goto(permalink.evaluate("a => a.href"))  # its share page, which sends on
            page.wait_for_url(f"**/{home}#{urls.statement_anchor(statement)}")
            target = page.locator(":target")
            assert target.get_attribute("id") == urls.statement_anchor(statement)
            assert target.is_visible()


def tooltip(element) -> str:
    """The tooltip CSS draws for an element, '' when none shows."""
    drawn = element.evaluate("e => getComputedStyle(e, '::after').content")
    return json.loads(drawn) if drawn.startswith('"') else ""


def test_a_glossary_term_shows_its_definition_on_hover(watched, base_url, story):
    page, _watch = watched
    term = first_term(page, base_url, story)
    definition = term.get_attribute("data-tip")
    assert definition in {normalise_space(term_tip(t)) for t in story.terms.values()}
    assert tooltip(term) == ""
    term.hover()
    assert tooltip(term) == definition
    assert term.evaluate("e => getComputedStyle(e, '::after').visibility") == "visible"


def test_a_glossary_term_shows_its_definition_on_keyboard_focus(watched, base_url, story):
    page, _watch = watched
    term = first_term(page, base_url, story)
    for _ in range(400):  # Tab through the page as a keyboard user does, until the term
        page.keyboard.press("Tab")
        if term.evaluate("e => e === document.activeElement"):
            break
    assert tooltip(term) == term.get_attribute("data-tip")


def first_term(page, base_url: str, story):
    """The first glossary term marked on a page that lists the story's texts."""
    for path in ["", "statements/", "timeline/", "questions/"]:
        page.goto(base_url + path)
        if page.locator("abbr").count():
            return page.locator("abbr").first
    pytest.skip("no glossary term occurs in the texts of these pages, so none has a tooltip")


def test_the_facts_download(watched, base_url, story):
    page, _watch = watched
    response = page.request.get(base_url + "data/facts.json")
    assert response.ok
    facts = response.json()
    assert facts["format"] == "explainer-facts"
    assert [s["id"] for s in facts["statements"]] == list(story.statements)
