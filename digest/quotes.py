"""Finding quotations and their speakers in one article.

``extract_quotes`` pairs quotation marks paragraph by paragraph with one stack in a
single pass, then reads a bounded window around each quotation for its reporting
verb and speaker, so the work grows linearly with the text. Every vocabulary and
regex it uses lives in :mod:`digest.patterns`.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from . import patterns as pt
from .models import Article, Quote, QuoteKind, Span, stable_id

log = logging.getLogger(__name__)

_SPACE, _WORD, _PUNCT = "S", "W", "P"
_OPEN, _CLOSE, _IGNORE = "open", "close", ""
_MARK_CHARS = pt.DOUBLE_MARKS | pt.SINGLE_MARKS


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
    found = _find_quotations(text, paras)
    if not found:
        return ()
    scanned = _scan_mentions(text, paras, found)
    mentions = _Mentions(scanned, _scan_people(text, paras, found, scanned), text, paras)
    quotes: list[Quote] = []
    tops = [f for f in found if not f.nested]
    previous: dict[int, _Found] = {id(b): a for a, b in pairwise(tops)}
    following: dict[int, _Found] = {id(a): b for a, b in pairwise(tops)}
    spoken: dict[int, _Who | None] = {}
    for item in found:
        before = previous.get(id(item))
        carry = spoken.get(id(before)) if before is not None else None
        ctx = _context(article, paras, item, before, following.get(id(item)))
        made, who = _build_quotes(article, item, ctx, carry, mentions)
        spoken[id(item)] = who
        quotes.extend(made)
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


# ---------------------------------------------------------------- pairing marks


@dataclass(slots=True, eq=False)
class _Opener:
    """An opening mark waiting for its closer, with the marks that reopened it in later paragraphs."""

    pos: int
    char: str
    family: str
    para: int
    reopens: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Pair:
    """An opening mark and where its quotation ends (``close == -1``: never closed)."""

    open: int
    close: int
    end: int
    first_para: int
    last_para: int
    reopens: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Found:
    """A quotation: its content span, its marks, its pieces (one per paragraph) and its nesting."""

    start: int
    end: int
    open: int
    close: int
    first_para: int
    last_para: int
    nested: bool
    pieces: tuple[tuple[int, int], ...]

    @property
    def after(self) -> int:
        """Return the position right after the closing mark (the content end when unclosed)."""
        return self.close + 1 if self.close >= 0 else self.end


def _find_quotations(text: str, paras: tuple[Span, ...]) -> list[_Found]:
    """Pair the marks of every body paragraph and return the non-empty quotations, sorted."""
    pairs: list[_Pair] = []
    carried: _Opener | None = None
    for index in range(len(paras)):
        carried = _pair_paragraph(text, paras, index, carried, pairs)
    located = [(pieces, pair) for pair in pairs if (pieces := _pieces(text, paras, pair))]
    located.sort(key=lambda item: (item[0][0][0], -item[0][-1][1]))
    found: list[_Found] = []
    outer_end = -1
    for pieces, pair in located:
        start, end = pieces[0][0], pieces[-1][1]
        nested = start < outer_end
        found.append(_Found(start, end, pair.open, pair.close, pair.first_para, pair.last_para, nested, pieces))
        outer_end = max(outer_end, pair.close if pair.close >= 0 else pair.end)
    return found


def _pieces(text: str, paras: tuple[Span, ...], pair: _Pair) -> tuple[tuple[int, int], ...]:
    """Split a quotation into one trimmed span per paragraph, dropping pieces without a word."""
    starts = (pair.open, *pair.reopens)
    needed = 1 if text[pair.open] in pt.DOUBLE_MARKS else 2
    out = []
    for offset, para in enumerate(range(pair.first_para, pair.last_para + 1)):
        end = pair.end if para == pair.last_para else paras[para].end
        start, end = _trimmed(text, starts[offset] + 1, end)
        if _has_word_chars(text, start, end, needed):
            out.append((start, end))
    return tuple(out)


def _has_word_chars(text: str, start: int, end: int, needed: int) -> bool:
    """Tell whether a span holds at least ``needed`` letters or digits (``'n'`` is no quotation)."""
    pos = start
    for _ in range(needed):
        match = pt.WORD_CHAR.search(text, pos, end)
        if match is None:
            return False
        pos = match.end()
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Move a span's edges inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_paragraph(
    text: str, paras: tuple[Span, ...], index: int, carried: _Opener | None, pairs: list[_Pair]
) -> _Opener | None:
    """Pair one paragraph's marks with a stack; return an opener that runs on into the next paragraph."""
    span = paras[index]
    stack: list[_Opener] = []
    tops: dict[str, list[_Opener]] = {"d": [], "s": []}
    skip = -1
    if carried is not None and _reopens(text, span, carried.family):
        carried.reopens.append(span.start)
        stack.append(carried)
        tops[carried.family].append(carried)
        skip = span.start
    for match in pt.QUOTE_MARK.finditer(text, span.start, span.end):
        pos = match.start()
        if pos != skip:
            _step(text, span, index, pos, stack, tops, pairs)
    return _leftovers(paras, index, stack, pairs, text)


def _step(
    text: str,
    span: Span,
    index: int,
    pos: int,
    stack: list[_Opener],
    tops: dict[str, list[_Opener]],
    pairs: list[_Pair],
) -> None:
    """Apply one mark to the stack: push an opener, or pop back to the opener a closer matches."""
    char = text[pos]
    family = "d" if char in pt.DOUBLE_MARKS else "s"
    own = tops[family]
    prev = text[pos - 1] if pos > span.start else ""
    nxt = text[pos + 1] if pos + 1 < span.end else ""
    action = _mark_action(char, prev, nxt, own[-1].char if own else "")
    if action == _OPEN and len(stack) < pt.MAX_NESTING:
        opener = _Opener(pos, char, family, index)
        stack.append(opener)
        own.append(opener)
    elif action == _CLOSE and own:
        target = own.pop()
        while stack[-1] is not target:
            tops[stack.pop().family].pop()
        stack.pop()
        pairs.append(_Pair(target.pos, pos, pos, target.para, index, tuple(target.reopens)))


def _leftovers(
    paras: tuple[Span, ...], index: int, stack: list[_Opener], pairs: list[_Pair], text: str
) -> _Opener | None:
    """Carry the outermost open quotation into a reopening paragraph, or end it here."""
    following = paras[index + 1] if index + 1 < len(paras) else None
    for family in ("d", "s"):
        bottom = next((o for o in stack if o.family == family), None)
        if bottom is not None and following is not None and _reopens(text, following, family):
            return bottom
    bottom = next((o for o in stack if o.family == "d"), None)
    if bottom is not None:
        pairs.append(_Pair(bottom.pos, -1, paras[index].end, bottom.para, index, tuple(bottom.reopens)))
    return None


def _reopens(text: str, span: Span, family: str) -> bool:
    """Tell whether a paragraph starts with an opening mark of ``family`` (the run-on convention)."""
    first = text[span.start] if span.start < span.end else ""
    if first not in _MARK_CHARS or (first in pt.DOUBLE_MARKS) != (family == "d"):
        return False
    nxt = text[span.start + 1] if span.start + 1 < span.end else ""
    return _mark_action(first, "", nxt, "") == _OPEN


def _char_class(char: str) -> str:
    """Classify a neighbouring character as space (or edge), word or punctuation."""
    if not char or char.isspace() or char < " ":
        return _SPACE
    return _WORD if char.isalnum() else _PUNCT


def _mark_action(char: str, prev: str, nxt: str, open_char: str) -> str:
    """Decide whether a mark opens, closes or is ignored, from its flanks and the open quotation."""
    before, after = _char_class(prev), _char_class(nxt)
    can_open = after != _SPACE and before != _WORD
    can_close = before != _SPACE and after != _WORD
    if char in pt.STRAIGHT_MARKS:
        return _straight_action(prev, can_open, can_close, bool(open_char))
    if char in pt.OPEN_ONLY_MARKS:
        return _OPEN if can_open or (char in pt.DOUBLE_MARKS and before != _WORD) else _IGNORE
    if char in pt.OPENING_MARKS:
        return _opening_action(char, can_open, can_close, open_char)
    if char in pt.CLOSING_MARKS:
        return _closing_action(char, before, after, bool(open_char))
    return _IGNORE


def _straight_action(prev: str, can_open: bool, can_close: bool, has_open: bool) -> str:
    """Resolve a straight mark: flanks first, then whether a quotation is open."""
    if can_open and can_close:
        return _CLOSE if has_open else _OPEN
    if can_open:
        return _CLOSE if has_open and prev in pt.CLOSING_PUNCTUATION else _OPEN
    if can_close:
        return _CLOSE if has_open else _IGNORE
    return _IGNORE


