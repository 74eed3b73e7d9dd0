"""Cross-record checks: ids, references, citations and, above all, quotations."""

from __future__ import annotations

from tests.conftest import edit, problems


def test_duplicate_id(mini):
    edit(mini, "content/people.yaml", "id: stoker-lee", "id: quill")
    assert (
        "content/people.yaml:6:7: the person, group or country id 'quill' is already used at "
        "content/people.yaml:1: give this record another id"
    ) in problems(mini)


def test_ids_are_shared_by_people_groups_and_countries(mini):
    edit(mini, "content/groups.yaml", "id: council", "id: norland")
    assert problems(mini)[0].startswith(
        "content/countries.yaml:10:7: the person, group or country id 'norland' is already used "
        "at content/groups.yaml:1"
    )


def test_quotation_with_straight_apostrophes_is_explained(tmp_path, mini):
    edit(mini, "seeds/fic-bridge.txt", "We will open", "We’ll open")
    edit(mini, "content/statements.yaml", "text: We will open", "text: We'll open")
    assert problems(mini) == [
        "content/statements.yaml:4:9: this quotation is not found verbatim in article "
        "'fic-bridge' paragraph 2: the words match but apostrophes or quotation marks differ: "
        "copy them from the source"
    ]


def test_quotation_may_differ_only_in_spacing(mini):
    edit(
        mini,
        "content/statements.yaml",
        "text: We will open the bridge before winter",
        "text: >-\n    We will open the\n    bridge  before winter",
    )
    assert problems(mini) == []


def test_a_reported_statement_may_not_carry_quotation_marks(mini):
    edit(
        mini,
        "content/statements.yaml",
        "text: Norland will not pay",
        'text: Norland "will not pay"',
    )
    assert len(problems(mini)) == 1


def test_a_file_in_no_known_place(mini):
    (mini / "content" / "peple.yaml").write_text("- id: x\n", encoding="utf-8")
    (mini / "content" / "notes.yml").write_text("- id: x\n", encoding="utf-8")
    assert problems(mini) == [
        "content/notes.yml:0:0: this file is in no known place, so nothing would read it: name it "
        "with `.yaml`, not `.yml`",
        "content/peple.yaml:0:0: this file is in no known place, so nothing would read it: did you "
        "mean content/people.yaml?",
    ]


def test_a_collection_may_be_a_folder_of_files(mini):
    people = (mini / "content" / "people.yaml").read_text(encoding="utf-8")
    first, second = people.split("- id: stoker-lee")
    (mini / "content" / "people.yaml").unlink()
    (mini / "content" / "people").mkdir()
    (mini / "content" / "people" / "a.yaml").write_text(first, encoding="utf-8")
    (mini / "content" / "people" / "b.yaml").write_text(
        "- id: stoker-lee" + second, encoding="utf-8"
    )
    assert problems(mini) == []


def test_an_article_needs_its_sidecar(mini):
    (mini / "seeds" / "other.txt").write_text("One paragraph.\n", encoding="utf-8")
    assert problems(mini) == [
        "seeds/other.txt:0:0: no metadata sidecar for this article: add other.yaml beside it"
    ]
