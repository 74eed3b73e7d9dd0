"""The documents an article quotes and who wrote them: a statement, report, resolution or
letter is its author's, where the article names one, with the document ("the draft circulated
by X") or where it introduced it ("X issued a statement", "the agency published a report")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.authoring.drafting.references import INTRODUCES, without_adverb
from generator.authoring.drafting.who import Said, Who
from generator.authoring.drafting.words import DOCUMENTS

if TYPE_CHECKING:
    from generator.authoring.drafting.phrases import Phrases


@dataclass
class Documents:
    authors: dict[str, str] = field(default_factory=dict)  # "report": its author's id
    last: tuple[str, int] | None = None  # the last document's author, and its paragraph

    def said(self, number: int, who: Who, how: str) -> Said:
        """Whose words a document's are: its author named with it, the author of the last
        document of that kind, or of the document quoted just before."""
        words = f"words of a document ('{who.label}')"
        if who.entity:
            self.authors[who.sort] = who.entity
            self.last = (who.entity, number)
            return Said(who.entity, f"{how}: {words}, by {who.entity}", "high")
        heads = [w for w in re.findall(r"\w+", who.label.casefold()) if w in DOCUMENTS]
        author = next((self.authors[h] for h in heads if h in self.authors), None)
        if author:
            self.last = (author, number)
            return Said(author, f"{how}: {words}, whose author is {author}", "medium")
        if self.last and self.last[1] >= number - 1:
            entity, where = self.last
            return Said(
                entity, f"{how}: {words}, as the document of ¶{where} by {entity}", "medium"
            )
        return Said(None, f"{how}: {words} whose author the article does not name", "high")

    def named_in(self, phrases: Phrases, sentence: str) -> None:
        """A sentence introducing a document by its author ("The agency published a
        report"), else the first group it names with a document's word, as that document's
        author."""
        verb = INTRODUCES.search(sentence)
        if verb is not None:
            after = sentence[verb.end() :].casefold()
            heads = [w for w in re.findall(r"\w+", after) if w in DOCUMENTS]
            who = phrases.subject(without_adverb(sentence[: verb.start()]))
            if heads and who.kind in ("entity", "new") and who.entity:
                self.authors[heads[0]] = who.entity
        for _, _, who, _ in phrases.mentions(sentence):
            if who.kind == "entity" and who.sort == "group":
                for word in re.findall(r"\w+", sentence.casefold()):
                    if word in DOCUMENTS and who.entity:
                        self.authors.setdefault(word, who.entity)
                break
