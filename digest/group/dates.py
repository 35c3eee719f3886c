"""Publication dates as the grouping reads them, and estimating those of undated articles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from ..models import Article, Storyline

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_MENTION = re.compile(r"\b(?:on|last|this)\s+(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def infer_missing_dates(articles: Sequence[Article], storylines: Sequence[Storyline]) -> tuple[Article, ...]:
    """Date undated articles that name a weekday, from their dated storyline siblings."""
    by_id = {article.id: article for article in articles}
    inferred: dict[str, Article] = {}
    for storyline in storylines:
        dated = [date.fromisoformat(day[:10]) for s in storyline.sources if (day := by_id[s].published)]
        for source in storyline.sources:
            article = by_id[source]
            guess = _weekday_guess(article, dated) if not article.published else None
            if guess:
                inferred[source] = replace(article, published=guess.isoformat(), published_inferred=True)
    return tuple(inferred.get(article.id, article) for article in articles)


def _weekday_guess(article: Article, dated: Sequence[date]) -> date | None:
    """The date of the named weekday most of the siblings point to (within the week before each)."""
    mention = next((m for p in article.paragraphs()[:3] for m in WEEKDAY_MENTION.finditer(p)), None)
    if not mention or not dated:
        return None
    weekday = WEEKDAYS.index(mention.group(1).lower())
    votes = Counter(d - timedelta(days=(d.weekday() - weekday) % 7) for d in dated)
    best = max(votes.values())
    return min(day for day, count in votes.items() if count == best)


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


def date_key(when: datetime | None, article_id: str) -> tuple[bool, datetime, str]:
    """Sort key: dated before undated, oldest first, then by id."""
    return (when is None, when or datetime.min, article_id)
