"""What the build refuses, as one table: an edit to a copy of the mini story (tests/fixtures/mini)
and the exact located message `check` gives for it, nothing else. tests/content/test_refusals.py
runs every row; CONTRIBUTING.md shows the same rows, written by `make docs` (refusals_guide.py).

A refusal that needs more than one edit and one message (a new file, several problems at once,
a message checked only in part) is tested beside its rule instead."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace the one occurrence of `old` in `file` (a path in the story folder) by `new`."""

    file: str
    old: str
    new: str


class Refusal(NamedTuple):
    edit: Edit
    message: str  # the one problem `check` reports, as `path:line:column: message`
    before: tuple[Edit, ...] = ()  # edits the case needs first, elsewhere in the story


# The mini story's lines the rows below extend.
_QUILL = "  source: {article: fic-bridge, paragraph: 2}\n  topics: [cost]\n"
_VOTE_END = "  sources: [{article: fic-bridge, paragraph: 1}]\n"
FIRST_POSITION_END = """      sources: [{article: fic-bridge, paragraph: 1}]
  sources: [{article: fic-bridge, paragraph: 1}]
- id: norland"""
SECOND_POSITION = """      sources: [{article: fic-bridge, paragraph: 1}]
    - stance: pays
      summary: Will build the bridge, after all.
      date: 2026-11-10
      sources: [{article: fic-bridge, paragraph: 1}]
  sources: [{article: fic-bridge, paragraph: 1}]
- id: norland"""
_MARKS = (
    "belongs only in the `text` of a `direct` statement, where the build proves the quotation "
    "against the source: paraphrase without quotation marks, or make a direct statement"
)
_DEFINITION = "  definition: The river the bridge would cross.\n"
# An editors' explanation of the mini story's one glossary term, its text to fill in.
_EXPLAINED = "  explanation:\n    text: {}\n    sources: [{{reference: council-minutes}}]\n"
# Norland's statement given to two speakers, for the readings of an uncertain attribution.
TWO_SPEAKERS = Edit("content/statements.yaml", "speakers: [norland]", "speakers: [norland, quill]")
NORLAND_SOURCE = "  source: {article: fic-bridge, paragraph: 4}\n"
UNCLEAR = "  attribution: ambiguous\n  attribution_note: The article is unclear.\n"
_PUBLISHED = Edit("seeds/fic-bridge.yaml", "published: null", "published: 2026-11-16")

