"""Benchmark storyline grouping alone on the synthetic corpus of ``synthetic.py``.

Run::

    python benchmarks/bench_storylines.py --quotes 20000

``synthetic.generate_corpus`` writes storylines of one article per outlet, each article
its outlet's quotations of the storyline's statements, worded from one shared grammar:
the storylines differ in their speakers, their place and a few topic words, not in their
wording. The script groups the articles with ``group_storylines`` (quotations given, as
the pipeline gives them) and prints the number of storylines written and found, pairwise
precision and recall of the found storylines against the written ones, and the time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))

from synthetic import generate_corpus

from digest.group import group_storylines


def pairwise(items: Sequence[tuple[str, str]]) -> tuple[float, float]:
    """Pairwise precision and recall of (found, written) storyline labels."""

    def pairs(sizes: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in sizes.values())

    right = pairs(Counter(items))
    claimed, real = pairs(Counter(f for f, _ in items)), pairs(Counter(w for _, w in items))
    return right / claimed if claimed else 1.0, right / real if real else 1.0


def run(quotes: int, seed: int) -> dict[str, float]:
    """Generate one corpus, group it and score the storylines."""
    corpus = generate_corpus(quotes, seed)
    started = time.perf_counter()
    storylines = group_storylines(corpus.articles, corpus.quotes)
    elapsed = time.perf_counter() - started
    found = {source: s.id for s in storylines for source in s.sources}
    precision, recall = pairwise([(found[a.id], corpus.storyline_of[a.id]) for a in corpus.articles])
    return {
        "articles": len(corpus.articles),
        "written": len(set(corpus.storyline_of.values())),
        "found": len(storylines),
        "precision": precision,
        "recall": recall,
        "seconds": elapsed,
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and benchmark every requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, nargs="+", default=[20000], help="quotations per corpus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print("quotes articles storylines(written) precision recall group_s")
    for quotes in args.quotes:
        r = run(quotes, args.seed)
        print(
            f"{quotes:>6} {r['articles']:>8} {r['found']:>6} ({r['written']:>4})"
            f" {r['precision']:>13.3f} {r['recall']:>6.3f} {r['seconds']:>7.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
