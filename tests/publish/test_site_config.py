"""The site's configuration is generated for each story: its name and description are the
story's own, the story's settings are kept, and its paths still resolve from build/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.project import Project
from generator.publish.config import HOOKS, NAV_HOOK, THEME, edit_base, host_name
from generator.verify.html import read, site_pages
from generator.verify.records import is_moved
from tests.conftest import MINI, built, edit, make_project, png, problems, run_cli, tree

MINI_TITLE = "Exampleton votes for a bridge"
PNG = png(2, 2)
# Quotation marks are refused outside quotations (tests/content/test_quotations.py): none here.
HOSTILE = "Bridge: #1 & <b>bold</b> it's {{ 7*7 }} !!python/object/apply:os.system [echo] *alias"


def header_and_title(page: Path) -> tuple[str | None, str]:
    """The name in the page header (None on a statement's share page or an old address's page,
    which have no header: they send the reader on) and the text of its <title>."""
    html = read(page)
    topics = [e for e in html.elements if "md-header__topic" in e.attrs.get("class", "")]
    if not topics and (page.parent.parent.name == "said" or is_moved(html)):
        return None, next(e.text for e in html.elements if e.tag == "title")
    return " ".join(topics[0].text.split()), next(e.text for e in html.elements if e.tag == "title")


def test_every_page_shows_its_own_storys_title(mini_site):
    pages = site_pages(mini_site / "site")
    assert pages
    for page in pages:
        header, title = header_and_title(page)
        assert header in (MINI_TITLE, None), page
        assert title == MINI_TITLE or title.endswith(f" – {MINI_TITLE}"), page


def test_a_hostile_title_is_shown_as_text(mini):
    edit(mini, "content/story.yaml", f"title: {MINI_TITLE}", f"title: {json.dumps(HOSTILE)}")
    result = run_cli(mini, "build")
    assert result.returncode == 0, result.stderr
    for page in site_pages(mini / "site"):
        header, title = header_and_title(page)
        assert header in (HOSTILE, None), page
        assert title.endswith(HOSTILE), page
        html = read(page)
        assert not [e for e in html.elements if e.tag == "b"], page
        og = [e for e in html.elements if e.attrs.get("property") == "og:site_name"]
        assert [e.attrs["content"] for e in og] == ([] if is_moved(html) else [HOSTILE]), page
        logos = [e for e in html.elements if "md-logo" in e.attrs.get("class", "")]
        assert all(e.attrs["title"] == HOSTILE for e in logos), page  # escaped once, not twice


def test_the_generated_configuration_holds_the_title_as_one_string(mini):
    edit(mini, "content/story.yaml", f"title: {MINI_TITLE}", f"title: {json.dumps(HOSTILE)}")
    assert run_cli(mini, "generate").returncode == 0
    text = Project.at(mini).generated_config.read_text("utf-8")
    config = yaml.safe_load(text)  # a python/object tag would make safe_load refuse the file
    expected = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert config["site_name"] == expected


def add_site(root: Path, block: str) -> int:
    """Append a `site:` block to the story; the line it starts on."""
    story = root / "content" / "story.yaml"
    line = story.read_text("utf-8").count("\n") + 1
    with story.open("a", encoding="utf-8") as handle:
        handle.write(block)
    return line


def generated(root: Path) -> dict[str, Any]:
    assert run_cli(root, "generate").returncode == 0
    config: dict[str, Any] = yaml.safe_load(Project.at(root).generated_config.read_text("utf-8"))
    return config


def test_a_story_without_a_site_block_gets_the_products_configuration(mini):
    config = generated(mini)
    here = Project.at(mini).generated_config.parent
    assert (here / config["theme"]["custom_dir"]).resolve() == THEME.resolve()
    hooks = [(here / path).resolve() for path in config["hooks"]]
    assert hooks == [HOOKS.resolve(), NAV_HOOK.resolve()]
    assert config["theme"]["language"] == "en"
    assert config["plugins"] == []
    assert "repo_url" not in config and "extra" not in config and "site_url" not in config


def test_the_site_block_reaches_the_configuration(mini):
    (mini / "logo.png").write_bytes(PNG)
    add_site(
        mini,
        "site:\n  language: fr\n  primary: teal\n  accent: deep-orange\n"
        "  url: https://news.example/bridge/\n  repository: https://git.example/desk/bridge\n"
        "  edit_branch: stories/bridge\n  logo: logo.png\n  directory_urls: false\n",
    )
    config = generated(mini)
    assert config["theme"]["language"] == "fr"
    assert {(p["primary"], p["accent"]) for p in config["theme"]["palette"]} == {
        ("teal", "deep-orange")
    }
    assert config["site_url"] == "https://news.example/bridge/"
    assert config["repo_url"] == "https://git.example/desk/bridge"
    assert config["extra"] == {
        "edit_base": "https://git.example/desk/bridge/blob/stories/bridge/",
        "edit_host": "git.example",
    }
    assert config["use_directory_urls"] is False
    assert config["theme"]["logo"] == "assets/story-logo.png"
    assert (mini / "build" / "docs" / "assets" / "story-logo.png").read_bytes() == PNG


def test_edit_links_of_a_story_in_a_repositorys_folder_start_at_that_folder(tmp_path):
    (tmp_path / "desk" / ".git").mkdir(parents=True)  # a repository holding several stories
    story = make_project(MINI, tmp_path / "desk" / "stories" / "harbour")
    add_site(story, "site:\n  repository: https://git.example/desk\n")
    assert generated(story)["extra"]["edit_base"] == (
        "https://git.example/desk/blob/main/stories/harbour/"
    )
    built(story)
    quill = read(story / "site" / "people" / "quill" / "index.html")
    (link,) = [e for e in quill.elements if e.tag == "a" and e.attrs.get("rel") == "edit"]
    assert link.attrs["href"] == (
        "https://git.example/desk/blob/main/stories/harbour/content/people.yaml#L1"
    )


# Each wrong setting, as a story would write it, and the message `check` gives at its place.
WRONG_SETTINGS = [
    (
        "  language: klingon\n",
        "'language' must be one of 'af', 'ar',",
    ),
    ("  primary: hotpink\n", "'primary' must be one of 'red', 'pink', 'purple',"),
    (
        "  url: http://news.example/\n",
        "'http://news.example/' is not an https:// address: write it with https://, as "
        "browsers load a secure site's links and logo only that way",
    ),
    (
        "  repository: 'javascript:alert(document.domain)'\n",
        "'repository': 'javascript:alert(document.domain)' is not a site's address: write the "
        "scheme, the host and a plain path",
    ),
    (
        "  repository: 'https://git.example/\"><script>alert(1)</script>'\n",
        "'repository': 'https://git.example/\"><script>alert(1)</script>' is not a site's address",
    ),
    (
        "  edit_branch: 'main\" onmouseover=\"alert(1)'\n",
        "'edit_branch': 'main\" onmouseover=\"alert(1)' is not a branch name: use letters, "
        "digits and `. _ / -` (never `..`), such as `main`",
    ),
    (
        "  logo: ../../etc/passwd\n",
        "'logo': '../../etc/passwd' is not a logo file: name a .png file in the story's "
        "folder, such as `logo.png` (letters, digits, `-` and `_`; no folders)",
    ),
    ("  logo: logo.svg\n", "'logo': 'logo.svg' is not a logo file"),
    ("  logo: logo.webp\n", "'logo': 'logo.webp' is not a logo file"),
    (
        "  repository: https://user:token@git.example/desk\n",
        "'repository': 'https://user:token@git.example/desk' is not a site's address",
    ),
    ("  repository: https://git.example/desk?x=1\n", "is not a site's address"),
    ("  repository: https://git.example/desk#top\n", "is not a site's address"),
    ("  url: https://example.org/x&quot;onmouseover=alert(1)&quot;/\n", "is not a site's address"),
    ("  edit_branch: main/../../evil\n", "'edit_branch': 'main/../../evil' is not a branch name"),
    ("  extra_javascript: [https://evil.example/x.js]\n", "'extra_javascript'"),
    ("  hooks: [hooks.py]\n", "'hooks'"),
    ("  markdown_extensions: [pymdownx.snippets]\n", "'markdown_extensions'"),
    ("  custom_dir: overrides\n", "'custom_dir'"),
]


@pytest.mark.parametrize(("setting", "message"), WRONG_SETTINGS)
def test_a_wrong_site_setting_is_refused_at_its_place(mini, setting, message):
    line = add_site(mini, "site:\n" + setting)
    found = problems(mini)
    assert len(found) == 1, found
    assert found[0].startswith(f"content/story.yaml:{line + 1}:"), found
    assert message in found[0], found


def test_a_yaml_tag_in_the_site_block_is_refused(mini):
    line = add_site(mini, "site:\n  url: !ENV SECRET\n")
    assert [p.split(": ")[0] for p in problems(mini)] == [f"content/story.yaml:{line + 1}:8"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (None, "'logo.png' is not in the story's folder: add the file beside content/"),
        (
            lambda p: p.symlink_to("/etc/passwd"),
            "'logo.png' must be a plain file, not a link or folder: copy the image there",
        ),
        (
            lambda p: p.write_text("<svg onload=alert(1)>", "utf-8"),
            "'logo.png' is not a whole PNG image: save the logo again as a PNG",
        ),
        (
            lambda p: p.write_bytes(PNG + bytes(600 * 1024)),
            "'logo.png' is larger than 512 KB: make it smaller",
        ),
        (
            lambda p: p.write_bytes(PNG + b"<script>alert(1)</script>"),
            "'logo.png' is not a whole PNG image: save the logo again as a PNG",
        ),
        (
            lambda p: p.write_bytes(PNG[:-12]),
            "'logo.png' is not a whole PNG image: save the logo again as a PNG",
        ),
        (
            lambda p: p.write_bytes(png(100_000, 100_000)),
            "'logo.png' is 100000 × 100000 pixels: make it at most 2048 pixels a side",
        ),
    ],
)
def test_a_logo_that_cannot_be_published_is_refused_by_check_and_build(mini, make, message):
    if make is not None:
        make(mini / "logo.png")
    line = add_site(mini, "site:\n  logo: logo.png\n")
    expected = f"content/story.yaml:{line + 1}:9: {message}"
    assert problems(mini) == [expected]
    result = run_cli(mini, "build")
    assert result.returncode == 1
    assert expected in result.stderr
    assert not (mini / "site").exists()


@pytest.mark.parametrize("value", ["http://[::1", "ftp://files.example/", "not an address"])
def test_a_site_url_that_is_no_web_address_is_refused_by_check(mini, monkeypatch, value):
    monkeypatch.setenv("SITE_URL", value)
    assert problems(mini) == [
        f"SITE_URL:0:0: the environment's SITE_URL {value!r} is not a web address: set it to "
        "the site's address, such as https://example.org/story/, or unset it"
    ]


def test_an_old_mkdocs_yml_is_refused_with_where_each_setting_goes(mini):
    (mini / "mkdocs.yml").write_text(
        "site_name: Old\nrepo_url: https://git.example/x\ntheme:\n  name: material\n"
        "  language: de\nhooks: [evil.py]\nextra:\n  edit_branch: dev\n",
        "utf-8",
    )
    assert problems(mini) == [
        "mkdocs.yml:1:1: a story no longer holds MkDocs settings: the generator writes them, "
        "from the `site:` block of content/story.yaml (language, colours, address, repository, "
        "logo); move what you need there, then delete this file",
        "mkdocs.yml:2:1: `repo_url` is now `site.repository` in content/story.yaml: move it there",
        "mkdocs.yml:5:3: `theme.language` is now `site.language` in content/story.yaml: move it "
        "there",
        "mkdocs.yml:8:3: `extra.edit_branch` is now `site.edit_branch` in content/story.yaml: "
        "move it there",
    ]


def test_an_old_mkdocs_yml_stops_build_before_mkdocs_reads_it(built_mini):
    before = tree(built_mini / "site")
    (built_mini / "mkdocs.yml").write_text("hooks: [evil.py]\n", "utf-8")
    result = run_cli(built_mini, "build")
    assert result.returncode == 1
    assert result.stderr.startswith("mkdocs.yml:1:1: a story no longer holds MkDocs settings")
    assert tree(built_mini / "site") == before


def test_an_old_theme_folder_is_refused(mini):
    (mini / "site_overrides" / "assets").mkdir(parents=True)
    (mini / "site_overrides" / "assets" / "x").symlink_to("/etc/passwd")
    assert problems(mini) == [
        "site_overrides:0:0: a story no longer holds a theme: the site's look ships with the "
        "generator (generator/publish/theme/); delete this folder (a logo goes in `site.logo`)"
    ]
    assert run_cli(mini, "build").returncode == 1


def head_links(page: Path) -> dict[str, str]:
    """A built page's head: each meta's content by property or name, each link's href by rel."""
    found: dict[str, str] = {}
    for element in read(page).elements:
        attrs = element.attrs
        if element.tag == "meta" and "content" in attrs:
            found[attrs.get("property") or attrs.get("name") or ""] = attrs["content"]
        if element.tag == "link" and "rel" in attrs:
            found[" ".join(filter(None, (attrs["rel"], attrs.get("type"))))] = attrs["href"]
    return found


