"""The 404 page, served by a static host for a missing address at any depth, wherever the site
lives. MkDocs bases that page's links on site_url's path; without a site_url it writes them from
the host's root (`/assets/…`), which breaks a site served under a sub-path, as GitHub Pages
serves a project. Such a page is made portable here: its links become relative, and a small
script puts a <base> first, at the deepest folder of the address that holds the site's own
stylesheet. A site_url with a path (SITE_URL, as the Pages deploy sets it) needs none of this."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = "404.html"
# Written before any link is read; asks the host for the stylesheet, deepest folder first.
BASE_SCRIPT = (
    "<script>(function(){var p=location.pathname.split('/');p.pop();"
    "while(p.length){var b=p.join('/')+'/',x=new XMLHttpRequest();"
    "try{x.open('HEAD',b+'assets/stylesheets/explainer.css',false);x.send();"
    "if(x.status===200){var e=document.createElement('base');e.href=b;"
    "document.head.appendChild(e);return}}catch(_){}p.pop()}})();</script>"
)
_ROOTED = re.compile(r'(\s(?:href|src|action)=")/(?!/)')


def make_portable(site: Path) -> None:
    page = site / PAGE
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    if '"base": "/"' not in text:  # MkDocs based the links on site_url's path already
        return
    text = _ROOTED.sub(r"\1", text).replace(' href=""', ' href="./"')
    text = text.replace('"base": "/"', '"base": "."', 1)
    text = re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + BASE_SCRIPT, text, count=1)
    page.write_text(text, encoding="utf-8")
