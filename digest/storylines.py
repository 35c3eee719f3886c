"""Grouping articles into storylines, and a storyline's timeline.

Two articles belong together when enough evidence agrees: the wording of their
bodies (TF-IDF cosine on content words), the people and places they name, whether
one's title is about what the other says, statements they both quote, and how
close their dates are. The article-to-article scores are grouped with average
linkage, so a storyline is held together by what its articles share as a whole
rather than by a chain of pairwise resemblances; and two groups that each hold
together far more strongly than they hold to each other stay apart, as two events
on one subject.

Only candidate pairs (articles sharing distinctive words, found through an inverted
index) are scored up front, which keeps the work near-linear in the number of
articles; the grouping scores the remaining pairs inside two groups only when it
considers merging them, so every merge uses the exact average.
"""

from __future__ import annotations

import bisect
import heapq
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

from digest.models import Article, Quote, QuoteCluster, QuoteKind, Storyline
from digest.settings import Settings
from digest.text.concepts import content_words
from digest.text.slugs import slugify
from digest.text.stemming import stem
from digest.text.tokens import tokenize

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = Settings()

NEWS_WORDS = frozenset(
    """
    said says say saying told tell tells added adding noted stated according reported report
    reports reporting announced announces statement statements asked cited quoted explained
    pointed indicated news agency press reporter correspondent source sources official
    officials spokesman spokeswoman spokesperson monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow week weeks month months year years day days
    time times ago earlier later new last first next one two three many other another
    january february march april june july august september october november december
    mr mrs ms dr al el
    """.split()  # noqa: SIM905
)
"""Words every news report uses, whatever the event: never evidence of a shared storyline."""

TOP_TERMS = 24
"""How many of an article's most distinctive words index it for candidate pairs."""

MAX_POSTINGS = 200
"""A word found in more articles than this links each article only to that many nearest in date."""

MAX_NEIGHBOURS = 40
"""How many candidate partners each article is scored against up front, at most."""

MIN_QUOTE_WORDS = 7
"""Shorter quotations are too generic to tie two articles together."""

QUOTE_MATCH = 86.0
"""rapidfuzz ``token_set_ratio`` (0-100) at which two quotations count as one statement."""

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

DATE_DECAY = 0.2
"""Fraction of the textual score lost by a pair published ``storyline_max_days`` apart."""

COHESION_SHARE = 0.5
"""Share of each group's cohesion that the link between two groups must reach to merge them.

A group's cohesion is the mean score of its articles' pairs, its link to another group
the mean score of the pairs across. A group that holds together far more strongly than
it holds to another is a different event on the same subject (two strikes at different
ports in the same week, say): words of the subject make the link reach the threshold,
but the statements and names that tie each group together are missing between them.
Measuring against each group, not the looser one, keeps a group that has already
absorbed a neighbour from absorbing the next. A single article has no cohesion to
compare against.
"""

_SENTENCE_START = re.compile(r"(?:^|[.!?:;•|/])[\s\"'“”‘’«»()\[\]\-–—]*$")

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """The terms of one article alone, for storyline grouping (``article_terms``).

    They depend on the article's title and body only, so the pipeline finds them beside
    its quotations, in parallel, and caches them with them.
    """

    body: dict[str, int]
    """How often each content-word stem occurs in the body, in order of first use."""
    entities: tuple[str, ...]
    """Stems of capitalised words that do not open a sentence, marked with ``@``, in order."""
    title: dict[str, int]
    """How often each content-word stem occurs in the title."""

    def to_data(self) -> list[object]:
        """Return the terms as JSON-ready lists."""
        return [list(self.body.items()), list(self.entities), list(self.title.items())]

    @classmethod
    def from_data(cls, data: Sequence[Any]) -> ArticleTerms:
        """Rebuild terms written by ``to_data``."""
        body, entities, title = data
        return cls(
            {str(term): int(count) for term, count in body},
            tuple(str(entity) for entity in entities),
            {str(term): int(count) for term, count in title},
        )


