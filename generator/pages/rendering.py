"""Stage 4, render: every page as Markdown text, in memory. Nothing is written here.

Templates hold presentation; this module decides which pages exist, with what records, and
gives each page a `Links` object that knows how to reach everything else from where it stands.

A page reads the story two ways only, the seam the live preview records through: the graph's
nodes (the records it is given, and `s`, the graph), and one `PageInputs` (inputs.py), which
supplies every template global and filter that reads story data outside a node (citation names,
quotation marks, the glossary) and tells rendering where each record was written. Every other
global is the same whatever the story. Given inputs and a graph made with a `Recorder`
(generator/live/incremental.py does), each page's reads are told to it as they happen; `pages`
asks `wanted` before making each file, so the recorder knows which file is reading.
"""

from __future__ import annotations

import posixpath
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, get_args

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from generator.content.graph import Graph, Node, nodes_of
from generator.content.linking import Linked
from generator.model import urls
from generator.model.parts import QuestionStatus
from generator.model.records import RECORD_TYPES
from generator.model.sections import SECTIONS, Section
from generator.pages import jsonld as structured
from generator.pages import prose, summary, views
from generator.pages.card import Cards
from generator.pages.chart import positions_picture
from generator.pages.citations import Citations, article_name, with_cites
from generator.pages.downloads import DATA_FILES, VERSION, data_files
from generator.pages.feed import feed_file
from generator.pages.inputs import PageInputs
from generator.pages.moved import moved_pages
from generator.pages.share import share_pages
from generator.pages.text import (
    finalize,
    front_matter,
    heading_id,
    json_front_matter,
    markdown_inline,
    plural,
)

TEMPLATES = Path(__file__).parent / "templates"
CARD_LIMIT = 12  # statement cards on a listing page; the next ones are one line each,
LINE_LIMIT = 60  # up to this many; the rest are counted, and live on their speakers' pages
OVERVIEW_LIMIT = 400  # above this many statements, "who said what" lists speakers only
HOME_LIMIT = 8  # questions listed on the home page under "what we know" and "what we don't"
HOME_ARTICLES = 100  # articles the home page lists (the latest), where a story has more
CITED_LIMIT = 250  # other facts named under a cited paragraph of an article; the rest counted


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page being rendered (`here`) to anything on the site."""

    here: str
    scheme: urls.Scheme

    def page(self, page: str, anchor: str | None = None) -> str:
        return self.scheme.relative(self.here, page, anchor)

    def section(self, name: str, anchor: str | None = None) -> str:
        """A section's page, by its name in the registry (model/sections.py): templates never
        spell a section's path. An unknown name stops the render, naming the known ones."""
        return self.page(urls.section_page(name), anchor)

    def to(self, node: Node) -> str:
        """The page of a record that has one (a person, a country, an article…)."""
        return self.page(node.own_page())

    def source(self, source: Node, quoted: str | None = None) -> str:
        """A cited paragraph of an article (at the `quoted` words' anchor, where given), or a
        reference's entry on the sources page."""
        if source.reference is not None:
            anchor = urls.record_anchor("reference", source.reference.id)
            return self.page(source.reference.listed_on, anchor)
        anchor = quoted or urls.paragraph_anchor(source.paragraph)
        return self.page(source.article.own_page(), anchor)

    def fact(self, node: Node) -> str:
        """Where any fact is shown: its own page, or its entry on its section's page."""
        return self.page(*views.fact_place(node))

    def statement(self, statement: Node) -> str:
        """The permalink: the statement on its home, its first speaker's page."""
        return self.page(statement.home, urls.statement_anchor(statement))

    def share(self, statement: Node) -> str:
        """The statement's share page, which names it in link previews (the card's Permalink)."""
        return self.page(urls.share_page(statement))

    def is_home(self, statement: Node) -> bool:
        """Whether this page is the statement's home, the one place search indexes it."""
        return bool(self.here == statement.home)

    def co_speakers(self, statement: Node) -> list[Node] | None:
        """On the page of one of a statement's speakers, the others (the page says who it is
        about, so its cards need not); on any other page, None."""
        if all(speaker.page != self.here for speaker in statement.speakers):
            return None
        return [speaker for speaker in statement.speakers if speaker.page != self.here]

    def cards(self, statements: list[Node], limit: int) -> tuple[list[Node], list[Node]]:
        """A listing's statements shown as cards, and the rest (one line each): the first
        `limit`, plus every one whose home is this page, so that its permalink finds its card."""
        cards = [st for i, st in enumerate(statements) if i < limit or self.is_home(st)]
        shown = {id(st) for st in cards}
        return cards, [st for st in statements if id(st) not in shown]

    def file(self, path: str) -> str:
        """A static file (not a page), such as a download."""
        return posixpath.relpath(path, self.scheme.folder_of(self.here) or ".")


