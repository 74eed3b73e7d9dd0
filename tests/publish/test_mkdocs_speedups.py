"""The generator's MkDocs hooks change how fast the site is built, never what is built: the mini
story's site built with them is byte for byte the site MkDocs and Material build without them
(every page through Python-Markdown, the navigation rendered on every page), and the
navigation was rendered once per folder, not once per page."""

from __future__ import annotations

import subprocess
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import run_cli, tree


def test_the_site_built_with_the_hooks_is_the_site_built_without_them(mini, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's dates, both alike
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    assert run_cli(mini, "generate").returncode == 0
    generated = mini / "build" / "mkdocs.yml"
    text = generated.read_text(encoding="utf-8")
    head, hooks = text.split("\nhooks:\n")
    assert hooks.count("\n") == 2 and "mkdocs_hooks.py" in hooks and "mkdocs_nav.py" in hooks
    plain = generated.with_name("mkdocs-plain.yml")
    plain.write_text(head + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(plain)]
    without = subprocess.run(
        [*command, "--site-dir", str(tmp_path / "without")],
        cwd=mini,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert without.returncode == 0, without.stderr

    monkeypatch.chdir(mini)
    config = load_config(str(generated), site_dir=str(tmp_path / "with"), strict=True)
    build(config)
    assert tree(tmp_path / "with") == tree(tmp_path / "without")

    nav = next(m for name, m in sys.modules.items() if name.endswith("mkdocs_nav.py"))
    pages = len(list((tmp_path / "with").rglob("index.html")))
    in_nav = len(nav_pages(config["nav"]))
    # One rendering per folder of pages outside the navigation (people/, topics/, ...): fewer
    # than there are such pages.
    assert 1 < len(nav._RENDERED) < pages - in_nav, (len(nav._RENDERED), pages, in_nav)


def nav_pages(entries: list[object]) -> list[str]:
    """The pages the configuration's `nav` lists."""
    found: list[str] = []
    for entry in entries:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            found += nav_pages(value) if isinstance(value, list) else [str(value)]
    return found
