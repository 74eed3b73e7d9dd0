"""The parts records are made of: field types (dates, ids, text, addresses), references
between records, citations, reports of a statement and disputes between sources.

`model.py` builds the record types from these; both modules' descriptions feed validation, the
JSON Schemas and the contributor guide's field tables.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from generator.model.characters import FORBIDDEN, describe
from generator.model.sitedate import unstampable

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: object) -> object:
    if not isinstance(value, str):
        return value  # pydantic then reports the wrong type
    if not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError(
            "iso_date", "'{value}' is not a date: write it as YYYY-MM-DD", {"value": value}
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "iso_date", "'{value}' is not a real calendar date", {"value": value}
        ) from None


def _dates_the_site(value: dt.date) -> dt.date:
    why = unstampable(value)
    if why is not None:
        raise PydanticCustomError("site_date", why)
    return value


def _no_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be blank")
    return value


def _plain_characters(value: str) -> str:
    found = FORBIDDEN.search(value)
    if found:
        raise PydanticCustomError(
            "forbidden_character",
            "contains the invisible character {character}: delete it",
            {"character": describe(found.group())},
        )
    return value


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference the link stage resolves. Namespaces: `article`,
    `entity` (people, groups, countries and organisations share one), `country`, `statement`,
    `topic`, `stance`, `question`, `reference`."""

    namespace: str


def ref_of(info: FieldInfo) -> Ref | None:
    """The reference namespace of a field, wherever its `Ref` sits (list item, optional)."""
    found = [m for m in info.metadata if isinstance(m, Ref)]
    stack: list[object] = [info.annotation]
    while stack and not found:
        annotation = stack.pop()
        found = [m for m in getattr(annotation, "__metadata__", ()) if isinstance(m, Ref)]
        stack.extend(typing.get_args(annotation))
    return found[0] if found else None


@cache
def fields_of(model: type[BaseModel]) -> tuple[tuple[str, Ref | None], ...]:
    """Each field of a record type with its reference namespace (`ref_of`), worked out once per
    type: the link stage asks about every field of every record."""
    return tuple((name, ref_of(info)) for name, info in model.model_fields.items())


IsoDate = Annotated[dt.date, BeforeValidator(_parse_date)]
# A date that also stamps the built site (generator/model/sitedate.py), so within what it can hold.
SiteDate = Annotated[IsoDate, AfterValidator(_dates_the_site)]
Text = Annotated[str, AfterValidator(_no_blank), AfterValidator(_plain_characters)]
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
URL_PATTERN = r"^https?://[^\s\"<>\\^`{|}]+$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
# Segments of letters, digits, `-` and `_`, with single dots inside them: never `..`.
BRANCH_PATTERN = (
    r"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*(/[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)*$"
)
LOGO_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_-]*\.png$"
# A site's own address: a host, a port and a plain path, nothing a page could read otherwise (no
# user or password, query, fragment, entity or quotation mark).
SITE_URL_PATTERN = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?$"
# What each pattern expects, in a contributor's words: messages say this, never the regex.
PATTERN_HELP = {
    ID_PATTERN: "is not a valid id: use lower-case letters, digits, '-' and '_', starting with "
    "a letter or digit (such as `jane-doe`)",
    URL_PATTERN: "is not a web address: it must start with http:// or https:// and hold no "
    'spaces and none of " < > \\ ^ ` { | } (write them as %22, %3C and so on)',
    LANGUAGE_PATTERN: "is not a language code: write a code such as `en`, `fr` or `pt-BR`",
    BRANCH_PATTERN: "is not a branch name: use letters, digits and `. _ / -` (never `..`), "
    "such as `main`",
    LOGO_PATTERN: "is not a logo file: name a .png file in the story's folder, such as "
    "`logo.png` (letters, digits, `-` and `_`; no folders)",
    SITE_URL_PATTERN: "is not a site's address: write the scheme, the host and a plain path, "
    "such as https://example.org/story/ (no user name, query, fragment, `&` or quotation mark)",
}
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
ArticleRef = Annotated[Id, Ref("article")]
EntityRef = Annotated[Id, Ref("entity")]
CountryRef = Annotated[Id, Ref("country")]
StatementRef = Annotated[Id, Ref("statement")]
TopicRef = Annotated[Id, Ref("topic")]
StanceRef = Annotated[Id, Ref("stance")]
QuestionRef = Annotated[Id, Ref("question")]
ReferenceRef = Annotated[Id, Ref("reference")]
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN), AfterValidator(_plain_characters)]

