"""What the tests that follow a developer walkthrough share (ARCHITECTURE.md's "Adding a field",
"a record type", "a section", "a rule"): the walkthrough's code blocks as written, a copy of the
code to make its edits in, and the generator run from that copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def code_blocks(heading: str) -> list[str]:
    """The code blocks under `heading` in ARCHITECTURE.md, in order, without their indent."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"\n( *)```\w+\n(.*?)\n\1```", section, flags=re.S)
    return [re.sub(f"(?m)^{indent}", "", body) for indent, body in blocks]


def copy_of_the_code(code: Path) -> Path:
    """The generator with what `make docs` rewrites (schemas/, CONTRIBUTING.md), in `code`."""
    ignored = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "generator", code / "generator", ignore=ignored)
    shutil.copytree(ROOT / "schemas", code / "schemas")
    shutil.copy(ROOT / "CONTRIBUTING.md", code / "CONTRIBUTING.md")
    return code


def run(code: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` with the copy's code, never the repository's."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        env={**os.environ, "PYTHONPATH": str(code)},
        cwd=code,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
