"""Who a noun phrase names: a known entity, a new name, a pronoun, a role, a document, or an
unnamed source. The phrase is the subject region of a reporting verb, split at commas, so an
apposition ("the opposition leader, X,") and a relative clause (", who …,") are segments of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.authoring.drafting.ids import slug
from generator.authoring.drafting.organisations import (
    STATE,
    head_index,
    is_organisation,
    joins,
    kind_words,
    of_kind,
)
from generator.authoring.drafting.references import (
    agent_by,
    capitals,
    group_role,
    modified,
    people_for,
    without_adverb,
)
from generator.authoring.drafting.roles import TITLE_CHAIN, apposition, bare, title_before
from generator.authoring.drafting.who import (
    NONE,
    POSSESSIVE,
    Name,
    NewName,
    Who,
    country_speaking,
    head_of,
    organisation_around,
    possessive,
    spelled,
)
from generator.authoring.drafting.words import (
    ADVERBIAL,
    DETERMINERS,
    DOCUMENTS,
    OFFICE_HEADS,
    PARTICIPLE,
    PARTICLES,
    PRONOUNS,
    RELATIVE,
    TITLES,
    UNNAMED_HEADS,
    UNNAMED_LEAD,
    VERB,
    is_noun,
)

TOKEN = re.compile(r"[^\W\d_][\w’'-]*[\w’']|[^\W\d_]")
# The subject of a segment ends where its verb begins.
AUXILIARY = re.compile(
    rf"\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|"
    rf"do|{VERB.pattern}|{PARTICIPLE.pattern})\b",
    re.IGNORECASE,
)
PREPOSITIONS = {"at", "in", "from", "of", "to", "for", "with", "by", "on", "into", "near"}


# A role opening a sentence before its holder's name: "Harlan's chief executive, Oriel Tamsk".
LEADING_ROLE = re.compile(
    r"(?:^|[.!?;:]\s+)((?:[Tt]he|[A-Z][\w-]*[’']s)\s+[A-Za-z][\w’' -]{0,40}),\s*$"
)
# between a name and the organisation it belongs to: " of the campaign group "
OF_GROUP = re.compile(r"\s+(?:of|from)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}")
# what may stand between a relative pronoun's antecedent and it: an age, "of Place"
AFTER_ANTECEDENT = re.compile(
    r"[\s,\d]*|\s+(?:of|from|in)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s?)+[\s,]*"
)


@dataclass
class Phrases:
    """The article's names: the story's, and new ones met in its text."""

    names: list[Name]
    new: dict[str, NewName] = field(default_factory=dict)  # speakers to propose, by id
    met: dict[str, NewName] = field(default_factory=dict)  # every new full name, by surname
    roles: dict[str, set[str]] = field(default_factory=dict)  # entity -> title words
    seen: list[Who] = field(default_factory=list)  # groups named, in the order read
    group_roles: dict[str, list[Who]] = field(default_factory=dict)  # "regulator": its groups
    context: str = ""  # the paragraph's text before the phrase being read

    def __post_init__(self) -> None:
        ordered = sorted(self.names, key=lambda n: len(n.text), reverse=True)
        self.by_text = {n.text.casefold(): n for n in ordered}
        alternatives = "|".join(spelled(n.text) for n in ordered) or r"(?!)"
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    # -- finding names --------------------------------------------------------------------

    def mentions(self, text: str) -> list[tuple[int, int, Who, bool]]:
        """Every name in `text`: start, end, who, and whether it is a possessive modifier
        ("X's office", "the country's envoy")."""
        found: list[tuple[int, int, Who, bool]] = []
        taken: list[tuple[int, int]] = []
        for match in self.pattern.finditer(text):
            name = self.by_text[match.group(0).casefold()]
            who = Who("entity", name.entity, match.group(0), name.kind)
            found.append((match.start(), match.end(), who, possessive(text, match.end())))
            taken.append(match.span())
        for start, end, full in self._runs(text):
            inside = [(s, e) for s, e in taken if s < end and start < e]
            if inside and not organisation_around(full, start, end, inside):
                continue
            found = [m for m in found if (m[0], m[1]) not in inside]
            new = self._new_name(full, text[:start])
            if new is not None:
                found.append((start, end, new, possessive(text, end)))
        return sorted(found, key=lambda item: item[0])

    def _runs(self, text: str) -> list[tuple[int, int, str]]:
        """Runs of capitalised words ("Transport Minister Carys Pell"), each cut after its
        last title word, so what is left is the name."""
        runs: list[tuple[int, int, str]] = []
        tokens = list(TOKEN.finditer(text))
        index = 0
        while index < len(tokens):
            run = [tokens[index]]
            joined: set[int] = set()  # "of", "and" inside an organisation's name
            while (
                index + 1 < len(tokens) and text[run[-1].end() : tokens[index + 1].start()] == " "
            ):
                nxt = tokens[index + 1].group(0)
                if joins(text, tokens, index, run):  # "Ministry of Trade and Industry"
                    joined.add(tokens[index + 1].start())
                    run += tokens[index + 1 : index + 3]
                    index += 2
                    continue
                if not (nxt[0].isupper() or nxt in PARTICLES):
                    break
                run.append(tokens[index + 1])
                index += 1
            index += 1
            words = [
                t
                for t in run
                if t.group(0)[0].isupper() or t.group(0) in PARTICLES or t.start() in joined
            ]
            while words and words[0].group(0).casefold() in DETERMINERS:
                words = words[1:]  # "The Board": a sentence's first word is no name
            if not words or not words[0].group(0)[0].isupper():
                continue
            name = words[self._cut(words) :]
            if name:
                runs.append(
                    (name[0].start(), name[-1].end(), text[name[0].start() : name[-1].end()])
                )
        return runs

    def _cut(self, words: list[re.Match[str]]) -> int:
        """Where the name begins in a run: after its last title or known name ("Transport
        Minister Carys Pell"). An organisation's name keeps its titles and the known names
        that are part of it ("Skarra Island Council", "Kent Rowing Trust"), not an owner
        before it ("Kestria's Ministry of Ports", "the Orvish Ministry of Fisheries")."""
        head = head_index([w.group(0) for w in words])
        cut = 0
        if head >= 0:
            for position, token in enumerate(words[:head]):
                owner = POSSESSIVE.search(token.group(0)) or (
                    self._known(token.group(0)) and bare(words[head].group(0)).casefold() in STATE
                )
                if owner:
                    cut = position + 1
            return cut
        for position, token in enumerate(words):
            if bare(token.group(0)).casefold() in TITLES or self._known(token.group(0)):
                cut = position + 1
        return cut

    def _known(self, word: str) -> bool:
        return bare(word).casefold() in self.by_text

    def _new_name(self, full: str, before: str) -> Who | None:
        full = bare(full)
        words = full.split()
        if len(words) == 1:
            entry = self.met.get(full)  # the surname of a new name met before
            return Who("new", entry.id, full, entry.kind, entry.role) if entry else None
        previous = before.split()[-1:] or [""]
        organisation = head_index(words) >= 0
        if previous[0].casefold() in PREPOSITIONS or len(words) > (8 if organisation else 4):
            return None  # a place or an organisation after a preposition: not a subject
        if TITLE_CHAIN.search(before):
            return None  # "Minister of Fisheries and Coastal Affairs": a title's last words
        return Who("new", slug(full), full, "group" if organisation else "person")

    def remember(self, who: Who, paragraph: int, group: bool) -> None:
        """A new name that speaks: proposed as a new person (or group), once."""
        if who.kind != "new" or who.entity is None or who.entity in self.new:
            return
        met = next((m for m in self.met.values() if m.id == who.entity), None)
        name = met.name if met else who.label
        role = re.sub(r"^(?:the|a|an)\s+", "", who.role or (met.role if met else ""), flags=re.I)
        kind = "group" if group or is_organisation(name) else "person"
        where = [m[2].entity for m in self.mentions(role) if m[2].sort in ("country", "group")]
        affiliation = where[0] if where else None
        self.new[who.entity] = NewName(name, who.entity, role, paragraph, kind, affiliation)

    def learn(self, text: str, paragraph: int) -> None:
        """New full names, and title words written before a person's name ("Finance
        Minister X") or as an apposition ("X, the foreign minister,"): what a surname and
        a role reference can resolve to; capitals tied to their countries, and the roles
        appositions give groups ("the river's regulator")."""
        for capital, country in capitals(text):
            known = self.by_text.get(country.casefold())
            if known and known.kind == "country" and capital.casefold() not in self.by_text:
                self.names.append(Name(capital, known.entity, "country"))
                self.__post_init__()
        for start, end, who, _ in self.mentions(text):
            role = group_role(text[end:]) if who.sort == "group" else None
            if (
                role
                and who.entity
                and all(w.entity != who.entity for w in self.group_roles.get(role, []))
            ):
                self.group_roles.setdefault(role, []).append(who)
            # "Harlan's chief executive, Oriel Tamsk,": the role opens the sentence
            opened = LEADING_ROLE.search(text[:start]) if who.sort == "person" else None
            leading = opened.group(1) if opened else ""
            if who.kind == "new" and who.entity and " " in who.label:
                # a group is met by its whole name: "Ports" alone is not the Ministry of Ports
                surname = who.label.split()[-1] if who.sort == "person" else who.label
                role = title_before(text[:start]) or leading or apposition(text[end:])
                met = NewName(who.label, who.entity, role, paragraph, who.sort)
                self.met.setdefault(surname, met)
            if who.kind not in ("entity", "new") or who.sort != "person" or who.entity is None:
                continue
            before = text[max(0, start - 60) : start]
            # "The president's aide, X,": X's title is "aide", not the president's
            held = re.split(r"[’']s\s", leading)[-1].split()
            words = re.split(r"[,;:.]", before)[-1].split()[-4:] + held
            after = re.match(r",\s*((?:the|a|an)?\s*[^,.;]{2,50}),", text[end:])
            if after:
                words += after.group(1).split()
            titles = {bare(w).casefold() for w in words} & TITLES
            self.roles.setdefault(who.entity, set()).update(titles)

    # -- reading a phrase -----------------------------------------------------------------

    def subject(self, region: str) -> Who:
        """Who the subject region of a verb names: the first segment that is no adverbial
        nor relative clause; a role or an unnamed head followed by a named apposition is
        the name."""
        segments = [s.strip() for s in region.split(",")]
        segments = [s for s in segments if s and not ADVERBIAL.match(s) and not RELATIVE.match(s)]
        for index, segment in enumerate(segments):
            who = self.phrase(segment)
            if who.kind == "none":
                continue
            following = segments[index + 1] if index + 1 < len(segments) else ""
            if who.kind in ("role", "unnamed") and following:
                named = self.phrase(following)
                if named.kind in ("entity", "new"):
                    return Who(named.kind, named.entity, named.label, named.sort, segment)
            if who.kind in ("entity", "new") and not who.role:
                role = apposition(", " + following)
                return Who(who.kind, who.entity, who.label, who.sort, role)
            return who
        return NONE

    def phrase(self, segment: str) -> Who:
        """Who one segment names, in order of trust; the segment ends where its verb begins."""
        verbs = [m for m in AUXILIARY.finditer(segment) if not is_noun(segment, m.start() + 1)]
        segment = without_adverb(segment[: verbs[0].start()] if verbs else segment)
        words = [bare(w).casefold() for w in segment.split()]
        if not words:
            return NONE
        if words[0] in PRONOUNS and len(words) <= 3:
            return Who("pronoun", label=words[0], sort=words[0])
        mentions = self.mentions(segment)
        speakers = [m for m in mentions if not m[3] and m[2].sort != "country"]
        owner = next((m[2] for m in mentions if m[3] and m[2].sort != "country"), None)
        named = [m for m in speakers if m[2].sort in ("person", "group")]
        document = next((w for w in words[:5] if w in DOCUMENTS), None)
        if document and (not speakers or segment.casefold().find(document) < speakers[0][0]):
            # "the draft circulated by X": X wrote it, even when X is a country
            agent = [m[2] for m in mentions if re.search(r"\bby\s+(?:the\s+)?$", segment[: m[0]])]
            author = next(iter(agent), None) or next(
                (m[2] for m in mentions if m[2].sort != "country"), None
            )
            by = agent_by(segment) if author is None else None
            if by is not None and (found := self.phrase(by)).kind in ("entity", "new"):
                author = found  # "the resolution passed by the town council"
            return Who("document", author.entity if author else None, segment, document)
        if named:
            return self._named(head_of(named, segment), segment)
        if owner and words[-1] in OFFICE_HEADS | {"government"}:
            return owner  # "X's office said": X, through the office
        spoken = country_speaking(segment, words, mentions)
        group = None
        if spoken is None and words[0] in ("the", "its", "their") and len(words) <= 3:
            group = self._group_by_word(words[-1], mentions, words[1:-1])
        fallback = speakers[0][2] if speakers else NONE
        return spoken or group or self._unnamed(segment, words, mentions) or fallback

    def _group_by_word(
        self, word: str, mentions: list[tuple[int, int, Who, bool]], modifiers: list[str]
    ) -> Who | None:
        """ "the company", "the ministry": the last group of that kind named before (in the
        article's order), else the one group of the article with that word in its name; "the
        regulator": the one group an apposition called so. "the town council": with "town"."""
        if word not in kind_words():
            given = self.group_roles.get(word, [])
            return given[0] if len(given) == 1 and not modifiers else None
        named = self.mentions(self.context) + mentions
        earlier = self.seen + [m[2] for m in named if m[2].sort == "group" and m[2].entity]
        matching = [
            w
            for w in earlier
            if of_kind(word, self._forms(w)) and modified(modifiers, self._forms(w))
        ]
        if matching:
            return matching[-1]
        groups = {
            n.entity: Who("entity", n.entity, n.text, "group")
            for n in self.names
            if n.kind == "group"
            and word in n.text.casefold().split()
            and modified(modifiers, [n.text])
        }
        groups |= {
            e.id: Who("new", e.id, e.name, "group", e.role)
            for e in self.met.values()
            if word in e.name.casefold().split()
        }
        return next(iter(groups.values())) if len(groups) == 1 else Who("unnamed", label=word)

    def _forms(self, who: Who) -> list[str]:
        return [who.label, *(n.text for n in self.names if n.entity == who.entity)]

    def see(self, text: str) -> None:
        """The groups a paragraph names, for "the company" in the ones after it."""
        self.seen += [m[2] for m in self.mentions(text) if m[2].sort == "group" and m[2].entity]

    def _unnamed(
        self, segment: str, words: list[str], mentions: list[tuple[int, int, Who, bool]]
    ) -> Who | None:
        """An unnamed source ("a spokeswoman", "critics"), a role ("the chancellor"), or a
        country standing alone as the subject ("the country said")."""
        if words[0] in UNNAMED_LEAD or set(words) & UNNAMED_HEADS:
            return Who("unnamed", label=segment.strip())
        role = [w for w in words if w in TITLES]
        if role and (words[0] in DETERMINERS or mentions):
            return Who("role", label=segment.strip(), sort=" ".join(role))
        countries = [m[2] for m in mentions if not m[3]]
        return countries[0] if countries and len(words) <= 2 else None

    def _named(self, head: tuple[int, int, Who, bool], segment: str) -> Who:
        titles = [bare(w).casefold() for w in segment[head[1] :].split()]
        if titles and all(w in TITLES for w in titles):  # "Club FC owner": not the club
            return Who("role", label=segment, sort=" ".join(titles))
        return self._with_role(head, segment)

    def _with_role(self, mention: tuple[int, int, Who, bool], segment: str) -> Who:
        start, _, who, _ = mention
        role = segment[:start].strip(" ,")
        role = " ".join(w for w in role.split() if bare(w).casefold() not in DETERMINERS)
        return Who(who.kind, who.entity, who.label, who.sort, role or who.role)

    def last(self, text: str) -> Who:
        """The antecedent of a relative pronoun: the last name that is no possessive, or
        the name an "of" phrase qualifies ("Jo Venn of the group Tide Line, who …": Jo Venn)."""
        found = [m for m in self.mentions(text) if not m[3] and m[2].sort != "country"]
        if len(found) > 1 and OF_GROUP.fullmatch(text[found[-2][1] : found[-1][0]]):
            return found[-2][2]
        # "who" follows its antecedent: a name, then at most an age or "of Place"; words
        # after the last name ("spoke to Jo Venn", "the envoy") are an antecedent we can't name
        if found and AFTER_ANTECEDENT.fullmatch(text[found[-1][1] :]):
            return found[-1][2]
        words = text.split()
        if words and bare(words[-1]).casefold() in UNNAMED_LEAD | UNNAMED_HEADS:
            return Who("unnamed", label=words[-1])
        return NONE

    def by_role(self, who: Who) -> str | None:
        """The one person whose titles hold every title word of a role reference."""
        wanted = set(who.sort.split())
        found = [entity for entity, titles in self.roles.items() if wanted and wanted <= titles]
        return found[0] if len(found) == 1 else None


def speaking_for(phrases: Phrases, who: Who) -> Who | None:
    """The group or country an unnamed source speaks for, once named: "a spokeswoman for the
    firm", "officials at the agency". Only when no name follows as an apposition: "the
    representative of X, Ambassador Y," is Y (the caller has looked for one already)."""
    organisation = people_for(who.label)
    if organisation is None:
        return None
    found = phrases.phrase(organisation)
    return found if found.kind in ("entity", "new") and found.sort in ("group", "country") else None
