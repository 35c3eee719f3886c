"""Line roles: which non-empty lines of an article are title, metadata, page furniture or body."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from digest.text.marks import DOUBLE_MARKS, SINGLE_MARKS

from ..models import Span
from ..text.concepts import concepts
from . import rules as bp

HEADER_LINES = 10
"""How many non-empty lines from the top count as the header (title, date line, credits)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of an article, stripped, with its role."""

    span: Span
    text: str
    role: str
    """``title``, ``meta``, ``furniture`` or ``body``."""


def split_lines(text: str) -> list[tuple[Span, str]]:
    """Return every non-empty line as (span of its stripped text, stripped text)."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            lines.append((Span(start, start + len(stripped)), stripped))
    return lines


def classify(text: str, skip: int = 0) -> tuple[Line, ...]:
    """Give every non-empty line of ``text`` after offset ``skip`` a role."""
    raw = [piece for span, line in split_lines(text) if span.start >= skip for piece in _unstamped(span, line)]
    foreign = _foreign_script_test(text)
    chosen = _title_index(raw, foreign)
    lines: list[Line] = []
    title: str | None = None
    ended = False
    for index, (span, line) in enumerate(raw):
        role = "furniture" if ended else _role(line, index, title, foreign)
        if role == "end":
            ended, role = True, "furniture"
        if index == chosen and role == "body":
            role, title = "title", line
        elif role == "body" and chosen is not None and index < chosen and _headline_like(line):
            role = "furniture"  # a headline-like line above the title: a promotion, a section or site name
        lines.append(Line(span, line, role))
    return _drop_teasers(tuple(lines))


TITLE_MIN_SHARED = 2
"""Content words a headline shares with the text below it to stand for the article over a line above it."""
TITLE_ANY_SHARED = 1
"""Content words any title shares with the text below it: a line sharing none is a widget or a site's name."""


def _title_index(raw: list[tuple[Span, str]], foreign: Any) -> int | None:
    """Which header line is the article's title, if any.

    The title is a headline-like line among the first ``HEADER_LINES`` that shares a
    content word with the text below it (``TITLE_ANY_SHARED``): the first such line,
    unless it shares fewer than ``TITLE_MIN_SHARED`` and a later one shares more (then the
    one sharing most, the earliest on a tie). A promotion, a widget or a site's name above
    the headline ("Get 40% Off", "Advertisement Hide Ad", "The Day") shares nothing with the
    article. A headline-like line further down is a subheading, or where a saved excerpt
    was cut, never the title; an article with no headline in its header is titled by its
    first sentence (``articles.lead_title``).
    """

    def shared(index: int) -> int:
        below = " ".join(line for _, line in raw[index + 1 : index + 13])
        return len(set(concepts(raw[index][1])) & set(concepts(below)))

    candidates = [
        (index, count)
        for index, (_, line) in enumerate(raw[:HEADER_LINES])
        if _headline_like(line) and _role(line, index, None, foreign) == "body"
        if (count := shared(index)) >= TITLE_ANY_SHARED or len(raw) == 1
    ]
    if not candidates:
        return None
    first, count = candidates[0]
    if count >= TITLE_MIN_SHARED:
        return first
    best, most = max(candidates, key=lambda c: (c[1], -c[0]))
    return best if most >= TITLE_MIN_SHARED else first


def _unstamped(span: Span, line: str) -> list[tuple[Span, str]]:
    """Split a date stamp off the paragraph it is glued to, so that the paragraph stays body text."""
    stamp = bp.STAMPED_PARAGRAPH.match(line)
    rest = line[stamp.end() :] if stamp else ""
    if stamp is None or len(rest.split()) < bp.MIN_BODY_WORDS:
        return [(span, line)]
    cut = span.start + stamp.end()
    return [
        (Span(span.start, span.start + len(stamp.group("stamp"))), stamp.group("stamp")),
        (Span(cut, span.end), rest),
    ]


def _role(line: str, index: int, title: str | None, foreign: Any) -> str:
    """Return the role of one line (``end`` when the article stops here)."""
    if bp.END_OF_ARTICLE.search(line):
        return "end"
    if title is not None and line == title:
        return "meta"
    if bp.DATE_CUE.search(line) or bp.BYLINE.match(line):
        return "meta"
    if bp.WIDGET_LINE.match(line) or bp.TEASER_LINE.match(line) or _caption(line) or foreign(line):
        return "furniture"
    if bp.NAVIGATION_LINE.match(line) and not bp.SENTENCE_END.search(line):
        return "furniture"
    if index < HEADER_LINES and (bp.GLUED_WORDS.search(line) or _date_line(line)):
        return "meta"
    if title is None and _headline_like(line):
        return "body"
    if len(line.split()) < bp.MIN_BODY_WORDS and not bp.SENTENCE_END.search(line):
        return "furniture"
    return "body"