def _opening_action(char: str, can_open: bool, can_close: bool, open_char: str) -> str:
    """Resolve a mark that usually opens (``“ ‘ « ‹``); ``“`` also closes a German ``„``."""
    if can_close and not can_open:
        return _CLOSE if open_char else _IGNORE
    if can_open and can_close:
        return _CLOSE if open_char in pt.LOW_OPENERS else _OPEN
    if can_open:
        return _OPEN
    return _IGNORE if char == "‘" else _OPEN


def _closing_action(char: str, before: str, after: str, has_open: bool) -> str:
    """Resolve a mark that usually closes (``” ’ » ›``); between letters ``’`` is an apostrophe."""
    if before == _WORD and after == _WORD:
        return _CLOSE if has_open and char in pt.DOUBLE_MARKS else _IGNORE
    if after == _WORD:
        return _OPEN if before == _SPACE or not has_open else _CLOSE
    return _CLOSE if has_open else _IGNORE


# ---------------------------------------------------------------- context windows


@dataclass(frozen=True, slots=True)
class _Context:
    """The clause before a quotation and the clause after it, with a few layout cues."""

    left: str
    right: str
    same_sentence: bool
    midsentence: bool
    """The quotation follows a word of the reporter's sentence (not a comma, colon or sentence start)."""
    continues: bool
    """The reporter's sentence goes on with words after the closing mark."""
    label: bool
    """The quotation is used as a label: ``the “X”``, ``“X” role``, ``“X”, a phrase ...``."""
    scare: bool
    """The quotation follows ``so-called``."""
    follows: bool
    """A quotation of the same paragraph closed a few words before this one opens its sentence."""
    headline: bool
    left_start: int
    """Where ``left`` starts in the article text."""


def _context(
    article: Article, paras: tuple[Span, ...], item: _Found, before: _Found | None, after: _Found | None
) -> _Context:
    """Cut the bounded windows around a quotation at sentence boundaries and neighbouring quotes."""
    text = article.text
    first, last = paras[item.first_para], paras[item.last_para]
    lo = max(first.start, item.open - pt.LEFT_WINDOW)
    joined = before is not None and before.last_para == item.first_para and before.after > lo
    if joined and before is not None:
        lo = before.after
    left_raw = text[lo : item.open]
    if not left_raw.strip() and item.first_para > 0:
        lo, left_raw = _introduction(text, paras[item.first_para - 1], lo)
    cut = _sentence_start(left_raw)
    left = left_raw[cut:]
    right = ""
    if item.close >= 0:
        hi = min(last.end, item.close + 1 + pt.RIGHT_WINDOW)
        if after is not None and after.first_para == item.last_para:
            hi = min(hi, after.open)
        right_raw = text[item.close + 1 : max(item.close + 1, hi)]
        right = right_raw[: _sentence_end(right_raw)]
    same = joined and cut == 0 and before is not None and not _ends_sentence(text, before, left)
    stripped = left.rstrip()
    midsentence = bool(stripped) and stripped[-1] not in ",:;—–-(" and not stripped.endswith("...")
    headline = _headline_context(left_raw[-150:], right[:150])
    continues = right.lstrip()[:1].isalnum()
    scare = left.rstrip().lower().endswith(pt.LABEL_OPENERS)
    follows = joined and not left.strip() and len(left_raw.split()) <= pt.MAX_SPEAKER_WORDS
    label = scare or _labelled(left, right)
    return _Context(left, right, same, midsentence, continues, label, scare, follows, headline, lo + cut)


def _introduction(text: str, previous: Span, lo: int) -> tuple[int, str]:
    """Return the end of the previous paragraph when it introduces a quotation (``The minister said:``)."""
    start = max(previous.start, previous.end - pt.LEFT_WINDOW)
    tail = text[start : previous.end]
    return (start, tail + " ") if tail.rstrip().endswith(":") else (lo, "")


def _labelled(left: str, right: str) -> bool:
    """Tell whether the words around a quotation present it as a label rather than as speech."""
    before = left.rsplit(None, 1)[-1].lower() if left.strip() else ""
    if before in pt.DETERMINERS:
        return True
    after = right.lstrip()
    words = [w.strip(pt.TOKEN_EDGE).lower() for w in after.split()[:3]]
    if after.startswith(","):
        return any(w in pt.LABEL_NOUNS for w in words[:3])
    return bool(words) and after[:1].islower() and words[0] not in pt.FUNCTION_WORDS


def _ends_sentence(text: str, before: _Found, gap: str) -> bool:
    """Tell whether the previous quotation ended its sentence (``.”`` followed by a new sentence)."""
    core = text[before.start : before.end].rstrip("".join(_MARK_CHARS) + " ")
    stripped = gap.lstrip(" ,")
    return core[-1:] in pt.SENTENCE_END and (not stripped or stripped[0].isupper())


def _sentence_start(window: str) -> int:
    """Return where the last sentence in ``window`` starts (0 when it starts before the window)."""
    start = 0
    for match in pt.SENTENCE_BREAK.finditer(window):
        end = match.end()
        if (end == len(window) or _opens_sentence(window[end])) and not _abbreviation(window, match.start()):
            start = end
    return start


def _sentence_end(window: str) -> int:
    """Return where the first sentence in ``window`` ends."""
    for match in pt.SENTENCE_BREAK.finditer(window):
        end = match.end()
        if end < len(window) and _opens_sentence(window[end]) and not _abbreviation(window, match.start()):
            return match.start()
    return len(window)


def _opens_sentence(char: str) -> bool:
    """Tell whether a character can start a sentence."""
    return char.isupper() or char.isdigit() or char in _MARK_CHARS or char in "(["


def _abbreviation(window: str, dot: int) -> bool:
    """Tell whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if window[dot] != ".":
        return False
    head = window[max(0, dot - 40) : dot].rsplit(None, 1)
    token = head[-1].strip(pt.TOKEN_EDGE) if head and not window[dot - 1 : dot].isspace() else ""
    if not token:
        return False
    return "." in token or (len(token) == 1 and token.isalpha()) or token.lower() in pt.ABBREVIATIONS


def _headline_context(left: str, right: str) -> bool:
    """Tell whether the words around a quotation are in Title Case (a headline or a teaser)."""
    words = [w.strip(pt.TOKEN_EDGE) for w in (left + " " + right).split()]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) > 0.6 * len(long)


# ---------------------------------------------------------------- speaker phrases


@dataclass(frozen=True, slots=True)
class _Who:
    """A speaker phrase as written, what sort of phrase it is, and what came with it."""

    text: str
    kind: str
    """``name``, ``org``, ``description``, ``generic`` (``the official``), ``pronoun``, ``statement``,
    ``role``, ``adverbial`` or ``clause``."""
    role: str | None = None
    issuer: bool = False
    reported_by: str | None = None


_NOT_IN_NAMES = (
    pt.ORG_WORDS
    | pt.DATE_WORDS
    | pt.MEDIA_WORDS
    | pt.DETERMINERS
    | pt.PRONOUNS
    | pt.CONJUNCTIONS
    | pt.ADVERBIAL_OPENERS
    | pt.REPORTING_VERBS
)
"""Capitalised words that never belong to a person's name in running text (lower-case)."""
_CONCRETE = frozenset({"name", "org", "description"})
_NOMINAL = frozenset({"name", "org", "description", "generic", "pronoun", "statement", "role"})
_ROLE_LIKE = frozenset({"description", "role", "generic"})
_Token = tuple[str, int, int]


def _tokens(part: str) -> list[_Token]:
    """Split a phrase into words with their offsets, punctuation stripped from the edges."""
    out = []
    for match in pt.TOKEN.finditer(part):
        raw = match.group()
        word = raw.strip(pt.TOKEN_EDGE)
        if word:
            begin = match.start() + raw.index(word)
            out.append((word, begin, begin + len(word)))
    return out


def _is_name_word(word: str) -> bool:
    """Tell whether a word may belong to a personal name (capitalised, a particle, or ``al-X``)."""
    low = word.lower()
    if low in pt.NAME_PARTICLES:
        return True
    for prefix in pt.NAME_PREFIXES:
        if low.startswith(prefix) and len(word) > len(prefix):
            return word[len(prefix)].isupper()
    return word[:1].isupper() and not _is_acronym(word)


def _is_acronym(word: str) -> bool:
    """Tell whether a word is written in capitals (``NATO``, ``ISIS``): an organisation, not a name."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _possessive(word: str) -> bool:
    """Tell whether a word ends in ``’s`` or ``'s``."""
    return word.endswith(("’s", "'s", "’", "'"))


