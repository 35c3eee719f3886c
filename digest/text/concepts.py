"""Words as matching concepts: stop words dropped, inflections stemmed, synonyms folded, negations spelled out."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .grammar import STOPWORDS
from .negation import CONTRACTED_NEGATIONS, NEGATED_PREFIXES, NEGATED_WORDS, NEGATION, NEGATION_WORDS
from .stemming import stem
from .synonyms import SYNONYM_GROUPS
from .tokens import TOKEN_RE, is_acronym, normalise_token


def _synonym_index(groups: Iterable[tuple[str, ...]]) -> dict[str, str]:
    """Map every listed word, and its stem, to its group's key (the first word's stem)."""
    index: dict[str, str] = {}
    for group in groups:
        key = stem(group[0])
        for word in group:
            index.setdefault(word, key)
            index.setdefault(stem(word), key)
    return index


SYNONYMS: dict[str, str] = _synonym_index(SYNONYM_GROUPS)
"""Normalised word or stem → concept key, built from ``SYNONYM_GROUPS``."""


@lru_cache(maxsize=262_144)
def concept(word: str) -> str:
    """Return the matching concept of a normalised word: its synonym key or its stem."""
    return SYNONYMS.get(word) or SYNONYMS.get(stem(word)) or stem(word)


_POSSESSIVE_ENDINGS = ("'s", "’s", "ʼs", "'S", "’S", "ʼS")


def content_words(text: str) -> list[str]:
    """Return the normalised content words of ``text`` in order (stop words dropped)."""
    words: list[str] = []
    for word in TOKEN_RE.findall(text):
        norm = normalise_token(word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word)
        for part in norm.split("-") if "-" in norm else (norm,):
            if part and (part not in STOPWORDS or is_acronym(word)):
                words.append(part)
    return words


def _negated_bases(words: str) -> dict[str, str]:
    """Map every listed negated word to its base word (``impossible`` → ``possible``)."""
    bases = {}
    for word in words.split():
        prefix = next(p for p in NEGATED_PREFIXES if word.startswith(p))
        bases[word] = word[len(prefix) :]
    return bases


NEGATED_BASES: dict[str, str] = _negated_bases(NEGATED_WORDS)
"""Negated word → its base, built from ``NEGATED_WORDS``."""


@lru_cache(maxsize=262_144)
def word_concepts(word: str) -> tuple[str, ...]:
    """Return the concepts of one normalised content word: a negation spelled out, else its concept.

    ``no``, ``cannot`` and contractions (``don't``) are the negation; a listed negated word is
    the negation and its base (``impossible`` → ``not``, ``possibl``), so "it is impossible",
    "it is not possible" and "it isn't possible" share their concepts in the same order.
    """
    if word in NEGATION_WORDS or word in CONTRACTED_NEGATIONS:
        return (NEGATION,)
    base = NEGATED_BASES.get(word)
    if base is not None:
        return NEGATION, concept(base)
    return (concept(word),)


def concepts(text: str) -> list[str]:
    """Return the matching concepts of ``text`` in order (content words, stemmed, synonyms and negations folded)."""
    return [found for word in content_words(text) for found in word_concepts(word)]
