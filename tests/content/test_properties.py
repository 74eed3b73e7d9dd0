"""Property-based: any valid story renders; any mutation of one gives pages or located problems,
never a traceback and never a hang."""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import check
from generator.content.loading import paragraphs_of
from generator.content.quotation import QUOTE_MARKS, is_quoted
from generator.content.yamlsource import parse
from generator.model.characters import FORBIDDEN
from generator.pages.rendering import render
from generator.project import Project
from tests.conftest import MINI

FILES = sorted(p.relative_to(MINI).as_posix() for p in MINI.glob("*/*.yaml"))
# Read with the project's own loader: yaml.safe_load would turn the alias NO into false.
ORIGINAL = {name: parse((MINI / name).read_bytes(), name)[0].data for name in FILES}

free_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=QUOTE_MARKS),
    min_size=1,
    max_size=40,
).filter(  # text the model accepts outside a quotation: no invisible marks, nothing quoted
    lambda t: t.strip() != "" and not FORBIDDEN.search(t) and is_quoted(t) is None
)


def run(files: dict[str, Any], raw: dict[str, bytes] | None = None) -> tuple[Any, list]:
    """Check (and if valid, render) a story made of `files`, in a fresh folder."""
    folder = Path(tempfile.mkdtemp(prefix="prop-"))
    try:
        shutil.copytree(MINI / "seeds", folder / "seeds", ignore=shutil.ignore_patterns("*.yaml"))
        for name, data in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        for name, data in (raw or {}).items():
            (folder / name).write_bytes(data)
        linked, problems = check(Project.at(folder))
        if linked is not None and not problems:
            assert render(linked)
        return linked, problems
    finally:
        shutil.rmtree(folder)


def with_text(files: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    """The fixture story with its free-text fields replaced by generated text."""
    files = copy.deepcopy(files)
    people = files["content/people.yaml"]
    people[0]["name"], people[0]["role"] = texts[0], texts[1]
    people[1]["aliases"] = [texts[2]]
    files["content/groups.yaml"][0]["name"] = texts[3]
    files["content/countries.yaml"][1]["positions"][0]["summary"] = texts[4]
    files["content/statements.yaml"][1]["context"] = texts[5]
    files["content/statements.yaml"][2]["text"] = texts[6]
    files["content/questions.yaml"][0]["question"] = texts[7]
    files["content/glossary.yaml"][0]["definition"] = texts[8]
    files["content/story.yaml"]["title"] = texts[9]
    files["seeds/fic-bridge.yaml"]["label"] = texts[10]
    return files


@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(free_text, min_size=11, max_size=11))
def test_any_valid_story_renders(texts):
    linked, problems = run(with_text(ORIGINAL, texts))
    assert problems == []
    assert linked is not None


def paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    free_text,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(free_text, st.integers(), max_size=2),
)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    files = copy.deepcopy(ORIGINAL)
    name = draw(st.sampled_from(FILES))
    where = draw(st.sampled_from(paths(files[name])))
    action = draw(st.sampled_from(["replace", "delete", "rename"]))
    if not where:
        files[name] = draw(junk)
        return files
    parent = files[name]
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if action == "replace":
        parent[last] = draw(junk)
    elif action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[draw(free_text)] = parent.pop(last)
    return files


def assert_located(problems: list) -> None:
    for problem in problems:
        assert problem.path and problem.message
        assert problem.line >= 0 and problem.column >= 0


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_any_mutation_gives_pages_or_located_problems(files):
    _linked, problems = run(files)
    assert_located(problems)


@settings(max_examples=60, deadline=5000)
@given(st.sampled_from(FILES), st.binary(max_size=200), st.integers(min_value=0, max_value=400))
def test_corrupted_bytes_give_located_problems(name, noise, at):
    text = yaml.safe_dump(ORIGINAL[name], allow_unicode=True).encode("utf-8")
    _linked, problems = run(ORIGINAL, {name: text[:at] + noise + text[at:]})
    assert_located(problems)


def test_the_seed_texts_are_untouched_by_the_harness():
    assert len(paragraphs_of((MINI / "seeds" / "fic-bridge.txt").read_text("utf-8"))) == 4
