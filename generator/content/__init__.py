"""Stages 1 to 3, the content: read a story folder, check it, and link it.

`load` finds and parses every file (files.py says which may be read, yamlsource.py keeps every
value's line and column, parsecache.py skips unchanged files), `validate` checks each record
against the model, and `link` resolves every reference and proves every quotation (quotemarks,
quotation, variants, meaning) and every rule across records (checks, chronology), handing on a
`Linked` story and its `graph` of nodes. Every step returns located `Problem`s, never raises.
Linked with a `Recorder` (recorder.py), the graph tells it every read of its nodes: the live
preview's seam (generator/live/incremental.py).
"""

from generator.content.linking import Linked, link
from generator.content.loading import Loaded, load
from generator.content.problems import Problem
from generator.content.recorder import Recorder
from generator.content.validation import Validated, validate

__all__ = ["Linked", "Loaded", "Problem", "Recorder", "Validated", "link", "load", "validate"]