def test_the_sites_address_gives_every_page_its_canonical_address_and_the_feed_its_own(mini):
    add_site(mini, "site:\n  url: https://news.example/bridge\n")  # MkDocs adds the last /
    assert run_cli(mini, "build").returncode == 0
    site = mini / "site"
    person = head_links(site / "people" / "quill" / "index.html")
    assert person["canonical"] == person["og:url"] == "https://news.example/bridge/people/quill/"
    assert person["twitter:card"] == "summary"
    assert person["alternate application/atom+xml"] == "../../feed.xml"
    shared = head_links(site / "said" / "quill-before-winter" / "index.html")
    address = "https://news.example/bridge/said/quill-before-winter/"
    assert shared["canonical"] == shared["og:url"] == address
    feed = (site / "feed.xml").read_text("utf-8")
    assert (
        '<link rel="self" type="application/atom+xml" href="https://news.example/bridge/feed.xml"/>'
        in feed
    )


def test_the_address_a_deploy_sets_wins_over_the_storys(mini, monkeypatch):
    add_site(mini, "site:\n  url: https://news.example/bridge/\n")
    monkeypatch.setenv("SITE_URL", "https://desk.example/preview/bridge/")
    assert run_cli(mini, "generate").returncode == 0
    shared = (mini / "build" / "share" / "said" / "quill-before-winter" / "index.html").read_text()
    assert '<link rel="canonical" href="https://desk.example/preview/bridge/said/quill' in shared


def test_without_an_address_no_page_claims_one(mini_site):
    site = mini_site / "site"
    for page in (
        site / "people" / "quill" / "index.html",
        site / "said" / "quill-before-winter" / "index.html",
    ):
        head = head_links(page)
        assert "canonical" not in head and "og:url" not in head
    assert 'rel="self"' not in (site / "feed.xml").read_text("utf-8")


@pytest.mark.parametrize(
    ("repository", "base", "host"),
    [
        ("https://github.com/desk/bridge", "https://github.com/desk/bridge/blob/main/", "GitHub"),
        (
            "https://gitlab.com/desk/bridge/",
            "https://gitlab.com/desk/bridge/-/blob/main/",
            "GitLab",
        ),
        ("https://gitlab.example.org/d/b", "https://gitlab.example.org/d/b/-/blob/main/", "GitLab"),
        ("https://codeberg.org/desk/b", "https://codeberg.org/desk/b/src/branch/main/", "Codeberg"),
        ("https://git.example/desk/b", "https://git.example/desk/b/blob/main/", "git.example"),
    ],
)
def test_edit_links_open_the_file_view_of_each_git_host_where_a_line_anchor_works(
    repository, base, host
):
    assert edit_base(repository, "main", "") == base
    assert host_name(repository) == host
