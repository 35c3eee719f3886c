"""Metadata found in an article's lines: publication date, outlet and author."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from . import rules as bp
from .errors import SourceError
from .lines import HEADER_LINES, Line


def find_published(lines: Iterable[Line], date_order: str = "DMY") -> str | None:
    """Find the publication date among header lines, as ISO 8601, or ``None``."""
    header = [ln for ln in lines if ln.role != "body"][: HEADER_LINES * 2]
    cued = [ln for ln in header if bp.DATE_CUE.search(ln.text)]
    for line in cued:
        found = _dates_in(line.text, date_order)
        if found:
            return found[0]
    candidates = [d for ln in header for d in _dates_in(ln.text, date_order)]
    return max(candidates) if candidates else None


def _dates_in(line: str, date_order: str) -> list[str]:
    """Return the full dates (day, month and year) in one line, as ISO strings."""
    from dateparser.search import search_dates

    prepared = _prepare_for_dates(line)
    settings = {
        "DATE_ORDER": date_order,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        # No relative expressions ("yesterday", "3 hours ago"): dateparser resolves them against
        # today's clock, which dated a 2021 article December 2026 from a photo caption.
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    }
    found = search_dates(prepared, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    return [_iso(_with_time(prepared, fragment, value)) for fragment, value in found if 1900 < value.year < 2100]


def _prepare_for_dates(line: str) -> str:
    """Unglue digits from words and write military times (``0350 GMT``) with a colon."""
    line = re.sub(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", line)
    return re.sub(r"\b([01]\d|2[0-3])([0-5]\d) (GMT|UTC)\b", r"\1:\2 \3", line)


def _with_time(line: str, fragment: str, value: datetime) -> datetime:
    """Add a clock time written right after a date the search found without it."""
    after = line[line.find(fragment) + len(fragment) :]
    clock = re.match(r"\s*(?:at\s+)?([01]?\d|2[0-3]):([0-5]\d)\b", after)
    if clock and value.hour == value.minute == 0:
        return value.replace(hour=int(clock.group(1)), minute=int(clock.group(2)))
    return value


def _iso(value: datetime) -> str:
    """ISO 8601: a date alone when no time of day is known."""
    if value.hour == value.minute == value.second == 0:
        return value.date().isoformat()
    return value.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def find_outlet(lines: Iterable[Line]) -> str | None:
    """Find the outlet where the text names itself (dateline, credit or alt text)."""
    for line in lines:
        for pattern in bp.OUTLET_PATTERNS:
            match = pattern.search(line.text)
            if match and match.group("outlet").strip().casefold() not in bp.NOT_OUTLETS:
                return match.group("outlet").strip()
    return None


def find_author(lines: Iterable[Line]) -> str | None:
    """Find a byline (``By ...``, ``Reporting by ...``)."""
    for line in lines:
        match = bp.BYLINE.match(line.text)
        if match:
            return match.group("name").strip()
    return None


def normalise_published(value: Any) -> str | None:
    """Turn a manifest's ``published`` (date, datetime or string) into ISO 8601."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _iso(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    found = _dates_in(str(value), "YMD" if re.match(r"\d{4}-", str(value)) else "DMY")
    if not found:
        raise SourceError(f"published: cannot read {str(value)[:40]!r} as a date")
    return found[0]
