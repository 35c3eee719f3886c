"""Reporting verbs in running text (the verbs, not the nouns written alike: ``with calls for``), and their speakers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from digest.text.grammar import PASSIVE_AUXILIARIES
from digest.text.marks import TOKEN_EDGE
from digest.text.organisations import MEDIA_WORDS
from digest.text.reporting import (
    CONTINUING_FOLLOWERS,
    CONTINUING_PHRASES,
    FOREIGN_REPORTING_VERBS,
    IN_STATEMENT,
    NOUN_MARKERS,
    OBJECT_SPEAKER_PHRASES,
    PARTICIPLE_SUFFIX,
    REPORTING_VERB,
)
from digest.text.tokens import is_acronym

from .names import phrase_tokens, possessive
from .phrases import Who, object_phrase, subject_phrase

_WORD_BEFORE = re.compile(r"([\w’'-]+)[\s,]*$")


def reporting_verbs(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Yield the reporting verbs in ``text[start:end]`` that are verbs, not nouns (``with calls for``).

    ``went on`` counts only where it reports (``went on: “…”``, ``she went on.``, ``went on to say``), not
    ``goes on recess``.
    """
    stop = len(text) if end is None else end
    for verb in REPORTING_VERB.finditer(text, start, stop):
        if verb.group() in CONTINUING_PHRASES and not CONTINUING_FOLLOWERS.match(text, verb.end(), stop):
            continue
        before = _WORD_BEFORE.search(text, max(start, verb.start() - 24), verb.start())
        word = before.group(1).lower() if before is not None else ""
        auxiliary = word == "a" and verb.group().lower() in FOREIGN_REPORTING_VERBS  # ``Tedros a déclaré``
        if (auxiliary or word not in NOUN_MARKERS) and not (possessive(word) and _noun_form(verb.group())):
            yield verb


def _noun_form(verb: str) -> bool:
    """Tell whether a reporting verb reads as a noun after a possessive (``Trump’s claim``), unlike ``X’s said``."""
    low = verb.lower()
    return not low.endswith(("ed", PARTICIPLE_SUFFIX)) and low not in ("said", "told", "wrote")


def with_relay(who: Who | None, verb: str, after: str) -> Who | None:
    """Note a news outlet told the words (``X told the Iraqi News Agency``) or a statement's issuer."""
    if who is None:
        return None
    if IN_STATEMENT.match(after.lstrip(" ,")) and who.kind in ("org", "name"):
        who = replace(who, issuer=True)
    if verb.lower() not in ("told", "tells", "telling"):
        return who
    outlet = _outlet(after)
    return replace(who, reported_by=outlet) if outlet and not who.reported_by else who


def _outlet(after: str) -> str | None:
    """Return the object of ``told`` when it is a news outlet."""
    words = phrase_tokens(after[:80])
    end = 0
    for i, (word, _, stop) in enumerate(words):
        if i == 0 and word.lower() == "the":
            continue
        if not (word[:1].isupper() or word.lower() in MEDIA_WORDS):
            break
        end = stop
    phrase = after[:end].strip()
    named = [w for w, _, _ in phrase_tokens(phrase) if w[:1].isupper() and w.lower() != "the"]
    if named and any(w.lower() in MEDIA_WORDS or is_acronym(w) for w in named):
        return phrase
    return None


def verb_speaker(before: str, verb: str, after: str) -> Who | None:
    """Return the speaker of one reporting verb: its subject, or the phrase after ``according to``."""
    if verb.lower() in OBJECT_SPEAKER_PHRASES:
        return object_phrase(after)
    if not verb.endswith(PARTICIPLE_SUFFIX) and _passive(before) and not after.lstrip().startswith("to "):
        return None  # ``the mission would be concluded``; but ``X is said to have called``
    return subject_phrase(before)


def _passive(before: str) -> bool:
    """Tell whether a past participle is passive: ``be`` right before it, adverbs aside (``would be concluded``)."""
    for word in reversed(before.split()[-4:]):
        low = word.strip(TOKEN_EDGE).lower()
        if low in PASSIVE_AUXILIARIES:
            return True
        if not low.endswith("ly") and low not in ("also", "not", "never", "then", "later", "still"):
            return False
    return False
