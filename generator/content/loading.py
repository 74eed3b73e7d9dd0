"""Stage 1, load: find every content and seed file, and parse it without judging it yet."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path, PurePosixPath

from generator.content.document import Document
from generator.content.files import regular_files, shown, shown_each
from generator.content.parsecache import cached_parse
from generator.content.problems import Problem
from generator.content.yamlsource import decode, read
from generator.model.characters import LINE_BREAK
from generator.model.records import COLLECTIONS


@dataclass(frozen=True)
class SeedText:
    """An article's text, split into the numbered paragraphs that citations point at."""

    id: str
    path: str
    paragraphs: tuple[str, ...]


@dataclass
class Loaded:
    documents: dict[str, list[Document]] = field(default_factory=dict)
    sidecars: list[Document] = field(default_factory=list)
    texts: dict[str, SeedText] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Collections with a file that could not be parsed ("seeds" for articles): references into
    # them cannot be checked this run, and are not reported as unknown.
    unreadable: set[str] = field(default_factory=set)


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Paragraph N is the Nth non-empty line: the citation scheme of the whole project. Lines
    end only at \\n, \\r\\n or \\r, as in every editor's line count (str.splitlines would also
    split at U+2028, U+0085 and other characters an editor shows inside a line)."""
    lines = LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    return tuple(filter(None, map(str.strip, lines)))


@contextmanager
def collection_frozen() -> Iterator[None]:
    """The objects made so far (a linked story: millions) left out of cyclic garbage collection
    while the pages are made from them: each pass would examine them all again, and they live
    until the pages are done. Collection of what is made meanwhile goes on as usual."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # their cycles may be collected once the story is dropped


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a stage makes its objects: the stages make millions
    and almost no cycles, and each automatic pass examines every object made so far (about
    40 % of load, validate and link of a 1,000-article story). Freed objects are still freed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _settle()
            gc.enable()


def _settle() -> None:
    """What the stage made, moved into the oldest generation unexamined. Re-enabled as it is,
    collection would examine all of it at the next allocation (the count of new objects runs
    on while it is paused): about a fifth of a second per stage of a 1,000-article story, for
    the few cycles a stage leaves, which the next full collection finds all the same. Not while
    a caller holds objects frozen (`collection_frozen`): unfreezing would release theirs too."""
    if gc.get_freeze_count() == 0:
        gc.freeze()  # every tracked object set aside, and the count of new ones reset
        gc.unfreeze()  # and back, into the oldest generation


@collection_paused()
def load(content_dir: Path, seeds_dir: Path, root: Path, cache: Path | None = None) -> Loaded:
    """Every file, parsed; with `cache`, unchanged files are read back from earlier parses."""
    loaded = Loaded(documents={c.name: [] for c in COLLECTIONS})
    content, refused = regular_files(content_dir, root, content_folder)
    loaded.problems.extend(refused)
    for path, where in zip(content, shown_each(content, root), strict=True):
        _load_content_file(path, where, content_dir, loaded, cache)
    seeds, refused = regular_files(seeds_dir, root, seeds_folder)
    loaded.problems.extend(refused)
    for path, where in zip(seeds, shown_each(seeds, root), strict=True):
        _load_seed_file(path, where, loaded, cache)
    loaded.problems.extend(_unpaired_seeds(seeds, root))
    return loaded


def content_folder(relative: PurePosixPath) -> str | None:
    """Why a folder under content/ is not read: only content/NAME/ of a list collection is
    (an empty folder elsewhere would otherwise hide, say, a missing file, without a word)."""
    lists = {c.name for c in COLLECTIONS if c.many}
    if len(relative.parts) == 1 and relative.name in lists:
        return None
    where = f"content/{relative}"
    if len(relative.parts) == 1 and relative.suffix == ".yaml" and relative.stem in lists:
        return (
            f"this is a folder, but {where} must be a file, so nothing here is read: "
            f"replace it with the file, or name the folder content/{relative.stem}/"
        )
    folders = ", ".join(f"content/{name}/" for name in sorted(lists))
    return (
        "this folder is in no known place, so nothing in it would be read: "
        f"the folders content/ may hold are {folders}; move its files there, or delete it"
    )


