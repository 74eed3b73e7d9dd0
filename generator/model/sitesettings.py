"""What a story may choose about its site: the `site:` block of content/story.yaml.

A story is data. These few settings are all it varies; the generator writes the rest of the
MkDocs configuration itself (generator/publish/config.py) and its theme ships with it
(generator/publish/theme/). Each value is checked like any other content, so a wrong one gets a
located message at `check`, and none can add an extension, plugin, hook, YAML tag, template,
or a script or stylesheet from another host.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from generator.model.parts import BRANCH_PATTERN, LOGO_PATTERN, SITE_URL_PATTERN, Record

# The languages Material for MkDocs translates its interface into (its partials/languages/).
Language = Literal[
    "af", "ar", "az", "be", "bg", "bn", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es",
    "et", "eu", "fa", "fi", "fr", "gl", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja",
    "ka", "kn", "ko", "ku-IQ", "lb", "lt", "lv", "mk", "mn", "ms", "my", "nb", "nl", "nn", "pl",
    "pt", "pt-BR", "ro", "ru", "sa", "sh", "si", "sk", "sl", "sq", "sr", "sv", "ta", "te", "th",
    "tl", "tr", "uk", "ur", "uz", "vi", "zh", "zh-Hant", "zh-TW",
]  # fmt: skip
# Material's named colours, for the header (primary) and links and buttons (accent).
ThemeColour = Literal[
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal",
    "green", "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey",
    "blue-grey", "black", "white",
]  # fmt: skip
# The logo is copied into the site under this name (its own extension kept).
LOGO_NAME = "assets/story-logo"
LOGO_MAX_BYTES = 512 * 1024
LOGO_MAX_PIXELS = 2048


def _https(value: str) -> str:
    if not value.startswith("https://"):
        raise PydanticCustomError(
            "https_only",
            "'{value}' is not an https:// address: write it with https://, as browsers load "
            "a secure site's links and logo only that way",
            {"value": value},
        )
    return value


HttpsUrl = Annotated[str, StringConstraints(pattern=SITE_URL_PATTERN), AfterValidator(_https)]


class SiteSettings(Record):
    """`site:` in content/story.yaml: how the story's site looks and where it lives. Every
    setting is optional."""

    language: Language = Field(
        default="en",
        description="The language of the site's interface (its buttons, search box and "
        "labels Material draws, and the pages' `lang`), a code such as `en`, `fr` or `pt-BR`; "
        "the generator's own headings are in English.",
    )
    primary: ThemeColour = Field(
        default="indigo",
        description="The header's colour: one of Material's named colours, such as `indigo`, "
        "`teal` or `deep-orange`.",
    )
    accent: ThemeColour = Field(
        default="indigo", description="The colour of links and buttons, from the same names."
    )
    url: HttpsUrl | None = Field(
        default=None,
        description="Optional: the https:// address the site is published at, such as "
        "`https://example.org/story/` (SITE_URL in the environment, which a deploy sets, "
        "takes precedence); canonical links, link previews and the feed's ids use it.",
    )
    repository: HttpsUrl | None = Field(
        default=None,
        description="Optional: the https:// address of the story's repository on a git host; "
        "each page's foot then links readers to the file and line of its facts there "
        '("Suggest a correction"). Without it, pages name no file.',
    )
    edit_branch: Annotated[str, StringConstraints(pattern=BRANCH_PATTERN, max_length=100)] = Field(
        default="main",
        description='The branch the "Suggest a correction" links open (default `main`): '
        "letters, digits and `. _ / -`.",
    )
    logo: Annotated[str, StringConstraints(pattern=LOGO_PATTERN)] | None = Field(
        default=None,
        description="Optional: a logo for the header, a PNG file beside content/ in the "
        "story's folder, such as `logo.png` (at most 512 KB and 2048 × 2048 pixels; no SVG, "
        "which can hold script).",
    )
    directory_urls: bool = Field(
        default=True,
        description="Whether pages are served as `people/x/` (true, the default) or "
        "`people/x.html` (false, for hosts that serve no folder's index.html).",
    )