def _name_start(tokens: list[_Token]) -> int:
    """Return where the personal name ending the phrase starts (``len(tokens)`` when there is none)."""
    if not tokens or _possessive(tokens[-1][0]):
        return len(tokens)
    i = len(tokens)
    while i > 0 and len(tokens) - i < pt.MAX_NAME_TOKENS:
        word = tokens[i - 1][0]
        low = word.lower().rstrip(".")
        if not _is_name_word(word) or low in pt.TITLE_WORDS or low in pt.ORG_WORDS or low in pt.DATE_WORDS:
            break
        if low in pt.ADVERBIAL_OPENERS or low in pt.CONJUNCTIONS or low in pt.DETERMINERS or low in pt.PRONOUNS:
            break
        i -= 1
    while i < len(tokens) and tokens[i][0].lower() in pt.NAME_PARTICLES and not tokens[i][0][:1].isupper():
        i += 1
    core = [w for w, _, _ in tokens[i:] if w[:1].isupper() and w.lower() not in pt.NAME_PARTICLES]
    if not core and not any(_is_name_word(w) and w.lower() not in pt.NAME_PARTICLES for w, _, _ in tokens[i:]):
        return len(tokens)
    if i > 0 and tokens[i - 1][0].lower() in pt.PREPOSITIONS | pt.DETERMINERS:
        return len(tokens)
    return i


def _title_prefix(part: str, tokens: list[_Token], start: int) -> str | None:
    """Return the title written right before a name (``U.S. Secretary of State``), if any."""
    i = start
    while i > 0 and _title_word(tokens, i - 1):
        i -= 1
    words = [w.lower().rstrip(".") for w, _, _ in tokens[i:start]]
    if not words or all(w in pt.HONORIFICS for w in words):
        return None
    if not any(w in pt.TITLE_WORDS or w in pt.ROLE_NOUNS for w in words):
        return None
    return part[tokens[i][1] : tokens[start - 1][2]]


def _title_word(tokens: list[_Token], index: int) -> bool:
    """Tell whether a word may belong to a title written before a name."""
    word = tokens[index][0]
    low = word.lower().rstrip(".")
    if low in pt.TITLE_WORDS or low in pt.ROLE_NOUNS or low in pt.ORG_WORDS or low in pt.MEDIA_WORDS:
        return True
    if low in ("of", "for") and index > 0:
        before = tokens[index - 1][0].lower().rstrip(".")
        return before in pt.TITLE_WORDS or before in pt.ROLE_NOUNS
    return _possessive(word) or (word[:1].isupper() and _plain_capital(low))


def _plain_capital(low: str) -> bool:
    """Tell whether a capitalised word may be part of a title (not a date, determiner or adverb)."""
    banned = pt.DATE_WORDS | pt.DETERMINERS | pt.ADVERBIAL_OPENERS | pt.CONJUNCTIONS | pt.PRONOUNS
    return low not in banned


def _strip_conjunction(part: str) -> str:
    """Drop conjunctions that open a clause (``And the joint operations``)."""
    part = part.strip()
    for _ in range(2):
        head, _, rest = part.partition(" ")
        if head.lower() not in pt.CONJUNCTIONS or not rest:
            break
        part = rest.strip()
    return part


def _cut_relative(part: str) -> str:
    """Cut a role before a relative clause (``the spokesman for X which oversees ...``)."""
    for word, begin, _ in _tokens(part):
        if word.lower() in pt.RELATIVE_WORDS and begin > 0:
            return part[:begin].rstrip(" ,")
    return part


def _cut_at_verb(part: str) -> str:
    """Cut a phrase where a verb follows the name it opens with (``The EFC limited itself to``)."""
    tokens = _tokens(part)
    for k in range(1, min(len(tokens), pt.MAX_SPEAKER_WORDS)):
        word, previous = tokens[k][0], tokens[k - 1][0]
        following = tokens[k + 1][0].lower() if k + 1 < len(tokens) else ""
        named = (previous[:1].isupper() or previous.lower() in pt.ORG_WORDS) and not _role_noun(previous.lower())
        if named and word[:1].islower() and _verb_like(word.lower(), following):
            return pt.TRAILING_ACRONYM.sub("", part[: tokens[k][1]].rstrip())
    return part


def _verb_like(low: str, following: str) -> bool:
    """Tell whether a lower-case word after a name is its verb (``rejected the``, ``didn't``), not a noun."""
    if "n't" in low or "n’t" in low:
        return True
    if not low.endswith("ed") or len(low) <= 3 or low in pt.ROLE_NOUNS:
        return False
    return not following or following in pt.FUNCTION_WORDS or following in pt.REFLEXIVES


def _participle_clause(tokens: list[_Token]) -> bool:
    """Tell whether a phrase is a participle clause (``speaking after talks with X``), not a speaker."""
    first = tokens[0][0]
    following = tokens[1][0].lower() if len(tokens) > 1 else ""
    return first[:1].islower() and first.endswith(pt.PARTICIPLE_SUFFIX) and following in pt.FUNCTION_WORDS


@lru_cache(maxsize=1 << 14)
def _classify_part(part: str) -> _Who | None:
    """Classify one comma-separated phrase as a name, organisation, role, pronoun, adverbial or clause."""
    part = _strip_conjunction(part)
    issuer = pt.STATEMENT_BY.search(part)
    if issuer:
        org = _cut_at_stop(issuer.group("issuer")).strip()
        return _Who(org, "org", issuer=True) if org else None
    part = _cut_at_verb(_cut_relative(part))
    tokens = _tokens(part)
    if not tokens:
        return None
    lows = [w.lower() for w, _, _ in tokens]
    if any(low in pt.VERB_SIGNS or low in pt.REPORTING_VERBS for low in lows) or len(tokens) > pt.MAX_SPEAKER_WORDS:
        return _Who(part, "clause")
    if _participle_clause(tokens):
        return _Who(part, "adverbial")
    start = _name_start(tokens)
    if start < len(tokens):
        name = part[tokens[start][1] : tokens[-1][2]]
        return _Who(name, "name", _title_prefix(part, tokens, start))
    return _nominal(part, tokens, lows)


def _nominal(part: str, tokens: list[_Token], lows: list[str]) -> _Who | None:
    """Classify a phrase without a personal name: pronoun, statement, organisation, person or adverbial."""
    text = part[tokens[0][1] : tokens[-1][2]]
    first = lows[0]
    if len(lows) == 1 and first in pt.PRONOUNS:
        return _Who(text, "pronoun")
    head = _head_noun(lows)
    if head in pt.STATEMENT_NOUNS and first in pt.DETERMINERS:
        return _Who(text, "statement" if len(lows) == 2 or lows[1] in ("same", "latest") else "org")
    if first in pt.ADVERBIAL_OPENERS and first not in pt.DETERMINERS:
        return _Who(text, "adverbial")
    if head in pt.ROLE_NOUNS:
        return _Who(text, _person_kind(tokens, lows))
    if head in pt.ORG_WORDS or any(_is_acronym(w) for w, _, _ in tokens):
        return _Who(text, "org")
    if first in ("the", "this") and all(w[:1].isupper() for w, _, _ in tokens[1:]) and len(tokens) > 1:
        return _Who(text, "org")
    return None


def _head_noun(lows: list[str]) -> str | None:
    """Return the last role, organisation or statement noun before the phrase's first preposition."""
    head = None
    for low in lows:
        if low in pt.PREPOSITIONS or low in pt.RELATIVE_WORDS or low == "and":
            break
        if low in pt.ROLE_NOUNS or low in pt.ORG_WORDS or low in pt.STATEMENT_NOUNS:
            head = low
    return head


def _person_kind(tokens: list[_Token], lows: list[str]) -> str:
    """Tell a back-reference (``the official``) from a description or a role written as an appositive."""
    first = lows[0]
    if _possessive(tokens[0][0]):
        return "role"
    has_complement = any(low in pt.PREPOSITIONS for low in lows) or any(_possessive(w) for w, _, _ in tokens)
    if first in ("the", "this", "that") and len(lows) <= 4 and not has_complement:
        return "generic"
    return "description"


def _cut_at_stop(text: str) -> str:
    """Cut a phrase written after its verb where the speaker's words end (``X in a statement``)."""
    for word, begin, _ in _tokens(text):
        if word.lower() in pt.NP_STOP_WORDS and word[:1].islower():
            return text[:begin]
    return text


def _strip_aux(clause: str) -> str:
    """Drop auxiliaries and adverbs between a subject and its verb (``had also said``)."""
    clause = clause.rstrip()
    for _ in range(4):
        head, _, last = clause.rpartition(" ")
        if last.lower().strip(",") not in pt.AUXILIARIES:
            break
        clause = head.rstrip()
    return clause


def _after_dateline(clause: str) -> str:
    """Drop a dateline or outlet tag before a sentence (``Shafaq News/ The ...``)."""
    cut = max((clause.rfind(sep) + len(sep) for sep in pt.DATELINE_SEPARATORS if sep in clause), default=0)
    return clause[cut:]


