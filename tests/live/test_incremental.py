"""Generation rewrites only what changed: nothing when nothing changed, and after an edit to one
statement, only the pages (and data files) that show it."""

from __future__ import annotations

import shutil
import weakref
from pathlib import Path

import pytest

from generator.build import generate
from generator.live import incremental
from generator.live.incremental import Session
from generator.model.records import RECORD_TYPES
from generator.project import Project
from tests.conftest import MINI, edit, make_project, png


def mtimes(folder):
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_nothing_changed_rewrites_nothing(mini):
    project = Project.at(mini)
    written, problems = generate(project)
    assert problems == [] and written
    before = mtimes(project.docs)
    assert generate(project) == ([], [])
    assert mtimes(project.docs) == before


def test_one_changed_statement_rewrites_only_the_pages_that_show_it(mini):
    project = Project.at(mini)
    generate(project)
    new_text = "Norland will not pay a single coin for the bridge."
    edit(
        mini,
        "content/statements.yaml",
        "text: Norland will not pay for any part of the bridge.",
        f"text: {new_text}",
    )
    written, problems = generate(project)
    assert problems == []
    showing = {  # the pages MkDocs reads, and the share pages beside them
        p.relative_to(folder).as_posix()
        for folder in (project.docs, project.share)
        for p in folder.rglob("*")
        if p.is_file() and new_text in p.read_text(encoding="utf-8")
    }
    assert set(written) == showing
    assert {"countries/norland.md", "statements/index.md", "data/facts.json"} <= showing
    assert "people/quill.md" not in written


# --- A Session (generator/live/incremental.py): each edit renders only what it changes ---

