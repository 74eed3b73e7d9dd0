"""The facts as data for re-use: `data/facts.json` (versioned) and CSV tables.

The JSON carries every record as the content model defines it, plus where each fact sits on
the site; the CSVs flatten what people most often load into a notebook or Datasette.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return as a
formula (`=HYPERLINK(...)`). As OWASP's CSV-injection advice says, every CSV field is quoted and
such a cell gets a leading `'`, which spreadsheets show as text; the JSON keeps values exact.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from generator.content.graph import Node
from generator.content.linking import Linked
from generator.model import urls
from generator.model.records import RECORD_TYPES

FORMAT = "explainer-facts"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
VERSION = 2  # 2: reports, disputes, dates, question history, references


# The files data_files makes, always together: they are made from the whole story.
DATA_FILES = ("data/facts.json", "data/statements.csv", "data/positions.csv", "data/questions.csv")
# The records each table has rows for, named by its first column: what `verify` checks.
TABLE_RECORDS = {
    "data/statements.csv": "statements",
    "data/positions.csv": "countries",
    "data/questions.csv": "questions",
}


def data_files(story: Linked, scheme: urls.Scheme) -> dict[str, str]:
    return {"data/facts.json": facts_json(story, scheme), **tables(story)}


def tables(story: Linked) -> dict[str, str]:
    """The CSV tables, by their path on the site."""
    return {
        "data/statements.csv": _csv(_statement_rows(story)),
        "data/positions.csv": _csv(_position_rows(story)),
        "data/questions.csv": _csv(_question_rows(story)),
    }


def facts_json(story: Linked, scheme: urls.Scheme) -> str:
    """Every record of every type in the registry, as the content model defines it; each
    statement also says where its card lives on the site (relative to the site's root).

    Each record is a line of its own: readable and diffable, and written by json's C encoder
    record by record (asking it to indent falls back to the pure-Python one, which took seconds
    on a big story, and would hold every record's data at once)."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    members = [f"  {dumps('format')}: {dumps(FORMAT)}", f"  {dumps('version')}: {VERSION}"]
    for collection in RECORD_TYPES:
        key = dumps(collection.key)
        if not collection.many:
            # The site settings are how the site looks, not facts of the story.
            facts = story.story.model_dump(mode="json", exclude={"site"})
            members.append(f"  {key}: {dumps(facts)}")
            continue
        nodes = story.graph.nodes[collection.name]
        extra = _EXTRA.get(collection.name)
        lines = []
        for record_id, record in story.records[collection.name].items():
            item = record.model_dump(mode="json")
            if extra is not None:
                item.update(extra(nodes[record_id], scheme))
            lines.append("    " + dumps(item))
        members.append(f"  {key}: [\n" + ",\n".join(lines) + "\n  ]" if lines else f"  {key}: []")
    return "{\n" + ",\n".join(members) + "\n}\n"


def _statement_extra(statement: Node, scheme: urls.Scheme) -> dict[str, Any]:
    return {
        "permalink": scheme.url_of(statement.home) + "#" + urls.statement_anchor(statement),
        "reported_by": [
            {"article": r.article.id, "paragraph": r.paragraph, "words": r.words}
            for r in statement.all_reports
        ],
    }


def _mentions_extra(node: Node, scheme: urls.Scheme) -> dict[str, Any]:
    return {"mentioned_in": [_source(source) for source in node.mentions]}


def _question_extra(question: Node, scheme: urls.Scheme) -> dict[str, Any]:
    return {"news_date": question.changed.isoformat() if question.changed else None}


def _article_extra(article: Node, scheme: urls.Scheme) -> dict[str, Any]:
    return {"permalink": scheme.url_of(article.own_page())}


# What the site adds to a record of these types, beyond the record as written.
_EXTRA: dict[str, Callable[[Node, urls.Scheme], dict[str, Any]]] = {
    "seeds": _article_extra,
    "statements": _statement_extra,
    "people": _mentions_extra,
    "groups": _mentions_extra,
    "countries": _mentions_extra,
    "questions": _question_extra,
}


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    fields = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet shows as text, never evaluates as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _statement_rows(story: Linked) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "kind": s.kind,
            "speaker_ids": ";".join(who.id for who in s.speakers),
            "speakers": ";".join(who.name for who in s.speakers),
            "text": " ".join(s.text.split()),
            "context": s.context or "",
            "article": s.source.article.id,
            "paragraph": s.source.paragraph,
            "reports": _sources(s.all_reports[1:]),
            "date": s.date.isoformat() if s.date else "",
            "disputed": "yes" if s.contested else "",
            "topics": ";".join(topic.id for topic in s.topics),
            "attribution": s.attribution,
        }
        for s in story.graph.statements.values()
    ]


def _position_rows(story: Linked) -> list[dict[str, Any]]:
    rows = []
    for country in story.graph.countries.values():
        for index, position in enumerate(country.positions):
            rows.append(
                {
                    "country_id": country.id,
                    "country": country.name,
                    "kind": country.kind,
                    "current": index == len(country.positions) - 1,
                    "stance": position.stance.id,
                    "stance_label": position.stance.label,
                    "summary": " ".join(position.summary.split()),
                    "date": position.date.isoformat() if position.date else "",
                    "sources": _sources(position.sources),
                }
            )
    return rows


def _question_rows(story: Linked) -> list[dict[str, Any]]:
    return [
        {
            "id": q.id,
            "question": q.question,
            "status": q.status,
            "as_of": q.changed.isoformat() if q.changed else "",
            "known": " ".join(q.known.split()),
            "statements": ";".join(statement.id for statement in q.statements),
            "sources": _sources(q.sources),
        }
        for q in story.graph.questions.values()
    ]


def _source(source: Node) -> dict[str, Any]:
    if source.reference is not None:
        return {"reference": source.reference.id}
    return {"article": source.article.id, "paragraph": source.paragraph}


def _sources(sources: list[Node]) -> str:
    """`article#paragraph` for an article, `reference:id` for a reference."""
    return ";".join(
        f"reference:{source.reference.id}"
        if source.reference
        else f"{source.article.id}#{source.paragraph}"
        for source in sources
    )
