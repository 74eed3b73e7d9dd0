"""The pipeline, top-down, as three commands calling each stage's entry point:

- `check`: load → validate → link (generator/content/), every problem of the story folder;
- `generate`: check, then render (generator/pages/) and write (generator/publish/writing.py)
  the Markdown pages, the MkDocs settings and the search records into build/ (the share
  pages into build/share, beside the pages MkDocs reads);
- `build`: MkDocs and Pagefind from what `generate` wrote, the share pages linked in beside
  them (generator/publish/site.py).

Everything is gathered and checked before anything is written, and the site is built aside and
swapped in at the end, so a failed run leaves the last good pages and site as they were. The
state files that let a run skip work already done are generator/publish/stamp.py's.
`finish` writes what follows the pages, for `generate` and the live preview's Session alike.
"""

from __future__ import annotations

import enum
import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from generator.content.cachekey import cache_key
from generator.content.files import published
from generator.content.history import lag, last_change
from generator.content.linking import Linked, link
from generator.content.loading import collection_frozen, load
from generator.content.problems import Problem
from generator.content.recorder import Recorder
from generator.content.reuse import Reuse
from generator.content.rules import broken
from generator.content.validation import validate
from generator.model.sitesettings import LOGO_NAME
from generator.pages.rendering import pages, part
from generator.pages.search_records import records_text
from generator.project import Project
from generator.publish.config import (
    SiteConfig,
    config_text,
    leftovers,
    served_at_problem,
    site_config,
)
from generator.publish.logo import logo_problem
from generator.publish.recorded import regenerate
from generator.publish.recordfile import forget as forget_reads
from generator.publish.site import build_site
from generator.publish.stamp import (
    current,
    forget_generation,
    generated,
    inputs,
    inputs_fingerprint,
    remember_date,
    remember_generation,
)
from generator.publish.writing import Outputs, write_file, write_parts


def check(project: Project) -> tuple[Linked | None, list[Problem]]:
    """Load, validate, link and apply every rule: every problem in the story folder, or the
    linked story."""
    linked, _config, problems = checked_story(project)
    return linked, problems


def checked_story(
    project: Project, recorder: Recorder | None = None, reuse: Reuse | None = None
) -> tuple[Linked | None, SiteConfig | None, list[Problem]]:
    """`check`, with the site's settings: the live preview's Session checks the story this way
    too, so its pages are generated from exactly what `generate` would accept (and with its
    `recorder`, which the story's graph tells what pages read, and its `reuse`, which keeps
    each unchanged file's validation from the last check: generator/content/reuse.py)."""
    found = leftovers(project) + _site_files(project)
    address = served_at_problem()
    if address is not None:
        found.append(address)
    loaded = load(project.content, project.seeds, project.root, parse_cache(project))
    validated = validate(loaded, reuse.validate if reuse else None)
    for entry in validated.entries.get("story", []):
        logo = logo_problem(project, entry.record.site)
        if logo is not None:
            found.append(entry.problem(("site", "logo"), logo))
        # The history is the project's, not the story's: checked here, beside the logo.
        lagging = lag(entry.record.updated, last_change(project.root))
        if lagging is not None:
            found.append(entry.problem(("updated",), lagging))
    resolved, unresolved = link(loaded, validated, reuse.values if reuse else None)
    problems = [*found, *loaded.problems, *validated.problems, *unresolved, *broken(resolved)]
    if problems or not resolved.ready:
        return None, None, problems
    linked = resolved.linked(recorder)
    return linked, site_config(linked.story), []


def parse_cache(project: Project) -> Path | None:
    """Where earlier parses are kept, unless this run uses no cache (generator/caches.py)."""
    return project.cache if project.cached else None


def story_files(project: Project, config: SiteConfig) -> list[tuple[str, bytes]]:
    """Files of the story folder the site carries as they are, by path under docs: its logo."""
    logo = config.site.logo
    if logo is None:
        return []
    return [(LOGO_NAME + Path(logo).suffix, (project.root / logo).read_bytes())]


