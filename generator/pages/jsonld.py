"""JSON-LD (schema.org) for each page's head, built from the story's resolved graph.

The JSON is made safe to sit inside a `<script>` element and in front matter: `<`, `>` and `&`
are escaped as unicode sequences, so no value can close the element, and so are the line
breaks YAML honours and JSON does not escape (see generator/pages/text.py, the list of sinks).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.content.graph import Graph, Node, nodes_of
from generator.model.records import Country, Group, Person
from generator.model.sections import Section
from generator.pages.text import safe_json_breaks

CONTEXT = "https://schema.org"


def script_json(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return safe_json_breaks(text)


def graph(*nodes: dict[str, Any]) -> str:
    return script_json({"@context": CONTEXT, "@graph": list(nodes)})


def thing(record: Node) -> dict[str, Any]:
    """A record of a type without a description of its own: its type and its name."""
    collection = record.collection
    assert collection is not None and collection.jsonld is not None
    return {"@type": collection.jsonld, "name": getattr(record, collection.label)}


def news_article(article: Node) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "NewsArticle", "name": article.title or article.label}
    node["inLanguage"] = article.language
    if article.title:
        node["headline"] = article.title
    if article.url:
        node["url"] = article.url
    if article.published:
        node["datePublished"] = article.published.isoformat()
    if article.outlet:
        node["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        node["author"] = {"@type": "Person", "name": article.author}
    if article.via:
        node["sourceOrganization"] = {"@type": "Organization", "name": article.via}
    return node


def agent(entity: Node) -> dict[str, Any]:
    if isinstance(entity.record, Person):
        node: dict[str, Any] = {"@type": "Person", "name": entity.name}
        if entity.role:
            node["jobTitle"] = entity.role
        if entity.aliases:
            node["alternateName"] = list(entity.aliases)
        if entity.affiliation:
            node["affiliation"] = agent(entity.affiliation)
        return node
    if isinstance(entity.record, Country) and entity.kind == "country":
        return {"@type": "Country", "name": entity.name}
    node = {"@type": "Organization", "name": entity.name}
    if isinstance(entity.record, Group) and entity.affiliation:
        node["parentOrganization"] = agent(entity.affiliation)
    return node


def quotation(statement: Node) -> dict[str, Any]:
    """A direct statement. Where the sources leave open who said it (an ambiguous or disputed
    attribution) it names no creator: naming one would settle what the sources do not."""
    node: dict[str, Any] = {"@type": "Quotation", "text": " ".join(statement.text.split())}
    if not statement.contested:
        creators = [agent(speaker) for speaker in statement.speakers]
        node["creator"] = creators[0] if len(creators) == 1 else creators
    articles = [news_article(r.article) for r in statement.all_reports]
    node["isBasedOn"] = articles[0] if len(articles) == 1 else articles
    if statement.date:
        node["dateCreated"] = statement.date.isoformat()
    return node


def question(item: Node) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Question",
        "name": item.question,
        "text": item.question,
        "answerCount": 0,
        "description": " ".join(item.known.split()),
    }
    if item.status == "answered":  # what the sources say now answers it
        node["answerCount"] = 1
        node["acceptedAnswer"] = {"@type": "Answer", "text": node["description"]}
    if item.changed:  # the date of the latest news on it, not of an edit
        node["dateModified"] = item.changed.isoformat()
    return node


def entity_page(entity: Node) -> str:
    quotes = [quotation(st) for st in entity.said if st.kind == "direct"]
    return graph(agent(entity), *quotes)


def share_page(statement: Node, title: str, description: str) -> str:
    """A statement's share page: the quotation itself, or the page that reports a paraphrase."""
    if statement.kind == "direct":
        return graph(quotation(statement))
    return graph({"@type": "WebPage", "name": title, "description": description})


def question_page(item: Node) -> str:
    quotes = [quotation(st) for st in item.statements if st.kind == "direct"]
    return graph(question(item), *quotes)


def listing_page(story: Graph, section: Section, entries: list[Node] | None = None) -> str:
    """A section's page, as its registry row says: the page itself, of the row's schema.org
    type, or the records it lists (`entries`, where the listing is split into numbered pages,
    else every record of the collections it lists), each described as itself."""
    if section.jsonld is not None:
        return web_page(story, section.jsonld)
    if entries is None:
        entries = nodes_of(story, section.lists)
    return graph(*(_described(node) for node in entries))


def web_page(story: Graph, kind: str = "WebPage") -> str:
    """A page described as what page it is, named by the story."""
    return graph({"@type": kind, "name": story.story.title, "inLanguage": _language(story)})


def _language(story: Graph) -> str:
    return str(next(iter(story.articles.values())).language) if story.articles else "en"


def _described(node: Node) -> dict[str, Any]:
    collection = node.collection
    return _LISTED.get(collection.name if collection else "", thing)(node)


# How a listed record is described, by its collection; any other, by the registry's `jsonld`.
_LISTED: dict[str, Callable[[Node], dict[str, Any]]] = {
    "people": agent,
    "groups": agent,
    "countries": agent,
    "questions": question,
    "seeds": news_article,
}
