"""Article-to-article scores: how likely two articles cover the same event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import numpy as np

from ..models import date_order
from ..settings import Settings
from .candidates import BLOCK_ARTICLES, Mapper, candidate_pairs, shared_statements
from .components import Pair
from .profiles import Profile

WEIGHTS = {"body": 0.65, "entities": 0.25, "title": 0.10}
"""How much each kind of textual evidence counts in an article-to-article score."""

FULL_MATCH = 0.4
"""Weighted textual similarity at which a pair scores 1; lower values scale linearly.

Reports of one event by different outlets typically reach 0.2-0.5 (each outlet words
things its own way and adds background); different events rarely pass 0.12, even in
the same country and week.
"""

STATEMENT_BONUS = 0.1
"""How much one shared statement adds to a pair's score (the quoted words already count as text)."""

STATEMENT_SUPPORT = 0.3
"""Textual score from which a shared statement counts in full; below it, proportionally less.

A stock sentence ("we are following the situation closely") can turn up in reports of
unrelated events, so a shared statement needs some agreement of the texts around it.
"""

ACROSS_LANGUAGES = 1.0
"""Weight of the names' cosine in the textual score of two articles in different languages.

Their wording cannot agree (a translation shares almost no word with its original) and
neither can a title with the other's body, so the names they both write (people, bodies,
places: ``Credit Suisse``, ``Kelleher``, ``Erdogan``) and the people both quote, as speaker
resolution found them (``Profile.names``: a script without capitals writes no name we can
read, ``أردوغان``, but its quotations are resolved to the entity the other outlets quote)
carry the whole of the textual evidence in place of the weighted sum of ``WEIGHTS``. Everything else (``FULL_MATCH``,
``NAMELESS``, statements, dates) counts as for two articles in one language.
"""

NAMES_FULL = 0.1
"""Cosine of two articles' names (people, places, bodies) from which their wording counts in full."""

NAMELESS = 0.5
"""Share of the textual score kept by two articles that name people or places but none in common.

Reports of one event name the same people and places; reports of different events in
the same words (a ministry "will continue the talks") do not.
"""

DATE_DECAY = 0.2
"""Fraction of the textual score lost by a pair published ``storyline_max_days`` apart."""

DATE_CHECK = 0.45
"""Date-free score from which two articles count as reports of one event when checking a date.

Different events rarely pass 0.3 (``FULL_MATCH``); reports of one event by different
outlets mostly do, and wire copies reach 1.
"""

DATE_CONSENSUS = 3
"""How many articles, dated within ``storyline_max_days`` of one another, overrule a date.

An article whose closest reports (``DATE_CHECK`` or more) are all dated far from it, and
at least this many of them close together, carries a date the content contradicts: a page's
stamp, a republication, a crawl date. It is grouped as if undated. With fewer, there is no
telling which date is wrong (one report against two could be a follow-up), and the dates
keep their say.
"""

# --- pair scores ------------------------------------------------------------


