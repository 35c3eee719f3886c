"""Every setting a digest can take, with its default, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    """The digest's settings (``digest:`` in ``mkdocs.yml``, or ``digest.yml``)."""

    title: str = "News digest"
    """Site-wide title shown on the home page."""

    match_threshold: float = 0.62
    """How alike (0-1) two wordings must be to count as the same statement; higher is stricter."""

    speaker_weight: float = 0.15
    """How much agreeing speakers raise the similarity of two quotes."""

    speaker_conflict: float = 0.45
    """How much two different speakers lower the similarity of two quotes (times the confidence of
    the less certain attribution): the same words said by two people are two statements."""

    storyline_threshold: float = 0.30
    """How alike (0-1) two articles must be to fall into the same storyline."""

    storyline_max_days: int = 21
    """Articles further apart than this many days never share a storyline by themselves."""

    outlets: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per outlet: ``name`` (display name), ``country``, ``date_order`` (``DMY``/``MDY``/``YMD``)."""

    storylines: dict[str, str] = field(default_factory=dict)
    """Source id (file name without extension) to storyline id, overriding the grouping."""

    pages: tuple[str, ...] = ("storylines", "sources", "speakers", "outlets")
    """Which kinds of generated page to write."""

    search_article_text: bool | None = None
    """Whether the site search indexes the full text of every article, besides titles, statements
    and quotations. ``None`` (the default): only for digests of at most ``SEARCH_TEXT_MAX_ARTICLES``
    articles, since every reader who searches downloads the whole index (article text is about
    half of it) and GitHub Pages caps a site at 1 GB."""

    site_engine: str = "mkdocs"
    """What builds the site from the generated docs tree: ``mkdocs`` (MkDocs with Material) or
    ``zensical`` (Zensical, which reads the same ``mkdocs.yml``; ``pip install zensical``). The
    pages are the same; ``digest build --site-engine`` overrides this."""

    def indexes_article_text(self, articles: int) -> bool:
        """Whether a digest of this many articles puts its article text in the search index."""
        if self.search_article_text is None:
            return articles <= SEARCH_TEXT_MAX_ARTICLES
        return self.search_article_text

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Return the names of every setting."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> Settings:
        """Build settings from a mapping, refusing unknown keys with a clear message."""
        data = dict(data or {})
        unknown = sorted(set(data) - set(cls.field_names()))
        if unknown:
            known = ", ".join(cls.field_names())
            raise ValueError(f"unknown setting(s) {', '.join(unknown)}; known settings: {known}")
        defaults = cls()
        for name, value in data.items():
            _check_type(name, value, getattr(defaults, name))
        if "pages" in data:
            unknown_pages = sorted(set(data["pages"]) - set(PAGE_KINDS))
            if unknown_pages:
                raise ValueError(
                    f"pages: unknown page kind(s) {', '.join(map(str, unknown_pages))}; known: {', '.join(PAGE_KINDS)}"
                )
            data["pages"] = tuple(data["pages"])
        if "site_engine" in data and data["site_engine"] not in SITE_ENGINES:
            raise ValueError(f"site_engine: expected one of {', '.join(SITE_ENGINES)}, got {data['site_engine']!r}")
        return cls(**data)


PAGE_KINDS = ("storylines", "sources", "speakers", "outlets")
SITE_ENGINES = ("mkdocs", "zensical")
"""The site engines a digest can be built with (``digest.publish.engines``)."""
SEARCH_TEXT_MAX_ARTICLES = 2000
"""Above this many articles, article text stays out of the search index unless asked for."""


def _check_type(name: str, value: Any, default: Any) -> None:
    """Refuse a value whose type does not fit the setting (a number where a number is expected...)."""
    expected: tuple[type, ...]
    if default is None:  # an optional switch: true, false, or left out
        if not isinstance(value, bool) and value is not None:
            raise ValueError(f"{name}: expected true or false, got {value!r}")
        return
    if isinstance(default, float):
        expected = (int, float)
    elif isinstance(default, tuple):
        expected = (list, tuple)
    else:
        expected = (type(default),)
    if (isinstance(value, bool) and bool not in expected) or not isinstance(value, expected):
        wanted = {float: "a number", int: "a whole number", str: "text", dict: "a mapping", tuple: "a list"}[
            type(default)
        ]
        raise ValueError(f"{name}: expected {wanted}, got {value!r}")
