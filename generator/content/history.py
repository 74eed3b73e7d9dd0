"""When the story's facts last changed, by its repository's history: the guard that keeps
"Facts last checked by the editors" (the story's `updated`) from lagging behind the facts.

`updated` is the editors' word: only they know they checked the facts against the sources, so
the date is never made up from the history. But the history says when content/ or seeds/ last
changed, and a change committed after `updated` is one the editors have not dated: `check`
refuses it, on the `updated` line (build.py).

What is judged, and why:
- Only committed changes, by their commit's date (`%cs`, the committer's day). The clock is
  never read, so the same files and history give the same answer on any day (reproducible
  builds, tests/publish/test_reproducible.py); an edit not yet committed is judged once it is,
  as CI does before publishing.
- Only a story folder that is the top of its own repository. A story inside a larger one (the
  generator's test fixtures) shares its history with other work, and is not judged.
- Nothing where the history is not there to read: no git, no repository, a shallow clone
  whose last change of the story lies at its cut (its first commit seems to change every
  file). Then there is no last change to compare, and nothing is refused.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import NamedTuple

FOLDERS = ("content", "seeds")
# Variables that would point git at another repository or index than the story's own (a
# pre-commit hook sets some of them for the commands it runs).
_REDIRECTS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_PREFIX")


class Change(NamedTuple):
    """The last commit that changed the story's content/ or seeds/."""

    commit: str  # abbreviated hash
    day: dt.date


def last_change(root: Path) -> Change | None:
    """The last committed change of content/ or seeds/, where the history says it (see above)."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or not _same(Path(top), root):
        return None
    found = _git(root, "log", "-1", "--format=%H %h %cs", "--", *FOLDERS)
    if not found:
        return None
    full, short, day = found.split(" ")
    if full in _shallow_cuts(root):
        return None
    try:
        return Change(short, dt.date.fromisoformat(day))
    except ValueError:
        return None


def lag(updated: dt.date, change: Change | None) -> str | None:
    """Why `updated` lags behind the last change of the facts, or None when it does not."""
    if change is None or change.day <= updated:
        return None
    return (
        f"content/ or seeds/ changed on {change.day} (commit {change.commit}), after the day "
        f"the facts were last checked ({updated}): check the changed facts against their "
        f"sources, then write the day you did, `updated: {change.day}` or later"
    )


def _shallow_cuts(root: Path) -> set[str]:
    """The commits where a shallow clone's history is cut off (none in a full clone)."""
    if _git(root, "rev-parse", "--is-shallow-repository") != "true":
        return set()
    listed = _git(root, "rev-parse", "--git-path", "shallow")
    if listed is None:
        return set()
    try:
        return set((root / listed).read_text(encoding="ascii").split())
    except (OSError, ValueError):
        return set()


def _same(top: Path, root: Path) -> bool:
    try:
        return os.path.samefile(top, root)
    except OSError:
        return False


def _git(root: Path, *arguments: str) -> str | None:
    """git's answer, stripped, or None where git is missing, fails or takes too long."""
    environment = {k: v for k, v in os.environ.items() if k not in _REDIRECTS}
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *arguments],
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None
