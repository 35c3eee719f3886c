"""Data only: particles, prefixes, suffixes and short forms inside personal names."""

from __future__ import annotations

import re

from .tokens import words

NAME_PARTICLES = words(
    """
    al el ul ad as an ash at az ibn bin bint ben abu abd abdul bou da de di del della der des
    du dos das do la le van von ter ten den zu y e mac mc st
    """
)
"""Lower-case words and prefixes that may sit inside a personal name (``bin``, ``al-``)."""

NAME_PREFIXES = tuple(sorted(words("al- el- ul- ad- as- ash- at- az- an- ar- ibn- bin- abu- d’ d'")))
"""Hyphenated or elided lower-case prefixes of a capitalised name part (``al-Araji``)."""

HYPHEN_PARTICLES = words("al el ul il ad ar as ash at az an ud ut us ed er es et ez")
"""Arabic article forms written joined by a hyphen (``al-Araji``, ``ash-Sharif``); optional."""

SPACED_PARTICLES = words("al el il de da di du del della dei der den van von la le les dos das do ter ten")
"""Particles written as their own word (``Al Arayi``, ``von der Leyen``); optional."""

COMPOUND_PREFIXES = words("abd abdul abdel abdal abdol abdu abu abou bin ibn bint ould")
"""Name parts that belong with the following word (``Abu Mahdi``, ``bin Salman``)."""

NAME_SUFFIXES = words("jr sr ii iii iv phd md esq")
"""Generational and academic suffixes after a name."""

POST_NOMINALS = words("mp mep msp mla mpp td qc kc obe cbe mbe kbe dbe frs")
"""Letters written after a name for an office or an honour (``Ian Blackford MP``): no part of the name."""

PARTY_TAG = r"^[RDI]-[A-Z][A-Za-z.]*$"
"""A US party and state tag written after a name (``R-Wis.``): no part of the name."""

PARTY_TAG_PART = re.compile(r"^\(?[RDI]-[A-Z][A-Za-z.]{0,12}\)?$")
"""A comma part that is only a party and state tag (``Sen. Rand Paul, R-Ky., said``)."""

TRAILING_PARTY_TAG = re.compile(r"\s*\(\s*[RDI]-[A-Z][A-Za-z.]{0,12}\s*\)?$")
"""A party and state tag in brackets after a name (``Dianne Feinstein (D-Calif.)``)."""

HYPOCORISMS: dict[str, str] = {
    "joe": "joseph",
    "bill": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "mike": "michael",
    "jim": "james",
    "jimmy": "james",
    "tony": "anthony",
    "tom": "thomas",
    "dick": "richard",
    "rick": "richard",
    "ben": "benjamin",
    "bibi": "benjamin",
    "dan": "daniel",
    "dave": "david",
    "steve": "stephen",
    "chris": "christopher",
    "alex": "alexander",
    "sasha": "alexander",
    "volodya": "vladimir",
    "misha": "mikhail",
    "kolya": "nikolai",
    "dima": "dmitry",
    "liz": "elizabeth",
    "kate": "katherine",
    "nick": "nicholas",
    "ted": "edward",
    "ed": "edward",
    "andy": "andrew",
    "pete": "peter",
    "sam": "samuel",
    "larry": "lawrence",
    "mo": "mohammed",
    "mohd": "mohammed",
    "muhd": "mohammed",
}
"""Common short forms of given names and their full forms."""
