"""Benchmark quote clustering on seeded synthetic corpora: wall time, peak memory, pairwise P/R.

Run::

    python benchmarks/bench_clustering.py --sizes 10000 100000

Each size runs in a fresh process so peak memory is its own. Peak RSS comes from
``resource.getrusage``; ``--tracemalloc`` also reports the peak of Python-managed
allocations (slower). Precision and recall count pairs of quotes: a pair is right when
both quotes belong to the same gold statement.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate_corpus

from digest.group import cluster_quotes
from digest.models import Quote
from digest.settings import Settings


def pairs(sizes: Mapping[Any, int]) -> int:
    """Return how many unordered pairs groups of these sizes hold."""
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise_scores(quotes: Sequence[Quote], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Return pairwise precision, recall and F1 of the quotes' clusters against gold labels."""
    predicted = Counter(q.cluster for q in quotes)
    truth = Counter(gold[q.id] for q in quotes)
    both = Counter((q.cluster, gold[q.id]) for q in quotes)
    right, claimed, real = pairs(both), pairs(predicted), pairs(truth)
    precision = right / claimed if claimed else 1.0
    recall = right / real if real else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_size(size: int, seed: int, storyline_quotes: int, trace: bool) -> dict[str, float]:
    """Generate one corpus, cluster it and return the measurements."""
    started = time.perf_counter()
    corpus = generate_corpus(size, seed, storyline_quotes=storyline_quotes)
    generated = time.perf_counter() - started
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    clusters, quotes = cluster_quotes(corpus.quotes, corpus.articles, corpus.storyline_of, Settings())
    wall = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall, f1 = pairwise_scores(quotes, corpus.gold)
    plain = [q for q in quotes if q.id not in corpus.joined]
    plain_precision, plain_recall, plain_f1 = pairwise_scores(plain, corpus.gold)
    return {
        "quotes": len(quotes),
        "storylines": len(set(corpus.storyline_of.values())),
        "clusters": len(clusters),
        "gold": len(set(corpus.gold.values())),
        "generate_s": generated,
        "cluster_s": wall,
        "rss_before_mb": before,
        "rss_peak_mb": peak,
        "traced_peak_mb": traced,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "plain_precision": plain_precision,
        "plain_recall": plain_recall,
        "plain_f1": plain_f1,
    }


def _child(size: int, seed: int, storyline_quotes: int, trace: bool, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Run one size in a child process and send the result back."""
    out.put(run_size(size, seed, storyline_quotes, trace))


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and benchmark every requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--storyline-quotes", type=int, default=120, help="mean quotes per storyline")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args(argv)
    context = multiprocessing.get_context("spawn")
    header = (
        "quotes storylines clusters  gold  gen_s cluster_s rss_base_MB rss_peak_MB traced_MB  precision recall    F1"
        "  | without joined quotes: P      R      F1"
    )
    print(header)
    for size in args.sizes:
        queue = context.Queue()
        child = context.Process(target=_child, args=(size, args.seed, args.storyline_quotes, args.tracemalloc, queue))
        child.start()
        r = queue.get()
        child.join()
        print(
            f"{r['quotes']:>6} {r['storylines']:>10} {r['clusters']:>8} {r['gold']:>5} {r['generate_s']:>6.1f} "
            f"{r['cluster_s']:>9.2f} {r['rss_before_mb']:>11.0f} {r['rss_peak_mb']:>11.0f} {r['traced_peak_mb']:>9.0f} "
            f"{r['precision']:>10.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
            f"  |                        {r['plain_precision']:.3f}  {r['plain_recall']:.3f}  {r['plain_f1']:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
