"""Statements quoted in another language: attach each to the statement it translates.

Matching compares concepts, which are words of one language, so a translated quotation
stays a statement of its own after the linkage. Without a translation model, a few general
signals still tell which statement it renders when the candidates are few: its speaker (the
same resolved speaker, or one side naming nobody) within one storyline, the words that cross
languages unchanged or nearly so (names, numbers and cognates: ``digest.text.cognates``) or
that a small general lexicon renders (``digest.text.lexicon``), and whether both say no. A
quotation in a script the other does not write (Arabic against English) is read by its numbers
and the words it writes in the other's script alone: the rest weighs nothing, and it may say
no in words we cannot read.

The storyline's *pivot* language is the one most of its sources write in. A cluster all of
whose quotations are in other (known) languages is scored against the pivot-language clusters
it shares a word with and whose speaker does not conflict with its own: by the mean over its
quotations of each one's best pair score with the candidate's (a weighted Dice of the matched
words blended with how much of the shorter side they cover, halved when only one side says
no). It joins the best one when that scores ``TRANSLATION_THRESHOLD`` or more and beats the
second best by ``TRANSLATION_MARGIN``; otherwise it stays apart. Joining runs in rounds, so a
translation joined in one round is evidence in the next; then the quotations of translated
copies are lined up with their originals' (``parallels``). A storyline in one language is
left as it is.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from ..models import Article, Quote
from ..text.cognates import PREFIX_CUTOFF, PREFIX_LETTERS, WORD_CUTOFF, cross_words, says_no
from ..text.tokens import TOKEN_RE, normalise_token
from .parallels import join_parallels
from .similarity import PARALLEL_CELLS
from .terms import LANGUAGE_WORDS, likely_language
from .units import Unit

FUNCTION_WORDS = frozenset().union(*LANGUAGE_WORDS.values())
"""Function words of every language the storylines tell apart: never evidence of a translation."""

WORD_CELLS = 20_000_000
"""Cells of one block of word-to-word scores (one byte each), which bounds their memory."""

MAX_ROUNDS = 4
"""Rounds of joining at most (a translation joined in one round is evidence in the next)."""

TRANSLATION_THRESHOLD = 0.3
"""Score from which a cluster in another language joins the statement it translates."""

TRANSLATION_MARGIN = 0.15
"""How much the best candidate must beat the second best by."""

MIN_SHARED = 2
"""Words (equal, cognate or rendered by the lexicon) two quotations must share before their score counts."""

NEGATION_PENALTY = 0.5
"""What a pair's score is multiplied by when one quotation says no and the other does not."""

COVERAGE_SHARE = 0.5
"""How much of a pair's score is the shorter side's coverage (the rest is the cognate Dice)."""


def source_languages(articles: Sequence[Article], quotes: Sequence[Quote]) -> dict[str, str]:
    """Return each source's language: its manifest's primary subtag, else the one its quotations' function words show.

    The quotations are read rather than the text, so a storyline matched without its texts
    (``digest.pipeline.match_statements`` on an engine) reads the same languages.
    """
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for quote in quotes:
        for word in TOKEN_RE.findall(quote.text):
            token = normalise_token(word)
            found[quote.source].update(lang for lang, known in LANGUAGE_WORDS.items() if token in known)
    given = {a.id: (a.language or "").strip().lower().replace("_", "-").split("-")[0] for a in articles}
    return {source: given.get(source) or likely_language(found[source]) for source in sorted({*given, *found})}


def pivot_language(units: Sequence[Unit], languages: Mapping[str, str]) -> str:
    """Return the language most of the units' sources write in (ties: the first in order); ``""`` if none is known."""
    counts = Counter(languages.get(s, "") for s in sorted({u.source for u in units}))
    counts.pop("", None)
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else ""


