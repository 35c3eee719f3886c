"""Data only: quotation marks, dashes and the token edges quotation finding strips."""

from __future__ import annotations

import re

DOUBLE_MARKS = frozenset('"“”„«»')
"""Marks of the double family: any opener of the family may be closed by any closer of it."""

SINGLE_MARKS = frozenset("'‘’‚‹›")
"""Marks of the single family; between two letters they are apostrophes, not quotes."""

QUOTE_MARK = re.compile("[\"'“”„«»‘’‚‹›]")
"""Any quotation mark, straight or typographic."""

STRAIGHT_MARKS = frozenset("\"'")
"""Marks with no direction of their own; the flanking characters decide."""

OPEN_ONLY_MARKS = frozenset("„‚")
"""Low marks that only ever open (German, Polish, Czech, Romanian ...)."""

OPENING_MARKS = frozenset("“‘«‹")
"""Marks that open in most languages (``“`` also closes a German ``„``)."""

CLOSING_MARKS = frozenset("”’»›")
"""Marks that close in most languages (``»`` also opens in German and Danish)."""

LOW_OPENERS = frozenset("„‚")
"""Openers whose closer is the high-6 mark (``„…“``, ``‚…‘``)."""

CLOSING_PUNCTUATION = frozenset(",.!?;:…")
"""Punctuation right before a straight mark that makes it a closer even without a space after."""

DASHES = frozenset("—–―")
"""Dashes that introduce a speaker after a quote (``“...” — X``)."""

INTRODUCING_MARKS = frozenset(":—–―")
"""Marks after which a quotation is introduced by the clause before it (``X's verdict: “...”``)."""

MARKUP_TAG = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:[\"“”][^\"“”<>]*[\"“”]|'[^'<>]*'|[^\s\"'“”<>]+))?)*\s*/?>"
)
"""A markup tag left in plain text (``<tweet author="@X" id="1">``, ``<a href=”…”>``): its attribute
values are no quotations."""

TOKEN = re.compile(r"\S+")
"""A whitespace-delimited token; punctuation at its edges is stripped afterwards."""

TOKEN_EDGE = "\"'“”‘’«»„‚‹›()[]{}.,;:!?…*"
"""Characters stripped from both ends of a token."""

WORD_CHAR = re.compile(r"[^\W_]")
"""A letter or digit: a quote without one is noise."""

MAX_NESTING = 6
"""Deepest nesting of quotation marks followed; deeper openers are ignored."""