def slug(text: object) -> str:
    return "-".join(str(text).split())


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, keyed by each template's
    source: a new story's environment (as `serve` makes on every edit) skips compiling them
    again, which is most of what regenerating a small story costs."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()


def environment(inputs: PageInputs, *, cached: bool = True) -> Environment:
    """The templates' environment: the story's graph as `s`, and the globals and filters of
    `inputs` (every read of story data outside nodes); the rest read no story data but through
    them (`citations` names articles and finds marks with the calls of `inputs`). `cached` false
    (--no-cache) compiles every template afresh instead of reading COMPILED_TEMPLATES
    (generator/caches.py)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=COMPILED_TEMPLATES if cached else None,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(
        md=markdown_inline,
        fm=front_matter,
        fm_json=json_front_matter,
        long_date=prose.long_date,
        anchor=heading_id,
        alphabetical=views.alphabetical,
        **inputs.template_filters(),
    )
    citations = Citations(inputs.story.graph, inputs.cite_name, inputs.quoted_at)
    env.globals.update(
        s=inputs.story.graph,
        article_name=article_name,
        fact_name=views.fact_name,
        cited_groups=views.cited_groups,
        citations=citations,
        statement_card=Cards(citations, inputs.gloss, inputs.cite_name),
        time_tag=prose.time_tag,
        unknown=prose.unknown,
        usage_lead=prose.usage_lead,
        status_label=views.status_label,
        article_credit=prose.article_credit,
        speaker_list=prose.speaker_list,
        said_count=prose.said_count,
        question_statuses=get_args(QuestionStatus),
        news=prose.news,
        with_cites=with_cites,
        date_span=prose.date_span,
        citing_statements=prose.citing_statements,
        by_speakers=views.by_speakers,
        plural=plural,
        record_types=RECORD_TYPES,
        feed_file=urls.FEED_FILE,
        paragraph_anchor=urls.paragraph_anchor,
        record_anchor=urls.record_anchor,
        page_slug=urls.page_slug,
        title_id=urls.TITLE_ID,
        slug=slug,
        data_version=VERSION,
        card_limit=CARD_LIMIT,
        line_limit=LINE_LIMIT,
        overview_limit=OVERVIEW_LIMIT,
        home_limit=HOME_LIMIT,
        cited_limit=CITED_LIMIT,
        **inputs.template_globals(),
    )
    return env


def render(
    story: Linked,
    scheme: urls.Scheme = urls.DIRECTORY_URLS,
    wanted: Callable[[str], bool] | None = None,
    inputs: PageInputs | None = None,
    *,
    cached: bool = True,
) -> dict[str, str]:
    """All files by their path under the docs folder (see `pages`)."""
    return dict(pages(story, scheme, wanted, inputs, cached=cached))


def pages(
    story: Linked,
    scheme: urls.Scheme = urls.DIRECTORY_URLS,
    wanted: Callable[[str], bool] | None = None,
    inputs: PageInputs | None = None,
    *,
    cached: bool = True,
) -> Iterator[tuple[str, str]]:
    """Every file under the docs folder, one at a time (path, text): pages from templates, then
    data files, then share pages, old addresses' pages and the feed, linked as the site serves
    its pages (`scheme`). One at a time, so a big story's site need not be held in memory whole.
    Which pages exist, and that no two share a path, the link stage has decided. With `wanted`,
    only the files it accepts are made (it is asked just before each one is made:
    generator/live/incremental.py records what each reads).

    Pages read the story through its graph's nodes and through `inputs` alone (made here when
    not given): the live preview gives a graph and inputs made with its recorder, and so learns
    every input of each page it makes (generator/pages/inputs.py). `cached` as `environment`'s."""
    inputs = inputs or PageInputs(story)
    env = environment(inputs, cached=cached)
    keep = wanted or _every
    for page in _pages(story, inputs, scheme, keep):
        template = env.get_template(page.template)
        yield page.path, template.render(links=Links(page.path, scheme), **page.context)
    if keep(DATA_FILES[0]):
        yield from data_files(story, scheme).items()
    yield from share_pages(story.graph, scheme, env, keep)
    yield from moved_pages(story.graph, scheme, env, keep)
    if keep(urls.FEED_FILE):
        yield urls.FEED_FILE, feed_file(story.graph, scheme, env)


def _every(_path: str) -> bool:
    return True


def part(number: int, parts: int) -> Callable[[str], bool]:
    """A `wanted` for `pages` that accepts part `number` of `parts` of the files, by their
    paths alone (a checksum, the same in every process and run): the parts together are every
    file, each once, so processes rendering one part each (generator/build.py) make the site."""
    return lambda path: zlib.crc32(path.encode()) % parts == number


class Page(NamedTuple):
    """One page to render: where it goes, its template and what the template is given."""

    path: str
    template: str
    context: dict[str, object]