def join_translations(
    clusters: Sequence[Sequence[int]], units: Sequence[Unit], languages: Mapping[str, str]
) -> list[list[int]]:
    """Return the clusters with each one in another language merged into the pivot cluster it translates.

    ``clusters`` are lists of unit positions; ``languages`` maps a source id to its language
    (``""`` when unknown). Joining runs in rounds: a translation joined in one round is
    evidence in the next (two translations into kindred languages share more cognates than
    either shares with English). The result keeps the input's order, each merged cluster in
    the place of its pivot-language part.
    """
    pivot = pivot_language(units, languages)
    spoken = [languages.get(u.source, "") for u in units]
    if not pivot or len(set(spoken) - {""}) < 2:
        return [list(c) for c in clusters]
    joined = {i: list(c) for i, c in enumerate(clusters) if any(spoken[u] == pivot for u in c)}
    home_of = {u: i for i, members in joined.items() for u in members}
    voices = {i: _voice(members, units) for i, members in joined.items()}
    pending = [i for i, c in enumerate(clusters) if all(spoken[u] not in ("", pivot) for u in c)]
    evidence = _Evidence(units, spoken, {u for i in pending for u in clusters[i]})
    merged: set[int] = set()
    for _ in range(MAX_ROUNDS):
        target = {}
        for i in pending:
            homes = sorted({home_of[u] for u in evidence.reachable(clusters[i]) if u in home_of})
            found = evidence.best(clusters[i], [joined[j] for j in homes], [voices[j] for j in homes])
            if found is not None:
                target[i] = homes[found]
        for i, j in sorted(target.items()):
            joined[j].extend(clusters[i])
            home_of.update(dict.fromkeys(clusters[i], j))
            voices[j] = _voice(joined[j], units)
        merged |= target.keys()
        pending = [i for i in pending if i not in target]
        if not target or not pending:
            break
    result = [sorted(joined[i]) if i in joined else list(c) for i, c in enumerate(clusters) if i not in merged]
    return join_parallels(result, units, spoken)


class _Evidence:
    """What tells a translation from its original: cross-language words, their rarity, cognates, speakers."""

    def __init__(self, units: Sequence[Unit], spoken: Sequence[str], away: set[int]) -> None:
        self.units = units
        self.spoken = spoken
        self.words = [cross_words(u.quotes[0].text, FUNCTION_WORDS) for u in units]
        self.negated = [says_no(u.quotes[0].text) for u in units]
        self.weight = rarity(self.words)
        everything = {w for found in self.words for w in found}
        self.cognates = _cognates({w for u in away for w in self.words[u]}, everything)
        self.holding: dict[str, list[int]] = defaultdict(list)
        """Per word, the units that hold it."""
        for u, found in enumerate(self.words):
            for w in found:
                self.holding[w].append(u)

    def reachable(self, members: Sequence[int]) -> set[int]:
        """Return the units sharing a word or a cognate with one of ``members``: the only ones that can score."""
        found: set[int] = set()
        for a in members:
            for w in self.words[a]:
                for shared in (w, *self.cognates.get(w, ())):
                    found.update(self.holding.get(shared, ()))
        return found

    def best(
        self, members: Sequence[int], candidates: Sequence[Sequence[int]], voices: Sequence[str | None]
    ) -> int | None:
        """Return the position of the candidate cluster ``members`` translates, if one clearly stands out.

        ``voices`` gives each candidate's speaker (``_voice``).
        """
        voice = _voice(members, self.units)
        scores = []
        for candidate, other in zip(candidates, voices, strict=True):
            conflict = voice is not None and other is not None and voice != other
            scores.append(0.0 if conflict else self.link(members, candidate))
        ranked = sorted(range(len(scores)), key=lambda k: (-scores[k], k))
        if not ranked or scores[ranked[0]] < TRANSLATION_THRESHOLD:
            return None
        second = scores[ranked[1]] if len(ranked) > 1 else 0.0
        return ranked[0] if scores[ranked[0]] - second >= TRANSLATION_MARGIN else None

    def link(self, members: Sequence[int], candidate: Sequence[int]) -> float:
        """Return how well a cluster renders a candidate: the mean of its units' best pair scores with it.

        Every quotation of the cluster must find itself in the candidate, so two cuts of one
        translated statement that each match a different wording of it outweigh one that
        matches a statement on the same subject well.
        """
        return sum(max(self.pair(a, b) for b in candidate) for a in members) / len(members)

    def pair(self, a: int, b: int) -> float:
        """Return the cross-language score of two units (zero in one language or one source).

        ``a`` is the unit in another language; the negation penalty needs it to be legible (``readable``).
        """
        if self.spoken[a] == self.spoken[b] or self.units[a].source == self.units[b].source:
            return 0.0
        score = pair_score(self.words[a], self.words[b], self.cognates, self.weight)
        # A quotation in a script the other does not write may say no in words we cannot read.
        legible = readable(self.words[a], self.words[b]) == self.words[a]
        return score * NEGATION_PENALTY if legible and self.negated[a] != self.negated[b] else score


def _voice(members: Sequence[int], units: Sequence[Unit]) -> str | None:
    """Return the speaker most of a cluster's units name (ties: the first in order); ``None`` if none does."""
    counts = Counter(units[u].speaker for u in members if units[u].speaker is not None)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else None


