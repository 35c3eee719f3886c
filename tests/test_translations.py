"""Tests for joining statements quoted in another language: cognates, and parallel translated copies."""

from __future__ import annotations

from types import SimpleNamespace

from digest.group import cluster_quotes
from digest.group.parallels import longest_chain
from digest.group.translations import source_languages
from digest.models import Article, Quote
from digest.text.cognates import cross_words, says_no
from digest.text.tokens import fold

EN, ES, FR = "en-wire", "es-copy", "fr-copy"

BAILOUT_EN = "This is no bailout. This is a commercial solution because UBS is taking over Credit Suisse,"
BAILOUT_ES = "Esto no es un rescate. Se trata de una solución comercial porque UBS se hace cargo de Credit Suisse"
DAMAGE_EN = "The bankruptcy of Credit Suisse would have had a huge collateral damage on the Swiss financial market"
DAMAGE_ES = "La quiebra de Credit Suisse habría tenido un enorme daño colateral en el mercado financiero suizo"
ASSET_EN = "It is a fine asset that we are very determined to keep,"
ASSET_ES = "Es un buen activo que estamos muy decididos a conservar"
BANK_EN = "Credit Suisse is classified as a global systemically important bank due to its size and global network,"
BANK_ES = "Credit Suisse está clasificado como banco de importancia sistémica mundial debido a su tamaño y red global"


def article(source: str, language: str | None) -> Article:
    """Return an empty article of one source, in one language (``None``: unknown)."""
    return Article(source, f"{source}.txt", "", (), source, language=language)


def quotes(*rows: tuple[str, str, str | None]) -> list[Quote]:
    """Build quotes from (source, text, speaker) rows, ids q0, q1, ..., in order within each source."""
    built = []
    for i, (source, text, speaker) in enumerate(rows):
        start = 1000 * i
        built.append(Quote(f"q{i}", source, text, start, start + len(text), speaker=speaker))
    return built


def cluster(found: list[Quote], languages: dict[str, str | None]) -> set[frozenset[str]]:
    """Cluster quotes of one storyline whose sources write in ``languages``; return the clusters as id sets."""
    articles = [article(source, language) for source, language in languages.items()]
    clusters, _ = cluster_quotes(found, articles, dict.fromkeys(languages, "story"))
    return {frozenset(c.quotes) for c in clusters}


def together(clusters: set[frozenset[str]], *ids: str) -> bool:
    """Tell whether the quotes are in one cluster."""
    return any(set(ids) <= c for c in clusters)


# --------------------------------------------------------------------------- cognates


def test_fold_drops_case_accents_and_double_letters() -> None:
    assert fold("Collatéral") == fold("colateral") == "colateral"


def test_cross_words_keep_numbers_and_long_words_but_no_function_words() -> None:
    assert cross_words("Se trata de 15 soluciones para UBS", frozenset({"trata", "para"})) == {"15", "soluciones"}


def test_cross_words_render_lexicon_words_in_english() -> None:
    assert cross_words("el Partido eligió al rey", frozenset({"el", "al"})) >= {"party", "king"}


def test_says_no_reads_negations_of_several_languages() -> None:
    assert says_no("No puedo cumplir") and says_no("Il ne s'agit pas") and says_no("I cannot deliver")
    assert not says_no("Ich bin froh") and not says_no("I was elected")


def test_cognates_keep_their_opening_sound() -> None:
    from digest.group.translations import _cognates

    found = _cognates({"kontrole", "solucion", "sistemica"}, {"control", "solution", "systemicaly", "lotion"})
    assert found == {"kontrole": {"control"}, "solucion": {"solution"}, "sistemica": {"systemicaly"}}


# --------------------------------------------------------------------------- languages


def test_source_languages_take_the_manifest_subtag_first() -> None:
    found = source_languages([article(ES, "es-ES"), article(EN, None)], quotes((EN, "the end of the day", None)))
    assert found == {ES: "es", EN: ""}


def test_source_languages_read_the_quotations_when_the_manifest_is_silent() -> None:
    text = "La solución que tenemos ahora es la que el banco y los clientes de la ciudad necesitan para el año"
    assert source_languages([article(ES, None)], quotes((ES, text, None)))[ES] == "es"


