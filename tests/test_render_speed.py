"""Work that several pages share is done once, and the shortcuts give the same answers."""

from __future__ import annotations

import difflib
import statistics
from collections import Counter
from typing import Any

import pytest

from digest.group.coverage import _concept_set
from digest.models import QuoteCluster
from digest.publish import load_project, render
from digest.publish.diff import diff_stats, diff_tokens, word_diff
from digest.publish.lookups import STATEMENT_KINDS
from digest.publish.render import Renderer
from digest.text.concepts import concepts
from digest.text.sentences import SENTENCE_SPLIT as SENTENCE_END

from .conftest import SEEDS


def test_each_statement_card_is_built_once(seeds_digest, monkeypatch: pytest.MonkeyPatch) -> None:
    built: Counter[tuple[str, int]] = Counter()
    shown: Counter[str] = Counter()
    build, card = Renderer._build_card, Renderer._card

    def counting_build(self: Renderer, cluster: QuoteCluster, page: str) -> dict[str, Any]:
        built[(cluster.id, page.count("/"))] += 1
        return build(self, cluster, page)

    def counting_card(self: Renderer, cluster: QuoteCluster, page: str) -> dict[str, Any]:
        shown[cluster.id] += 1
        return card(self, cluster, page)

    monkeypatch.setattr(Renderer, "_build_card", counting_build)
    monkeypatch.setattr(Renderer, "_card", counting_card)
    Renderer(seeds_digest, load_project(SEEDS).settings).pages()
    assert built and set(built.values()) == {1}
    assert max(shown.values()) > 1, "no card is shown on both a storyline and a speaker page"


def test_each_variant_is_diffed_once(seeds_digest, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[tuple[str, str]] = Counter()

    def counting(canonical: str, variant: str) -> Any:
        calls[(canonical, variant)] += 1
        return word_diff(canonical, variant)

    monkeypatch.setattr(render, "word_diff", counting)
    Renderer(seeds_digest, load_project(SEEDS).settings).pages()
    assert calls and set(calls.values()) == {1}


def test_fidelity_is_the_mean_similarity_of_each_outlets_shared_quotes(seeds_digest) -> None:
    """Against the canonical wording, or the fullest other outlet's where the outlet's own is canonical."""
    renderer = Renderer(seeds_digest, load_project(SEEDS).settings)
    site = renderer.site
    expected: dict[str, list[float]] = {}
    for quote in seeds_digest.quotes:
        cluster = site.clusters.get(quote.cluster or "")
        if cluster is None or quote.kind not in STATEMENT_KINDS:
            continue
        outlet = site.outlet(site.articles[quote.source])
        others = [site.quotes[q] for q in cluster.quotes if site.outlet(site.articles[site.quotes[q].source]) != outlet]
        if not others:
            continue
        canonical = site.quotes[cluster.canonical]
        reference = canonical if canonical in others else max(others, key=lambda q: len(q.text.split()))
        ops = word_diff(reference.text, quote.text)
        expected.setdefault(outlet, []).append(diff_stats(ops)["similarity"])
    fidelity = renderer._fidelity()
    assert fidelity == {
        outlet: {"score": round(100 * statistics.fmean(values)), "count": len(values)}
        for outlet, values in expected.items()
    }
    assert fidelity


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.-led coalition's 2,500 troops won't leave; the U.N.'s envoy said so at 10:30.",
        "US and UK officials’ “co-operation” — it’s THE Ministry’S call, isn’t it?",
        "Organisations, labour and defence: the organization continues, continued, continuing.",
        "",
        "… -- ' ’ 'quoted' ‘single’ «guillemets» Zürich café naïve",
    ],
)
def test_concepts_of_a_sentence_are_those_of_its_words(text: str) -> None:
    assert _concept_set(text) == set(concepts(text))


def test_concepts_of_every_seed_sentence_are_those_of_its_words(seeds_digest) -> None:
    sentences = [s for a in seeds_digest.articles for p in a.paragraphs() for s in SENTENCE_END.split(p)]
    assert sentences
    for sentence in sentences:
        assert _concept_set(sentence) == set(concepts(sentence)), sentence


@pytest.mark.parametrize(
    ("canonical", "variant"),
    [
        ("We will not back down.", "we will NOT back down"),
        ("It’s over... for now", "It's over for now!"),
        ("", ""),
        ("…", "--"),
        ("Same words", "Same words"),
    ],
)
def test_equal_wordings_diff_as_difflib_would(canonical: str, variant: str) -> None:
    left, right = diff_tokens(canonical), diff_tokens(variant)
    matcher = difflib.SequenceMatcher(None, [n for _, n in left], [n for _, n in right], autojunk=False)
    expected = [
        (tag, tuple(w for w, _ in left[i1:i2]), tuple(w for w, _ in right[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    assert [(op.op, op.canonical, op.variant) for op in word_diff(canonical, variant)] == expected
