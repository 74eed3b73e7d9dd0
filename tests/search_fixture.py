"""The fictional mini story with what the search tests need beside it: a statement whose speaker
the article leaves uncertain, and a speaker whose name holds markup written as text and as an
entity (`&lt;b&gt;` must show as written, not as `<b>`)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINI, make_project

UNCERTAIN = "quill-or-stoker-lee-second-vote"
MARKUP_NAME = "Cal &lt;b&gt; Vesk <b>"
MARKUP_ID = "vesk"
ONLY_IN_THE_ARTICLE = "neighbouring"  # a word of a cited paragraph that no fact's text has

STATEMENTS = f"""- id: {UNCERTAIN}
  kind: reported
  speakers: [quill, stoker-lee]
  text: The bridge will need a second vote.
  source: {{article: fic-bridge, paragraph: 1}}
  attribution: ambiguous
  attribution_note: The report does not say which of the two said it.
- id: vesk-river
  kind: reported
  speakers: [{MARKUP_ID}]
  text: The council voted to build a bridge over the Glass River.
  source: {{article: fic-bridge, paragraph: 1}}
"""
PERSON = f"""- id: {MARKUP_ID}
  name: "{MARKUP_NAME}"
  role: null
  affiliation: exampleton
  sources: [{{article: fic-bridge, paragraph: 1}}]
"""


def search_story(into: Path) -> Path:
    """A copy of the mini story in INTO, with the statements and the speaker above."""
    root = make_project(MINI, into)
    for relative, added in (
        ("content/statements.yaml", STATEMENTS),
        ("content/people.yaml", PERSON),
    ):
        path = root / relative
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    return root
