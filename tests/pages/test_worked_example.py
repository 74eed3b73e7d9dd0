"""CONTRIBUTING.md's worked example, step by step: a second (fictional) article joins the story
and the site merges both."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.build import check
from generator.pages.jsonld import quotation
from generator.project import Project
from generator.verify.html import read
from tests.conftest import ROOT, run_cli

ARTICLE = ROOT / "tests" / "fixtures" / "worked-example" / "fic-ferry.txt"
VARGA = """- id: ines-varga
  name: Ines Varga
  role: Harbour master
  affiliation: exampleton
  sources: [{article: fic-ferry, paragraph: 3}]
"""


def review(draft_text: str) -> str:
    """What the guide asks of the reviewer: readable ids, and no needs_review line."""
    drafts = yaml.safe_load(draft_text)
    assert [d["speakers"] for d in drafts] == [["quill"], ["ines-varga"]]
    ids = ["quill-ferry-keeps-town-moving", "varga-ferry-older-than-passengers"]
    reviewed = []
    for new_id, draft in zip(ids, drafts, strict=True):
        draft.pop("needs_review")
        draft["id"] = new_id
        reviewed.append(draft)
    return yaml.safe_dump(reviewed, allow_unicode=True, sort_keys=False)


def test_a_second_article_joins_the_story(mini):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "new-article tests/fixtures/worked-example/fic-ferry.txt" in guide
    assert VARGA in guide

    added = run_cli(
        mini,
        "new-article",
        str(ARTICLE),
        "--id",
        "fic-ferry",
        "--title",
        "Ferry to run until the bridge opens",
    )
    assert added.returncode == 0, added.stderr
    assert (mini / "seeds" / "fic-ferry.txt").read_bytes() == ARTICLE.read_bytes()
    assert "¶3  Harbour master Ines Varga" in added.stdout

    drafted = run_cli(mini, "draft-quotes", "seeds/fic-ferry.txt")
    assert drafted.returncode == 0, drafted.stderr
    draft = (mini / "drafts" / "fic-ferry.quotes.yaml").read_text(encoding="utf-8")
    assert run_cli(mini, "check").returncode == 0  # drafts are not content

    with (mini / "content" / "people.yaml").open("a", encoding="utf-8") as people:
        people.write(VARGA)
    with (mini / "content" / "statements.yaml").open("a", encoding="utf-8") as statements:
        statements.write(review(draft))

    checked = run_cli(mini, "check")
    assert checked.returncode == 0, checked.stderr
    built = run_cli(mini, "build")
    assert built.returncode == 0, built.stderr

    quill = read(mini / "site" / "people" / "quill" / "index.html")
    cited = {
        href
        for e in quill.elements
        if e.tag == "a" and "xp-cite" in e.attrs.get("class", "")
        for href in [e.attrs["href"]]
    }
    assert "../../sources/article/#p-2" in cited
    assert "../../sources/ferry-to-run-until-the-bridge-opens/#p-2" in cited
    assert "We will open the bridge before winter" in quill.text
    assert "The ferry keeps the town moving" in quill.text
    assert "Ferry to run until the bridge opens, ¶2" in quill.text  # its label: it has no outlet
    assert "Article 2" not in quill.text


# A field only one record type has, and that type's file.
FILE_BY_FIELD = {
    "speakers": "statements",
    "positions": "countries",
    "question": "questions",
    "publisher": "references",
    "colour": "stances",
}


def guide_blocks(section: str) -> list[str]:
    """The YAML blocks of one section of CONTRIBUTING.md, in order."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    text = guide.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)


def file_for(record: dict[str, object]) -> str:
    """The content file a whole record from the guide belongs in."""
    for key, name in FILE_BY_FIELD.items():
        if key in record:
            return name
    raise AssertionError(f"no file for {record}")


def apply(root: Path, block: str) -> None:
    """Replaces the record with the block's id in its file, or adds it, as the guide says."""
    (record,) = yaml.safe_load(block)
    path = root / "content" / f"{file_for(record)}.yaml"
    records = yaml.safe_load(path.read_text("utf-8")) or []
    ids = [r["id"] for r in records]
    if record["id"] in ids:
        records[ids.index(record["id"])] = record
    else:
        records.append(record)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), "utf-8")


def test_more_sources_join_the_story_with_reports_a_dispute_a_change_and_an_answer(mini):
    for name, outlet, date in [("fic-wire", "Example Wire", "2026-11-18"),
                               ("fic-gazette", "Glass River Gazette", "2026-11-20")]:  # fmt: skip
        article = ROOT / "tests" / "fixtures" / "worked-example" / f"{name}.txt"
        added = run_cli(mini, "new-article", str(article), "--id", name, "--outlet", outlet,
                        "--published", date)  # fmt: skip
        assert added.returncode == 0, added.stderr
    blocks = guide_blocks("Many sources, over time")
    assert len(blocks) == 6
    for block in blocks:
        apply(mini, block)

    linked, found = check(Project.at(mini))
    assert [p.headline() for p in found] == []
    assert linked is not None
    story = linked.graph
    quill = story.statements["quill-before-winter"]
    assert [(r.article.id, r.words) for r in quill.all_reports] == [
        ("fic-bridge", "We will open the bridge before winter"),
        ("fic-wire", "We will open the bridge before winter"),
        ("fic-gazette", "We will open the bridge before the winter"),
    ]
    assert "creator" not in quotation(story.statements["ready-by-spring"])
    assert [p.stance.id for p in story.countries["norland"].positions] == [
        "will-not-pay",
        "pays-half",
    ]
    cost = story.questions["bridge-cost"]
    assert [s.status for s in cost.timeline] == ["open", "answered"]
    assert str(cost.changed) == "2026-11-20"
    built = run_cli(mini, "build")
    assert built.returncode == 0, built.stderr
