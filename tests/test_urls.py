"""Relative links between pages, as served with directory URLs under any sub-path."""

from __future__ import annotations

import pytest

from generator.urls import relative


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
