"""The 404 page, served by a static host for a missing address at any depth, wherever the site
lives. MkDocs bases that page's links on site_url's path; without a site_url it writes them from
the host's root (`/assets/…`), which breaks a site served under a sub-path, as GitHub Pages
serves a project. Such a page is made portable here: its links become relative, and a small
script puts a <base> first, at the deepest folder of the address that holds the site's own
stylesheet. A site_url with a path (SITE_URL, as the Pages deploy sets it) needs none of this.

The address is the reader's to type, and a host serves this page for any of them, such as
`https://SITE//other.example/x`: had the base been the address's folders as they are, it would
have been `//other.example/`, another host, and every script and stylesheet would load from
there. So the script never lets the address's path name a host: it takes the path's non-empty
segments only (backslashes read as slashes) and writes every URL it asks for or sets as base
whole, as the page's own origin followed by a path that starts with exactly one slash; on a
page without an origin of its own (opened from a file: "null") it sets no base at all."""

from __future__ import annotations

import re
from pathlib import Path

PAGE = "404.html"
# Written before any link is read; asks the page's own origin for the stylesheet, deepest
# folder of the address first, down to the root.
BASE_SCRIPT = (
    "<script>(function(){var o=location.origin;if(!/^https?:[/][/][^/]+$/.test(o))return;"
    "var p=location.pathname.replace(/\\\\/g,'/').split('/');p.pop();p=p.filter(Boolean);"
    "for(;;){var b=o+'/'+p.map(function(s){return s+'/'}).join(''),x=new XMLHttpRequest();"
    "try{x.open('HEAD',b+'assets/stylesheets/explainer.css',false);x.send();"
    "if(x.status===200){var e=document.createElement('base');e.href=b;"
    "document.head.appendChild(e);return}}catch(_){}if(!p.length)return;p.pop()}})();</script>"
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
