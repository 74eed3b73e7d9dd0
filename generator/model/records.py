"""The content model: one definition per record type, and where each type's files live.

Validation, the JSON Schema and the contributor guide's field tables all derive from these
classes (and the parts in `parts.py`), so a field's name, type and description are written
exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from generator.model.parts import (
    LANGUAGE_PATTERN,
    Colour,
    CountryRef,
    Dispute,
    EntityRef,
    Explanation,
    Id,
    IsoDate,
    KeyFact,
    Paragraph,
    QuestionRef,
    QuestionStatus,
    Record,
    Report,
    SiteDate,
    Source,
    Sources,
    StanceRef,
    StatementRef,
    Text,
    TopicRef,
    Update,
    Url,
)
from generator.model.sitesettings import SiteSettings


class Article(Record):
    """The sidecar `seeds/ID.yaml` beside each article `seeds/ID.txt`: what is known about it."""

    id: Id = Field(description="Same as the file name without extension.")
    label: Text = Field(
        description="A short description of the article written by the editors, shown "
        "wherever the real headline is not known."
    )
    title: Text | None = Field(description="The published headline, or `null` if not known.")
    outlet: Text | None = Field(description="Who published it, or `null` if not known.")
    url: Url | None = Field(description="Where it was published, or `null` if not known.")
    published: IsoDate | None = Field(
        description="Publication date (YYYY-MM-DD), or `null` if not known."
    )
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)] = Field(
        description="Language code of the text, such as `en`."
    )
    full_text_allowed: bool = Field(
        description="`true` only if the licence lets the site show the whole text; otherwise "
        "only the paragraphs that facts cite are shown."
    )
    author: Text | None = Field(
        default=None, description="The byline as printed, or `null` if not known."
    )
    via: Text | None = Field(
        default=None,
        description="Who first published it, when `outlet` republished it (such as a news "
        "agency), or `null`.",
    )
    accessed: IsoDate | None = Field(
        default=None, description="When the editors read and saved it (YYYY-MM-DD), or `null`."
    )
    excerpt: bool = Field(
        default=False,
        description="`true` when `seeds/ID.txt` holds only part of the article.",
    )


class Reference(Record):
    """`content/references.yaml`: a published page, not an article in `seeds/`, cited for a fact
    no article states (such as an event's date). Shown as a reference, never as an article."""

    id: Id = Field(description="Stable short id, such as `summit-programme`.")
    title: Text = Field(description="The page's title.")
    publisher: Text | None = Field(description="Who published it, or `null` if not known.")
    url: Url = Field(description="Where it is published.")
    published: IsoDate | None = Field(
        default=None, description="When it was published (YYYY-MM-DD), or `null`."
    )
    accessed: IsoDate = Field(description="When the editors read it (YYYY-MM-DD).")


class Story(Record):
    """`content/story.yaml`: the story as a whole."""

    title: Text = Field(
        description="The explainer's title; also the site's name, in every page's header."
    )
    issue: Text = Field(
        description="What the countries' positions are about, such as 'Funding the new bridge'."
    )
    summary: Text = Field(
        description="One paragraph: what happened, in the editors' words; also the site's "
        "description for search engines."
    )
    sources: list[Source] = Field(
        default=[],
        description="The paragraphs the summary rests on (required once `seeds/` holds an "
        "article; a story just started with `new-story` has none yet).",
    )
    updated: SiteDate = Field(
        description="When the facts were last checked (YYYY-MM-DD); it also dates the site, so "
        "it falls between 1970-01-01 and 2106-02-07."
    )
    key_facts: list[KeyFact] = Field(
        default=[],
        description="Optional: the few facts a reader needs first, each a short cited sentence; "
        "the home page opens with them (without them, with the summary).",
    )
    subject: CountryRef | None = Field(
        default=None,
        description="Optional: the id of the organisation the issue is about (such as the "
        "alliance the countries would form), shown on its own, never as one of its members.",
    )
    site: SiteSettings = Field(
        default=SiteSettings(),
        description="Optional: how the story's site looks and where it lives (language, "
        'colours, address, repository for Edit links, logo); see "Site settings".',
    )


class Person(Record):
    """`content/people.yaml`: a person who speaks or is spoken of."""

    id: Id = Field(description="Stable short id, lower case, such as `jane-doe`.")
    name: Text = Field(description="Canonical full name.")
    role: Text | None = Field(description="Role at the time, or `null` if not known.")
    affiliation: CountryRef | None = Field(
        description="Id of the country or organisation they belong to, or `null`."
    )
    aliases: list[Text] = Field(
        default=[], description="Other spellings, including the source's own misspellings."
    )
    sources: list[Source] = Field(
        default=[],
        description="Paragraphs that name the person or their role that no other fact about "
        "them cites (where they are mentioned is computed from every citation).",
    )


class Group(Record):
    """`content/groups.yaml`: a group or institution that speaks as one, such as a ministry."""

    id: Id = Field(description="Stable short id.")
    name: Text = Field(description="The name as a reader would know it.")
    affiliation: CountryRef | None = Field(
        description="Id of the country or organisation it belongs to, or `null`."
    )
    sources: list[Source] = Field(
        default=[],
        description="Paragraphs that mention the group that no other fact about it cites.",
    )


class Position(Record):
    """One dated, sourced stance of a country or organisation."""

    stance: StanceRef = Field(description="Id of the stance, from `stances.yaml`.")
    summary: Text = Field(description="The stance in one sentence, faithful to the source.")
    date: IsoDate | None = Field(description="When it was taken (YYYY-MM-DD), or `null`.")
    sources: Sources = Field(description="The paragraphs that state it.")
    disputes: list[Dispute] = Field(default=[], description="Where the sources differ on it.")


class StanceOption(Record):
    """`content/stances.yaml`: one possible stance on the story's issue, in display order."""

    id: Id = Field(description="Stable short id, such as `will-pay`.")
    label: Text = Field(description="Short label shown on badges, such as 'Will pay'.")
    description: Text = Field(description="One sentence on what the stance means.")
    colour: Colour = Field(
        description="Its badge colour, one no other stance has (the label is always shown too): "
        "`green`, `teal`, `blue`, `purple`, `pink`, `orange`, `red` or `olive`."
    )


class Country(Record):
    """`content/countries.yaml`: a country or organisation and its stance on the issue."""

    id: Id = Field(description="Stable short id, such as `ruritania`.")
    name: Text = Field(description="Common English name.")
    kind: Literal["country", "organisation"] = Field(description="`country` or `organisation`.")
    aliases: list[Text] = Field(default=[], description="Other names used in the sources.")
    positions: list[Position] = Field(
        description="Its stances, oldest first; the last is current, earlier ones are history. "
        "An empty list means the sources do not say."
    )
    sources: list[Source] = Field(
        default=[], description="Paragraphs that mention it that no other fact about it cites."
    )


class Statement(Record):
    """`content/statements.yaml`: one thing someone said, quoted or reported."""

    id: Id = Field(description="Stable short id, such as `doe-bridge-cost`.")
    kind: Literal["direct", "reported"] = Field(
        description="`direct`: `text` is the exact quotation. `reported`: `text` is a faithful "
        "paraphrase of indirect speech."
    )
    speakers: Annotated[list[EntityRef], Field(min_length=1)] = Field(
        description="Ids of who said it (people, groups, countries or organisations)."
    )
    text: Text = Field(
        description="For `direct`, the words exactly as in the cited paragraph; for `reported`, "
        "the paraphrase."
    )
    context: Text | None = Field(
        default=None, description="Optional: the question or occasion, in the editors' words."
    )
    source: Paragraph = Field(description="The paragraph that holds the statement, as in `text`.")
    reports: list[Report] = Field(
        default=[], description="Other articles that report the same statement."
    )
    date: IsoDate | None = Field(
        default=None, description="When it was said (YYYY-MM-DD), if a source gives the date."
    )
    when: Text | None = Field(
        default=None, description="When it was said, as the source puts it (such as 'on Tuesday')."
    )
    disputes: list[Dispute] = Field(default=[], description="Where the sources differ on it.")
    topics: list[TopicRef] = Field(default=[], description="Ids of topics from `topics.yaml`.")
    attribution: Literal["clear", "ambiguous"] = Field(
        default="clear",
        description="`ambiguous` when the source leaves unclear who said it; explain in "
        "`attribution_note`.",
    )
    attribution_note: Text | None = Field(
        default=None, description="Why the attribution is uncertain (needed when ambiguous)."
    )
    readings: list[list[Id]] | None = Field(
        default=None,
        description="Optional, for an ambiguous attribution: who may have said it, one list of "
        "speaker ids per reading the sources allow, such as `[[doe], [roe, doe]]` for "
        "'Doe alone, or Roe and Doe together'; each id is one of `speakers` and "
        "each speaker is in some reading. Without it the speakers read as 'A or B'.",
    )

    @model_validator(mode="after")
    def _ambiguity_is_explained(self) -> Statement:
        if self.attribution == "ambiguous" and self.attribution_note is None:
            raise PydanticCustomError(
                "note_needed", "an ambiguous attribution needs an `attribution_note` saying why"
            )
        return self

    @property
    def all_reports(self) -> list[Report]:
        """Every report, the first (`source`, in `text`'s words) included."""
        first = Report(article=self.source.article, paragraph=self.source.paragraph)
        return [first, *self.reports]

    @property
    def contested(self) -> bool:
        """Whether the sources leave open who said it: never name one author."""
        disputed = any(a.speakers for d in self.disputes for a in d.accounts)
        return self.attribution == "ambiguous" or disputed


class Question(Record):
    """`content/questions.yaml`: a question the sources leave open, and what is known."""

    id: Id = Field(description="Stable short id, such as `bridge-cost`.")
    question: Text = Field(description="The question, as a reader would ask it.")
    status: QuestionStatus = Field(
        description="`open`, `partly answered`, `answered` or `moot` (shown as 'No longer "
        "relevant')."
    )
    known: Text = Field(description="What the sources say so far, in the editors' words.")
    as_of: IsoDate | None = Field(
        default=None,
        description="The date of the news that gave the current `status` and `known`; leave it "
        "out to use the latest publication date of the articles they cite.",
    )
    history: list[Update] = Field(
        default=[],
        description="Earlier states, oldest first: each change of status or answer, dated "
        "and cited. Add the old state here when you update `status` or `known`.",
    )
    statements: list[StatementRef] = Field(
        default=[], description="Ids of statements that bear on it."
    )
    related: list[QuestionRef] = Field(default=[], description="Ids of related questions.")
    sources: Sources = Field(description="The paragraphs that `known` rests on.")
    disputes: list[Dispute] = Field(default=[], description="Where the sources differ on it.")


class Event(Record):
    """`content/events.yaml`: one event on the timeline, listed in the order they happened."""

    id: Id = Field(description="Stable short id.")
    title: Text = Field(description="What happened, in a few words.")
    when: Text = Field(description="When, as the source puts it (such as 'Tuesday evening').")
    date: IsoDate | None = Field(description="The calendar date (YYYY-MM-DD), or `null`.")
    date_sources: list[Source] = Field(
        default=[],
        description="Where the calendar date comes from, when `sources` do not give it: an "
        "article paragraph or a reference.",
    )
    description: Text = Field(description="One or two sentences, faithful to the source.")
    participants: list[EntityRef] = Field(
        default=[], description="Ids of people, groups, countries or organisations involved."
    )
    sources: Sources = Field(description="The paragraphs that report it.")
    disputes: list[Dispute] = Field(default=[], description="Where the sources differ on it.")


class Term(Record):
    """`content/glossary.yaml`: a term a reader may not know; shown as a tooltip where it occurs."""

    id: Id = Field(description="Stable short id.")
    term: Text = Field(description="The term as it appears in text.")
    aliases: list[Text] = Field(default=[], description="Other forms that get the same tooltip.")
    definition: Text | None = Field(
        default=None,
        description="What it means in this story, as the sources define it; leave it out where "
        "they use the term without saying what it means (write `usage` instead).",
    )
    usage: Text | None = Field(
        default=None,
        description="How the sources use the term, where they do not define it (such as "
        "'the mayor says the council will set them up after the vote'); shown as how the "
        "article uses it, never as its meaning.",
    )
    explanation: Explanation | None = Field(
        default=None,
        description="Optional: the editors' plain-language explanation of the term, shown marked "
        "as the editors' and apart from what the sources say; it cites a reference.",
    )
    sources: Sources = Field(description="The paragraphs the definition or usage rests on.")


class Topic(Record):
    """`content/topics.yaml`: a theme to browse statements by."""

    id: Id = Field(description="Stable short id.")
    name: Text = Field(description="Short name.")
    description: Text = Field(description="One sentence on what it covers.")


class Correction(Record):
    """`content/corrections.yaml`: a fact the site got wrong, and what was changed."""

    id: Id = Field(description="Stable short id, such as `2026-11-25-role`.")
    date: IsoDate = Field(description="When the correction was made (YYYY-MM-DD).")
    summary: Text = Field(description="What was wrong and what it says now.")
    sources: list[Source] = Field(
        default=[], description="The paragraphs that show the corrected fact, if any."
    )


@dataclass(frozen=True)
class Collection:
    """One record type, and everything the pipeline needs to know about it: the registry row.

    Load, validate, link, the JSON Schemas, the contributor reference, the record pages, the
    data downloads and the search index all iterate over `RECORD_TYPES`, so a new type is one
    class and one row here (and a template if its records get pages): none can be forgotten.
    ARCHITECTURE.md ("Adding a record type") walks through adding one.
    """

    name: str  # its file `content/NAME.yaml` or folder `content/NAME/`; "seeds" for articles
    model: type[Record]
    record: str  # what one record is called in messages
    many: bool = True  # a list of records, or one record
    namespaces: tuple[str, ...] = ()  # the reference namespaces its ids answer to (see Ref)
    folder: str | None = None  # where its records' own pages live, if they have pages
    template: str | None = None  # the template of those pages
    jsonld: str | None = None  # the schema.org type its records are described as
    export: str | None = None  # its key in data/facts.json (default: its name)
    label: str = "name"  # the field that names one record, as its page's JSON-LD name

    @property
    def key(self) -> str:
        return self.export or self.name


STORY = Collection("story", Story, "story", many=False)
ARTICLES = Collection(
    "seeds", Article, "article", namespaces=("article",), folder="sources",
    template="article.md.j2", jsonld="NewsArticle", export="articles", label="label",
)  # fmt: skip
# Content files, in the order they are validated and exported.
COLLECTIONS: tuple[Collection, ...] = (
    STORY,
    Collection(
        "people", Person, "person", namespaces=("entity",), folder="people",
        template="person.md.j2", jsonld="Person",
    ),
    Collection(
        "groups", Group, "group", namespaces=("entity",), folder="people",
        template="person.md.j2", jsonld="Organization",
    ),
    Collection(
        "countries", Country, "country", namespaces=("entity", "country"), folder="countries",
        template="country.md.j2", jsonld="Country",
    ),
    Collection("stances", StanceOption, "stance", namespaces=("stance",)),
    Collection("statements", Statement, "statement", namespaces=("statement",), jsonld="Quotation"),
    Collection(
        "questions", Question, "question", namespaces=("question",), folder="questions",
        template="question.md.j2", jsonld="Question", label="question",
    ),
    Collection("events", Event, "event"),
    Collection("glossary", Term, "glossary term"),
    Collection(
        "topics", Topic, "topic", namespaces=("topic",), folder="topics",
        template="topic.md.j2", jsonld="WebPage",
    ),
    Collection("references", Reference, "reference", namespaces=("reference",), label="title"),
    Collection("corrections", Correction, "correction"),
)  # fmt: skip
# Every record type: the content files, and the articles' sidecars in seeds/.
RECORD_TYPES: tuple[Collection, ...] = (STORY, ARTICLES, *COLLECTIONS[1:])
REGISTRY: dict[str, Collection] = {c.name: c for c in RECORD_TYPES}
