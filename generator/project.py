"""Where a story's inputs are and where its outputs go: `Project`, the one place that names every
folder and state file of a story, so no other module derives one path from another; and whether
this run may use its caches (generator/caches.py lists them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """Where a story's inputs are and where its outputs go."""

    root: Path
    content: Path
    seeds: Path
    work: Path  # build/: everything the generator makes for itself (git ignores it)
    docs: Path
    # The share pages (`said/…`, static HTML, one per statement), written beside docs so that
    # MkDocs never reads or copies them: `build` links them into the new site after MkDocs.
    share: Path
    site: Path
    generated_config: Path  # what MkDocs builds from, written from the story (siteconfig)
    # site_dir in generated_config, for tools run on it directly (Zensical wants it inside the
    # file's folder); `build` always gives MkDocs a fresh folder and swaps it in at `site`.
    config_site: Path
    drafts: Path
    cache: Path | None  # earlier parses (the parse cache); None to parse every file afresh
    search_records: (
        Path  # what search indexes, written by generate (generator/pages/search_records.py)
    )
    # The state files: a run's own notes to the next one, never read by anything else
    # (generator/publish/stamp.py reads and writes them).
    generated_from: Path  # the inputs' fingerprint when build/docs was last generated in full
    site_from: Path  # the inputs' hash and which site/ the last build swapped in (the site stamp)
    date_stamp: Path  # the story's `updated` as seconds, which dates the site (SOURCE_DATE_EPOCH)
    lock: Path  # held by the one generate or build of this story running
    # What each page read when it was last rendered, so that `generate` renders again only the
    # pages whose inputs changed (generator/publish/recordfile.py).
    page_reads: Path
    # False for a run with --no-cache: no cache of generator/caches.py is read or skips work.
    cached: bool = True

    def beside(self) -> list[Path]:
        """The files of the story's folder beside content/ and seeds/ (a logo; an old
        mkdocs.yml to refuse), which a build reads too."""
        try:
            return sorted(path for path in self.root.iterdir() if not path.is_dir())
        except OSError:
            return []

    @classmethod
    def at(cls, root: Path, *, cached: bool = True) -> Project:
        """The folders of a story, modelled here once: nothing else derives one from another."""
        work = root / "build"
        return cls(
            root=root,
            content=root / "content",
            seeds=root / "seeds",
            work=work,
            docs=work / "docs",
            share=work / "share",
            site=root / "site",
            generated_config=work / "mkdocs.yml",
            config_site=work / "site",
            drafts=root / "drafts",
            cache=work / "cache",
            search_records=work / "search.json",
            generated_from=work / "generated-from",
            site_from=work / "site-from",
            date_stamp=work / "source-date-epoch",
            lock=work / "lock",
            page_reads=work / "page-reads",
            cached=cached,
        )
