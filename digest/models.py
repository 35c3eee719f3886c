"""The plain, frozen values that flow through the pipeline.

Nothing here does I/O. Every stage takes these values and returns new ones
(``dataclasses.replace`` is the way to "modify" one).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum


def stable_id(prefix: str, *parts: str, length: int = 10) -> str:
    """Return a short id derived only from content, e.g. ``c-3fa2b1c9d0``."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in an article's decoded text."""

    start: int
    end: int


class DateOrigin(StrEnum):
    """Where a publication date was read, from the most to the least direct evidence."""

    MANIFEST = "manifest"
    """Given by the user: ``sources.yml`` or the article's front matter."""
    PAGE = "page"
    """The saved web page's own metadata (meta tags, structured data), as the HTML reader found it."""
    HEADER = "header"
    """A date line above the article text (``Published: 9 December 2021``)."""
    DATELINE = "dateline"
    """The dateline that opens the article (``KELL, May 16 (Lakeside Press Agency) -``)."""
    URL = "url"
    """The article's address (``/2021/12/09/``)."""
    ESTIMATE = "estimate"
    """Estimated, not read: a weekday the text names, dated by the storyline's dated articles."""


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date, parsed once at reading, with where it came from.

    ``when`` is a ``date`` when no time of day is known, else a ``datetime``: aware when
    the article states the time zone, naive when it does not.
    """

    when: date | datetime
    origin: DateOrigin

    @classmethod
    def parse(cls, text: str, origin: DateOrigin = DateOrigin.MANIFEST) -> Published:
        """An ISO 8601 date (``2021-12-09``) or date-time (``2021-12-10T05:29``, ``...+03:00``)."""
        text = text.strip()
        return cls(datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text), origin)

    @property
    def estimated(self) -> bool:
        """True for a date the pipeline estimated; such a date is never shown or used as a fact."""
        return self.origin is DateOrigin.ESTIMATE

    @property
    def day(self) -> date:
        """The calendar day, as the article writes it (in its own time zone)."""
        return self.when.date() if isinstance(self.when, datetime) else self.when

    @property
    def instant(self) -> datetime:
        """A naive UTC moment to order dates by: a time in a stated zone is converted, a day is its midnight."""
        if not isinstance(self.when, datetime):
            return datetime.combine(self.when, datetime.min.time())
        if self.when.tzinfo is None:
            return self.when
        return self.when.astimezone(UTC).replace(tzinfo=None)

    def iso(self) -> str:
        """ISO 8601: ``2021-12-09``, ``2021-12-10T05:29`` or ``2021-11-24T03:50+00:00``."""
        if isinstance(self.when, datetime):
            return self.when.isoformat(timespec="minutes")
        return self.when.isoformat()


def date_order(published: Published | None, tie: str) -> tuple[bool, datetime, str]:
    """The one way dates are ordered: dated before undated, oldest first, then by ``tie`` (an id)."""
    return (published is None, published.instant if published else datetime.min, tie)


@dataclass(frozen=True, slots=True)
class Article:
    """One source file, decoded, with its metadata and the spans that are article body.

    ``text`` is the whole file as decoded (newlines normalised to ``\\n``); it is
    never altered, so every offset in the pipeline points into it. ``body`` lists
    the paragraphs that belong to the article, in order; page furniture (share
    widgets, captions, comment forms, teasers) lies outside them.
    """

    id: str
    path: str
    text: str
    body: tuple[Span, ...]
    title: str
    outlet: str | None = None
    published: Published | None = None
    """When the article was published and where that was read; ``None`` when unknown."""
    url: str | None = None
    language: str | None = None
    storyline: str | None = None
    """A storyline id forced by the manifest; ``None`` lets the grouping decide."""
    author: str | None = None
    encoding: str = "utf-8"

    def paragraphs(self) -> tuple[str, ...]:
        """Return the body paragraphs' text."""
        return tuple(self.text[s.start : s.end] for s in self.body)


class QuoteKind(StrEnum):
    """What a stretch of text in quotation marks is."""

    STATEMENT = "statement"
    """Words someone said or wrote, reported as such."""
    FRAGMENT = "fragment"
    """A piece of a statement woven into reported speech (``with "no US forces with a combat role"``)."""
    TERM = "term"
    """Scare quotes or a quoted term (``"advisory" role``)."""
    TITLE = "title"
    """A name or title (``the landmark "Hands of Victory"``), or a headline."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation found in an article, with exact offsets and its attribution.

    ``text == article.text[start:end]``; quotation marks are excluded.
    """

    id: str
    source: str
    text: str
    start: int
    end: int
    kind: QuoteKind = QuoteKind.STATEMENT
    speaker_as_written: str | None = None
    """The speaker's name (or description) exactly as the article writes it."""
    speaker_role: str | None = None
    """The role given with the speaker, as written (``Iraq's national security advisor``)."""
    reported_by: str | None = None
    """Who relayed the statement when the article cites an intermediary (``Ma'an cited ...``)."""
    speaker: str | None = None
    """Speaker entity id, set by speaker resolution."""
    cluster: str | None = None
    """Cluster id, set by matching."""
    attribution: str | None = None
    """Which rule found the speaker: the frame (``right``: “...,” X said; ``left``: X said: “...”;
    ``apposition``; ``sentence``; ``later``; ``continued``; ``subject``) and, after ``+``, how a
    pronoun or description was resolved (``pronoun``, ``earlier``, ``salient``, ``office``, ``issuer``)."""
    confidence: float | None = None
    """How often attributions made by that rule name the right speaker (0–1, measured on real news)."""
    covers: tuple[int, int] | None = None
    """Which part of its statement this quotation carries, set by matching: the half-open range of
    the canonical wording's words (``normalise_text(canonical.text).split()``) it aligns with.
    ``None`` when it aligns with too little of it to say (a reworded or translated variant)."""
    translated: bool = False
    """Whether matching joined it to its statement as a translation: its source writes in another
    language than the source of the statement's canonical wording (both languages known)."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person or organisation, whatever the spelling each outlet used."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    spellings: tuple[tuple[str, str], ...] = ()
    """(source id, name as written) for every spelling of this speaker in the corpus,
    quoted or only mentioned; sorted."""


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a word-level diff: ``equal``, ``insert``, ``delete`` or ``replace``."""

    op: str
    canonical: tuple[str, ...]
    variant: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteCluster:
    """One thing one speaker said, as reported by every outlet that carried it."""

    id: str
    storyline: str
    canonical: str
    """Id of the quote whose wording is the canonical one."""
    quotes: tuple[str, ...]
    speaker: str | None = None
    first_reported: Published | None = None
    """The date of the earliest source that carried it; estimated dates never count."""


@dataclass(frozen=True, slots=True)
class Storyline:
    """A group of articles about one event."""

    id: str
    title: str
    sources: tuple[str, ...]
    clusters: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything a build produces, before it is written anywhere."""

    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    clusters: tuple[QuoteCluster, ...] = ()
    storylines: tuple[Storyline, ...] = ()
    problems: tuple[str, ...] = field(default=())
    """One line per file that was skipped, naming it and the reason."""
