"""Publication dates: read from the article's own evidence, each with its origin, never from the clock."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest.models import DateOrigin
from digest.read import read_article, read_corpus

BODY = "The union said the strike at the port would last a week, and the employers said talks would resume.\n"


def read(tmp_path: Path, text: str, meta: dict[str, str] | None = None):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path, "a", "a.txt", meta or {})


def test_a_scrape_time_line_is_not_the_publication_date(tmp_path: Path) -> None:
    article = read(
        tmp_path, f"Saved on Thursday, February 22, 2024\nDockers walk out\nPublished 9 December 2021\n\n{BODY}"
    )
    assert article.published is not None
    assert (article.published.iso(), article.published.origin) == ("2021-12-09", DateOrigin.HEADER)
    accessed = read(tmp_path, f"Dockers walk out\nAccessed 22 February 2024\n\n{BODY}")
    assert accessed.published is None


def test_a_bare_header_date_later_than_everything_the_text_mentions_is_the_day_it_was_saved(tmp_path: Path) -> None:
    text = (
        f"Thursday, February 22, 2024\nDockers walk out\n\nThe 2021 strike, the first since 2019, began at dawn. {BODY}"
    )
    assert read(tmp_path, text).published is None
    from_address = read(tmp_path, text, {"url": "https://news.example/2021/12/09/dockers-walk-out"})
    assert from_address.published is not None
    assert (from_address.published.iso(), from_address.published.origin) == ("2021-12-09", DateOrigin.URL)
    # The same bare line above an article of its own year is its date.
    recent = read(tmp_path, f"Thursday, February 22, 2024\nDockers walk out\n\nThe 2024 strike began at dawn. {BODY}")
    assert recent.published is not None and recent.published.iso() == "2024-02-22"


def test_the_earliest_of_two_bare_header_dates_wins(tmp_path: Path) -> None:
    article = read(tmp_path, f"Dockers walk out\n9 December 2021\n11 December 2021\n\n{BODY}")
    assert article.published is not None and article.published.iso() == "2021-12-09"


def test_a_dateline_dates_the_article(tmp_path: Path) -> None:
    lead = "KELL, May 16, 2023 (Lakeside Press Agency) - The mayor said the dam would hold, and crews worked overnight."
    article = read(tmp_path, f"Dam holds\nPhoto: crews worked yesterday\n\n{lead}\n")
    assert article.published is not None
    assert (article.published.iso(), article.published.origin) == ("2023-05-16", DateOrigin.DATELINE)


def test_a_dateline_without_a_year_takes_it_from_the_article_never_from_the_clock(tmp_path: Path) -> None:
    lead = "KELL, May 16 (Lakeside Press Agency) - The mayor said the dam would hold, and crews worked overnight."
    text = f"Dam holds\nPhoto: crews worked yesterday\n\n{lead}\n"
    assert read(tmp_path, text).published is None
    # The address gives the year (and a later day, as when a story is filed after midnight): the dateline wins.
    article = read(tmp_path, text, {"url": "https://lakeside.example/2023/05/17/dam-holds"})
    assert article.published is not None
    assert (article.published.iso(), article.published.origin) == ("2023-05-16", DateOrigin.DATELINE)


@pytest.mark.parametrize(
    "lead",
    [
        "LONDON, Oct. 20, 2022 (Reuters) - Britain's prime minister resigned on Thursday, her office said.",
        "BAGHDAD, 9 December 2021 (AFP) — Iraq said the coalition's combat mission had ended.",
        "WASHINGTON, Dec 9, 2021 / The Pentagon said troops would stay in an advisory role.",
    ],
)
def test_common_dateline_forms(tmp_path: Path, lead: str) -> None:
    article = read(tmp_path, f"Headline of the story\n\n{lead}\n")
    assert article.published is not None and article.published.origin is DateOrigin.DATELINE


def test_relative_words_in_a_caption_never_date_an_article(tmp_path: Path) -> None:
    article = read(
        tmp_path, f"Dockers walk out\nPhoto: workers left the quays yesterday\nUpdated 3 hours ago\n\n{BODY}"
    )
    assert article.published is None


def test_a_date_after_today_is_never_kept(tmp_path: Path) -> None:
    future = (datetime.now(UTC) + timedelta(days=40)).strftime("%d %B %Y")
    assert read(tmp_path, f"Dockers walk out\nPublished {future}\n\n{BODY}").published is None


def test_a_manifest_date_the_reader_cannot_use_leaves_the_article_in_the_corpus(tmp_path: Path, caplog) -> None:
    (tmp_path / "a.txt").write_text(f"Dockers walk out\nPublished 9 December 2021\n\n{BODY}", encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  published: 2021-12\n", encoding="utf-8")
    articles, problems = read_corpus(tmp_path)
    assert problems == () or not problems
    (article,) = articles
    assert article.published is not None and article.published.origin is DateOrigin.HEADER
    assert "a.txt" in caplog.text and "2021-12" in caplog.text


def estimated_corpus(folder: Path) -> Path:
    """Two outlets carry one statement; the second gives no date but says "on Thursday"."""
    folder.mkdir()
    statement = "We will keep every job at the port and the strike is over for good"
    (folder / "dated.txt").write_text(
        "Port strike is over\n\nThe union leader Piet de Vries spoke outside the port gates on Friday. "
        f'"{statement}," de Vries said after the talks with the employers ended.\n',
        encoding="utf-8",
    )
    (folder / "undated.txt").write_text(
        "Dock strike ends after talks\n\nThe union leader Piet de Vries spoke on Thursday after talks with the "
        f'employers at the port gates. "{statement}, and we thank the city," de Vries said.\n',
        encoding="utf-8",
    )
    (folder / "sources.yml").write_text(
        "dated.txt:\n  outlet: Harbour Times\n  published: 2021-12-10\nundated.txt:\n  outlet: Port Notes\n",
        encoding="utf-8",
    )
    return folder


def test_an_estimated_date_is_marked_and_never_first_reported(tmp_path: Path) -> None:
    from digest.export import to_dict
    from digest.pipeline import analyse
    from digest.publish.render import Renderer
    from digest.settings import Settings

    digest = analyse(estimated_corpus(tmp_path / "articles"))
    undated = next(a for a in digest.articles if a.id == "undated")
    assert undated.published is not None and undated.published.estimated
    assert undated.published.iso() == "2021-12-09"
    exported = to_dict(digest)
    source = next(s for s in exported["sources"] if s["id"] == "undated")
    assert (source["published_origin"], source["published_inferred"]) == ("estimate", True)
    (cluster,) = [c for c in exported["clusters"] if len(c["quotes"]) == 2]
    assert cluster["first_reported"] == "2021-12-10"
    pages = Renderer(digest, Settings()).pages()
    (storyline,) = [text for path, text in pages.items() if path.startswith("storylines/") and path.count("/") == 2]
    assert "2021&#45;12&#45;09 &#40;estimated&#41;" in storyline
    assert "first reported 2021&#45;12&#45;10" in storyline
    assert "first reported 2021&#45;12&#45;09" not in storyline
    source_page = pages["sources/undated/index.md"]
    assert "estimate from the storyline" in source_page


def test_every_exported_date_says_where_it_came_from_and_none_is_in_the_future(tmp_path: Path) -> None:
    from digest.export import to_dict
    from digest.pipeline import analyse

    real = Path(__file__).parent / "eval" / "real" / "courts-chauvin-sentencing"
    exported = to_dict(analyse(real))
    today = datetime.now(UTC).date().isoformat()
    dated = [s for s in exported["sources"] if s["published"]]
    assert dated
    for source in exported["sources"]:
        assert (source["published"] is None) == (source["published_origin"] is None), source["id"]
        assert source["published"] is None or source["published"][:10] <= today
    json.dumps(exported)


def test_no_date_is_earlier_than_the_articles_own_dateline(tmp_path: Path) -> None:
    lead = "KELL, May 16, 2023 (Lakeside Press Agency) - The mayor said the dam would hold, and crews worked overnight."
    # A site's date line shows the day its live page was opened; the dateline says when this report was filed.
    article = read(tmp_path, f"Dam holds\nPublished 2 May 2023\n\n{lead}\n")
    assert article.published is not None
    assert (article.published.iso(), article.published.origin) == ("2023-05-16", DateOrigin.DATELINE)
    # A later header date (the report published the day after it was filed) is kept.
    later = read(tmp_path, f"Dam holds\nPublished 17 May 2023 10:00\n\n{lead}\n")
    assert later.published is not None
    assert (later.published.iso(), later.published.origin) == ("2023-05-17T10:00", DateOrigin.HEADER)


def _dateparser_alone(line: str, order: str) -> list[datetime]:
    """What dateparser finds in ``line`` when asked directly, without the pre-filter in front of it."""
    from dateparser.search import search_dates

    settings = {
        "DATE_ORDER": order,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    found = search_dates(line, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    return [value for _, value in found if 1900 < value.year < 2100]


@pytest.mark.parametrize(
    "line",
    [
        "a December ten",  # "a" → 1, "ten" → 10: 2010-12-01 without a digit
        "eleven December twelve",
        "in five ten eleven",
        "Twélve twelve twelve",  # dateparser drops accents before reading words
        "On a Monday in a December, at noon",
        "Dockers walk out as talks fail",
        "Published on the first of December",
        "9 December 2021",
        "Posted: 2021-12-09 at 03:50",
        "１２/０９/２０２１",  # full-width digits
    ],
)
def test_the_year_pre_filter_never_hides_a_date_dateparser_finds(line: str) -> None:
    from digest.read.dates import _may_hold_year, _prepare

    prepared = _prepare(line)
    for order in ("DMY", "MDY", "YMD"):
        if _dateparser_alone(prepared, order):
            assert _may_hold_year(prepared), (line, order)


def test_lines_without_digits_or_number_words_are_not_given_to_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser.search

    from digest.read import dates_in

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser was asked")

    monkeypatch.setattr(dateparser.search, "search_dates", refuse)
    assert dates_in("Dockers walk out as talks fail on a Monday in December") == []