def article_terms(article: Article, words: _WordTerms | None = None) -> ArticleTerms:
    """Return the terms storyline grouping reads in one article.

    Without ``words``, the terms of each distinct word are remembered for the whole process
    (forgotten past ``_WordTerms.LIMIT`` words), since articles share most of their words.
    """
    if words is None:
        if len(_PROCESS_WORDS.body) > _WordTerms.LIMIT:
            _PROCESS_WORDS.body.clear()
            _PROCESS_WORDS.entity.clear()
        words = _PROCESS_WORDS
    body, entities = _body_terms(_body_paragraphs(article), words)
    return ArticleTerms(dict(body), tuple(entities), dict(_term_counts(article.title)))


@dataclass(frozen=True, slots=True)
class _Profile:
    """What the grouping knows about one article."""

    id: str
    title: str
    when: datetime | None
    body: dict[str, float]
    """Unit-length TF-IDF vector of the body's content-word stems."""
    entities: dict[str, float]
    """Unit-length IDF vector of capitalised words inside sentences."""
    title_terms: dict[str, float]
    """IDF of each content-word stem of the title."""
    quotes: tuple[str, ...]


def group_storylines(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    settings: Settings = DEFAULT_SETTINGS,
    terms: Mapping[str, ArticleTerms] | None = None,
) -> tuple[Storyline, ...]:
    """Group articles about the same event into storylines.

    Overrides (``settings.storylines``, then ``article.storyline``) put the articles
    naming the same storyline id into that storyline, whose id is that string, and
    nothing else joins it: the other articles are grouped by evidence among themselves.
    A storyline's title is that of its most central article, and its id a unique slug
    of that title. Storylines come newest first (by their latest article), then by id;
    each lists its sources in publication order (undated last), then by id. ``terms``
    gives articles' terms found beforehand (``article_terms``); the others are read here.
    """
    ordered = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    if not ordered:
        return ()
    profiles = _profiles(ordered, quotes, terms)
    scorer = _PairScorer(profiles, settings)
    forced = [settings.storylines.get(a.id) or a.storyline or None for a in ordered]
    groups = _AverageLinkage(scorer, forced, settings.storyline_threshold).run()
    storylines = [_storyline(group, profiles, scorer, forced) for group in groups]
    log.debug("grouped %d articles into %d storylines", len(ordered), len(storylines))
    return _sorted_storylines(_unique_ids(storylines), profiles)


def attach_clusters(storylines: Sequence[Storyline], clusters: Sequence[QuoteCluster]) -> tuple[Storyline, ...]:
    """Return the storylines with each one's cluster ids, in cluster order."""
    by_storyline: dict[str, list[str]] = defaultdict(list)
    for cluster in clusters:
        by_storyline[cluster.storyline].append(cluster.id)
    return tuple(replace(s, clusters=tuple(by_storyline.get(s.id, ()))) for s in storylines)


def timeline(storyline: Storyline, articles: Sequence[Article]) -> tuple[tuple[str | None, str], ...]:
    """Return ``(published, article id)`` for the storyline's articles, oldest first, undated last."""
    members = set(storyline.sources)
    chosen = sorted(
        (a for a in articles if a.id in members), key=lambda a: _date_key(parse_published(a.published), a.id)
    )
    return tuple((a.published, a.id) for a in chosen)


def parse_published(value: str | None) -> datetime | None:
    """Return an ISO 8601 date or date-time as a naive UTC datetime, or ``None``."""
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


# --- article profiles -------------------------------------------------------


