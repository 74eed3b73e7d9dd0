"""`python -m generator COMMAND` (see --help): a thin shell over the pipeline and its tools."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

import generator
from generator.authoring.draftfile import Outcome, Saved, save_draft
from generator.authoring.drafting import (
    Draft,
    draft_article,
    draft_yaml,
    known_statements,
    names_from,
)
from generator.authoring.newstory import new_story
from generator.authoring.scaffold import NewArticle, new_article
from generator.build import Built, build, check, exclusive, generate
from generator.caches import CACHES, NO_CACHE_VARIABLE, wanted
from generator.content.files import shown
from generator.content.loading import paragraphs_of
from generator.content.problems import Problem, display_path, format_problems
from generator.content.runfailed import RunFailed
from generator.content.yamlsource import decode, read
from generator.model.characters import printable
from generator.model.docs import update
from generator.model.schema import write_schemas
from generator.pages.search_records import INDEX_FOLDER
from generator.pages.text import plural
from generator.project import Project
from generator.publish.apart import apart
from generator.publish.pagefind import index_site
from generator.publish.sharepages import Placer
from generator.publish.stamp import UP_TO_DATE
from generator.verify.site import unbuilt, verify

OK, PROBLEMS, BUILD_FAILED, CANNOT_RUN = 0, 1, 2, 3
REPOSITORY = Path(generator.__file__).resolve().parents[1]
REVIEW = "Review each one; none is on the site until you move it into content/statements.yaml."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: here)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"read no cache and skip no work ({', '.join(c.name for c in CACHES)}): when an "
        f"edit does not show; {NO_CACHE_VARIABLE}=1 in the environment does the same",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate content/ and seeds/ and report every problem")
    commands.add_parser("generate", help="check, then write the Markdown pages to build/docs/")
    commands.add_parser("build", help="generate, then build site/ with mkdocs build --strict")
    commands.add_parser("docs", help="rewrite the content-model reference in CONTRIBUTING.md")
    commands.add_parser("schemas", help="rewrite the JSON Schemas in schemas/ from the model")
    story = commands.add_parser("new-story", help="start a story in a new folder")
    story.add_argument("folder", type=Path, help="the new story's folder")
    story.add_argument("--title", required=True, help="the explainer's title")
    new = commands.add_parser("new-article", help="add an article to seeds/ with its sidecar")
    new.add_argument("text", type=Path, help="the article as a UTF-8 text file")
    new.add_argument("--id", required=True, help="short unique id, such as 2026-01-07-outlet")
    for option, what in [("title", "headline"), ("outlet", "outlet"), ("url", "address")]:
        new.add_argument(f"--{option}", help=f"the article's {what}, if known")
    new.add_argument("--published", help="when it was published (YYYY-MM-DD), if known")
    new.add_argument("--language", default="en", help="language code (default: en)")
    new.add_argument(
        "--label",
        help="your short description of the article, shown where its headline is not known "
        "(default: the title)",
    )
    new.add_argument("--author", help="the byline as printed, if known")
    new.add_argument(
        "--via", help="who first published it, when the outlet republished it (such as an agency)"
    )
    new.add_argument("--accessed", help="when you read and saved it (YYYY-MM-DD)")
    new.add_argument(
        "--excerpt", action="store_true", help="the text file holds only part of the article"
    )
    draft = commands.add_parser("draft-quotes", help="draft the quotations of an article")
    draft.add_argument("text", type=Path, help="the article in seeds/, such as seeds/ID.txt")
    draft.add_argument(
        "--force",
        action="store_true",
        help="replace drafts/ID.quotes.yaml even if it differs (by default a draft file that "
        "differs, such as one you edited, is kept and the new drafts are written beside it)",
    )
    indexer = commands.add_parser(
        "search-index",
        help="index a built site for search and put the share pages in it (build does "
        "both; for sites Zensical builds)",
    )
    indexer.add_argument("--site", type=Path, required=True, help="the built site's folder")
    commands.add_parser(
        "verify",
        help="check the built site/ against the story: pages, links, ids, data, search",
    )
    serve = commands.add_parser("serve", help="live preview that regenerates on every edit")
    serve.add_argument("--address", default="127.0.0.1:8000", help="host:port to serve on")
    args = parser.parse_args(argv)
    project = Project.at(args.root.resolve(), cached=wanted() and not args.no_cache)
    try:
        os.fsencode(project.root).decode("utf-8")
    except UnicodeDecodeError:
        print(
            f"{printable(str(project.root))}: this folder's name is not valid UTF-8, so no page, "
            "link or message could name its files: rename it in UTF-8",
            file=sys.stderr,
        )
        return CANNOT_RUN
    try:
        if args.command == "new-story":
            return _new_story(args.folder, args.title)
        return _run(project, args)
    except OSError as error:
        print(RunFailed.of(error, project.root), file=sys.stderr)
        return CANNOT_RUN
    except RunFailed as failure:
        print(failure, file=sys.stderr)
        return CANNOT_RUN


def _run(project: Project, args: argparse.Namespace) -> int:
    if args.command == "new-article":
        return _new_article(project, args)
    if args.command == "draft-quotes":
        return _draft_quotes(project, args.text, force=args.force)
    if args.command == "serve":
        from generator.live.server import serve  # noqa: PLC0415 - only serve needs the server

        return serve(project, args.address)
    if args.command in ("generate", "build"):
        with exclusive(project):
            return _build(project) if args.command == "build" else _generate(project)
    if args.command == "search-index":
        return _search_index(project, args.site)
    commands_by_name = {"check": _check, "docs": _docs, "schemas": _schemas, "verify": _verify}
    return commands_by_name[args.command](project)


def _generate(project: Project) -> int:
    written, problems = generate(project)
    if problems:
        return _report(problems, project)
    print(f"Generated {len(written)} changed page(s) in {project.docs.relative_to(project.root)}/")
    return OK


def _build(project: Project) -> int:
    # Generation runs in a process of its own that ends before MkDocs starts, so the story's
    # pages and model are not held in memory while MkDocs builds from them.
    status = apart(lambda: _generate(project), project.root)
    if status != OK:
        return status
    built = build(project)
    if built is Built.UP_TO_DATE:
        print(UP_TO_DATE)
        return OK
    if built is Built.FAILED:
        print("mkdocs build failed: site/ was left as it was.", file=sys.stderr)
        return BUILD_FAILED
    print(f"Built the site in {project.site.relative_to(project.root)}/")
    return OK


def _search_index(project: Project, site: Path) -> int:
    """Index a site built from this story's pages (run `generate` first)."""
    if not project.search_records.is_file():
        records = shown(project.search_records, project.root)
        print(f"{records}: not found: run `generate` (or `build`) first.", file=sys.stderr)
        return CANNOT_RUN
    done = index_site(project.search_records, site.resolve())
    print(
        f"Indexed {done.records} search records into {site / INDEX_FOLDER}/ in "
        f"{done.seconds:.1f} s (Pagefind's peak memory {done.peak_kb // 1024} MB)."
    )
    # The share pages never pass through the builder (they are in build/share, not
    # build/docs): another builder's site gets them here, as `build` puts them in its own.
    placed = Placer(project.share, site.resolve()).everything()
    print(f"Put {placed} share pages into {site}/.")
    return OK