def _subject(clause: str, strict: bool = False) -> _Who | None:
    """Return the speaker phrase that ends a clause, i.e. the subject right before its verb.

    ``strict`` (for the words between a quote and its verb) refuses anything but a speaker phrase.
    """
    clause = _after_dateline(_strip_aux(clause)).rstrip(" ,")
    raw = [p.strip() for p in clause.split(",")]
    parts = [p for p in raw if p and not p.isdigit() and p.split(None, 1)[0].lower() not in pt.RELATIVE_WORDS][-4:]
    whos = [_classify_part(p) for p in parts]
    if len(whos) > 1 and whos[-1] is None and whos[-2] is not None and whos[-2].kind == "name":
        whos[-1] = _appositive(parts[-1])
    if strict:
        whos = [w or _loose_description(p) for w, p in zip(whos, parts, strict=True)]
        if any(w is None or w.kind == "clause" for w in whos):
            return None
    found = [w for w in whos if w is not None]
    while found and found[-1].kind == "adverbial":
        found.pop()
    if not found:
        return None
    return _combine(found[-1], found[-2] if len(found) > 1 else None, None)


def _object(text: str) -> _Who | None:
    """Return the speaker phrase written after its verb or a dash (``said X``, ``according to X``)."""
    for stop in ";:!?()[]":
        text = text.split(stop, 1)[0]
    text = text[: _sentence_end(text)].rstrip(". ")
    parts = [_cut_at_stop(p).strip() for p in text.split(",")[:4] if not p.strip().isdigit()][:3]
    if not parts or not parts[0]:
        return None
    first = _classify_part(parts[0]) or _description(parts[0])
    second = (_classify_part(parts[1]) or _appositive(parts[1])) if len(parts) > 1 and parts[1] else None
    if first is None:
        return None
    if first.kind in ("description", "role") and second is not None and second.kind == "name":
        return _combine(second, first, None)
    return _combine(first, None, second)


def _description(part: str) -> _Who | None:
    """Take a short lower-case noun phrase naming people after ``cited`` or ``according to`` as a description."""
    tokens = _tokens(part)
    if not 1 <= len(tokens) <= 5 or not tokens[0][0][:1].islower() or tokens[0][0].lower() in pt.NP_STOP_WORDS:
        return None
    if not _role_noun(tokens[-1][0].lower()):
        return None
    return _Who(part[tokens[0][1] : tokens[-1][2]], "description")


def _role_noun(low: str) -> bool:
    """Tell whether a noun, singular or plural, names people (``witnesses``, ``spokesmen``)."""
    forms = (low, low.removesuffix("s"), low.removesuffix("es"), low.removesuffix("men") + "man")
    return any(form in pt.ROLE_NOUNS for form in forms)


def _appositive(part: str) -> _Who | None:
    """Take a phrase after a name that opens with an article or a possessive as its role (``a shopkeeper``)."""
    tokens = _tokens(_cut_relative(part))
    if not 2 <= len(tokens) <= pt.MAX_ROLE_WORDS or any(w.lower() in pt.VERB_SIGNS for w, _, _ in tokens):
        return None
    first = tokens[0][0]
    if first.lower() not in ("a", "an", "the") and not _possessive(first):
        return None
    return _Who(part[tokens[0][1] : tokens[-1][2]], "role")


def _loose_description(part: str) -> _Who | None:
    """Take a short phrase right before ``said`` as a description (``Osama bin Laden's son``)."""
    tokens = _tokens(part)
    if not 1 <= len(tokens) <= pt.MAX_DESCRIPTION_WORDS:
        return None
    if any(w.lower() in pt.VERB_SIGNS or w.lower() in pt.FUNCTION_WORDS - pt.DETERMINERS for w, _, _ in tokens[:1]):
        return None
    return _Who(part[tokens[0][1] : tokens[-1][2]], "description")


def _combine(head: _Who, before: _Who | None, after: _Who | None) -> _Who | None:
    """Join a speaker phrase with the appositive written before or after it into name and role."""
    if head.kind == "name":
        role = _role_text(after) or _role_text(before) or head.role
        return replace(head, role=role)
    if head.kind in _ROLE_LIKE and before is not None and before.kind == "name":
        return replace(before, role=_role_text(head) or before.role)
    if head.kind == "role":
        return replace(head, kind="description")
    return head if head.kind in _NOMINAL else None


def _role_text(who: _Who | None) -> str | None:
    """Return a phrase's text when it can serve as a role beside a name."""
    if who is None or who.kind not in _ROLE_LIKE:
        return None
    return who.text


# ---------------------------------------------------------------- attribution


@dataclass(frozen=True, slots=True)
class _Attribution:
    """Who a quotation is attributed to, and how the attribution is written."""

    who: _Who | None
    how: str
    """``right`` (``“...,” X said``), ``left`` (``X said: “...”``), ``apposition`` (``X, role, “...”``),
    ``sentence`` (a reporting verb earlier in the sentence), ``later`` (one after it), ``continued``
    (the next sentence of a quotation attributed just before) or empty."""
    near: bool = False
    """For ``sentence``: no comma or colon between the verb and the quotation."""


def _attribute(ctx: _Context, quote_text: str, carry: _Who | None, mentions: _Mentions) -> _Attribution:
    """Find the speaker of a quotation in the clauses around it."""
    right = _right_speaker(ctx.right, quote_text)
    if right is not None:
        return _Attribution(right, "right")
    left = _left_speaker(ctx.left, carry if ctx.same_sentence else None, quote_text, mentions)
    if left.how:
        return left
    if _verb_follows(ctx.right, quote_text):
        return _Attribution(None, "right")
    later = _sentence_speaker(ctx.right)
    if later is not None:
        return _Attribution(later, "later")
    if ctx.follows and carry is not None:
        return _Attribution(carry, "continued")
    return _Attribution(None, "")


def _verb_follows(right: str, quote_text: str) -> bool:
    """Tell whether a reporting verb follows the closing mark within a few words (``“...,” his son said``)."""
    if not _signalled(right, quote_text):
        return False
    verb = pt.REPORTING_VERB.search(right[:80])
    return verb is not None and len(right[: verb.start()].split()) <= pt.MAX_SPEAKER_WORDS // 3


def _signalled(right: str, quote_text: str) -> bool:
    """Tell whether the quotation's end invites an attribution after it (``,”`` or a long quote)."""
    core = quote_text.rstrip().rstrip("".join(_MARK_CHARS)).rstrip()
    return right.lstrip().startswith(",") or core[-1:] in ",?!…" or len(quote_text.split()) >= pt.STATEMENT_MIN_WORDS


def _right_speaker(right: str, quote_text: str) -> _Who | None:
    """Read ``, X said`` / ``said X`` / ``— X`` / ``according to X`` right after a closing mark."""
    stripped = right.lstrip()
    if not stripped:
        return None
    if stripped[0] in pt.DASHES or stripped.startswith("- "):
        return _object(stripped.lstrip("".join(pt.DASHES) + "- "))
    if not _signalled(right, quote_text):
        return None
    stripped = stripped.lstrip(", ")
    verb = pt.REPORTING_VERB.search(stripped)
    if verb is None:
        return None
    before, after = stripped[: verb.start()], stripped[verb.end() :]
    who = _subject(before, strict=True) if before else _object(after)
    return _with_relay(who, verb.group(), after)


def _with_relay(who: _Who | None, verb: str, after: str) -> _Who | None:
    """Note a news outlet told the words (``X told the Iraqi News Agency``) or a statement's issuer."""
    if who is None:
        return None
    if pt.IN_STATEMENT.match(after.lstrip(" ,")) and who.kind in ("org", "name"):
        who = replace(who, issuer=True)
    if verb.lower() not in ("told", "tells", "telling"):
        return who
    outlet = _outlet(after)
    return replace(who, reported_by=outlet) if outlet and not who.reported_by else who


def _outlet(after: str) -> str | None:
    """Return the object of ``told`` when it is a news outlet."""
    words = _tokens(after[:80])
    end = 0
    for i, (word, _, stop) in enumerate(words):
        if i == 0 and word.lower() == "the":
            continue
        if not (word[:1].isupper() or word.lower() in pt.MEDIA_WORDS):
            break
        end = stop
    phrase = after[:end].strip()
    named = [w for w, _, _ in _tokens(phrase) if w[:1].isupper() and w.lower() != "the"]
    if named and any(w.lower() in pt.MEDIA_WORDS or _is_acronym(w) for w in named):
        return phrase
    return None


def _left_speaker(left: str, carry: _Who | None, quote_text: str, mentions: _Mentions) -> _Attribution:
    """Read the clause before an opening mark: ``X said that``, ``X cited Y as saying``, ``X, role,``."""
    relayed = _relayed(left)
    if relayed is not None:
        return relayed
    predicate = _predicate_subject(left, quote_text)
    if predicate is not None:
        return predicate
    verbs = list(pt.REPORTING_VERB.finditer(left))
    if not verbs:
        if carry is not None and pt.CONTINUED_THAT.match(left):
            return _Attribution(carry, "left")
        introduced = _colon_subject(left, quote_text, mentions) or _apposition(left)
        return introduced or _Attribution(carry, "sentence" if carry else "", _no_break(left))
    gap = left[verbs[-1].end() :]
    how = "left" if _gap_attaches(gap) else "sentence"
    for verb in reversed(verbs[-4:]):
        who = _verb_speaker(left[: verb.start()], verb.group(), left[verb.end() :])
        if who is not None:
            return _Attribution(_with_relay(who, verb.group(), left[verb.end() :]), how, _no_break(gap))
        if not verb.group().endswith(pt.PARTICIPLE_SUFFIX) and left[: verb.start()].strip(" ,"):
            break
    introduced = None if how == "left" else _colon_subject(left, quote_text, mentions)
    return introduced or _Attribution(carry, how if carry or how == "left" else "", _no_break(gap))


