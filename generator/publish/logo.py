"""The story's logo, the one file of a story the site publishes as it is: it must be a plain file
of the story's folder (never a link out of it) and a whole, well-formed PNG image of sensible
size, so that what lands in site/assets/ is an image and nothing else (no script behind a PNG's
first bytes, no picture whose size would exhaust a reader's browser)."""

from __future__ import annotations

import struct
import zlib

from generator.model.sitesettings import LOGO_MAX_BYTES, LOGO_MAX_PIXELS, SiteSettings
from generator.project import Project

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def logo_problem(project: Project, site: SiteSettings) -> str | None:
    """Why the story's logo cannot be published, or None."""
    if site.logo is None:
        return None
    path = project.root / site.logo
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return f"'{site.logo}' must be a plain file, not a link or folder: copy the image there"
    try:
        if path.stat().st_size > LOGO_MAX_BYTES:
            return f"'{site.logo}' is larger than 512 KB: make it smaller"
        data = path.read_bytes()
    except FileNotFoundError:
        return f"'{site.logo}' is not in the story's folder: add the file beside content/"
    except OSError:
        return f"'{site.logo}' cannot be read: chmod u+r {site.logo}"
    why = png_problem(data)
    return None if why is None else f"'{site.logo}' {why}"


def png_problem(data: bytes) -> str | None:
    """Why `data` is not a whole PNG image of at most LOGO_MAX_PIXELS a side, or None: the
    signature, then chunks each with its length and checksum, IHDR first, IEND last, nothing
    after it."""
    broken = "is not a whole PNG image: save the logo again as a PNG"
    if not data.startswith(_SIGNATURE):
        return broken
    at, first, ended = len(_SIGNATURE), True, False
    while at < len(data) and not ended:
        if at + 12 > len(data):
            return broken
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        body = data[at + 8 : at + 8 + length]
        if len(body) != length or at + 12 + length > len(data):
            return broken
        (checksum,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        if zlib.crc32(kind + body) != checksum or (first and kind != b"IHDR"):
            return broken
        if first:
            width, height = struct.unpack(">II", body[:8])
            if not 0 < width <= LOGO_MAX_PIXELS or not 0 < height <= LOGO_MAX_PIXELS:
                return (
                    f"is {width} × {height} pixels: make it at most {LOGO_MAX_PIXELS} pixels a side"
                )
        first, ended, at = False, kind == b"IEND", at + 12 + length
    return None if ended and at == len(data) else broken