# Edits of the mini story, by the collection they edit: each a list of steps, each step a list of
# (file, text, replacement) made at once; text "+" appends the replacement to the file, "^" puts it
# first (moving every record below it, and the "edit" links that name their lines). Every
# record type in the registry has edits of a name or text, a reference, an added record and, where
# nothing else must change with it, a removed one.
Change = tuple[str, str, str]
MINI_EDITS: dict[str, list[list[Change]]] = {
    "story": [
        [("content/story.yaml", "title: Exampleton votes for a bridge", "title: A bridge vote")],
        [("content/story.yaml", "updated: 2026-11-20", "updated: 2026-11-22")],
    ],
    "seeds": [
        [("seeds/fic-bridge.yaml", "outlet: null", "outlet: The Fictional Times")],
        [("seeds/fic-bridge.yaml", "published: null", "published: 2026-11-20")],
        [
            (
                "seeds/fic-ferry.yaml",
                "",
                "id: fic-ferry\nlabel: Ferry report\ntitle: null\n"
                "outlet: null\nurl: null\npublished: null\nlanguage: en\nfull_text_allowed: true\n",
            ),
            ("seeds/fic-ferry.txt", "", "The ferry will keep running, the council said.\n"),
        ],
        [("seeds/fic-ferry.yaml", "DELETE", ""), ("seeds/fic-ferry.txt", "DELETE", "")],
    ],
    "people": [
        [("content/people.yaml", "name: Ada Quill", "name: Ada Quillon")],
        [("content/people.yaml", "role: Mayor of Exampleton", "role: Mayor")],
        [
            (
                "content/people.yaml",
                "affiliation: exampleton\n  sources: [{article: fic-bridge, paragraph: 2}]",
                "affiliation: norland\n  sources: [{article: fic-bridge, paragraph: 2}]",
            )
        ],
        [
            (
                "content/people.yaml",
                "^",
                "- id: vale\n  name: Cora Vale\n  role: null\n"
                "  affiliation: null\n  sources: [{article: fic-bridge, paragraph: 1}]\n",
            )
        ],
        [
            (
                "content/people.yaml",
                "- id: vale\n  name: Cora Vale\n  role: null\n"
                "  affiliation: null\n  sources: [{article: fic-bridge, paragraph: 1}]\n",
                "",
            )
        ],
    ],
    "groups": [
        [("content/groups.yaml", "name: The council of Exampleton", "name: Exampleton council")],
        [("content/groups.yaml", "affiliation: exampleton", "affiliation: norland")],
        [
            (
                "content/groups.yaml",
                "+",
                "- id: board\n  name: The bridge board\n"
                "  affiliation: exampleton\n  sources: [{article: fic-bridge, paragraph: 1}]\n",
            )
        ],
    ],
    "countries": [
        [("content/countries.yaml", "name: Norland", "name: Norlandia")],
        [("content/countries.yaml", "- stance: will-not-pay", "- stance: pays")],
        [("content/countries.yaml", "summary: Will build the bridge.", "summary: Builds it.")],
    ],
    "stances": [
        [("content/stances.yaml", "label: Will not pay,", "label: Refuses to pay,")],
        [
            (
                "content/stances.yaml",
                "+",
                "- {id: unsure, label: Unsure, description: Has not said., colour: blue}\n",
            )
        ],
    ],
    "statements": [
        [
            (
                "content/statements.yaml",
                "text: Norland will not pay for any part of the bridge.",
                "text: Norland will not pay a single coin for the bridge.",
            )
        ],
        [("content/statements.yaml", "speakers: [norland]", "speakers: [exampleton]")],
        [("content/statements.yaml", "paragraph: 4}\n", "paragraph: 4}\n  topics: [cost]\n")],
        [("content/statements.yaml", "context: On the bridge.", "context: On the vote.")],
        [
            (
                "content/statements.yaml",
                "^",
                "- id: quill-afford\n  kind: reported\n"
                "  speakers: [quill]\n  text: The town can afford the bridge.\n"
                "  source: {article: fic-bridge, paragraph: 2}\n",
            )
        ],
        [
            (
                "content/statements.yaml",
                "- id: quill-afford\n  kind: reported\n"
                "  speakers: [quill]\n  text: The town can afford the bridge.\n"
                "  source: {article: fic-bridge, paragraph: 2}\n",
                "",
            )
        ],
    ],
    "questions": [
        [("content/questions.yaml", "status: open", "status: answered")],
        [
            (
                "content/questions.yaml",
                "statements: [stoker-lee-too-expensive]",
                "statements: [quill-before-winter]",
            )
        ],
        [
            (
                "content/questions.yaml",
                "+",
                "- id: bridge-when\n  question: When will it open?\n"
                "  status: open\n  known: Before winter, the mayor says.\n  statements: "
                "[quill-before-winter]\n  sources: [{article: fic-bridge, paragraph: 2}]\n",
            )
        ],
    ],
    "events": [
        [("content/events.yaml", "title: Council votes for the bridge", "title: The vote")],
        [("content/events.yaml", "participants: [council]", "participants: [council, quill]")],
        [("content/events.yaml", "date: 2026-11-09", "date: 2026-11-10")],
    ],
    "glossary": [
        [
            (
                "content/glossary.yaml",
                "definition: The river the bridge would cross.",
                "definition: The river under the bridge.",
            )
        ],
        [
            (
                "content/glossary.yaml",
                "+",
                "- id: council-term\n  term: council\n  definition: "
                "The town's elected body.\n  sources: [{article: fic-bridge, paragraph: 1}]\n",
            )
        ],
        [
            (
                "content/glossary.yaml",
                "- id: council-term\n  term: council\n  definition: "
                "The town's elected body.\n  sources: [{article: fic-bridge, paragraph: 1}]\n",
                "",
            )
        ],
    ],
    "topics": [
        [("content/topics.yaml", "name: Cost", "name: Money")],
        [
            (
                "content/topics.yaml",
                "+",
                "- id: timing\n  name: Timing\n  description: When the bridge opens.\n",
            )
        ],
    ],
    "references": [
        [("content/references.yaml", "title: Minutes of the council meeting", "title: Minutes")],
        [
            (
                "content/references.yaml",
                "+",
                "- id: budget\n  title: The budget\n  publisher: null\n"
                "  url: https://example.org/budget\n  accessed: 2026-11-18\n",
            )
        ],
    ],
    "corrections": [
        [("content/corrections.yaml", "date: 2026-11-21", "date: 2026-11-22")],
        [
            (
                "content/corrections.yaml",
                "+",
                "- id: 2026-11-23-name\n  date: 2026-11-23\n  summary: A name was misspelt.\n",
            )
        ],
        [
            (
                "content/corrections.yaml",
                "- id: 2026-11-23-name\n  date: 2026-11-23\n  summary: A name was misspelt.\n",
                "",
            )
        ],
    ],
}
# Not a record: an article's text, cited by paragraph.
TEXT_EDITS: list[list[Change]] = [
    [("seeds/fic-bridge.txt", "the mayor said.", "the mayor told reporters.")],
    [("seeds/fic-bridge.txt", "+", "The vote was close.\n")],
]


def apply(root: Path, changes: list[Change]) -> None:
    for relative, old, new in changes:
        path = root / relative
        if old == "DELETE":
            path.unlink()
        elif old == "" and not path.exists():
            path.write_text(new, encoding="utf-8")
        elif old == "+":
            path.write_text(path.read_text(encoding="utf-8") + new, encoding="utf-8")
        elif old == "^":
            path.write_text(new + path.read_text(encoding="utf-8"), encoding="utf-8")
        else:
            edit(root, relative, old, new)


def generated(root: Path) -> dict[str, bytes]:
    """Every file generation makes (build/docs and the rest of build/), but for its own state."""
    work = root / "build"
    own = ("cache/", "lock", "generated-from", "page-reads")
    return {
        p.relative_to(work).as_posix(): p.read_bytes()
        for p in sorted(work.rglob("*"))
        if p.is_file() and not p.relative_to(work).as_posix().startswith(own)
    }


def cold(root: Path, into: Path) -> dict[str, bytes]:
    """What a cold generation of the story at `root` makes, in a copy at `into`."""
    shutil.rmtree(into, ignore_errors=True)
    for folder in ("content", "seeds"):
        shutil.copytree(root / folder, into / folder)
    written, problems = generate(Project.at(into))
    assert problems == [] and written
    return generated(into)