def _verify(project: Project) -> int:
    """Every problem of the site built last, as `check` reports the content's."""
    where = display_path(project.root, Path.cwd())
    build = "python -m generator" + ("" if where == "." else f" --root {where}") + " build"
    why = unbuilt(project)
    if why is not None:
        print(f"{why}: run `{build}` first.", file=sys.stderr)
        return CANNOT_RUN
    verified = verify(project)
    if verified.problems:
        outcome = (
            f"site/ does not match its story: build it again (`{build}`) and verify; what is "
            "left after a fresh build comes from a text of the content or from the generator."
        )
        return _report(verified.problems, project, outcome)
    print(f"Site OK: {verified.pages} {plural(verified.pages, 'page')} verified.")
    return OK


def _docs(_project: Project) -> int:
    guide = _repository_file("CONTRIBUTING.md")
    changed = update(guide)
    print("CONTRIBUTING.md " + ("updated." if changed else "was already up to date."))
    return OK


def _repository_file(name: str) -> Path:
    """`docs` and `schemas` rewrite the generator's own files, wherever the story is."""
    path = REPOSITORY / name
    if not path.exists():
        raise RunFailed(
            f"{path}: not found: `docs` and `schemas` rewrite files of the generator's own "
            "repository, so run them from a checkout of it"
        )
    return path


def _new_article(project: Project, args: argparse.Namespace) -> int:
    request = NewArticle(
        args.text,
        args.id,
        title=args.title,
        outlet=args.outlet,
        url=args.url,
        published=args.published,
        language=args.language,
        label=args.label,
        author=args.author,
        via=args.via,
        accessed=args.accessed,
        excerpt=args.excerpt,
    )
    done, problems = new_article(project, request)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return PROBLEMS
    print("\n".join(map(printable, done)))  # an article's own bytes never drive the terminal
    text = display_path(project.seeds / f"{args.id}.txt", Path.cwd())
    print(f"Next: {command(project.root, 'draft-quotes', text)}")
    return OK


