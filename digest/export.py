"""The JSON export, schema version 1 (documented in ``docs/guide/export.md``).

The top-level keys and the fields listed in the schema are fixed; new optional
fields may be added within version 1, never removed or renamed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import __version__
from .models import Digest, Quote
from .publish.diff import word_diff


class ExportError(Exception):
    """The export cannot be written as asked (a format without its package, no folder for the tables)."""


SCHEMA_VERSION = 1
GENERATOR = f"storyline-digest {__version__}"


def to_dict(digest: Digest) -> dict[str, Any]:
    """Return the export as plain JSON-ready data."""
    quotes = {q.id: q for q in digest.quotes}
    return {
        "version": SCHEMA_VERSION,
        "generator": GENERATOR,
        "sources": [_source(a, digest) for a in digest.articles],
        "storylines": [
            {"id": s.id, "title": s.title, "sources": list(s.sources), "clusters": list(s.clusters)}
            for s in digest.storylines
        ],
        "speakers": [
            {"id": s.id, "name": s.name, "aliases": list(s.aliases), "roles": list(s.roles)} for s in digest.speakers
        ],
        "clusters": [
            {
                "id": c.id,
                "storyline": c.storyline,
                "speaker": c.speaker,
                "canonical": c.canonical,
                "canonical_text": quotes[c.canonical].text,
                "first_reported": c.first_reported.iso() if c.first_reported else None,
                "quotes": list(c.quotes),
            }
            for c in digest.clusters
        ],
        "quotes": [_quote(q, quotes) for q in digest.quotes],
    }


def _source(article: Any, digest: Digest) -> dict[str, Any]:
    """One source entry."""
    storyline = next((s.id for s in digest.storylines if article.id in s.sources), None)
    return {
        "id": article.id,
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.iso() if article.published else None,
        "published_origin": str(article.published.origin) if article.published else None,
        "published_inferred": bool(article.published and article.published.estimated),
        "url": article.url,
        "storyline": storyline,
        "author": article.author,
        "encoding": article.encoding,
    }


def _quote(quote: Quote, quotes: dict[str, Quote]) -> dict[str, Any]:
    """One quote entry, with its word diff against its cluster's canonical wording."""
    entry: dict[str, Any] = {
        "id": quote.id,
        "source": quote.source,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker": quote.speaker,
        "speaker_as_written": quote.speaker_as_written,
        "speaker_role": quote.speaker_role,
        "reported_by": quote.reported_by,
        "attribution": quote.attribution,
        "confidence": quote.confidence,
        "cluster": quote.cluster,
        "covers": list(quote.covers) if quote.covers is not None else None,
        "translated": quote.translated,
        "kind": str(quote.kind),
    }
    return entry


def add_diffs(data: dict[str, Any], digest: Digest) -> dict[str, Any]:
    """Add each quote's word diff against its cluster's canonical wording (``diff`` field)."""
    quotes = {q.id: q for q in digest.quotes}
    canonical = {c.id: quotes[c.canonical] for c in digest.clusters}
    for entry in data["quotes"]:
        base = canonical.get(entry["cluster"])
        if base is not None and base.id != entry["id"]:
            ops = word_diff(base.text, entry["text"])
            entry["diff"] = [[op.op, " ".join(op.canonical), " ".join(op.variant)] for op in ops]
    return data


def to_json(digest: Digest, diffs: bool = True) -> str:
    """Serialise the export deterministically (sorted keys, two-space indent, trailing newline)."""
    data = to_dict(digest)
    if diffs:
        data = add_diffs(data, digest)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_parquet(digest: Digest, folder: Path, diffs: bool = True) -> list[Path]:
    """Write the export as one Parquet table per entity in ``folder`` (``digest.parquet``)."""
    from .parquet import write_tables

    data = to_dict(digest)
    return write_tables(add_diffs(data, digest) if diffs else data, folder)
