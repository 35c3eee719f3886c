"""Candidate article pairs (shared distinctive words) and the statements two articles both quote."""

from __future__ import annotations

import bisect
import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

from ..models import date_order
from .components import Pair
from .profiles import Profile

TOP_TERMS = 24
"""How many of an article's most distinctive words index it for candidate pairs."""

MAX_POSTINGS = 200
"""A word found in more articles than this links each article only to that many nearest in date."""

MAX_NEIGHBOURS = 40
"""How many candidate partners each article is scored against up front, at most."""

BLOCK_ARTICLES = 1000
"""Articles per task when candidate pairs and their evidence are found on an engine's workers.

A block's partners are spread over the corpus's dates (a rare word links articles months
apart), so an evidence task carries several times its own articles' profiles: at 10,000
articles, blocks of 1,000 carry 5.8 profiles per article in all, blocks of 500 carry 8.6.
"""

QUOTE_MATCH = 86.0
"""rapidfuzz ``token_set_ratio`` (0-100) at which two quotations count as one statement."""

Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]
"""An engine's map (``digest.engine``): a function over tasks, the results in the order of the tasks."""


def candidate_pairs(profiles: Sequence[Profile], run: Mapper | None = None) -> list[Pair]:
    """Return pairs ``(i, j)``, ``i < j``, sharing distinctive words; ``MAX_NEIGHBOURS`` per article.

    Each article is indexed by its ``TOP_TERMS`` heaviest words found in at least two
    articles. A word's postings are kept in date order, and an article meets at most
    ``MAX_POSTINGS`` of them (those nearest in date), so the work stays linear in
    the number of articles.

    With ``run`` (an engine's mapper), the articles' partners are found in blocks of
    ``BLOCK_ARTICLES`` articles consecutive in date, each task carrying only the stretch
    of each word's postings its articles can meet (``_block_postings``); the pairs are
    those of one pass.
    """
    df: Counter[str] = Counter()
    for profile in profiles:
        df.update(profile.body.keys())
    tops = [_top_terms(p, df) for p in profiles]
    rank = sorted(range(len(profiles)), key=lambda i: date_order(profiles[i].published, profiles[i].id))
    index: dict[str, list[int]] = defaultdict(list)
    for i in rank:
        for term in tops[i]:
            index[term].append(i)
    position = {i: n for n, i in enumerate(rank)}
    keys = {term: [position[i] for i in postings] for term, postings in index.items()}
    arrays = {term: np.array(postings, dtype=np.intp) for term, postings in index.items()}
    if run is None:
        whole = {term: (arrays[term], keys[term], 0, len(keys[term])) for term in index}
        found = [(i, _partners(i, position[i], top, whole)) for i, top in enumerate(tops) if top]
    else:
        blocks = [rank[start : start + BLOCK_ARTICLES] for start in range(0, len(rank), BLOCK_ARTICLES)]
        tasks = [
            ([(i, position[i], tops[i]) for i in b if tops[i]], _block_postings(b, tops, position, keys, arrays))
            for b in blocks
        ]
        found = [partners for done in run(_partner_block, tasks) for partners in done]
    pairs: set[Pair] = set()
    for i, ranked in found:
        pairs.update((min(i, j), max(i, j)) for j in ranked)
    pairs.update(_across_languages(profiles, rank, position))
    return sorted(pairs)


def _across_languages(profiles: Sequence[Profile], rank: Sequence[int], position: Mapping[int, int]) -> list[Pair]:
    """Return pairs of articles in different languages sharing distinctive names; ``MAX_NEIGHBOURS`` per article.

    Reports of one event in two languages share almost no word (``TOP_TERMS`` are mostly
    words of one language), but they write the same names and quote the same people. Each
    article of a clear language is indexed by its ``TOP_TERMS`` heaviest names (entities and
    quoted speakers, ``Profile.names``) found in at least two articles, and
    meets the articles in other languages among their nearest postings as ``_partners`` does.
    A corpus in one language has none of these pairs.
    """
    languages = [p.language for p in profiles]
    if len(set(languages) - {""}) < 2:
        return []
    df: Counter[str] = Counter()
    for profile in profiles:
        if profile.language:
            df.update(profile.names.keys())
    tops = [
        [t for _, t in heapq.nsmallest(TOP_TERMS, [(-w, t) for t, w in p.names.items() if df[t] >= 2])]
        if p.language
        else []
        for p in profiles
    ]
    index: dict[str, list[int]] = defaultdict(list)
    for i in rank:
        for term in tops[i]:
            index[term].append(i)
    postings = {
        term: (np.array(found, dtype=np.intp), [position[i] for i in found], 0, len(found))
        for term, found in index.items()
    }
    codes = {language: n for n, language in enumerate(sorted(set(languages)))}
    spoken = np.array([codes[language] for language in languages], dtype=np.intp)
    pairs: list[Pair] = []
    for i, top in enumerate(tops):
        if not top:
            continue
        met = np.concatenate([_nearest(*postings[term], position[i]) for term in top])
        met = met[spoken[met] != spoken[i]]
        if not len(met):
            continue
        others, overlap = np.unique(met, return_counts=True)
        ranked = others[np.lexsort((others, -overlap))[:MAX_NEIGHBOURS]].tolist()
        pairs.extend((min(i, j), max(i, j)) for j in ranked)
    return pairs


