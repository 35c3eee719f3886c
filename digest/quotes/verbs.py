"""Reporting verbs in running text: the verbs, not the nouns written alike (``with calls for``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from digest.text.reporting import (
    CONTINUING_FOLLOWERS,
    CONTINUING_PHRASES,
    FOREIGN_REPORTING_VERBS,
    NOUN_MARKERS,
    PARTICIPLE_SUFFIX,
    REPORTING_VERB,
)

from .names import possessive

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
