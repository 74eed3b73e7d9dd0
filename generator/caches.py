"""Every cache of the generator, in one table: what work each skips, what it keys on (what must
be equal for it to be used) and where it lives; and the one switch that turns them all off.

`python -m generator --no-cache COMMAND`, or EXPLAINER_NO_CACHE=1 in the environment (so
`make site EXPLAINER_NO_CACHE=1` passes it on), runs with `Project.cached` false: nothing is
read from any cache below and no work is skipped because of one. What the run makes is still
recorded (the state files are written), so the next run with caches trusts it. When an edit does
not show, a run with --no-cache tells a stale cache from a bug of the generator.

Each cache's own code asks `Project.cached`; tests/test_caches.py loops over this table, so a
cache added here without a test proving --no-cache bypasses it fails there. Not counted: the
in-memory `functools` caches of pure functions (a value of its arguments cannot go stale), and
writing only the files whose bytes change (it compares with the files themselves).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

NO_CACHE_VARIABLE = "EXPLAINER_NO_CACHE"


@dataclass(frozen=True)
class Cache:
    """One layer of skipped work."""

    name: str
    skips: str
    keyed_on: str
    # The `Project` attribute naming its file or folder under build/, None when it is kept in
    # the memory of one process.
    lives: str | None
    code: str


CACHES = (
    Cache(
        "parse",
        "parsing a YAML file of content/ or seeds/ again",
        "the parser's source and the file's path and bytes; an entry is used only if its HMAC, "
        "made with a key outside the story, verifies",
        "cache",
        "generator/content/parsecache.py",
    ),
    Cache(
        "generation",
        "all of `generate` (check, render, write) when nothing changed",
        "the generation fingerprint: every input file, SITE_URL and the generator's own files",
        "generated_from",
        "generator/publish/stamp.py",
    ),
    Cache(
        "site",
        "MkDocs and Pagefind in `build` when site/ is the one built from these inputs",
        "the generation fingerprint, SITE_URL, SOURCE_DATE_EPOCH, Python and the installed "
        "packages, and which folder site/ is",
        "site_from",
        "generator/publish/stamp.py",
    ),
    Cache(
        "page-reads",
        "rendering, in `generate` after an edit, the pages none of whose inputs changed",
        "a keyed digest of each input (record attribute, collection, citation name...) each "
        "page read, the generator's code, the link scheme, and each page file's inode, size "
        "and change time; the record is used only if its HMAC, made with the parse cache's "
        "key, verifies",
        "page_reads",
        "generator/publish/recorded.py",
    ),
    Cache(
        "session",
        "rendering, after a save in the live preview, the files and search records none of "
        "whose inputs changed; validating the files that did not change",
        "a hash of each input (record attribute, collection, citation name...) each file and "
        "search record read; each file's parse, by identity",
        None,
        "generator/live/incremental.py",
    ),
    Cache(
        "preview-site",
        "a whole MkDocs build after a save in the live preview: only the pages the generator "
        "wrote are built again, with the navigation and theme kept from the last whole build",
        "the files the generator wrote, the navigation's titles, the settings' and theme's files",
        None,
        "generator/live/preview.py",
    ),
    Cache(
        "templates",
        "compiling the Jinja templates again for each new environment",
        "each template's name and source (Jinja's bytecode cache)",
        None,
        "generator/pages/rendering.py",
    ),
)


def wanted() -> bool:
    """Whether this run may use its caches, as the environment says (EXPLAINER_NO_CACHE)."""
    return os.environ.get(NO_CACHE_VARIABLE, "").strip() in ("", "0")
