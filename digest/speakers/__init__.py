"""Speakers: one entity per person or organisation, whatever each outlet wrote.

Owns name keys (``keys``), personal names and titles (``persons``), organisations'
names (``organisations``), what a written speaker is (``classify``), agreement between
names (``agreement``), the per-article name index (``index``), mentions read from quotes
(``mentions``), descriptions linked to the person they mean (``descriptions``), grouping
them into entities (``clustering``) and the entry point (``resolution``). Rules, in order
of trust, are told in :mod:`digest.speakers.resolution`.

May import: :mod:`digest.text`, :mod:`digest.quotes` and :mod:`digest.models`.
"""

from .index import ArticleNames, article_names
from .keys import phonetic_key
from .persons import normalise_name, split_title
from .resolution import resolve_speakers

__all__ = ["ArticleNames", "article_names", "normalise_name", "phonetic_key", "resolve_speakers", "split_title"]
