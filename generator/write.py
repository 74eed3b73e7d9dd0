"""Stage 5, write: put the rendered pages on disk, touching only files whose bytes change.

Unchanged pages keep their modification time, so `mkdocs serve` reloads only what changed and
a second build with nothing changed rewrites nothing. Pages no longer rendered are removed.
"""

from __future__ import annotations

import os
from pathlib import Path


def write(pages: dict[str, str], out: Path) -> list[str]:
    """Write `pages` under `out`; return the paths that were created, changed or removed."""
    touched = []
    for relative, text in sorted(pages.items()):
        if write_file(out / relative, text):
            touched.append(relative)
    if out.is_dir():
        for stale in sorted(out.rglob("*")):
            relative = stale.relative_to(out).as_posix()
            if stale.is_file() and relative not in pages:
                stale.unlink()
                touched.append(relative)
        for folder in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return touched


def write_file(target: Path, text: str) -> bool:
    """Write one file the same way, if its bytes change; whether they did."""
    data = text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace(target, data)
    return True


def _replace(target: Path, data: bytes) -> None:
    """Readers never see a half-written page, and a write cut short (a full disk) leaves none."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(target)) from error  # name the page
