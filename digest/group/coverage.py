"""Who carried each statement: quoted it, only paraphrased it, or left it out.

An outlet that did not quote a statement may still report it in its own words
("Maan said that the coalition will finish its combat missions ..."). A
sentence of its article paraphrases a statement when it holds most of the
statement's content concepts (stems, with translation synonyms folded).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import chain

from ..models import Article, Quote, QuoteCluster
from ..text.concepts import concepts
from ..text.sentences import SENTENCE_SPLIT
from ..text.tokens import TOKEN_RE

QUOTED, PARAPHRASED, ABSENT = "quoted", "paraphrased", "absent"
MIN_SHARED = 4
"""A paraphrase shares at least this many content concepts with the statement..."""
MIN_COVERAGE = 0.6
"""...and at least this share of the statement's concepts."""


def coverage(
    clusters: Sequence[QuoteCluster], quotes: Mapping[str, Quote], articles: Sequence[Article]
) -> dict[tuple[str, str], str]:
    """Return ``{(cluster id, article id): quoted | paraphrased | absent}`` for one storyline."""
    quoted = {(c.id, quotes[q].source) for c in clusters for q in c.quotes}
    index = _sentence_index(articles)
    result = {}
    for cluster in clusters:
        paraphrased = _paraphrasing_articles(_concept_set(quotes[cluster.canonical].text), index)
        for article in articles:
            key = (cluster.id, article.id)
            result[key] = QUOTED if key in quoted else PARAPHRASED if article.id in paraphrased else ABSENT
    return result


def _sentence_index(articles: Sequence[Article]) -> dict[str, list[tuple[str, int]]]:
    """Concept → the (article id, sentence number) pairs whose sentence holds it."""
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for article in articles:
        for number, sentence in enumerate(s for p in article.paragraphs() for s in SENTENCE_SPLIT.split(p)):
            hit = (article.id, number)
            for item in _concept_set(sentence):
                index[item].append(hit)
    return index


def _concept_set(text: str) -> set[str]:
    """The distinct concepts of ``text``: ``set(concepts(text))``, one word at a time.

    ``concepts`` looks at one word at a time and a word tokenizes to itself, so the
    concepts of a text are those of its words; remembering each word's concepts
    spares stemming the same words again in every sentence.
    """
    return set().union(*map(_word_concepts, TOKEN_RE.findall(text)))


@lru_cache(maxsize=262_144)
def _word_concepts(word: str) -> tuple[str, ...]:
    """The concepts of one word as written (none for a stop word)."""
    return tuple(concepts(word))


def _paraphrasing_articles(statement: set[str], index: Mapping[str, list[tuple[str, int]]]) -> set[str]:
    """The articles with a sentence that holds most of the statement's concepts."""
    if len(statement) < MIN_SHARED:
        return set()
    shared = Counter(chain.from_iterable(index.get(item, ()) for item in statement))
    need = max(MIN_SHARED, MIN_COVERAGE * len(statement))
    return {source for (source, _), count in shared.items() if count >= need}
