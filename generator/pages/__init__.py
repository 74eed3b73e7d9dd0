"""Stage 4, the pages: a linked story turned into Markdown pages, data files and search records,
all in memory.

`render` decides which pages exist and hands each template its nodes and the story's
`PageInputs` (inputs.py: all a template reads of the story outside nodes). views.py computes
what templates only present, prose.py the sentences they print; citations.py makes every
citation, marks.py, chart.py, jsonld.py and share.py the other parts that are HTML or JSON,
feed.py the story's Atom feed;
`downloads` makes data/facts.json and the CSV tables, `search_records` the search records.
text.py is the one list of the places a contributor's text lands, and how it is made safe there.
Nothing here writes a file.
"""

from generator.pages.downloads import data_files
from generator.pages.inputs import PageInputs
from generator.pages.rendering import environment, pages, render
from generator.pages.search_records import records_text

__all__ = ["PageInputs", "data_files", "environment", "pages", "records_text", "render"]
