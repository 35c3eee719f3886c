"""The one slugifier: readable lower-case ASCII names for pages, storylines and speakers."""

from __future__ import annotations

import re

from anyascii import anyascii

from .grammar import STOPWORDS

SLUG_MAX = 60
"""Longest storyline slug, in characters."""

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug_words(text: str, *, apostrophes: bool = True) -> list[str]:
    """Return the lower-case ASCII words of ``text`` (apostrophes removed first when ``apostrophes`` is false)."""
    ascii_text = anyascii(text).lower()
    if not apostrophes:
        ascii_text = ascii_text.replace("'", "")
    return [w for w in _NON_ALNUM.split(ascii_text) if w]


def slugify(
    text: str,
    max_length: int | None = SLUG_MAX,
    *,
    whole_words: bool = True,
    apostrophes: bool = True,
    fallback: str = "storyline",
) -> str:
    """Return a lower-case ASCII slug of ``text``, never empty.

    A slug longer than ``max_length`` is cut at a word boundary without a dangling article
    (``whole_words``), or else at that many characters; ``apostrophes=False`` joins
    ``Maan's`` into ``maans``; ``fallback`` is the slug of a text without letters or digits.
    """
    words = slug_words(text, apostrophes=apostrophes)
    if max_length is None:
        slug = "-".join(words)
    elif whole_words:
        slug = _cut_at_word(words, max_length)
    else:
        slug = "-".join(words)[:max_length].strip("-")
    return slug or fallback


def _cut_at_word(words: list[str], max_length: int) -> str:
    """Join ``words`` up to ``max_length`` characters, dropping a trailing stop word."""
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > max_length:
            break
        kept.append(word[:max_length])
    while len(kept) > 1 and len(kept) < len(words) and kept[-1] in STOPWORDS:
        kept.pop()
    return "-".join(kept)
