"""The contributor guide documents every field of the content model, and is up to date."""

from __future__ import annotations

from generator.model.docs import END, START, model_reference
from generator.model.records import COLLECTIONS, Article, Position, Source
from tests.conftest import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"


def test_the_generated_model_reference_is_current():
    text = GUIDE.read_text(encoding="utf-8")
    generated = text.split(START, 1)[1].split(END, 1)[0]
    assert generated.strip() == model_reference().strip(), "run `make docs` and commit"


def test_every_model_field_appears_in_the_guide():
    text = GUIDE.read_text(encoding="utf-8")
    models = [c.model for c in COLLECTIONS] + [Article, Position, Source]
    missing = [
        f"{model.__name__}.{name}"
        for model in models
        for name in model.model_fields
        if f"| `{name}` |" not in text
    ]
    assert missing == []


def test_the_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme
    assert "make test" in readme
