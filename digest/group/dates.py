"""Estimating the publication dates of undated articles from their storyline."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..models import Article, DateOrigin, Published, Storyline

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_MENTION = re.compile(r"\b(?:on|last|this)\s+(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def infer_missing_dates(articles: Sequence[Article], storylines: Sequence[Storyline]) -> tuple[Article, ...]:
    """Estimate the date of undated articles that name a weekday, from their storyline's dated siblings.

    Such a date is marked ``estimate``: it orders the article among its siblings and is shown
    as an estimate, but never counts as "first reported" or decides the canonical wording.
    """
    by_id = {article.id: article for article in articles}
    inferred: dict[str, Article] = {}
    for storyline in storylines:
        dated = [p.day for s in storyline.sources if (p := by_id[s].published) and not p.estimated]
        for source in storyline.sources:
            article = by_id[source]
            guess = _weekday_guess(article, dated) if not article.published else None
            if guess:
                inferred[source] = replace(article, published=Published(guess, DateOrigin.ESTIMATE))
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


def known(published: Published | None) -> Published | None:
    """A date that was read, not estimated; ``None`` for an estimate or no date."""
    return published if published is not None and not published.estimated else None
