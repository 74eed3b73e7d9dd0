"""draft-quotes: quotation spans and proposed speakers, measured against the hand-made content."""

from __future__ import annotations

import json
import re

import pytest

from generator.drafting import Name, find_quotations
from generator.link import normalise_space
from generator.load import paragraphs_of
from tests.conftest import ROOT, edit, make_project, problems, run_cli

SEED = "000_2fea662c6618083a"
NAMES = [
    Name("Ada Quill", "quill", "person"),
    Name("Quill", "quill", "person"),
    Name("Bram Lee", "lee", "person"),
    Name("Lee", "lee", "person"),
    Name("Norland", "norland", "country"),
]


def drafts_of(*paragraphs: str):
    return [(d.text, d.speaker) for d in find_quotations(paragraphs, NAMES)]


def test_said_after_the_quotation():
    assert drafts_of("“We will build it,” said Quill.") == [("We will build it", "quill")]


def test_name_then_said():
    assert drafts_of("“No,” Lee said.") == [("No", "lee")]


def test_straight_quotes():
    assert drafts_of('"It is too dear," said Lee.') == [("It is too dear", "lee")]


def test_a_quotation_split_by_its_attribution():
    assert drafts_of("“We will,” said Quill, “and soon.”") == [
        ("We will", "quill"),
        ("and soon.", "quill"),
    ]


def test_nested_single_quotes_stay_inside():
    assert drafts_of("Quill said: “They call it ‘the folly’ but it is not.”") == [
        ("They call it ‘the folly’ but it is not.", "quill")
    ]


def test_he_added_resolves_to_the_last_person_named_outside_quotes():
    assert drafts_of("Lee spoke first.", "“Ask Quill,” he added.") == [("Ask Quill", "lee")]


def test_according_to():
    assert drafts_of("The bridge is “a folly”, according to Bram Lee.") == [("a folly", "lee")]


def test_a_quoted_name_is_not_a_statement():
    assert drafts_of("They call it “Norland” now, said Lee.") == []


def test_no_known_name_leaves_the_speaker_open():
    assert drafts_of("“Nobody knows,” a resident said.") == [("Nobody knows", None)]


# The seed's quotations and the names known to the story, annotated by hand once and frozen here,
# so that contributors editing content/ never move these figures (CONTRIBUTING.md reports them).
ANSWERS = ROOT / "tests" / "fixtures" / "drafting" / "seed-answers.json"


def measure():
    answers = json.loads(ANSWERS.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / f"{answers['article']}.txt").read_text(encoding="utf-8")
    names = [Name(*name) for name in answers["names"]]
    drafts = find_quotations(paragraphs_of(text), names)
    truth = {(paragraph, words): speaker for paragraph, words, speaker in answers["quotations"]}
    found = {(d.paragraph, normalise_space(d.text)): d.speaker for d in drafts}
    spans = len(set(found) & set(truth))
    speakers = sum(1 for key in set(found) & set(truth) if found[key] == truth[key])
    return {
        "span precision": (spans, len(found)),
        "span recall": (spans, len(truth)),
        "speaker precision": (speakers, sum(1 for v in found.values() if v)),
        "speaker recall": (speakers, len(truth)),
    }


def test_drafting_does_not_regress_on_the_seed_article():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for metric, (hits, total) in measure().items():
        reported = re.search(rf"\| {metric} \| (\d+) / (\d+) \|", guide)
        assert reported, f"CONTRIBUTING.md should report {metric}"
        assert (hits, total) == (int(reported[1]), int(reported[2])), metric


def test_draft_quotes_writes_a_draft_and_never_touches_content(tmp_path):
    root = make_project(ROOT, tmp_path / "story")
    before = {p: p.read_bytes() for p in (root / "content").rglob("*")}
    result = run_cli(root, "draft-quotes", f"seeds/{SEED}.txt")
    assert result.returncode == 0, result.stderr
    draft = (root / "drafts" / f"{SEED}.quotes.yaml").read_text(encoding="utf-8")
    assert draft.count("needs_review: true") == 18
    assert {p: p.read_bytes() for p in (root / "content").rglob("*")} == before


@pytest.mark.parametrize("field", ["needs_review: true"])
def test_an_unreviewed_draft_does_not_validate(mini, field):
    edit(
        mini,
        "content/statements.yaml",
        "  topics: [cost]\n- id: stoker-lee",
        f"  topics: [cost]\n  {field}\n- id: stoker-lee",
    )
    assert problems(mini) == [
        "content/statements.yaml:7:3: 'needs_review' marks an unreviewed draft: check its "
        "speaker and text against the article, then delete this line"
    ]


def test_a_new_name_before_a_speech_verb_is_proposed_as_a_new_person():
    assert drafts_of("Harbour master Ines Varga warned it was “too old”.") == [
        ("too old", "ines-varga")
    ]