def _pages(
    story: Linked, inputs: PageInputs, scheme: urls.Scheme, wanted: Callable[[str], bool]
) -> Iterator[Page]:
    """Every page of the site `wanted` accepts: the sections, then a page for each record of
    every type in the registry that has a template."""
    yield from _section_pages(story, inputs, scheme, wanted)
    for collection in RECORD_TYPES:
        if collection.template is None:
            continue
        extra = _RECORD_CONTEXT.get(collection.name, _record)
        for record_id, node in story.graph.nodes[collection.name].items():
            if not wanted(node.own_page()):
                continue
            context = {
                **extra(story.graph, node),
                "edit": inputs.origin(collection.name, record_id),
            }
            context.setdefault("record", node)
            yield Page(node.own_page(), collection.template, context)


def _entity(story: Graph, entity: Node) -> dict[str, object]:
    return {"entity": entity, "ld": structured.entity_page(entity), **_cited(story, entity)}


def _country(story: Graph, country: Node) -> dict[str, object]:
    return {"country": country, "ld": structured.entity_page(country), **_cited(story, country)}


def _cited(story: Graph, entity: Node) -> dict[str, object]:
    """Where an entity is mentioned, and what its page draws on."""
    mentioned = views.grouped(story, entity.mentions)
    return {"draws_on": views.with_mentions(views.draws_on(story, entity), mentioned)}


def _question(story: Graph, question: Node) -> dict[str, object]:
    return {
        "question": question,
        "ld": structured.question_page(question),
        "draws_on": views.draws_on(story, question),
    }


def _topic(story: Graph, topic: Node) -> dict[str, object]:
    return {
        "topic": topic,
        "ld": structured.web_page(story),
        "draws_on": views.draws_on(story, topic),
    }


def _article(story: Graph, article: Node) -> dict[str, object]:
    return {"article": article, "ld": structured.graph(structured.news_article(article))}


def _record(story: Graph, record: Node) -> dict[str, object]:
    return {"ld": structured.graph(structured.thing(record))}


# What each record page's template is given besides `record`, the node itself, by collection
# (the registry names the template); a type not listed here gets its JSON-LD from the registry.
_RECORD_CONTEXT: dict[str, Callable[[Graph, Node], dict[str, object]]] = {
    "people": _entity,
    "groups": _entity,
    "countries": _country,
    "questions": _question,
    "topics": _topic,
    "seeds": _article,
}


def _section_pages(
    story: Linked, inputs: PageInputs, scheme: urls.Scheme, wanted: Callable[[str], bool]
) -> Iterator[Page]:
    """Each section of the registry: its page, or a listing's numbered pages, with the context
    its row gives (JSON-LD, Edit link, entries) and what `_SECTION_CONTEXT` adds."""
    for section in SECTIONS:
        if not wanted(section.page):
            continue
        files = inputs.files(section.collection or "")
        context: dict[str, object] = {"ld": structured.listing_page(story.graph, section)}
        context["edit"] = (files[0], None) if len(files) == 1 else None
        if section.name in _SECTION_CONTEXT:
            context.update(_SECTION_CONTEXT[section.name](story, Links(section.page, scheme)))
        if section.per_page is None:
            yield Page(section.page, section.template, context)
            continue
        entries = _ENTRIES.get(section.name, _listed)(story.graph, section)
        for pager, shown in views.paged(section.name, entries):
            ld = structured.listing_page(story.graph, section, shown)
            first = (pager.number - 1) * urls.PAGE_ENTRIES[section.name] + 1
            note = "" if pager.number == 1 else f", page {pager.number} of {len(pager.pages)}"
            listing = {"pager": pager, "entries": shown, "ld": ld, "first": first}
            listing["page_note"] = note
            yield Page(pager.pages[pager.number - 1], section.template, context | listing)


def _listed(graph: Graph, section: Section) -> list[Node]:
    """A listing's entries: every record of the collections its row lists, in order."""
    return nodes_of(graph, section.lists)


# A listing whose entries are not records of its row's collections: only the list of speakers
# is split on "who said what", and only past OVERVIEW_LIMIT statements (below, all are cards).
_ENTRIES: dict[str, Callable[[Graph, Section], list[Node]]] = {
    "statements": lambda graph, _section: (
        list(graph.speakers) if len(graph.statements) > OVERVIEW_LIMIT else []
    ),
}


def _chart(story: Linked, links: Links) -> dict[str, object]:
    """The picture of where each country stands, its parts linked from the page it is on."""
    hrefs = {key: links.to(country) for key, country in story.graph.countries.items()}
    return {"chart": positions_picture(story, hrefs)}


# What a section's template is given beyond what its registry row gives, by section name.
_SECTION_CONTEXT: dict[str, Callable[[Linked, Links], dict[str, object]]] = {
    "home": lambda story, links: _chart(story, links) | _home(story.graph, links),
    "countries": _chart,
    "questions": lambda story, _links: {"sections": views.question_sections(story.graph)},
}


def _home(story: Graph, links: Links) -> dict[str, object]:
    return summary.home(story, links.section("timeline"), HOME_ARTICLES)
