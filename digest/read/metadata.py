"""Metadata found in an article's lines: outlet and author (dates are read in ``dates``)."""

from __future__ import annotations

from collections.abc import Iterable

from . import rules as bp
from .lines import Line


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
