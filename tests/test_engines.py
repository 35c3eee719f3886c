"""The Dask engine gives the local engine's output byte for byte; the Parquet export round-trips through DuckDB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.export import to_json, write_parquet
from digest.pipeline import analyse

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLES = ("sources", "storylines", "speakers", "clusters", "quotes")

pytest.importorskip("distributed", reason="the Dask engine is tested where the dask extra is installed")


@pytest.fixture(scope="module")
def synthetic_2000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(folder), "--articles", "2000", "--seed", "3"],
        check=True,
        capture_output=True,
    )
    return folder


def test_dask_on_a_local_cluster_of_two_workers_gives_the_same_export(synthetic_2000: Path) -> None:
    for corpus in (SEEDS, synthetic_2000):
        local = to_json(analyse(corpus, jobs=1))
        dask = to_json(analyse(corpus, jobs=2, engine="dask"))
        assert dask == local, corpus
    data = json.loads(local)
    assert len(data["sources"]) == 2000 and len(data["storylines"]) > 100


def test_the_dask_build_writes_the_same_site(tmp_path: Path) -> None:
    runner = CliRunner()
    for engine in ("local", "dask"):
        args = ["build", str(SEEDS), "--site-dir", str(tmp_path / engine), "--no-cache", "--jobs", "2"]
        result = runner.invoke(cli, [*args, "--engine", engine])
        assert result.exit_code == 0, result.output
    pages = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.html"))
    assert pages
    for page in pages:
        assert (tmp_path / "dask" / page).read_bytes() == (tmp_path / "local" / page).read_bytes(), page


def test_engine_problems_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(SEEDS), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output
    result = runner.invoke(cli, ["export", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


def test_parquet_tables_hold_what_the_json_holds(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    digest = analyse(SEEDS)
    data = json.loads(to_json(digest))
    written = write_parquet(digest, tmp_path / "tables")
    assert [p.name for p in written] == [f"{t}.parquet" for t in TABLES]
    for table in TABLES:
        rows = duckdb.sql(f"SELECT * FROM '{tmp_path / 'tables' / table}.parquet'")
        columns = rows.columns
        assert {key for entry in data[table] for key in entry} <= set(columns), table
        fetched = rows.fetchall()
        assert len(fetched) == len(data[table]), table
        assert [row[columns.index("id")] for row in fetched] == [entry["id"] for entry in data[table]], table
        for row, entry in zip(fetched, data[table], strict=True):
            got = dict(zip(columns, row, strict=True))
            for key, value in entry.items():
                if key == "diff":
                    assert [[d["op"], d["canonical"], d["variant"]] for d in got[key]] == value
                else:
                    assert got[key] == value, (table, entry["id"], key)
            if table == "quotes" and "diff" not in entry:
                assert got["diff"] is None
    again = tmp_path / "again"
    write_parquet(analyse(SEEDS), again)
    for table in TABLES:
        assert (again / f"{table}.parquet").read_bytes() == (tmp_path / "tables" / f"{table}.parquet").read_bytes()


def test_the_documented_duckdb_query_finds_which_outlets_cut_a_statement(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    result = CliRunner().invoke(cli, ["export", str(SEEDS), "--format", "parquet", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    guide = (ROOT / "docs" / "guide" / "export.md").read_text(encoding="utf-8")
    query = guide.split("```sql\n", 1)[1].split("```", 1)[0]
    relationship = duckdb.sql(
        f"SELECT cluster FROM '{tmp_path}/out/quotes.parquet' WHERE text LIKE '%training, advice and empowerment%'"
    ).fetchall()[0][0]
    rows = duckdb.sql(query.replace("out/", f"{tmp_path}/out/").replace("$cluster", f"'{relationship}'")).fetchall()
    outlets = {row[0] for row in rows}
    assert outlets and outlets <= {
        "Shafaq News",
        "Iran Daily",
        "Sputnik International",
        "teleSUR English",
        "North Press Agency",
    }
    assert all(row[1] > 0 for row in rows)


def test_parquet_needs_a_folder() -> None:
    result = CliRunner().invoke(cli, ["export", str(SEEDS), "--format", "parquet"])
    assert result.exit_code == 2 and "-o DIR" in result.output


def test_dask_chunks_keep_the_order_and_a_large_task_closes_its_chunk() -> None:
    import pickle

    from digest.engine import CHUNK_BYTES, _chunks

    tasks = [("file", n) for n in range(10)] + [("block", "x" * CHUNK_BYTES)] + [("file", 10)]
    chunks = list(_chunks(tasks, most=4))
    assert [len(c) for c in chunks] == [4, 4, 3, 1]
    assert [pickle.loads(t) for c in chunks for t in c] == tasks
    assert pickle.loads(chunks[2][-1])[0] == "block"