def _profiles(
    articles: Sequence[Article], quotes: Sequence[Quote], terms: Mapping[str, ArticleTerms] | None = None
) -> list[_Profile]:
    """Return one profile per article, weighted by the corpus's document frequencies."""
    words = _WordTerms()
    known = terms or {}
    read = [known.get(a.id) or article_terms(a, words) for a in articles]
    bodies = [found.body for found in read]
    entities = [dict.fromkeys(found.entities) for found in read]
    titles = [found.title for found in read]
    idf = _idf([*bodies, *entities], len(articles))
    statements = _statement_texts(quotes)
    return [
        _Profile(
            id=a.id,
            title=a.title.strip(),
            when=parse_published(a.published),
            body=_unit({t: (1.0 + math.log(c)) * idf[t] for t, c in bodies[i].items()}),
            entities=_unit({t: idf[t] for t in entities[i]}),
            title_terms={t: idf.get(t, 1.0) for t in titles[i]},
            quotes=statements.get(a.id, ()),
        )
        for i, a in enumerate(articles)
    ]


def _body_paragraphs(article: Article) -> list[str]:
    """Return the article's body paragraphs, leaving out any that only repeat the title."""
    title = article.title.strip()
    return [p for p in article.paragraphs() if p.strip() != title]


def _term_counts(text: str) -> Counter[str]:
    """Return how often each content-word stem occurs in ``text``."""
    return Counter(term for word in content_words(text) if (term := _term(word)))


def _term(word: str) -> str:
    """Return the stem of a normalised content word, or ``""`` for news filler, numbers and scraps."""
    if len(word) < 2 or word in NEWS_WORDS or not word.isalpha():
        return ""
    return stem(word)


class _WordTerms:
    """The terms of each distinct word as written, worked out once per corpus."""

    LIMIT = 200_000
    """Distinct words remembered at most by the process-wide instance."""

    def __init__(self) -> None:
        self.body: dict[str, list[str]] = {}
        self.entity: dict[str, list[str]] = {}

    def of_body(self, word: str) -> list[str]:
        """Return the content-word stems of one word, as ``_term_counts`` finds them."""
        terms = self.body.get(word)
        if terms is None:
            terms = self.body[word] = [term for part in content_words(word) if (term := _term(part))]
        return terms

    def of_entity(self, word: str) -> list[str]:
        """Return the terms of one capitalised word as an entity (marked with ``@``)."""
        terms = self.entity.get(word)
        if terms is None:
            terms = self.entity[word] = ["@" + term for term in self.of_body(word)]
        return terms


_PROCESS_WORDS = _WordTerms()
"""The terms of words seen by ``article_terms`` in this process."""


def _body_terms(paragraphs: Sequence[str], words: _WordTerms) -> tuple[Counter[str], dict[str, None]]:
    """Return how often each content-word stem occurs in the body, and its entities in order.

    Entities are the stems of capitalised words that do not open a sentence (people,
    places, bodies), marked with ``@``. Each paragraph is tokenised once; a word found
    by ``tokenize`` is found whole again in itself, and no word spans two paragraphs, so
    the counts are those of ``_term_counts`` over the joined paragraphs.
    """
    terms: list[str] = []
    entities: dict[str, None] = {}
    for paragraph in paragraphs:
        for word, start, _ in tokenize(paragraph):
            terms.extend(words.of_body(word))
            if word[:1].isupper() and not _SENTENCE_START.search(paragraph[max(0, start - 12) : start]):
                entities.update(dict.fromkeys(words.of_entity(word)))
    return Counter(terms), entities


def _idf(counts: Sequence[Mapping[str, object]], n_docs: int) -> dict[str, float]:
    """Return the smoothed inverse document frequency of every term."""
    df: Counter[str] = Counter()
    for doc in counts:
        df.update(doc.keys())
    return {term: math.log((1 + n_docs) / (1 + freq)) + 1.0 for term, freq in df.items()}


def _unit(weights: Mapping[str, float]) -> dict[str, float]:
    """Return ``weights`` scaled to unit length (empty if all zero)."""
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def _statement_texts(quotes: Sequence[Quote]) -> dict[str, tuple[str, ...]]:
    """Return each article's quotations long enough to identify a statement."""
    found: dict[str, list[str]] = defaultdict(list)
    for quote in quotes:
        if quote.kind in (QuoteKind.STATEMENT, QuoteKind.FRAGMENT) and len(tokenize(quote.text)) >= MIN_QUOTE_WORDS:
            found[quote.source].append(quote.text)
    return {source: tuple(texts) for source, texts in found.items()}


