"""Collations: every wording of a statement whole, aligned with the canonical one, in pages' terms and the terminal's."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from digest.publish.collation import (
    ADDED,
    CHANGED,
    LEFT_OUT,
    SAME,
    Collation,
    collate,
    join,
    merge_agreeing,
    spaced_tokens,
)
from digest.publish.diff import diff_tokens, word_diff
from digest.terminal import MARKERS, collation_lines, printable

from .test_diff import NORTHPRESS, SHAFAQ, SPUTNIK, TELESUR

WORDINGS = [NORTHPRESS, SHAFAQ, SPUTNIK, TELESUR]
"""The relationship statement as North Press (canonical in the sample site), Shafaq, Sputnik and teleSUR carried it."""


def relationship() -> Collation:
    return collate(NORTHPRESS, [(text, word_diff(NORTHPRESS, text)) for text in WORDINGS[1:]])


def cells(collation: Collation, place: int) -> list[list[tuple[str, str]]]:
    """One place as (kind, text) pieces per row."""
    return [[(p.kind, p.text) for p in cell] for cell in collation.places[place]]


def place_of(collation: Collation, canonical_words: str) -> int:
    """The place whose canonical cell reads ``canonical_words``."""
    (found,) = [i for i, place in enumerate(collation.places) if "".join(p.text for p in place[0]) == canonical_words]
    return found


def test_every_row_is_that_outlets_wording_whole() -> None:
    collation = relationship()
    assert collation.rows == 4
    assert [collation.text(row) for row in range(4)] == WORDINGS


def test_rows_keep_their_own_capitals_and_punctuation() -> None:
    collation = relationship()
    assert cells(collation, place_of(collation, "international")) == [
        [(SAME, "international")],
        [(SAME, "International")],
        [(SAME, "international")],
        [(SAME, "international")],
    ]
    assert [p.text for p in collation.places[place_of(collation, "training,")][1]] == ["training."]


def test_differences_are_marked_against_the_canonical_wording() -> None:
    collation = relationship()
    assert cells(collation, place_of(collation, "capacity building,")) == [
        [(SAME, "capacity building,")],
        [(LEFT_OUT, "")],
        [(CHANGED, "empowerment,")],
        [(CHANGED, "training camps")],
    ]
    assert cells(collation, place_of(collation, "continues")) == [
        [(SAME, "continues")],
        [(LEFT_OUT, "")],
        [(CHANGED, "will continue")],
        [(CHANGED, "will continue")],
    ]
    assert not collation.varies(place_of(collation, "relationship"))
    assert collation.varies(place_of(collation, "fields"))


def test_added_words_get_a_place_of_their_own() -> None:
    collation = collate("a b", [("a x y b", word_diff("a b", "a x y b")), ("a b", word_diff("a b", "a b"))])
    assert [cells(collation, i) for i in range(len(collation.places))] == [
        [[(SAME, "a")], [(SAME, "a")], [(SAME, "a")]],
        [[], [(ADDED, "x y")], []],
        [[(SAME, "b")], [(SAME, "b")], [(SAME, "b")]],
    ]


def test_a_rewording_joins_its_run_into_one_place_for_every_row() -> None:
    canonical = "we will stay in Iraq"
    variants = ["we remain in Iraq", "we will stay here in Iraq"]
    collation = collate(canonical, [(text, word_diff(canonical, text)) for text in variants])
    assert cells(collation, 1) == [[(SAME, "will stay")], [(CHANGED, "remain")], [(SAME, "will stay")]]
    assert cells(collation, 2) == [[], [], [(ADDED, "here")]]
    assert [collation.text(row) for row in range(3)] == [canonical, *variants]


def test_words_that_abut_stay_together() -> None:
    canonical = "the U.S.-led coalition"
    collation = collate(canonical, [("the UK-led coalition", word_diff(canonical, "the UK-led coalition"))])
    assert [tokens for tokens in spaced_tokens(canonical)] == [
        ("the", False),
        ("U.S.-", True),
        ("led", False),
        ("coalition", True),
    ]
    assert collation.text(0) == canonical and collation.text(1) == "the UK-led coalition"


def test_a_single_wording_and_an_empty_one() -> None:
    alone = collate(SPUTNIK, [])
    assert alone.rows == 1 and alone.text(0) == SPUTNIK
    assert collate("", []).places == ()
    empty = collate("…", [("new words", word_diff("…", "new words"))])
    assert empty.text(0) == "" and cells(empty, 0) == [[], [(ADDED, "new words")]]


pieces = st.sampled_from([*"abcAB xyz  ,.;’'\"“”…-\n", "..", "é", "2,5", "U.S.", "coalition"])
wordings = st.lists(pieces, max_size=30).map("".join) | st.text(max_size=40)


@given(wordings, st.lists(wordings, max_size=3))
def test_each_row_reads_as_its_wording(canonical: str, variants: list[str]) -> None:
    collation = collate(canonical, [(text, word_diff(canonical, text)) for text in variants])
    for row, text in enumerate([canonical, *variants]):
        expected = " ".join(text.split()) if diff_tokens(text) else ""
        assert " ".join(collation.text(row).split()) == expected
    for place in collation.places:
        assert any(place), "a place where no wording has anything"
        assert all(piece.kind == SAME for piece in place[0])
        for cell in place[1:]:
            if cell and all(piece.kind == SAME for piece in cell):
                canonical_words = [n for piece in place[0] for _, n in diff_tokens(piece.text)]
                assert [n for piece in cell for _, n in diff_tokens(piece.text)] == canonical_words


# ------------------------------------------------------------ the terminal


def unmarked(line: str) -> str:
    """A terminal row without its label and markers: the words as printed."""
    for marker in {m for pair in MARKERS.values() for m in pair if m}:
        line = line.replace(marker, " ")
    return " ".join(line.split())


def test_terminal_rows_are_each_outlets_words_verbatim() -> None:
    outlets = ["North Press Agency", "Shafaq News", "Sputnik International", "teleSUR English"]
    labels = ["North Press Agency (canonical)", *outlets[1:]]
    for width in (80, 120, 200):
        lines = [line.plain for line in collation_lines(relationship(), outlets, width)]
        assert all(len(line) <= width for line in lines)
        bands = "\n".join(lines).split("\n\n")
        assert len(bands) > (1 if width < 200 else 0)
        rows = [[] for _ in labels]
        for band in bands:
            for row, line in enumerate(band.splitlines()):
                assert line.startswith("  " + labels[row])
                rows[row].append(unmarked(line.removeprefix("  " + labels[row])))
        assert [" ".join(filter(None, row)) for row in rows] == WORDINGS


def test_terminal_rows_are_aligned_and_marked() -> None:
    labels = ["NP", "SH", "SP", "TE"]
    lines = [line.plain for line in collation_lines(relationship(), labels, 300)]
    assert lines[0].startswith("  NP (canonical)  The relationship of Iraqi forces   with")
    assert lines[1].startswith(
        "  SH              the relationship {~will continue~} with the International Coalition […]"
    )
    starts = {lines[row].rindex(word) for row, word in enumerate(["capacity", "[…]", "{~empowerment,~}", "{~training"])}
    assert len(starts) == 1, lines
    telesur = collation_lines(relationship(), labels, 300)[3]
    styles = {telesur.plain[span.start : span.end]: str(span.style) for span in telesur.spans}
    assert styles["{~training camps~}"] == "magenta underline" and styles["[…]"] == "red"


def test_terminal_output_drops_control_characters() -> None:
    assert printable("the talks \x1b[2J\x1b]0;title\x07 went\u202e well\n and") == "the talks [2J]0;title went well and"
    canonical = "we \x1b[31mwill stay"
    lines = collation_lines(collate(canonical, []), ["X"], 80)
    assert "\x1b" not in lines[0].plain and re.search(r"we \[31mwill stay$", lines[0].plain)


def test_long_outlet_names_are_cut_and_rows_stay_whole() -> None:
    outlets = ["Harbour Times of the Northern Coast and Islands", "Coast Wire of the Southern Peninsula", "C", "D"]
    for width, labels in [
        (80, ["Harbour Times of th… (canonical)", "Coast Wire of the Southern Peni…", "C", "D"]),
        (50, ["Harbour… (canonical)", "Coast Wire of the S…", "C", "D"]),
    ]:
        lines = [line.plain for line in collation_lines(relationship(), outlets, width)]
        assert all(len(line) <= width for line in lines)
        rows: list[list[str]] = [[] for _ in labels]
        for band in "\n".join(lines).split("\n\n"):
            for row, line in enumerate(band.splitlines()):
                assert line.startswith(f"  {labels[row]}  "), line
                rows[row].append(unmarked(line[4 + max(map(len, labels)) :]))
        assert [" ".join(filter(None, row)) for row in rows] == WORDINGS


def test_runs_every_wording_shares_merge_into_places_of_a_width() -> None:
    collation = relationship()
    merged = merge_agreeing(collation, 24)
    assert [merged.text(row) for row in range(4)] == WORDINGS
    assert len(merged.places) < len(collation.places)
    assert cells(merged, 0) == [[(SAME, w)] for w in ("The relationship", "the relationship") * 2]
    agreeing = [place for i, place in enumerate(merged.places) if not merged.varies(i)]
    assert all(max(len(join(cell)) for cell in place) <= 24 for place in agreeing)
    varying = [i for i in range(len(collation.places)) if collation.varies(i)]
    assert len([i for i in range(len(merged.places)) if merged.varies(i)]) == len(varying), "places that vary stay"
    assert merge_agreeing(collation, 0).places == collation.places


@given(wordings, st.lists(wordings, max_size=3), st.integers(0, 40))
def test_merged_rows_still_read_as_their_wordings(canonical: str, variants: list[str], width: int) -> None:
    collation = collate(canonical, [(text, word_diff(canonical, text)) for text in variants])
    merged = merge_agreeing(collation, width)
    assert [merged.text(row) for row in range(merged.rows)] == [collation.text(row) for row in range(collation.rows)]
