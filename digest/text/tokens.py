"""Words with offsets, their comparison form, and the acronym test every stage shares.

Tokens are words only: punctuation, quotation marks and ellipses (``...``, ``..``, ``…``)
are never tokens, so two renderings that differ only in those compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S., U.N.
    r"|\d+(?:[.,:]\d+)+"  # numbers with separators: 2,500  3.5  10:30
    r"|[^\W_]+(?:['’ʼ‘\-‐‑][^\W_]+)*"  # words, with inner apostrophes and hyphens
)
"""One word: letters and digits, keeping inner apostrophes, hyphens and number separators."""

APOSTROPHES = "'’ʼ‘`´"
"""Characters that spell an apostrophe; removed by ``normalise_token``."""

HYPHENS = "‐‑‒–—−"
"""Characters that spell a hyphen or dash; folded to ``-``."""


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Return the words of ``text`` as ``(word, start, end)``, offsets into ``text``."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=262_144)
def normalise_token(word: str) -> str:
    """Return the comparison form of a word: casefolded, unaccented, no apostrophes or dots."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.translate(_TOKEN_TABLE)
    if bare[:1].isdigit():
        bare = _DIGIT_COMMA_RE.sub("", bare)
    return unicodedata.normalize("NFC", bare).strip("-")


_DIGIT_COMMA_RE = re.compile(r"(?<=\d),(?=\d)")
_TOKEN_TABLE = str.maketrans({**dict.fromkeys(APOSTROPHES + ".", None), **dict.fromkeys(HYPHENS, "-")})


@lru_cache(maxsize=262_144)
def fold(word: str) -> str:
    """Return a word's cross-language form: normalised (``normalise_token``) with doubled letters single."""
    return _DOUBLED_RE.sub(r"\1", normalise_token(word))


_DOUBLED_RE = re.compile(r"(\w)\1+")


def normalise_text(text: str) -> str:
    """Return ``text`` as space-separated normalised words (no case, punctuation or ellipses)."""
    return " ".join(normalise_token(word) for word, _, _ in tokenize(text))


def is_acronym(word: str) -> bool:
    """Tell whether a word as written is an upper-case acronym (``US``, ``U.N.``)."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a vocabulary written as one string."""
    return frozenset(text.split())
