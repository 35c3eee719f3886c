"""Attribution in Arabic copy: the verb comes first, then its subject (``وقال أردوغان: "..."``).

Arabic writes no capitals, so names are told from descriptions by the article ``ال`` and
by title words: ``الرئيس التركي`` (the Turkish president) and ``وزير الخارجية`` (the foreign
minister) describe, ``رجب طيب أردوغان`` names. A verb
written without its subject (``وأردف: "..."``) speaks for the subject of the verb before it
in the same clause, or for the person just quoted.
"""

from __future__ import annotations

import re

from digest.text.reporting import ARABIC_REPORTING_VERBS, ARABIC_SPEAKER_STOPS
from digest.text.titles import ARABIC_TITLE_WORDS

from .phrases import Who

ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u0640\u064b-\u065f]+|[:،,؛]")
_CONJUNCTIONS = ("و", "ف")
_ARTICLE = "ال"
_PUNCTUATION = frozenset(":،,؛")


def is_arabic(text: str) -> bool:
    """Tell whether a text is written in Arabic script (most of its letters are)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(bool(ARABIC_LETTERS.match(c)) for c in letters) * 2 > len(letters)


def _verb(word: str) -> bool:
    """Tell whether a word is a reporting verb, with or without the conjunction joined to it."""
    if word in ARABIC_REPORTING_VERBS:
        return True
    return word[:1] in _CONJUNCTIONS and word[1:] in ARABIC_REPORTING_VERBS


def arabic_speaker(left: str) -> Who | None:
    """Return the speaker of a quotation from the Arabic clause before it, if a reporting verb names one.

    The subject of the last reporting verb speaks; with none written, the subject of the
    verb before it; with none at all, a pronoun that the article's last speaker resolves.
    """
    words = [m.group() for m in _WORD.finditer(left)]
    verbs = [i for i, w in enumerate(words) if _verb(w)]
    if not verbs:
        return None
    for i in reversed(verbs):
        subject = _subject(words[i + 1 :])
        if subject is not None:
            return subject
    return Who("", "pronoun")


def _subject(words: list[str]) -> Who | None:
    """Read the subject written right after a verb: a name, with the description before it as its role."""
    taken: list[str] = []
    for word in words:
        if word in ARABIC_SPEAKER_STOPS or word in _PUNCTUATION or _verb(word) or len(taken) >= 6:
            break
        taken.append(word)
    if not taken:
        return None
    described = 0
    while described < len(taken) and (taken[described].startswith(_ARTICLE) or taken[described] in ARABIC_TITLE_WORDS):
        described += 1
    name = " ".join(taken[described:])
    role = " ".join(taken[:described]) or None
    if not name:
        return Who("", "pronoun", role=role)
    return Who(name, "name", role=role)
