"""Tests for word-level diffs between wordings of one statement (their collation is in test_collation)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digest.models import DiffOp
from digest.publish.diff import diff_stats, diff_tokens, word_diff
from digest.text.tokens import normalise_token, tokenize

SPUTNIK = (
    "The relationship with the international coalition will continue in the field of training, advice and empowerment,"
)
SHAFAQ = "the relationship will continue with the International Coalition in the field of training."
TELESUR = "the relationship with the international coalition will continue in the training, advisory and training camps"
NORTHPRESS = (
    "The relationship of Iraqi forces with the international coalition continues in the fields of "
    "training, advising and capacity building,"
)


def changes(ops: tuple[DiffOp, ...]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Return the ops that are not ``equal``, as plain tuples."""
    return [(op.op, op.canonical, op.variant) for op in ops if op.op != "equal"]


def sides(ops: tuple[DiffOp, ...]) -> tuple[list[str], list[str]]:
    """Return every canonical-side word and every variant-side word, in order."""
    return [w for op in ops for w in op.canonical], [w for op in ops for w in op.variant]


def test_identical_wording_is_one_equal_op() -> None:
    ops = word_diff(SPUTNIK, SPUTNIK)
    assert [op.op for op in ops] == ["equal"]
    assert diff_stats(ops)["similarity"] == 1.0


def test_shafaq_drops_the_tail_and_moves_the_verb() -> None:
    ops = word_diff(SPUTNIK, SHAFAQ)
    assert ("delete", ("advice", "and", "empowerment,"), ()) in changes(ops)
    assert ("insert", (), ("will", "continue")) in changes(ops)
    assert ("delete", ("will", "continue"), ()) in changes(ops)
    equal = [op for op in ops if op.op == "equal"]
    assert ("with", "the", "international", "coalition") in [op.canonical for op in equal]
    assert ("with", "the", "International", "Coalition") in [op.variant for op in equal]


def test_telesur_replaces_the_tail() -> None:
    assert changes(word_diff(SPUTNIK, TELESUR)) == [
        ("delete", ("field", "of"), ()),
        ("replace", ("advice",), ("advisory",)),
        ("replace", ("empowerment,",), ("training", "camps")),
    ]


def test_north_press_inserts_and_inflects() -> None:
    assert changes(word_diff(SPUTNIK, NORTHPRESS)) == [
        ("insert", (), ("of", "Iraqi", "forces")),
        ("replace", ("will", "continue"), ("continues",)),
        ("replace", ("field",), ("fields",)),
        ("replace", ("advice",), ("advising",)),
        ("replace", ("empowerment,",), ("capacity", "building,")),
    ]


def test_stats_count_words_and_rank_the_variants() -> None:
    stats = {name: diff_stats(word_diff(SPUTNIK, text)) for name, text in [("shafaq", SHAFAQ), ("telesur", TELESUR)]}
    assert stats["telesur"] == {
        "equal": 12,
        "insert": 0,
        "delete": 2,
        "replace": 2,
        "replaced_by": 3,
        "similarity": 12 / 16,
    }
    assert stats["shafaq"]["equal"] == 11 and stats["shafaq"]["delete"] == 5 and stats["shafaq"]["insert"] == 2
    north = diff_stats(word_diff(SPUTNIK, NORTHPRESS))
    assert north["similarity"] == 11 / 19
    assert 0 < north["similarity"] < stats["shafaq"]["similarity"] < stats["telesur"]["similarity"] < 1


def test_punctuation_case_apostrophes_and_ellipses_are_ignored() -> None:
    canonical = "We won't leave Iraq... the coalition's role is over."
    variant = "“we WON’T leave iraq … The Coalition’s role, is over”"
    ops = word_diff(canonical, variant)
    assert [op.op for op in ops] == ["equal"]
    assert ops[0].canonical[-1] == "over." and ops[0].variant[0] == "“we"
    assert diff_stats(ops)["similarity"] == 1.0


def test_two_dot_ellipsis_is_not_a_word() -> None:
    ops = word_diff("training.. advice", "training … advice")
    assert [op.op for op in ops] == ["equal"]


def test_empty_strings() -> None:
    assert word_diff("", "") == ()
    assert word_diff("  …  ", "") == ()
    assert word_diff("", "new words") == (DiffOp("insert", (), ("new", "words")),)
    assert word_diff("old words", "") == (DiffOp("delete", ("old", "words"), ()),)
    assert diff_stats(()) == {"equal": 0, "insert": 0, "delete": 0, "replace": 0, "replaced_by": 0, "similarity": 1.0}
    assert diff_stats(word_diff("", "new words"))["similarity"] == 0.0


def test_tokens_keep_punctuation_with_their_word() -> None:
    words = [word for word, _ in diff_tokens("“Hello… world..” (it’s 2,500) - ok")]
    assert words == ["“Hello…", "world..”", "(it’s", "2,500)", "- ok"]


def _words(text: str) -> list[str]:
    """Return the normalised words of ``text`` that a diff compares."""
    return [norm for word, _, _ in tokenize(text) if (norm := normalise_token(word))]


pieces = st.sampled_from([*"abcAB xyz  ,.;’'\"“”…-\n", "..", "é", "2,5", "U.S.", "coalition"])
wordings = st.lists(pieces, max_size=30).map("".join) | st.text(max_size=40)


@given(wordings, wordings)
def test_each_side_of_the_ops_is_that_wording(canonical: str, variant: str) -> None:
    ops = word_diff(canonical, variant)
    left, right = sides(ops)
    assert left == [word for word, _ in diff_tokens(canonical)]
    assert right == [word for word, _ in diff_tokens(variant)]
    assert [n for _, n in diff_tokens(canonical)] == _words(canonical)
    assert [n for _, n in diff_tokens(variant)] == _words(variant)


@given(wordings)
def test_tokens_lose_no_visible_character(text: str) -> None:
    pieces = [word for word, _ in diff_tokens(text)]
    if pieces:
        assert "".join("".join(p.split()) for p in pieces) == "".join(text.split())


@given(wordings, wordings)
def test_equal_ops_match_on_normalised_words(canonical: str, variant: str) -> None:
    for op in word_diff(canonical, variant):
        assert op.op in {"equal", "insert", "delete", "replace"}
        if op.op == "equal":
            assert [_words(w) for w in op.canonical] == [_words(w) for w in op.variant]
        stats = diff_stats((op,))
        assert 0.0 <= stats["similarity"] <= 1.0
