"""Each way a contributor can get a record wrong gets one located, actionable message."""

from __future__ import annotations

import pytest

from tests.conftest import edit, problems, run_cli


def test_the_fixture_story_is_valid(mini):
    assert problems(mini) == []


def test_unknown_key_suggests_the_right_one(mini):
    edit(mini, "content/people.yaml", "  role: Mayor", "  rol: Mayor")
    assert problems(mini) == [
        "content/people.yaml:1:3: missing required field 'role': add `role:` to this record "
        "(write `null` if the sources do not say)",
        "content/people.yaml:3:3: unknown field 'rol': did you mean 'role'?",
    ]


def test_unknown_key_in_a_nested_record(mini):
    edit(
        mini,
        "content/statements.yaml",
        "source: {article: fic-bridge, paragraph: 2}",
        "source: {article: fic-bridge, paragrph: 2}",
    )
    assert problems(mini) == [
        "content/statements.yaml:5:11: missing required field 'paragraph': add `paragraph:` to "
        "this record",
        "content/statements.yaml:5:33: unknown field 'paragrph': did you mean 'paragraph'?",
    ]


DATES_THE_SITE = (
    "day a site can be dated with (sitemap.xml.gz holds the time as 32-bit seconds since "
    "1970-01-01): write the day the facts were last checked, as YYYY-MM-DD"
)


@pytest.mark.parametrize(
    ("day", "limit"),
    [
        ("2106-02-08", "after 2106-02-07, the last"),
        ("9999-12-31", "after 2106-02-07, the last"),
        ("1969-12-31", "before 1970-01-01, the first"),
        ("0001-01-01", "before 1970-01-01, the first"),
    ],
)
def test_an_updated_day_the_site_cannot_be_dated_with(mini, day, limit):
    edit(mini, "content/story.yaml", "updated: 2026-11-20", f"updated: {day}")
    assert problems(mini) == [f"content/story.yaml:5:10: '{day}' is {limit} {DATES_THE_SITE}"]


def test_bad_id(mini):
    edit(mini, "content/topics.yaml", "id: cost", "id: Cost Of It")
    assert problems(mini) == [
        "content/statements.yaml:6:12: unknown topic 'cost': add it to content/topics.yaml",
        "content/statements.yaml:13:12: unknown topic 'cost': add it to content/topics.yaml",
        "content/topics.yaml:1:7: 'id': 'Cost Of It' is not a valid id: use lower-case "
        "letters, digits, '-' and '_', starting with a letter or digit (such as `jane-doe`)",
    ]


def test_an_address_cannot_break_out_of_its_attribute(mini):
    edit(mini, "seeds/fic-bridge.yaml", "url: null", "url: 'https://x\"onmouseover=alert(1)'")
    assert problems(mini)[0].startswith(
        "seeds/fic-bridge.yaml:5:6: 'url': 'https://x\"onmouseover=alert(1)' is not a web address"
    )


def test_a_list_file_that_is_a_mapping(mini):
    (mini / "content" / "topics.yaml").write_text("id: cost\nname: Cost\n", encoding="utf-8")
    assert problems(mini)[0] == (
        "content/topics.yaml:1:1: this file must be a list of records, each one starting with "
        "'- ' at the margin"
    )


def test_all_problems_are_reported_together_sorted_by_file_and_line(mini):
    edit(mini, "content/topics.yaml", "name: Cost", "name: [Cost]")
    edit(mini, "content/people.yaml", "name: Ada Quill", "name: 42")
    edit(mini, "content/people.yaml", "name: Bram Stoker-Lee", "name: true")
    assert problems(mini) == [
        "content/people.yaml:2:9: 'name' must be text, not the number 42",
        "content/people.yaml:7:9: 'name' must be text, not `true`",
        "content/topics.yaml:2:9: 'name' must be text, not a list",
    ]


def test_new_article_options_get_the_messages_check_gives(mini, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A paragraph.\n", encoding="utf-8")
    result = run_cli(
        mini, "new-article", str(article), "--id", "Bad", "--language", "English",
        "--published", "2026-13-01",
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.splitlines()[:3] == [
        "--id: 'Bad' is not a valid id: use lower-case letters, digits, '-' and '_', starting "
        "with a letter or digit (such as `jane-doe`)",
        "--published: '2026-13-01' is not a real calendar date",
        "--language: 'English' is not a language code: write a code such as `en`, `fr` or `pt-BR`",
    ]
