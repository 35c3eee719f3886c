"""Score a :class:`digest.models.Digest` against a hand-labelled gold file.

A gold file (``gold_seeds.yml``, ``gold_extra.yml``; the format is documented at the top of
``gold_seeds.yml``) lists every quotation of a corpus with its kind, speaker and statement
label, plus the quotations in page furniture that must not be extracted. :func:`load_gold`
turns it into offsets, :func:`score` compares a Digest with it, :func:`format_table` prints
the result, and :func:`check_floors` compares it with ``floors.json``.

Run ``python -m tests.eval.evaluate`` from the repository root for the table of every set.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process, utils

from digest.models import Article, Digest, Quote, Speaker

log = logging.getLogger(__name__)

EVAL_DIR = Path(__file__).resolve().parent
REPO_ROOT = EVAL_DIR.parent.parent
FLOORS_PATH = EVAL_DIR / "floors.json"
SETS: dict[str, tuple[Path, Path]] = {
    "seeds": (REPO_ROOT / "seeds", EVAL_DIR / "gold_seeds.yml"),
    "extra": (EVAL_DIR / "extra", EVAL_DIR / "gold_extra.yml"),
    "heldout": (EVAL_DIR / "heldout", EVAL_DIR / "gold_heldout.yml"),
    **{
        f"real-{folder.name}": (folder, EVAL_DIR / f"gold_real_{folder.name}.yml")
        for folder in sorted((EVAL_DIR / "real").iterdir())
        if folder.is_dir()
    },
}
"""Evaluation sets: name -> (corpus folder, gold file). ``real-*`` are real articles (real/README.md)."""

KINDS = ("statement", "fragment", "term", "title")
SPEECH_KINDS = frozenset({"statement", "fragment"})
LENIENT_IOU = 0.5
"""Character IoU from which a predicted span counts as the gold quotation (lenient)."""
FUZZY_BASELINE_CUTOFF = 80.0
"""``fuzz.token_set_ratio`` from which the fuzzy baseline merges two quotations."""
QUOTE_MARKS = frozenset("\"“”‘’'«»„‚‹›‟‛「」『』")
APOSTROPHES = "'’‘ʼ`´"
TITLE_WORDS = frozenset(
    [
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "sheikh",
        "general",
        "major",
        "lieutenant",
        "brigadier",
        "colonel",
        "commander",
        "president",
        "prime",
        "minister",
        "secretary",
        "defence",
        "defense",
        "national",
        "security",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "us",
        "iraqi",
        "transport",
    ]
)
"""Leading words dropped from names before comparing them (titles and role words)."""


class GoldError(ValueError):
    """A gold file that does not fit its corpus; the message names the entry."""


# ---------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One hand-labelled quotation, located in its source text."""

    source: str
    text: str
    occurrence: int
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_as_written: str | None = None
    statement: str | None = None
    reported_by: str | None = None
    optional: bool = False
    furniture: bool = False


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold speaker: its label, display name and every surface form the corpus uses."""

    label: str
    name: str
    forms: tuple[str, ...]
    sources: frozenset[str] = frozenset()
    """The sources where its forms count (empty: every source), so a shared surname is ambiguous only there."""


@dataclass(frozen=True, slots=True)
class Gold:
    """A loaded gold file: body quotations, furniture quotations, entities and source texts."""

    quotes: tuple[GoldQuote, ...]
    furniture: tuple[GoldQuote, ...]
    entities: Mapping[str, GoldEntity]
    texts: Mapping[str, str]

    @property
    def required(self) -> tuple[GoldQuote, ...]:
        """Return the body quotations that are not optional."""
        return tuple(q for q in self.quotes if not q.optional)


def read_source_text(path: Path) -> str:
    """Read a corpus file the way the pipeline decodes it (UTF-8, ``\\n`` newlines)."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def find_source(corpus_dir: Path, source: str) -> Path | None:
    """Return the corpus file whose name without extension is ``source``."""
    for path in sorted(corpus_dir.iterdir()):
        if path.is_file() and path.stem == source:
            return path
    return None


