"""A light English suffix stemmer with British spellings folded to American ones."""

from __future__ import annotations

import re
from functools import lru_cache

_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    # (suffix, replacement, minimum stem length left)
    ("ements", "", 4),
    ("ement", "", 4),
    ("ments", "", 4),
    ("ment", "", 4),
    ("nesses", "", 3),
    ("ness", "", 3),
    ("ically", "ic", 3),
    ("ally", "al", 3),
    ("ies", "y", 3),
    ("ied", "y", 3),
    ("sses", "ss", 2),
    ("ings", "", 3),
    ("ing", "", 3),
    ("edly", "", 3),
    ("ed", "", 3),
    ("es", "", 3),
    ("s", "", 3),
)
"""Inflectional (and a few derivational) endings folded by the light stemmer."""

_KEEP_S_ENDINGS = ("ss", "us", "is", "ous")

SPELLING_VARIANTS: tuple[tuple[str, str], ...] = (
    (r"isation$", "ization"),
    (r"(?<=.{3})is(e|es|ed|ing)$", r"iz\1"),
    (r"(?<=.{3})our$", "or"),
    (r"(?<=.{3})tre$", "ter"),
)
"""British spellings folded to American ones before stemming (``organisation``, ``labour``)."""

_SPELLING_RES = tuple((re.compile(pattern), repl) for pattern, repl in SPELLING_VARIANTS)


def _american(word: str) -> str:
    """Fold a British spelling to the American one (``defence`` is in the synonyms)."""
    for pattern, repl in _SPELLING_RES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """Fold a normalised word's common English endings (``continues`` → ``continu``)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _american(word)
    for suffix, replacement, min_stem in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        base = word[: len(word) - len(suffix)]
        if len(base) < min_stem or (suffix in ("s", "es") and word.endswith(_KEEP_S_ENDINGS)):
            continue
        word = base + replacement
        break
    return _tidy_stem(word)


def _tidy_stem(word: str) -> str:
    """Undouble a final consonant and drop a final ``e`` so all forms share one stem."""
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeious":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word