def assert_incremental(root: Path, steps: list[list[Change]], elsewhere: Path) -> None:
    """After each step, a Session's regeneration makes the same bytes as a cold generation of
    the edited story, and writes exactly the files whose bytes change."""
    session = Session(Project.at(root))
    assert session.regenerate()[1] == []
    for changes in steps:
        before = generated(root)
        apply(root, changes)
        written, problems = session.regenerate()
        assert problems == []
        after = generated(root)
        assert after == cold(root, elsewhere), changes
        changed = {  # the pages MkDocs reads, and the share pages written beside them
            path.partition("/")[2]
            for path in before.keys() | after.keys()
            if path.startswith(("docs/", "share/")) and before.get(path) != after.get(path)
        }
        assert sorted(written) == sorted(changed), changes


def test_every_record_type_has_edits():
    assert set(MINI_EDITS) == {collection.name for collection in RECORD_TYPES}


@pytest.mark.parametrize("collection", [c.name for c in RECORD_TYPES])
def test_edited_records_regenerate_as_a_cold_run_would(collection, mini, tmp_path):
    assert_incremental(mini, MINI_EDITS[collection], tmp_path / "cold")


def test_an_edited_article_text_regenerates_as_a_cold_run_would(mini, tmp_path):
    assert_incremental(mini, TEXT_EDITS, tmp_path / "cold")


# Edits of the multi-source story, where statements have several reports, articles are named by
# outlet and date, and a quotation is marked in several articles.
MULTI = MINI.parent / "multi"
MULTI_EDITS: list[list[Change]] = [
    [("content/statements.yaml", "    - {article: fic-today-summit, paragraph: 2}\n", "")],
    [
        (
            "content/statements.yaml",
            "speakers: [dusek]\n  text: >-\n    Belmark will ask",
            "speakers: [annar]\n  text: >-\n    Belmark will ask",
        )
    ],
    [("content/statements.yaml", "topics: [water, study]", "topics: [study]")],
    [  # two articles of one outlet on one day: both are then named by their labels
        ("seeds/fic-courier-study.yaml", "published: 2026-03-03", "published: 2026-03-20"),
        ("seeds/fic-courier-study.yaml", "accessed: 2026-03-04", "accessed: 2026-03-21"),
    ],
    [("seeds/fic-herald-funding.yaml", "outlet: The Ilvan Herald", "outlet: The Herald")],
]


def test_edits_of_a_story_of_many_sources_regenerate_as_a_cold_run_would(tmp_path):
    root = make_project(MULTI, tmp_path / "multi")
    assert_incremental(root, MULTI_EDITS, tmp_path / "cold")


def test_a_session_writes_nothing_while_the_story_has_a_problem(mini, tmp_path):
    session = Session(Project.at(mini))
    session.regenerate()
    before = generated(mini)
    edit(mini, "content/statements.yaml", "speakers: [norland]", "speakers: [nobody]")
    written, problems = session.regenerate()
    assert (written, generated(mini)) == ([], before) and problems
    edit(mini, "content/statements.yaml", "speakers: [nobody]", "speakers: [exampleton]")
    assert session.regenerate()[1] == []
    assert generated(mini) == cold(mini, tmp_path / "cold")


def test_a_session_keeps_no_earlier_run_of_the_story_in_memory(mini, monkeypatch):
    # Its nodes refer to each other, and pages are made with them out of cyclic collection: a
    # session that left each run behind grew by a whole story per save.
    runs = []
    checked = incremental.checked_story

    def watched(project, recorder, reuse):
        linked, config, problems = checked(project, recorder, reuse)
        runs.append(weakref.ref(linked.graph.story))
        return linked, config, problems

    monkeypatch.setattr(incremental, "checked_story", watched)
    session = Session(Project.at(mini))
    assert session.regenerate()[1] == []
    assert session.regenerate()[1] == []
    assert runs[0]() is None


def test_a_session_carries_the_story_logo_as_generate_does(mini):
    # Generate copies the logo into build/docs; a session must neither drop it nor keep it
    # once the story no longer names one.
    (mini / "logo.png").write_bytes(png(note=b"first"))
    with open(mini / "content" / "story.yaml", "a", encoding="utf-8") as story:
        story.write("site: {logo: logo.png}\n")
    logo = mini / "build" / "docs" / "assets" / "story-logo.png"
    session = Session(Project.at(mini))
    assert session.regenerate()[1] == []
    assert logo.read_bytes() == png(note=b"first")
    (mini / "logo.png").write_bytes(png(note=b"second"))
    assert session.regenerate() == (["assets/story-logo.png"], [])
    assert logo.read_bytes() == png(note=b"second")
    edit(mini, "content/story.yaml", "site: {logo: logo.png}\n", "")
    assert session.regenerate()[1] == []
    assert not logo.exists()