def locate(text: str, needle: str, occurrence: int = 1) -> int:
    """Return the start of the ``occurrence``-th (1-based) occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.find(needle, index + 1)
        if index < 0:
            raise GoldError(f"{needle[:60]!r}: occurrence {occurrence} not found")
    return index


def _gold_quote(entry: Mapping[str, Any], text: str, *, furniture: bool) -> GoldQuote:
    """Build one located GoldQuote from a YAML entry."""
    occurrence = int(entry.get("occurrence", 1))
    start = locate(text, entry["text"], occurrence)
    return GoldQuote(
        source=str(entry["source"]),
        text=entry["text"],
        occurrence=occurrence,
        start=start,
        end=start + len(entry["text"]),
        kind=str(entry.get("kind", "statement")),
        speaker=entry.get("speaker"),
        speaker_as_written=entry.get("speaker_as_written"),
        statement=entry.get("statement"),
        reported_by=entry.get("reported_by"),
        optional=bool(entry.get("optional", False)),
        furniture=furniture,
    )


def _entities(raw: Mapping[str, Any]) -> dict[str, GoldEntity]:
    """Build the gold entities from the ``speakers:`` section."""
    out = {}
    for label, spec in (raw or {}).items():
        forms = tuple(dict.fromkeys([spec["name"], *spec.get("forms", ())]))
        out[label] = GoldEntity(label, spec["name"], forms)
    return out


def _source_texts(entries: Iterable[Mapping[str, Any]], corpus_dir: Path) -> dict[str, str]:
    """Read the text of every source the entries name."""
    texts: dict[str, str] = {}
    for source in sorted({str(e["source"]) for e in entries}):
        path = find_source(corpus_dir, source)
        if path is None:
            raise GoldError(f"{source}: no such file in {corpus_dir}")
        texts[source] = read_source_text(path)
    return texts


def load_gold(gold_path: Path, corpus_dir: Path) -> Gold:
    """Load a gold file and locate every quotation in the corpus files.

    Raises :class:`GoldError` when a source file or a quotation's text is missing.
    """
    raw = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    body, furniture = raw.get("quotes") or [], raw.get("furniture_quotes") or []
    texts = _source_texts([*body, *furniture], corpus_dir)
    return Gold(
        quotes=tuple(_gold_quote(e, texts[str(e["source"])], furniture=False) for e in body),
        furniture=tuple(_gold_quote(e, texts[str(e["source"])], furniture=True) for e in furniture),
        entities=_entities(raw.get("speakers") or {}),
        texts=texts,
    )


def relocate(gold: Gold, texts: Mapping[str, str]) -> Gold:
    """Return the gold with offsets into ``texts`` wherever a source's text differs."""

    def moved(q: GoldQuote) -> GoldQuote:
        text = texts.get(q.source)
        if text is None or text == gold.texts[q.source]:
            return q
        start = locate(text, q.text, q.occurrence)
        return replace(q, start=start, end=start + len(q.text))

    merged = {**gold.texts, **{s: t for s, t in texts.items() if s in gold.texts}}
    return Gold(tuple(map(moved, gold.quotes)), tuple(map(moved, gold.furniture)), gold.entities, merged)


# ---------------------------------------------------------------- gold checks


def check_gold(gold_path: Path, corpus_dir: Path) -> list[str]:
    """Return every problem found in a gold file (empty when it is sound)."""
    try:
        gold = load_gold(gold_path, corpus_dir)
    except (GoldError, KeyError) as exc:
        return [f"{gold_path.name}: {exc}"]
    raw = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
    entries = [*(raw.get("quotes") or []), *(raw.get("furniture_quotes") or [])]
    problems: list[str] = []
    for q, entry in zip((*gold.quotes, *gold.furniture), entries, strict=True):
        found = list(_entry_problems(q, gold))
        if "occurrence" not in entry and _count(gold.texts[q.source], q.text) > 1:
            found.append("occurs more than once: give occurrence")
        problems.extend(f"{q.source}: {q.text[:50]!r}: {p}" for p in found)
    problems.extend(_duplicate_problems(gold))
    return problems


def _entry_problems(q: GoldQuote, gold: Gold) -> Iterator[str]:
    """Yield the problems of one gold quotation."""
    text = gold.texts[q.source]
    if q.kind not in KINDS:
        yield f"unknown kind {q.kind!r}"
    if q.start == 0 or text[q.start - 1] not in QUOTE_MARKS:
        yield "not preceded by a quotation mark"
    after = text[q.end] if q.end < len(text) else "\n"
    if after not in QUOTE_MARKS and after != "\n":
        yield "not followed by a quotation mark or the paragraph's end"
    for label in (q.speaker, q.reported_by):
        if label is not None and label not in gold.entities:
            yield f"unknown entity {label!r}"
    if not q.furniture and q.kind in SPEECH_KINDS and not q.statement:
        yield "statement or fragment without a statement label"
    if q.speaker and q.speaker_as_written and not q.optional:
        yield from _surface_problems(q, gold)


