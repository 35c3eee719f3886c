"""Units of matching: the quotations of one source with one normalised text, matched as one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby, pairwise

from ..models import Quote, QuoteKind
from ..text.concepts import concepts
from ..text.reporting import REPORTING_VERBS
from ..text.sentences import SENTENCE_END_CHARS
from ..text.tokens import normalise_text

WORD = re.compile(r"[^\W\d_]+")
"""A word of the article's own text between two quotations."""

SPEECH = "speech"
"""The family of statements and fragments, which are matched with each other."""


@dataclass(frozen=True, slots=True)
class Unit:
    """The quotations of one source with one normalised text, matched as one."""

    storyline: str
    family: str
    source: str
    text: str
    quotes: tuple[Quote, ...]
    speaker: str | None
    concepts: frozenset[str]
    words: int
    """How many content words the text has (what makes a variant the most complete)."""
    sequence: tuple[str, ...] = ()
    """The text's concepts in order, for token alignment (``digest.group.alignment``)."""
    confidence: float = 1.0
    """How likely the speaker is right: the lowest attribution confidence among the quotes naming it."""

    @property
    def partial(self) -> bool:
        """Tell whether the unit was quoted as a fragment woven into reported speech."""
        return any(q.kind == QuoteKind.FRAGMENT for q in self.quotes)


# --------------------------------------------------------------------------- units


def _family(kind: QuoteKind) -> str:
    """Return which family of quotations a kind is matched within."""
    return SPEECH if kind in (QuoteKind.STATEMENT, QuoteKind.FRAGMENT) else str(kind)


def make_units(quotes: Sequence[Quote], storyline_of: Mapping[str, str]) -> list[Unit]:
    """Group quotes into units, sorted by storyline, family, source and text."""
    missing = sorted({q.source for q in quotes if q.source not in storyline_of})
    if missing:
        raise ValueError(f"quotes from articles with no storyline: {', '.join(missing)}")
    grouped: dict[tuple[str, str, str, str], list[Quote]] = defaultdict(list)
    for quote in quotes:
        text = normalise_text(quote.text)
        grouped[(storyline_of[quote.source], _family(quote.kind), quote.source, text)].append(quote)
    return [_unit(key, part) for key, members in sorted(grouped.items()) for part in by_speaker(members)]


SURE_SPLIT = 0.6
"""How sure two attributions of one article's repeated words must be to make them two statements."""


def by_speaker(members: Sequence[Quote]) -> list[list[Quote]]:
    """Split one source's quotes of one wording by the speaker the article gives each.

    One article does not re-attribute its own quotation: the same words given to two
    people there ("I'm not quite there yet", said by one and echoed by the other) are two
    statements. Only sure attributions split (``SURE_SPLIT``): a quote naming nobody, or
    naming someone on a doubtful attribution, joins the nearest quote before it with a sure
    speaker (the first one when none is before it). With fewer than two sure speakers, all
    stay one unit.
    """
    ordered = sorted(members, key=lambda q: (q.start, q.end, q.id))
    sure = [_sure_speaker(q) for q in ordered]
    speakers = list(dict.fromkeys(s for s in sure if s is not None))
    if len(speakers) < 2:
        return [ordered]
    parts: dict[str, list[Quote]] = {s: [] for s in speakers}
    current = speakers[0]
    for quote, speaker in zip(ordered, sure, strict=True):
        current = speaker or current
        parts[current].append(quote)
    return list(parts.values())


def _sure_speaker(quote: Quote) -> str | None:
    """The quote's speaker when its attribution is sure enough to split a wording by."""
    if quote.speaker is None or (quote.confidence is not None and quote.confidence < SURE_SPLIT):
        return None
    return quote.speaker


def _unit(key: tuple[str, str, str, str], members: list[Quote]) -> Unit:
    """Build one unit from its key and its quotes."""
    storyline, family, source, text = key
    ordered = tuple(sorted(members, key=lambda q: (q.start, q.end, q.id)))
    speaker = next((q.speaker for q in ordered if q.speaker is not None), None)
    found = concepts(ordered[0].text)
    sure = [q.confidence for q in ordered if q.speaker == speaker and q.confidence is not None]
    return Unit(
        storyline,
        family,
        source,
        text,
        ordered,
        speaker,
        frozenset(found),
        len(found),
        tuple(found),
        min(sure, default=1.0),
    )


def woven_quotes(quotes: Iterable[Quote], texts: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    """Return the ids of the quote pairs an article quotes as parts of one passage of its own.

    That is two quotes of one source, one right after the other (no quotation of any kind
    between), in one paragraph, that are either fragments woven into one sentence (the
    first does not end one and the article's own words joining them hold none: ``who
    were``, ``and that``) or two quotations a bare attribution interrupts ('"...," he told
    reporters. "..."'). ``texts`` maps a source to its article text; a source missing from
    it has no pairs.
    """
    pairs: set[tuple[str, str]] = set()
    for source, own in groupby(sorted(quotes, key=_reading_order), key=lambda q: q.source):
        text = texts.get(source)
        if text is not None:
            pairs.update((first.id, second.id) for first, second in pairwise(own) if _woven(first, second, text))
    return frozenset(pairs)


def woven_pairs(units: Sequence[Unit], woven: Collection[tuple[str, str]]) -> list[tuple[int, int]]:
    """Return the pairs of units (by index, sorted) holding two quotes ``woven_quotes`` found."""
    where = {q.id: i for i, u in enumerate(units) for q in u.quotes}
    pairs = {
        (min(where[a], where[b]), max(where[a], where[b]))
        for a, b in woven
        if a in where and b in where and where[a] != where[b]
    }
    return sorted(pairs)


def _reading_order(quote: Quote) -> tuple[str, int, int, str]:
    """Sort key: a quote's source, then its place in the article."""
    return quote.source, quote.start, quote.end, quote.id


def _woven(first: Quote, second: Quote, text: str) -> bool:
    """Tell whether two consecutive quotes are one passage of ``text``: woven fragments or an interrupted quotation."""
    if second.start < first.end:
        return False
    between = text[first.end : second.start]
    if "\n" in between:
        return False
    if first.kind == QuoteKind.FRAGMENT and second.kind == QuoteKind.FRAGMENT:
        ends = first.text.rstrip()[-1:] in SENTENCE_END_CHARS
        return not ends and not any(ch in SENTENCE_END_CHARS for ch in between)
    return _interruption(between)


MAX_INTERRUPTION = 6
"""The most words an attribution between two parts of one quotation may have ('he told reporters')."""


def _interruption(between: str) -> bool:
    """Tell whether the words between two quotations are only an attribution: a few words with a reporting verb."""
    found = [w.casefold() for w in WORD.findall(between)]
    return 0 < len(found) <= MAX_INTERRUPTION and any(w in REPORTING_VERBS for w in found)


def same_text_groups(units: list[Unit]) -> list[Unit]:
    """Merge units of one storyline and family that share a normalised text across sources."""
    merged = []
    for _, group in groupby(sorted(units, key=lambda u: (u.text, u.source)), key=lambda u: u.text):
        parts = list(group)
        all_quotes = tuple(q for u in parts for q in u.quotes)
        merged.append(replace(parts[0], quotes=all_quotes, source="\x1f".join(u.source for u in parts)))
    return merged
