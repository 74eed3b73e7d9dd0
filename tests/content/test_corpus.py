"""The synthetic corpus is a valid story under the real model and the real quotation check."""

from __future__ import annotations

from generator.build import check
from generator.project import Project
from tools.corpus import write


def test_a_synthetic_story_validates_and_scales(tmp_path):
    write(5, tmp_path / "story")
    story, problems = check(Project.at(tmp_path / "story"))
    assert problems == []
    assert story is not None
    assert len(story.articles) == 5
    assert len(story.statements) == 100
    kinds = {s.kind for s in story.statements.values()}
    assert kinds == {"direct", "reported"}
    assert all(len(text.paragraphs) == 20 for text in story.texts.values())
    assert len(story.people) == 30