def _surface_problems(q: GoldQuote, gold: Gold) -> Iterator[str]:
    """Yield a problem when the speaker as written is not one of its entity's forms."""
    entity = gold.entities.get(q.speaker or "")
    if entity and normalise_name(q.speaker_as_written or "") not in {normalise_name(f) for f in entity.forms}:
        yield f"speaker_as_written {q.speaker_as_written!r} not among {entity.label}'s forms"


def _duplicate_problems(gold: Gold) -> Iterator[str]:
    """Yield a problem for every two gold quotations with the same span."""
    seen: set[tuple[str, int, int]] = set()
    for q in (*gold.quotes, *gold.furniture):
        key = (q.source, q.start, q.end)
        if key in seen:
            yield f"{q.source}: {q.text[:50]!r}: listed twice"
        seen.add(key)


def _count(text: str, needle: str) -> int:
    """Count the (possibly overlapping) occurrences of ``needle`` in ``text``."""
    count, index = 0, text.find(needle)
    while index >= 0:
        count, index = count + 1, text.find(needle, index + 1)
    return count


def summary(gold: Gold) -> str:
    """Return a short report: quotations per source and kind, and cross-outlet statements."""
    columns = (*KINDS, "optional", "furniture")
    lines = [f"{'source':<28}" + "".join(f"{c:>10}" for c in columns)]
    for source in sorted(gold.texts):
        counts = Counter(q.kind for q in gold.required if q.source == source)
        counts["optional"] = sum(q.optional and q.source == source for q in gold.quotes)
        counts["furniture"] = sum(q.source == source for q in gold.furniture)
        lines.append(f"{source:<28}" + "".join(f"{counts[c]:>10}" for c in columns))
    by_label: dict[str, list[str]] = defaultdict(list)
    for q in gold.quotes:
        if q.statement and q.kind in SPEECH_KINDS and not q.optional:
            by_label[q.statement].append(q.source)
    lines.append("statements reported by several sources:")
    for label, sources in sorted(by_label.items()):
        if len(set(sources)) > 1:
            lines.append(f"  {label}: {', '.join(sources)}")
    return "\n".join(lines)


# ---------------------------------------------------------------- spans