def _cognates(away: set[str], known: set[str]) -> dict[str, frozenset[str]]:
    """Map each word of the quotations in other languages to the other words that are its cognates.

    Words are compared within blocks of one opening sound (``_opening``): cognates keep it.
    """
    found: dict[str, set[str]] = defaultdict(set)
    for left, right in _blocks(away, known):
        for a, b in _close_words(left, right, WORD_CUTOFF, 0):
            if a != b and not a[:1].isdigit() and not b[:1].isdigit():
                found[a].add(b)
        longer = [w for w in left if len(w) > PREFIX_LETTERS], [w for w in right if len(w) > PREFIX_LETTERS]
        for a, b in _close_words(*longer, PREFIX_CUTOFF, PREFIX_LETTERS):
            if a != b and a.isalpha() and b.isalpha():
                found[a].add(b)
    return {w: frozenset(c) for w, c in found.items()}


def _blocks(away: set[str], known: set[str]) -> list[tuple[list[str], list[str]]]:
    """Return the words of both sides grouped by their opening sound, each group sorted."""
    grouped: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for side, words in enumerate((away, known)):
        for word in sorted(words):
            grouped[_opening(word)][side].append(word)
    return [grouped[key] for key in sorted(grouped)]


def _opening(word: str) -> str:
    """Return a word's opening sound for blocking: its first letter, ``k`` and ``q`` written ``c``."""
    first = word[:1]
    return "c" if first and first in "kq" else first


def _close_words(left: list[str], right: list[str], cutoff: float, head: int) -> list[tuple[str, str]]:
    """Return the word pairs whose ``fuzz.ratio`` (on their first ``head`` letters; 0: whole) reaches ``cutoff``.

    Scored in row blocks of ``WORD_CELLS`` cells, which bounds the memory of the score matrix.
    """
    if not left or not right:
        return []
    cut = (lambda w: w[:head]) if head else None
    rows = max(1, WORD_CELLS // len(right))
    found: list[tuple[str, str]] = []
    for start in range(0, len(left), rows):
        block = left[start : start + rows]
        workers = -1 if len(block) * len(right) > PARALLEL_CELLS else 1
        scores = process.cdist(
            block, right, scorer=fuzz.ratio, processor=cut, score_cutoff=cutoff, dtype=np.uint8, workers=workers
        )
        found.extend((block[r], right[c]) for r, c in zip(*np.nonzero(scores), strict=True))
    return found


def pair_score(
    away: frozenset[str], home: frozenset[str], cognates: Mapping[str, frozenset[str]], weight: Mapping[str, float]
) -> float:
    """Return how alike a quotation in another language and one in the pivot language are, 0-1.

    Words are matched when equal or cognates, each weighing its rarity in the storyline
    (``weight``); the score blends the weighted Dice of the matched words on both sides with
    the weighted coverage of the shorter side, and is zero below ``MIN_SHARED`` matched words.
    Words of ``away`` in a script ``home`` does not write are left out (``readable``).
    """
    away = readable(away, home)
    if not away or not home:
        return 0.0
    matched_away = [w for w in away if w in home or cognates.get(w, frozenset()) & home]
    matched_home = [w for w in home if w in away or any(w in cognates.get(a, ()) for a in away)]
    if min(len(matched_away), len(matched_home)) < MIN_SHARED:
        return 0.0
    got_away, got_home = _weigh(matched_away, weight), _weigh(matched_home, weight)
    all_away, all_home = _weigh(away, weight), _weigh(home, weight)
    dice = (got_away + got_home) / (all_away + all_home)
    shorter = got_away / all_away if len(away) <= len(home) else got_home / all_home
    return (1.0 - COVERAGE_SHARE) * dice + COVERAGE_SHARE * shorter


def readable(away: frozenset[str], home: frozenset[str]) -> frozenset[str]:
    """Return the words of ``away`` that could match ``home``: numbers, and words in a script ``home`` writes.

    A quotation in another script (``أردوغان``, ``Эрдоган``) can share only its numbers and
    the words it writes in the other's script with a quotation it translates; the words we
    cannot read tell neither for nor against it, so they weigh nothing.
    """
    scripts = {script(w) for w in home}
    return frozenset(w for w in away if script(w) in scripts or w[:1].isdigit())


def script(word: str) -> str:
    """Return the script of a word's first letter, as Unicode names it (``LATIN``, ``ARABIC``); ``""`` for none."""
    letter = next((c for c in word if c.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def _weigh(words: Iterable[str], weight: Mapping[str, float]) -> float:
    """Return the total weight of some words, added in sorted order (so the sum does not depend on set order)."""
    return sum(weight[w] for w in sorted(words))


def rarity(words: Sequence[frozenset[str]]) -> dict[str, float]:
    """Return each word's weight: the log of how many units there are per unit holding it, plus one."""
    df = Counter(w for found in words for w in found)
    return {w: math.log(1.0 + len(words) / count) for w, count in df.items()}