REFUSALS: tuple[Refusal, ...] = (
    # A record on its own: its model's rules (validation.py).
    Refusal(
        Edit("content/people.yaml", "name: Ada Quill", "name: 42"),
        "content/people.yaml:2:9: 'name' must be text, not the number 42",
    ),
    Refusal(
        Edit("content/people.yaml", "  role: Mayor of Exampleton\n", ""),
        "content/people.yaml:1:3: missing required field 'role': add `role:` to this record "
        "(write `null` if the sources do not say)",
    ),
    Refusal(
        Edit("content/topics.yaml", "  name: Cost", "  name: Cost\n  colour: red"),
        "content/topics.yaml:3:3: unknown field 'colour': the fields here are id, name, "
        "description",
    ),
    Refusal(
        Edit("content/statements.yaml", "kind: reported", "kind: reportd"),
        "content/statements.yaml:15:9: 'kind' must be one of 'direct' or 'reported', not "
        "'reportd'; did you mean 'reported'?",
    ),
    Refusal(
        Edit("content/story.yaml", "updated: 2026-11-20", "updated: 20/11/2026"),
        "content/story.yaml:5:10: '20/11/2026' is not a date: write it as YYYY-MM-DD",
    ),
    Refusal(
        Edit("content/story.yaml", "updated: 2026-11-20", "updated: 2026-02-30"),
        "content/story.yaml:5:10: '2026-02-30' is not a real calendar date",
    ),
    Refusal(
        Edit("seeds/fic-bridge.yaml", "full_text_allowed: true", "full_text_allowed: yes"),
        "seeds/fic-bridge.yaml:8:20: 'full_text_allowed' must be true or false, not the text 'yes'",
    ),
    Refusal(
        Edit("seeds/fic-bridge.yaml", "language: en", "language: English"),
        "seeds/fic-bridge.yaml:7:11: 'language': 'English' is not a language code: write a "
        "code such as `en`, `fr` or `pt-BR`",
    ),
    Refusal(
        Edit("seeds/fic-bridge.yaml", "url: null", "url: https://example.org/a b"),
        "seeds/fic-bridge.yaml:5:6: 'url': 'https://example.org/a b' is not a web address: it "
        'must start with http:// or https:// and hold no spaces and none of " < > \\ ^ ` { | } '
        "(write them as %22, %3C and so on)",
    ),
    Refusal(
        Edit(
            "content/events.yaml",
            "  sources: [{article: fic-bridge, paragraph: 1}]",
            "  sources: []",
        ),
        "content/events.yaml:8:12: 'sources' must list at least one item",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            "  topics: [cost]\n- id: stoker-lee",
            "  topics: [cost]\n  attribution: ambiguous\n- id: stoker-lee",
        ),
        "content/statements.yaml:1:3: an ambiguous attribution needs an `attribution_note` "
        "saying why",
    ),
    Refusal(
        Edit("content/glossary.yaml", "paragraph: 1}", "paragraph: 0}"),
        "content/glossary.yaml:4:46: 'paragraph' must be 1 or more",
    ),
    Refusal(
        Edit("content/glossary.yaml", "paragraph: 1}", "paragraph: 012}"),
        "content/glossary.yaml:4:46: 'paragraph' must be a whole number, not the text '012'",
    ),
    Refusal(
        Edit("content/topics.yaml", "name: Cost", "name: ' '"),
        "content/topics.yaml:2:9: 'name' must not be blank: write its text",
    ),
    Refusal(
        Edit("content/people.yaml", "role: Mayor of Exampleton", "role: ' '"),
        "content/people.yaml:3:9: 'role' must not be blank: write its text, or write `null` if "
        "the sources do not say",
    ),
    Refusal(
        Edit("content/topics.yaml", "name: Cost", 'name: "Cost\\u202e"'),
        "content/topics.yaml:2:9: 'name' contains the invisible character U+202E "
        "(RIGHT-TO-LEFT OVERRIDE): delete it",
    ),
    Refusal(
        Edit("seeds/fic-bridge.yaml", "url: null", 'url: "https://example.org/\\e[2J"'),
        "seeds/fic-bridge.yaml:5:6: 'url' contains the invisible character U+001B "
        "(a control character): delete it",
    ),
    Refusal(
        Edit("content/topics.yaml", "name: Cost", "name: Co\u2028st"),
        "content/topics.yaml:2:11: this file contains the invisible character U+2028 "
        "(LINE SEPARATOR): delete it",
    ),
    Refusal(
        Edit("content/topics.yaml", "name: Cost", "!!binary bmFtZQ==: Cost"),
        "content/topics.yaml:2:3: YAML tags such as !!binary are not allowed in content: "
        "write the value as plain text",
    ),
    # Ids: what linking cannot resolve (linking.py).
    Refusal(
        Edit("content/statements.yaml", "speakers: [quill]", "speakers: [quil]"),
        "content/statements.yaml:3:14: unknown person, group or country 'quil': did you mean "
        "'quill'? Otherwise add it to content/people.yaml, groups.yaml or countries.yaml",
    ),
    Refusal(
        Edit(
            "content/people.yaml",
            "affiliation: exampleton\n  sources: [{article: fic-bridge, paragraph: 2}]",
            "affiliation: atlantis\n  sources: [{article: fic-bridge, paragraph: 2}]",
        ),
        "content/people.yaml:4:16: unknown country 'atlantis': add it to content/countries.yaml",
    ),
    Refusal(
        Edit(
            "content/events.yaml",
            "sources: [{article: fic-bridge,",
            "sources: [{article: fic-brige,",
        ),
        "content/events.yaml:8:23: unknown article 'fic-brige': did you mean 'fic-bridge'? "
        "Otherwise add it to seeds/ (an ID.txt with its ID.yaml)",
    ),
    Refusal(
        Edit(
            "content/questions.yaml",
            "statements: [stoker-lee-too-expensive]",
            "statements: [too-expensive]",
        ),
        "content/questions.yaml:5:16: unknown statement 'too-expensive': did you mean "
        "'stoker-lee-too-expensive'? Otherwise add it to content/statements.yaml",
    ),
    # Rules across records (generator/content/rules.py), in the registry's order.
    Refusal(
        Edit("seeds/fic-bridge.yaml", "id: fic-bridge", "id: bridge"),
        "seeds/fic-bridge.yaml:1:5: the id must match the file name: 'fic-bridge'",
    ),
    Refusal(
        Edit("content/questions.yaml", "id: bridge-cost", "id: index"),
        "content/questions.yaml:1:7: the id 'index' is taken by the site: this question's page "
        "would be questions/index.md, which is the questions page; choose another id",
    ),
    Refusal(
        Edit("content/countries.yaml", FIRST_POSITION_END, SECOND_POSITION),
        "content/countries.yaml:11:13: this position is dated 2026-11-10, before the one listed "
        "above it (2026-11-16): positions are listed oldest first and the last is current, so "
        "move it above, or fix the date",
    ),
    Refusal(
        Edit("seeds/fic-bridge.yaml", "published: null", "published: 2026-11-15"),
        "content/countries.yaml:7:13: dated 2026-11-16, after article 'fic-bridge', which "
        "reports it, was published (2026-11-15): fix the date, or cite an article that could "
        "report it",
    ),
    Refusal(
        Edit(
            "content/events.yaml",
            _VOTE_END,
            _VOTE_END + "- id: plans\n  title: Plans drawn\n  when: Before the vote\n"
            "  date: 2026-11-02\n  description: Plans for the bridge were drawn.\n"
            "  participants: [council]\n" + _VOTE_END,
        ),
        "content/events.yaml:12:9: this event is dated 2026-11-02, before 'vote' listed above "
        "it (2026-11-09): list events in the order they happened, or fix the date",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            "  kind: reported\n",
            "  kind: reported\n  date: 2026-11-17\n",
        ),
        "content/statements.yaml:16:9: dated 2026-11-17, after article 'fic-bridge', which "
        "reports it, was published (2026-11-16): fix the date, or cite an article that could "
        "report it",
        before=(_PUBLISHED,),
    ),
    Refusal(
        Edit(
            "content/questions.yaml",
            "  statements:",
            "  as_of: 2026-11-12\n  history:\n    - date: 2026-11-14\n      status: open\n"
            "      known: Nothing yet.\n      sources: [{article: fic-bridge, paragraph: 1}]\n"
            "  statements:",
        ),
        "content/questions.yaml:5:10: dated 2026-11-12, before the state listed above it "
        "(2026-11-14): a question's `history` is oldest first and ends before its current "
        "`as_of`; fix the order or the date",
    ),
    Refusal(
        Edit("content/references.yaml", "published: null", "published: 2026-11-19"),
        "content/references.yaml:6:13: read on 2026-11-18, before it was published "
        "(2026-11-19): fix one of the dates",
    ),
    Refusal(
        Edit(
            "content/events.yaml",
            "  participants: [council]\n",
            "  participants: [council]\n  disputes:\n    - about: When\n      accounts:\n"
            "        - says: On Monday\n          stance: pays\n"
            "          sources: [{article: fic-bridge, paragraph: 1}]\n"
            "        - says: Later\n          sources: [{article: fic-bridge, paragraph: 1}]\n",
        ),
        "content/events.yaml:12:19: only a position's disputes give a `stance`: remove it, "
        "and say what this side holds in `says`",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            _QUILL,
            _QUILL + "- id: quill-again\n  kind: direct\n  speakers: [quill]\n"
            "  text: We will open the bridge before winter\n" + _QUILL,
        ),
        "content/statements.yaml:10:9: these are the words of statement 'quill-before-winter' "
        "(content/statements.yaml:1): one quotation is one statement, so add this paragraph to "
        "the `reports` of 'quill-before-winter' and remove this statement",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            NORLAND_SOURCE,
            NORLAND_SOURCE + UNCLEAR + "  readings: [[norland], [quill, stoker-lee]]\n",
        ),
        "content/statements.yaml:21:33: 'stoker-lee' is not one of this statement's `speakers` "
        "(norland, quill): a reading names only them; add it to `speakers` or correct the id",
        before=(TWO_SPEAKERS,),
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            NORLAND_SOURCE,
            NORLAND_SOURCE + "  readings: [[norland], [quill]]\n",
        ),
        "content/statements.yaml:19:13: `readings` are the ways the sources let an ambiguous "
        "attribution be read: remove them, or write `attribution: ambiguous` with an "
        "`attribution_note` saying why",
        before=(TWO_SPEAKERS,),
    ),
    Refusal(
        Edit("content/stances.yaml", "colour: red}", "colour: green}"),
        "content/stances.yaml:2:88: stance 'pays' already has this colour: choose one no stance "
        "uses yet: `teal`, `blue`, `purple`, `pink`, `orange`, `red`, `olive`",
    ),
    Refusal(
        Edit("content/statements.yaml", "text: Norland will not pay", "text: They will not pay"),
        'content/statements.yaml:17:9: this paraphrase starts with "They", which names no one '
        "when the statement is read alone (in search results, shares and lists): name who "
        "instead, such as the speaker or the country",
    ),
    Refusal(
        Edit(
            "content/glossary.yaml",
            "definition: The river the bridge would cross.",
            "definition: The glass river the bridge would cross.",
        ),
        'content/glossary.yaml:3:15: this definition uses "Glass River", the term it defines, '
        "so it tells a reader who does not know the term nothing: say what it means in other "
        "words",
    ),
    Refusal(
        Edit("content/glossary.yaml", _DEFINITION, _DEFINITION + _EXPLAINED.format("Glass River.")),
        'content/glossary.yaml:5:11: this explanation uses "Glass River", the term it defines, '
        "so it tells a reader who does not know the term nothing: say what it means in other "
        "words",
    ),
    Refusal(
        Edit("content/glossary.yaml", _DEFINITION, ""),
        "content/glossary.yaml:2:9: this term says nothing of what the sources say about it: "
        "add `definition:` (what they say it means) or, where they use it without saying what "
        "it means, `usage:` (how they use it)",
    ),
    Refusal(
        Edit(
            "content/glossary.yaml",
            _DEFINITION,
            _DEFINITION
            + _EXPLAINED.replace(
                "reference: council-minutes", "article: fic-bridge, paragraph: 1"
            ).format("A river."),
        ),
        "content/glossary.yaml:6:15: the editors' explanation cites a reference (`{reference: "
        "ID}` from references.yaml), not an article's paragraph: what the article says of the "
        "term goes in `definition` or `usage`",
    ),
    Refusal(
        Edit(
            "content/glossary.yaml",
            _DEFINITION,
            _DEFINITION + _EXPLAINED.replace("[{{reference: council-minutes}}]", "[]").format("x"),
        ),
        "content/glossary.yaml:6:14: 'sources' must list at least one item",
    ),
    Refusal(
        Edit(
            "content/story.yaml",
            "sources: [{article: fic-bridge, paragraph: 1}, {article: fic-bridge, paragraph: 3}]",
            "sources: []",
        ),
        "content/story.yaml:4:10: the summary cites no paragraph: list the paragraphs it rests "
        "on, such as `sources: [{article: fic-bridge, paragraph: 1}]`",
    ),
    Refusal(
        Edit(
            "content/people.yaml",
            "paragraph: 3}]\n",
            "paragraph: 3}]\n- id: poe\n  name: Sam Poe\n  role: null\n  affiliation: null\n",
        ),
        "content/people.yaml:12:7: 'poe' is cited nowhere: no statement, event or "
        "position names it, so add `sources` with the paragraphs that mention it",
    ),
    Refusal(
        Edit("content/statements.yaml", "speakers: [quill]", "speakers: [quill, quill]"),
        "content/statements.yaml:3:21: 'quill' is listed twice here: keep one",
    ),
    Refusal(
        Edit("content/questions.yaml", "  statements:", "  related: [bridge-cost]\n  statements:"),
        "content/questions.yaml:5:13: a question is not related to itself: remove "
        "'bridge-cost' from `related`",
    ),
    Refusal(
        Edit("content/glossary.yaml", "paragraph: 1}", "paragraph: 9}"),
        "content/glossary.yaml:4:46: article 'fic-bridge' has 4 paragraphs, so there is no "
        "paragraph 9: count its non-empty lines",
    ),
    Refusal(
        Edit(
            "content/questions.yaml",
            "known: The opposition says it is too expensive;",
            "known: The opposition says it is “too expensive”;",
        ),
        f"content/questions.yaml:4:10: the quotation mark “ {_MARKS}",
    ),
    Refusal(
        Edit("content/statements.yaml", "context: On the bridge.", "context: On the “bridge”."),
        f"content/statements.yaml:11:12: the quotation mark “ {_MARKS}",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            "context: On the bridge.",
            "attribution: ambiguous\n  attribution_note: The report says «someone» said it.",
        ),
        f"content/statements.yaml:12:21: the quotation mark « {_MARKS}",
    ),
    Refusal(
        Edit("content/statements.yaml", "text: far too expensive", "text: much too expensive"),
        "content/statements.yaml:10:9: this quotation is not found verbatim in article "
        "'fic-bridge' paragraph 3: copy it word for word from the source (only spacing may "
        "differ)",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            "  source: {article: fic-bridge, paragraph: 3}\n  topics",
            "  source: {article: fic-bridge, paragraph: 2}\n  topics",
        ),
        "content/statements.yaml:10:9: this quotation is not in article 'fic-bridge' paragraph 2 "
        "but is in paragraph 3: fix the source",
    ),
    Refusal(
        Edit(
            "content/statements.yaml",
            _QUILL,
            _QUILL + "  reports: [{article: fic-bridge, paragraph: 2}]\n",
        ),
        "content/statements.yaml:7:13: article 'fic-bridge' paragraph 2 is already cited for "
        "this statement: remove this report",
    ),
)


def apply(root: Path, edit: Edit) -> None:
    """Makes one edit to the story at `root`, failing loudly if `old` is not there once."""
    path = root / edit.file
    text = path.read_text(encoding="utf-8")
    assert text.count(edit.old) == 1, f"{edit.old!r} should occur once in {edit.file}"
    path.write_text(text.replace(edit.old, edit.new), encoding="utf-8")
