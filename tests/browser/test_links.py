"""Links a reader follows: quote to paragraph, permalinks, glossary tooltips, downloads."""

from __future__ import annotations

import pytest

from generator import urls
from generator.link import normalise_space

pytestmark = pytest.mark.story


def home_of(story, statement) -> str:
    """The statement's home, its first speaker's page: the one page that always has its card."""
    return urls.url_of(urls.entity_page(story.speaker(statement.speakers[0])))


def test_every_source_link_lands_on_a_paragraph_holding_the_words(watched, base_url, story):
    page, _watch = watched
    for statement in story.statements.values():
        page.goto(base_url + home_of(story, statement))
        card = page.locator(f"#{urls.statement_anchor(statement)}").first
        href = card.locator("a.xp-cite").first.get_attribute("href")
        assert href is not None
        with page.expect_navigation():
            card.locator("a.xp-cite").first.click()
        target = page.locator(":target")
        assert target.get_attribute("id") == f"p-{statement.source.paragraph}"
        assert target.is_visible()
        if statement.kind == "direct":
            assert normalise_space(statement.text) in normalise_space(target.inner_text())


def test_every_permalink_opens_its_statement(watched, base_url, story):
    page, _watch = watched
    for statement in story.statements.values():
        page.goto(base_url + home_of(story, statement))
        permalink = page.locator(f"#{urls.statement_anchor(statement)} a.xp-permalink")
        page.goto(permalink.evaluate("a => a.href"))
        target = page.locator(":target")
        assert target.get_attribute("id") == urls.statement_anchor(statement)
        assert target.is_visible()


def test_a_glossary_term_shows_its_definition_on_hover(watched, base_url, story):
    page, _watch = watched
    definitions = {normalise_space(t.definition) for t in story.terms.values()}
    if not definitions:
        pytest.skip("the story has no glossary terms, so no page has a tooltip")
    for path in ["", "statements/", "timeline/"]:
        page.goto(base_url + path)
        if page.locator("abbr").count():
            break
    term = page.locator("abbr").first
    definition = normalise_space(term.get_attribute("title") or "")
    assert definition in definitions
    term.hover()
    page.get_by_text(definition[:40]).first.wait_for(state="visible", timeout=5_000)


def test_the_facts_download(watched, base_url, story):
    page, _watch = watched
    response = page.request.get(base_url + "data/facts.json")
    assert response.ok
    facts = response.json()
    assert facts["format"] == "explainer-facts"
    assert [s["id"] for s in facts["statements"]] == list(story.statements)