def _predicate_subject(left: str, quote_text: str) -> _Attribution | None:
    """Read ``..., Kadhimi “stressed the importance of ...”``: a name, then a quote that is its predicate."""
    first = quote_text.split(None, 1)[0] if quote_text.split() else ""
    stripped = left.rstrip()
    if not first[:1].islower() or first.lower() in pt.FUNCTION_WORDS or not stripped or stripped[-1] in ",:;":
        return None
    tail = stripped.rsplit(",", 1)[-1]
    who = _classify_part(tail)
    if who is None or who.kind != "name" or who.text != tail.strip() or len(tail.split()) > pt.MAX_NAME_TOKENS:
        return None
    return _Attribution(who, "sentence", True)


def _no_break(gap: str) -> bool:
    """Tell whether no comma, colon or dash separates a verb from the quotation after it."""
    return not any(mark in gap for mark in ",;:—–")


def _relayed(left: str) -> _Attribution | None:
    """Read ``X cited Y as saying`` and ``Y was quoted by X as saying`` before a quote."""
    for pattern, relay_first in ((pt.CITED_AS_SAYING, True), (pt.QUOTED_BY, False)):
        match = _last(pattern.finditer(left))
        if match is None or pt.REPORTING_VERB.search(left, match.end()):
            continue
        if relay_first:
            who, relay = _object(match.group("speaker")), _subject(left[: match.start()])
        else:
            who, relay = _subject(left[: match.start()]), _object(match.group("relay"))
        if who is not None:
            gap = left[match.end() :]
            how = "left" if _gap_attaches(gap) else "sentence"
            return _Attribution(replace(who, reported_by=relay.text if relay else None), how, _no_break(gap))
    return None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """Return the last of some regex matches."""
    tail = deque(matches, maxlen=1)
    return tail[0] if tail else None


def _verb_speaker(before: str, verb: str, after: str) -> _Who | None:
    """Return the speaker of one reporting verb: its subject, or the phrase after ``according to``."""
    if verb.lower() in pt.OBJECT_SPEAKER_PHRASES:
        return _object(after)
    return _subject(before)


def _gap_attaches(gap: str) -> bool:
    """Tell whether the words between a reporting verb and a quote still attach the quote to the verb."""
    stripped = gap.strip()
    if not stripped:
        return True
    if len(stripped.split()) > pt.MAX_GAP_WORDS:
        return False
    last = stripped.rsplit(None, 1)[-1].lower()
    return stripped.endswith(pt.ATTACHING_GAP_MARKS) or last in pt.ATTACHING_GAP_WORDS


def _colon_subject(left: str, quote_text: str, mentions: _Mentions) -> _Attribution | None:
    """Read ``X rejected the claims on Telegram: “...”`` and ``X's verdict: “...”``: the sentence's subject speaks.

    Only a quotation that reads as a sentence of its own is taken as speech this way.
    """
    stripped = left.rstrip()
    if not stripped or stripped[-1] not in pt.INTRODUCING_MARKS or not _full_sentence(quote_text):
        return None
    parts = [p.strip() for p in _after_dateline(stripped[:-1]).split(",")]
    for part in parts[:4]:
        first = part.split(None, 1)[0].lower() if part else ""
        if first and (first not in pt.ADVERBIAL_OPENERS or first in pt.DETERMINERS):
            who = _leading_subject(part, mentions)
            return _Attribution(who, "left") if who is not None else None
    return None


def _full_sentence(text: str) -> bool:
    """Tell whether a quotation reads as a sentence: a capital first, then a full stop or several words."""
    first = next((c for c in text if c.isalpha()), "")
    core = text.rstrip("".join(_MARK_CHARS) + " ,;:")
    return first.isupper() and (core[-1:] in pt.SENTENCE_END or len(text.split()) >= pt.STATEMENT_MIN_WORDS)


def _leading_subject(part: str, mentions: _Mentions) -> _Who | None:
    """Return the person or organisation a clause opens with (``Acting president X``, ``X's``), if it names one."""
    tokens = _tokens(part)
    end = len(tokens)
    for k, (word, _, _) in enumerate(tokens[: pt.MAX_SPEAKER_WORDS]):
        if _possessive(word):
            end = k + 1
            break
        if k and _ends_subject(tokens, k):
            end = k
            break
    if not tokens or end > pt.MAX_SPEAKER_WORDS:
        return None
    phrase = part[: tokens[end - 1][2]]
    phrase = re.sub(r"['’]s?$", "", phrase) if _possessive(tokens[end - 1][0]) else phrase
    who = _classify_part(phrase)
    if who is None or who.kind not in _NOMINAL - {"statement", "role"}:
        return None
    if who.kind == "name" and len(who.text.split()) == 1 and not who.role and not mentions.known(who.text):
        return None
    return who


def _ends_subject(tokens: list[_Token], k: int) -> bool:
    """Tell whether token ``k`` starts the predicate of a clause that opened with a name."""
    word, previous = tokens[k][0], tokens[k - 1][0]
    low = word.lower()
    following = tokens[k + 1][0].lower() if k + 1 < len(tokens) else ""
    if low in pt.VERB_SIGNS or _verb_like(low, following):
        return True
    if not word[:1].islower() or low in pt.NAME_PARTICLES or _is_title_token(low) or _role_noun(low):
        return False
    plow = previous.lower().rstrip(".")
    return previous[:1].isupper() and plow not in pt.DETERMINERS and not _is_title_token(plow)


def _apposition(left: str) -> _Attribution | None:
    """Read the verbless form ``In a press conference, X, role, “...”``."""
    stripped = left.rstrip()
    if not stripped.endswith((",", ":")):
        return None
    who = _subject(stripped.rstrip(",:"), strict=True)
    if who is None or who.kind not in _CONCRETE:
        return None
    if who.kind == "description" and _head_noun([w.lower() for w in who.text.split()]) is None:
        return None
    return _Attribution(who, "apposition")


def _sentence_speaker(right: str) -> _Who | None:
    """Read ``..., the ministry said.`` at the end of the sentence a quotation sits in."""
    verb = _last(pt.REPORTING_VERB.finditer(right))
    if verb is None or verb.group().endswith(pt.PARTICIPLE_SUFFIX):
        return None
    if verb.group().lower() in pt.OBJECT_SPEAKER_PHRASES:
        return _object(right[verb.end() :])
    who = _subject(right[: verb.start()])
    return who if who is not None and who.kind in _NOMINAL - {"role"} else None


# ---------------------------------------------------------------- earlier speakers


@dataclass(frozen=True, slots=True)
class _Mention:
    """A speaker named at some position of the article."""

    pos: int
    who: _Who


@dataclass(frozen=True, slots=True)
class _Named:
    """A person named in the reporter's own text, quoted or not."""

    pos: int
    who: _Who
    oblique: bool
    """The name follows a preposition or a subordinator of its clause (``in a letter to X``)."""


