"""Helping a contributor write content: `new-story` (newstory.py), `new-article` (scaffold.py)
and `draft-quotes` (drafting/, saved by draftfile.py), each writing only what `check` accepts
and never through a symbolic link.
"""

from generator.authoring.newstory import new_story
from generator.authoring.scaffold import NewArticle, new_article

__all__ = ["NewArticle", "new_article", "new_story"]
