"""The terms of one article alone (content-word stems, entities, title), found once and cached."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Article
from ..text.concepts import content_words
from ..text.stemming import stem
from ..text.tokens import tokenize

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

_SENTENCE_START = re.compile(r"(?:^|[.!?:;•|/])[\s\"'“”‘’«»()\[\]\-–—]*$")


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


def article_terms(article: Article, words: WordTerms | None = None) -> ArticleTerms:
    """Return the terms storyline grouping reads in one article.

    Without ``words``, the terms of each distinct word are remembered for the whole process
    (forgotten past ``WordTerms.LIMIT`` words), since articles share most of their words.
    """
    if words is None:
        if len(_PROCESS_WORDS.body) > WordTerms.LIMIT:
            _PROCESS_WORDS.body.clear()
            _PROCESS_WORDS.entity.clear()
        words = _PROCESS_WORDS
    body, entities = _body_terms(_body_paragraphs(article), words)
    return ArticleTerms(dict(body), tuple(entities), dict(_term_counts(article.title)))


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


class WordTerms:
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


_PROCESS_WORDS = WordTerms()
"""The terms of words seen by ``article_terms`` in this process."""


def _body_terms(paragraphs: Sequence[str], words: WordTerms) -> tuple[Counter[str], dict[str, None]]:
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
