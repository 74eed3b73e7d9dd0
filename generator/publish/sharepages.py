"""The share pages (`said/<id>/`, one per statement: a link preview needs an address and tags
of its own) put into a built site without MkDocs.

They are finished HTML, which MkDocs would only copy: at twenty thousand statements that copy
was a fifth of its time. So generation writes them under build/share (writing.Outputs), a folder
MkDocs never reads, and `build` links them into the new site (publish/site.py) while MkDocs and
Pagefind run; the live preview puts them into the folder it serves after each MkDocs build.

A file is hard-linked where the filesystem allows (no bytes copied), else copied. A hard link
is safe because the generator never rewrites a file in place: a changed page is written to a
new file that replaces the old name (writing.py), so the site keeps the bytes it was built
with. Only folders and regular files are placed: anything else under build/share (a link, a
pipe) is not the generator's and would carry what it points at into the site.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from generator.content.runfailed import RunFailed
from generator.model import urls

SHARE_PREFIX = urls.SHARE_FOLDER + "/"  # every share page's path under the site starts so
# Why a hard link cannot be made where a copy can: another filesystem, or one without them.
_NO_LINKS = (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP)


def is_share_page(relative: str) -> bool:
    """Whether a generated file (its path under the site) is a share page."""
    return relative.startswith(SHARE_PREFIX)


class Placer:
    """Puts files of build/share into a site folder: hard links until one cannot be made (the
    site on another filesystem), then copies."""

    def __init__(self, share: Path, into: Path) -> None:
        self.share = share
        self.into = into
        self.linking = True
        self.placed = 0

    def everything(self) -> int:
        """Every file under build/share, placed at its path under the site; how many."""
        if self.share.is_dir():
            self.into.mkdir(parents=True, exist_ok=True)
            self._folder(str(self.share), str(self.into))
        return self.placed

    def after_build(self, written: Iterable[str]) -> None:
        """After MkDocs built into the folder (the live preview's): every share page when the
        build emptied it (a whole build does), else those `written` (or removed). Placing cut
        short leaves none, so the next build places them all again."""
        try:
            if (self.into / urls.SHARE_FOLDER).is_dir():
                self.these(written)
            else:
                self.everything()
        except BaseException:
            shutil.rmtree(self.into / urls.SHARE_FOLDER, ignore_errors=True)
            raise

    def these(self, relatives: Iterable[str]) -> None:
        """Bring the site in step with these share pages (paths under the site): each placed
        anew, or removed with the folders it leaves empty where build/share no longer has it."""
        for relative in relatives:
            if not is_share_page(relative):
                continue
            source, target = self.share / relative, self.into / relative
            try:
                mode = source.lstat().st_mode
            except FileNotFoundError:
                target.unlink(missing_ok=True)
                _prune(target.parent, self.into)
                continue
            if not stat.S_ISREG(mode):
                raise RunFailed(_not_generated(source))
            target.parent.mkdir(parents=True, exist_ok=True)
            self._file(str(source), str(target))

    def _folder(self, source: str, target: str) -> None:
        # Its parent is there already (placed first): one call, not makedirs' look first.
        with contextlib.suppress(FileExistsError):
            os.mkdir(target)
        with os.scandir(source) as entries:
            found = list(entries)
        for entry in found:  # d_type: no stat per entry
            there = os.path.join(target, entry.name)
            if entry.is_dir(follow_symlinks=False):
                self._folder(entry.path, there)
            elif entry.is_file(follow_symlinks=False):
                self._file(entry.path, there)
            else:
                raise RunFailed(_not_generated(Path(entry.path)))

    def _file(self, source: str, target: str) -> None:
        if self.linking:
            try:
                _link(source, target)
                self.placed += 1
                return
            except OSError as error:
                if error.errno not in _NO_LINKS:
                    raise
                self.linking = False  # another filesystem, or one without hard links
        # A copy replaces the name rather than writing into an earlier hard link's bytes.
        temporary = f"{target}.{os.getpid()}.tmp"
        try:
            shutil.copyfile(source, temporary, follow_symlinks=False)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        self.placed += 1


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:  # a page placed before (the preview's folder): placed anew
        os.unlink(target)
        os.link(source, target, follow_symlinks=False)


def move_in(staged: Path, site: Path) -> None:
    """The share pages placed in `staged` moved into the site MkDocs built: one rename per
    top-level folder (MkDocs wrote nothing there: no page of build/docs is under it)."""
    for entry in sorted(staged.iterdir()):
        entry.rename(site / entry.name)


def _prune(folder: Path, top: Path) -> None:
    """Remove the folders a removed page leaves empty, up to `top`."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _not_generated(path: Path) -> str:
    return (
        f"{path}: not a page the generator wrote (a link, or not a regular file), so it is not "
        "put into the site: remove it (or the whole build/ folder) and build again"
    )
