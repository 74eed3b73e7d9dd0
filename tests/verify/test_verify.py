"""`python -m generator verify`: the built site checked against its story. It passes on a freshly
built story; each fault planted in a copy of the built mini story is reported, word for word, at
the site file's line and column, or at the content record a missing thing belongs to."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from generator.cli import CANNOT_RUN, PROBLEMS, main
from generator.content.linking import Linked
from generator.model.records import RECORD_TYPES, Collection
from generator.model.urls import url_of
from generator.publish.pagefind import fragment_record, fragments
from generator.verify.html import read
from generator.verify.records import is_moved
from tests.conftest import MINI, check, edit, in_place, run_cli

WITH_PAGES = [c for c in RECORD_TYPES if c.folder]


@pytest.fixture(scope="module")
def story() -> Linked:
    linked, found = check(in_place(MINI))
    assert linked is not None and found == []
    return linked


def run_verify(root: Path) -> tuple[int, str, str]:
    """`python -m generator --root ROOT verify`, run in this process (a process of its own
    would cost each test more than verifying does): its status, output and errors."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["--root", str(root), "verify"])
    return status, out.getvalue(), err.getvalue()


def verified(root: Path) -> tuple[int, list[str]]:
    """verify's exit status and the problems it reports (their headlines)."""
    status, _out, err = run_verify(root)
    return status, [line for line in err.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]


def place(path: Path, snippet: str, after: int = 0) -> str:
    """`line:column` where `snippet` first stands in the file (or `after` characters on)."""
    text = path.read_text(encoding="utf-8")
    at = text.index(snippet) + after
    return f"{text.count(chr(10), 0, at) + 1}:{at - text.rfind(chr(10), 0, at)}"


def plant(root: Path, page: str, html: str, after: int = 0) -> str:
    """Add `html` after the page's heading; `line:column` where it starts (or `after` on)."""
    edit(root, page, "</h1>", "</h1>" + html)
    return place(root / page, html, after)


def origin(story: Linked, collection: str, record_id: str) -> str:
    path, line = story.origin(collection, record_id)
    return f"{path}:{line}:1"


def test_a_freshly_built_story_passes(built_mini):
    result = run_cli(built_mini, "verify")
    pages = len(list((built_mini / "site").rglob("*.html")))
    assert (result.returncode, result.stdout) == (0, f"Site OK: {pages} pages verified.\n")
    assert result.stderr == ""


def test_a_story_never_built_is_sent_to_build_first(mini):
    status, _out, err = run_verify(mini)
    assert status == CANNOT_RUN
    assert err == (
        f"site/: there is no built site: run `python -m generator --root {mini} build` first.\n"
    )


def test_a_site_older_than_its_content_is_sent_to_build_first(built_mini):
    later = (built_mini / "site").stat().st_mtime + 10
    os.utime(built_mini / "content" / "people.yaml", (later, later))
    status, _out, err = run_verify(built_mini)
    assert status == CANNOT_RUN
    assert err == (
        "site/ is older than content/people.yaml: "
        f"run `python -m generator --root {built_mini} build` first.\n"
    )


def test_a_broken_internal_link_is_reported(built_mini):
    at = plant(built_mini, "site/people/quill/index.html", '<a href="../nobody/">x</a>')
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"site/people/quill/index.html:{at}: broken link '../nobody/': "
            "site/people/nobody/index.html does not exist"
        ],
    )


def test_the_problems_are_followed_by_their_count_and_what_to_do(built_mini):
    plant(built_mini, "site/people/quill/index.html", '<a href="../nobody/">x</a>')
    assert run_verify(built_mini)[2].endswith(
        "1 problem found.\n"
        "site/ does not match its story: build it again "
        f"(`python -m generator --root {built_mini} build`) and verify; what is left after a "
        "fresh build comes from a text of the content or from the generator.\n"
    )


def test_a_link_to_a_missing_anchor_is_reported(built_mini):
    html = '<a href="../stoker-lee/#nowhere">x</a>'
    at = plant(built_mini, "site/people/quill/index.html", html)
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"site/people/quill/index.html:{at}: broken link '../stoker-lee/#nowhere': no element "
            "of site/people/stoker-lee/index.html has the id 'nowhere'"
        ],
    )


def test_an_id_on_two_elements_of_a_page_is_reported(built_mini):
    twice = '<i id="twice"></i>'
    first = plant(built_mini, "site/glossary/index.html", twice * 2)
    second = place(built_mini / "site/glossary/index.html", twice, after=len(twice))
    line, column = first.split(":")
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"site/glossary/index.html:{second}: the id 'twice' is on two elements of this page "
            f"(the first at line {line}, column {column})"
        ],
    )


