"""Pagefind's index is put in a stable order (generator/publish/stableindex.py) only when it is
in the format that code was written for: anything else is refused, never guessed at."""

from __future__ import annotations

import gzip
import shutil

import pytest

from generator.publish.stableindex import stabilise
from tests.conftest import tree


def test_a_stable_index_is_left_as_it_is(mini_site, tmp_path):
    index = shutil.copytree(mini_site / "site" / "pagefind", tmp_path / "pagefind")
    stabilise(index)
    assert tree(index) == tree(mini_site / "site" / "pagefind")


def test_a_filter_file_in_another_format_is_refused(mini_site, tmp_path):
    index = shutil.copytree(mini_site / "site" / "pagefind", tmp_path / "pagefind")
    changed = sorted((index / "filter").iterdir())[0]
    data = gzip.decompress(changed.read_bytes())
    changed.write_bytes(gzip.compress(data + b"\xa0"))  # one more item: a CBOR map
    with pytest.raises(ValueError, match=f"^{changed.name}: not in the format this generator"):
        stabilise(index)
