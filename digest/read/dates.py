"""Publication dates, read once, each with where it came from.

Evidence is taken from the most to the least direct (``DateOrigin``): the manifest or
front matter, the saved page's own metadata, a header line that says it is the
publication date (``Published: ...``), the dateline opening the article, the article's
address, and last a bare date line in the header. A date is never read from the clock:
relative expressions ("yesterday", "3 hours ago") are not dates here, and a dateline
without a year ("KELL, May 16 (Agency) -") takes its year only from another date of the
same article. No date is earlier than the article's own dateline. Lines that say when
the page was saved, accessed or printed are not publication dates, nor is a bare header
date later than the article's own dateline or address (the day a page was saved, or an
update). No date later than today is kept.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ..models import DateOrigin, Published
from . import rules as bp
from .errors import SourceError
from .lines import HEADER_LINES, Line

log = logging.getLogger(__name__)

DateValue = date | datetime


def read_published(
    lines: Sequence[Line],
    *,
    given: Any = None,
    page: Any = None,
    url: str | None = None,
    date_order: str = "DMY",
) -> Published | None:
    """The article's publication date from the best evidence it has, or ``None``."""
    if given not in (None, ""):
        return _bounded(Published(manifest_date(given), DateOrigin.MANIFEST))
    header = [ln for ln in lines if ln.role != "body"][: HEADER_LINES * 2]
    # The lead is the first body paragraph, or the second when the first is a headline not
    # told apart as one (it shares no word with the article: ``lines._title_index``).
    leads = [ln.text for ln in lines if ln.role == "body"][:2]
    page_date = _page_date(page)
    cued = _cued_header_date(header, date_order)
    from_url = url_date(url)
    anchors = [d for d in (page_date, cued, from_url) if d is not None]
    dateline = next((date for lead in leads if (date := dateline_date(lead, anchors)) is not None), None)
    direct = [
        (page_date, DateOrigin.PAGE),
        (cued, DateOrigin.HEADER),
        (dateline, DateOrigin.DATELINE),
        (from_url, DateOrigin.URL),
    ]
    body = [ln.text for ln in lines if ln.role == "body"]
    found = next(
        (p for value, origin in direct if value is not None and (p := _bounded(Published(value, origin)))),
        None,
    ) or _bounded(_bare_header_date(header, body, date_order))
    return _not_before_dateline(found, dateline)


def _not_before_dateline(found: Published | None, dateline: DateValue | None) -> Published | None:
    """The dateline's date when the date found is earlier: a report is not published before its own dateline."""
    if dateline is None or found is None or found.origin is DateOrigin.DATELINE:
        return found
    own = _bounded(Published(dateline, DateOrigin.DATELINE))
    return own if own is not None and own.day > found.day else found


def manifest_date(value: Any) -> DateValue:
    """A manifest's or front matter's ``published`` (date, datetime or string) as a date value."""
    if isinstance(value, datetime):
        return _trimmed(value)
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return _trimmed(datetime.fromisoformat(text)) if "T" in text or ":" in text else date.fromisoformat(text)
    except ValueError:
        pass
    found = dates_in(text, "YMD" if re.match(r"\d{4}-", text) else "DMY")
    if not found:
        raise SourceError(f"published: cannot read {text[:40]!r} as a date (write it as 2021-12-09)")
    return found[0]


def dates_in(line: str, date_order: str = "DMY") -> list[DateValue]:
    """The full dates (day, month and year) written in one line, with a clock time when one follows."""
    return [_trimmed(value) for value in _search(line, date_order, ["day", "month", "year"])]


def _search(line: str, date_order: str, parts: list[str]) -> list[datetime]:
    """Absolute dates with the given parts in ``line`` (never relative ones: they would need a clock)."""
    return list(_search_prepared(_prepare(line), date_order, tuple(parts)))


NUMBER_WORDS = re.compile(
    r"\d|(?<![a-z])(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|noon|midnight)(?![a-z])"
)
"""A digit, or an English word dateparser rewrites as a number of two digits or more (``twelve`` → ``12``).

A year needs such a number: dateparser reads no year from a single digit (``a December one``,
``1 December 1`` are not dates) and none from a line without digits once it has rewritten
``a``, ``one`` ... ``nine`` as digits. A line that has neither holds no full date, so
dateparser, the slowest step of reading, is not asked.
"""


def _may_hold_year(prepared: str) -> bool:
    """Whether ``prepared`` may hold a year, read as dateparser reads it (accents dropped, lower case)."""
    if not prepared.isascii():
        from dateparser.utils import normalize_unicode

        prepared = normalize_unicode(prepared)
    return NUMBER_WORDS.search(prepared.lower()) is not None