# --- pair scores ------------------------------------------------------------


class _PairScorer:
    """Article-to-article scores: candidate pairs up front, any other pair on demand."""

    def __init__(self, profiles: Sequence[_Profile], settings: Settings) -> None:
        self.profiles = profiles
        self.settings = settings
        self.vectors = _Vectors(profiles, settings)
        self.candidates = _candidate_pairs(profiles)
        shared = _shared_statements(profiles, self.candidates)
        partners: dict[int, list[int]] = defaultdict(list)
        for i, j in self.candidates:
            partners[i].append(j)
        self.scores: dict[Pair, float] = {}
        for i, js in partners.items():
            found = self.vectors.scores(i, js, [shared.get((i, j), 0.0) for j in js])
            self.scores.update(((i, j), score) for j, score in zip(js, found, strict=True))

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


class _Vectors:
    """The profiles' vectors as arrays of term numbers, to score one article against many at once.

    Every score equals ``_pair_score`` to the last bit: each dot product adds the same
    products in the same order (that of the shorter vector, the first article's on a
    tie), and the rest of the formula runs the same floating-point operations.
    """

    def __init__(self, profiles: Sequence[_Profile], settings: Settings) -> None:
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
        textual = np.minimum(1.0, raw / FULL_MATCH)
        bonus = (
            STATEMENT_BONUS * np.asarray(statements, dtype=np.float64) * np.minimum(1.0, textual / STATEMENT_SUPPORT)
        )
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


def _pair_score(a: _Profile, b: _Profile, statement: float, settings: Settings) -> float:
    """Return how likely (0-1) two articles cover the same event.

    Beyond ``storyline_max_days`` only a shared statement can link two articles. This
    is the definition; ``_Vectors.scores`` computes the same for many pairs at once.
    """
    raw = (
        WEIGHTS["body"] * _cosine(a.body, b.body)
        + WEIGHTS["entities"] * _cosine(a.entities, b.entities)
        + WEIGHTS["title"] * (_coverage(a.title_terms, b.body) + _coverage(b.title_terms, a.body)) / 2
    )
    textual = min(1.0, raw / FULL_MATCH)
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


def _candidate_pairs(profiles: Sequence[_Profile]) -> list[Pair]:
    """Return pairs ``(i, j)``, ``i < j``, sharing distinctive words; ``MAX_NEIGHBOURS`` per article.

    Each article is indexed by its ``TOP_TERMS`` heaviest words found in at least two
    articles. A word's postings are kept in date order, and an article meets at most
    ``MAX_POSTINGS`` of them (those nearest in date), so the work stays linear in
    the number of articles.
    """
    df: Counter[str] = Counter()
    for profile in profiles:
        df.update(profile.body.keys())
    tops = [_top_terms(p, df) for p in profiles]
    rank = sorted(range(len(profiles)), key=lambda i: _date_key(profiles[i].when, profiles[i].id))
    index: dict[str, list[int]] = defaultdict(list)
    for i in rank:
        for term in tops[i]:
            index[term].append(i)
    position = {i: n for n, i in enumerate(rank)}
    keys = {term: [position[i] for i in postings] for term, postings in index.items()}
    arrays = {term: np.array(postings, dtype=np.intp) for term, postings in index.items()}
    pairs: set[Pair] = set()
    for i, top in enumerate(tops):
        if not top:
            continue
        met = np.concatenate([_nearest(arrays[term], keys[term], position[i]) for term in top])
        others, overlap = np.unique(met[met != i], return_counts=True)
        # Most words in common first, then the lowest number.
        ranked = others[np.lexsort((others, -overlap))[:MAX_NEIGHBOURS]]
        pairs.update((min(i, j), max(i, j)) for j in ranked.tolist())
    return sorted(pairs)


