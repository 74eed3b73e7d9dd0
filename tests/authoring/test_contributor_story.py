"""A contributor's correct edit never turns CI red: a copy of the test story gets a new
(fictional) article through the documented commands, with a person, a country and its stance,
a country whose name holds an ampersand, statements and an event, and the copy is checked,
built and verified by the product's own commands."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import MULTI, ROOT, make_project, run_cli

ARTICLE = ROOT / "tests" / "fixtures" / "contributor" / "fic-valdoria.txt"
ID = "fic-valdoria"


def cite(paragraph: int) -> list[dict[str, object]]:
    return [{"article": ID, "paragraph": paragraph}]


def add_records(root: Path, collection: str, records: list[dict[str, object]]) -> None:
    """Append records as a contributor would: to content/NAME.yaml, or a new file in its folder."""
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
    single = root / "content" / f"{collection}.yaml"
    if single.is_file():
        with single.open("a", encoding="utf-8") as out:
            out.write("\n" + text)
    else:
        (root / "content" / collection).mkdir(exist_ok=True)
        (root / "content" / collection / f"{ID}.yaml").write_text(text, encoding="utf-8")


def reviewed_drafts(root: Path) -> list[dict[str, object]]:
    """Step 3 of the guide: each draft gets its speaker, a readable id, and loses needs_review."""
    draft = (root / "drafts" / f"{ID}.quotes.yaml").read_text(encoding="utf-8")
    drafts = yaml.safe_load(draft)
    assert len(drafts) == 2, draft
    for number, statement in enumerate(drafts, start=1):
        statement.pop("needs_review")
        statement["id"] = f"ferrand-engineers-{number}"
        statement["speakers"] = ["tomas-ferrand"]
    return drafts


def contribute(root: Path) -> None:
    added = run_cli(
        root, "new-article", str(ARTICLE), "--id", ID, "--title", "Valdoria to send engineers",
        "--outlet", "Fiction Wire", "--published", "2026-03-21",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    drafted = run_cli(root, "draft-quotes", f"seeds/{ID}.txt")
    assert drafted.returncode == 0, drafted.stderr
    stances = yaml.safe_load((root / "content" / "stances.yaml").read_text(encoding="utf-8"))
    add_records(root, "countries", [{
        "id": "valdoria", "name": "Valdoria", "kind": "country", "aliases": [],
        "positions": [{
            "stance": stances[-1]["id"],
            "summary": "Will send engineers but no combat troops to a post-ceasefire mission.",
            "date": "2026-03-21", "sources": cite(1),
        }],
        "sources": cite(1),
    }, {  # a name as its people write it, ampersand and all
        "id": "orlen-vesk", "name": "Orlen & Vesk", "kind": "country", "aliases": [],
        "positions": [], "sources": cite(4),
    }])  # fmt: skip
    add_records(root, "people", [{
        "id": "tomas-ferrand", "name": "Tomas Ferrand", "role": "Foreign Minister of Valdoria",
        "affiliation": "valdoria", "aliases": ["Ferrand"], "sources": cite(2),
    }])  # fmt: skip
    add_records(root, "statements", [*reviewed_drafts(root), {
        "id": "ferrand-parliament-vote", "kind": "reported", "speakers": ["tomas-ferrand"],
        "text": "Tomas Ferrand said Valdoria's parliament would vote on the plan before the "
        "end of the month.",
        "source": {"article": ID, "paragraph": 3},
    }])  # fmt: skip
    add_records(root, "events", [{
        "id": "ferrand-meets-counterparts", "title": "Valdoria's foreign minister meets partners",
        "when": "Wednesday evening", "date": "2026-03-21",
        "description": "The minister met his counterparts to discuss logistics.",
        "participants": ["tomas-ferrand", "orlen-vesk"], "sources": cite(4),
    }])  # fmt: skip


def test_a_story_a_contributor_added_to_checks_builds_and_verifies(tmp_path):
    root = make_project(MULTI, tmp_path / "story")
    contribute(root)
    for command in ("check", "build", "verify"):  # the product's own commands, as CI runs them
        result = run_cli(root, command)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-4000:])
