"""Stage 0, the model: what a story is made of, and where each part of it is shown.

The record types and the parts they are built from (records.py, parts.py), what a story may
choose about its site (sitesettings.py), the day a build stamps (sitedate.py), the characters
no text may hold (characters.py), the section pages (sections.py) and the address of every
page (urls.py); the JSON Schemas (schema.py) and the contributor guide's reference (docs.py)
are derived from them. The bottom floor: it imports no other stage.
"""

from generator.model.records import COLLECTIONS, RECORD_TYPES, Collection
from generator.model.sections import SECTIONS, Section

__all__ = ["COLLECTIONS", "RECORD_TYPES", "SECTIONS", "Collection", "Section"]