def _top_terms(profile: _Profile, df: Mapping[str, int]) -> list[str]:
    """Return the article's heaviest body words among those other articles use too."""
    weights = [(-w, t) for t, w in profile.body.items() if df[t] >= 2]
    return [t for _, t in heapq.nsmallest(TOP_TERMS, weights)]


def _nearest(postings: np.ndarray, keys: list[int], key: int) -> np.ndarray:
    """Return all postings, or the ``MAX_POSTINGS`` nearest ``key`` in date order."""
    if len(postings) <= MAX_POSTINGS:
        return postings
    middle = bisect.bisect_left(keys, key)
    start = min(max(0, middle - MAX_POSTINGS // 2), len(postings) - MAX_POSTINGS)
    return postings[start : start + MAX_POSTINGS]


def _shared_statements(profiles: Sequence[_Profile], pairs: Sequence[Pair]) -> dict[Pair, float]:
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

    def __init__(self, profiles: Sequence[_Profile]) -> None:
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


# --- grouping ---------------------------------------------------------------


class _AverageLinkage:
    """Bottom-up merging by the mean score over all pairs of two groups.

    Groups linked by candidate pairs are queued by the mean of the pairs known so
    far; before a merge the remaining pairs are scored, and the merge happens only
    if the exact mean still reaches the threshold and, when both groups have two
    or more articles, ``COHESION_SHARE`` of each group's cohesion. Articles
    forced into one storyline form one group that neither grows nor joins another.
    """

    def __init__(self, scorer: _PairScorer, forced: Sequence[str | None], threshold: float) -> None:
        self.scorer = scorer
        self.threshold = threshold
        self.members: dict[int, list[int]] = {}
        roots: dict[str, int] = {}
        owner = []
        for i, key in enumerate(forced):
            root = roots.setdefault(key, i) if key is not None else i
            owner.append(root)
            self.members.setdefault(root, []).append(i)
        self.closed = set(roots.values())
        self.inner: dict[int, float] = dict.fromkeys(self.members, 0.0)
        """Per group that can grow: the sum of its members' pair scores (all known, as merges complete them)."""
        self.links: dict[int, dict[int, list[float]]] = defaultdict(dict)
        """Per pair of groups: ``[sum of known scores, number of known pairs]``."""
        for (i, j), score in scorer.scores.items():
            self._add_link(owner[i], owner[j], score, 1)
        self.heap: list[tuple[float, int, int]] = []
        for a, others in self.links.items():
            for b in others:
                if a < b:
                    self._push(a, b)

    def run(self) -> list[list[int]]:
        """Merge groups until no pair of groups reaches the threshold; return them by first member."""
        while self.heap:
            negative, a, b = heapq.heappop(self.heap)
            if -negative < self.threshold:
                break
            if a not in self.members or b not in self.links[a] or -negative != self._estimate(a, b):
                continue
            if self._complete(a, b):
                self._push(a, b)
            elif self._cohesive(a, b):
                self._merge(a, b)
        return sorted(sorted(group) for group in self.members.values())

    def _add_link(self, a: int, b: int, total: float, count: float) -> None:
        """Record ``count`` more known pairs between groups ``a`` and ``b``, scoring ``total``."""
        if a == b:
            return
        link = self.links[a].setdefault(b, [0.0, 0])
        link[0] += total
        link[1] += count
        self.links[b][a] = link

    def _estimate(self, a: int, b: int) -> float:
        """Return the mean of the known pair scores between two groups."""
        total, count = self.links[a][b]
        return total / count

    def _push(self, a: int, b: int) -> None:
        """Queue two groups by their current estimate, unless either is closed."""
        if a not in self.closed and b not in self.closed:
            low, high = min(a, b), max(a, b)
            heapq.heappush(self.heap, (-self._estimate(low, high), low, high))

    def _complete(self, a: int, b: int) -> bool:
        """Score every unknown pair between two groups; return whether any was missing."""
        link = self.links[a][b]
        if link[1] == len(self.members[a]) * len(self.members[b]):
            return False
        self.scorer.complete(self.members[a], self.members[b])
        link[0] = sum(self.scorer.score(i, j) for i in self.members[a] for j in self.members[b])
        link[1] = len(self.members[a]) * len(self.members[b])
        return True

    def _cohesive(self, a: int, b: int) -> bool:
        """Return whether the link of two groups reaches ``COHESION_SHARE`` of each one's cohesion."""
        cohesions = [self._cohesion(group) for group in (a, b) if len(self.members[group]) > 1]
        return len(cohesions) < 2 or self._estimate(a, b) >= COHESION_SHARE * max(cohesions)

    def _cohesion(self, group: int) -> float:
        """Return the mean score of the pairs of a group's members (two or more)."""
        size = len(self.members[group])
        return self.inner[group] / (size * (size - 1) / 2)

    def _merge(self, a: int, b: int) -> None:
        """Fold group ``b`` into group ``a`` and requeue ``a`` with each neighbour."""
        self.inner[a] += self.inner.pop(b) + self.links[a][b][0]
        self.members[a].extend(self.members.pop(b))
        del self.links[a][b]
        for other, (total, count) in self.links.pop(b).items():
            if other != a:
                del self.links[other][b]
                self._add_link(a, other, total, count)
        for other in self.links[a]:
            self._push(a, other)


# --- storylines -------------------------------------------------------------


def _storyline(
    group: Sequence[int], profiles: Sequence[_Profile], scorer: _PairScorer, forced: Sequence[str | None]
) -> Storyline:
    """Return the storyline of one group; its id is the forced one, or empty until named."""
    ordered = sorted(group, key=lambda i: _date_key(profiles[i].when, profiles[i].id))
    labels = sorted({key for i in group if (key := forced[i]) is not None})
    return Storyline(
        id=labels[0] if labels else "",
        title=profiles[_central(ordered, scorer)].title,
        sources=tuple(profiles[i].id for i in ordered),
    )


def _central(ordered: Sequence[int], scorer: _PairScorer) -> int:
    """Return the member with the highest mean score to the others (ties: earliest, then id)."""
    if len(ordered) == 1:
        return ordered[0]
    scorer.complete(ordered, ordered)
    totals = [sum(scorer.score(i, j) for j in ordered if j != i) for i in ordered]
    best = max(totals)
    return next(
        i for i, total in zip(ordered, totals, strict=True) if math.isclose(total, best, rel_tol=1e-9, abs_tol=1e-12)
    )


def _unique_ids(storylines: Sequence[Storyline]) -> list[Storyline]:
    """Give every storyline without a forced id a unique slug of its title.

    Colliding slugs are numbered ``-2``, ``-3``... in the order of the storylines'
    sorted source ids, so the result does not depend on the input order.
    """
    taken = {s.id for s in storylines if s.id}
    named = [s for s in storylines if s.id]
    unnamed = sorted((s for s in storylines if not s.id), key=lambda s: (slugify(s.title), sorted(s.sources)))
    for storyline in unnamed:
        base = slugify(storyline.title)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        named.append(replace(storyline, id=candidate))
    return named


def _sorted_storylines(storylines: Sequence[Storyline], profiles: Sequence[_Profile]) -> tuple[Storyline, ...]:
    """Return storylines newest first (by their latest article), undated last, then by id."""
    when = {p.id: p.when for p in profiles}

    def key(storyline: Storyline) -> tuple[bool, float, str]:
        dates = [d for d in (when[s] for s in storyline.sources) if d is not None]
        latest = max(dates, default=None)
        return (latest is None, -(latest - datetime.min).total_seconds() if latest else 0.0, storyline.id)

    return tuple(sorted(storylines, key=key))


def _date_key(when: datetime | None, article_id: str) -> tuple[bool, datetime, str]:
    """Sort key: dated before undated, oldest first, then by id."""
    return (when is None, when or datetime.min, article_id)
