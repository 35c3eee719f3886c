"""The plain, frozen values that flow through the pipeline.

Nothing here does I/O. Every stage takes these values and returns new ones
(``dataclasses.replace`` is the way to "modify" one).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
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
    published: str | None = None
    """ISO 8601 date or date-time, or ``None`` when unknown."""
    published_inferred: bool = False
    """True when ``published`` was estimated from the storyline (a weekday named in the text)."""
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
    first_reported: str | None = None
    """ISO date of the earliest source that carried it."""


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
