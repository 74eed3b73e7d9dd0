"""Whether site/ was built from exactly the inputs there are now, so `build` can skip MkDocs and
Pagefind (most of a warm `make site`) when nothing changed.

The stamp, build/site-from, holds a hash of everything the site is built from and which folder
site/ was when that build swapped it in (device, inode, time). It is removed before a build
starts and written only after its site is swapped in, so a failed or killed build never leaves
a stamp that claims the old site matches new inputs.

What the hash covers: the generation fingerprint (build/generated-from: content, seeds, the
files beside them, SITE_URL and the generator with its theme, which is everything MkDocs reads),
the environment variables that change the output (SITE_URL, SOURCE_DATE_EPOCH), and the
installed tools: Python and every installed distribution's name, version and install time.
Not covered: a file inside site/ edited by hand; `make clean` or removing site/ rebuilds it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path

from generator.content.files import state_text
from generator.project import Project

UP_TO_DATE = "Nothing changed since the last build: site/ is up to date."
_ENVIRONMENT = ("SITE_URL", "SOURCE_DATE_EPOCH")


def inputs(project: Project) -> str | None:
    """The hash of everything the site would be built from now, or None when the generation
    fingerprint is missing (then the site is always built)."""
    generated = state_text(project.generated_from)
    if generated is None:
        return None
    digest = hashlib.sha256(generated.encode())
    for name in _ENVIRONMENT:
        value = os.environ.get(name)
        digest.update(f"{name}={value!r}\0".encode())
    digest.update(f"{sys.version}\0{sys.executable}\0".encode())
    _add_distributions(digest)
    return digest.hexdigest()


def current(project: Project, made_from: str | None) -> bool:
    """Whether site/ is the folder the last build made, from these same inputs."""
    recorded = state_text(_stamp(project))
    return made_from is not None and recorded == f"{made_from} {_identity(project)}"


def forget(project: Project) -> None:
    """Before a build: whatever happens to it, no stamp claims the site is up to date."""
    _stamp(project).unlink(missing_ok=True)


def remember(project: Project, made_from: str | None) -> None:
    """After a build swapped its site in: the site is the one made from these inputs. A stamp
    that cannot be written (a full disk) only means the next build runs in full."""
    if made_from is not None:
        with contextlib.suppress(OSError):
            _stamp(project).write_text(f"{made_from} {_identity(project)}", encoding="ascii")


def _stamp(project: Project) -> Path:
    return project.site_from


def _identity(project: Project) -> str:
    """Which folder site/ is: a removed, replaced or copied site/ has another inode or time."""
    try:
        info = project.site.lstat()
    except OSError:
        return "none"
    return f"{info.st_dev}:{info.st_ino}:{info.st_mtime_ns}:{info.st_mode}"


def _add_distributions(digest: hashlib._Hash) -> None:
    """Every installed distribution (MkDocs, Material, Pagefind's binary...): its metadata
    folder's name holds its name and version, and its time changes when it is reinstalled."""
    for entry in sys.path:
        try:
            found = sorted(os.scandir(entry or "."), key=lambda e: e.name)
        except OSError:
            continue
        for item in found:
            if item.name.endswith((".dist-info", ".egg-info")):
                try:
                    changed = item.stat().st_mtime_ns
                except OSError:
                    changed = 0
                digest.update(f"{entry}/{item.name}:{changed}\0".encode())