class _Mentions:
    """Speakers and people named so far, for ``he``, ``the official`` and ``the statement``."""

    def __init__(self, scanned: list[_Mention], people: _People, text: str, paras: tuple[Span, ...]) -> None:
        self._scanned = scanned
        self._positions = [m.pos for m in scanned]
        self._added: list[_Mention] = []
        self._named = people.named
        self._named_positions = [n.pos for n in people.named]
        self._chains = people.chains
        self._chain_positions = [c[0] for c in people.chains]
        self._genders = dict(people.genders)
        self._known = people.known
        self._text = text
        self._paras = paras
        self._para_starts = [p.start for p in paras]

    def add(self, pos: int, who: _Who) -> None:
        """Record a speaker a quotation was attributed to."""
        self._added.append(_Mention(pos, who))

    def recent(self, pos: int) -> Iterator[_Mention]:
        """Yield the mentions before ``pos``, newest first, up to a fixed number."""
        i = bisect.bisect_left(self._positions, pos) - 1
        j = len(self._added) - 1
        while j >= 0 and self._added[j].pos >= pos:
            j -= 1
        for _ in range(pt.BACKREF_STEPS):
            if i < 0 and j < 0:
                return
            if j < 0 or (i >= 0 and self._scanned[i].pos > self._added[j].pos):
                yield self._scanned[i]
                i -= 1
            else:
                yield self._added[j]
                j -= 1

    def find(self, pos: int, test: Callable[[_Who], bool]) -> _Who | None:
        """Return the newest mention before ``pos`` that passes ``test``."""
        return next((m.who for m in self.recent(pos) if test(m.who)), None)

    def known(self, name: str) -> bool:
        """Tell whether a one-word name is the surname of someone named in full in the article."""
        return _surname(name) in self._known

    def gender(self, who: _Who) -> str:
        """Return ``f`` or ``m`` when the article tells a person's gender, else an empty string."""
        told = self._genders.get(who.text.lower(), "")
        return told if told in ("f", "m") else _gender_of_words(f"{who.text} {who.role or ''}")

    def note_gender(self, who: _Who, gender: str) -> None:
        """Remember that a pronoun of ``gender`` referred to ``who``; conflicting evidence cancels out."""
        if gender:
            _note_gender(self._genders, who.text, gender)

    def antecedent(self, anchor: int, gender: str, depth: int = 0) -> _Who | None:
        """Return the person named in the last few sentences that ``he``/``she`` at ``anchor`` means.

        The anchor's own sentence is searched first, then the sentences before it, newest
        first; within one sentence the first person named outside a prepositional phrase (the
        subject) wins. A pronoun of the same gender written before any name of its sentence
        continues an earlier chain (``Her lawyer, X, ...``): it wins over the names after it and
        is itself resolved the same way. People whose gender the article tells otherwise,
        organisations and groups never match.
        """
        starts = self._sentence_starts(anchor)
        events = self._events(starts[-1], anchor, gender)
        chained = depth >= pt.PRONOUN_CHAIN_STEPS
        for low, high in zip(starts, [anchor, *starts], strict=False):
            for pos, who in events:
                if not low <= pos < high or (who is None and chained):
                    continue
                if who is None:
                    chained = True
                    found = self.antecedent(pos, gender, depth + 1)
                    if found is not None:
                        return found
                elif self.fits(who, gender):
                    return who
        return None

    def _events(self, start: int, anchor: int, gender: str) -> list[tuple[int, _Who | None]]:
        """Return the speakers, people and chain pronouns (``None``) of ``gender`` between two positions."""
        events: list[tuple[int, _Who | None]] = [(m.pos, m.who) for m in self.recent(anchor) if m.pos >= start]
        i = bisect.bisect_left(self._named_positions, start)
        stop = bisect.bisect_left(self._named_positions, anchor)
        events += [(n.pos, n.who) for n in self._named[i : min(stop, i + pt.BACKREF_STEPS)] if not n.oblique]
        k = bisect.bisect_left(self._chain_positions, start)
        stop = bisect.bisect_left(self._chain_positions, anchor)
        events += [(pos, None) for pos, told in self._chains[k : min(stop, k + pt.BACKREF_STEPS)] if told == gender]
        events.sort(key=lambda e: e[0])
        return events

    def fits(self, who: _Who, gender: str) -> bool:
        """Tell whether a mention can be the one person a pronoun of ``gender`` refers to."""
        if not _is_single_person(who):
            return False
        told = self.gender(who)
        return not gender or not told or told == gender

    def _sentence_starts(self, anchor: int) -> list[int]:
        """Return where ``anchor``'s sentence and the few sentences before it start, newest first."""
        k = bisect.bisect_right(self._para_starts, anchor) - 1
        starts: list[int] = []
        end = anchor
        for _ in range(2 * pt.PRONOUN_SENTENCES):
            if k < 0 or len(starts) >= pt.PRONOUN_SENTENCES:
                break
            para = self._paras[k]
            lo = max(para.start, end - pt.LEFT_WINDOW)
            window = self._text[lo:end]
            if not window.strip():
                starts += [] if starts else [end]
                k -= 1
                end = self._paras[k].end if k >= 0 else end
                continue
            end = lo + _sentence_start(window.rstrip() if starts else window)
            starts.append(end)
        return starts or [anchor]


def _scan_mentions(text: str, paras: tuple[Span, ...], found: list[_Found]) -> list[_Mention]:
    """Collect speakers named with a reporting verb outside quotations (bounded per article)."""
    tops = [(f.open, f.after) for f in found if not f.nested]
    out: list[_Mention] = []
    j, budget = 0, pt.MAX_MENTIONS
    for span in paras:
        for verb in pt.REPORTING_VERB.finditer(text, span.start, span.end):
            pos = verb.start()
            while j < len(tops) and tops[j][1] <= pos:
                j += 1
            if j < len(tops) and tops[j][0] <= pos:
                continue
            budget -= 1
            if budget < 0:
                return out
            floor = tops[j - 1][1] if j else 0
            left = text[max(span.start, pos - pt.LEFT_WINDOW, floor) : pos]
            clause = left[_sentence_start(left) :]
            after = text[verb.end() : min(span.end, verb.end() + pt.RIGHT_WINDOW)]
            who = _verb_speaker(clause, verb.group(), after[: _sentence_end(after)])
            if who is not None and who.kind in _CONCRETE:
                out.append(_Mention(pos, _with_relay(who, verb.group(), after) or who))
    return out


# ---------------------------------------------------------------- people named in the text


@dataclass(frozen=True, slots=True)
class _People:
    """The people an article names outside quotations, with what it tells of their gender."""

    named: list[_Named]
    genders: dict[str, str]
    """Lower-case name -> ``f``, ``m`` or ``?`` (conflicting evidence)."""
    known: frozenset[str]
    """Surname keys of people named in full, with a title, or as a speaker."""
    chains: list[tuple[int, str]]
    """(position, ``f`` or ``m``) of pronouns written before any name of their sentence."""


@dataclass(slots=True)
class _Candidate:
    """A run of name words found by the scan, before one-word names are checked."""

    pos: int
    text: str
    oblique: bool
    words: int
    titled: bool
    gender: str = ""


@dataclass(slots=True)
class _ScanState:
    """Where the names scan stands inside the current sentence."""

    run: list[_Token] = field(default_factory=list)
    before: str = ""
    """The lower-case word right before the current run."""
    oblique: bool = False
    previous: str = ""
    people: list[_Candidate] = field(default_factory=list)
    pronoun_first: bool = False
    """A gendered pronoun came before any name in this sentence (it refers further back)."""
    appositive: _Candidate | None = None
    """The person whose appositive (``X, a spokeswoman for Y,``) is being read."""
    appositive_words: int = 0
    chains: list[tuple[int, str]] = field(default_factory=list)

    def new_sentence(self) -> None:
        """Forget the current sentence."""
        self.oblique, self.previous, self.pronoun_first = False, "", False
        self.people, self.appositive = [], None


def _scan_people(text: str, paras: tuple[Span, ...], found: list[_Found], speakers: list[_Mention]) -> _People:
    """Collect the people named in the reporter's text, paragraph by paragraph (bounded per article)."""
    tops = [(f.open, f.after) for f in found if not f.nested]
    candidates: list[_Candidate] = []
    chains: list[tuple[int, str]] = []
    j, budget = 0, pt.MAX_SCANNED_TOKENS
    for span in paras:
        state = _ScanState(chains=chains)
        for match in pt.TOKEN.finditer(text, span.start, span.end):
            budget -= 1
            if budget < 0:
                break
            while j < len(tops) and tops[j][1] <= match.start():
                j += 1
            inside = j < len(tops) and tops[j][0] <= match.start() + 1 and match.end() <= tops[j][1] + 1
            _scan_token(text, match, inside, state, candidates)
        _flush(text, state, "", candidates)
    return _people(candidates, speakers, chains)


@dataclass(frozen=True, slots=True)
class _TokenInfo:
    """What the names scan reads from one token, wherever it stands (see ``_token_info``)."""

    word: str
    """The token without edge punctuation."""
    offset: int
    """Where ``word`` starts in the token."""
    low: str
    opens_run: bool
    """The word may start a run of name words."""
    extends_run: bool
    """The word may continue a run of name words."""
    dotted: bool
    """The token ends with a full stop (closing marks aside)."""
    closes_run: bool
    """The word ends its run: a possessive, or punctuation follows it."""
    comma: bool
    oblique: bool
    pronoun: bool
    """The word is a gendered pronoun."""
    clause_break: bool
    """A comma, semicolon, colon or dash ends a clause part here."""
    sentence_end: bool


