"""Pairing quotation marks within a paragraph: one stack, one pass, nested and unclosed quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from digest.text.marks import (
    CLOSING_MARKS,
    CLOSING_PUNCTUATION,
    DOUBLE_MARKS,
    LOW_OPENERS,
    MARKUP_TAG,
    MAX_NESTING,
    OPEN_ONLY_MARKS,
    OPENING_MARKS,
    QUOTE_MARK,
    SINGLE_MARKS,
    STRAIGHT_MARKS,
    WORD_CHAR,
)

from ..models import Span

_SPACE, _WORD, _PUNCT = "S", "W", "P"
_OPEN, _CLOSE, _IGNORE = "open", "close", ""
MARK_CHARS = DOUBLE_MARKS | SINGLE_MARKS
ELIDED_YEAR = re.compile(r"\d\d(?:s)?(?!\w)")
"""Two digits after a single mark: a decade or a year cut short (``the '90s``, ``the ’16 race``), no quotation."""


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
class Found:
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


def find_quotations(text: str, paras: tuple[Span, ...]) -> list[Found]:
    """Pair the marks of every body paragraph and return the non-empty quotations, sorted."""
    pairs: list[_Pair] = []
    carried: _Opener | None = None
    for index in range(len(paras)):
        carried = _pair_paragraph(text, paras, index, carried, pairs)
    located = [(pieces, pair) for pair in pairs if (pieces := _pieces(text, paras, pair))]
    located.sort(key=lambda item: (item[0][0][0], -item[0][-1][1]))
    found: list[Found] = []
    outer_end = -1
    for pieces, pair in located:
        start, end = pieces[0][0], pieces[-1][1]
        nested = start < outer_end
        found.append(Found(start, end, pair.open, pair.close, pair.first_para, pair.last_para, nested, pieces))
        outer_end = max(outer_end, pair.close if pair.close >= 0 else pair.end)
    return _collapse_doubled(found)


def _collapse_doubled(found: list[Found]) -> list[Found]:
    """Read a quotation whose marks are doubled (``''words''``, as some wires write them) as one quotation.

    The outer pair then holds nothing but the inner one, mark against mark: the quotation is
    the inner one's words between the outer marks (so that the words around it are read past
    both marks), no longer nested.
    """
    out: list[Found] = []
    for item in found:
        outer = out[-1] if out else None
        if (
            outer is not None
            and item.nested
            and item.open == outer.start
            and item.close >= 0
            and outer.end == item.close + 1
        ):
            nested = len(out) > 1 and any(o.start <= item.start and item.end <= o.end for o in out[:-1])
            out[-1] = replace(item, open=outer.open, close=outer.close, nested=nested)
            continue
        out.append(item)
    return out


def _pieces(text: str, paras: tuple[Span, ...], pair: _Pair) -> tuple[tuple[int, int], ...]:
    """Split a quotation into one trimmed span per paragraph, dropping pieces without a word."""
    starts = (pair.open, *pair.reopens)
    needed = 1 if text[pair.open] in DOUBLE_MARKS else 2
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
        match = WORD_CHAR.search(text, pos, end)
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
    tags = _markup_tags(text, span)
    for match in QUOTE_MARK.finditer(text, span.start, span.end):
        pos = match.start()
        if pos != skip and not (tags and any(a < pos < b for a, b in tags)):
            _step(text, span, index, pos, stack, tops, pairs)
    return _leftovers(paras, index, stack, pairs, text)


def _markup_tags(text: str, span: Span) -> list[tuple[int, int]]:
    """Return the spans of the markup tags in a paragraph (``<tweet author="@X">``), whose marks are skipped."""
    if text.find("<", span.start, span.end) < 0:
        return []
    return [m.span() for m in MARKUP_TAG.finditer(text, span.start, span.end)]


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
    family = "d" if char in DOUBLE_MARKS else "s"
    own = tops[family]
    prev = text[pos - 1] if pos > span.start else ""
    nxt = text[pos + 1] if pos + 1 < span.end else ""
    action = _mark_action(char, prev, nxt, own[-1].char if own else "")
    if family == "s" and not prev.isalnum() and ELIDED_YEAR.match(text, pos + 1, span.end):
        return
    if action == _OPEN and len(stack) < MAX_NESTING:
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
    """Carry the outermost open quotation into a reopening paragraph, or end it here.

    An unclosed double mark ends at its paragraph's end; so does an unclosed single one that
    reopened paragraphs before (``'Words.`` / ``'More words.`` with the last closing mark cut off):
    the run-on tells it is a quotation, not an apostrophe.
    """
    following = paras[index + 1] if index + 1 < len(paras) else None
    for family in ("d", "s"):
        bottom = next((o for o in stack if o.family == family), None)
        if bottom is not None and following is not None and _reopens(text, following, family):
            return bottom
    bottom = next((o for o in stack if o.family == "d" or o.reopens), None)
    if bottom is not None:
        pairs.append(_Pair(bottom.pos, -1, paras[index].end, bottom.para, index, tuple(bottom.reopens)))
    return None


def _reopens(text: str, span: Span, family: str) -> bool:
    """Tell whether a paragraph starts with an opening mark of ``family`` (the run-on convention)."""
    first = text[span.start] if span.start < span.end else ""
    if first not in MARK_CHARS or (first in DOUBLE_MARKS) != (family == "d"):
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
    if char in STRAIGHT_MARKS:
        return _straight_action(prev, can_open, can_close, bool(open_char))
    if char in OPEN_ONLY_MARKS:
        return _OPEN if can_open or (char in DOUBLE_MARKS and before != _WORD) else _IGNORE
    if char in OPENING_MARKS:
        return _opening_action(char, can_open, can_close, open_char)
    if char in CLOSING_MARKS:
        return _closing_action(char, before, after, bool(open_char))
    return _IGNORE


def _straight_action(prev: str, can_open: bool, can_close: bool, has_open: bool) -> str:
    """Resolve a straight mark: flanks first, then whether a quotation is open."""
    if can_open and can_close:
        return _CLOSE if has_open else _OPEN
    if can_open:
        return _CLOSE if has_open and prev in CLOSING_PUNCTUATION else _OPEN
    if can_close:
        return _CLOSE if has_open else _IGNORE
    return _IGNORE


def _opening_action(char: str, can_open: bool, can_close: bool, open_char: str) -> str:
    """Resolve a mark that usually opens (``“ ‘ « ‹``); ``“`` also closes a German ``„``."""
    if can_close and not can_open:
        return _CLOSE if open_char else _IGNORE
    if can_open and can_close:
        return _CLOSE if open_char in LOW_OPENERS else _OPEN
    if can_open:
        return _OPEN
    return _IGNORE if char == "‘" else _OPEN


def _closing_action(char: str, before: str, after: str, has_open: bool) -> str:
    """Resolve a mark that usually closes (``” ’ » ›``); between letters ``’`` is an apostrophe."""
    if before == _WORD and after == _WORD:
        return _CLOSE if has_open and char in DOUBLE_MARKS else _IGNORE
    if after == _WORD:
        return _OPEN if before == _SPACE or not has_open else _CLOSE
    return _CLOSE if has_open else _IGNORE