def seeds_folder(relative: PurePosixPath) -> str | None:
    """seeds/ holds no folders: articles live only at seeds/ID.txt."""
    return (
        "seeds/ holds no folders, only article texts (ID.txt) beside their sidecars (ID.yaml), "
        "so nothing in this folder is read: move its articles up into seeds/, or delete it"
    )


def _unpaired_seeds(paths: list[Path], root: Path) -> list[Problem]:
    """Each article text needs its sidecar and each sidecar its text."""
    stems = {suffix: {p.stem for p in paths if p.suffix == suffix} for suffix in (".txt", ".yaml")}
    problems = []
    for path in paths:
        if path.suffix == ".txt" and path.stem not in stems[".yaml"]:
            message = f"no metadata sidecar for this article: add {path.stem}.yaml beside it"
        elif path.suffix == ".yaml" and path.stem not in stems[".txt"]:
            message = f"no article text beside this sidecar: add {path.stem}.txt"
        else:
            continue
        problems.append(Problem(shown(path, root), 0, 0, message))
    return problems


def _collection_of(path: Path, content_dir: Path) -> str | None:
    parts = path.relative_to(content_dir).parts
    if path.suffix != ".yaml":
        return None
    if len(parts) == 1:
        return path.stem
    if len(parts) == 2:
        return parts[0]
    return None


def _load_content_file(
    path: Path, where: str, content_dir: Path, loaded: Loaded, cache: Path | None
) -> None:
    name = _collection_of(path, content_dir)
    if name not in loaded.documents or (name == "story" and path.parent != content_dir):
        loaded.problems.append(Problem(where, 0, 0, _unknown_place_message(path, content_dir)))
        return
    document, problems = _parse_file(path, where, cache)
    loaded.problems.extend(problems)
    if document is None:
        loaded.unreadable.add(name)
    else:
        loaded.documents[name].append(document)


# Files the generator once read, and what a story does instead.
RETIRED = {
    "tags": "tags are no longer read, as an article's own hashtags add nothing for readers; "
    "file statements under topics (content/topics.yaml) instead, and delete this file",
}


def _unknown_place_message(path: Path, content_dir: Path) -> str:
    known = [f"{c.name}.yaml" for c in COLLECTIONS]
    message = "this file is in no known place, so nothing would read it"
    retired = RETIRED.get(_collection_of(path, content_dir) or "")
    if retired:
        return f"{message}: {retired}"
    if path.suffix == ".yml":
        return f"{message}: name it with `.yaml`, not `.yml`"
    guess = get_close_matches(path.name, known, n=1)
    if guess:
        return f"{message}: did you mean content/{guess[0]}?"
    return f"{message}: content files are {', '.join(known)} (or a folder of that name)"


def _parse_file(
    path: Path, where: str, cache: Path | None
) -> tuple[Document | None, list[Problem]]:
    raw, problems = read(path, where)
    if raw is None:
        return None, problems
    return cached_parse(raw, where, cache)


def _load_seed_file(path: Path, where: str, loaded: Loaded, cache: Path | None) -> None:
    if path.suffix == ".txt":
        raw, problems = read(path, where)
        text, more = decode(raw, where) if raw is not None else (None, [])
        loaded.problems.extend([*problems, *more])
        if text is None:
            loaded.unreadable.add("seeds")
        else:
            loaded.texts[path.stem] = SeedText(path.stem, where, paragraphs_of(text))
    elif path.suffix == ".yaml":
        document, problems = _parse_file(path, where, cache)
        loaded.problems.extend(problems)
        if document is None:
            loaded.unreadable.add("seeds")
        else:
            loaded.sidecars.append(document)
    else:
        loaded.problems.append(
            Problem(
                where,
                0,
                0,
                "seeds/ holds only article texts (ID.txt) and sidecars (ID.yaml): "
                "move this file out of seeds/, or delete it",
            )
        )
