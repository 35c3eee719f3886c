"""The PolNeAR gate: real news quotations and their speakers, when the corpus sits beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval import evaluate as ev
from tests.eval import polnear as pn

ROOT = pn.corpus_root()
needs_polnear = pytest.mark.skipif(
    ROOT is None,
    reason=f"PolNeAR not found at {pn.DEFAULT_ROOT} and ${pn.ENV_VAR} is not set",
)
DEV_SECONDS = 45.0
"""The dev split's pipeline run must stay well under a minute."""


@pytest.fixture(scope="module")
def dev_run() -> pn.Run:
    """The pipeline's run over the dev split, scored."""
    assert ROOT is not None
    return pn.run_split(ROOT, "dev")


def test_marks_and_apostrophes() -> None:
    text = "Title\n\nHe said ''it is done,'' and voters' “big” ‘choice’ isn’t 'final.\n"
    found = [text[m.start : m.end] for m in pn.marked_spans(text)]
    assert found == ["it is done,", "big", "choice"]


def test_unclosed_double_quotation_runs_to_the_paragraph_end() -> None:
    text = "Title\n\n“We will win, he said.\n“And win big.”\n"
    found = [(text[m.start : m.end], m.closed) for m in pn.marked_spans(text)]
    assert found == [("We will win, he said.", False), ("And win big.", True)]


def test_read_source() -> None:
    assert pn.read_source("Sen. Ted Cruz (R-Texas)").name == "Ted Cruz"
    assert pn.read_source("Secretary of State John Kerry").name == "John Kerry"
    assert pn.read_source("FBI Director James Comey").name == "James Comey"
    assert pn.read_source("Joel Pollak of Breitbart California").name == "Joel Pollak"
    assert pn.read_source("a spokesman for Clinton, Brian Fallon").name == "Brian Fallon"
    assert pn.read_source("Hillary Clinton’s campaign").category == "description"
    assert pn.read_source("he").category == "pronoun"


def test_resolution_rules() -> None:
    text = (
        "Title\n\nDonald J. Trump spoke. Trump said “we will win big.”\n"
        "He added, “believe me.”\n"
        "Brian Fallon, a spokesman for Clinton, disagreed. The spokesman said “no way.”\n"
    )

    def mention(type_: str, needle: str, occurrence: int = 1) -> pn.Mention:
        start = ev.locate(text, needle, occurrence)
        return pn.Mention(f"T{start}{type_}", type_, ((start, start + len(needle)),), needle)

    attributions = [
        pn.Attribution(mention("Content", "“we will win big.”"), None, mention("Source", "Trump", 2)),
        pn.Attribution(mention("Content", "“believe me.”"), None, mention("Source", "He")),
        pn.Attribution(mention("Content", "“no way.”"), None, mention("Source", "The spokesman")),
    ]
    found: dict[str, dict[str, set[str]]] = {}
    quotes, rules, _ = pn.convert_article("a", text, attributions, found, {"donald trump": "m"})
    assert [(q.text, q.speaker, rules[(q.source, q.start, q.end)]) for q in quotes] == [
        ("we will win big.", "donald trump", "name"),
        ("believe me.", "donald trump", "pronoun"),
        ("no way.", "brian fallon", "description"),
    ]
    assert all(text[q.start : q.end] == q.text for q in quotes)


@needs_polnear
def test_entities_join_suffixed_names_and_longer_surnames() -> None:
    assert pn.name_key("Brent Bozell III") == pn.name_key("Brent Bozell") == "brent bozell"
    assert pn.surname_forms({"C. Stewart Verdery Jr."}) == {"Verdery"}
    labels = ("mario vargas llosa", "vargas llosa", "verdery", "stewart verdery", "clinton", "bill clinton")
    found = {label: {"names": {label}, "forms": {label}, "sources": {"a"}} for label in (*labels, "hillary clinton")}
    moves = pn.merge_surnames(found)
    assert moves == {"vargas llosa": "mario vargas llosa", "verdery": "stewart verdery"}
    assert found["mario vargas llosa"]["forms"] == {"mario vargas llosa", "vargas llosa"}
    assert "clinton" in found  # two Clintons: the surname alone stays ambiguous


def test_polnear_gold_is_exact() -> None:
    assert ROOT is not None
    conversion = pn.convert_split(ROOT, "dev")
    assert pn.check_conversion(conversion) == []
    assert conversion.counts["required"] > 500
    assert any(q.optional for q in conversion.gold.quotes)


@needs_polnear
def test_polnear_dev_gate(dev_run: pn.Run) -> None:
    failures = ev.check_floors(dev_run.scores, ev.load_floors()["polnear-dev"])
    report = "\n".join([pn.format_report(dev_run), *failures])
    assert not failures, f"polnear-dev below its floors:\n{report}"
    assert dev_run.seconds < DEV_SECONDS, f"dev run took {dev_run.seconds:.1f} s"


@needs_polnear
def test_polnear_errors_are_classified(dev_run: pn.Run) -> None:
    failures = pn.classify_errors(dev_run)
    assert failures and all(f.cls for f in failures)
    assert "errors" in pn.format_errors(dev_run, 3)


def test_corpus_root_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    monkeypatch.setenv(pn.ENV_VAR, str(tmp_path))
    assert pn.corpus_root() == tmp_path
