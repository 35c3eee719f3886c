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

from .lexicon import LEXICON, NEGATION_WORDS_ANY
from .tokens import TOKEN_RE, fold, normalise_token

MIN_LETTERS = 4
"""Letters a word needs to be compared at all (numbers and words of ``lexicon.LEXICON`` aside)."""

WORD_CUTOFF = 80.0
"""``fuzz.ratio`` of two folded words from which they are cognates."""

PREFIX_LETTERS = 6
"""How many opening letters the prefix rule compares."""

PREFIX_CUTOFF = 83.0
"""``fuzz.ratio`` of two words' first ``PREFIX_LETTERS`` folded letters from which they are cognates.

83 lets one letter of six differ (``sistem``/``system``)."""


def cross_words(text: str, function_words: frozenset[str]) -> frozenset[str]:
    """Return the folded words of ``text`` worth comparing across languages.

    A word of another language that ``lexicon.LEXICON`` lists stands for its English
    equivalent. Numbers count whatever their length; other words need ``MIN_LETTERS``
    letters and must not be in ``function_words`` (as ``normalise_token`` writes them).
    """
    found = set()
    for word in TOKEN_RE.findall(text):
        norm = normalise_token(word)
        for part in norm.split("-") if "-" in norm else (norm,):
            folded = fold(part)
            english = LEXICON.get(folded)
            if english is not None and english not in function_words:
                found.add(english)
            elif part[:1].isdigit() or (len(part) >= MIN_LETTERS and part not in function_words and part.isalpha()):
                found.add(folded)
    return frozenset(found)


def says_no(text: str) -> bool:
    """Tell whether ``text`` holds a negation of English or of a language ``lexicon`` knows."""
    return any(
        fold(word) in NEGATION_WORDS_ANY or normalise_token(word) in NEGATION_WORDS_ANY
        for word in TOKEN_RE.findall(text)
    )
