"""axe-core finds no serious or critical violation on any page type, in either palette."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = [
    "",
    "statements/",
    "people/",
    "people/starmer/",
    "people/kremlin/",
    "countries/",
    "countries/uk/",
    "questions/",
    "questions/force-size/",
    "topics/territory/",
    "timeline/",
    "glossary/",
    "tags/",
    "sources/",
    "sources/000_2fea662c6618083a/",
    "methodology/",
    "corrections/",
    "data/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, base_url, scheme):
    assert AXE.is_file(), "axe-core is missing: `make test` installs it with npm ci"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in PAGE_TYPES:
        page.goto(base_url + path, wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        found += [
            f"{path or 'home'}: {v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    context.close()
    assert found == []
