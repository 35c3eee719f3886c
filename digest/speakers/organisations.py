"""Organisations' names: parsed into content words, initials and country, and compared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digest.text.grammar import DETERMINERS
from digest.text.organisations import ORG_FILLERS, ORG_HEADS, ORG_MODIFIERS

from .keys import demonym, phonetic_key, plain_word
from .persons import is_capitals_word, name_words

# --------------------------------------------------------------------------- organisations


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation's name reduced to comparison keys."""

    distinct: frozenset[str]
    """Keys of the words that tell it apart (``joint``, ``operation``)."""
    heads: frozenset[str]
    """What kind of organisation it is (``command``, ``forces``)."""
    country: str | None
    initials: frozenset[str]
    acronym: str | None
    """The name itself when it is a single acronym (``JOC``)."""


def _org_stem(plain: str) -> str:
    """Return the comparison key of one organisation word (plural folded)."""
    if len(plain) > 3 and plain.endswith("s") and not plain.endswith("ss"):
        plain = plain[:-1]
    return phonetic_key(plain) or plain


def org_words(text: str) -> list[str]:
    """Return an organisation name's words without leading determiners."""
    words = name_words(text)
    while words and plain_word(words[0]) in DETERMINERS:
        words = words[1:]
    return words


def parse_org(text: str) -> OrgName:
    """Reduce an organisation's name to keys."""
    words = org_words(text)
    distinct: set[str] = set()
    heads: set[str] = set()
    country: str | None = None
    content: list[tuple[str, bool]] = []
    for word in words:
        plain = plain_word(word)
        if plain in ORG_FILLERS or plain in DETERMINERS:
            continue
        nation = demonym(plain)
        content.append((word, nation is not None))
        if nation is not None:
            country = country or nation
        elif plain in ORG_HEADS:
            heads.add(_org_stem(plain))
        elif plain not in ORG_MODIFIERS and not plain.endswith("-led"):
            distinct.add(_org_stem(plain))
    acronym = words[0].replace(".", "").upper() if len(words) == 1 and is_capitals_word(words[0]) else None
    return OrgName(frozenset(distinct), frozenset(heads), country, _initials(content), acronym)


def _initials(content: Sequence[tuple[str, bool]]) -> frozenset[str]:
    """Return the acronyms a name could be shortened to, with and without its country."""
    full = "".join(w[0] for w, _ in content if w[:1].isalpha()).upper()
    local = "".join(w[0] for w, nation in content if not nation and w[:1].isalpha()).upper()
    return frozenset(x for x in (full, local) if len(x) >= 2)


def orgs_compatible(a: OrgName, b: OrgName) -> bool:
    """Tell whether two organisation names agree on country and kind (where both say)."""
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.heads and b.heads and not a.heads & b.heads)


def orgs_agree(a: OrgName, b: OrgName) -> bool:
    """Tell whether two organisation names can name the same organisation."""
    if not orgs_compatible(a, b):
        return False
    if a.acronym and b.acronym:
        return a.acronym == b.acronym
    if a.acronym or b.acronym:
        acronym, other = (a, b) if a.acronym else (b, a)
        return acronym.acronym in other.initials
    return a.distinct == b.distinct and (bool(a.distinct) or a.heads == b.heads)
