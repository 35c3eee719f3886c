"""Words that look alike across languages: the spelling rules of cognate matching.

A translation shares few words with its original, but many it does share in spelling:
names, numbers, acronyms, and the Latin and Greek stock that English, the Romance languages
and German write alike (``solution``/``solución``, ``collateral``/``colateral``,
``control``/``Kontrolle``). Two words are cognates when their folded forms (no case, no
accents, double letters single) are close in edit distance, or open with nearly the same
letters (``important``/``importancia``). Only words of some length count: short words
agree by chance.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tokens import TOKEN_RE, normalise_token

MIN_LETTERS = 4
"""Letters a word needs to be compared at all (shorter ones match only when equal and numbers)."""

WORD_CUTOFF = 80.0
"""``fuzz.ratio`` of two folded words from which they are cognates."""

PREFIX_LETTERS = 6
"""How many opening letters the prefix rule compares."""

PREFIX_CUTOFF = 83.0
"""``fuzz.ratio`` of two words' first ``PREFIX_LETTERS`` folded letters from which they are cognates.

83 lets one letter of six differ (``sistem``/``system``)."""

_DOUBLED = re.compile(r"(\w)\1+")


@lru_cache(maxsize=262_144)
def fold(word: str) -> str:
    """Return a word's cross-language form: normalised (``normalise_token``) with doubled letters single."""
    return _DOUBLED.sub(r"\1", normalise_token(word))


def cross_words(text: str, function_words: frozenset[str]) -> frozenset[str]:
    """Return the folded words of ``text`` worth comparing across languages.

    Numbers count whatever their length; other words need ``MIN_LETTERS`` letters and must
    not be in ``function_words`` (as ``normalise_token`` writes them).
    """
    found = set()
    for word in TOKEN_RE.findall(text):
        norm = normalise_token(word)
        if norm[:1].isdigit() or (len(norm) >= MIN_LETTERS and norm not in function_words and norm.isalpha()):
            found.add(fold(word))
    return frozenset(found)
