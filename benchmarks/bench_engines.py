"""The analysis on the local engine against Dask, on synthetic corpora of growing size.

For each size it writes the seeded corpus (``corpus.py``), then, each in a fresh process so
that peak memory is the run's own, times ``analyse`` stage by stage:

- ``local``: one process (``--jobs 1``) and the process pool (``--jobs N``);
- ``dask``: a ``LocalCluster`` of N worker processes (one thread each), started inside the
  timed run, so its start-up counts.

and checks that every run gives the same export (a SHA-256 of ``to_json``). Peak memory is
the largest sum of PSS over the run's process tree (Dask's workers and nanny included),
sampled every 0.2 s. Results are merged by size into ``benchmarks/results/engines.json``
and printed as a Markdown table (``docs/scaling.md`` is written from it).

Usage::

    python benchmarks/bench_engines.py --sizes 2000 10000 --jobs 2
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "engines.json"
STAGES = ("start", "read", "speakers", "storylines", "matching")


def run_analysis(corpus: Path, engine: str, jobs: int) -> dict[str, Any]:
    """Time one analysis stage by stage (in this process): what ``analyse`` does, in its order."""
    sys.path.insert(0, str(ROOT))
    from digest.engine import open_engine
    from digest.export import to_json
    from digest.group import attach_clusters, group_storylines, infer_missing_dates
    from digest.models import Digest
    from digest.pipeline import apply_overrides, date_orders, match_statements, read_and_extract
    from digest.read import name_outlets_by_site
    from digest.settings import Settings
    from digest.speakers import resolve_speakers

    settings = Settings()
    times: dict[str, float] = {}
    ends: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[stage] = round(now - clock, 2)
        ends[stage] = time.time()
        clock = now

    with open_engine(engine, jobs) as run:
        lap("start")
        articles, quotes, problems, names, terms = read_and_extract(corpus, date_orders(settings), None, run)
        articles = apply_overrides(name_outlets_by_site(articles), settings)
        lap("read")
        spread = run if engine != "local" else None
        speakers, quotes = resolve_speakers(quotes, articles, names, spread)
        lap("speakers")
        storylines = group_storylines(articles, quotes, settings, terms, spread)
        articles = infer_missing_dates(articles, storylines)
        lap("storylines")
        clusters, quotes = match_statements(quotes, articles, storylines, settings, spread)
        storylines = attach_clusters(storylines, clusters)
        lap("matching")
    digest = Digest(articles, quotes, speakers, clusters, storylines, problems)
    times["total"] = round(sum(times[s] for s in STAGES), 2)
    return {
        "times": times,
        "ends": ends,
        "export_sha256": hashlib.sha256(to_json(digest).encode("utf-8")).hexdigest(),
        "quotes": len(quotes),
        "storylines": len(storylines),
    }


def _pss(pid: int) -> int:
    """Proportional set size of a process and all its descendants, in bytes."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):  # children of every thread, not only the main one
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def measured(corpus: Path, engine: str, jobs: int) -> dict[str, Any]:
    """Run one analysis in a fresh process and sample its tree's memory."""
    command = [sys.executable, __file__, "--run", str(corpus), "--engine", engine, "--jobs", str(jobs)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    samples: list[tuple[float, int]] = []

    def sample() -> None:
        while process.poll() is None:
            samples.append((time.time(), _pss(process.pid)))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{engine} --jobs {jobs} failed on {corpus}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_mb"] = round(max((pss for _, pss in samples), default=0) / 1e6)
    result["stage_peak_mb"] = stage_peaks(samples, result.pop("ends"))
    return result


def stage_peaks(samples: Sequence[tuple[float, int]], ends: dict[str, float]) -> dict[str, int]:
    """The largest memory sampled while each stage ran (a sample belongs to the first stage ending after it)."""
    peaks = dict.fromkeys(STAGES, 0)
    order = sorted(ends.items(), key=lambda item: item[1])
    for when, pss in samples:
        stage = next((name for name, end in order if when <= end), None)
        if stage is not None:
            peaks[stage] = max(peaks[stage], round(pss / 1e6))
    return peaks


DEFAULT_RUNS = ("local:1", "local:N", "dask:N")
"""The runs at each size, as ``engine:jobs`` (``N``: ``--jobs``)."""


def bench(size: int, jobs: int, seed: int, plan: Sequence[str] = DEFAULT_RUNS) -> dict[str, Any]:
    """Write a corpus of ``size`` articles and run the planned engines on it."""
    sys.path.insert(0, str(HERE))
    from corpus import write_corpus

    with tempfile.TemporaryDirectory(prefix=f"digest-engines-{size}-") as scratch:
        corpus = Path(scratch) / "corpus"
        write_corpus(corpus, size, seed)
        runs = {}
        for item in plan:
            engine, count = item.split(":")
            n = jobs if count == "N" else int(count)
            name = f"{engine} --jobs {n}"
            runs[name] = measured(corpus, engine, n)
            print(
                f"{size:>7} {name:16} {runs[name]['times']} peak {runs[name]['peak_mb']} MB"
                f" (by stage {runs[name]['stage_peak_mb']})",
                flush=True,
            )
    hashes = {run["export_sha256"] for run in runs.values()}
    return {"articles": size, "jobs": jobs, "seed": seed, "identical": len(hashes) == 1, "runs": runs}


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table, one column per size and engine."""
    lines = [
        "| articles | engine | start | read | speakers | storylines | matching | total (s) | peak (MB) | same output |"
    ]
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for size in sorted(results, key=int):
        entry = results[size]
        for name, run in entry["runs"].items():
            t = run["times"]
            cells = [f"{t[s]:.1f}" for s in STAGES]
            lines.append(
                f"| {int(size):,} | {name} | {' | '.join(cells)} | {t['total']:.1f} | {run['peak_mb']:,} | "
                f"{'yes' if entry['identical'] else 'NO'} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--runs",
        nargs="+",
        default=list(DEFAULT_RUNS),
        help="engine:jobs for each run (N: --jobs) [local:1 local:N dask:N]",
    )
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_analysis(args.run, args.engine, args.jobs)))
        return
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for size in args.sizes:
        results[str(size)] = bench(size, args.jobs, args.seed, args.runs)
    results["machine"] = {
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(table({k: v for k, v in results.items() if k != "machine"}))


if __name__ == "__main__":
    main()
