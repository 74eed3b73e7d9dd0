"""Stage 5, publishing: the pages on disk and the site built from them.

`write` puts rendered files in build/docs (touching only those that change; the share pages in
build/share beside it), `build_site` (site.py) builds site/ from them with MkDocs and Pagefind,
links the share pages in without MkDocs (sharepages.py) and swaps it in, config.py writes
the whole MkDocs configuration with the product's theme (theme/) and hooks (mkdocs_hooks.py),
pagefind.py indexes the search records (stableindex.py makes that index reproducible),
notfound.py makes the 404 page work at any depth, logo.py admits the story's one published
file, stamp.py keeps the state files (what build/docs and site/ were made from, the site's
date), and apart.py runs work in a process of its own so its memory is returned.
"""

from generator.publish.config import SiteConfig, config_text, site_config
from generator.publish.pagefind import index_site
from generator.publish.site import build_site
from generator.publish.writing import write, write_file

__all__ = [
    "SiteConfig",
    "build_site",
    "config_text",
    "index_site",
    "site_config",
    "write",
    "write_file",
]
