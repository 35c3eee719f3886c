"""Finding the quotations of one article and who said them: the stage's entry points.

``extract_quotes`` pairs quotation marks paragraph by paragraph with one stack in a
single pass, then reads a bounded window around each quotation for its reporting
verb and speaker, so the work grows linearly with the text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from itertools import pairwise

from digest.text.marks import TOKEN_EDGE
from digest.text.places import DEMONYM_SUFFIXES, UNSUFFIXED_DEMONYMS
from digest.text.reporting import OWNER_BEFORE, OWNER_POSSESSIVE, SPEAKS_FOR

from ..models import Article, Quote, QuoteKind, Span, stable_id
from .attribution import Attribution, attribute, last_match
from .confidence import FRAME_CONFIDENCE, UNMEASURED
from .context import Context, context_of
from .kinds import echoed_term, quote_kind
from .marks import Found, find_quotations
from .mentions import Mentions, resolve_reference, scan_mentions
from .names import is_title_token
from .people import scan_people
from .phrases import CONCRETE, NOMINAL, Who, classify_part

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- public API


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Return every quotation in the article's body, sorted by position.

    Quotation marks are paired within body paragraphs (a quotation left open at
    the end of a paragraph runs on only when the next paragraph reopens it).
    Each quote's ``text`` is ``article.text[start:end]`` without the marks; its
    kind is a statement, fragment, term or title, and statements and fragments
    carry the speaker, role and relaying source as the article writes them.
    """
    text = article.text
    paras = body_spans(article)
    found = find_quotations(text, paras)
    if not found:
        return ()
    scanned = scan_mentions(text, paras, found)
    mentions = Mentions(scanned, scan_people(text, paras, found, scanned), text, paras)
    tops = [f for f in found if not f.nested]
    previous: dict[int, Found] = {id(b): a for a, b in pairwise(tops)}
    following: dict[int, Found] = {id(a): b for a, b in pairwise(tops)}
    spoken: dict[int, Who | None] = {}
    built: dict[int, tuple[Context, _Said, list[Quote]]] = {}
    for item in found:
        before = previous.get(id(item))
        carry = spoken.get(id(before)) if before is not None else None
        ctx = context_of(article, paras, item, before, following.get(id(item)))
        said = _attribute(text[item.start : item.end], item, ctx, carry, mentions)
        spoken[id(item)] = said[1]
        built[id(item)] = (ctx, said, _build_quotes(article, item, ctx, said))
    for first, second in reversed(list(pairwise(tops))):
        ctx, said, _ = built[id(first)]
        shared = _sentence_end_speaker(said, built[id(second)])
        if shared is not None:
            built[id(first)] = (ctx, shared, _build_quotes(article, first, ctx, shared))
    quotes: list[Quote] = [q for _, _, made in built.values() for q in made]
    quotes.sort(key=lambda q: (q.start, -q.end))
    log.debug("%s: %d quotations", article.id, len(quotes))
    return tuple(quotes)


def body_spans(article: Article) -> tuple[Span, ...]:
    """Return the article's body spans clipped to its text, sorted and without overlaps."""
    size = len(article.text)
    spans = sorted((max(0, min(s.start, size)), max(0, min(s.end, size))) for s in article.body)
    out: list[Span] = []
    for start, end in spans:
        if out and start < out[-1].end:
            start = out[-1].end
        if end > start:
            out.append(Span(start, end))
    return tuple(out)


_Said = tuple[Attribution, Who | None, str | None]
"""A quotation's attribution, the speaker it resolves to and who relayed the words."""


def _attribute(quote_text: str, item: Found, ctx: Context, carry: Who | None, mentions: Mentions) -> _Said:
    """Attribute one quotation and resolve its speaker (remembered for the pronouns that follow)."""
    found = Attribution(None, "") if item.nested else attribute(ctx, quote_text, carry, mentions)
    who, relay = _speaker(found, item.start, _anchor(found, ctx, item), mentions)
    return found, who, relay


def _sentence_end_speaker(said: _Said, after: tuple[Context, _Said, list[Quote]]) -> _Said | None:
    """Give a quotation that names nobody the speaker of the sentence's closing frame.

    ``his endorsements will carry “a great deal of weight” and bring “grass-roots firepower”,
    Neil Sroka said``: the frame after the last quotation of a sentence tells who said the
    quotations before it in that sentence, where nothing closer names a speaker.
    """
    found, who, _ = said
    ctx, (next_found, next_who, relay), _ = after
    if found.how or who is not None or next_who is None or not ctx.same_sentence:
        return None
    if next_found.how not in ("later", "right"):
        return None
    return Attribution(next_found.who, "later"), next_who, relay


