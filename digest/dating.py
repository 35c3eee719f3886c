"""Estimating the date of an undated article from the storyline it belongs to."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from .models import Article, Storyline

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
