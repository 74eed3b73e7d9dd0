"""The state files: a run's notes to the next one, each named once, in `Project`.

- The generation fingerprint (`Project.generated_from`): a hash of every input of `generate`
  (content, seeds, the files beside them, SITE_URL, the history's last change of the story,
  and the generator with its templates and theme, which is everything MkDocs reads too). When
  it matches, build/docs and build/share (the share pages, which `build` puts into the site
  beside what MkDocs made) are as those inputs make them, and `generate` skips the work.
- The date stamp (`Project.date_stamp`): the story's `updated` as seconds, which dates the site
  (SOURCE_DATE_EPOCH for MkDocs' sitemap), so the same input gives the same site.
- The site stamp (`Project.site_from`): whether site/ was built from exactly the inputs there
  are now, so `build` can skip MkDocs and Pagefind (most of a warm `make site`) when nothing
  changed. It holds a hash of everything the site is built from and which folder site/ was
  when that build swapped it in (device, inode, time). It is removed before a build starts and
  written only after its site is swapped in, so a failed or killed build never leaves a stamp
  that claims the old site matches new inputs. The hash covers the generation fingerprint (so
  the share pages too: generation writes them, and nothing else does), the
  environment variables that change the output (SITE_URL, SOURCE_DATE_EPOCH), and the installed
  tools: Python and every installed distribution's name, version and install time. Not covered:
  a file inside site/ edited by hand; `make clean` or removing site/ rebuilds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sys
from pathlib import Path

from generator.content.files import FolderRule, regular_files, state_text
from generator.content.history import last_change
from generator.content.loading import content_folder, seeds_folder
from generator.content.yamlsource import MAX_BYTES
from generator.model.sitedate import epoch
from generator.project import Project
from generator.publish.config import OLD_THEME, served_at

UP_TO_DATE = "Nothing changed since the last build: site/ is up to date."
_ENVIRONMENT = ("SITE_URL", "SOURCE_DATE_EPOCH")
_GENERATOR = Path(__file__).parents[1]  # its code, templates and theme: an input of every page


def inputs_fingerprint(project: Project) -> str:
    """A hash of every input file (the files beside content/ too: a logo, or an old
    mkdocs.yml to refuse), of where the site is served (SITE_URL, written into build/mkdocs.yml)
    and of the generator itself (code, templates and theme)."""
    digest = hashlib.sha256()
    for beside in project.beside():
        digest.update(os.fsencode(beside.name) + b"\0" + _file_digest(beside) + b"\0")
    digest.update(b"theme: %d\0" % (project.root / OLD_THEME).exists())
    digest.update(f"SITE_URL={served_at()}\0".encode())
    # `check` compares `updated` with the history's last change of the story: a commit alone
    # can make the same files refused, so the history is an input too.
    digest.update(f"history={last_change(project.root)}\0".encode())
    rules: tuple[tuple[Path, FolderRule | None], ...] = (
        (project.content, content_folder),
        (project.seeds, seeds_folder),
        (_GENERATOR, None),
    )
    for folder, rule in rules:
        files, refused = regular_files(folder, project.root, rule)
        # A link, pipe or stray folder added must be checked, too.
        digest.update(repr(refused).encode())
        for path in files:
            if "__pycache__" not in path.parts:
                digest.update(path.as_posix().encode() + b"\0" + _file_digest(path) + b"\0")
    return digest.hexdigest()


def generated(project: Project, fingerprint: str) -> bool:
    """Whether build/docs and its settings were generated in full from these very inputs
    (never, in a run that uses no cache). The fingerprint does not cover build/docs itself: the
    caller looks for a link put there."""
    made = project.cached and project.docs.is_dir() and project.share.is_dir()
    made = made and project.generated_config.is_file()
    return made and state_text(project.generated_from) == fingerprint


def forget_generation(project: Project) -> None:
    """Before pages are written: a write cut short (a full disk) must not count as done."""
    project.generated_from.unlink(missing_ok=True)


def remember_generation(project: Project, fingerprint: str) -> None:
    """After every page and the settings are written from the inputs `fingerprint` hashes."""
    project.generated_from.write_text(fingerprint, encoding="ascii")


def _file_digest(path: Path) -> bytes:
    """The file's hash, read in chunks; one that check refuses (too big, unreadable) only by
    its size and time, so that a 5 GB file costs nothing here and check reports it."""
    try:
        info = path.lstat()
        if info.st_size > MAX_BYTES:
            return f"{info.st_size} {info.st_mtime_ns}".encode()
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with open(descriptor, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError as error:
        return f"unreadable {error.errno}".encode()


def remember_date(project: Project, updated: dt.date) -> None:
    """The facts' date stamps the build (sitemap dates), so the same input gives the same site."""
    seconds = str(epoch(updated))
    stamp = project.date_stamp
    stamp.parent.mkdir(parents=True, exist_ok=True)
    if state_text(stamp) != seconds:
        stamp.write_text(seconds, encoding="ascii")


def site_date(project: Project) -> str | None:
    """The date stamp's seconds, as the last generation wrote them (None before any)."""
    return state_text(project.date_stamp)


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
    """Whether site/ is the folder the last build made, from these same inputs (never, in a run
    that uses no cache)."""
    if made_from is None or not project.cached:
        return False
    return state_text(project.site_from) == f"{made_from} {_identity(project)}"


def forget(project: Project) -> None:
    """Before a build: whatever happens to it, no stamp claims the site is up to date."""
    project.site_from.unlink(missing_ok=True)


def remember(project: Project, made_from: str | None) -> None:
    """After a build swapped its site in: the site is the one made from these inputs. A stamp
    that cannot be written (a full disk) only means the next build runs in full."""
    if made_from is not None:
        with contextlib.suppress(OSError):
            project.site_from.write_text(f"{made_from} {_identity(project)}", encoding="ascii")


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
