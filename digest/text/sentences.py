"""Data only: where sentences end, in the three senses the pipeline needs.

* ``SENTENCE_END_CHARS``: the last character of a quotation that ends a sentence;
* ``SENTENCE_SPLIT``: a boundary between two sentences of a paragraph, to split on;
* ``SENTENCE_LIKE_LINE_END``: a line of page text that ends like a sentence or clause
  (colons, semicolons and closing brackets count), so it is body text and not furniture.
"""

from __future__ import annotations

import re

from .titles import ABBREVIATED_TITLES
from .tokens import words

SENTENCE_END_CHARS = frozenset(".!?…")
"""Characters that end a sentence inside a quotation."""

SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
"""A candidate sentence boundary; the next character must start a sentence."""

ABBREVIATIONS = ABBREVIATED_TITLES | words(
    """
    gov cpt no nos vol pp fig inc ltd co corp dept est approx vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    """
)
"""Words that end with a full stop without ending the sentence (lower-case, no dot): the
abbreviated titles, and abbreviations of numbers, companies, months and days."""


SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“‘«A-Z0-9])")
"""A boundary between two sentences of a paragraph (after the stop and any closing mark)."""

SENTENCE_LIKE_LINE_END = re.compile(r"[.!?:;\"”’»)]\s*$")
"""The end of a line that reads as body text: a sentence's or clause's closing punctuation."""
