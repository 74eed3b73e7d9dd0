"""Stages 1 to 3, the content: read a story folder, check it, and link it.

`load` finds and parses every file (files.py says which may be read, yamlsource.py keeps every
value's line and column, parsecache.py skips unchanged files), `validate` checks each record
against the model, `link` resolves every reference (reporting only ids it cannot resolve), and
the `RULES` registry (rules.py) lists every rule across records (citations, checks, chronology;
quotations proved with quotemarks, quotation, variants, meaning), which `broken` applies to the
`Resolved` story; a story that breaks none becomes a `Linked` story with its `graph` of nodes.
Every step returns located `Problem`s, never raises.
Resolved with a `Recorder` (recorder.py), the graph tells it every read of its nodes: the
live preview's seam (generator/live/incremental.py).
"""

from generator.content.linking import Linked, Resolved, link
from generator.content.loading import Loaded, load
from generator.content.problems import Problem
from generator.content.recorder import Recorder
from generator.content.rules import RULES, Rule, broken
from generator.content.validation import Validated, validate

__all__ = [
    "RULES",
    "Linked",
    "Loaded",
    "Problem",
    "Recorder",
    "Resolved",
    "Rule",
    "Validated",
    "broken",
    "link",
    "load",
    "validate",
]
