"""Property tests of the reader: any bytes, any text, no crash, spans inside the text."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.read import SourceError, article_from_text, classify, decode

PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        " ",
        "“",
        "”",
        '"',
        "'",
        "«",
        "»",
        "©",
        "Share",
        "Leave a Reply",
        "Published 9 December 2021",
        "Related: x",
        "The minister said",
        ".",
        "\x00",
        "<script>",
        "{{ x }}",
        "Photo: A / B",
        "2021-12-10 05:29",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=60).map("".join)


@given(st.binary(max_size=2000))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except SourceError:
        return
    assert "\r" not in text and encoding


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_lines_and_body_point_into_the_text(text: str) -> None:
    for line in classify(text):
        assert text[line.span.start : line.span.end] == line.text
        assert line.role in ("title", "meta", "furniture", "body")
    try:
        article = article_from_text("x", "x.txt", text, {})
    except SourceError:
        return
    assert article.text == text
    assert all(0 <= s.start < s.end <= len(text) for s in article.body)


def test_reading_time_grows_linearly() -> None:
    paragraph = "The minister said on Tuesday that “talks went well,” adding nothing was decided.\n\n"

    def seconds(n: int) -> float:
        started = time.perf_counter()
        article_from_text("x", "x.txt", "Title of the article\n\n" + paragraph * n, {})
        return time.perf_counter() - started

    small, large = seconds(2_000), seconds(8_000)
    assert large < 8 * max(small, 0.01), (small, large)
