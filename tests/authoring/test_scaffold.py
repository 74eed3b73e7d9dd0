"""`new-article` on a story that lacks content files: what it creates is valid as it stands,
and a record appended to it, as CONTRIBUTING shows, is read with no other edit. Its options
become the sidecar, which lists every field, and are refused in the words `check` uses."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.model.records import Article
from tests.conftest import MINI, ROOT, make_project, problems, run_cli

ARTICLE = MINI / "seeds" / "fic-bridge.txt"
TERM = (
    "- id: ferry\n  term: ferry\n  definition: The boat that crosses the river now.\n"
    "  sources: [{article: fic-second, paragraph: 1}]\n"
)


def story_without(tmp_path: Path, *names: str) -> Path:
    root = make_project(MINI, tmp_path / "story")
    for name in names:
        (root / "content" / name).unlink()
    return root


def add_article(root: Path, *options: str) -> None:
    result = run_cli(root, "new-article", str(ARTICLE), "--id", "fic-second", *options)
    assert result.returncode == 0, result.stderr


def test_the_files_new_article_creates_are_valid_as_they_stand(tmp_path):
    root = story_without(tmp_path, "glossary.yaml", "corrections.yaml")
    add_article(root)
    first = (root / "content" / "glossary.yaml").read_text(encoding="utf-8").splitlines()[0]
    schema = first.removeprefix("# yaml-language-server: $schema=")
    # The schema is found from the file's own folder, wherever the story is.
    assert (root / "content" / schema).resolve() == ROOT / "schemas" / "glossary.schema.json"
    assert problems(root) == []


def test_a_record_appended_to_a_created_file_is_read(tmp_path):
    root = story_without(tmp_path, "glossary.yaml")
    add_article(root)
    with (root / "content" / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write(TERM)
    assert problems(root) == []


def test_an_empty_story_file_is_refused_with_its_place(tmp_path):
    root = make_project(MINI, tmp_path / "story")
    (root / "content" / "story.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert problems(root) == [
        "content/story.yaml:0:0: the file is empty: write its fields (CONTRIBUTING.md lists them)"
    ]


def test_the_label_option_sets_the_editors_description(tmp_path):
    root = make_project(MINI, tmp_path / "story")
    add_article(root, "--title", "Bridge to close", "--label", "Council vote on the old bridge")
    sidecar = (root / "seeds" / "fic-second.yaml").read_text(encoding="utf-8")
    assert 'label: "Council vote on the old bridge"\n' in sidecar
    assert 'title: "Bridge to close"\n' in sidecar


def new_article(root: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    """new-article in-process for fic-second; its status and what it printed to stderr."""
    status = main(
        ["--root", str(root), "new-article", str(ARTICLE), "--id", "fic-second", *options]
    )
    return status, capsys.readouterr().err


def sidecar_of(root: Path) -> dict[str, object]:
    loaded = yaml.safe_load((root / "seeds" / "fic-second.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_byline_syndication_access_date_and_excerpt_options_fill_the_sidecar(mini, capsys):
    options = ["--author", "Jo Vale and Ren Ash", "--via", "Exampleton Wire"]
    options += ["--published", "2026-01-08", "--accessed", "2026-01-09", "--excerpt"]
    assert new_article(mini, capsys, *options) == (0, "")
    sidecar = sidecar_of(mini)
    assert (sidecar["author"], sidecar["via"]) == ("Jo Vale and Ren Ash", "Exampleton Wire")
    assert (sidecar["accessed"], sidecar["excerpt"]) == ("2026-01-09", True)
    assert problems(mini) == []


def test_the_sidecar_lists_every_field_with_null_where_not_known(mini, capsys):
    new_article(mini, capsys)
    sidecar = sidecar_of(mini)
    assert sorted(sidecar) == sorted(Article.model_fields)
    unknown = ["title", "author", "outlet", "via", "url", "published", "accessed"]
    assert [sidecar[key] for key in unknown] == [None] * len(unknown)
    assert sidecar["excerpt"] is False


def test_each_field_of_the_sidecar_follows_a_comment_saying_what_it_holds(mini, capsys):
    new_article(mini, capsys)
    lines = (mini / "seeds" / "fic-second.yaml").read_text(encoding="utf-8").splitlines()
    for key, field in Article.model_fields.items():
        at = next(n for n, line in enumerate(lines) if line.startswith(f"{key}: "))
        assert lines[at - 1] == f"# {field.description}"


def test_an_access_date_that_is_no_date_is_refused_in_the_words_of_check(mini, capsys):
    assert new_article(mini, capsys, "--accessed", "2026-02-30") == (
        1,
        "--accessed: '2026-02-30' is not a real calendar date\nNothing was written.\n",
    )
    assert not (mini / "seeds" / "fic-second.yaml").exists()


def test_reading_an_article_before_it_was_published_is_refused_as_check_refuses_it(mini, capsys):
    assert new_article(mini, capsys, "--published", "2026-01-08", "--accessed", "2026-01-07") == (
        1,
        "--accessed: read on 2026-01-07, before it was published (2026-01-08): fix one of the "
        "dates\nNothing was written.\n",
    )
    assert not (mini / "seeds" / "fic-second.yaml").exists()


def test_a_headline_with_quotation_marks_needs_a_label_without(mini, capsys):
    headline = "Mayor warns of ‘a long winter’ without the bridge"
    assert new_article(mini, capsys, "--title", headline) == (
        1,
        "--title holds the quotation mark ‘, which the article's label (shown where the "
        "headline is not) may not: give --label, your own short description without quotation "
        "marks\nNothing was written.\n",
    )
    assert new_article(mini, capsys, "--title", headline, "--label", "The mayor on winter")[0] == 0
    assert problems(mini) == []  # what new-article wrote, check accepts


def test_a_label_with_quotation_marks_is_refused_as_check_refuses_it(mini, capsys):
    assert new_article(mini, capsys, "--label", "Mayor on “winter”") == (
        1,
        "--label: the quotation mark “ belongs only in a direct statement's text: write it "
        "without quotation marks\nNothing was written.\n",
    )


LINKED = (
    "{path}: this is a symbolic link, and new-article never writes through a link (it could "
    "overwrite a file outside the story): delete the link, then run again\nNothing was written.\n"
)


@pytest.mark.parametrize(
    "path", ["seeds/fic-second.txt", "seeds/fic-second.yaml", "content/glossary.yaml"]
)
def test_a_link_where_new_article_would_write_is_refused_and_nothing_is_written(
    mini, capsys, monkeypatch, tmp_path, path
):
    (mini / "content" / "glossary.yaml").unlink()  # a content file new-article creates
    outside = tmp_path / "outside"
    outside.mkdir()
    (mini / path).symlink_to(outside / "planted")  # a link to nowhere: exists() says False
    before = sorted(p for p in mini.rglob("*") if not p.is_symlink())
    monkeypatch.chdir(mini)
    assert new_article(mini, capsys) == (1, LINKED.format(path=path))
    assert list(outside.iterdir()) == []
    assert sorted(p for p in mini.rglob("*") if not p.is_symlink()) == before


def test_new_article_shows_an_articles_control_characters_never_sends_them(mini, tmp_path, capsys):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("The council met.\x1b[2J\x07 It voted.\n\nA second paragraph.\n", "utf-8")
    status = main(["--root", str(mini), "new-article", str(hostile), "--id", "fic-hostile"])
    out = capsys.readouterr().out
    assert status == 0
    assert "  ¶1  The council met.\\x1b[2J\\x07 It voted." in out.splitlines()
    assert "\x1b" not in out and "\x07" not in out
    # The article itself is kept byte for byte.
    assert (mini / "seeds" / "fic-hostile.txt").read_bytes() == hostile.read_bytes()
