"""Following the story, in a browser: every page names the story's Atom feed in its head, the
home page shows a link to it that a reader sees, and the address both give loads as a feed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.story

FEED_LINK = 'link[rel="alternate"][type="application/atom+xml"]'
# The document at an address, read as XML the way a feed reader reads it: its root element's
# name and namespace, or the parser's error.
AS_FEED = """async url => {
  const response = await fetch(url);
  const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
  const error = xml.querySelector("parsererror");
  if (error) return {status: response.status, error: error.textContent};
  const root = xml.documentElement;
  return {status: response.status, root: root.localName, ns: root.namespaceURI,
          entries: root.getElementsByTagNameNS(root.namespaceURI, "entry").length};
}"""
ATOM = {"status": 200, "root": "feed", "ns": "http://www.w3.org/2005/Atom"}


def feed_from_head(page: Page) -> str:
    """The feed's address as the page's head gives it, resolved by the browser."""
    return page.locator(FEED_LINK).evaluate("link => link.href")


@pytest.mark.parametrize("path", ["", "people/dusek/", "questions/study-go-ahead/", "timeline/"])
def test_every_page_names_the_feed_in_its_head_and_it_loads_as_atom(wide, base_url, path):
    wide.goto(base_url + path)
    expect(wide.locator(FEED_LINK)).to_have_count(1)
    address = feed_from_head(wide)
    assert address == base_url + "feed.xml"
    found = wide.evaluate(AS_FEED, address)
    assert {key: found.get(key) for key in ATOM} == ATOM, found
    assert found["entries"] > 0  # the test story has dated news


def test_a_share_page_names_the_feed_in_its_head(wide, base_url):
    shared = wide.request.get(base_url + "said/dusek-not-charity/").text()
    # Read as it is: opened, the page sends the reader on to the statement's card at once.
    wide.set_content(shared.replace('http-equiv="refresh"', 'name="x-refresh"'))
    assert wide.locator(FEED_LINK).get_attribute("href") == "../../feed.xml"


@pytest.mark.parametrize("viewport", [(375, 740), (1280, 900)], ids=["phone", "desktop"])
def test_the_home_page_shows_a_link_to_follow_the_story(browser, base_url, viewport):
    width, height = viewport
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url)
    follow = page.locator(".xp-follow")
    expect(follow).to_contain_text("Follow the story: Atom feed")
    link = follow.get_by_role("link", name="Atom feed")
    link.scroll_into_view_if_needed()
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    address = link.evaluate("a => a.href")
    assert address == feed_from_head(page)
    found = page.evaluate(AS_FEED, address)
    assert {key: found.get(key) for key in ATOM} == ATOM, found
    context.close()
