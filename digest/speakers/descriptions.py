"""Descriptions of a speaker (``the Labour leader``, ``the Turkish head of state``) linked to the one person they mean.

A description names an office, not a person. Within one article it means the one person
the article quotes or names who holds that office (their roles come from every outlet);
when the article names no such person, a description qualified by a country or a name
(``the Turkish president``, ``the Labour leader``) means the one person of the corpus
whose roles say both. A description that links to no one but still singles out one person (an office one
person of a country holds: ``Syria's ambassador to the UN``) is an entity of its own.
Anything less certain stays unlinked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from digest.text.grammar import DETERMINERS
from digest.text.titles import (
    DESCRIPTIVE_ADJECTIVES,
    OFFICE_NOUNS,
    ROLE_PHRASES,
    ROLE_SYNONYMS,
    SINGLE_OFFICES,
    TITLE_WORDS,
)

from .agreement import role_fit, role_key
from .classify import Kind
from .keys import POSSESSIVE_RE, ROLE_CONFLICT, ROLE_MARGIN, demonym, plain_word
from .persons import is_capitalised, name_words

if TYPE_CHECKING:
    from .mentions import Mention

INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})
"""Words before a description that make it any holder of the office, not the one."""

PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "with", "from", "on"})
"""Words after which a description says whose office it is (``ambassador to the UN``)."""


_PHRASES = tuple(
    (re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE), office) for phrase, office in ROLE_PHRASES.items()
)


def fold_phrases(text: str) -> str:
    """Return ``text`` with offices named in other words folded (``head of state`` -> ``president``)."""
    for pattern, office in _PHRASES:
        text = pattern.sub(office, text)
    return text


def office_head(written: str) -> str | None:
    """Return the office a description names (``the Labour Leader`` -> ``leader``), if any.

    The description ends before a preposition (``Syria's ambassador to the UN``) and before
    the first lower-case word that cannot describe an office (``the president rejected the
    claim``); its last word, synonyms folded (``the PM`` -> ``minister``), is the office.
    """
    words = _description_words(fold_phrases(written))
    if not words or words[0] in INDEFINITE:
        return None
    folded = ROLE_SYNONYMS.get(words[-1], words[-1]).split()
    return folded[-1] if folded and folded[-1] in OFFICE_NOUNS else None


def _description_words(text: str) -> list[str]:
    """Return the plain words a description opens with, up to where it stops describing an office."""
    out: list[str] = []
    for word in name_words(text):
        plain = plain_word(word)
        if out and plain in PREPOSITIONS:
            break
        if word[:1].islower() and not _describes(plain, word):
            break
        out.append(plain)
    return out


def _describes(plain: str, word: str) -> bool:
    """Tell whether a lower-case word can be part of the description of an office holder."""
    return (
        _office_word(plain)
        or plain in DETERMINERS
        or plain in DESCRIPTIVE_ADJECTIVES
        or demonym(plain) is not None
        or bool(POSSESSIVE_RE.search(word))
    )


def qualifiers(written: str) -> frozenset[str]:
    """Return what narrows a description down: its country and its capitalised words (``Labour``)."""
    out = set()
    for word in name_words(written):
        plain = plain_word(POSSESSIVE_RE.sub("", word))
        country = demonym(plain)
        if country is not None:
            out.add("@" + country)
        elif is_capitalised(word) and plain not in DETERMINERS and not _office_word(plain):
            out.add(plain)
    return frozenset(out)


def _office_word(plain: str) -> bool:
    """Tell whether a word belongs to the name of an office (``Leader``, ``Prime``, ``PM``)."""
    return plain in OFFICE_NOUNS or plain in TITLE_WORDS or plain in ROLE_SYNONYMS


def link_descriptions(
    mentions: Sequence[Mention],
    owner: dict[int, int],
    clusters: Sequence[list[Mention]],
    present: Mapping[str, set[int]],
) -> None:
    """Give each description the one person it means, recording it in ``owner`` (mention -> cluster).

    ``present`` gives, per article, the clusters it quotes or names.
    """
    described = [m for m in mentions if m.kind is Kind.GENERIC and m.head is not None and m.index not in owner]
    if not described:
        return
    people = [c for c, cluster in enumerate(clusters) if any(m.person is not None for m in cluster)]
    roles = {c: {r for m in clusters[c] for r in m.roles} for c in people}
    offices = {c: {w for r in roles[c] for w in role_key(fold_phrases(r)).split()} for c in people}
    marks = {c: {q for r in roles[c] for q in qualifiers(r)} for c in people}
    by_head: dict[str, list[int]] = defaultdict(list)
    for c in people:
        for word in offices[c]:
            by_head[word].append(c)
    for m in described:
        holders = by_head.get(m.head or "", [])
        here = [c for c in holders if c in present.get(m.source, ())]
        choice = _best(m, here, roles) if here else _qualified(m, holders, marks)
        if choice is not None:
            owner[m.index] = choice


def _best(m: Mention, candidates: Sequence[int], roles: Mapping[int, set[str]]) -> int | None:
    """Return the candidate whose roles fit the description clearly best."""
    if len(candidates) == 1:
        return candidates[0]
    written = " ".join(_description_words(fold_phrases(m.written)))
    fits = sorted(((role_fit([written], roles[c]) or 0.0, c) for c in candidates), reverse=True)
    if fits[0][0] >= ROLE_CONFLICT and fits[0][0] - fits[1][0] >= ROLE_MARGIN:
        return fits[0][1]
    return None


def _qualified(m: Mention, candidates: Iterable[int], marks: Mapping[int, set[str]]) -> int | None:
    """Return the one person of the corpus whose roles hold the office and every qualifier of the description."""
    wanted = qualifiers(m.written)
    if not wanted:
        return None
    fitting = [c for c in candidates if wanted <= marks[c]]
    return fitting[0] if len(fitting) == 1 else None


NAMED_BY_OFFICE = SINGLE_OFFICES | frozenset({"ambassador", "envoy"})
"""Offices one person of a country holds at a time, so that ``Syria's ambassador to the UN`` is someone."""


def office_entities(mentions: Sequence[Mention], owner: Mapping[int, int]) -> list[list[Mention]]:
    """Return the unlinked descriptions that still single out one person, one entity per office and country.

    ``Syria's ambassador to the UN`` and ``Syria's UN ambassador`` name one person even
    when no outlet gives the name: the same office with the same country and qualifiers.
    """
    groups: dict[tuple[str, frozenset[str]], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind is not Kind.GENERIC or m.head not in NAMED_BY_OFFICE or m.index in owner:
            continue
        marks = qualifiers(m.written)
        if any(q.startswith("@") for q in marks):
            m.display = m.bare = _shown(m.written)
            groups[(m.head or "", marks)].append(m)
    return [groups[key] for key in sorted(groups, key=lambda k: (k[0], sorted(k[1])))]


def _shown(written: str) -> str:
    """Return a description as a speaker's name: no leading determiner, no verb after it, a capital first."""
    words = name_words(written)
    while words and plain_word(words[0]) in DETERMINERS:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        plain = plain_word(word)
        if word[:1].islower() and not (_describes(plain, word) or plain in PREPOSITIONS):
            break
        kept.append(word)
    while kept and (plain_word(kept[-1]) in PREPOSITIONS or plain_word(kept[-1]) in DETERMINERS):
        kept.pop()
    shown = " ".join(kept)
    return shown[:1].upper() + shown[1:]
