"""Characters that no contributor's text may hold, and how to show them harmlessly.

Control characters (a new line and a tab excepted, which block scalars hold) can drive a
terminal; Unicode line breaks (U+0085, U+2028, U+2029) split lines where an editor shows none;
bidirectional controls reorder what a reader sees. Content files refuse them; seeds are kept
byte for byte, so they are neutralised where seed text is shown instead.
"""

from __future__ import annotations

import re
import unicodedata

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# In a file, \r also ends lines (\r\n); in a value YAML has already made every line end \n.
FORBIDDEN_IN_FILES = re.compile(FORBIDDEN.pattern.replace("\x0b-\x1f", "\x0b\x0c\x0e-\x1f"))
# In a terminal even a tab or a new line inside one message line would mislead.
# Where a line ends, as editors count lines (str.splitlines also breaks at U+2028 and the like).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Lone surrogates too: a file name's bytes that are not UTF-8, as Python decodes them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`; control characters have no name, only a code."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else " (a control character)")


def printable(text: str) -> str:
    """The text with every control, line-break and bidi character shown as an escape such as
    `\\x1b` or `\\u202e`, so that printing it cannot move the cursor, clear the screen or
    reorder a line; a byte of a file name that is not UTF-8 as `\\xff`, as `ls -b` shows it."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for the byte code - 0xDC00
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