@lru_cache(maxsize=1 << 16)
def _token_info(raw: str) -> _TokenInfo | None:
    """Read one token for the names scan, or ``None`` when it holds no word."""
    word = raw.strip(pt.TOKEN_EDGE)
    if not word:
        return None
    low = word.lower().rstrip(".")
    tail = raw[raw.rindex(word) + len(word) :]
    ends = tail.rstrip("".join(_MARK_CHARS) + ")]")[-1:]
    return _TokenInfo(
        word=word,
        offset=raw.index(word),
        low=low,
        opens_run=_run_word(word, low, False),
        extends_run=_run_word(word, low, True),
        dotted=raw.rstrip("".join(_MARK_CHARS)).endswith("."),
        closes_run=_possessive(word) or not raw.endswith(word),
        comma=raw.endswith(","),
        oblique=low in pt.OBLIQUE_WORDS,
        pronoun=low in pt.FEMININE_PRONOUNS or low in pt.MASCULINE_PRONOUNS,
        clause_break=any(mark in tail for mark in ",;:") or raw in pt.DASHES or raw in ("-", "--"),
        sentence_end=ends in pt.SENTENCE_END and not (ends == "." and (low in pt.ABBREVIATIONS or len(word) == 1)),
    )


def _scan_token(text: str, match: re.Match[str], inside: bool, state: _ScanState, out: list[_Candidate]) -> None:
    """Read one token of the names scan: extend or close a run of name words, note clause cues."""
    info = None if inside else _token_info(match.group())
    if info is None:
        _flush(text, state, "", out)
        state.oblique, state.appositive = False, None
        return
    low = info.low
    if info.extends_run if state.run else info.opens_run:
        begin = match.start() + info.offset
        if not state.run:
            state.before = state.previous
        state.run.append((info.word, begin, begin + len(info.word)))
        if len(state.run) == 1 and not state.previous and info.dotted:
            state.run = []
        elif info.closes_run:
            _flush(text, state, "", out)
            state.appositive = state.people[-1] if info.comma and state.people else None
            state.appositive_words = 0
    else:
        if state.run:
            _flush(text, state, low, out)
        if state.appositive is not None:
            _appositive_evidence(low, state)
        if info.pronoun:
            _pronoun_evidence(match.start() + info.offset, low, state)
        state.oblique = state.oblique or info.oblique
    state.previous = low
    _boundaries(info, state)


def _run_word(word: str, low: str, extending: bool) -> bool:
    """Tell whether a word may belong to a person's name in running text."""
    if low in pt.NAME_PARTICLES and not word[:1].isupper():
        return extending
    return _is_name_word(word) and not _is_title_token(low) and low not in _NOT_IN_NAMES


def _is_title_token(low: str) -> bool:
    """Tell whether a word is a title, hyphenated ones included (``vice-president``)."""
    return all(part in pt.TITLE_WORDS or part in pt.HONORIFICS for part in low.split("-"))


def _boundaries(info: _TokenInfo, state: _ScanState) -> None:
    """Start a new clause part after a comma or dash, and a new sentence after a full stop."""
    if info.clause_break:
        state.oblique = False
        if state.appositive is not None and state.appositive_words:
            state.appositive = None
    if info.sentence_end:
        state.new_sentence()


def _appositive_evidence(low: str, state: _ScanState) -> None:
    """Give a person the gender of the noun heading the appositive after their name (``X, a spokeswoman``)."""
    person = state.appositive
    if person is None:
        return
    state.appositive_words += 1
    opened = state.appositive_words > 1 or low in ("a", "an", "the")
    if not opened or low in pt.OBLIQUE_WORDS or state.appositive_words > pt.MAX_ROLE_WORDS:
        state.appositive = None
    elif not person.gender:
        person.gender = _gender_of_words(low)


def _pronoun_evidence(pos: int, low: str, state: _ScanState) -> None:
    """Give the person just named in this sentence the gender of a pronoun after the name, or start a chain."""
    gender = "f" if low in pt.FEMININE_PRONOUNS else "m" if low in pt.MASCULINE_PRONOUNS else ""
    if not gender:
        return
    if not state.people or state.pronoun_first:
        state.pronoun_first = True
        state.chains.append((pos, gender))
    elif not state.people[-1].gender and low in pt.EVIDENCE_PRONOUNS:
        state.people[-1].gender = gender


def _flush(text: str, state: _ScanState, following: str, out: list[_Candidate]) -> None:
    """Close the current run of name words and keep it when it reads as a person's name."""
    run, state.run = state.run, []
    while run and run[-1][0].lower() in pt.NAME_PARTICLES:
        run.pop()
    if not run or following in pt.ORG_WORDS or following in pt.MEDIA_WORDS:
        return
    if state.before in pt.DETERMINERS or _possessive(state.before) or _is_acronym(run[0][0]):
        return
    written = text[run[0][1] : run[-1][2]]
    written = re.sub(r"['’]s?$", "", written) if _possessive(run[-1][0]) else written
    titled = _is_title_token(state.before) or state.before in pt.ROLE_NOUNS
    gender = _gender_of_words(state.before)
    words = sum(1 for w, _, _ in run if w.lower() not in pt.NAME_PARTICLES)
    candidate = _Candidate(run[0][1], written, state.oblique, words, titled, gender)
    out.append(candidate)
    state.people.append(candidate)


def _people(candidates: list[_Candidate], speakers: list[_Mention], chains: list[tuple[int, str]]) -> _People:
    """Keep the scanned names that are people: full names, titled names, or surnames of those."""
    known = {_surname(c.text) for c in candidates if c.words > 1 or c.titled}
    known |= {_surname(m.who.text) for m in speakers if m.who.kind == "name"}
    genders: dict[str, str] = {}
    named = []
    for c in candidates:
        if c.words > 1 or c.titled or _surname(c.text) in known:
            named.append(_Named(c.pos, _Who(c.text, "name"), c.oblique))
            if c.gender:
                _note_gender(genders, c.text, c.gender)
    return _People(named, genders, frozenset(known), chains)


def _note_gender(genders: dict[str, str], name: str, gender: str) -> None:
    """Record a person's gender under their lower-case name; conflicting evidence leaves it unknown."""
    key = name.lower()
    told = genders.get(key)
    genders[key] = gender if told in (None, gender) else "?"


def _gender_of_words(text: str) -> str:
    """Return the gender that honorifics or nouns in ``text`` tell (``Ms``, ``spokeswoman``), if one."""
    lows = {w.strip(pt.TOKEN_EDGE).lower().rstrip(".") for w in text.split()}
    female, male = bool(lows & pt.FEMININE_WORDS), bool(lows & pt.MASCULINE_WORDS)
    return "f" if female and not male else "m" if male and not female else ""


def _is_single_person(who: _Who) -> bool:
    """Tell whether a mention is one person: a name or a description, not an organisation or a group."""
    if who.kind not in ("name", "description"):
        return False
    words = [w.strip(pt.TOKEN_EDGE).lower() for w in _cut_at_stop(_cut_relative(who.text)).split()]
    head = _head_noun(words) if who.kind == "description" else None
    if head is not None:
        return not _plural(head)
    last = words[-1] if words else ""
    return last not in pt.ORG_WORDS and not (who.kind == "description" and _plural(last))


def _plural(noun: str) -> bool:
    """Tell whether a head noun is plural (``officials``, ``residents``, ``spokesmen``)."""
    return (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))) or noun.endswith("men")


def _resolve(who: _Who | None, pos: int, mentions: _Mentions, anchor: int | None = None) -> _Who | None:
    """Replace ``he``, ``the official`` or ``the statement`` by the speaker it refers back to."""
    if who is None or who.kind in _CONCRETE:
        return _with_inherited_role(who, pos, mentions)
    found: _Who | None = None
    low = who.text.lower()
    if who.kind == "pronoun":
        found = _pronoun_antecedent(low, pos if anchor is None else anchor, mentions)
    elif who.kind == "generic":
        head = low.rsplit(None, 1)[-1]
        found = mentions.find(pos, lambda m: _is_person(m) and head in (m.role or "").lower())
        if found is None and head in pt.VAGUE_PERSON_NOUNS:
            found = mentions.find(pos, _is_person)
    elif who.kind == "statement":
        found = mentions.find(pos, lambda m: m.issuer) or mentions.find(pos, lambda m: m.kind == "org")
    if found is None:
        return who if who.kind == "generic" else None
    return _with_inherited_role(replace(found, issuer=False, reported_by=who.reported_by), pos, mentions)


def _pronoun_antecedent(low: str, anchor: int, mentions: _Mentions) -> _Who | None:
    """Return who a pronoun refers to: a person named just before ``he``/``she``, else an earlier speaker."""
    if low not in pt.PERSON_PRONOUNS:
        return mentions.find(anchor, _pronoun_test(low))
    gender = "f" if low in pt.FEMININE_PRONOUNS else "m"
    found = mentions.antecedent(anchor, gender) or mentions.find(anchor, lambda m: mentions.fits(m, gender))
    if found is not None:
        mentions.note_gender(found, gender)
    return found


def _pronoun_test(low: str) -> Callable[[_Who], bool]:
    """Return which earlier speakers a pronoun other than ``he``/``she`` may refer to."""
    if low == "it":
        return lambda m: m.kind == "org"
    return lambda m: m.kind in _CONCRETE


def _is_person(who: _Who) -> bool:
    """Tell whether a mention names or describes a person."""
    return who.kind in ("name", "description")