Postings = tuple[np.ndarray, list[int], int, int]
"""A stretch of one word's postings: articles, their places in date order, where the stretch starts, the full length."""


def _partner_block(task: tuple[list[tuple[int, int, list[str]]], dict[str, Postings]]) -> list[tuple[int, list[int]]]:
    """Find the candidate partners of a block of articles (a task for an engine's workers).

    The task gives each article's number, place in date order and top words, and the
    stretch of every such word's postings the block can meet.
    """
    articles, postings = task
    return [(i, _partners(i, key, top, postings)) for i, key, top in articles]


def _partners(i: int, key: int, top: Sequence[str], postings: Mapping[str, Postings]) -> list[int]:
    """Return the articles ``i`` meets most often among its words' nearest postings (most words first, then number)."""
    met = np.concatenate([_nearest(*postings[term], key) for term in top])
    others, overlap = np.unique(met[met != i], return_counts=True)
    # Most words in common first, then the lowest number.
    return others[np.lexsort((others, -overlap))[:MAX_NEIGHBOURS]].tolist()


def _block_postings(
    block: Sequence[int],
    tops: Sequence[Sequence[str]],
    position: Mapping[int, int],
    keys: Mapping[str, list[int]],
    arrays: Mapping[str, np.ndarray],
) -> dict[str, Postings]:
    """Return, for each top word of a block of articles consecutive in date, the postings they can meet.

    An article meets at most the ``MAX_POSTINGS`` postings nearest its place, so those
    from ``MAX_POSTINGS`` before the block's first place to as many after its last hold
    all of them (``_nearest`` reads them at the stretch's offset).
    """
    first, last = position[block[0]], position[block[-1]]
    out: dict[str, Postings] = {}
    for term in sorted({t for i in block for t in tops[i]}):
        places = keys[term]
        total = len(places)
        if total <= MAX_POSTINGS:
            start, end = 0, total
        else:
            start = max(0, bisect.bisect_left(places, first) - MAX_POSTINGS)
            end = min(total, bisect.bisect_left(places, last) + MAX_POSTINGS)
        out[term] = (arrays[term][start:end].copy(), places[start:end], start, total)
    return out


def _top_terms(profile: Profile, df: Mapping[str, int]) -> list[str]:
    """Return the article's heaviest body words among those other articles use too."""
    weights = [(-w, t) for t, w in profile.body.items() if df[t] >= 2]
    return [t for _, t in heapq.nsmallest(TOP_TERMS, weights)]