CAPTION_WORDS = ("©", "photo", "image", "picture", "video", "credit", "getty images", "reuters/", "epa-efe")
"""Words one of which every caption pattern (``rules.CAPTION_LINE``) needs, in lower case."""
DOTTED_DIGITS = re.compile(r"\d\.\d")
"""What the one caption pattern without such a word needs: the ``09.12.2021`` of ``- Outlet, 1920, 09.12.2021``."""
CASE_TWINS = "İıſK"
"""The characters besides A-Z that match a letter a-z when case is ignored (``İ``, ``ı`` and ``i``; ``ſ`` and ``s``)."""


def _caption(line: str) -> bool:
    """A photo credit or caption (``rules.CAPTION_LINE``).

    The pattern tries each of its branches at every position of the line, which is slow on
    long paragraphs; a line without any of the words its branches need (or dotted digits)
    is no caption, and is told without it.
    """
    lowered = line.lower()
    if any(word in lowered for word in CAPTION_WORDS) or DOTTED_DIGITS.search(line):
        return bp.CAPTION_LINE.search(line) is not None
    return any(twin in line for twin in CASE_TWINS) and bp.CAPTION_LINE.search(line) is not None


def _date_line(line: str) -> bool:
    """A short unpunctuated header line that carries a date (a dateline or date stamp)."""
    short = len(line.split()) <= bp.DATE_LINE_MAX_WORDS and not bp.SENTENCE_END.search(line)
    return short and bool(bp.DATE_LIKE.search(line))


QUOTE_CLOSERS = "".join(sorted(DOUBLE_MARKS | SINGLE_MARKS))
"""Marks stripped from a line's end before telling whether it ends like a sentence."""


def _headline_like(line: str) -> bool:
    """A line that can be the article's title: not a sentence, even one ending in a quotation (``... said, “...”``),
    nor a label that introduces what follows (``Chandrayaan-3 Mission:``).
    """
    words = line.split()
    core = line.rstrip().rstrip(QUOTE_CLOSERS)
    return 2 <= len(words) <= 30 and not core.endswith((".", ",", ";", ":"))


def _drop_teasers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Mark headline-like body lines between captions or paragraphs as related-article teasers."""
    out = list(lines)
    for i in range(1, len(out)):
        if _after_caption(out[i], out[i - 1]) or _between_paragraphs(out, i):
            out[i] = Line(out[i].span, out[i].text, "furniture")
    return tuple(out)


def _after_caption(line: Line, prev: Line) -> bool:
    """A short headline right after a caption or another teaser."""
    if line.role != "body" or prev.role != "furniture" or not _teaser_like(line.text):
        return False
    return _caption(prev.text) or _teaser_like(prev.text)


def _between_paragraphs(lines: list[Line], i: int) -> bool:
    """A title-case line inside the body (not the standfirst under the title)."""
    if i + 1 >= len(lines) or lines[i].role != "body" or not _title_case(lines[i].text):
        return False
    return lines[i + 1].role == "body" and lines[i - 1].role != "title"


def _teaser_like(line: str) -> bool:
    """A short, unpunctuated, headline-shaped line."""
    words = line.split()
    return len(words) <= bp.TEASER_MAX_WORDS and not bp.SENTENCE_END.search(line.rstrip("’'\""))


WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _title_case(line: str) -> bool:
    """Most words capitalised and no sentence ending: a headline, not a paragraph."""
    if not _teaser_like(line):
        return False
    words = [w for w in WORD.findall(line) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _foreign_script_test(text: str) -> Any:
    """Return a predicate telling lines in another script than the article's."""
    if _latin_share(text) < 0.8:
        return lambda line: False
    return lambda line: _latin_share(line) < bp.LATIN_SHARE_FOR_FOREIGN_LINE


NON_ASCII_WORD_CHARACTER = re.compile(r"[^\x00-\x7f\W\d_]")
"""Any letter outside ASCII (and a few other word characters): a text without one is all Latin."""


def _latin_share(text: str) -> float:
    """Share of letters in ``text`` that are Latin.

    Counted per distinct character: a line whose letters are all Latin (most lines: their
    other characters are quotation marks and dashes) is told at once, and each character's
    name is looked up once.
    """
    text = text[:20000]
    if not NON_ASCII_WORD_CHARACTER.search(text) or all(_latin_letter(c) for c in set(text) if c.isalpha()):
        return 1.0
    letters = latin = 0
    for c, n in Counter(text).items():
        if c.isalpha():
            letters += n
            latin += n if _latin_letter(c) else 0
    return latin / letters if letters else 1.0


@cache
def _latin_letter(c: str) -> bool:
    """A letter of the Latin script (ASCII or named ``LATIN ...``)."""
    return c.isascii() or "LATIN" in unicodedata.name(c, "")
