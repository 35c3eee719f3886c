"""Property tests for digest.quotes: any text, no crash, offsets always point at the text they claim."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.models import Article, QuoteKind, Span
from digest.quotes import body_spans, extract_quotes

from .test_quotes import make_article

MARKS = "\"'“”‘’«»„‚‹›"
PIECES = [
    *MARKS,
    " ",
    " ",
    "\n",
    "\n\n",
    "\x00",
    "\t",
    "\u00a0",
    ".",
    ",",
    ":",
    ";",
    "—",
    "-",
    "?",
    "’s",
    "'s",
    "n’t",
    "Ma’an",
    "al-Araji",
    "Al Arayi",
    "He",
    "he",
    "she",
    "it",
    "they",
    "the official",
    "The statement",
    "the statement",
    "said",
    "added",
    "told",
    "the agency",
    "according to",
    "cited",
    "as saying",
    "quoted by",
    "was",
    "that",
    "noting",
    "pointed out",
    "went on",
    "in its statement",
    "issued by",
    "A statement",
    "the joint operations",
    "coalition forces",
    "Major General",
    "Tahsin al-Khafaji",
    "Khafaji",
    "National Security Adviser",
    "Qasim",
    "Iraq’s national security advisor",
    "the spokesman for the Joint Operations Command",
    "which",
    "who",
    "so-called",
    "landmark",
    "Hands of Victory",
    "advisory",
    "role",
    "We will leave",
    "U.S.",
    "Gen.",
    "a",
    "x",
    "Z",
    "9",
    "é",
    "ß",
    "ا",
]

texts = st.lists(st.sampled_from(PIECES), max_size=120).map("".join) | st.text(max_size=300)


def lines_as_body(text: str) -> tuple[Span, ...]:
    """Return one span per non-empty line, stripped of surrounding whitespace."""
    return make_article(text).body


def check(article: Article) -> None:
    """Extract quotes and check every invariant the rest of the pipeline relies on."""
    quotes = extract_quotes(article)
    spans = body_spans(article)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert len({q.id for q in quotes}) == len(quotes)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(article.text)
        assert quote.text == article.text[quote.start : quote.end]
        assert quote.text == quote.text.strip()
        assert any(s.start <= quote.start and quote.end <= s.end for s in spans)
        assert quote.source == article.id
        assert isinstance(quote.kind, QuoteKind)
        for written in (quote.speaker_as_written, quote.speaker_role, quote.reported_by):
            assert written is None or (written and written in article.text)
        if quote.kind in (QuoteKind.TERM, QuoteKind.TITLE):
            assert quote.speaker_as_written is None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_with_line_paragraphs(text: str) -> None:
    check(Article(id="a", path="a.txt", text=text, body=lines_as_body(text), title=text[:40]))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_text_as_one_paragraph(text: str) -> None:
    check(Article(id="a", path="a.txt", text=text, body=(Span(0, len(text)),), title=""))


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(-20, 400), st.integers(-20, 400)), max_size=8))
def test_any_body_spans(text: str, raw: list[tuple[int, int]]) -> None:
    body = tuple(Span(a, b) for a, b in raw)
    check(Article(id="a", path="a.txt", text=text, body=body, title="t"))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_extraction_is_deterministic(text: str) -> None:
    article = Article(id="a", path="a.txt", text=text, body=lines_as_body(text), title="t")
    assert extract_quotes(article) == extract_quotes(article)


# ---------------------------------------------------------------- linear time


def timed(build: Callable[[int], str], size: int) -> float:
    """Return the best of two runs of extraction on one paragraph built at ``size``."""
    text = build(size)
    article = Article(id="a", path="a.txt", text=text, body=(Span(0, len(text)),), title="t")
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        extract_quotes(article)
        best = min(best, time.perf_counter() - start)
    return best


def random_marks(count: int) -> str:
    """Return ``count`` quotation marks in random order, with words and spaces between some."""
    rng = random.Random(7)
    return "".join(rng.choice(MARKS) + rng.choice(["", " ", "a", "said ", "al-Araji "]) for _ in range(count))


MARK_CASES: dict[str, Callable[[int], str]] = {
    "random": random_marks,
    "straight": lambda n: '"' * n,
    "openers": lambda n: "“a " * n,
    "closers": lambda n: "a” " * n,
    "singles": lambda n: "‘a " * (n // 2) + "’ " * (n // 2),
    "nesting": lambda n: "“‘«„" * (n // 8) + "“”’»" * (n // 8),
}


def assert_linear(build: Callable[[int], str], small: int, limit: float) -> None:
    """Check that four times the input costs less than eight times the time, within ``limit`` seconds."""
    base = max(timed(build, small), 1e-3)
    large = timed(build, small * 4)
    assert large < limit
    assert large / base < 8, f"{large:.3f}s for 4x against {base:.3f}s"


def test_unbalanced_quote_marks_take_linear_time() -> None:
    for name, build in MARK_CASES.items():
        try:
            assert_linear(build, 5_000, limit=10.0)
        except AssertionError as exc:
            raise AssertionError(f"{name}: {exc}") from exc


def test_two_megabyte_single_line_takes_linear_time() -> None:
    unit = (
        "Khafaji said, in a tweet, “We will leave,” noting that “the rest will stay.” The official added: "
        '"No." He said the "advisory" role ended, according to the ministry. '
    )

    def build(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    assert_linear(build, 500_000, limit=60.0)


def test_two_megabyte_line_without_quotes_is_fast() -> None:
    def build(size: int) -> str:
        return ("said Major General al-Araji, the spokesman, that " * (size // 50 + 1))[:size]

    assert_linear(build, 500_000, limit=20.0)
