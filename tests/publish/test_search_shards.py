"""A big search index is written in shards, each from a Pagefind run of its own over at most
SHARD_RECORDS records, so that Pagefind's memory stays bounded whatever the story's size: every
record in exactly one shard, the shards listed where search.js finds them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.publish import pagefind as search
from generator.publish.pagefind import SHARDS, index_site, indexed
from tests.conftest import ROOT


def records(people: int, paragraphs: int) -> list[dict[str, Any]]:
    made = [
        {
            "url": f"people/p{n}/",
            "content": f"Person {n}\nHarbour master of dock {n}",
            "meta": {"title": f"Person {n}", "type": "Person"},
            "filters": {"type": ["Person"], "name": [f"Person {n}"], "kind": [f"Kind {n % 4}"]},
        }
        for n in range(people)
    ]
    made += [
        {
            "url": f"sources/a/#p-{n}",
            "content": f"The harbour paragraph {n}",
            "meta": {"title": "A"},
            "filters": {"type": ["Source paragraph"]},
            "index": "paragraphs",
        }
        for n in range(paragraphs)
    ]
    return made


def indexed_in_runs(
    tmp_path: Path, monkeypatch, made: list[dict[str, Any]], size: int
) -> list[int]:
    """Index `made` in shards of `size`: how many records each Pagefind run read."""
    run = subprocess.run
    pages: list[int] = []

    def spied(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        scratch = Path(command[command.index("--site") + 1])
        pages.append(len(list(scratch.rglob("index.html"))))
        return run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", spied)
    (tmp_path / "search.json").write_text(json.dumps(made), encoding="utf-8")
    (tmp_path / "site").mkdir()
    index_site(tmp_path / "search.json", tmp_path / "site", size)
    return pages


def test_each_pagefind_run_reads_at_most_a_shard_of_the_records(tmp_path, monkeypatch):
    made = records(7, 5)
    runs = indexed_in_runs(tmp_path, monkeypatch, made, 3)
    # 7 records in 3 shards, 5 paragraphs in 2 (two runs at a time: in any order)
    assert sorted(runs) == [2, 2, 2, 3, 3]
    index = tmp_path / "site" / "pagefind"
    assert json.loads((index / SHARDS).read_text()) == ["shard-1", "shard-2"]
    assert json.loads((index / "paragraphs" / SHARDS).read_text()) == ["shard-1"]
    hrefs = [r["href"] for r in indexed(tmp_path / "site")]
    assert sorted(hrefs) == sorted(r["url"] for r in made)  # each record once, in one shard
    # Only the first shard's Pagefind is loaded: the others hold no copy of it.
    assert (index / "pagefind.js").is_file() and (index / "wasm.en.pagefind").is_file()
    assert not [p.name for p in (index / "shard-1").glob("*") if p.suffix in {".js", ".pagefind"}]


def test_the_records_go_to_the_shards_in_turn(tmp_path, monkeypatch):
    indexed_in_runs(tmp_path, monkeypatch, records(7, 0), 3)
    index = tmp_path / "site" / "pagefind"
    in_shard = {
        folder: sorted(r["href"] for r in map(search.fragment_record, index.glob(f"{folder}/*")))
        for folder in ("fragment", "shard-1/fragment", "shard-2/fragment")
    }
    assert in_shard == {
        "fragment": ["people/p0/", "people/p3/", "people/p6/"],
        "shard-1/fragment": ["people/p1/", "people/p4/"],
        "shard-2/fragment": ["people/p2/", "people/p5/"],
    }


def test_an_index_that_fits_in_one_shard_has_no_others(tmp_path, monkeypatch):
    assert sorted(indexed_in_runs(tmp_path, monkeypatch, records(3, 2), 3)) == [2, 3]
    index = tmp_path / "site" / "pagefind"
    assert json.loads((index / SHARDS).read_text()) == []
    assert not list(index.glob("**/shard-*"))


def test_names_give_the_id_of_a_persons_record_in_whichever_shard_holds_it(tmp_path, monkeypatch):
    indexed_in_runs(tmp_path, monkeypatch, records(7, 0), 3)
    index = tmp_path / "site" / "pagefind"
    rows = json.loads((index / "names.json").read_text())
    where = {p.name.removesuffix(".pf_fragment"): p for p in index.glob("**/*.pf_fragment")}
    assert len(rows) == 7
    for name, _speaks, own in rows:
        assert search.fragment_record(where[own])["meta"]["title"] == name


INDEX_ALONE = """
import json, random, sys
from pathlib import Path
from generator.publish.pagefind import index_site
folder, size = Path(sys.argv[1]), int(sys.argv[2])
pick = random.Random(1).choice
words = [f"w{n}q{n * 7 % 13}" for n in range(3000)]
made = [
    {"url": f"s/{n}/", "content": f"Said {n}\\n" + " ".join(pick(words) for _ in range(60)),
     "meta": {"title": f"S{n}"}, "filters": {"type": ["Statement"]}}
    for n in range(1200)
]
(folder / "site").mkdir(parents=True)
(folder / "search.json").write_text(json.dumps(made))
print(index_site(folder / "search.json", folder / "site", size).peak_kb)
"""


def pagefind_peak_kb(folder: Path, size: int) -> int:
    """Pagefind's peak memory indexing 1,200 records in shards of `size`, in a process of its
    own (a process's peak counts every child it ever had)."""
    done = subprocess.run(
        [sys.executable, "-c", INDEX_ALONE, str(folder), str(size)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return int(done.stdout)


def test_shards_bound_pagefinds_memory(tmp_path):
    whole = pagefind_peak_kb(tmp_path / "whole", 10_000)
    sharded = pagefind_peak_kb(tmp_path / "sharded", 300)
    assert sharded < whole * 0.7, (sharded, whole)
