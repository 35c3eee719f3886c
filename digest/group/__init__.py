"""Grouping: articles into storylines, quotations into statements, dates and coverage.

``storylines`` groups articles about one event (``terms``, ``profiles``, ``candidates``,
``scores``, ``linkage``); ``statements`` matches one statement across outlets (``units``,
``similarity``, ``statement_linkage``); ``dates`` estimates the dates of undated articles;
``coverage`` tells which outlet quoted, paraphrased or left out each statement.
"""

from __future__ import annotations

from .coverage import ABSENT, PARAPHRASED, QUOTED, coverage
from .dates import infer_missing_dates, known
from .statements import cluster_quotes, merge_storyline_clusters
from .storylines import attach_clusters, group_storylines, timeline
from .terms import ArticleTerms, article_terms
from .units import woven_quotes

__all__ = [
    "ABSENT",
    "PARAPHRASED",
    "QUOTED",
    "ArticleTerms",
    "article_terms",
    "attach_clusters",
    "cluster_quotes",
    "coverage",
    "group_storylines",
    "infer_missing_dates",
    "known",
    "merge_storyline_clusters",
    "timeline",
    "woven_quotes",
]
