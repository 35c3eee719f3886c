"""The export as Parquet: one table per entity, the same fields as the JSON export (schema version 1).

``sources``, ``storylines``, ``speakers``, ``clusters`` and ``quotes`` become
``sources.parquet`` … ``quotes.parquet`` in one folder. Lists stay lists
(``storylines.sources``, ``speakers.aliases``, ``clusters.quotes``); a quote's word diff
is a list of ``{op, canonical, variant}`` structs. Rows keep the JSON export's order, and the
same digest gives byte-identical files. Needs pyarrow (``pip install ".[parquet]"``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLES = ("sources", "storylines", "speakers", "clusters", "quotes")


def _schemas() -> dict[str, Any]:
    """The Arrow schema of each table, field for field as in ``digest/schema/export-v1.schema.json``."""
    import pyarrow as pa

    text, texts = pa.string(), pa.list_(pa.string())
    return {
        "sources": pa.schema(
            [
                ("id", text),
                ("path", text),
                ("outlet", text),
                ("title", text),
                ("published", text),
                ("published_origin", text),
                ("published_inferred", pa.bool_()),
                ("url", text),
                ("storyline", text),
                ("author", text),
                ("encoding", text),
            ]
        ),
        "storylines": pa.schema([("id", text), ("title", text), ("sources", texts), ("clusters", texts)]),
        "speakers": pa.schema([("id", text), ("name", text), ("aliases", texts), ("roles", texts)]),
        "clusters": pa.schema(
            [
                ("id", text),
                ("storyline", text),
                ("speaker", text),
                ("canonical", text),
                ("canonical_text", text),
                ("first_reported", text),
                ("quotes", texts),
            ]
        ),
        "quotes": pa.schema(
            [
                ("id", text),
                ("source", text),
                ("text", text),
                ("start", pa.int64()),
                ("end", pa.int64()),
                ("speaker", text),
                ("speaker_as_written", text),
                ("speaker_role", text),
                ("reported_by", text),
                ("attribution", text),
                ("confidence", pa.float64()),
                ("cluster", text),
                ("covers", pa.list_(pa.int64())),
                ("translated", pa.bool_()),
                ("kind", text),
                ("diff", pa.list_(pa.struct([("op", text), ("canonical", text), ("variant", text)]))),
            ]
        ),
    }


def write_tables(data: dict[str, Any], folder: Path) -> list[Path]:
    """Write each entity list of an export dict as ``folder/<entity>.parquet``; return the files."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        from .export import ExportError

        raise ExportError(f"--format parquet needs pyarrow ({exc}): pip install 'storyline-digest[parquet]'") from None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in _schemas().items():
        rows = [_row(name, entry) for entry in data[name]]
        table = pa.Table.from_pylist(rows, schema=schema)
        path = folder / f"{name}.parquet"
        pq.write_table(table, path, compression="zstd")
        written.append(path)
    return written


def _row(table: str, entry: dict[str, Any]) -> dict[str, Any]:
    """One JSON entry as a row: the diff's ``[op, canonical, variant]`` triples as structs."""
    if table == "quotes":
        diff = entry.get("diff")
        return {**entry, "diff": [{"op": o, "canonical": c, "variant": v} for o, c, v in diff] if diff else None}
    return entry
