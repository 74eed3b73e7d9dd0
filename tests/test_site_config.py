"""The site's configuration is generated for each story: its name and description are the
story's own, the story's settings are kept, and its paths still resolve from build/."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.build import Project
from generator.htmlscan import read, site_pages
from generator.siteconfig import HOOKS
from tests.conftest import edit, problems, run_cli

MINI_TITLE = "Exampleton votes for a bridge"
# Quotation marks are refused outside quotations (tests/test_quotations.py), so none is here.
HOSTILE = "Bridge: #1 & <b>bold</b> it's {{ 7*7 }} !!python/object/apply:os.system [echo] *alias"


def header_and_title(page: Path) -> tuple[str | None, str]:
    """The name in the page header (None on a statement's share page, which has no header: it
    sends the reader on) and the text of its <title>."""
    html = read(page)
    topics = [e for e in html.elements if "md-header__topic" in e.attrs.get("class", "")]
    if not topics and page.parent.parent.name == "said":
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
        og = next(e for e in html.elements if e.attrs.get("property") == "og:site_name")
        assert og.attrs["content"] == HOSTILE


def test_the_generated_configuration_holds_the_title_as_one_string(mini):
    edit(mini, "content/story.yaml", f"title: {MINI_TITLE}", f"title: {json.dumps(HOSTILE)}")
    assert run_cli(mini, "generate").returncode == 0
    text = Project.at(mini).generated_config.read_text("utf-8")
    config = yaml.safe_load(text)  # a python/object tag would make safe_load refuse the file
    expected = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert config["site_name"] == expected


def test_setting_the_site_name_in_mkdocs_yml_is_refused(mini):
    with (mini / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("site_name: Another story\n")
    line = (mini / "mkdocs.yml").read_text("utf-8").count("\n")
    assert problems(mini) == [
        f"mkdocs.yml:{line}:1: site_name is written by the generator from the story's title in "
        "content/story.yaml, so that each story shows its own: remove site_name from here and "
        "change the title there"
    ]


def test_setting_the_site_description_in_mkdocs_yml_is_refused_by_build(mini):
    edit(mini, "mkdocs.yml", "strict: true\n", "strict: true\nsite_description: >-\n  Old\n")
    line = (mini / "mkdocs.yml").read_text("utf-8").split("\n").index("site_description: >-")
    result = run_cli(mini, "build")
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:{line + 1}:1: site_description is written by the generator from the "
        "story's summary in content/story.yaml, so that each story shows its own: remove "
        "site_description from here and change the summary there"
    ) in result.stderr
    assert not (mini / "site").exists()


def test_a_docs_dir_the_generator_does_not_write_is_refused(mini):
    edit(mini, "mkdocs.yml", "strict: true\n", "strict: true\ndocs_dir: docs\n")
    line = (mini / "mkdocs.yml").read_text("utf-8").split("\n").index("docs_dir: docs") + 1
    assert problems(mini) == [
        f"mkdocs.yml:{line}:11: docs_dir must be build/docs: the generator writes the pages to "
        "build/docs; set `docs_dir: build/docs` or remove the line"
    ]


def test_use_directory_urls_must_be_a_boolean(mini):
    edit(mini, "mkdocs.yml", "use_directory_urls: true", "use_directory_urls: maybe")
    line = (mini / "mkdocs.yml").read_text("utf-8").split("\n").index("use_directory_urls: maybe")
    assert problems(mini) == [
        f"mkdocs.yml:{line + 1}:21: use_directory_urls must be true or false (MkDocs' default: "
        "true)"
    ]


def test_paths_in_the_settings_resolve_from_the_generated_file_as_from_the_story(mini):
    edit(
        mini,
        "mkdocs.yml",
        "strict: true\n",
        "strict: true\nwatch: [site_overrides]\nhooks: [/abs/hooks.py]\n"
        "extra:\n  snippets: !relative $config_dir/site_overrides\n"
        "  emoji: !!python/name:material.extensions.emoji.twemoji\n",
    )
    assert run_cli(mini, "generate").returncode == 0
    generated = Project.at(mini).generated_config
    text = generated.read_text("utf-8")
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("", lambda _loader, tag, node: (tag, node.value))
    config = yaml.load(text, Loader=loader)  # a SafeLoader: tags become (tag, value) tuples
    here = generated.parent
    overrides = (mini / "site_overrides").resolve()
    assert (here / config["theme"]["custom_dir"]).resolve() == overrides
    assert [(here / path).resolve() for path in config["watch"]] == [overrides]
    story_hooks, generator_hooks = config["hooks"]  # the generator's come after the story's
    assert story_hooks == "/abs/hooks.py"
    assert (here / generator_hooks).resolve() == HOOKS.resolve()
    assert config["extra"]["snippets"] == ("!relative", "$config_dir/../site_overrides")
    assert config["extra"]["emoji"] == (
        "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji",
        "",
    )
    assert (here / config["docs_dir"]).resolve() == (mini / "build" / "docs").resolve()


def test_the_generated_configuration_adds_the_generators_hooks_to_a_story_without_any(mini):
    assert run_cli(mini, "generate").returncode == 0
    generated = Project.at(mini).generated_config
    config = yaml.safe_load(generated.read_text("utf-8"))
    assert [(generated.parent / path).resolve() for path in config["hooks"]] == [HOOKS.resolve()]


def test_check_refuses_a_story_without_mkdocs_yml_as_build_does(mini):
    (mini / "mkdocs.yml").unlink()
    for command in ("check", "build"):
        result = run_cli(mini, command)
        assert result.returncode != 0
        assert result.stderr.startswith(
            "mkdocs.yml:0:0: not found: the site's MkDocs settings (theme, navigation) are read "
            "from this file; copy mkdocs.yml from the generator's repository\n"
        ), result.stderr
