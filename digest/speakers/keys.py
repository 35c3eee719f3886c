"""Name keys: thresholds, compiled spelling rules, and the ASCII, phonetic and skeleton forms of a name word."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from digest.text.grammar import DETERMINERS, PRONOUNS
from digest.text.organisations import ORG_HEADS, ORG_MARKERS
from digest.text.personal_names import HYPHEN_PARTICLES, SPACED_PARTICLES
from digest.text.places import DEMONYMS
from digest.text.romanisation import PHONETIC_RULES, SKELETON_RULES, SLAVIC_RULES, SLAVIC_WORD
from digest.text.slugs import slugify
from digest.text.titles import DESCRIPTIVE_ADJECTIVES, GENERIC_NOUNS, TITLE_WORDS

NAME_MATCH = 80.0
"""Least ``fuzz.ratio`` (0-100) of two names' phonetic keys, with equal consonant skeletons, to agree."""

STRONG_MATCH = 90.0
"""``fuzz.ratio`` of two phonetic keys at or above which they agree whatever their skeletons."""

ROLE_CONFLICT = 50.0
"""Two sets of roles contradict each other when no pair scores this much (token_set_ratio)."""

ROLE_MARGIN = 10.0
"""How much better one candidate's roles must fit to choose it over another."""

MAX_ROLE_WORDS = 16
"""Longest role, in words, read beside a name in an article."""

# --------------------------------------------------------------------------- compiled data

_PHONETIC = tuple((re.compile(p), r) for p, r in PHONETIC_RULES)
_SKELETON = tuple((re.compile(p), r) for p, r in SKELETON_RULES)
_SLAVIC_PHONETIC = tuple((re.compile(p), r) for p, r in SLAVIC_RULES) + _PHONETIC
_SLAVIC_WORD = re.compile(SLAVIC_WORD)
_DEMONYMS = {k.replace(".", ""): v for k, v in DEMONYMS.items()}
_DEMONYM_WORDS = frozenset(w for k in _DEMONYMS for w in k.split("-"))
ORG_WORDS = ORG_HEADS | ORG_MARKERS
NOT_NAME = TITLE_WORDS | GENERIC_NOUNS | DETERMINERS | PRONOUNS | DESCRIPTIVE_ADJECTIVES | _DEMONYM_WORDS | ORG_WORDS
PARTICLES = HYPHEN_PARTICLES | SPACED_PARTICLES
APOSTROPHES = "'’‘ʼʿʾ`´"
WORD_RE = re.compile(r"[^\W_](?:[\w" + APOSTROPHES + r".\-‐‑]*[^\W_])?")
PAREN_RE = re.compile(r"\s*\([^)]*\)")
APPOSITIVE_END_RE = re.compile(r"[,;:!?“”\"\n]|\.\s")
ROMAN_RE = re.compile(r"^[IVXLC]+$")
POSSESSIVE_RE = re.compile(r"['’]s$")
_QUOTE_MARKS_RE = re.compile(r"['`\"]")
LAST_WORD_RE = re.compile(r"\b([A-Za-z]+)\s+\Z")
DETERMINER_WINDOW = 16
"""How far before a name to look for the determiner in front of it."""
ACRONYM_DEFINITION_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]*[A-Z]\.?)\s*\)")


# --------------------------------------------------------------------------- keys


@lru_cache(maxsize=1 << 16)
def ascii_key(text: str) -> str:
    """Return ``text`` in lower-case ASCII with apostrophe marks removed."""
    return _QUOTE_MARKS_RE.sub("", anyascii(text).lower())


@lru_cache(maxsize=1 << 16)
def plain_word(word: str) -> str:
    """Return one word's lower-case ASCII form without possessive, apostrophes or edge dots."""
    return ascii_key(POSSESSIVE_RE.sub("", word)).strip(".,;:()[]{}-")


@lru_cache(maxsize=1 << 16)
def phonetic_key(word: str) -> str:
    """Return a transliteration-insensitive key for one name word (``Qassem`` -> ``kasim``)."""
    key = re.sub(r"[^a-z]", "", ascii_key(word))
    rules = _SLAVIC_PHONETIC if _SLAVIC_WORD.search(key) else _PHONETIC
    for pattern, replacement in rules:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """Return the consonant skeleton of a phonetic key, for blocking (``kasim`` -> ``ksm``)."""
    out = key
    for pattern, replacement in _SKELETON:
        out = pattern.sub(replacement, out)
    return out or key


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
ARABIC_ARTICLE = "ال"


def is_arabic_word(word: str) -> bool:
    """Tell whether a word is written in Arabic script."""
    if word.isascii() or not _ARABIC_LETTER.search(word):
        return False
    return all(_ARABIC_LETTER.match(c) or not c.isalpha() for c in word)


def arabic_name_word(word: str) -> bool:
    """Tell whether an Arabic word may be a name: Arabic has no capitals, but ``ال`` marks a common noun."""
    return is_arabic_word(word) and not word.startswith(ARABIC_ARTICLE)


@lru_cache(maxsize=1 << 16)
def consonantal_key(word: str) -> str:
    """Return an Arabic word's consonants in ASCII (``أردوغان`` -> ``rdghn``), long vowels (w, y) dropped."""
    letters = re.sub(r"[^a-z]", "", ascii_key(word))
    return letters[:1] + re.sub(r"[wyaiu]", "", letters[1:])


def demonym(plain: str) -> str | None:
    """Return the country key a word names, if it is a country or demonym."""
    return _DEMONYMS.get(plain.replace(".", ""))


def speaker_slug(text: str) -> str:
    """Return a readable, URL-safe slug of ``text`` (``Maan's`` -> ``maans``)."""
    return slugify(text, None, apostrophes=False, fallback="speaker")