def _surname(name: str) -> str:
    """Return a comparable key for a name's last word (``al-Araji`` → ``araji``)."""
    parts = name.rsplit(None, 1)
    last = parts[-1].lower() if parts else ""
    for prefix in pt.NAME_PREFIXES:
        if last.startswith(prefix):
            last = last[len(prefix) :]
    return last.replace("’", "").replace("'", "")


def _with_inherited_role(who: _Who | None, pos: int, mentions: _Mentions) -> _Who | None:
    """Give a bare surname the role written with the same person's earlier, fuller mention."""
    if who is None or who.kind != "name" or who.role:
        return who
    key = _surname(who.text)
    earlier = mentions.find(pos, lambda m: m.kind == "name" and bool(m.role) and _surname(m.text) == key)
    return replace(who, role=earlier.role) if earlier is not None else who


# ---------------------------------------------------------------- kinds and quotes


def _kind(article: Article, text: str, ctx: _Context, nested: bool, found: _Attribution) -> QuoteKind:
    """Decide whether a quotation is a statement, a fragment, a term or a title."""
    words = text.split()
    core = text.rstrip("".join(_MARK_CHARS) + " ,;:")
    ends_sentence = core[-1:] in pt.SENTENCE_END
    first = next((c for c in text if c.isalpha()), "")
    if _is_headline(text, article.title) or (first.isupper() and not ends_sentence and _title_cue(ctx.left, words)):
        return QuoteKind.TITLE
    if nested:
        return QuoteKind.FRAGMENT if ends_sentence and len(words) >= pt.STATEMENT_MIN_WORDS else QuoteKind.TERM
    if ctx.scare and len(words) <= pt.TITLE_MAX_WORDS:
        return QuoteKind.TERM
    if found.how in ("left", "right", "apposition", "continued"):
        return _attached_kind(ctx, found.how, text, text.rstrip()[-1:].isalnum())
    if ctx.midsentence and not ctx.headline and not ends_sentence and _title_case(words):
        return QuoteKind.TITLE
    if len(words) <= pt.TERM_MAX_WORDS and not ends_sentence:
        spoken = found.how == "sentence" and found.near and found.who is not None
        return QuoteKind.FRAGMENT if spoken and not ctx.label else QuoteKind.TERM
    if first.islower() or (ctx.midsentence and not ends_sentence):
        return QuoteKind.FRAGMENT
    if ends_sentence or len(words) >= pt.STATEMENT_MIN_WORDS:
        return QuoteKind.STATEMENT
    return QuoteKind.FRAGMENT


def _attached_kind(ctx: _Context, how: str, text: str, open_ended: bool) -> QuoteKind:
    """Kind of a quotation attached to its attribution: a statement unless woven into the sentence."""
    first = next((c for c in text if c.isalpha()), "")
    if how == "apposition":
        introduced = ctx.left.rstrip().endswith(":") and first.isupper()
        return QuoteKind.STATEMENT if introduced else QuoteKind.FRAGMENT
    if how == "left" and ((ctx.continues and open_ended) or _predicate_piece(text)):
        return QuoteKind.FRAGMENT
    if how in ("right", "continued") and first.islower() and ctx.midsentence:
        return QuoteKind.FRAGMENT
    return QuoteKind.STATEMENT


def _predicate_piece(text: str) -> bool:
    """Tell whether a quotation is a predicate without its subject (``“will not resign”``), not a clause."""
    words = text.split()
    if not words or not words[0][:1].islower():
        return False
    core = text.rstrip("".join(_MARK_CHARS) + " ,;:")
    return core[-1:] not in pt.SENTENCE_END and words[0].strip(pt.TOKEN_EDGE).lower() in pt.PREDICATE_OPENERS


def _normal(text: str) -> str:
    """Return text folded for comparison: lower case, single spaces, no edge punctuation."""
    return " ".join(text.lower().split()).strip(pt.TOKEN_EDGE + " ")


def _is_headline(text: str, title: str) -> bool:
    """Tell whether a quotation repeats the article's headline."""
    if len(text) > 4 * len(title) + 20 or len(title.split()) < 3:
        return False
    quote, head = _normal(text), _normal(title)
    if not quote or not head:
        return False
    shorter = quote if len(quote) < len(head) else head
    return quote == head or (len(shorter.split()) >= 5 and (head.startswith(quote) or quote.startswith(head)))


def _title_cue(left: str, words: list[str]) -> bool:
    """Tell whether a cue word (``landmark``, ``dubbed``, ``known as``) introduces the quotation."""
    if len(words) > pt.TITLE_MAX_WORDS:
        return False
    tail = left.rstrip().lower()
    if tail.endswith(pt.TITLE_CUE_PHRASES):
        return True
    before = [w.strip(pt.TOKEN_EDGE).lower() for w in tail.split()[-pt.TITLE_CUE_WINDOW :]]
    return any(w in pt.TITLE_CUES for w in before)


def _title_case(words: list[str]) -> bool:
    """Tell whether a short phrase is written in Title Case (``Hands of Victory``)."""
    if not 2 <= len(words) <= pt.TITLE_MAX_WORDS:
        return False
    cleaned = [w.strip(pt.TOKEN_EDGE) for w in words]
    significant = [w for w in cleaned if w and w.lower() not in pt.MINOR_TITLE_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _build_quotes(
    article: Article, item: _Found, ctx: _Context, carry: _Who | None, mentions: _Mentions
) -> tuple[list[Quote], _Who | None]:
    """Make the Quotes of one quotation (one per paragraph piece); return them with the speaker."""
    quote_text = article.text[item.start : item.end]
    found = _Attribution(None, "") if item.nested else _attribute(ctx, quote_text, carry, mentions)
    who, relay = _speaker(found, item.start, _anchor(found, ctx, item), mentions)
    quotes = []
    for start, end in item.pieces:
        piece = article.text[start:end]
        kind = _kind(article, piece, ctx, item.nested, found)
        speaks = kind in (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)
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
            )
        )
    return quotes, who


def _anchor(found: _Attribution, ctx: _Context, item: _Found) -> int:
    """Return where a pronoun speaker is written: in the clause before the quote, or (after it) the opening mark."""
    if found.who is None or found.who.kind != "pronoun" or found.how not in ("left", "sentence"):
        return item.open
    word = re.escape(found.who.text)
    hit = _last(re.finditer(rf"(?<![\w’'-]){word}(?![\w’'-])", ctx.left))
    return ctx.left_start + hit.start() if hit is not None else item.open


def _speaker(found: _Attribution, pos: int, anchor: int, mentions: _Mentions) -> tuple[_Who | None, str | None]:
    """Resolve an attribution to the speaker as written and who relayed the words; remember the speaker."""
    if found.who is None:
        return None, None
    who = _resolve(found.who, pos, mentions, anchor)
    if who is not None and who.kind in _CONCRETE:
        mentions.add(pos, who)
    if who is not None and who.kind not in _NOMINAL:
        who = None
    return (_spoken_for(who) if who is not None else None), _relay_name(found.who.reported_by, pos, mentions)


def _spoken_for(who: _Who) -> _Who:
    """Return whom a spokesperson or an office speaks for (``a spokeswoman for Y``, ``Y's office``): Y."""
    if who.kind not in ("description", "org", "generic"):
        return who
    text = who.text.strip()
    for pattern in (pt.SPEAKS_FOR, pt.OWNER_POSSESSIVE, pt.OWNER_BEFORE):
        match = pattern.match(text)
        owner = _owner(match.group("who"), pattern is pt.OWNER_BEFORE) if match else None
        if match and owner is not None:
            role = " ".join(match.group("role").split())
            return replace(owner, role=role, issuer=who.issuer, reported_by=who.reported_by)
    return who


def _owner(phrase: str, proper: bool) -> _Who | None:
    """Classify the owner of a spokesperson or an office: a named person or an organisation."""
    owner = _classify_part(phrase)
    if owner is None or owner.kind not in ("name", "org"):
        return None
    words = [w.strip(pt.TOKEN_EDGE) for w in phrase.split()]
    if proper and not (words[0][:1].isupper() and not all(_demonym(w) for w in words)):
        return None
    return owner


def _demonym(word: str) -> bool:
    """Tell whether a word is a nationality adjective or a title word (``Borovian``, ``Iraqi``, ``Senior``)."""
    low = word.lower().rstrip(".")
    return low in pt.DEMONYMS or low.endswith(pt.DEMONYM_SUFFIXES) or _is_title_token(low)


def _relay_name(relay: str | None, pos: int, mentions: _Mentions) -> str | None:
    """Return who relayed the words, with ``he`` resolved to the person it refers to."""
    if not relay:
        return None
    who = _classify_part(relay)
    if who is not None and who.kind in ("pronoun", "generic"):
        resolved = _resolve(who, pos, mentions)
        return resolved.text if resolved is not None and resolved.kind in _CONCRETE else None
    return relay