def _is_trimmable(char: str) -> bool:
    """Tell whether a character is whitespace or punctuation (trimmed at span ends)."""
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and punctuation at both ends."""
    start, end = max(0, start), min(len(text), end)
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Return the character intersection-over-union of two half-open spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 and inter > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted quotation with its source stem and trimmed span."""

    quote: Quote
    source: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold quotation aligned with a prediction, and how much their spans overlap."""

    gold: GoldQuote
    pred: Prediction
    iou: float

    @property
    def strict(self) -> bool:
        """Tell whether the trimmed spans are equal."""
        return self.iou == 1.0


def source_keys(articles: Iterable[Article]) -> dict[str, str]:
    """Map every article id to its file stem (the gold's source key)."""
    return {a.id: Path(a.path).stem if a.path else a.id for a in articles}


def predictions(digest: Digest, texts: Mapping[str, str]) -> list[Prediction]:
    """Return the digest's quotes keyed by source stem, with trimmed spans."""
    keys = source_keys(digest.articles)
    out = []
    for quote in digest.quotes:
        source = keys.get(quote.source, quote.source)
        text = texts.get(source, "")
        out.append(Prediction(quote, source, trim(text, quote.start, quote.end)))
    return out


def align(golds: Sequence[GoldQuote], preds: Sequence[Prediction], texts: Mapping[str, str]) -> list[Pair]:
    """Match gold and predicted quotations one to one, best overlap first (IoU >= 0.5)."""
    candidates = []
    for gi, g in enumerate(golds):
        gspan = trim(texts[g.source], g.start, g.end)
        for pi, p in enumerate(preds):
            if p.source == g.source and (score := iou(gspan, p.span)) >= LENIENT_IOU:
                candidates.append((-score, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for neg, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append(Pair(golds[gi], preds[pi], -neg))
    return pairs


def furniture_hits(gold: Gold, preds: Sequence[Prediction]) -> list[Prediction]:
    """Return the predictions that overlap a furniture quotation."""
    spans = [(f.source, trim(gold.texts[f.source], f.start, f.end)) for f in gold.furniture]
    return [p for p in preds if any(s == p.source and _overlaps(span, p.span) for s, span in spans)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two half-open spans share a character."""
    return max(a[0], b[0]) < min(a[1], b[1])


# ---------------------------------------------------------------- speakers


def normalise_name(name: str) -> str:
    """Return a name's comparison key: casefolded ASCII words, no apostrophes or titles."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(f"[{APOSTROPHES}]", "", plain)
    tokens = [t for t in re.split(r"[\W_]+", plain) if t]
    while tokens and tokens[0] in TITLE_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


def form_owners(entities: Mapping[str, GoldEntity]) -> dict[str, frozenset[str]]:
    """Map each normalised surface form to the gold entities that use it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities.values():
        for form in entity.forms:
            if key := normalise_name(form):
                owners[key].add(entity.label)
    return {key: frozenset(labels) for key, labels in owners.items()}


def scoped_owners(entities: Mapping[str, GoldEntity]) -> Callable[[str], dict[str, frozenset[str]]]:
    """Return a function giving, per source, the form owners among the entities that count there."""
    if not any(e.sources for e in entities.values()):
        everywhere = form_owners(entities)
        return lambda source: everywhere
    cache: dict[str, dict[str, frozenset[str]]] = {}

    def owners(source: str) -> dict[str, frozenset[str]]:
        if source not in cache:
            cache[source] = form_owners({k: e for k, e in entities.items() if not e.sources or source in e.sources})
        return cache[source]

    return owners


def predicted_names(quote: Quote, speakers: Mapping[str, Speaker]) -> list[str]:
    """Return every name a prediction gives its speaker: as written, entity name, aliases."""
    names = [quote.speaker_as_written] if quote.speaker_as_written else []
    speaker = speakers.get(quote.speaker or "")
    if speaker is not None:
        names.extend([speaker.name, *speaker.aliases])
    return names


def speaker_matches(
    quote: Quote, label: str, speakers: Mapping[str, Speaker], owners: Mapping[str, frozenset[str]]
) -> bool:
    """Tell whether a prediction names the gold entity ``label`` and no other gold entity.

    Forms shared by several gold entities (a bare surname of two namesakes) are ignored.
    """
    named: set[str] = set()
    for name in predicted_names(quote, speakers):
        labels = owners.get(normalise_name(name), frozenset())
        if len(labels) == 1:
            named |= labels
    return named == {label}


# ---------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class Scores:
    """Every metric of one evaluation set; ratios are in [0, 1]."""

    gold_quotes: int
    predicted_quotes: int
    quote_precision: float
    quote_recall: float
    quote_f1: float
    lenient_precision: float
    lenient_recall: float
    lenient_f1: float
    kind_accuracy: float
    statement_precision: float
    statement_recall: float
    furniture_quotes: int
    speaker_quotes: int
    speaker_accuracy: float
    entities_consistent: float
    conflated_speakers: int
    bcubed_precision: float
    bcubed_recall: float
    speaker_pairs: int
    speaker_pair_recall: float
    """Pairs of quotations by one gold person in two outlets that share one speaker page, end to end."""
    speaker_merge_recall: float
    """The same among the pairs whose two speakers were both found correctly: merging alone."""
    gold_pairs: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    exact_baseline_precision: float
    exact_baseline_recall: float
    exact_baseline_f1: float
    fuzzy_baseline_precision: float
    fuzzy_baseline_recall: float
    fuzzy_baseline_f1: float
    details: tuple[str, ...] = ()
    """Human-readable lines naming every miss, false positive and wrong speaker."""

    def metrics(self) -> dict[str, float]:
        """Return every numeric metric by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "details"}


def ratio(num: float, den: float, *, vacuous: bool) -> float:
    """Return ``num / den``; with nothing to count, 1.0 if that is right (``vacuous``) else 0.0."""
    if den:
        return num / den
    return 1.0 if vacuous else 0.0


def f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _span_scores(gold: Gold, preds: Sequence[Prediction], pairs: Sequence[Pair]) -> dict[str, Any]:
    """Return quote span precision, recall and F1, strict and lenient, and kind metrics.

    ``preds`` are the predictions that count: those on optional gold quotations are left out.
    """
    required = [p for p in pairs if not p.gold.optional]
    counted = len(preds)
    n_gold, nothing = len(gold.required), not gold.required
    strict = sum(p.strict for p in required)
    out: dict[str, Any] = {"gold_quotes": n_gold, "predicted_quotes": counted}
    for name, hits in (("quote", strict), ("lenient", len(required))):
        precision = ratio(hits, counted, vacuous=nothing)
        recall = ratio(hits, n_gold, vacuous=nothing)
        out.update({f"{name}_precision": precision, f"{name}_recall": recall})
        out[f"{name}_f1"] = f1(precision, recall)
    same_kind = sum(str(p.pred.quote.kind) == p.gold.kind for p in required)
    out["kind_accuracy"] = ratio(same_kind, len(required), vacuous=nothing)
    out.update(_statement_scores(gold, preds, required))
    return out


def _statement_scores(gold: Gold, preds: Sequence[Prediction], required: Sequence[Pair]) -> dict[str, float]:
    """Return statement precision and recall (statement and fragment kinds on both sides)."""
    speech = [p for p in required if p.strict and p.gold.kind in SPEECH_KINDS]
    hits = sum(str(p.pred.quote.kind) in SPEECH_KINDS for p in speech)
    predicted = sum(str(p.quote.kind) in SPEECH_KINDS for p in preds)
    gold_speech = sum(q.kind in SPEECH_KINDS for q in gold.required)
    nothing = gold_speech == 0
    return {
        "statement_precision": ratio(hits, predicted, vacuous=nothing),
        "statement_recall": ratio(hits, gold_speech, vacuous=nothing),
    }


def _speaker_scores(
    gold: Gold, pairs: Sequence[Pair], speakers: Mapping[str, Speaker]
) -> tuple[dict[str, Any], list[str]]:
    """Return speaker accuracy (a missed quotation counts as wrong) and the wrong ones."""
    owners = scoped_owners(gold.entities)
    by_gold = {id(p.gold): p for p in pairs}
    targets = [q for q in gold.required if q.speaker]
    right, wrong = 0, []
    for q in targets:
        pair = by_gold.get(id(q))
        if pair and speaker_matches(pair.pred.quote, q.speaker or "", speakers, owners(q.source)):
            right += 1
        else:
            got = predicted_names(pair.pred.quote, speakers) if pair else "missed"
            wrong.append(f"speaker {q.source}: {q.text[:40]!r}: want {q.speaker}, got {got}")
    accuracy = ratio(right, len(targets), vacuous=not targets)
    return {"speaker_quotes": len(targets), "speaker_accuracy": accuracy}, wrong


def _speaker_pair_scores(gold: Gold, pairs: Sequence[Pair], speakers: Mapping[str, Speaker]) -> dict[str, Any]:
    """Return how many cross-outlet pairs of one person's quotations land on one speaker page.

    End to end, a missed quotation or one without a speaker breaks its pairs; merging alone
    counts only the pairs whose two quotations both have the right speaker, so it measures
    whether the spellings of one person were linked into one entity.
    """
    owners = scoped_owners(gold.entities)
    by_gold = {id(p.gold): p for p in pairs}
    by_entity: dict[str, list[tuple[str, str | None, bool]]] = defaultdict(list)
    for q in gold.required:
        if not q.speaker:
            continue
        pair = by_gold.get(id(q))
        got = pair.pred.quote.speaker if pair else None
        right = bool(pair) and speaker_matches(pair.pred.quote, q.speaker, speakers, owners(q.source))
        by_entity[q.speaker].append((q.source, got, right))
    total = linked = both_right = merged = 0
    for rows in by_entity.values():
        for (source_a, got_a, right_a), (source_b, got_b, right_b) in combinations(rows, 2):
            if source_a == source_b:
                continue
            same = got_a is not None and got_a == got_b
            total += 1
            linked += same
            if right_a and right_b:
                both_right += 1
                merged += same
    return {
        "speaker_pairs": total,
        "speaker_pair_recall": ratio(linked, total, vacuous=True),
        "speaker_merge_recall": ratio(merged, both_right, vacuous=True),
    }


def _resolution_scores(gold: Gold, pairs: Sequence[Pair]) -> dict[str, Any]:
    """Return entity consistency, conflated predicted speakers and B-cubed precision/recall."""
    items = [
        (p.gold.speaker, p.pred.quote.speaker or f"<none {i}>")
        for i, p in enumerate(pairs)
        if p.gold.speaker and not p.gold.optional
    ]
    by_entity: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for entity, pred in items:
        by_entity[entity].add(pred)
        by_pred[pred].add(entity)
    wanted = {q.speaker for q in gold.required if q.speaker}
    consistent = sum(len(ids) == 1 and not next(iter(ids)).startswith("<none") for ids in by_entity.values())
    precision, recall = bcubed(items)
    return {
        "entities_consistent": ratio(consistent, len(wanted), vacuous=not wanted),
        "conflated_speakers": sum(len(ents) > 1 for ents in by_pred.values()),
        "bcubed_precision": precision if items else ratio(0, 0, vacuous=not wanted),
        "bcubed_recall": recall if items else ratio(0, 0, vacuous=not wanted),
    }


def bcubed(items: Sequence[tuple[Any, Any]]) -> tuple[float, float]:
    """Return B-cubed precision and recall of (gold cluster, predicted cluster) items."""
    if not items:
        return 0.0, 0.0
    gold_size = Counter(g for g, _ in items)
    pred_size = Counter(p for _, p in items)
    both = Counter(items)
    precision = sum(both[(g, p)] / pred_size[p] for g, p in items) / len(items)
    recall = sum(both[(g, p)] / gold_size[g] for g, p in items) / len(items)
    return precision, recall


def pairwise(
    items: Sequence[tuple[str, str, str | None]], *, gold_positive: int | None = None
) -> tuple[float, float, int]:
    """Return pairwise precision and recall over (source, gold label, predicted cluster) items.

    Only pairs from different sources count. ``gold_positive`` (the number of positive pairs
    in the whole gold) decides whether an empty count is vacuously right. Also returns the
    number of positive gold pairs among the items.
    """
    tp = predicted = positive = 0
    for (sa, ga, pa), (sb, gb, pb) in combinations(items, 2):
        if sa == sb:
            continue
        same_pred = pa is not None and pa == pb
        tp += same_pred and ga == gb
        predicted += same_pred
        positive += ga == gb
    vacuous = (gold_positive if gold_positive is not None else positive) == 0
    return ratio(tp, predicted, vacuous=vacuous), ratio(tp, positive, vacuous=vacuous), positive


def speech_quotes(gold: Gold) -> list[GoldQuote]:
    """Return the required statements and fragments that carry a statement label."""
    return [q for q in gold.required if q.kind in SPEECH_KINDS and q.statement]


def exact_key(text: str) -> str:
    """Return a text's exact-merging key: casefolded, punctuation and whitespace removed."""
    return re.sub(r"[\W_]+", "", text.casefold())


def exact_clusters(texts: Sequence[str]) -> list[str]:
    """Cluster texts by exact normalised equality."""
    return [exact_key(t) for t in texts]


def fuzzy_clusters(texts: Sequence[str], cutoff: float = FUZZY_BASELINE_CUTOFF) -> list[str]:
    """Cluster texts by ``token_set_ratio >= cutoff`` with transitive closure."""
    if not texts:
        return []
    matrix = process.cdist(
        texts, texts, scorer=fuzz.token_set_ratio, processor=utils.default_process, score_cutoff=cutoff
    )
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*matrix.nonzero(), strict=True):
        parent[root(int(i))] = root(int(j))
    return [f"f{root(i)}" for i in range(len(texts))]


def _pairwise_scores(gold: Gold, pairs: Sequence[Pair]) -> dict[str, Any]:
    """Return statement matching scores of the prediction and of the two baselines."""
    everything = speech_quotes(gold)
    all_items = [(q.source, q.statement or "", q.statement) for q in everything]
    _, _, gold_positive = pairwise(all_items)
    matched = [
        (p.gold.source, p.gold.statement or "", p.pred.quote.cluster)
        for p in pairs
        if not p.gold.optional and p.gold.kind in SPEECH_KINDS and p.gold.statement
    ]
    precision, recall, _ = pairwise(matched, gold_positive=gold_positive)
    out: dict[str, Any] = {"gold_pairs": gold_positive}
    out.update(pairwise_precision=precision, pairwise_recall=recall, pairwise_f1=f1(precision, recall))
    texts = [q.text for q in everything]
    for name, clusters in (("exact", exact_clusters(texts)), ("fuzzy", fuzzy_clusters(texts))):
        items = [(q.source, q.statement or "", c) for q, c in zip(everything, clusters, strict=True)]
        bp, br, _ = pairwise(items)
        out.update({f"{name}_baseline_precision": bp, f"{name}_baseline_recall": br})
        out[f"{name}_baseline_f1"] = f1(bp, br)
    return out


def _details(gold: Gold, preds: Sequence[Prediction], pairs: Sequence[Pair]) -> list[str]:
    """Return one line per missed gold quotation, false positive and loose span."""
    matched_gold = {id(p.gold) for p in pairs}
    matched_pred = {id(p.pred) for p in pairs}
    lines = [f"missed {q.source}: {q.text[:60]!r}" for q in gold.required if id(q) not in matched_gold]
    lines += [
        f"spurious {p.source}: {p.quote.text[:60]!r} ({p.quote.kind})" for p in preds if id(p) not in matched_pred
    ]
    required = [p for p in pairs if not p.gold.optional]
    lines += [
        f"loose span {p.gold.source}: want {p.gold.text[:40]!r}, got {p.pred.quote.text[:40]!r}"
        for p in required
        if not p.strict
    ]
    lines += [
        f"kind {p.gold.source}: {p.gold.text[:40]!r}: want {p.gold.kind}, got {p.pred.quote.kind}"
        for p in required
        if str(p.pred.quote.kind) != p.gold.kind
    ]
    return lines + _pair_details(required)


def _pair_details(pairs: Sequence[Pair]) -> list[str]:
    """Return one line per wrongly split or wrongly merged cross-source statement pair."""
    speech = [p for p in pairs if p.gold.kind in SPEECH_KINDS and p.gold.statement]
    lines = []
    for a, b in combinations(speech, 2):
        if a.gold.source == b.gold.source:
            continue
        same_gold = a.gold.statement == b.gold.statement
        same_pred = a.pred.quote.cluster is not None and a.pred.quote.cluster == b.pred.quote.cluster
        if same_gold != same_pred:
            what = "split" if same_gold else "merged"
            lines.append(f"{what} {a.gold.statement} ({a.gold.source}) / {b.gold.statement} ({b.gold.source})")
    return lines


def score(digest: Digest, gold: Gold) -> Scores:
    """Score a Digest against a loaded gold file."""
    keys = source_keys(digest.articles)
    texts = {keys[a.id]: a.text for a in digest.articles}
    gold = relocate(gold, texts)
    texts = {**gold.texts, **texts}
    preds = predictions(digest, texts)
    pairs = align(gold.quotes, preds, texts)
    on_optional = {id(p.pred) for p in pairs if p.gold.optional}
    counted = [p for p in preds if id(p) not in on_optional]
    speakers = {s.id: s for s in digest.speakers}
    speaker_values, wrong = _speaker_scores(gold, pairs, speakers)
    furniture = furniture_hits(gold, preds)
    values = {
        **_span_scores(gold, counted, pairs),
        **speaker_values,
        **_resolution_scores(gold, pairs),
        **_speaker_pair_scores(gold, pairs, speakers),
        **_pairwise_scores(gold, pairs),
        "furniture_quotes": len(furniture),
    }
    details = [*_details(gold, counted, pairs), *wrong]
    details += [f"furniture {p.source}: {p.quote.text[:60]!r}" for p in furniture]
    return Scores(**values, details=tuple(details))


# ---------------------------------------------------------------- floors and table


def load_floors(path: Path = FLOORS_PATH) -> dict[str, dict[str, dict[str, float]]]:
    """Load ``floors.json``: per set, ``min`` and ``max`` bounds per metric."""
    data: dict[str, dict[str, dict[str, float]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_floors(scores: Scores, bounds: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Return one line per metric below its floor or above its ceiling."""
    metrics = scores.metrics()
    failures = [
        f"{name} = {metrics[name]:.3f} < floor {floor}"
        for name, floor in bounds.get("min", {}).items()
        if metrics[name] < floor
    ]
    failures += [
        f"{name} = {metrics[name]} > max {ceiling}"
        for name, ceiling in bounds.get("max", {}).items()
        if metrics[name] > ceiling
    ]
    return failures


TABLE_ROWS: tuple[tuple[str, str], ...] = (
    ("gold_quotes", "gold quotations"),
    ("predicted_quotes", "predicted quotations"),
    ("quote_precision", "quote precision (strict)"),
    ("quote_recall", "quote recall (strict)"),
    ("quote_f1", "quote F1 (strict)"),
    ("lenient_precision", "quote precision (IoU>=0.5)"),
    ("lenient_recall", "quote recall (IoU>=0.5)"),
    ("lenient_f1", "quote F1 (IoU>=0.5)"),
    ("kind_accuracy", "kind accuracy"),
    ("statement_precision", "statement precision"),
    ("statement_recall", "statement recall"),
    ("furniture_quotes", "furniture quotations"),
    ("speaker_quotes", "quotations with a speaker"),
    ("speaker_accuracy", "speaker accuracy"),
    ("entities_consistent", "entities with one speaker id"),
    ("conflated_speakers", "speaker ids spanning 2+ entities"),
    ("bcubed_precision", "B-cubed precision"),
    ("bcubed_recall", "B-cubed recall"),
    ("speaker_pairs", "same-person pairs across outlets"),
    ("speaker_pair_recall", "  on one speaker page, end to end"),
    ("speaker_merge_recall", "  on one page, speakers found right"),
    ("gold_pairs", "gold cross-source pairs"),
    ("pairwise_precision", "pairwise precision"),
    ("pairwise_recall", "pairwise recall"),
    ("pairwise_f1", "pairwise F1"),
    ("exact_baseline_precision", "  exact baseline precision"),
    ("exact_baseline_recall", "  exact baseline recall"),
    ("exact_baseline_f1", "  exact baseline F1"),
    ("fuzzy_baseline_precision", "  fuzzy baseline precision"),
    ("fuzzy_baseline_recall", "  fuzzy baseline recall"),
    ("fuzzy_baseline_f1", "  fuzzy baseline F1"),
)


def _cell(value: float, width: int) -> str:
    """Format one table cell: integers as they are, ratios with three decimals."""
    return f"{value:>{width}d}" if isinstance(value, int) else f"{value:>{width}.3f}"


def format_table(results: Mapping[str, Scores]) -> str:
    """Return a plain-text table, one column per evaluation set."""
    width = max([8, *(len(name) for name in results)]) + 2
    header = f"{'metric':<34}" + "".join(f"{name:>{width}}" for name in results)
    lines = [header, "-" * len(header)]
    for key, label in TABLE_ROWS:
        cells = "".join(_cell(getattr(s, key), width) for s in results.values())
        lines.append(f"{label:<34}{cells}")
    return "\n".join(lines)


# ---------------------------------------------------------------- command line


def evaluate_set(name: str) -> Scores:
    """Run the pipeline on one evaluation set and score it."""
    from digest.pipeline import analyse

    corpus, gold_path = SETS[name]
    return score(analyse(corpus), load_gold(gold_path, corpus))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the gold check, the gold summary or the score table of the evaluation sets."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.evaluate", description=main.__doc__)
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="set(s) to run (default all)")
    parser.add_argument("--check", action="store_true", help="only check the gold files")
    parser.add_argument("--summary", action="store_true", help="only summarise the gold files")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = parser.parse_args(argv)
    names = args.set or list(SETS)
    if args.check or args.summary:
        return _report_gold(names, check=args.check)
    try:
        results = {name: evaluate_set(name) for name in names}
    except ImportError as exc:
        print(f"digest.pipeline cannot be imported yet: {exc}", file=sys.stderr)
        return 2
    print(format_table(results))
    floors, status = load_floors(), 0
    for name, scores in results.items():
        for line in check_floors(scores, floors.get(name, {})):
            print(f"[{name}] BELOW FLOOR: {line}")
            status = 1
        if args.verbose:
            print("\n".join(f"[{name}] {line}" for line in scores.details))
    return status


def _report_gold(names: Sequence[str], *, check: bool) -> int:
    """Print the gold problems (``check``) or the gold summary of each set."""
    status = 0
    for name in names:
        corpus, gold_path = SETS[name]
        if check:
            problems = check_gold(gold_path, corpus)
            print(f"[{name}] {len(problems)} problem(s)", *problems, sep="\n  ")
            status |= bool(problems)
        else:
            print(f"[{name}]\n{summary(load_gold(gold_path, corpus))}")
    return status


if __name__ == "__main__":
    sys.exit(main())