@lru_cache(maxsize=4096)
def _search_prepared(prepared: str, date_order: str, parts: tuple[str, ...]) -> tuple[datetime, ...]:
    """:func:`_search` of a prepared line, once per line (agencies' boilerplate lines repeat)."""
    if "year" in parts and not _may_hold_year(prepared):
        return ()
    from dateparser.search import search_dates

    settings = {
        "DATE_ORDER": date_order,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": list(parts),
        "RETURN_AS_TIMEZONE_AWARE": False,
        # No relative expressions ("yesterday", "3 hours ago"): dateparser resolves them against
        # today's clock, which dated a 2021 article December 2026 from a photo caption.
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    found = search_dates(prepared, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    return tuple(_with_time(prepared, fragment, value) for fragment, value in found if 1900 < value.year < 2100)


def _prepare(line: str) -> str:
    """Unglue digits from words, drop the points of ``Dec. 9`` and ``08. February``, write ``0350 GMT`` as ``03:50``."""
    line = re.sub(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", line)
    line = re.sub(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.(?=\s*\d)", r"\1", line, flags=re.IGNORECASE)
    line = re.sub(r"\b(\d{1,2})\.(?=\s+" + bp.MONTH_NAME + ")", r"\1", line)
    return re.sub(r"\b([01]\d|2[0-3])([0-5]\d) (GMT|UTC)\b", r"\1:\2 \3", line)


def _with_time(line: str, fragment: str, value: datetime) -> datetime:
    """Add a clock time written right after a date the search found without it."""
    after = line[line.find(fragment) + len(fragment) :]
    clock = re.match(r"\s*(?:at\s+)?([01]?\d|2[0-3]):([0-5]\d)\b", after)
    if clock and value.hour == value.minute == 0:
        return value.replace(hour=int(clock.group(1)), minute=int(clock.group(2)))
    return value


def _trimmed(value: datetime) -> DateValue:
    """A date alone when no time of day is known; else the time to the minute."""
    if value.hour == value.minute == value.second == 0 and value.tzinfo is None:
        return value.date()
    return value.replace(second=0, microsecond=0)


def _page_date(value: Any) -> DateValue | None:
    """The date the HTML reader found in the page's metadata, if it reads as one."""
    if value in (None, ""):
        return None
    try:
        return manifest_date(value)
    except SourceError:
        return None


def _cued_header_date(header: Iterable[Line], date_order: str) -> DateValue | None:
    """The date of the first header line that says it is the publication date (an update date last)."""
    cued = [ln.text for ln in header if bp.DATE_CUE.search(ln.text) and not bp.SCRAPE_CUE.search(ln.text)]
    for text in sorted(cued, key=lambda t: bool(bp.UPDATE_CUE.search(t))):
        found = dates_in(text, date_order)
        if found:
            return found[0]
    return None


def _bare_header_date(header: Sequence[Line], body: Sequence[str], date_order: str) -> Published | None:
    """A date written in the header without a cue, when the article's own text allows it.

    Among date lines, the earliest: a later one is an update or the day the page was saved.
    Failing those, the latest date in captions and teasers around the header (they show
    older photos and older stories). A date more than a year after every year the body
    mentions is the day the page was saved, not published ("Thursday, February 22, 2024"
    above an article about 2021).
    """
    plain = [ln for ln in header if not bp.DATE_CUE.search(ln.text) and not bp.SCRAPE_CUE.search(ln.text)]
    lines = [ln.text for ln in plain if ln.role == "meta"]
    dated = [Published(d, DateOrigin.HEADER) for text in lines for d in dates_in(text, date_order)]
    pick = min
    if not dated:
        dated = [Published(d, DateOrigin.HEADER) for ln in plain for d in dates_in(ln.text, date_order)]
        pick = max
    if not dated:
        return None
    found = pick(dated, key=lambda p: p.instant)
    years = [int(y) for paragraph in body for y in bp.YEAR_MENTION.findall(paragraph)]
    if years and found.day.year > max(years) + 1:
        log.debug(
            "header date %s is later than anything the text mentions: taken for the day it was saved", found.iso()
        )
        return None
    return found


def dateline_date(lead: str, anchors: Sequence[DateValue]) -> DateValue | None:
    """The date of a dateline opening the lead; without a year, the year of the article's other dates.

    ``KELL, May 16 (Lakeside Press Agency) -`` with a page date of 2023-05-16 gives 2023-05-16;
    with no other date it stays unknown (the clock never supplies a year).
    """
    match = bp.DATELINE.match(lead)
    if not match:
        return None
    written = match.group("date")
    full = dates_in(written)
    if full:
        return full[0]
    if not anchors:
        return None
    partial = _search(written, "MDY" if written[:1].isalpha() else "DMY", ["day", "month"])
    if not partial:
        return None
    month_day = partial[0]
    anchor = max(Published(a, DateOrigin.URL).day for a in anchors)
    for year in (anchor.year, anchor.year - 1):
        try:
            candidate = date(year, month_day.month, month_day.day)
        except ValueError:
            continue
        if candidate <= anchor + timedelta(days=1):
            return candidate
    return None


def url_date(url: str | None) -> date | None:
    """A full date in an article's address (``/2021/12/09/``, ``/20211209/``), or ``None``."""
    if not url:
        return None
    match = bp.URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match.group("y")), int(match.group("m") or match.group("m2")), int(match.group("d")))
    except ValueError:
        return None


def _bounded(published: Published | None) -> Published | None:
    """``published``, unless it lies after today: no article was published in the future."""
    if published is None:
        return None
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    if published.day > tomorrow:
        log.warning("ignoring a publication date after today: %s (%s)", published.iso(), published.origin)
        return None
    return published