def _new_story(folder: Path, title: str) -> int:
    # Not resolved: a link planted at the folder's name must be seen, never followed.
    written, refused = new_story(Path.cwd() / folder, title)
    if refused:
        print(f"{refused}. Nothing was written.", file=sys.stderr)
        return PROBLEMS
    for path in written:
        print(f"created {display_path(path, Path.cwd())}")
    root = folder.resolve()
    print(f"Next: {command(root, 'new-article', 'ARTICLE.txt', '--id', 'ID')}")
    for step in ("check", "build", "verify"):
        print(f"Then: {command(root, step)}")
    return OK


def command(root: Path, *words: str) -> str:
    """A command as the user can type it from where they stand: with --root when the story is
    not the folder they are in."""
    here = (
        ""
        if root == Path.cwd().resolve()
        else f" --root {shlex.quote(display_path(root, Path.cwd()))}"
    )
    return "python -m generator" + here + "".join(f" {shlex.quote(w)}" for w in words)


def _draft_quotes(project: Project, text: Path, *, force: bool) -> int:
    text = text if text.exists() or text.is_symlink() else project.root / text
    raw, problems = read(text, shown(text, project.root))
    content, more = decode(raw, shown(text, project.root)) if raw is not None else (None, [])
    if content is None:
        return _report([*problems, *more], project, "No drafts were written.")
    story, unusable = check(project)
    if unusable:  # drafted all the same, but the contributor must know what is missing
        _report(
            unusable,
            project,
            "The story has the problems above, so these drafts cannot use its known people, "
            f"aliases and statements: fix them ({command(project.root, 'check')}) and draft "
            "again.",
        )
    paragraphs = paragraphs_of(content)
    drafted = draft_article(paragraphs, names_from(story))
    drafts, known = known_statements(text.stem, paragraphs, drafted.drafts, story)
    speakers = {d.speaker for d in drafts}
    people = [p for p in drafted.people if p.id in speakers]
    yaml_text = draft_yaml(text.stem, drafts, known, warnings=drafted.warnings, people=people)
    saved, refused = save_draft(project.drafts, text.stem, yaml_text, project.root, force=force)
    if saved is None:
        return _report(refused, project, "No drafts were written.")
    print(_drafts_saved(saved, drafts, len(known), project.root))
    where = shown(text, project.root)
    lines = _paragraph_lines(content)
    for warning in drafted.warnings:  # "¶6: …" -> the seed's line, as every problem is told
        number = int(warning[1:].split(":", 1)[0])
        print(printable(f"{where}:{lines[number - 1]}:1: warning: {warning}"))
    if saved.outcome is not Outcome.UNCHANGED:
        print(REVIEW)
    return OK


def _paragraph_lines(content: str) -> list[int]:
    """The line of each paragraph: paragraph N is the Nth non-empty line."""
    return [n for n, line in enumerate(content.splitlines(), start=1) if line.strip()]


def _drafts_saved(saved: Saved, drafts: list[Draft], known: int, root: Path) -> str:
    """One line: where the drafts are, and what happened to a draft file that was there."""
    where, kept = saved.path.relative_to(root), saved.kept.relative_to(root)
    unsure = sum(1 for d in drafts if d.speaker is None)
    these = f"{len(drafts)} draft quotation(s)"
    these += f" and {known} quotation(s) already in the story" if known else ""
    written = f"{these} to {where}"
    written += f" ({unsure} without a proposed speaker)" if unsure else ""
    if saved.outcome is Outcome.UNCHANGED:
        return f"{where} already holds these {these}: nothing was written."
    if saved.outcome is Outcome.BESIDE:
        return (
            f"Kept {kept} as it is: it differs from these drafts (edited, or drafted from another "
            f"text or other names). Wrote {written}; --force would replace {kept} instead."
        )
    forced = saved.outcome is Outcome.REPLACED
    return f"Wrote {written}" + (", replacing the one that was there (--force)." if forced else ".")


def _schemas(_project: Project) -> int:
    changed = write_schemas(_repository_file("schemas"))
    print(f"schemas/: {len(changed)} file(s) changed.")
    return OK


def _check(project: Project) -> int:
    linked, problems = check(project)
    if problems or linked is None:
        return _report(problems, project)
    counts = [
        (len(linked.articles), "article", None),
        (len(linked.statements), "statement", None),
        (len(linked.people), "person", "people"),
        (len(linked.countries), "country or organisation", "countries and organisations"),
        (len(linked.questions), "question", None),
    ]
    found = ", ".join(f"{n} {plural(n, one, many)}" for n, one, many in counts)
    print(f"Content OK: {found}.")
    return OK


def _report(
    problems: list[Problem],
    project: Project,
    outcome: str = "Nothing was written: the last good pages and site/ are unchanged.",
) -> int:
    sys.stderr.write(format_problems(problems, project.root))
    sys.stderr.write(f"{outcome}\n")
    return PROBLEMS