QuestionStatus = Literal["open", "partly answered", "answered", "moot"]
# The stances' colours: each passes contrast in both palettes, and no other badge uses one.
Colour = Literal["green", "teal", "blue", "purple", "pink", "orange", "red", "olive"]


class Record(BaseModel):
    """Strict: no unknown keys, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Record):
    """Where a fact comes from: one numbered paragraph of one article in `seeds/`, or a
    reference from `references.yaml` (`{reference: ID}`) for a fact no article states."""

    article: ArticleRef | None = Field(
        default=None, description="The article's id: its file name in `seeds/` without `.txt`."
    )
    paragraph: int | None = Field(
        default=None,
        ge=1,
        description="The paragraph number, counting non-empty lines of the text from 1.",
    )
    reference: ReferenceRef | None = Field(
        default=None,
        description="Instead of `article` and `paragraph`: the id of a reference from "
        "`references.yaml`.",
    )

    @model_serializer(mode="wrap")
    def _either_kind(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """`{article, paragraph}` or `{reference}` in data, as contributors write it."""
        return {key: value for key, value in handler(self).items() if value is not None}

    @model_validator(mode="after")
    def _article_or_reference(self) -> Source:
        if self.reference is not None:
            if self.article is not None or self.paragraph is not None:
                raise PydanticCustomError(
                    "source_kind",
                    "cite either an article and paragraph or a reference, not both",
                )
        elif self.article is None or self.paragraph is None:
            raise PydanticCustomError(
                "source_kind",
                "a source needs both `article` and `paragraph` (or a `reference` alone)",
            )
        return self


class Paragraph(Record):
    """Where a statement is reported: one numbered paragraph of one article (never a reference:
    what someone said is proved against the article that reports it)."""

    @model_validator(mode="before")
    @classmethod
    def _not_a_reference(cls, data: Any) -> Any:
        if isinstance(data, dict) and "reference" in data:
            raise PydanticCustomError(
                "statement_reference",
                "what someone said is cited by the article paragraph that reports it, never by "
                "a reference: write {article: ID, paragraph: N}",
            )
        return data

    article: ArticleRef = Field(
        description="The article's id: its file name in `seeds/` without `.txt`."
    )
    paragraph: int = Field(
        ge=1, description="The paragraph number, counting non-empty lines of the text from 1."
    )


class Report(Paragraph):
    """Another article's report of the same statement."""

    text: Text | None = Field(
        default=None,
        description="For a `direct` statement, the words as this article gives them, only when "
        "they differ from the statement's `text` in words (differences of quotation marks, "
        "apostrophes, dashes, ellipses and spacing need none).",
    )


Sources = Annotated[list[Source], Field(min_length=1)]


class Account(Record):
    """One side of a dispute: what some of the sources say."""

    says: Text = Field(description="What these sources say, in the editors' words.")
    speakers: list[EntityRef] = Field(
        default=[],
        description="For a statement: who these sources say said it (each among its `speakers`).",
    )
    stance: StanceRef | None = Field(
        default=None, description="For a position: the stance these sources give."
    )
    sources: Sources = Field(description="The paragraphs that say it.")


class Dispute(Record):
    """A point where the sources differ: each side, with its sources. Nothing is resolved."""

    about: Text = Field(description="What the sources differ on, such as 'Who said it'.")
    accounts: Annotated[list[Account], Field(min_length=2)] = Field(
        description="At least two accounts, one per side."
    )


class Explanation(Record):
    """The editors' plain-language explanation of a glossary term: their words, not the
    article's, so it is cited to a published reference (`{reference: ID}`), never to the article
    whose use of the term it explains."""

    text: Text = Field(description="The explanation, in plain language.")
    sources: Sources = Field(
        description="The references it rests on, each `{reference: ID}` from `references.yaml`."
    )


class KeyFact(Record):
    """One of the story's key facts: a short sentence the home page opens with, cited."""

    text: Text = Field(description="The fact in one short sentence, no stronger than its sources.")
    sources: Sources = Field(description="The paragraphs that state it.")


class Update(Record):
    """One earlier state of a question: what was known, and when."""

    date: IsoDate | None = Field(description="When the news came (YYYY-MM-DD), or `null`.")
    status: QuestionStatus = Field(description="The status then.")
    known: Text = Field(description="What the sources said then, in the editors' words.")
    sources: Sources = Field(description="The paragraphs it rests on.")
