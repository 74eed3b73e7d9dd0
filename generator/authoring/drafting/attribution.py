"""Who said each quotation: the subject of its reporting verb, read sentence by sentence.

The rules, in order of trust, for a span in a sentence:
1. an attribution right after it ("“…,” said X", "“…,” X told reporters", "“…,” he said");
2. the reporting verb before it in the sentence (said, told, described … as, called, wrote,
   according to, a participle such as "adding") and that verb's subject: the clause's first
   noun phrase, past adverbials and relative clauses, an apposition's name over its role;
3. a later part of a quotation takes the speaker of the part before it in the paragraph;
4. words of a document are its author's, where the article names one.
A pronoun resolves to a subject earlier in the sentence or paragraph, then to the last
*speaker* (never merely the last name); a role ("the chancellor") to the one person the article
gave that title. Unnamed and collective sources ("a spokeswoman", "critics") get no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.authoring.drafting.documents import Documents
from generator.authoring.drafting.phrases import Phrases, speaking_for
from generator.authoring.drafting.references import DOCUMENT_VERB
from generator.authoring.drafting.roles import apposition
from generator.authoring.drafting.sentences import DATELINE, LABEL, cut, masked_text
from generator.authoring.drafting.spans import Span
from generator.authoring.drafting.who import NONE, Said, Who
from generator.authoring.drafting.words import (
    ACCORDING,
    PARTICIPLE,
    PASSIVE,
    VERB,
    VERBS_IN,
    nearest_marker,
)

STRONG = re.compile(r";\s|:\s|,\s+(?:and|but|while|whereas)\s+|\s(?:while|whereas)\s")
WEAK = re.compile(
    r"\b(?:when|while|whereas|as|after|before|because|although|though|since|if|until|once|"
    r"but|and|that|whether|what)\s",
    re.IGNORECASE,
)
AFTER_VERB = re.compile(rf"^\s*[,.!?]?\s*(?:(according to)|({VERB.pattern}))\s+([^,.;:!?]+)(.*)")
AFTER_SUBJECT = re.compile(
    rf"^\s*[,.!?]?\s*([^.;:!?]{{1,100}}?),?\s+(?:\w+ly\s+)?({VERB.pattern})\b", re.IGNORECASE
)
OBJECT = re.compile(r"(?:for|about|to|on|in|into|at|with|from|of)\s", re.IGNORECASE)
INSERTED = re.compile(r",\s*(?:who|which|whose)\b[^,]*,|,\s*(?:a|an|the)\s[^,]*,")
OWN_PRONOUN = re.compile(r"\s+(?:that\s+)?(he|she|his|her)\b")
SAYS = re.compile(r"said|says|say|added|adds|wrote|writes|insisted|insists|argued|argues")
CLAIM = re.compile(
    r"(\b[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)[’']s\s+(?:\w+\s+)?(claim|claims|remark|remarks|comment|"
    r"comments|words|description|warning|promise|pledge|assertion|suggestion|call|accusation|"
    r"charge|view|argument|insistence)\b"
)
CLAUSE_WORDS = re.compile(
    r"\b(?:while|and|but|as|when|that|which|who|whereas|if|after|before|because|although|"
    r"though|since|until|once|where|then|so)\b",
    re.IGNORECASE,
)


@dataclass
class Reader:
    """Reads an article's paragraphs in order, remembering its speakers."""

    phrases: Phrases
    last_speaker: tuple[Who, int] | None = None
    documents: Documents = field(default_factory=Documents)
    previous: str = ""  # the previous paragraph's last sentence, outside quotations
    text: str = ""  # the paragraph being read
    gender: dict[str, str] = field(default_factory=dict)  # person id: 'he' or 'she'

    def paragraph(
        self, number: int, text: str, spans: list[Span], continued: Said | None
    ) -> list[Said]:
        self.text = text
        masked = masked_text(text, spans)
        sentences = cut(text, masked, spans)
        found: list[Said] = []
        for start, end in sentences:
            in_sentence: list[Said] = []
            for span in (s for s in spans if start <= s.start < end):
                self.phrases.context = masked[: span.start]
                said = self._span(
                    number,
                    masked,
                    (start, end),
                    span,
                    earlier=(found, in_sentence),
                    continued=continued,
                )
                found.append(said)
                in_sentence.append(said)
                if said.who is not None and said.who.sort in ("person", "group"):
                    self.last_speaker = (said.who, number)
            self._track(number, masked[start:end])
        self.previous = masked[sentences[-1][0] :] if sentences else ""
        self.phrases.see(masked)
        self.phrases.context = ""
        return found

    # -- one span -------------------------------------------------------------------------

    def _span(
        self,
        number: int,
        masked: str,
        sentence: tuple[int, int],
        span: Span,
        *,
        earlier: tuple[list[Said], list[Said]],
        continued: Said | None,
    ) -> Said:
        """`earlier`: the spans before this one in its paragraph, and in its sentence."""
        in_paragraph, in_sentence = earlier
        start, end = sentence
        before, after = masked[start : span.start], masked[span.end : end]
        after_who = self._after(after)
        marker = nearest_marker(before)
        before_said: Said | None = None
        if marker is not None:
            before_said = self._before(
                number, masked[:start], before, marker, earlier=in_sentence, after=after
            )
        if after_who is not None:
            said = self._resolve(number, after_who[0], after_who[1], masked[:start] + before)
            if before_said is None or after_who[0].kind != "pronoun" or before_said.speaker is None:
                return said
        if before_said is not None and (before_said.confidence != "low" or not in_sentence):
            return before_said
        return self._unattributed(
            number, masked, before, span, in_paragraph=in_paragraph, continued=continued
        )

    def _unattributed(
        self,
        number: int,
        masked: str,
        before: str,
        span: Span,
        *,
        in_paragraph: list[Said],
        continued: Said | None,
    ) -> Said:
        """A span whose sentence has no reporting verb: a headline's label, the quotation it
        continues, or the sentence's subject (a document's words are its author's)."""
        label = LABEL.match(DATELINE.sub("", self.text.lstrip(), count=1))
        if label and not before.strip() and not in_paragraph:
            who = self.phrases.phrase(label.group(0).rstrip(": "))
            if who.kind in ("entity", "new"):  # "X: 'We will not sign'", a headline's
                said = self._resolve(number, who, "the line's label before the quotation", "")
                return Said(said.speaker, said.reason, "medium", said.who)
        if in_paragraph:
            last = in_paragraph[-1]
            reason = f"continues the quotation before it ({last.reason})"
            return Said(last.speaker, reason, last.confidence, last.who)
        if continued is not None and masked[: span.start].strip() == "":
            reason = f"continues ¶{number - 1}'s quotation, never closed ({continued.reason})"
            return Said(continued.speaker, reason, continued.confidence, continued.who)
        subject = self.phrases.subject(before)
        if subject.kind in ("document", "unnamed"):
            return self._resolve(number, subject, "subject of the sentence", masked[: span.start])
        if subject.kind in ("entity", "new"):  # no reporting verb: maybe not the speaker
            return Said(None, f"no reporting verb; the sentence is about {subject.label}", "low")
        return Said(None, "no attribution found in the sentence", "low")

    def _after(self, after: str) -> tuple[Who, str] | None:
        """An attribution right after the span: "said X", "X said", "according to X"."""
        verb_first = AFTER_VERB.match(after)
        if verb_first and not OBJECT.match(verb_first.group(3)):  # ", asked for a review"
            verb = verb_first.group(1) or verb_first.group(2)
            who = self.phrases.phrase(verb_first.group(3))
            rest = verb_first.group(4)
            if who.kind in ("unnamed", "role") or who.kind == "none":
                following = re.match(r"^\s*,\s*([^,.;]+)", rest)
                if following and (named := self._named(following.group(1))) is not None:
                    role = verb_first.group(3).strip() if who.kind == "role" else named.role
                    who = Who(named.kind, named.entity, named.label, named.sort, role)
            elif who.kind in ("entity", "new"):
                role = apposition(rest)
                if role and not who.role:
                    who = Who(who.kind, who.entity, who.label, who.sort, role)
            if who.kind != "none":
                return who, f"'{verb.lower()}' right after the quotation"
        document = DOCUMENT_VERB.match(after)  # "…,” the report concluded
        if document and (who := self.phrases.phrase(document.group(1))).kind == "document":
            return who, f"subject of '{document.group(2).lower()}' right after the quotation"
        subject_first = AFTER_SUBJECT.match(after)
        # "“…,” X, who was speaking in Y, told …": the inserted clause is no new clause.
        subject = INSERTED.sub(",", subject_first.group(1) + ",") if subject_first else ""
        if subject_first and not CLAUSE_WORDS.search(subject):
            who = self.phrases.subject(subject_first.group(1))
            if who.kind != "none":
                return (
                    who,
                    f"subject of '{subject_first.group(2).lower()}' right after the quotation",
                )
        return None

    def _named(self, text: str) -> Who | None:
        named = re.search(r"\bnamed\s+(.+)", text)
        who = self.phrases.phrase(named.group(1) if named else text)
        return who if who.kind in ("entity", "new") else None

    def _before(
        self,
        number: int,
        previous: str,
        before: str,
        marker: re.Match[str],
        *,
        earlier: list[Said],
        after: str,
    ) -> Said:
        """The speaker from the reporting verb `marker` before the span, in its sentence;
        `previous`: the paragraph's sentences before this one."""
        verb = marker.group(0).lower()
        if ACCORDING.fullmatch(marker.group(0)):
            region = re.split(r"[,;:]", before[marker.end() :])[0]
            who = self.phrases.phrase(region)
            return self._resolve(number, who, "according to", previous + before)
        if PARTICIPLE.fullmatch(marker.group(0)) and earlier:
            last = earlier[-1]
            reason = f"'{verb}' continues the quotation before it ({last.reason})"
            return Said(last.speaker, reason, last.confidence, last.who)
        if PASSIVE.search(before[: marker.start()]):
            agent = re.match(r"^\s*by\s+([^,.;]+)", after)
            who = self.phrases.phrase(agent.group(1)) if agent else Who("unnamed", label="unnamed")
            # "According to the report, they had been told of “…”": the report's words
            lead = None if agent else re.match(r"\s*according to\s+([^,;:]+)", before, re.I)
            if lead and (source := self.phrases.phrase(lead.group(1))).kind == "document":
                return self._resolve(number, source, "according to", previous + before)
            if who.kind not in ("entity", "new"):
                who = Who("unnamed", label=who.label or "an unnamed source")
            return self._resolve(number, who, f"agent of passive '{verb}'", previous + before)
        claim = CLAIM.search(before[marker.end() :])
        if claim:  # "said of X's claim that … “…”": X's words
            who = self.phrases.last(claim.group(1))
            if who.kind in ("entity", "new"):
                return self._resolve(number, who, f"the {claim.group(2)} quoted is theirs", "")
        who = self._subject_of(before, marker)
        if who.kind == "none":  # "She said X had asked for “…”": the outer verb's subject
            for outer in reversed(VERBS_IN(before[: marker.start()])):
                who = self._subject_of(before, outer)
                if who.kind != "none":
                    verb = outer.group(0).lower()
                    break
        return self._resolve(
            number, who, f"subject of '{verb}' in the same sentence", previous + before
        )

    def _subject_of(self, sentence: str, marker: re.Match[str]) -> Who:
        region = sentence[: marker.start()]
        strong = [m.end() for m in STRONG.finditer(region)]
        clause = region[strong[-1] :] if strong else region
        last_segment = clause.rsplit(",", 1)[-1]
        if last_segment.strip():
            stripped = last_segment.strip()
            if re.match(r"^(?:who|which|that)\b", stripped, re.IGNORECASE):
                head = clause[: len(clause) - len(last_segment)]
                return self.phrases.last(head)
            weak = list(WEAK.finditer(last_segment))
            tail = last_segment[weak[-1].end() :] if weak else last_segment
            if not tail.strip() and weak and weak[-1].group(0).strip().lower() in ("and", "but"):
                previous = nearest_marker(
                    region[: len(region) - len(last_segment) + weak[-1].start()]
                )
                if previous is not None:
                    return self._subject_of(region, previous)
            who = self.phrases.phrase(tail) if tail.strip() else NONE
            if who.kind != "none":
                return who
        return self.phrases.subject(clause)

    # -- what a phrase resolves to ------------------------------------------------------------

    def _resolve(self, number: int, who: Who, how: str, context: str) -> Said:
        if who.kind in ("entity", "new") and who.entity:
            self.phrases.remember(who, number, who.sort == "group")
            new = ", a new name (proposed below)" if who.kind == "new" else ""
            return Said(who.entity, f"{how}: {who.label}{new}", "high", who)
        if who.kind == "pronoun":
            return self._pronoun(number, who.sort, how, context)
        if who.kind == "role":
            return self._role(number, who, how)
        if who.kind == "document":
            return self.documents.said(number, who, how)
        if who.kind == "unnamed":
            return self._unnamed_source(number, who, how)
        return Said(None, f"{how}, but no one is named", "low")

    def _unnamed_source(self, number: int, who: Who, how: str) -> Said:
        if (group := speaking_for(self.phrases, who)) is not None and group.entity:
            self.phrases.remember(group, number, True)
            reason = f"{how}: '{who.label}', speaking for {group.label}"
            return Said(group.entity, reason, "medium", group)
        return Said(None, f"{how}: an unnamed source ('{who.label}')", "high")

    def _role(self, number: int, who: Who, how: str) -> Said:
        entity = self.phrases.by_role(who)
        met = next((m for m in self.phrases.met.values() if m.id == entity), None)
        if met is not None:  # a new name first speaking by its role: propose it
            self.phrases.remember(Who("new", met.id, met.name, met.kind, met.role), number, False)
        if entity:
            return Said(entity, f"{how}: '{who.label}', the article's only {who.sort}", "medium")
        return Said(None, f"{how}: '{who.label}', a role given to no one else", "low")

    def _pronoun(self, number: int, pronoun: str, how: str, context: str) -> Said:
        """A subject of matching kind earlier in the sentence or the paragraph's last two,
        then a speaker earlier in the paragraph, then the previous paragraph's subject, else
        the last speaker; never merely the last name, nor one the article calls by the other
        pronoun. A person the article does not name ("the representative") stops the search:
        'he' is more likely them than anyone before."""
        wanted = ("person",) if pronoun in ("he", "she") else ("group", "country")
        said = self._in_sentences(number, pronoun, how, context, wanted)
        if said is not None:
            return said
        candidates: list[tuple[Who, str, bool]] = []
        if self.last_speaker and self.last_speaker[1] == number:
            candidates.append((self.last_speaker[0], f"{{}}, speaker before it in ¶{number}", True))
        subject = self.phrases.subject(self.previous)
        if subject.kind in ("entity", "new"):
            candidates.append((subject, f"{{}}, subject of ¶{number - 1}'s last sentence", True))
        if self.last_speaker:
            who, at = self.last_speaker
            candidates.append((who, f"last speaker {{}}, ¶{at}", at >= number - 1))
        for who, where, near in candidates:
            if who.sort not in wanted:
                continue
            if self._other_gender(who, pronoun):
                known = self.gender[who.entity or ""]
                reason = f"{how}: '{pronoun}', but {where.format(who.label)}, is '{known}'"
                return Said(None, reason, "low")
            reason = f"{how}: '{pronoun}' → {where.format(who.label)}"
            return self._agreed(Said(who.entity, reason, "medium" if near else "low", who), pronoun)
        return Said(None, f"{how}: '{pronoun}', but no speaker before it", "low")

    def _in_sentences(
        self, number: int, pronoun: str, how: str, context: str, wanted: tuple[str, ...]
    ) -> Said | None:
        """The subject of the sentence or the paragraph's last two sentences before it."""
        sentences = re.split(r"(?<=[.!?])\s+", context.strip())
        for sentence in reversed(sentences[-3:]):
            subject = self.phrases.subject(sentence)
            if subject.kind == "role" and (entity := self.phrases.by_role(subject)):
                who = Who("entity", entity, subject.label, "person")
            elif subject.kind in ("entity", "new") and subject.sort in wanted:
                who = subject
            elif subject.kind in ("role", "unnamed") and wanted == ("person",):
                reason = f"{how}: '{pronoun}' → '{subject.label}' just before, who is not named"
                return Said(None, reason, "low")
            else:
                mentions = self.phrases.mentions(sentence)
                found = [m[2] for m in mentions if not m[3] and m[2].sort in wanted]
                if not found or wanted == ("person",):
                    continue
                who = found[-1]
            if self._other_gender(who, pronoun):
                continue
            self.phrases.remember(who, number, who.sort != "person")
            reason = f"{how}: '{pronoun}' → {who.label}, subject just before"
            return self._agreed(Said(who.entity, reason, "medium", who), pronoun)
        return None

    def _other_gender(self, who: Who, pronoun: str) -> bool:
        known = self.gender.get(who.entity or "")
        return pronoun in ("he", "she") and known is not None and known != pronoun

    def _agreed(self, said: Said, pronoun: str) -> Said:
        """A person a 'he' or 'she' resolved to is, from then on, that."""
        if said.speaker and said.confidence != "low" and pronoun in ("he", "she"):
            self.gender.setdefault(said.speaker, pronoun)
        return said

    def _track(self, number: int, sentence: str) -> None:
        """The last speaker: the subject of any reporting verb, quoted or not."""
        for marker in VERBS_IN(sentence):
            if ACCORDING.fullmatch(marker.group(0)) or PARTICIPLE.fullmatch(marker.group(0)):
                continue
            who = self._subject_of(sentence[: marker.end()], marker)
            if who.kind in ("entity", "new") and who.sort != "country":
                self.last_speaker = (who, number)
            # "X said she would …": the pronoun opening the reported clause is its speaker's
            own = OWN_PRONOUN.match(sentence[marker.end() :])
            if own and own.group(1) == "her" and not SAYS.fullmatch(marker.group(0).lower()):
                own = None  # "told her": maybe someone else
            if own and who.kind in ("entity", "new") and who.sort == "person" and who.entity:
                self.gender.setdefault(who.entity, "he" if own.group(1) in ("he", "his") else "she")
        self.documents.named_in(self.phrases, sentence)