def test_a_statement_card_missing_from_its_speakers_page_is_reported(built_mini, story):
    page = built_mini / "site/people/stoker-lee/index.html"
    html = page.read_text(encoding="utf-8")
    card = re.compile(r'<article [^>]*id="s-stoker-lee-too-expensive".*?</article>', re.S)
    page.write_text(card.sub("", html, count=1), encoding="utf-8")
    _status, found = verified(built_mini)
    assert (
        f"{origin(story, 'statements', 'stoker-lee-too-expensive')}: statement "
        "'stoker-lee-too-expensive' is not on site/people/stoker-lee/index.html, the page of its "
        "speaker 'stoker-lee' (no element there has the id 's-stoker-lee-too-expensive')"
    ) in found


def test_a_card_without_its_words_is_reported(built_mini):
    page = "site/people/quill/index.html"
    edit(built_mini, page, "<p>“We will open the bridge before winter”</p>", "<p>“We will”</p>")
    at = place(built_mini / page, '<article class="xp-statement')
    assert verified(built_mini) == (
        PROBLEMS,
        [f"{page}:{at}: the card of statement 'quill-before-winter' lacks its words"],
    )


def test_a_citation_whose_anchor_is_gone_from_the_article_page_is_reported(built_mini):
    edit(built_mini, "site/sources/article/index.html", ' id="q-2-quill-before-winter"', "")
    page = built_mini / "site/people/quill/index.html"
    href = "../../sources/article/#q-2-quill-before-winter"
    at = place(page, '<a class="xp-cite" href="' + href)
    status, found = verified(built_mini)
    assert status == PROBLEMS
    assert (
        f"site/people/quill/index.html:{at}: "
        f"broken link '{href}': no element of site/sources/article/index.html has the id "
        "'q-2-quill-before-winter'"
    ) in found


def test_a_citation_that_does_not_link_to_the_quoted_words_is_reported(built_mini):
    page = "site/people/quill/index.html"
    edit(built_mini, page, "article/#q-2-quill-before-winter", "article/#p-2")
    at = place(built_mini / page, '<article class="xp-statement')
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{page}:{at}: the card of statement 'quill-before-winter' does not link its source "
            "(fic-bridge, paragraph 2) to the quoted words, "
            "site/sources/article/index.html#q-2-quill-before-winter"
        ],
    )


def test_a_citation_landing_on_other_words_than_the_quotation_is_reported(built_mini):
    page = "site/sources/article/index.html"
    edit(built_mini, page, ">We will open the bridge before winter</mark>", ">We will</mark>")
    at = place(built_mini / page, '<mark class="xp-quoted" id="q-2-quill-before-winter"')
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{page}:{at}: the words marked at #q-2-quill-before-winter are not those statement "
            "'quill-before-winter' quotes"
        ],
    )


def test_a_citation_landing_on_an_element_that_is_not_the_mark_is_reported(built_mini):
    page = "site/sources/article/index.html"
    edit(built_mini, page, ' id="q-2-quill-before-winter"', "")
    at = plant(built_mini, page, '<span id="q-2-quill-before-winter"></span>')
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{page}:{at}: #q-2-quill-before-winter, where statement 'quill-before-winter' is "
            "cited, is not its marked words"
        ],
    )


def test_json_ld_that_does_not_parse_is_reported(built_mini):
    page = "site/methodology/index.html"
    script = '<script type="application/ld+json">{'
    edit(built_mini, page, script, script + ",")
    at = place(built_mini / page, script, after=len(script))
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{page}:{at}: the JSON-LD is not valid JSON: Expecting property name enclosed in "
            "double quotes"
        ],
    )


def test_a_page_without_json_ld_is_reported(built_mini):
    page = built_mini / "site/methodology/index.html"
    block = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)
    page.write_text(block.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert verified(built_mini) == (
        PROBLEMS,
        ["site/methodology/index.html:0:0: this page has no JSON-LD"],
    )


def test_a_record_missing_from_the_facts_download_is_reported(built_mini, story):
    path = built_mini / "site/data/facts.json"
    facts = json.loads(path.read_text(encoding="utf-8"))
    facts["questions"] = [q for q in facts["questions"] if q["id"] != "bridge-cost"]
    path.write_text(json.dumps(facts), encoding="utf-8")
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{origin(story, 'questions', 'bridge-cost')}: question 'bridge-cost' is missing "
            "from site/data/facts.json"
        ],
    )


def test_a_facts_download_that_does_not_parse_is_reported(built_mini):
    (built_mini / "site/data/facts.json").write_text('{"format": ', encoding="utf-8")
    assert verified(built_mini) == (
        PROBLEMS,
        ["site/data/facts.json:1:12: not valid JSON: Expecting value"],
    )


def test_a_statement_missing_from_the_statements_table_is_reported(built_mini, story):
    path = built_mini / "site/data/statements.csv"
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(r for r in rows if not r.startswith('"quill-before')), "utf-8")
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{origin(story, 'statements', 'quill-before-winter')}: statement "
            "'quill-before-winter' is missing from site/data/statements.csv"
        ],
    )


