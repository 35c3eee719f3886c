"""Benchmark statements and storylines found by the whole analysis on a synthetic corpus folder.

Run::

    python benchmarks/bench_statements.py --sizes 1000

For each size the script writes a seeded corpus (``corpus.py``) into a scratch folder and
runs ``digest.pipeline.analyse`` on it, so quotations are extracted, speakers resolved and
storylines grouped exactly as ``digest build`` does before statements are matched. It then
reports pairwise precision and recall of the storylines against the storyline each article
was written for, and pairwise precision, recall and F1 of the statements: a pair of
quotations from two different articles is right when both were written from the same
statement. A placed quotation that was not extracted counts as missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))

from corpus import Written, write_corpus

from digest.models import Digest, QuoteKind
from digest.pipeline import analyse

SPEECH = (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)


def storyline_scores(digest: Digest, written: Written) -> tuple[float, float]:
    """Pairwise precision and recall of the found storylines against the written ones."""
    found = {source: s.id for s in digest.storylines for source in s.sources}
    items = [(found[a.id], written.storyline_of[a.id]) for a in digest.articles if a.id in written.storyline_of]
    return _pairwise(items)


def statement_items(digest: Digest, written: Written) -> list[tuple[str, str, str | None]]:
    """Return (article, gold statement, found cluster) for every placed quotation."""
    by_source = defaultdict(list)
    for quote in digest.quotes:
        if quote.kind in SPEECH:
            by_source[quote.source].append(quote)
    items = []
    for source, placed in written.statement_of.items():
        quotes = by_source.get(source, [])
        used: set[str] = set()
        for words, statement in placed:
            best = max(
                (q for q in quotes if q.id not in used),
                key=lambda q: fuzz.ratio(q.text.strip(" .,…"), words),
                default=None,
            )
            if best is not None and fuzz.ratio(best.text.strip(" .,…"), words) >= 80:
                used.add(best.id)
                items.append((source, statement, best.cluster))
            else:
                items.append((source, statement, None))
    return items


def _pairwise(items: Sequence[tuple[str, object]]) -> tuple[float, float]:
    """Pairwise precision and recall of (found, gold) labels."""
    right = _pairs(Counter(items))
    claimed, real = _pairs(Counter(f for f, _ in items)), _pairs(Counter(g for _, g in items))
    return right / claimed if claimed else 1.0, right / real if real else 1.0


def _pairs(sizes: Counter) -> int:  # type: ignore[type-arg]
    """How many unordered pairs groups of these sizes hold."""
    return sum(n * (n - 1) // 2 for n in sizes.values())


def statement_scores(items: Sequence[tuple[str, str, str | None]]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over quotation pairs from different articles."""
    by_gold: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    by_found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, gold, found in items:
        by_gold[gold].append((source, found))
        if found is not None:
            by_found[found].append((source, gold))
    real = right = claimed = 0
    for members in by_gold.values():
        for (sa, fa), (sb, fb) in combinations(members, 2):
            if sa != sb:
                real += 1
                right += fa is not None and fa == fb
    for found_members in by_found.values():
        claimed += sum(sa != sb for (sa, _), (sb, _) in combinations(found_members, 2))
    precision = right / claimed if claimed else 1.0
    recall = right / real if real else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def run_size(size: int, seed: int, scratch: Path, jobs: int) -> dict[str, float]:
    """Write one corpus, analyse it and score its storylines and statements."""
    folder = scratch / f"corpus-{size}-{seed}"
    written = write_corpus(folder, size, seed)
    started = time.perf_counter()
    digest = analyse(folder, jobs=jobs)
    elapsed = time.perf_counter() - started
    story_p, story_r = storyline_scores(digest, written)
    precision, recall, f1 = statement_scores(statement_items(digest, written))
    return {
        "articles": len(digest.articles),
        "storylines": len(digest.storylines),
        "written_storylines": written.storylines,
        "analyse_s": elapsed,
        "storyline_precision": story_p,
        "storyline_recall": story_r,
        "statement_precision": precision,
        "statement_recall": recall,
        "statement_f1": f1,
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments and benchmark every requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--scratch", type=Path, default=None, help="where corpora go (default: a temporary folder)")
    args = parser.parse_args(argv)
    print("articles storylines(written) analyse_s  storyline P     R  statement P     R    F1")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = args.scratch or Path(tmp)
        for size in args.sizes:
            r = run_size(size, args.seed, scratch, args.jobs)
            print(
                f"{r['articles']:>8} {r['storylines']:>6} ({r['written_storylines']:>4}) {r['analyse_s']:>9.1f}"
                f"  {r['storyline_precision']:>11.3f} {r['storyline_recall']:>5.3f}"
                f"  {r['statement_precision']:>11.3f} {r['statement_recall']:>5.3f} {r['statement_f1']:>5.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
