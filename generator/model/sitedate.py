"""The day a build stamps on the site: the story's `updated` (content/story.yaml), or the day of
SOURCE_DATE_EPOCH when the environment sets it (reproducible builds, as MkDocs reads it).

MkDocs writes that day as the time of sitemap.xml.gz, and gzip holds a time as an unsigned
32-bit count of seconds since 1970-01-01 UTC (RFC 1952), so only the days from 1970-01-01 to
2106-02-07 can stamp a site: any other makes MkDocs stop with a traceback. Every other date in
the content is only shown as text (pages, JSON-LD, search, downloads), so it has no such limit.
"""

from __future__ import annotations

import datetime as dt
import os

FIRST_DAY = dt.date(1970, 1, 1)
LAST_DAY = dt.datetime.fromtimestamp(2**32 - 1, dt.UTC).date()  # 2106-02-07
_LAST_SECOND = int(dt.datetime.combine(LAST_DAY, dt.time.max, dt.UTC).timestamp())
_WHY = "sitemap.xml.gz holds the time as 32-bit seconds since 1970-01-01"


def epoch(day: dt.date) -> int:
    """The day's start as SOURCE_DATE_EPOCH: seconds since 1970-01-01 UTC."""
    return int(dt.datetime.combine(day, dt.time(), dt.UTC).timestamp())


def unstampable(day: dt.date) -> str | None:
    """Why `updated` cannot date the site, or None when it can."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    limit = f"before {FIRST_DAY}, the first" if day < FIRST_DAY else f"after {LAST_DAY}, the last"
    return (
        f"'{day}' is {limit} day a site can be dated with ({_WHY}): write the day the facts "
        "were last checked, as YYYY-MM-DD"
    )


def environment_problem() -> str | None:
    """Why SOURCE_DATE_EPOCH, if the environment sets it, cannot date the site, in one line."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    try:
        seconds = int(value)  # as MkDocs reads it
    except ValueError:
        seconds = None
    if seconds is not None and 0 <= seconds <= _LAST_SECOND:
        return None
    return (
        f"SOURCE_DATE_EPOCH: {value!r} is not a time a site can be dated with ({_WHY}): set it "
        f"to whole seconds since then, from 0 to {_LAST_SECOND} ({LAST_DAY}), or unset it to "
        "date the site with the story's `updated`"
    )
