"""Pagefind reads the search records as scratch pages: in a memory-backed folder when it has
room (creating and deleting tens of thousands of small files on disk cost more than indexing
them), else in the usual temporary folder."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from generator.publish import pagefind as search
from generator.publish.pagefind import indexed

RECORD = {
    "url": "people/ada-ferrow/",
    "content": "Ada Ferrow\nHarbour master",
    "meta": {"title": "Ada Ferrow", "type": "Person", "words": "Harbour master"},
    "filters": {"type": ["Person"], "name": ["Ada Ferrow"]},
}


def test_the_scratch_pages_are_written_in_the_memory_folder(tmp_path, monkeypatch):
    memory = tmp_path / "shm"
    memory.mkdir()
    monkeypatch.setattr(search, "MEMORY_FOLDER", memory)
    sites: list[Path] = []
    run = subprocess.run

    def spied(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        sites.append(Path(command[command.index("--site") + 1]))
        return run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", spied)
    records = tmp_path / "search.json"
    records.write_text(json.dumps([RECORD]), encoding="utf-8")
    (tmp_path / "site").mkdir()
    search.index_site(records, tmp_path / "site")
    assert [site.parent for site in sites] == [memory]
    assert [r["href"] for r in indexed(tmp_path / "site")] == ["people/ada-ferrow/"]


def test_a_memory_folder_without_room_for_the_pages_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "MEMORY_FOLDER", tmp_path)
    assert search._memory_folder(10**12) is None


def test_a_records_address_and_what_it_only_shows_are_not_in_its_searched_text():
    record = {**RECORD, "url": "people/ada-ferrow/#s-harbour", "shown": {"source": "The Quay Post"}}
    page = search._record_page(record)
    searched = page.split("<div data-pagefind-ignore>")[0]
    assert "ada-ferrow" not in page and "The Quay Post" not in searched
    assert '<span data-pagefind-filter="shown-source">The Quay Post</span>' in page


def test_a_long_address_comes_back_from_its_folder_as_it_was():
    url = "sources/" + "a-very-long-article-id-" * 12 + "/#p-12"
    folder = search.address_folder(url)
    assert max(len(part) for part in folder.split("/")) <= search.SEGMENT
    assert search.address_of("/" + folder + "/") == url
