"""The search records (build/search.json) in the live preview, made part by part.

`generate` makes every search record from the whole story (generator/pages/search_records.py);
at a thousand articles that is 44,000 records and about a second of every save. The records
come in parts (`parts`: one per record searched, then the articles' cited paragraphs), each a
function of what it reads of the story, which the Session's recorder sees as it sees a page's
reads (generator/live/incremental.py). So a part is made again only when an input it read
changed, or when it is new; every other part's text is the one made before, which a fresh
making would repeat byte for byte. The file is joined from the parts in their order, as
`records_text` joins it.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

from generator.content.graph import Graph
from generator.content.recorder import Input, Recorder
from generator.model import urls
from generator.pages.search_records import entry_text, joined, parts

Numbered = Callable[[set[Input]], "array[int]"]  # a part's reads, as the Session numbers them


class Searched:
    """Each part's text(s) and what it read, from the last run."""

    def __init__(self) -> None:
        self.parts: dict[tuple[str, str], tuple[array[int], list[str]]] = {}
        self.made = 0  # parts made in the last run, for the bench

    def text(
        self,
        graph: Graph,
        scheme: urls.Scheme,
        recorder: Recorder,
        changed: set[int] | None,
        numbered: Numbered,
    ) -> str:
        """build/search.json's text: the parts whose inputs are not in `changed` (every part
        when it is None) as they were, the others made again and recorded."""
        kept: dict[tuple[str, str], tuple[array[int], list[str]]] = {}
        texts: list[str] = []
        self.made = 0
        for name, part in parts(graph, scheme):
            known = self.parts.get(name)
            if known is None or changed is None or not changed.isdisjoint(known[0]):
                read: set[Input] = set()
                recorder.reads = read
                try:
                    entries = part()
                finally:
                    recorder.reads = None
                known = (numbered(read), [entry_text(entry) for entry in entries])
                self.made += 1
            kept[name] = known
            texts.extend(known[1])
        self.parts = kept
        return joined(texts)
