"""What storyline grouping knows about each article: TF-IDF vectors, entities, title terms, statements."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ..models import Article, Published, Quote, QuoteKind
from ..text.tokens import tokenize
from .terms import ArticleTerms, WordTerms, article_terms

MIN_QUOTE_WORDS = 7
"""Shorter quotations are too generic to tie two articles together."""


@dataclass(frozen=True, slots=True)
class Profile:
    """What the grouping knows about one article."""

    id: str
    title: str
    published: Published | None
    when: datetime | None
    """The publication date as a naive UTC moment, for date distances; ``None`` for an estimated date."""
    body: dict[str, float]
    """Unit-length TF-IDF vector of the body's content-word stems."""
    entities: dict[str, float]
    """Unit-length IDF vector of capitalised words inside sentences."""
    title_terms: dict[str, float]
    """IDF of each content-word stem of the title."""
    quotes: tuple[str, ...]
    language: str = ""
    """The article's language: the manifest's (its primary subtag), else the one its words show; ``""`` if unclear."""
    names: dict[str, float] = field(default_factory=dict)
    """Unit-length IDF vector of the entities and of the speakers its quotations are resolved to (``~`` and the
    speaker's id): the names two articles in different languages can share (``scores.ACROSS_LANGUAGES``)."""


def article_profiles(
    articles: Sequence[Article], quotes: Sequence[Quote], terms: Mapping[str, ArticleTerms] | None = None
) -> list[Profile]:
    """Return one profile per article, weighted by the corpus's document frequencies."""
    words = WordTerms()
    known = terms or {}
    read = [known.get(a.id) or article_terms(a, words) for a in articles]
    bodies = [found.body for found in read]
    entities = [dict.fromkeys(found.entities) for found in read]
    titles = [found.title for found in read]
    speakers = _quoted_speakers(quotes)
    quoted = [dict.fromkeys(speakers.get(a.id, ())) for a in articles]
    idf = _idf([*bodies, *entities, *quoted], len(articles))
    statements = _statement_texts(quotes)
    languages = [_language(a, found) for a, found in zip(articles, read, strict=True)]
    return [
        Profile(
            id=a.id,
            title=a.title.strip(),
            published=a.published,
            when=a.published.instant if a.published and not a.published.estimated else None,
            body=_unit({t: (1.0 + math.log(c)) * idf[t] for t, c in bodies[i].items()}),
            entities=_unit({t: idf[t] for t in entities[i]}),
            title_terms={t: idf.get(t, 1.0) for t in titles[i]},
            quotes=statements.get(a.id, ()),
            language=languages[i],
            names=_unit({t: idf[t] for t in {**entities[i], **quoted[i]}}),
        )
        for i, a in enumerate(articles)
    ]


def _quoted_speakers(quotes: Sequence[Quote]) -> dict[str, list[str]]:
    """Return per article the terms (``~`` and the id) of the speakers its quotations are resolved to, in order."""
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for quote in quotes:
        if quote.speaker:
            found[quote.source]["~" + quote.speaker] = None
    return {source: list(terms) for source, terms in found.items()}


def _language(article: Article, terms: ArticleTerms) -> str:
    """Return the article's language: its manifest's primary subtag (``en-GB``: ``en``), else the one its words show."""
    given = (article.language or "").strip().lower().replace("_", "-").split("-")[0]
    return given or terms.language


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
