"""Problems of the machine rather than of the content: reported in one line, like a problem in
the content, and never as a traceback."""

from __future__ import annotations

import errno
from pathlib import Path

from generator.content.files import shown


class RunFailed(Exception):
    """A problem of the machine rather than of the content (a read-only folder, a full disk):
    its message is one line saying where, what, and what to do."""

    @classmethod
    def of(cls, error: OSError, root: Path) -> RunFailed:
        named = isinstance(error.filename, str) and error.filename
        where = shown(Path(error.filename), root) if named else "python -m generator"
        advice = _ADVICE.get(error.errno or 0, "fix this, then run again")
        return cls(
            f"{where}: {error.strerror or error}: {advice}; the last good site/ is unchanged."
        )


_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, then run again",
    errno.EDQUOT: "the disk quota is used up: free some space, then run again",
    errno.EROFS: "the disk is read-only: work on a copy of the story on a writable disk",
    errno.EACCES: "you may not write or read here: fix the permissions, then run again",
    errno.EPERM: "you may not write or read here: fix the permissions, then run again",
}
