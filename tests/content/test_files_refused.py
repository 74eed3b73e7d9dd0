"""Only the story's own regular files are read: links, pipes, sockets and devices in content/
or seeds/ are refused by name and never followed, read or echoed; articles live only at
seeds/ID.txt; a file the system will not let us read is a located problem, not a traceback.
What MkDocs copies into the site (the theme overrides, the generated pages' folder) refuses
links the same way, in `check` as in `build`, and the last good site stays as it was."""

from __future__ import annotations

import builtins
import errno
import io
import os
import socket
from pathlib import Path

import pytest

from generator.content.problems import Problem, format_problems
from tests.conftest import problems, run_cli, tree

LINK = (
    "0:0: this is a symbolic link, and the generator never follows links (one could publish "
    "a file from outside the story): replace it with the real file"
)
SECRET = "token-of-the-fictional-checkout"
SIDECAR = (
    "id: leak\nlabel: Leak\ntitle: null\noutlet: null\nurl: null\npublished: null\n"
    "language: en\nfull_text_allowed: true\n"
)


def cite_leak(root: Path) -> None:
    """A statement citing the article `leak`, so that its text would be published in full."""
    statements = root / "content" / "statements.yaml"
    statements.write_text(
        statements.read_text(encoding="utf-8")
        + "- id: leak-quote\n  kind: reported\n  speakers: [quill]\n  text: Leaked.\n"
        "  source: {article: leak, paragraph: 1}\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("target", ["/etc/passwd", "../.git/config"])
def test_a_linked_article_is_refused_and_never_published(mini, target):
    (mini / ".git").mkdir()
    (mini / ".git" / "config").write_text(f"[http]\n\textraheader = {SECRET}\n", "utf-8")
    (mini / "seeds" / "leak.txt").symlink_to(target)
    (mini / "seeds" / "leak.yaml").write_text(SIDECAR, encoding="utf-8")
    cite_leak(mini)
    result = run_cli(mini, "build")
    assert result.returncode == 1
    assert f"seeds/leak.txt:{LINK}" in result.stderr.splitlines()
    assert not (mini / "build" / "docs").exists()
    assert SECRET not in result.stderr and "root:" not in result.stderr


def test_a_linked_content_file_is_refused_and_its_lines_never_echoed(mini):
    (mini / "secret.yaml").write_text(f"{SECRET}: [\n", encoding="utf-8")
    (mini / "content" / "topics.yaml").unlink()
    (mini / "content" / "topics.yaml").symlink_to(mini / "secret.yaml")
    result = run_cli(mini, "check")
    assert result.returncode == 1
    assert f"content/topics.yaml:{LINK}" in result.stderr.splitlines()
    assert SECRET not in result.stderr


def test_a_linked_folder_is_refused_and_not_walked_into(mini, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "people.yaml").write_text("[\n", encoding="utf-8")
    (mini / "content" / "people").symlink_to(outside)
    assert problems(mini) == [
        "content/people:0:0: this is a symbolic link, and the generator never follows links "
        "(one could publish a file from outside the story): replace it with the real file"
    ]


def test_a_named_pipe_is_refused_without_being_opened(mini):
    os.mkfifo(mini / "seeds" / "pipe.txt")  # opening it for reading would wait forever
    result = run_cli(mini, "check", timeout=60)
    assert result.returncode == 1
    assert (
        "seeds/pipe.txt:0:0: this is a named pipe (FIFO), not a regular file, so it is not read: "
        "replace it with a regular file, or delete it"
    ) in result.stderr.splitlines()


def test_a_socket_is_refused(mini, monkeypatch):
    monkeypatch.chdir(mini / "content")  # a socket's path is short: bound where it is
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("tags.sock")
        assert problems(mini) == [
            "content/tags.sock:0:0: this is a socket, not a regular file, so it is not read: "
            "replace it with a regular file, or delete it"
        ]


def test_a_device_is_refused(mini):
    (mini / "content" / "null.yaml").symlink_to("/dev/null")  # a link is refused first …
    assert problems(mini)[0].startswith(f"content/null.yaml:{LINK[:40]}")
    if os.geteuid() != 0:
        pytest.skip("making a device file needs root")
    (mini / "content" / "null.yaml").unlink()
    os.mknod(mini / "content" / "null.yaml", 0o600 | 0o020000, os.makedev(1, 3))  # … a device too
    assert problems(mini) == [
        "content/null.yaml:0:0: this is a device file, not a regular file, so it is not read: "
        "replace it with a regular file, or delete it"
    ]


def test_a_copy_of_an_article_in_a_subfolder_is_refused_not_used(mini):
    copy = mini / "seeds" / "zz" / "fic-bridge.txt"
    copy.parent.mkdir()
    text = (mini / "seeds" / "fic-bridge.txt").read_text(encoding="utf-8")
    copy.write_text("An invented sentence.\n" + text, encoding="utf-8")
    assert problems(mini) == [
        "seeds/zz:0:0: seeds/ holds no folders, only article texts (ID.txt) beside their "
        "sidecars (ID.yaml), so nothing in this folder is read: move its articles up into "
        "seeds/, or delete it"
    ]


def test_a_file_of_another_kind_in_seeds_says_what_to_do(mini):
    (mini / "seeds" / "notes.md").write_text("Notes.\n", encoding="utf-8")
    assert problems(mini) == [
        "seeds/notes.md:0:0: seeds/ holds only article texts (ID.txt) and sidecars (ID.yaml): "
        "move this file out of seeds/, or delete it"
    ]


def refuse_opening(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """As the system does for a file without read permission (root ignores `chmod 000`)."""

    def guard(opener):
        def open_unless_refused(file, *args, **kwargs):
            if isinstance(file, str | os.PathLike) and Path(file) == refused:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
            return opener(file, *args, **kwargs)

        return open_unless_refused

    monkeypatch.setattr(os, "open", guard(os.open))
    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(builtins, "open", guard(builtins.open))


@pytest.mark.parametrize("relative", ["content/topics.yaml", "seeds/fic-bridge.txt"])
def test_an_unreadable_file_is_a_located_problem(mini, monkeypatch, relative):
    refuse_opening(monkeypatch, mini / relative)
    assert problems(mini) == [
        f"{relative}:0:0: this cannot be read (Permission denied): make it readable "
        f"(for example `chmod u+r {relative}`), or delete it"
    ]


def test_problems_never_show_a_line_read_through_a_link(tmp_path):
    (tmp_path / "secret.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "x.yaml").symlink_to(tmp_path / "secret.yaml")
    shown = format_problems([Problem("content/x.yaml", 1, 1, "wrong")], tmp_path)
    assert shown == "content/x.yaml:1:1: wrong\n1 problem found.\n"


@pytest.fixture
def generated(built_mini: Path) -> Path:
    """A built story whose pages are generated from its inputs as they are: the next build
    skips generating, and must look for links beside them all the same."""
    assert run_cli(built_mini, "generate").returncode == 0
    return built_mini


def secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    return outside


def refused_by_check_and_build(root: Path, where: str, real: str = "file") -> None:
    """`check` and `build` both refuse the link at `where`, and site/ is left as it was."""
    line = f"{where}:{LINK.removesuffix('file')}{real}"
    before = tree(root / "site")
    checked = run_cli(root, "check")
    assert (checked.returncode, line in checked.stderr.splitlines()) == (1, True), checked.stderr
    built = run_cli(root, "build")
    assert (built.returncode, line in built.stderr.splitlines()) == (1, True), built.stderr
    assert tree(root / "site") == before
    assert not any(SECRET in p.read_text("utf-8", "replace") for p in (root / "site").rglob("*.*"))


@pytest.mark.parametrize("link", ["assets/stylesheets/secret.txt", "partials/.hidden.html"])
def test_a_story_theme_folder_with_a_link_is_refused_and_never_published(generated, tmp_path, link):
    """A story holds no theme (the generator's is in generator/publish/theme/): an old one, a link
    to a secret inside it or not, is refused and nothing of it reaches the site."""
    (generated / "site_overrides" / link).parent.mkdir(parents=True)
    (generated / "site_overrides" / link).symlink_to(secret_outside(tmp_path) / "secret.txt")
    before = tree(generated / "site")
    for command in ("check", "build"):
        result = run_cli(generated, command)
        assert result.returncode == 1
        assert result.stderr.startswith("site_overrides:0:0: a story no longer holds a theme")
    assert tree(generated / "site") == before


def test_a_linked_folder_in_the_generated_pages_is_refused_and_never_published(generated, tmp_path):
    (generated / "build" / "docs" / "leak").symlink_to(secret_outside(tmp_path))
    refused_by_check_and_build(generated, "build/docs/leak")


@pytest.mark.parametrize(
    ("name", "byte"), [(b"seeds/\xff.txt", "ff"), (b"content/people/caf\xe9.yaml", "e9")]
)
def test_a_name_that_is_not_utf8_is_refused_alike_by_check_and_build(built_mini, name, byte):
    site = tree(built_mini / "site")
    path = os.path.join(os.fsencode(built_mini), name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(b"The council met again on Friday.\n")
    shown = name.decode("ascii", "backslashreplace")  # as `ls -b` shows it
    refused = [
        f"{shown}:0:0: this file's name is not valid UTF-8 (byte 0x{byte}), so it is not read: "
        "rename it in UTF-8 (letters, digits, '-' and '_' are safe everywhere), or delete it",
        "1 problem found.",
        "Nothing was written: the last good pages and site/ are unchanged.",
    ]
    for command in ("check", "build"):
        result = run_cli(built_mini, command)
        assert (result.returncode, result.stderr.splitlines()) == (1, refused), command
    assert tree(built_mini / "site") == site
    assert not list(built_mini.glob(".site-*"))
