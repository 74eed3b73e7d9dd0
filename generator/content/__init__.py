"""Stages 1 to 3, the content: read a story folder, check it, and link it.

`load` finds and parses every file (files.py says which may be read, yamlsource.py keeps every
value's line and column, parsecache.py skips unchanged files), `validate` checks each record
against the model, and `link` resolves every reference and proves every quotation (quotemarks,
quotation, variants, meaning) and every rule across records (checks, chronology), handing on a
`Linked` story and its `graph` of nodes. Every step returns located `Problem`s, never raises.
"""

from generator.content.linking import Linked, link
from generator.content.loading import Loaded, load
from generator.content.problems import Problem
from generator.content.validation import Validated, validate

__all__ = ["Linked", "Loaded", "Problem", "Validated", "link", "load", "validate"]