class PairScorer:
    """Article-to-article scores: candidate pairs up front, any other pair on demand.

    With ``run`` (an engine's mapper), the candidate pairs and their evidence (shared
    statements, textual scores) are found in blocks of articles on the engine's workers
    (``candidate_pairs``, ``_evidence_block``); what needs every pair (dates the reports
    contradict) and the scores asked for later are found here. The scores are those of one pass.
    """

    def __init__(self, profiles: Sequence[Profile], settings: Settings, run: Mapper | None = None) -> None:
        self.profiles = profiles
        self.settings = settings
        self.vectors = _Vectors(profiles, settings)
        self.candidates = candidate_pairs(profiles, run)
        partners: dict[int, list[int]] = defaultdict(list)
        for i, j in self.candidates:
            partners[i].append(j)
        if run is None:
            shared = shared_statements(profiles, self.candidates)
            evidence = {
                i: self.vectors.evidence(i, js, [shared.get((i, j), 0.0) for j in js]) for i, js in partners.items()
            }
        else:
            evidence = _mapped_evidence(profiles, partners, settings, run)
        self.contradicted = self._contradicted_dates(partners, evidence)
        """Articles whose date their closest reports contradict (``DATE_CONSENSUS``): grouped as undated."""
        self.vectors.dated[sorted(self.contradicted)] = False
        self.scores: dict[Pair, float] = {}
        for i, js in partners.items():
            found = self.vectors.dated_scores(i, js, *evidence[i])
            self.scores.update(((i, j), score) for j, score in zip(js, found, strict=True))

    def _contradicted_dates(
        self, partners: Mapping[int, Sequence[int]], evidence: Mapping[int, tuple[np.ndarray, np.ndarray]]
    ) -> set[int]:
        """Return the dated articles whose closest reports are all dated far from them, and agree."""
        dated, micros = self.vectors.dated, self.vectors.micros
        close: dict[int, list[int]] = defaultdict(list)
        for i, js in partners.items():
            textual, bonus = evidence[i]
            for j, score in zip(js, np.minimum(1.0, textual + bonus).tolist(), strict=True):
                if score >= DATE_CHECK and dated[i] and dated[j]:
                    close[i].append(j)
                    close[j].append(i)
        span = self.settings.storyline_max_days * 86400 * 1_000_000
        found = set()
        for i, js in close.items():
            times = np.sort(micros[js])
            if len(times) < DATE_CONSENSUS or np.any(np.abs(times - micros[i]) <= span):
                continue
            # The most reports dated within one span of one another.
            agreeing = np.searchsorted(times, times + span, side="right") - np.arange(len(times))
            if agreeing.max() >= DATE_CONSENSUS:
                found.add(i)
        return found

    def score(self, i: int, j: int) -> float:
        """Return the score of articles ``i`` and ``j``, computing it if it is not known yet."""
        pair = (i, j) if i < j else (j, i)
        if pair not in self.scores:
            self.scores[pair] = self.vectors.scores(pair[0], [pair[1]], [0.0])[0]
        return self.scores[pair]

    def complete(self, group: Sequence[int], other: Sequence[int]) -> None:
        """Compute every unknown score between a member of ``group`` and a different member of ``other``."""
        if len(group) > len(other):
            group, other = other, group
        for i in group:
            js = [j for j in other if j != i and ((i, j) if i < j else (j, i)) not in self.scores]
            if js:
                found = self.vectors.scores(i, js, [0.0] * len(js))
                self.scores.update(((min(i, j), max(i, j)), score) for j, score in zip(js, found, strict=True))