def _site_files(project: Project) -> list[Problem]:
    """What MkDocs would follow into the site besides the content, refused as in content/: a
    link in the generated pages' folder (the theme is the generator's own)."""
    return published([project.docs], project.root)


@contextmanager
def exclusive(project: Project) -> Iterator[None]:
    """One generate or build of a story at a time: two at once would trample each other's
    pages and half-built sites. The second waits for the first to finish."""
    lock = project.lock
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o666), "wb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Another build of this story is running: waiting for it.", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def generate(project: Project, processes: int | None = None) -> tuple[list[str], list[Problem]]:
    """Check, render and write the Markdown pages; returns the paths written and any problems.
    When no input and no part of the generator changed since the last run, nothing is redone.
    `processes` render the pages at once (default: one per core), each a part of them."""
    fingerprint = inputs_fingerprint(project)
    # The fingerprint does not cover build/docs itself: a link put there is looked for anyway.
    if generated(project, fingerprint) and not _site_files(project):
        return [], []
    # Once build/docs holds pages, the story's graph tells what each page reads, and the
    # record of the last run says which pages an edit leaves as they are
    # (generator/publish/recorded.py). Not on a first generation: recording every read costs
    # it about half as much again, and a fresh clone or CI run has no next run to save.
    secret = cache_key() if project.docs.is_dir() else None
    recorder = Recorder() if secret is not None else None
    linked, config, problems = checked_story(project, recorder)
    if linked is None or config is None or problems:
        return [], problems
    forget_generation(project)  # a write cut short (a full disk) must not count as done
    carried = story_files(project, config)

    def made(number: int, parts: int) -> Iterator[tuple[str, str | bytes]]:
        files = pages(linked, config.scheme, part(number, parts), cached=project.cached)
        return chain(files, carried) if number == 0 else iter(files)

    # Each page is written as it is rendered: the site is never held in memory whole. The
    # pages are rendered on every core, each process writing its part (publish/writing.py);
    # the share pages go under build/share, which MkDocs never reads (publish/sharepages.py).
    with collection_frozen():
        if recorder is not None and secret is not None:
            written = regenerate(
                project, linked, config, recorder, carried=carried, secret=secret
            ).written
        else:
            forget_reads(project.page_reads)  # the pages change: a record would be stale
            written = write_parts(made, Outputs.of(project), processes or cores())
    finish(project, linked, config, fingerprint)
    return written, []


def cores() -> int:
    """How many processes render a one-off `generate`: one per core this process may use
    (where the system says which; else one per core)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def finish(
    project: Project,
    linked: Linked,
    config: SiteConfig,
    fingerprint: str,
    search: str | None = None,
) -> None:
    """What generation writes once the pages are written under build/docs, for `generate` and
    the live preview's Session alike: the date stamp, the generated mkdocs.yml, the search
    records (`search`, when the caller made their text: the Session makes it part by part),
    and last the `fingerprint` of the inputs (taken before they were read), which says
    build/docs is made from them."""
    remember_date(project, linked.story.updated)
    # Rewritten only when it changes: `mkdocs serve` rebuilds everything when it does.
    write_file(project.generated_config, config_text(config, linked.story, project))
    if search is None:
        search = records_text(linked.graph, config.scheme)
    write_file(project.search_records, search)
    remember_generation(project, fingerprint)


class Built(enum.Enum):
    """What `build` did with site/."""

    UP_TO_DATE = "nothing changed since the last build"
    BUILT = "built and swapped in"
    FAILED = "MkDocs failed: site/ was left as it was"


def build(project: Project) -> Built:
    """MkDocs and Pagefind from the pages `generate` wrote, swapped in as site/, unless site/ was
    built from exactly these inputs (the site stamp). `generate` first: the command line runs it
    in a process of its own, so the story is not held in memory while MkDocs builds."""
    made_from = inputs(project)  # before MkDocs reads them: a later edit means a rebuild
    if current(project, made_from):
        return Built.UP_TO_DATE
    return Built.BUILT if build_site(project, made_from) else Built.FAILED