def test_a_missing_search_record_is_reported(built_mini, story):
    for fragment in fragments(built_mini / "site"):
        if fragment_record(fragment)["href"] == "people/council/":
            fragment.unlink()
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{origin(story, 'groups', 'council')}: group 'council' has no search record "
            "(leading to people/council/)"
        ],
    )


def test_a_file_path_in_a_paragraph_is_reported(built_mini):
    html = "<p>See content/people.yaml.</p>"
    at = plant(built_mini, "site/glossary/index.html", html, after=len("<p>See "))
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"site/glossary/index.html:{at}: a file path shows in the text readers see: "
            "'content/people.yaml'"
        ],
    )


def test_an_internal_id_in_a_tooltip_is_reported(built_mini):
    html = '<abbr data-tip="As in s-quill-before-winter">x</abbr>'
    at = plant(built_mini, "site/glossary/index.html", html)
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"site/glossary/index.html:{at}: an internal id shows in the text readers see: "
            "'s-quill-before-winter'"
        ],
    )


@pytest.mark.parametrize("collection", WITH_PAGES, ids=lambda c: c.name)
def test_a_record_without_its_page_is_reported(built_mini, story, collection: Collection):
    record_id = next(iter(story.records[collection.name]))
    served = url_of(story.graph.nodes[collection.name][record_id].own_page())
    shutil.rmtree(built_mini / "site" / served)
    _status, found = verified(built_mini)
    assert (
        f"{origin(story, collection.name, record_id)}: {collection.record} '{record_id}' has no "
        f"page: site/{served}index.html is missing"
    ) in found


NOTE = '<p class="xp-edit"><small>Source file: <code>content/people.yaml:1</code></small></p>'


def test_a_source_file_note_at_the_foot_of_a_page_is_reported(built_mini):
    page = "site/people/quill/index.html"
    at = plant(built_mini, page, NOTE, after=NOTE.index("content/"))
    assert verified(built_mini) == (
        PROBLEMS,
        [f"{page}:{at}: a file path shows in the text readers see: 'content/people.yaml:1'"],
    )


def test_an_edit_links_address_names_its_file_and_its_label_does_not(built_mini):
    link = (
        '<p class="xp-edit">Spotted a mistake? <a href="https://git.example/blob/main/content/'
        'people.yaml#L1" rel="edit">Suggest a correction on git.example</a></p>'
    )
    plant(built_mini, "site/people/quill/index.html", link)
    assert verified(built_mini) == (0, [])


def test_an_edit_links_label_naming_its_file_is_reported(built_mini):
    page = "site/people/quill/index.html"
    link = '<a href="https://git.example/x" rel="edit" aria-label="Edit content/people.yaml">x</a>'
    at = plant(built_mini, page, link)
    assert verified(built_mini) == (
        PROBLEMS,
        [f"{page}:{at}: a file path shows in the text readers see: 'content/people.yaml'"],
    )


def test_an_articles_id_in_the_text_readers_see_is_reported(built_mini):
    page = "site/glossary/index.html"
    at = plant(built_mini, page, "<p>See fic-bridge</p>", after=len("<p>See "))
    assert verified(built_mini) == (
        PROBLEMS,
        [f"{page}:{at}: an internal id shows in the text readers see: 'fic-bridge'"],
    )


def test_an_articles_old_address_sends_readers_on_to_its_page(built_mini):
    moved = read(built_mini / "site/sources/fic-bridge/index.html")
    (refresh,) = [e for e in moved.elements if e.attrs.get("http-equiv") == "refresh"]
    (canonical,) = [e for e in moved.elements if e.attrs.get("rel") == "canonical"]
    assert refresh.attrs["content"] == "0; url=../article/"
    assert canonical.attrs["href"] == "../article/"
    assert "../article/" in moved.links()
    assert is_moved(moved)  # noindex: search engines list the article's page only
    assert verified(built_mini) == (0, [])


def test_an_articles_old_address_that_is_gone_is_reported(built_mini, story):
    shutil.rmtree(built_mini / "site/sources/fic-bridge")
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{origin(story, 'seeds', 'fic-bridge')}: the old address of article 'fic-bridge' is "
            "gone: site/sources/fic-bridge/index.html is missing"
        ],
    )


def test_an_old_address_sending_readers_elsewhere_is_reported(built_mini):
    page = "site/sources/fic-bridge/index.html"
    edit(built_mini, page, 'content="0; url=../article/"', 'content="0; url=../"')
    assert verified(built_mini) == (
        PROBLEMS,
        [
            f"{page}:0:0: this page does not send readers on to article 'fic-bridge' at "
            "site/sources/article/index.html"
        ],
    )
