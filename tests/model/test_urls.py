"""Relative links between pages, as served with or without directory URLs, under any sub-path."""

from __future__ import annotations

import pytest

from generator.model.urls import DIRECTORY_URLS, FILE_URLS, relative
from generator.pages.text import plural


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "people/x.md", "people/x/"),
        ("people/x.md", "index.md", "../../"),
        ("people/x.md", "people/x.md", "./"),
        ("people/x.md", "people/y.md", "../y/"),
        ("people/index.md", "people/x.md", "x/"),
        ("people/x.md", "people/index.md", "../"),
        ("sources/a.md", "countries/index.md", "../../countries/"),
        ("timeline.md", "glossary.md", "../glossary/"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative_links(here, there, expected):
    assert relative(here, there) == expected


def test_anchors_are_appended():
    assert relative("people/x.md", "sources/a.md", "p-3") == "../../sources/a/#p-3"


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "people/x.md", "people/x.html"),
        ("people/x.md", "index.md", "../index.html"),
        ("people/x.md", "people/x.md", "x.html"),
        ("people/x.md", "people/y.md", "y.html"),
        ("people/index.md", "people/x.md", "x.html"),
        ("people/x.md", "people/index.md", "index.html"),
        ("sources/a.md", "countries/index.md", "../countries/index.html"),
        ("timeline.md", "glossary.md", "glossary.html"),
        ("index.md", "index.md", "index.html"),
    ],
)
def test_relative_links_without_directory_urls(here, there, expected):
    assert FILE_URLS.relative(here, there) == expected


def test_files_are_linked_from_the_folder_a_page_is_served_in():
    assert FILE_URLS.folder_of("people/x.md") == "people"
    assert DIRECTORY_URLS.folder_of("people/x.md") == "people/x/"


@pytest.mark.parametrize(
    ("count", "one", "many", "expected"),
    [(1, "event", None, "event"), (0, "event", None, "events"), (2, "person", "people", "people")],
)
def test_a_count_is_followed_by_the_right_noun(count, one, many, expected):
    assert plural(count, one, many) == expected
