"""CONTRIBUTING.md's worked example, step by step: a second (fictional) article joins the story
and the site merges both."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT, run_cli
from tests.htmlscan import read

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
    assert "../../sources/fic-bridge/#p-2" in cited
    assert "../../sources/fic-ferry/#p-2" in cited
    assert "We will open the bridge before winter" in quill.text
    assert "The ferry keeps the town moving" in quill.text
    assert "Ferry to run until the bridge opens, ¶2" in quill.text  # its label: it has no outlet
    assert "Article 2" not in quill.text
