"""draft-quotes never overwrites a draft file a contributor may have edited, nor writes through a
link: run in-process on a copy of the mini story, whose article has two quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

DRAFT = "drafts/fic-bridge.quotes.yaml"
BESIDE = "drafts/fic-bridge.quotes.2.yaml"
REVIEW = "Review each one; none is on the site until you move it into content/statements.yaml.\n"
EDITED = b"- id: quill-bridge-before-winter  # reviewed by hand\n"


@pytest.fixture
def story(mini: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(mini)  # as a contributor runs it, from the story's folder
    return mini


def draft_quotes(capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    status = main(["--root", ".", "draft-quotes", "seeds/fic-bridge.txt", *options])
    out, err = capsys.readouterr()
    return status, out, err


def first_run(story: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    """The first run writes the draft file, as it always did; its bytes."""
    assert draft_quotes(capsys) == (
        0,
        f"Wrote 2 draft quotation(s) to {DRAFT}.\n{REVIEW}",
        "",
    )
    return (story / DRAFT).read_bytes()


def test_a_second_identical_run_leaves_the_draft_and_says_it_is_unchanged(story, capsys):
    drafted = first_run(story, capsys)
    written_at = (story / DRAFT).stat().st_mtime_ns
    assert draft_quotes(capsys) == (
        0,
        f"{DRAFT} already holds these 2 draft quotation(s): nothing was written.\n",
        "",
    )
    assert (story / DRAFT).read_bytes() == drafted
    assert (story / DRAFT).stat().st_mtime_ns == written_at
    assert sorted(p.name for p in (story / "drafts").iterdir()) == ["fic-bridge.quotes.yaml"]


def test_an_edited_draft_survives_and_the_new_drafts_land_beside_it(story, capsys):
    drafted = first_run(story, capsys)
    (story / DRAFT).write_bytes(EDITED)
    assert draft_quotes(capsys) == (
        0,
        f"Kept {DRAFT} as it is: it differs from these drafts (edited, or drafted from another "
        f"text or other names). Wrote 2 draft quotation(s) to {BESIDE}; --force would replace "
        f"{DRAFT} instead.\n{REVIEW}",
        "",
    )
    assert (story / DRAFT).read_bytes() == EDITED
    assert (story / BESIDE).read_bytes() == drafted


def test_drafts_already_beside_an_edited_draft_are_not_written_again(story, capsys):
    first_run(story, capsys)
    (story / DRAFT).write_bytes(EDITED)
    draft_quotes(capsys)
    assert draft_quotes(capsys) == (
        0,
        f"{BESIDE} already holds these 2 draft quotation(s): nothing was written.\n",
        "",
    )
    assert sorted(p.name for p in (story / "drafts").iterdir()) == [
        "fic-bridge.quotes.2.yaml",
        "fic-bridge.quotes.yaml",
    ]


def test_an_edited_draft_beside_is_kept_too_and_the_next_free_name_is_used(story, capsys):
    drafted = first_run(story, capsys)
    (story / DRAFT).write_bytes(EDITED)
    (story / BESIDE).write_bytes(EDITED + b"# and this one too\n")
    assert draft_quotes(capsys) == (
        0,
        f"Kept {DRAFT} as it is: it differs from these drafts (edited, or drafted from another "
        "text or other names). Wrote 2 draft quotation(s) to drafts/fic-bridge.quotes.3.yaml; "
        f"--force would replace {DRAFT} instead.\n{REVIEW}",
        "",
    )
    assert (story / BESIDE).read_bytes() == EDITED + b"# and this one too\n"
    assert (story / "drafts/fic-bridge.quotes.3.yaml").read_bytes() == drafted


def test_force_replaces_an_edited_draft(story, capsys):
    drafted = first_run(story, capsys)
    (story / DRAFT).write_bytes(EDITED)
    assert draft_quotes(capsys, "--force") == (
        0,
        f"Wrote 2 draft quotation(s) to {DRAFT}, replacing the one that was there (--force).\n"
        f"{REVIEW}",
        "",
    )
    assert (story / DRAFT).read_bytes() == drafted
    assert sorted(p.name for p in (story / "drafts").iterdir()) == ["fic-bridge.quotes.yaml"]


LINK_REFUSED = (
    "this is a symbolic link, and draft-quotes never writes through a link (it could overwrite "
    "a file outside the story): delete the link, then run again\n"
    "1 problem found.\nNo drafts were written.\n"
)


@pytest.mark.parametrize("options", [[], ["--force"]])
@pytest.mark.parametrize("target_exists", [True, False])
def test_a_link_at_the_draft_path_is_refused_and_its_target_untouched(
    story, capsys, tmp_path, options, target_exists
):
    target = tmp_path / "outside.txt"
    if target_exists:
        target.write_bytes(b"not the story's\n")
    (story / "drafts").mkdir()
    (story / DRAFT).symlink_to(target)
    assert draft_quotes(capsys, *options) == (1, "", f"{DRAFT}:0:0: {LINK_REFUSED}")
    assert (story / DRAFT).is_symlink()
    if target_exists:
        assert target.read_bytes() == b"not the story's\n"
    else:
        assert not target.exists()


def test_a_link_as_the_drafts_folder_is_refused(story, capsys, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (story / "drafts").symlink_to(outside)
    assert draft_quotes(capsys) == (1, "", f"drafts:0:0: {LINK_REFUSED}")
    assert list(outside.iterdir()) == []


def test_a_quotation_that_never_closes_is_warned_about_at_its_line(story, capsys):
    (story / "seeds" / "fic-open.txt").write_text(
        'Quill spoke at the pier.\n\nLee said the toll was "far too high.\n', encoding="utf-8"
    )
    status = main(["--root", ".", "draft-quotes", "seeds/fic-open.txt"])
    out, _ = capsys.readouterr()
    assert status == 0
    assert (
        "seeds/fic-open.txt:3:1: warning: ¶2: a quotation opens and never closes: it is drafted "
        "to the end of the paragraph; check where it really ends\n"
    ) in out
    draft = (story / "drafts" / "fic-open.quotes.yaml").read_text(encoding="utf-8")
    assert "#   ¶2: a quotation opens and never closes" in draft
