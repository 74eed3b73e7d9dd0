"""After the build, `verify`: whether a built site is right for its story, whatever the story.

site.py reads every page (with html.py) for links, anchors, ids and JSON-LD; records.py checks
that every record of the story is on the site, in the downloads and in the search index.
"""

from generator.verify.site import Verified, verify

__all__ = ["Verified", "verify"]