def _nearest(postings: np.ndarray, keys: list[int], offset: int, total: int, key: int) -> np.ndarray:
    """Return all postings, or the ``MAX_POSTINGS`` nearest ``key`` in date order.

    ``postings`` and ``keys`` may be a stretch of a word's postings starting at ``offset``
    of ``total``, as long as it holds the nearest ones.
    """
    if total <= MAX_POSTINGS:
        return postings
    middle = offset + bisect.bisect_left(keys, key)
    start = min(max(0, middle - MAX_POSTINGS // 2), total - MAX_POSTINGS) - offset
    return postings[start : start + MAX_POSTINGS]


def shared_statements(profiles: Sequence[Profile], pairs: Sequence[Pair]) -> dict[Pair, float]:
    """Return, per candidate pair, how strongly (0.5-1) they quote one statement; absent if not.

    Each of an article's quotations is scored only against the partners' quotations
    it can match (``_Statements.reachable``), which changes no result: the others
    score below ``QUOTE_MATCH``, and only each quotation's best match counts.
    """
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        if profiles[i].quotes and profiles[j].quotes:
            partners[i].append(j)
    statements = _Statements(profiles)
    shared: dict[Pair, float] = {}
    for i, js in partners.items():
        owners = [j for j in js for _ in profiles[j].quotes]
        texts = [statements.texts[n] for n in statements.numbers(js)]
        best = np.zeros(len(texts), dtype=np.float32)
        for text, columns in statements.reachable(i, js):
            found = process.cdist(
                [text],
                [texts[column] for column in columns],
                scorer=fuzz.token_set_ratio,
                processor=None,
                score_cutoff=QUOTE_MATCH,
            )
            best[columns] = np.maximum(best[columns], found[0])
        for column in np.flatnonzero(best >= QUOTE_MATCH):
            strength = 0.5 + 0.5 * (float(best[column]) - QUOTE_MATCH) / (100.0 - QUOTE_MATCH)
            pair = (i, owners[column])
            shared[pair] = max(shared.get(pair, 0.0), strength)
    return shared


class _Statements:
    """Every article's quotations as ``fuzz.token_set_ratio`` reads them, and what bounds that score.

    The score compares the quotations' sets of distinct words: the words both share
    against all of either, and the words only one has against those only the other
    has. The lengths of the shared words give the first two comparisons exactly; the
    third can score no higher than its letters and lengths allow, since an edit
    distance is at least the difference of the letter counts and of the lengths.
    """

    LETTER_BUCKETS = 64
    """Letters are counted modulo this many code points (merging letters only lowers the bound)."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.texts = [utils.default_process(q) for p in profiles for q in p.quotes]
        """Every quotation, processed as the score's ``default_process`` does, article after article."""
        counts = np.array([len(p.quotes) for p in profiles], dtype=np.intp)
        self.first = np.cumsum(counts) - counts
        self.counts = counts
        numbers: dict[str, int] = {}
        lengths: list[int] = []
        self.words: list[np.ndarray] = []
        self.letters = np.zeros((len(self.texts), self.LETTER_BUCKETS), dtype=np.int64)
        for n, text in enumerate(self.texts):
            distinct = sorted(set(text.split()))
            for word in distinct:
                if word not in numbers:
                    numbers[word] = len(numbers)
                    lengths.append(len(word) + 1)
            self.words.append(np.array([numbers[w] for w in distinct], dtype=np.intp))
            codes = np.array([ord(c) for w in distinct for c in w], dtype=np.int64)
            self.letters[n] = np.bincount(codes % self.LETTER_BUCKETS, minlength=self.LETTER_BUCKETS)
        self.word_sizes = np.array(lengths, dtype=np.int64)
        """One plus the length of each distinct word."""
        self.sizes = np.array([int(self.word_sizes[w].sum()) for w in self.words], dtype=np.int64)
        """Per quotation: one plus the length of its distinct words joined by spaces."""
        self.scratch = np.zeros(len(numbers), dtype=np.int64)

    def numbers(self, articles: Sequence[int]) -> list[int]:
        """Return the numbers of the articles' quotations, article after article."""
        return [n for j in articles for n in range(self.first[j], self.first[j] + self.counts[j])]

    def reachable(self, i: int, js: Sequence[int]) -> list[tuple[str, np.ndarray]]:
        """Return each quotation of ``i`` with the places, among those of ``js``, of the ones it may match."""
        theirs = np.array(self.numbers(js), dtype=np.intp)
        their_words = [self.words[n] for n in theirs]
        rows = np.repeat(np.arange(len(theirs)), [len(w) for w in their_words])
        words = np.concatenate(their_words)
        their_sizes = self.sizes[theirs]
        found = []
        for n in self.numbers([i]):
            own_words = self.words[n]
            self.scratch[own_words] = self.word_sizes[own_words]
            shared = np.bincount(rows, weights=self.scratch[words], minlength=len(theirs)).astype(np.int64)
            self.scratch[own_words] = 0
            columns = np.flatnonzero(self._bound(n, shared, theirs, their_sizes) >= QUOTE_MATCH - 1e-6)
            if len(columns):
                found.append((self.texts[n], columns))
        return found

    def _bound(self, n: int, shared: np.ndarray, theirs: np.ndarray, their_sizes: np.ndarray) -> np.ndarray:
        """Return, per quotation of ``theirs``, a score ``token_set_ratio`` with quotation ``n`` cannot pass.

        ``shared`` holds the summed sizes (length plus one) of the distinct words each shares with ``n``.
        """
        own_size = int(self.sizes[n])
        # Joined lengths: sect of the shared words, ab and ba of the words only one has.
        sect = np.maximum(shared - 1, 0)
        ab = np.maximum(own_size - shared - 1, 0)
        ba = np.maximum(their_sizes - shared - 1, 0)
        has_sect = shared > 0
        subset = has_sect & ((ab == 0) | (ba == 0))
        sect_ab = sect + has_sect + ab
        sect_ba = sect + has_sect + ba
        total = sect_ab + sect_ba
        with np.errstate(divide="ignore", invalid="ignore"):
            ab_ratio = np.where(has_sect, 100 - 100 * (has_sect + ab) / (sect + sect_ab), 0.0)
            ba_ratio = np.where(has_sect, 100 - 100 * (has_sect + ba) / (sect + sect_ba), 0.0)
            letters = np.abs(self.letters[theirs] - self.letters[n]).sum(axis=1)
            least_edits = np.maximum(letters, np.abs(ab - ba))
            rest = np.where(total > 0, 100 - 100 * least_edits / total, 100.0)
        bound = np.maximum(rest, np.maximum(ab_ratio, ba_ratio))
        bound[subset | (total == 0)] = 100.0
        return bound