def _mapped_evidence(
    profiles: Sequence[Profile], partners: Mapping[int, list[int]], settings: Settings, run: Mapper
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Find every article's evidence with its partners in blocks of articles consecutive in date, on ``run``.

    A task carries the profiles of its articles and of their partners only, numbered in
    the order of the corpus: every score depends on the two articles alone, so the block
    finds what the whole corpus would (``_evidence_block``).
    """
    rank = sorted(partners, key=lambda i: date_order(profiles[i].published, profiles[i].id))
    blocks = [rank[start : start + BLOCK_ARTICLES] for start in range(0, len(rank), BLOCK_ARTICLES)]
    tasks = []
    for block in blocks:
        members = sorted({*block, *(j for i in block for j in partners[i])})
        local = {g: k for k, g in enumerate(members)}
        tasks.append(
            (
                [profiles[g] for g in members],
                [(local[i], [local[j] for j in partners[i]]) for i in sorted(block)],
                settings,
            )
        )
    found: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for block, results in zip(blocks, run(_evidence_block, tasks), strict=True):
        found.update(zip(sorted(block), results, strict=True))
    return {i: found[i] for i in partners}


def _evidence_block(
    task: tuple[Sequence[Profile], Sequence[tuple[int, list[int]]], Settings],
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return the evidence (textual scores, statement bonuses) of each article of a block with its partners.

    A task for an engine's workers: the profiles of the block's articles and partners, and
    each article's number among them with its partners' numbers, in ascending order.
    """
    profiles, partners, settings = task
    shared = shared_statements(profiles, [(i, j) for i, js in partners for j in js])
    vectors = _Vectors(profiles, settings)
    return [vectors.evidence(i, js, [shared.get((i, j), 0.0) for j in js]) for i, js in partners]


class _Vectors:
    """The profiles' vectors as arrays of term numbers, to score one article against many at once.

    Every score equals ``_pair_score`` to the last bit: each dot product adds the same
    products in the same order (that of the shorter vector, the first article's on a
    tie), and the rest of the formula runs the same floating-point operations.
    """

    def __init__(self, profiles: Sequence[Profile], settings: Settings) -> None:
        self.max_days = settings.storyline_max_days
        numbers: dict[str, int] = {}

        def terms(weights: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
            ids = [numbers.setdefault(term, len(numbers)) for term in weights]
            return np.array(ids, dtype=np.intp), np.array(list(weights.values()), dtype=np.float64)

        self.body = [terms(p.body) for p in profiles]
        self.entities = [terms(p.entities) for p in profiles]
        titles = [[(numbers[t], w) for t, w in p.title_terms.items() if t in numbers] for p in profiles]
        self.titles = [
            (np.array([t for t, _ in pairs], dtype=np.intp), np.array([w for _, w in pairs], dtype=np.float64))
            for pairs in titles
        ]
        self.title_totals = np.array([sum(p.title_terms.values()) for p in profiles], dtype=np.float64)
        self.body_sizes = np.array([len(p.body) for p in profiles], dtype=np.intp)
        self.entity_sizes = np.array([len(p.entities) for p in profiles], dtype=np.intp)
        self.names = [terms(p.names) for p in profiles]
        self.name_sizes = np.array([len(p.names) for p in profiles], dtype=np.intp)
        codes = {language: n for n, language in enumerate(sorted({p.language for p in profiles} - {""}), start=1)}
        self.languages = np.array([codes.get(p.language, 0) for p in profiles], dtype=np.intp)
        """Per article a number for its language, zero if unclear (``Profile.language``)."""
        self.multilingual = len(codes) > 1
        epoch = datetime(1970, 1, 1)
        self.dated = np.array([p.when is not None for p in profiles], dtype=bool)
        self.micros = np.array(
            [(p.when - epoch) // timedelta(microseconds=1) if p.when is not None else 0 for p in profiles],
            dtype=np.int64,
        )
        self.weight = np.zeros(len(numbers), dtype=np.float64)
        """Scratch: the weight of each term in the article being scored (zero elsewhere)."""
        self.position = np.zeros(len(numbers), dtype=np.intp)
        """Scratch: the place of each term in that article's vector."""
        self.title_position = np.zeros(len(numbers), dtype=np.intp)
        """Scratch: one plus the place of each term in that article's title, zero if absent."""

    def scores(self, i: int, js: Sequence[int], statements: Sequence[float]) -> list[float]:
        """Return ``_pair_score`` of article ``i`` with each of ``js`` (none of them ``i``)."""
        return self.dated_scores(i, js, *self.evidence(i, js, statements))

    def evidence(self, i: int, js: Sequence[int], statements: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
        """Return the textual scores of article ``i`` with each of ``js``, and their statement bonuses."""
        others = np.asarray(js, dtype=np.intp)
        body_ids, body_weights = self.body[i]
        entity_ids, entity_weights = self.entities[i]
        title_ids, title_weights = self.titles[i]
        self.weight[body_ids] = body_weights
        self.weight[entity_ids] = entity_weights
        self.position[body_ids] = np.arange(len(body_ids))
        self.position[entity_ids] = np.arange(len(entity_ids))
        self.title_position[title_ids] = np.arange(1, len(title_ids) + 1)
        try:
            body, body_terms, body_rows = self._dots(i, others, self.body, self.body_sizes)
            entities, _, _ = self._dots(i, others, self.entities, self.entity_sizes)
            own_title = self._title_cover(title_weights, body_terms, body_rows, len(others))
            their_titles = self._their_titles(others)
        finally:
            self.weight[body_ids] = 0.0
            self.weight[entity_ids] = 0.0
            self.title_position[title_ids] = 0
        own_total = float(self.title_totals[i])
        own_cover = own_title / own_total if own_total else np.zeros(len(others))
        totals = self.title_totals[others]
        their_cover = np.divide(their_titles, totals, out=np.zeros(len(others)), where=totals != 0)
        raw = WEIGHTS["body"] * body + WEIGHTS["entities"] * entities + WEIGHTS["title"] * (own_cover + their_cover) / 2
        named = (self.entity_sizes[others] > 0) & (self.entity_sizes[i] > 0)
        if self.multilingual and self.languages[i]:
            crossed = (self.languages[others] != self.languages[i]) & (self.languages[others] > 0)
            names = self._name_dots(i, others)
            raw = np.where(crossed, ACROSS_LANGUAGES * names, raw)
            entities = np.where(crossed, names, entities)
            named = np.where(crossed, (self.name_sizes[others] > 0) & (self.name_sizes[i] > 0), named)
        textual = np.minimum(1.0, raw / FULL_MATCH)
        textual = np.where(
            named, textual * (NAMELESS + (1.0 - NAMELESS) * np.minimum(1.0, entities / NAMES_FULL)), textual
        )
        bonus = (
            STATEMENT_BONUS * np.asarray(statements, dtype=np.float64) * np.minimum(1.0, textual / STATEMENT_SUPPORT)
        )
        return textual, bonus

    def _name_dots(self, i: int, others: np.ndarray) -> np.ndarray:
        """Return the dot products of article ``i``'s names (``Profile.names``) with each of ``others``'."""
        ids, weights = self.names[i]
        self.weight[ids] = weights
        self.position[ids] = np.arange(len(ids))
        try:
            return self._dots(i, others, self.names, self.name_sizes)[0]
        finally:
            self.weight[ids] = 0.0

    def dated_scores(self, i: int, js: Sequence[int], textual: np.ndarray, bonus: np.ndarray) -> list[float]:
        """Return the scores of article ``i`` with each of ``js``: textual evidence weighed by the dates."""
        others = np.asarray(js, dtype=np.intp)
        textual = textual.copy()
        dated = self.dated[others] & self.dated[i]
        days = np.abs(self.micros[others] - self.micros[i]) / 1e6 / 86400.0
        far = dated & (days > self.max_days)
        if self.max_days > 0:
            near = dated & ~far
            textual[near] = textual[near] * (1 - DATE_DECAY * days[near] / self.max_days)
        result = np.minimum(1.0, textual + bonus)
        result[far & (bonus == 0.0)] = 0.0
        return [float(score) for score in result]

    def _dots(
        self, i: int, others: np.ndarray, vectors: Sequence[tuple[np.ndarray, np.ndarray]], sizes: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the dot products of the scattered article ``i`` with each of ``others``.

        Also returns the others' term numbers end to end, and the row each belongs to.
        """
        lengths = sizes[others]
        rows = np.repeat(np.arange(len(others)), lengths)
        if not len(rows):
            return np.zeros(len(others)), rows, rows
        ids = np.concatenate([vectors[j][0] for j in others])
        weights = np.concatenate([vectors[j][1] for j in others])
        found = self.weight[ids]
        hits = np.flatnonzero(found)
        hit_rows = rows[hits]
        products = weights[hits] * found[hits]
        # _cosine runs over the shorter vector, the pair's first article on a tie.
        size = sizes[i]
        first_is_i = others > i
        own_order = np.where(first_is_i, size <= lengths, size < lengths)
        starts = np.cumsum(lengths) - lengths
        place = np.where(own_order[hit_rows], self.position[ids[hits]], hits - starts[hit_rows])
        order = np.lexsort((place, hit_rows))
        return _row_sums(hit_rows[order], products[order], len(others)), ids, rows

    def _title_cover(self, weights: np.ndarray, ids: np.ndarray, rows: np.ndarray, count: int) -> np.ndarray:
        """Return, per other article, the summed weights of the scattered title's terms in its body."""
        if not len(weights) or not len(ids):
            return np.zeros(count)
        places = self.title_position[ids]
        hits = np.flatnonzero(places)
        present = np.zeros((count, len(weights)), dtype=np.float64)
        present[rows[hits], places[hits] - 1] = weights[places[hits] - 1]
        return np.cumsum(present, axis=1)[:, -1]

    def _their_titles(self, others: np.ndarray) -> np.ndarray:
        """Return, per other article, the summed weights of its title's terms in the scattered body."""
        lengths = np.array([len(self.titles[j][0]) for j in others], dtype=np.intp)
        rows = np.repeat(np.arange(len(others)), lengths)
        if not len(rows):
            return np.zeros(len(others))
        ids = np.concatenate([self.titles[j][0] for j in others])
        weights = np.concatenate([self.titles[j][1] for j in others])
        # Entity terms start with "@", title terms never do: only body weights can match.
        hits = np.flatnonzero(self.weight[ids])
        return _row_sums(rows[hits], weights[hits], len(others))


def _row_sums(rows: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """Return per row the sum of its values added one by one in the given order (rows ascending)."""
    if not len(rows):
        return np.zeros(count)
    sizes = np.bincount(rows, minlength=count)
    starts = np.cumsum(sizes) - sizes
    table = np.zeros((count, int(sizes.max())), dtype=np.float64)
    table[rows, np.arange(len(rows)) - starts[rows]] = values
    return np.cumsum(table, axis=1)[:, -1]


def _pair_score(a: Profile, b: Profile, statement: float, settings: Settings) -> float:
    """Return how likely (0-1) two articles cover the same event.

    Beyond ``storyline_max_days`` only a shared statement can link two articles. This
    is the definition; ``_Vectors.scores`` computes the same for many pairs at once.
    """
    raw = (
        WEIGHTS["body"] * _cosine(a.body, b.body)
        + WEIGHTS["entities"] * _cosine(a.entities, b.entities)
        + WEIGHTS["title"] * (_coverage(a.title_terms, b.body) + _coverage(b.title_terms, a.body)) / 2
    )
    names, a_names, b_names = _cosine(a.entities, b.entities), a.entities, b.entities
    if a.language and b.language and a.language != b.language:
        names, a_names, b_names = _cosine(a.names, b.names), a.names, b.names
        raw = ACROSS_LANGUAGES * names
    textual = min(1.0, raw / FULL_MATCH)
    if a_names and b_names:
        textual = textual * (NAMELESS + (1.0 - NAMELESS) * min(1.0, names / NAMES_FULL))
    bonus = STATEMENT_BONUS * statement * min(1.0, textual / STATEMENT_SUPPORT)
    days = _days_apart(a.when, b.when)
    if days is not None and days > settings.storyline_max_days:
        return min(1.0, textual + bonus) if bonus else 0.0
    if days is not None and settings.storyline_max_days > 0:
        textual *= 1 - DATE_DECAY * days / settings.storyline_max_days
    return min(1.0, textual + bonus)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Return the dot product of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _coverage(weights: Mapping[str, float], other: Mapping[str, float]) -> float:
    """Return the share (0-1) of ``weights`` whose terms also occur in ``other``."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in other) / total if total else 0.0


def _days_apart(a: datetime | None, b: datetime | None) -> float | None:
    """Return how many days separate two dates, or ``None`` if either is unknown."""
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 86400.0
