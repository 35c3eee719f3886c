"""Word-level diffs between two wordings of one statement.

Words are compared on a normalised form (case, punctuation, apostrophe styles and
ellipses ignored) while every :class:`~digest.models.DiffOp` carries the words as
written, punctuation included, so a renderer can print them faithfully.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from ..models import DiffOp
from ..text.tokens import normalise_token, tokenize

OPS = ("equal", "insert", "delete", "replace")
"""The four kinds of diff step, in the order :func:`diff_stats` reports them."""

_SPACE = re.compile(r"\s")


@lru_cache(maxsize=4_096)
def diff_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """Return ``(as written, normalised)`` for each word, punctuation attached to its word.

    The latest wordings are remembered: a statement's canonical wording is compared
    with each of its variants in turn.
    """
    words = [(norm, start, end) for word, start, end in tokenize(text) if (norm := normalise_token(word))]
    if not words:
        return ()
    cuts = [0] + [_cut(text, prev_end, start) for (_, _, prev_end), (_, start, _) in itertools.pairwise(words)]
    cuts.append(len(text))
    return tuple(
        (text[a:b].strip(), norm) for (a, b), (norm, _, _) in zip(itertools.pairwise(cuts), words, strict=True)
    )


def _cut(text: str, prev_end: int, start: int) -> int:
    """Return where the gap between two words splits: at whitespace, else at the next word."""
    space = _SPACE.search(text, prev_end, start)
    return space.start() if space else start


@lru_cache(maxsize=65_536)
def word_diff(canonical: str, variant: str) -> tuple[DiffOp, ...]:
    """Return the word-level steps that turn ``canonical`` into ``variant``.

    Words match when their normalised forms are equal; the ops hold the original
    words (with punctuation), so joining each side of every op with spaces gives
    back that side's words in order.
    """
    left, right = diff_tokens(canonical), diff_tokens(variant)
    left_words, left_norms = [word for word, _ in left], [norm for _, norm in left]
    right_words, right_norms = [word for word, _ in right], [norm for _, norm in right]
    if left_norms == right_norms:
        # What difflib answers for two equal sequences, without its search.
        return (DiffOp(op="equal", canonical=tuple(left_words), variant=tuple(right_words)),) if left else ()
    matcher = difflib.SequenceMatcher(None, left_norms, right_norms, autojunk=False)
    return tuple(
        DiffOp(op=tag, canonical=tuple(left_words[i1:i2]), variant=tuple(right_words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def diff_stats(ops: Sequence[DiffOp]) -> dict[str, float]:
    """Return word counts per op and ``similarity`` (equal words / the longer side's length).

    ``replace`` counts canonical-side words; ``replaced_by`` counts the variant-side
    words that took their place. Two empty wordings have similarity 1.
    """
    counts: dict[str, float] = {op: 0 for op in OPS}
    counts["replaced_by"] = 0
    for op in ops:
        counts[op.op] += len(op.variant) if op.op == "insert" else len(op.canonical)
        if op.op == "replace":
            counts["replaced_by"] += len(op.variant)
    canonical_len = sum(len(op.canonical) for op in ops)
    variant_len = sum(len(op.variant) for op in ops)
    longest = max(canonical_len, variant_len)
    counts["similarity"] = counts["equal"] / longest if longest else 1.0
    return counts
