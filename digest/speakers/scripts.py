"""One person across scripts: a name written in Arabic letters joined to the same name in Latin ones.

Arabic writes consonants and long vowels only, so ``أردوغان`` and ``Erdogan`` share nothing
but their consonants (``rdgn``). A person named only in Arabic script joins the one person
named in Latin letters whose surname has the same consonant skeleton (at least three
consonants), the one quoted in the same article when several do; failing a surname, the one
whose given name has that skeleton, for people outlets call by their given name (``تيدروس``,
``Tedros`` for Tedros Adhanom Ghebreyesus); else it stays apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .keys import is_arabic_word, skeleton
from .mentions import Mention

MIN_CONSONANTS = 3
"""Fewest consonants a surname skeleton needs before two scripts are compared on it."""


def _script_surnames(cluster: Sequence[Mention]) -> tuple[set[str], set[str], set[str]]:
    """Return the surname skeletons a cluster is written with, in Arabic script and in Latin
    letters, and the skeletons of its Latin first given names."""
    arabic: set[str] = set()
    latin: set[str] = set()
    given: set[str] = set()
    for m in cluster:
        if m.person is None or not m.bare:
            continue
        key = skeleton(m.person.surname)
        if is_arabic_word(m.bare.split()[-1]):
            arabic.add(key)
            continue
        latin.add(key)
        if m.person.given:
            given.add(skeleton(m.person.given[0]))
    return arabic, latin, given


def _index(keys: Sequence[set[str]]) -> dict[str, list[int]]:
    """Return, for each skeleton, the clusters (by position) written with it."""
    out: dict[str, list[int]] = defaultdict(list)
    for k, found in enumerate(keys):
        for key in found:
            out[key].append(k)
    return out


def join_across_scripts(clusters: list[list[Mention]]) -> list[list[Mention]]:
    """Merge each person named only in Arabic script into the one Latin-script person it can mean."""
    surnames = [_script_surnames(c) for c in clusters]
    by_skeleton = _index([latin for _, latin, _ in surnames])
    by_given = _index([given for _, _, given in surnames])
    target: dict[int, int] = {}
    for k, (arabic, latin, _) in enumerate(surnames):
        if latin or len(arabic) != 1:
            continue
        key = next(iter(arabic))
        candidates = by_skeleton.get(key) or by_given.get(key, []) if len(key) >= MIN_CONSONANTS else []
        if len(candidates) > 1:
            sources = {m.source for m in clusters[k]}
            candidates = [c for c in candidates if sources & {m.source for m in clusters[c]}]
        if len(candidates) == 1:
            target[k] = candidates[0]
    merged = [list(c) for c in clusters]
    for k, c in target.items():
        merged[c].extend(clusters[k])
    return [c for k, c in enumerate(merged) if k not in target]
