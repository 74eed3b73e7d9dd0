"""What pages read of the story besides its graph's nodes, in one object: `PageInputs`.

Templates read the story through nodes (`s`, the graph, and the records each page is given)
and through the template globals and filters a `PageInputs` supplies: how citations name
articles, where quotations are marked, the glossary. Rendering asks it too where each record was
written and which files hold a section's facts (the "edit" links). Nothing else a page is made
from holds story data: tests/pages/test_inputs.py checks every global and filter.

Made with a `Recorder` (the live preview's), each of these calls first tells the recorder what
it reads, as an input `(kind, *key)` (`READS`), and `value` says what any recorded input is now:
the preview hashes that before and after an edit without knowing what the input is. Made
without, the calls are the plain functions, which cost nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, cast

from markupsafe import Markup

from generator.content.graph import Node
from generator.content.linking import Linked
from generator.content.recorder import Input, Recorder
from generator.pages.citations import citation_names
from generator.pages.marks import Quoted
from generator.pages.prose import term_tip
from generator.pages.text import Glossary


def _marks_read(_statement: Node, source: Node) -> Input | None:
    # A reference is not an article: nothing is marked in it.
    return None if source.reference is not None else ("marks", source.article.id, source.paragraph)


# What each call reads of the story outside the nodes it is given, as an input `(kind, *key)`
# (None: nothing). Every call a PageInputs supplies has an entry: one without fails to record.
READS: dict[str, Callable[..., Input | None]] = {
    "cite_name": lambda article: ("cite", article.id),
    "quoted_at": _marks_read,
    "marked_paragraph": lambda article, number: ("marks", article.id, number),
    "gloss": lambda *_args, **_kwargs: ("glossary",),
    "origin": lambda collection, record_id: ("origin", collection, record_id),
    "files": lambda collection: ("files", collection),
}
TEMPLATE_GLOBALS = ("cite_name", "quoted_at", "marked_paragraph")
TEMPLATE_FILTERS = ("gloss",)


class PageInputs:
    """The story data pages read outside nodes, as calls (see the module's docstring)."""

    def __init__(self, story: Linked, recorder: Recorder | None = None) -> None:
        self.story = story
        self.names = citation_names(story.graph.articles.values())
        self.quoted = Quoted(story.graph)
        terms = story.terms.values()
        self.glossary = Glossary(([t.term, *t.aliases], term_tip(t)) for t in terms)
        calls: dict[str, Callable[..., Any]] = {
            "cite_name": self._cite_name,
            "quoted_at": self.quoted.anchor,
            "marked_paragraph": self.quoted.paragraph,
            "gloss": self.glossary,
            "origin": story.origin,
            "files": self._files,
        }
        if recorder is not None:
            calls = {name: _recorded(call, READS[name], recorder) for name, call in calls.items()}
        self.calls = calls
        self.cite_name: Callable[[Node], str] = calls["cite_name"]
        self.quoted_at: Callable[[Node, Node], str | None] = calls["quoted_at"]
        self.marked_paragraph: Callable[[Node, int], Markup] = calls["marked_paragraph"]
        self.gloss: Callable[[str], Markup] = calls["gloss"]
        self.origin: Callable[[str, str], tuple[str, int]] = calls["origin"]
        self.files: Callable[[str], list[str]] = calls["files"]
        self._values: dict[Hashable, Callable[[Input], object]] = {
            "cite": lambda key: self.names.get(str(key[0])),
            "marks": lambda key: tuple(self.quoted.marks.get(cast(tuple[str, int], key), ())),
            "glossary": lambda _key: tuple((t.term, tuple(t.aliases), term_tip(t)) for t in terms),
            "origin": lambda key: story.origins.get((str(key[0]), str(key[1]))),
            "files": lambda key: tuple(story.files.get(str(key[0]), ())),
        }

    def template_globals(self) -> dict[str, Callable[..., Any]]:
        """The template globals that read the story outside nodes."""
        return {name: self.calls[name] for name in TEMPLATE_GLOBALS}

    def template_filters(self) -> dict[str, Callable[..., Any]]:
        """The template filters that read the story outside nodes."""
        return {name: self.calls[name] for name in TEMPLATE_FILTERS}

    def value(self, item: Input) -> object:
        """What an input a call recorded is in this story (None where it is gone)."""
        return self._values[item[0]](item[1:])

    def _cite_name(self, article: Node) -> str:
        return self.names[article.id]

    def _files(self, collection: str) -> list[str]:
        return self.story.files.get(collection, [])


def _recorded(
    call: Callable[..., Any], reads: Callable[..., Input | None], recorder: Recorder
) -> Callable[..., Any]:
    def recorded(*args: Any, **kwargs: Any) -> Any:
        item = reads(*args, **kwargs)
        if item is not None:
            recorder.read(item)
        return call(*args, **kwargs)

    return recorded
