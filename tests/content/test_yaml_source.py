"""Reading YAML: plain values stay text, locations survive, hostile files are refused quickly."""

from __future__ import annotations

import time

from generator.content.problems import Mark
from generator.content.yamlsource import MAX_BYTES, parse


def parsed(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse(raw, "f.yaml")


def messages(text: str | bytes) -> list[str]:
    return [p.headline() for p in parsed(text)[1]]


def test_yaml_1_1_booleans_and_dates_stay_text():
    document, _ = parsed("a: NO\nb: yes\nc: off\nd: 2026-01-06\ne: 1:20\nf: 0x1F\n")
    assert document.data == {
        "a": "NO",
        "b": "yes",
        "c": "off",
        "d": "2026-01-06",
        "e": "1:20",
        "f": "0x1F",
    }


def test_core_schema_values_keep_their_types():
    document, _ = parsed("a: true\nb: false\nc: 12\nd: null\ne: ~\nf: '12'\n")
    assert document.data == {"a": True, "b": False, "c": 12, "d": None, "e": None, "f": "12"}


def test_every_value_and_key_keeps_its_line_and_column():
    document, _ = parsed("- id: x\n  speakers:\n    - a\n    - b\n")
    assert document.mark((0, "speakers", 1)) == (document.values[(0, "speakers", 1)])
    assert (
        document.values[(0, "speakers", 1)].line,
        document.values[(0, "speakers", 1)].column,
    ) == (4, 7)
    assert (document.keys[(0, "speakers")].line, document.keys[(0, "speakers")].column) == (2, 3)


def test_a_missing_location_falls_back_to_its_record():
    document, _ = parsed("- id: x\n- id: y\n")
    mark = document.mark((1, "name"))
    assert (mark.line, mark.column) == (2, 3)


def test_tab_indentation_is_explained():
    assert messages("a:\n\t- b\n") == [
        "f.yaml:2:1: a tab is used for indentation, but YAML allows only spaces: "
        "replace it with spaces"
    ]


def test_syntax_error_is_located():
    assert messages("a: [1, 2\nb: c\n") == [
        "f.yaml:2:2: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence): check the indentation, colons and quotes on this line "
        "and the one above (text with ': ' or ' #' needs quotes)"
    ]


def test_duplicate_keys_are_refused():
    assert messages("a: 1\nb: 2\na: 3\n") == [
        "f.yaml:3:1: the key 'a' appears twice in this record (first on line 1): keep one"
    ]


def test_aliases_are_refused():
    assert messages("a: &x hello\nb: *x\n") == [
        "f.yaml:2:4: YAML aliases (*name) are not allowed in content: write the value out in full"
    ]


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{', '.join(['*' + previous] * 9)}]")
    started = time.perf_counter()
    found = messages("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1
    assert len(found) == 1
    assert "aliases" in found[0]


def test_a_file_of_comments_only_holds_nothing():
    document, found = parsed("# only a comment\n")
    assert found == []
    assert document is not None and document.data is None


def test_non_utf8_is_located():
    assert messages(b"a: ok\nb: caf\xe9\n") == [
        "f.yaml:2:7: the file is not valid UTF-8 (byte 0xe9 here): re-save it with UTF-8 encoding"
    ]


def test_binary_is_refused():
    assert messages(b"\x89PNG\r\n\x1a\n\0\0") == [
        "f.yaml:0:0: the file is binary (it contains NUL bytes): save it as UTF-8 text"
    ]


def test_huge_file_is_refused_before_parsing():
    started = time.perf_counter()
    found = messages("a: " + "x" * (MAX_BYTES + 1))
    assert time.perf_counter() - started < 1
    assert found == [
        f"f.yaml:0:0: the file is {MAX_BYTES + 4:,} bytes, over the {MAX_BYTES:,}-byte limit: "
        "split its records into several files in a folder of the same name"
    ]


def test_deep_nesting_is_refused():
    assert messages("a: " + "[" * 100 + "]" * 100 + "\n") == [
        "f.yaml:1:44: values are nested more than 40 levels deep"
    ]


def test_a_number_too_long_for_python_is_refused_at_its_place():
    assert messages(f"paragraph: {'9' * 5001}\n") == [
        "f.yaml:1:12: this number has 5001 digits: no field takes a number that long; write it "
        "as text in quotation marks if it is text"
    ]


LIST_FILE = (
    "# a comment\n"
    "- id: a\n"
    "  names: {first: Ada, 'last': \"Quill\"}\n"
    "  speakers:\n"
    "    - x\n"
    "    - [y, z]\n"
    "-   id: b\n"
    "    empty:\n"
    "- plain\n"
    "- &kept 12\n"
)


def test_each_mark_read_off_the_points_is_the_mark_of_its_location():
    # A record's mark is read straight off the numbers, the others once the marks are located.
    direct, _ = parsed(LIST_FILE)
    located, _ = parsed(LIST_FILE)
    assert direct is not None and located is not None
    records = [direct.mark((index,)) for index in range(4)]
    assert [(m.line, m.column) for m in records] == [(2, 3), (7, 5), (9, 3), (10, 3)]
    assert direct.mark(()) == Mark(2, 1)
    every = {**located.values, (4,): Mark(0, 0), (0, "missing"): Mark(0, 0)}
    for loc in every:
        assert located.mark(loc) == direct.mark(loc)
    assert located.values[(0, "speakers", 1, 0)] == Mark(6, 8)
    assert located.keys[(0, "names", "last")] == Mark(3, 23)
    assert located.values[(1, "empty")] == Mark(8, 11)


def test_a_file_of_one_record_is_marked_from_its_first_value():
    document, _ = parsed("\n\nid: a\nname: b\n")
    assert document is not None
    assert (document.mark(()), document.mark(("name",)), document.mark((0,))) == (
        Mark(3, 1),
        Mark(4, 7),
        Mark(3, 1),
    )
    assert parsed("# nothing yet\n")[0].mark((0,)) == Mark(1, 1)
