"""Descriptions of a speaker (``the Labour leader``, ``the Turkish head of state``) linked to the one person they mean.

A description names an office, not a person. Within one article it means the one person
the article quotes or names who holds that office (their roles come from every outlet);
when the article names no such person, a description qualified by a country or a name
(``the Turkish president``, ``the Labour leader``) means the one person of the corpus
whose roles say both. Anything less certain stays unlinked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from digest.text.grammar import DETERMINERS
from digest.text.titles import OFFICE_NOUNS, ROLE_PHRASES, ROLE_SYNONYMS, TITLE_WORDS

from .agreement import role_fit, role_key
from .classify import Kind
from .keys import POSSESSIVE_RE, ROLE_CONFLICT, ROLE_MARGIN, ascii_key, demonym, plain_word
from .persons import is_capitalised, name_words

if TYPE_CHECKING:
    from .mentions import Mention

INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})
"""Words before a description that make it any holder of the office, not the one."""

PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "with", "from", "on"})
"""Words after which a description says whose office it is (``ambassador to the UN``)."""


def fold_phrases(text: str) -> str:
    """Return ``text`` in lower-case ASCII with offices named in other words folded (``head of state``)."""
    folded = " ".join(ascii_key(text).split())
    for phrase, office in ROLE_PHRASES.items():
        folded = folded.replace(phrase, office)
    return folded


def office_head(written: str) -> str | None:
    """Return the office a description names (``the Labour Leader`` -> ``leader``), if any.

    The office is the last word before a preposition (``Syria's ambassador to the UN``),
    with synonyms folded (``the PM`` -> ``minister``).
    """
    words = fold_phrases(written).split()
    cut = next((i for i, w in enumerate(words) if i and w in PREPOSITIONS), len(words))
    words = [plain_word(w) for w in words[:cut]]
    if not words or words[0] in INDEFINITE:
        return None
    folded = ROLE_SYNONYMS.get(words[-1], words[-1]).split()
    return folded[-1] if folded and folded[-1] in OFFICE_NOUNS else None


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
    written = fold_phrases(m.written)
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
