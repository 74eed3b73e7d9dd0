"""Links a reader follows: quote to paragraph, permalinks, glossary tooltips, downloads."""

from __future__ import annotations

import json

from generator.link import normalise_space


def test_every_source_link_lands_on_a_paragraph_holding_the_words(watched, base_url, story):
    page, _watch = watched
    page.goto(base_url + "statements/")
    for statement in story.statements.values():
        card = page.locator(f"#s-{statement.id}").first
        href = card.locator("a.xp-cite").first.get_attribute("href")
        assert href is not None
        with page.expect_navigation():
            card.locator("a.xp-cite").first.click()
        target = page.locator(":target")
        assert target.get_attribute("id") == f"p-{statement.source.paragraph}"
        assert target.is_visible()
        if statement.kind == "direct":
            assert normalise_space(statement.text) in normalise_space(target.inner_text())
        page.go_back()


def test_every_permalink_opens_its_statement(watched, base_url, story):
    page, _watch = watched
    page.goto(base_url + "statements/")
    permalinks = page.locator("a.xp-permalink")
    hrefs = [permalinks.nth(i).get_attribute("href") for i in range(permalinks.count())]
    assert len(set(hrefs)) == len(story.statements)
    for href in sorted(set(hrefs)):
        page.goto(base_url + "statements/" + href)
        target = page.locator(":target")
        assert (target.get_attribute("id") or "").startswith("s-")
        assert target.is_visible()


def tooltip(element) -> str:
    """The tooltip CSS draws for an element, '' when none shows."""
    drawn = element.evaluate("e => getComputedStyle(e, '::after').content")
    return json.loads(drawn) if drawn.startswith('"') else ""


def test_a_glossary_term_shows_its_definition_on_hover(watched, base_url, story):
    page, _watch = watched
    page.goto(base_url)
    term = page.locator("abbr", has_text="declaration of intent").first
    definition = normalise_space(story.terms["declaration-of-intent"].definition)
    assert tooltip(term) == ""
    term.hover()
    assert tooltip(term) == definition
    assert term.evaluate("e => getComputedStyle(e, '::after').visibility") == "visible"


def test_a_glossary_term_shows_its_definition_on_keyboard_focus(watched, base_url, story):
    page, _watch = watched
    page.goto(base_url)
    term = page.locator("abbr", has_text="declaration of intent").first
    for _ in range(200):  # Tab through the page as a keyboard user does, until the term
        page.keyboard.press("Tab")
        if term.evaluate("e => e === document.activeElement"):
            break
    assert tooltip(term) == normalise_space(story.terms["declaration-of-intent"].definition)


def test_the_facts_download(watched, base_url):
    page, _watch = watched
    response = page.request.get(base_url + "data/facts.json")
    assert response.ok
    facts = response.json()
    assert facts["format"] == "explainer-facts"
    assert len(facts["statements"]) == 31
