"""Data only: English negations, so that "impossible", "is not possible" and "isn't possible" compare alike."""

from __future__ import annotations

NEGATION = "not"
"""The one concept every negation folds to."""

NEGATION_WORDS = frozenset({"not", "no", "cannot"})
"""Words that are a negation on their own (``no bailout``, ``not a bailout``, ``cannot``)."""

_AUXILIARIES = """
    do does did is are was were has have had could would should must need might dare ought
"""

CONTRACTED_NEGATIONS = frozenset({f"{verb}nt" for verb in _AUXILIARIES.split()} | {"cant", "wont", "shant", "aint"})
"""Contracted negations as ``normalise_token`` spells them (``don't`` → ``dont``, ``can't`` → ``cant``).

The auxiliary they carry is a stop word, so each is the negation alone.
"""

NEGATED_WORDS = """
    impossible unable unlikely unclear unacceptable unnecessary unfair unsafe unprepared
    unaware unwilling uncertain unsure unhappy unsuccessful unstable unhelpful unusual unreasonable
    unjust unequal unknown unaffordable unavailable unavoidable unbelievable uncomfortable unconstitutional
    unfinished unfortunate unhealthy unlawful unlimited unpopular unprofessional unrealistic unsustainable
    untrue unwise unworkable unimaginable unthinkable unsatisfactory unresolved unanswered
    incomplete inadequate insufficient incorrect inaccurate inappropriate ineffective inefficient
    incompetent inconsistent incapable indirect invisible invalid inexcusable insecure intolerable
    illegal illegitimate illogical irresponsible irrelevant irregular irreversible irrational
    dishonest disagree disagreed disagrees disloyal
"""
"""Common words that negate a base word with a prefix (``un-``, ``in-``, ``im-``, ``il-``, ``ir-``, ``dis-``).

Each reads as the negation followed by its base (``impossible`` → not ``possible``). Only listed
words fold: a prefix alone says nothing (``understand``, ``invest``, ``dismiss``).
"""

NEGATED_PREFIXES = ("dis", "un", "im", "in", "il", "ir")
"""The prefixes of ``NEGATED_WORDS``, longest first where one begins another."""
