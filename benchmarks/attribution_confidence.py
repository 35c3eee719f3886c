"""Measure how often each attribution rule names the right speaker, on PolNeAR's train split.

    python benchmarks/attribution_confidence.py [--corpus PATH] [--write]

Prints, per rule (``Quote.attribution``), how many gold quotations with a resolved speaker
it attributed and the share it got right; ``--write`` rewrites the table in
``digest/quotes/confidence.py``. Rules seen fewer than ``MIN_SUPPORT`` times are pooled
with the same resolution (``+salient``) or frame, or count as a guess (0.5).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.pipeline import analyse  # noqa: E402
from tests.eval import evaluate as ev  # noqa: E402
from tests.eval import polnear  # noqa: E402

MIN_SUPPORT = 30
from digest.quotes.confidence import UNMEASURED as GUESS  # noqa: E402

TABLE = ROOT / "digest" / "quotes" / "confidence.py"


def measure(root: Path, split: str = "train") -> dict[str, tuple[int, int]]:
    """Rule → (right, attributed) over the split's gold quotations with a resolved speaker."""
    conversion = polnear.convert_split(root, split)
    gold = conversion.gold
    with tempfile.TemporaryDirectory(prefix="polnear-confidence-") as tmp:
        digest = analyse(polnear.write_corpus(root, split, Path(tmp)))
    keys = ev.source_keys(digest.articles)
    texts = {**gold.texts, **{keys[a.id]: a.text for a in digest.articles}}
    speakers = {s.id: s for s in digest.speakers}
    owners = ev.scoped_owners(gold.entities)
    golds: dict[str, list[ev.GoldQuote]] = defaultdict(list)
    preds: dict[str, list[ev.Prediction]] = defaultdict(list)
    for q in gold.quotes:
        golds[q.source].append(q)
    for p in ev.predictions(digest, texts):
        preds[p.source].append(p)
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for source, quotes in golds.items():
        for pair in ev.align(quotes, preds[source], texts):
            rule = pair.pred.quote.attribution
            if pair.gold.optional or not pair.gold.speaker or rule is None:
                continue
            seen[rule] += 1
            right[rule] += ev.speaker_matches(pair.pred.quote, pair.gold.speaker, speakers, owners(source))
    return {rule: (right[rule], seen[rule]) for rule in seen}


def table(measured: dict[str, tuple[int, int]]) -> dict[str, float]:
    """Each rule's share of right speakers.

    A rule seen fewer than ``MIN_SUPPORT`` times takes the pooled share of its resolution
    (``+salient`` across frames) or, without one, of its frame; where the pool is thin too,
    it is treated as a guess (``GUESS``).
    """
    pools: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rule, (good, count) in measured.items():
        frame, _, via = rule.partition("+")
        for key in (f"+{via}" if via else frame,):
            pools[key][0] += good
            pools[key][1] += count
    out = {}
    for rule, (good, count) in sorted(measured.items()):
        frame, _, via = rule.partition("+")
        pool_good, pool_count = pools[f"+{via}" if via else frame]
        if count >= MIN_SUPPORT:
            out[rule] = round(good / count, 2)
        elif pool_count >= MIN_SUPPORT:
            out[rule] = round(pool_good / pool_count, 2)
        else:
            out[rule] = GUESS
    return out


def write(shares: dict[str, float]) -> None:
    """Rewrite the table in ``digest/quotes/confidence.py``, keeping its docstring."""
    text = TABLE.read_text(encoding="utf-8")
    head = text[: text.index("FRAME_CONFIDENCE: dict")]
    body = "".join(f'    "{rule}": {share},\n' for rule, share in shares.items())
    doc = '"""Attribution rule (``Quote.attribution``) → share of right speakers."""\n'
    TABLE.write_text(f"{head}FRAME_CONFIDENCE: dict[str, float] = {{\n{body}}}\n{doc}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="the PolNeAR folder (default: as tests/eval/polnear finds it)")
    parser.add_argument("--write", action="store_true", help="rewrite digest/quotes/confidence.py")
    args = parser.parse_args()
    root = polnear.corpus_root(args.corpus)
    if root is None:
        print("PolNeAR not found: give --corpus or set $DIGEST_POLNEAR", file=sys.stderr)
        return 2
    measured = measure(root)
    shares = table(measured)
    for rule, (good, count) in sorted(measured.items(), key=lambda item: -item[1][1]):
        print(f"{rule:28s} {count:6d} attributed  {good / count:6.3f} right  -> {shares[rule]:.2f}")
    if args.write:
        write(shares)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