# --------------------------------------------------------------------------- joining by cognates


def test_translation_joins_the_statement_its_cognates_name() -> None:
    found = quotes((EN, BAILOUT_EN, "kks"), (EN, DAMAGE_EN, "kks"), (ES, DAMAGE_ES, "kks"))
    clusters = cluster(found, {EN: "en", ES: "es"})
    assert together(clusters, "q1", "q2")
    assert not together(clusters, "q0", "q2")


def test_translated_variants_are_marked() -> None:
    found = quotes((EN, BAILOUT_EN, "kks"), (EN, DAMAGE_EN, "kks"), (ES, DAMAGE_ES, "kks"), ("en-b", DAMAGE_EN, "kks"))
    articles = [article(EN, "en"), article(ES, "es"), article("en-b", "en")]
    _, assigned = cluster_quotes(found, articles, dict.fromkeys([EN, ES, "en-b"], "story"))
    assert {q.id: q.translated for q in assigned} == {"q0": False, "q1": False, "q2": True, "q3": False}


def test_translation_by_another_speaker_stays_apart() -> None:
    found = quotes((EN, BAILOUT_EN, "kks"), (EN, DAMAGE_EN, "kks"), (ES, DAMAGE_ES, "jordan"))
    assert not together(cluster(found, {EN: "en", ES: "es"}), "q1", "q2")


def test_translation_without_a_clear_best_candidate_stays_apart() -> None:
    found = quotes(
        (EN, "Collateral damage hit the financial market on Monday", "kks"),
        (EN, "Friday brought collateral damage to every financial system", "kks"),
        (ES, "Daño colateral en el sector financiero", "kks"),
    )
    clusters = cluster(found, {EN: "en", ES: "es"})
    assert frozenset({"q2"}) in clusters


def test_translation_prefers_the_statement_that_says_no_as_it_does() -> None:
    found = quotes(
        (EN, "Voters gave the Conservative party its mandate", "truss"),
        (EN, "The Conservative party cannot keep its mandate", "truss"),
        (ES, "El Partido Conservador no tiene mandato", None),
    )
    clusters = cluster(found, {EN: "en", ES: "es"})
    assert together(clusters, "q1", "q2") and not together(clusters, "q0", "q2")


def test_translated_cuts_join_the_statement_both_find_themselves_in() -> None:
    from digest.group import translations

    class Table(translations._Evidence):
        """Pair scores from a table: cut 0 matches statement X best, but only both cuts find themselves in Y."""

        def __init__(self) -> None:
            self.units = {u: SimpleNamespace(speaker=None) for u in (0, 1, 10, 20)}  # type: ignore[assignment]

        def pair(self, a: int, b: int) -> float:
            return {(0, 10): 0.6, (1, 10): 0.0, (0, 20): 0.45, (1, 20): 0.5}[(a, b)]

    assert Table().best([0, 1], [[10], [20]], [None, None]) == 1


def test_one_language_storyline_is_left_as_it_is() -> None:
    found = quotes((EN, DAMAGE_EN, "kks"), (ES, DAMAGE_ES, "kks"))
    assert not together(cluster(found, {EN: "en", ES: "en"}), "q0", "q1")


# --------------------------------------------------------------------------- parallel copies


def parallel(asset_speaker: str | None, other_speaker: str | None) -> set[frozenset[str]]:
    """Cluster an English report and its Spanish copy: two cognate anchors around a wordless translation."""
    found = quotes(
        (EN, BAILOUT_EN, "kks"),
        (EN, ASSET_EN, asset_speaker),
        (EN, DAMAGE_EN, "kks"),
        (ES, BAILOUT_ES, "kks"),
        (ES, ASSET_ES, other_speaker),
        (ES, DAMAGE_ES, "kks"),
    )
    return cluster(found, {EN: "en", ES: "es"})


def test_parallel_copy_pairs_the_quotation_between_two_anchors() -> None:
    clusters = parallel("kelleher", None)
    assert together(clusters, "q0", "q3") and together(clusters, "q2", "q5")
    assert together(clusters, "q1", "q4")


