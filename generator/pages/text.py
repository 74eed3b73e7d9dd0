"""Text is text: how values from YAML and seeds are made safe wherever they land.

No value a contributor writes, nor any byte of an article, may run or render as markup. This
is the one list of every place (sink) such a value reaches the output, and what makes it safe
there; CONTRIBUTING.md ("Security: where text lands") points here. A new sink goes on this list
with its defence and a case in tests/browser/test_payloads.py.

- Markdown body (headings): `markdown_inline` collapses the value onto one line (so it cannot
  start a block: admonition, front matter, attr_list) and backslash-escapes every ASCII
  punctuation mark (pymdownx.escapeall makes that valid), then HTML-escapes it.
- HTML text and raw-HTML blocks (tables, paragraphs of an article): Jinja autoescape,
  after `finalize` puts every printed string on one line, so Markdown never sees a blank line
  or a block marker inside our HTML.
- HTML attributes (`href`, `data-tip`, `id`): autoescaped and always double-quoted. Ids and
  anchors are validated slugs, formatted only in generator/model/urls.py and namespaced there so a
  record cannot take a heading's id. URLs are validated `http(s)://` (no `javascript:`).
- Tooltips (`data-tip`, on citations, stance badges and glossary terms): drawn by CSS with
  `content: attr(data-tip)`, which can only ever produce text. No `title` carries a value and
  Material's `content.tooltips` stays off, because it re-parses `title` as HTML.
- `<abbr>` glossary terms: `Glossary` escapes the text around and inside the term and puts
  its tooltip (`prose.term_tip`: the definition, the editors' explanation, or that the sources
  do not explain it, with their usage) in `data-tip` (above), never in `title`. The glossary
  page prints `usage` and `explanation.text` as HTML text, autoescaped.
- Page `<title>`, description, Open Graph and twitter meta: `front_matter` writes a YAML
  scalar holding the HTML-escaped one-line value; the theme's main.html and Material
  print it without escaping, so it arrives escaped exactly once.
- The site's name and description (the story's `title` and `summary`, in the generated
  build/mkdocs.yml): `site_setting` writes them on one line with `&`, `<`, `>` and `"` as
  entities, because Material prints `config.site_name` raw in the header, `<title>` and
  double-quoted attributes (aria-label, og:site_name); PyYAML's serializer writes each as one
  quoted scalar (publish/config.py), so no character can add a setting or a YAML tag.
- Quoted words on an article's page (`marks.marked`): the seed's text between the marks is
  printed as any string is (`finalize`, then HTML-escaped); the marks' ids are anchors made in
  urls.py from validated ids.
- Citation previews (the theme's cite.js): the script reads the
  article page as an inert document (DOMParser) and copies its text with `textContent` only, never
  as markup; the preview's label is the link's `data-tip`, set as an attribute. Copy link puts
  the card's `data-cite` (autoescaped) and its link on the clipboard as plain text.
- HTML made in Python (citations in generator/pages/citations.py, sentences in prose.py, the
  statement card in card.py): each value is printed as a template prints one (`finalize`, then
  HTML-escaped; the card by `html_text`, which escapes as MarkupSafe does), once, in text or a
  double-quoted attribute; the result is Markup, which templates print as it is.
- Share pages (`said/<id>/`, generator/pages/share.py and templates/share.html.j2): static HTML
  put into the site untouched (never through MkDocs: generator/publish/sharepages.py), rendered
  by the same environment as every page; every value
  (title, description, Open Graph and twitter meta, the quotation, the attribution note) is
  autoescaped as text or in double-quoted attributes, and the JSON-LD is
  `structured.script_json`'s.
- The Atom feed (`feed.xml`, generator/pages/feed.py and templates/feed.xml.j2): static XML
  that MkDocs copies untouched, rendered by the same environment; every title and summary is
  plain text (Atom's default type="text", which feed readers never read as markup), autoescaped
  as XML text (`&#39;`/`&#34;` are XML character references), links and ids in double-quoted
  attributes; a character XML 1.0 cannot hold is shown as a visible `[U+0001]` mark (tried in
  tests/pages/test_feed.py).
- Old addresses' pages (an article's address by its id, generator/pages/moved.py and
  templates/moved.html.j2): static HTML like share pages; the article's name is autoescaped
  text, and the new address (made from a slug of letters, digits and hyphens) sits in
  double-quoted attributes and in its script as `tojson`'s JSON, which escapes `<`, `>`, `&`
  and `'`.
- JSON-LD: `structured.script_json` escapes `<`, `>`, `&` and every line break that YAML,
  JavaScript or Python would honour (U+0085, U+2028, U+2029), so a value can neither close the
  `<script>` element nor end the front matter; `json_front_matter` carries it unchanged.
- Front matter (`title`, `description`, `facts_as_of`, `jsonld`, `edit_path`): JSON-quoted,
  which YAML reads as a double-quoted scalar, with the line breaks above escaped.
- Search index (site/pagefind/ and the cited paragraphs' site/pagefind/paragraphs/, from
  build/search.json): records hold plain text, never HTML. Pagefind reads them from scratch
  pages (publish/pagefind.py) where every value is HTML-escaped once, and filter values twice,
  because Pagefind decodes a filter element's text twice: each arrives as written (`&lt;b&gt;`
  stays `&lt;b&gt;`). The theme's search.js puts every value into the page as DOM text nodes
  (filter menus as `new Option(text)`) and builds its <mark>s by splitting that text, or, in a
  cited paragraph, from the word positions Pagefind found; never from Pagefind's HTML excerpt.
- Navigation: only fixed section names; record names reach the page header through the
  escaped front-matter title.
- CSV downloads: `export` quotes every field and prefixes a cell that starts with `=`, `+`,
  `-`, `@`, tab or carriage return with `'` (OWASP's CSV-injection advice), so a spreadsheet
  never reads a formula. facts.json is exact JSON, values unchanged.
- Positions picture: `chart` HTML-escapes every stance label and country name (plain HTML).
- Bidirectional controls (U+202A-U+202E, U+2066-U+2069) in seed text, kept byte for byte in
  seeds/, are shown as visible `[U+202E]` marks wherever a value is printed (`neutral`), so
  they cannot reorder what a reader sees. (Contributor YAML refuses them at `check`.)
- The terminal: problems.py and the messages it prints make control characters visible.
- The address a reader opens, on the portable 404 page (publish/notfound.py): its script
  uses only the path's non-empty segments, after the page's own origin, to set `<base>`, so
  no address (`//other.example/x`, backslashes, `%2F`) can make the page load from elsewhere
  (tried in tests/browser/test_not_found.py).
- Parsed YAML read back from build/cache/ instead of the file: used only when its HMAC, made
  with a key kept outside the story, verifies (generator/content/parsecache.py), so an edited entry
  cannot put on a page a value no YAML file holds (tests/content/test_parse_cache.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from markupsafe import Markup, escape

_PUNCTUATION = re.compile(r"""([!#$%()*+,\-./:;=?@\[\\\]^_`{|}~])""")  # not &<>"' (entities)


_SPACE = re.compile(r"\s+")
# Embeddings, overrides and isolates: they reorder the text around them on screen.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Line breaks that JSON leaves raw but YAML, JavaScript or str.splitlines honour.
_JSON_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def neutral(value: str) -> str:
    """The value with each bidi control shown as a visible mark instead of acting."""
    return _BIDI.sub(lambda match: f"[U+{ord(match.group()):04X}]", value)


def one_line(value: str) -> str:
    return neutral(_SPACE.sub(" ", value).strip())


def finalize(value: object) -> object:
    """Jinja's finalize hook: every plain string printed by a template becomes one line."""
    if isinstance(value, str) and not isinstance(value, Markup):
        # Most values are already one line: every whitespace and bidi control but a single
        # space is unprintable, so one scan spares two substitutions per value.
        if value.isprintable() and "  " not in value:
            return value
        return neutral(_SPACE.sub(" ", value))
    return value


def html_text(value: object) -> str:
    """A value as a template prints it, for HTML made in Python: on one line (`finalize`), then
    HTML-escaped exactly as Jinja's autoescape (MarkupSafe) escapes it, as a plain string:
    MarkupSafe makes a `Markup` object of each value, which cost more than the escaping where
    a card prints a quarter of a million of them. Markup is printed as it is."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    text = finalize(value) if isinstance(value, str) else str(value)
    assert isinstance(text, str)
    if "&" in text:
        text = text.replace("&", "&amp;")
    return (
        text.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace('"', "&#34;")
    )


def safe_json_breaks(text: str) -> str:
    """JSON text with the line breaks other readers honour written as escapes."""
    for character, escaped in _JSON_BREAKS.items():
        text = text.replace(character, escaped)
    return text


def markdown_inline(value: str) -> Markup:
    """A value placed in Markdown (a heading): literal text whatever its characters."""
    return escape(_PUNCTUATION.sub(r"\\\1", one_line(value)))


def heading_id(record_id: str) -> Markup:
    """An attr_list id for a Markdown heading; ids are validated slugs, so they need no escaping."""
    return Markup("{#" + record_id + "}")


def front_matter(value: str) -> Markup:
    """A YAML front-matter scalar; HTML-escaped because themes print it without escaping."""
    return Markup(safe_json_breaks(json.dumps(str(escape(one_line(value))), ensure_ascii=False)))


def site_setting(value: str) -> str:
    """A value of the generated mkdocs.yml that themes print raw, as HTML text or inside
    double quotes: one line, with `&`, `<`, `>` and `"` as entities. `'` is left as it is: no
    sink quotes with it, and the one sink that escapes again (the title of Material's logo
    link) would show its entity."""
    text = one_line(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


def json_front_matter(value: str) -> Markup:
    """A front-matter scalar printed raw inside `<script>`: quoted for YAML, never HTML-escaped
    (the value must already be safe there, as `structured.script_json` makes it)."""
    return Markup(safe_json_breaks(json.dumps(value, ensure_ascii=False)))


class Glossary:
    """Wraps the first mention of each glossary term in a text in an `<abbr>` whose tooltip
    (`data-tip`, drawn by CSS) is the definition; focusable so keyboards reach it too."""

    def __init__(self, terms: Iterable[tuple[Iterable[str], str]]) -> None:
        self.definitions: dict[str, str] = {}
        for forms, definition in terms:
            for form in forms:
                self.definitions.setdefault(form.casefold(), one_line(definition))
        alternatives = sorted(self.definitions, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, alternatives)) + r")\b", re.IGNORECASE)
            if alternatives
            else None
        )

    def __call__(self, value: str) -> Markup:
        text = one_line(value)
        if self.pattern is None:
            return escape(text)
        out: list[str] = []
        used: set[str] = set()
        position = 0
        for match in self.pattern.finditer(text):
            key = match.group(1).casefold()
            if key in used:
                continue
            used.add(key)
            out.append(str(escape(text[position : match.start()])))
            out.append(
                f'<abbr data-tip="{escape(self.definitions[key])}" tabindex="0">'
                f"{escape(match.group(1))}</abbr>"
            )
            position = match.end()
        out.append(str(escape(text[position:])))
        return Markup("".join(out))


def plural(count: int, one: str, many: str | None = None) -> str:
    """The noun for `count` things: "1 event", "2 events", "1 person", "2 people"."""
    return one if count == 1 else (many or one + "s")
