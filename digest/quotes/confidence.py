"""Data only: how often each attribution rule names the right speaker.

Measured on the train split of PolNeAR (real 2016 US election news, 840 articles), as the
share of quotations attributed by the rule whose speaker matched the annotated source;
``benchmarks/attribution_confidence.py`` measures them again and rewrites this table. A
rule seen fewer than 30 times there takes the pooled figure of its resolution (``+salient``
over every frame) or of its frame, or 0.5 (a guess) where that pool is thin too; so does a
rule missing here (never seen in the measurement): ``UNMEASURED``.
"""

from __future__ import annotations

UNMEASURED = 0.5
"""The confidence of a rule too rarely seen to be measured: a guess."""

FRAME_CONFIDENCE: dict[str, float] = {
    "apposition": 0.5,
    "continued": 0.98,
    "continued+earlier": 0.47,
    "continued+office": 0.5,
    "continued+pronoun": 0.88,
    "later": 0.5,
    "later+pronoun": 0.87,
    "left": 0.93,
    "left+earlier": 0.47,
    "left+pronoun": 0.87,
    "left+salient": 0.5,
    "right": 0.96,
    "right+earlier": 0.47,
    "right+office": 0.5,
    "right+pronoun": 0.88,
    "right+salient": 0.5,
    "sentence": 0.94,
    "sentence+earlier": 0.47,
    "sentence+pronoun": 0.84,
    "subject": 0.77,
    "subject+earlier": 0.47,
    "subject+pronoun": 0.87,
}
"""Attribution rule (``Quote.attribution``) → share of right speakers."""