def test_parallel_copy_does_not_pair_conflicting_speakers() -> None:
    assert not together(parallel("kelleher", "lehmann"), "q1", "q4")


def test_parallel_copy_does_not_pair_two_unknown_speakers() -> None:
    assert not together(parallel(None, None), "q1", "q4")


def test_parallel_copy_pairs_after_the_last_anchor_only_with_three_anchors() -> None:
    rows = [(EN, BAILOUT_EN, "kks"), (EN, DAMAGE_EN, "kks"), (EN, ASSET_EN, "kelleher")]
    rows += [(ES, BAILOUT_ES, "kks"), (ES, DAMAGE_ES, "kks"), (ES, ASSET_ES, "kelleher")]
    assert not together(cluster(quotes(*rows), {EN: "en", ES: "es"}), "q2", "q5")
    rows = [(EN, BANK_EN, "jordan"), *rows[:3], (ES, BANK_ES, "jordan"), *rows[3:]]
    assert together(cluster(quotes(*rows), {EN: "en", ES: "es"}), "q3", "q7")


def stub_units(*rows: tuple[str, str | None]) -> list[SimpleNamespace]:
    """Return unit stand-ins from (source, speaker) rows, in text order within each source."""
    return [
        SimpleNamespace(source=source, speaker=speaker, quotes=(SimpleNamespace(start=100 * i, end=100 * i + 50),))
        for i, (source, speaker) in enumerate(rows)
    ]


def test_parallel_copy_lines_up_two_parts_with_two_parts() -> None:
    from digest.group.parallels import join_parallels

    units = stub_units(*[(EN, "kks")] * 4, (ES, "kks"), (ES, None), (ES, None), (ES, "kks"))
    spoken = ["en"] * 4 + ["es"] * 4
    joined = join_parallels([[0, 4], [1, 2], [3, 7], [5], [6]], units, spoken)  # type: ignore[arg-type]
    assert sorted(joined) == [[0, 4], [1, 2, 5, 6], [3, 7]]


def test_parallel_copy_needs_sources_in_two_languages() -> None:
    from digest.group.parallels import join_parallels

    units = stub_units(*[(EN, "kks")] * 3, ("en-b", "kks"), ("en-b", "kks"), ("en-b", "kks"))
    joined = join_parallels([[0, 3], [1], [2, 5], [4]], units, ["en"] * 6)  # type: ignore[arg-type]
    assert sorted(joined) == [[0, 3], [1], [2, 5], [4]]


def test_longest_chain_keeps_the_order_of_both_sides() -> None:
    assert longest_chain([1, 2, 3, 4], [1, 3, 2, 4]) in ([(0, 0), (1, 2), (3, 3)], [(0, 0), (2, 1), (3, 3)])
    assert longest_chain([5, 6], [7]) == []


# --------------------------------------------------------------------------- scripts


def test_words_in_a_script_the_other_side_does_not_write_weigh_nothing() -> None:
    from digest.group.translations import readable, script

    assert [script(w) for w in ("kilometres", "كيلومتر", "Эрдоган", "500")] == ["LATIN", "ARABIC", "CYRILLIC", ""]
    away = frozenset({"كيلومتر", "منطقة", "500", "km"})
    assert readable(away, frozenset({"area", "500"})) == {"500", "km"}
    assert readable(away, frozenset({"منطقة"})) == {"كيلومتر", "منطقة", "500"}


def test_translation_in_another_script_joins_the_statement_its_numbers_name() -> None:
    found = quotes(
        (
            EN,
            "Our job was not easy: the quake was felt in an area of 500 kilometres where 13.5 million people live",
            "p",
        ),
        (EN, "We will rebuild every home in the ten provinces within one year", "p"),
        ("ar-copy", "ضرب الزلزال منطقة مساحتها 500 كيلومتر يسكنها 13.5 مليون شخص", "p"),
    )
    clusters = cluster(found, {EN: "en", "ar-copy": "ar"})
    assert together(clusters, "q0", "q2")
    assert not together(clusters, "q1", "q2")