def _build_quotes(article: Article, item: Found, ctx: Context, said: _Said) -> list[Quote]:
    """Make the Quotes of one quotation (one per paragraph piece)."""
    found, who, relay = said
    reason = f"{found.how or 'sentence'}+{who.via}" if who is not None and who.via else found.how or "sentence"
    quotes = []
    for start, end in item.pieces:
        piece = article.text[start:end]
        kind = quote_kind(article, piece, ctx, item.nested, found)
        speaks = kind in (QuoteKind.STATEMENT, QuoteKind.FRAGMENT) or (
            kind == QuoteKind.TERM and echoed_term(ctx, found)
        )
        quotes.append(
            Quote(
                id=stable_id("q", article.id, str(start), str(end)),
                source=article.id,
                text=piece,
                start=start,
                end=end,
                kind=kind,
                speaker_as_written=who.text if speaks and who else None,
                speaker_role=who.role if speaks and who else None,
                reported_by=relay if speaks else None,
                attribution=reason if speaks and who else None,
                confidence=FRAME_CONFIDENCE.get(reason, UNMEASURED) if speaks and who else None,
            )
        )
    return quotes


def _anchor(found: Attribution, ctx: Context, item: Found) -> int:
    """Return where a pronoun speaker is written: in the clause before the quote, or (after it) the opening mark."""
    if found.who is None or found.who.kind != "pronoun" or found.how not in ("left", "sentence"):
        return item.open
    word = re.escape(found.who.text)
    hit = last_match(re.finditer(rf"(?<![\w’'-]){word}(?![\w’'-])", ctx.left))
    return ctx.left_start + hit.start() if hit is not None else item.open


def _speaker(found: Attribution, pos: int, anchor: int, mentions: Mentions) -> tuple[Who | None, str | None]:
    """Resolve an attribution to the speaker as written and who relayed the words; remember the speaker."""
    if found.who is None:
        return None, None
    who = resolve_reference(found.who, pos, mentions, anchor)
    if who is not None and who.kind in CONCRETE:
        mentions.add(pos, who)
    if who is not None and who.kind not in NOMINAL:
        who = None
    return (_spoken_for(who) if who is not None else None), _relay_name(found.who.reported_by, pos, mentions)


def _spoken_for(who: Who) -> Who:
    """Return whom a spokesperson or an office speaks for (``a spokeswoman for Y``, ``Y's office``): Y."""
    if who.kind not in ("description", "org", "generic"):
        return who
    text = who.text.strip()
    for pattern in (SPEAKS_FOR, OWNER_POSSESSIVE, OWNER_BEFORE):
        match = pattern.match(text)
        owner = _owner(match.group("who"), pattern is OWNER_BEFORE) if match else None
        if match and owner is not None:
            role = " ".join(match.group("role").split())
            return replace(owner, role=role, issuer=who.issuer, reported_by=who.reported_by)
    return who


def _owner(phrase: str, proper: bool) -> Who | None:
    """Classify the owner of a spokesperson or an office: a named person or an organisation."""
    owner = classify_part(phrase)
    if owner is None or owner.kind not in ("name", "org"):
        return None
    words = [w.strip(TOKEN_EDGE) for w in phrase.split()]
    if proper and not (words[0][:1].isupper() and not all(_demonym(w) for w in words)):
        return None
    return owner


def _demonym(word: str) -> bool:
    """Tell whether a word is a nationality adjective or a title word (``Borovian``, ``Iraqi``, ``Senior``)."""
    low = word.lower().rstrip(".")
    return low in UNSUFFIXED_DEMONYMS or low.endswith(DEMONYM_SUFFIXES) or is_title_token(low)


def _relay_name(relay: str | None, pos: int, mentions: Mentions) -> str | None:
    """Return who relayed the words, with ``he`` resolved to the person it refers to."""
    if not relay:
        return None
    who = classify_part(relay)
    if who is not None and who.kind in ("pronoun", "generic"):
        resolved = resolve_reference(who, pos, mentions)
        return resolved.text if resolved is not None and resolved.kind in CONCRETE else None
    return relay
