"""What a built site's Pagefind index holds: each record as Pagefind stored it (its fragments
are gzipped JSON behind a signature), for tests that read the index rather than search it. A
record's address is its `href` meta (generator/search.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def records(site: Path) -> list[dict[str, Any]]:
    found = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE), fragment
        found.append(json.loads(data[len(SIGNATURE) :]))
    return found
