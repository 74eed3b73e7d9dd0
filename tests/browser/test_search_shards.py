"""Search over an index in shards (generator/publish/pagefind.py) finds what one index finds: the
fictional mini story's index written again in shards of two records, its search page showing
every shard's results and its filters listing and narrowing across every shard, as on the site
indexed whole."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.project import Project
from generator.publish.pagefind import fragment_record, index_site
from tests.browser.conftest import SUB_PATH
from tools.static_server import serving

ON_PAGE = "[data-xp-search-page] .xp-result"
SHARD = 2  # records in a shard: the mini story's 13 in seven


@pytest.fixture(scope="module")
def sharded(mini_site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini story's site with its index written again in shards."""
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(mini_site / "site", site)
    index_site(Project.at(mini_site).search_records, site, SHARD)
    return site


@pytest.fixture(scope="module")
def urls(mini_site, sharded) -> Iterator[tuple[str, str]]:
    """The site indexed whole, and in shards."""
    with serving(mini_site / "site", SUB_PATH) as whole, serving(sharded, SUB_PATH) as parts:
        yield whole, parts


def listed(page: Page, url: str) -> list[str]:
    """The search page's results at `url`, once it has shown every shard's."""
    page.goto(url, wait_until="networkidle")
    page.locator("[data-xp-search-page] [data-xp-results][data-shown]").wait_for()
    links = page.locator(ON_PAGE + " a")
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def test_the_results_come_from_every_shard_and_are_the_whole_indexs(watched, urls, sharded):
    page, watch = watched
    whole, parts = urls
    found = listed(page, parts + "search/?q=bridge")
    assert sorted(found) == sorted(listed(page, whole + "search/?q=bridge"))
    shards = {
        fragment.parent.parent.name
        for fragment in (sharded / "pagefind").glob("**/fragment/*.pf_fragment")
        if SUB_PATH + fragment_record(fragment)["href"] in found
    }
    assert len(shards) >= 3, shards  # the first shard's results and others'
    assert watch.failed == [] and watch.console_errors == []


def test_the_filters_list_and_narrow_across_every_shard(watched, urls):
    page, watch = watched
    whole, parts = urls
    menus = []
    for url in (whole, parts):
        page.goto(url + "search/?q=bridge", wait_until="networkidle")
        kind = page.get_by_label("Kind")
        kind.locator("option").nth(1).wait_for(state="attached")
        menus.append(kind.locator("option").all_inner_texts())
    assert menus[0] == menus[1]
    narrowed = [listed(page, url + "search/?q=bridge&kind=Paraphrase") for url in (whole, parts)]
    assert narrowed[0] and sorted(narrowed[0]) == sorted(narrowed[1])
    browsed = [listed(page, url + "search/?q=&type=Statement") for url in (whole, parts)]
    assert len(browsed[0]) > SHARD and sorted(browsed[0]) == sorted(browsed[1])
    assert watch.failed == [] and watch.console_errors == []


def test_the_header_shows_every_shards_results_once_all_have_answered(watched, urls):
    page, _watch = watched
    shown = []
    for url in urls:
        page.goto(url, wait_until="networkidle")
        page.keyboard.press("/")
        page.locator("input.md-search__input").fill("council")
        done = page.locator('[data-xp-search] [data-xp-results][data-shown="council"] a')
        done.first.wait_for()
        links = [done.nth(i).get_attribute("href") for i in range(done.count())]
        shown.append((sorted(links), page.locator("[data-xp-search] [data-xp-count]").inner_text()))
    assert shown[0] == shown[1]  # every shard's results, and the count of all of them
