"""Tests for matching quotes across outlets into clusters, and the canonical wording."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.group import cluster_quotes
from digest.models import Article, Published, Quote, QuoteCluster, QuoteKind, Span, date_order
from digest.settings import Settings
from digest.text.concepts import concept, concepts
from digest.text.tokens import normalise_text, normalise_token, tokenize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SHAFAQ, IRANDAILY, SPUTNIK, TELESUR, NORTHPRESS = (
    "000_b7877505cd02fc7c",
    "001_daa7cb99880cf29c",
    "002_753d9b2fa5797557",
    "003_6557ed33d5c9a9db",
    "004_48cfc3e508ef6b57",
)
PUBLISHED = {
    SHAFAQ: "2021-12-10T05:29",
    IRANDAILY: "2021-11-24",
    SPUTNIK: "2021-12-09",
    TELESUR: "2021-12-09",
    NORTHPRESS: None,
}
STORYLINE = "s-coalition"

S, F, T, H = QuoteKind.STATEMENT, QuoteKind.FRAGMENT, QuoteKind.TERM, QuoteKind.TITLE

# (key, source, kind, speaker, text)
SEED_QUOTES: tuple[tuple[str, str, QuoteKind, str | None, str], ...] = (
    ("joc-confirm", SHAFAQ, S, "joc", "we confirm that the combat forces of the international coalition will leave Iraq completely before the end of this month, and we deny what was issued by some media outlets regarding the survival of these forces."),
    ("joc-agreed", SHAFAQ, S, "joc", "It has been agreed between Iraq and the United States, in accordance with the principles of the strategic dialogue and the outcomes of the recent technical team meetings, to transfer members of the coalition with a combat role outside Iraq and to officially announce the end of combat missions, and coalition personnel will be present in Iraq to provide support, advice and empowerment to the Iraqi security forces."),
    ("joc-most", SHAFAQ, S, "joc", "Most of these forces have already left, and the rest will be evacuated in the coming days, and there will be a group of advisers to replace the previous forces, in order to support our security forces."),
    ("joc-reaffirm", SHAFAQ, S, "joc", "We reaffirm again what was issued yesterday’s statement on the outcomes of the last round of the strategic dialogue, that the presence and work of the advisers will be exclusively in accordance with Iraqi sovereignty and international laws and norms,"),
    ("shafaq-officially", SHAFAQ, T, "araji", "officially"),
    ("shafaq-round", SHAFAQ, S, "araji", "Today we ended the last round of dialogue with the International Coalition, which we started last year, to officially announce the end of the combat missions of the Coalition forces and their withdrawal from Iraq,"),
    ("shafaq-relationship", SHAFAQ, S, "araji", "the relationship will continue with the International Coalition in the field of training."),
    ("shafaq-battles", SHAFAQ, T, None, "decisive battles"),
    ("irandaily-only", IRANDAILY, S, "khafaji", "Only advisers and those working in the field of intelligence or reconnaissance, as well as training and advice, remained,"),
    ("irandaily-rest", IRANDAILY, S, "khafaji", "the rest of the foreign forces are small in number, and they will all leave within 15 days, except for those whose mission has turned to advise, provide information and support the Iraqi security forces"),
    ("irandaily-advisory", IRANDAILY, T, None, "advisory"),
    ("sputnik-victory", SPUTNIK, H, None, "Hands of Victory"),
    ("sputnik-role", SPUTNIK, F, None, "training, advising, assisting and intelligence-sharing role"),
    ("sputnik-round", SPUTNIK, S, "araji", "Today, we have completed the last round of dialogue with the international coalition, which we started last year, to officially announce the end of the combat missions of the coalition forces and their withdrawal from Iraq,"),
    ("sputnik-relationship", SPUTNIK, S, "araji", "The relationship with the international coalition will continue in the field of training, advice and empowerment,"),
    ("sputnik-austin", SPUTNIK, F, "austin", "no US forces with a combat role"),
    ("telesur-combat", TELESUR, T, None, "combat mission"),
    ("telesur-begins", TELESUR, S, "araji", "The international coalition led by the U.S. begins the withdrawal of its troops as 'completion of the combat mission,'"),
    ("telesur-announces", TELESUR, S, None, "Iraq announces the end of the \"combat missions\" of the International Coalition against the Islamic State. Baghdad has assured that the withdrawal of international forces from the country has begun."),
    ("telesur-relationship", TELESUR, S, "araji", "the relationship with the international coalition will continue in the training, advisory and training camps"),
    ("northpress-round", NORTHPRESS, F, "araji", "the last round of dialogue with the International Coalition, which started last year, has finished."),
    ("northpress-relationship", NORTHPRESS, S, "araji", "The relationship of Iraqi forces with the international coalition continues in the fields of training, advising and capacity building,"),
    ("northpress-deputy", NORTHPRESS, S, "maan", "Deputy Chief of Staff, leaders of ground and aerial weapons, the air defense, the army air forces, head of military intelligence and representative of the Ministry of Peshmerga have showed the draft list for institutional cooperation scheduled by Iraqi forces, coalition forces and the NATO delegate to focus on the joint role for the next 24 months,"),
    ("northpress-commitment", NORTHPRESS, S, "coalition", "upholding our commitment, there will be no combat role by the end of this year."),
    ("northpress-individuals", NORTHPRESS, S, "araji", "Individuals of the coalition forces will stay in Iraq to provide consultancy, help and empowerment of Iraqi forces to be able to accomplish its goals. Their existence in Iraq will be in accordance with the Iraq sovereignty, laws and international norms,"),
)  # fmt: skip


def seed_articles() -> tuple[Article, ...]:
    """Return the five seed articles with their publication dates."""
    articles = []
    for source, published in PUBLISHED.items():
        text = (SEEDS / f"{source}.txt").read_text(encoding="utf-8")
        body = (Span(0, len(text)),)
        articles.append(
            Article(
                source,
                f"seeds/{source}.txt",
                text,
                body,
                source,
                published=Published.parse(published) if published else None,
            )
        )
    return tuple(articles)


def seed_quotes() -> tuple[Quote, ...]:
    """Return the seed quotations with their real offsets in the seed articles."""
    texts = {a.id: a.text for a in seed_articles()}
    quotes = []
    for key, source, kind, speaker, text in SEED_QUOTES:
        start = texts[source].find(text)
        assert start >= 0, key
        quotes.append(Quote(key, source, text, start, start + len(text), kind, speaker=speaker))
    return tuple(quotes)


def run_seeds(
    quotes: tuple[Quote, ...] | None = None, articles: tuple[Article, ...] | None = None
) -> tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]:
    """Cluster the seed quotes (or a rearrangement of them) in one storyline."""
    articles = articles or seed_articles()
    return cluster_quotes(quotes or seed_quotes(), articles, {a.id: STORYLINE for a in reversed(articles)})


def groups(clusters: tuple[QuoteCluster, ...]) -> set[frozenset[str]]:
    """Return the clusters as sets of quote ids."""
    return {frozenset(c.quotes) for c in clusters}


def cluster_of(clusters: tuple[QuoteCluster, ...], quote_id: str) -> QuoteCluster:
    """Return the cluster holding a quote."""
    (found,) = [c for c in clusters if quote_id in c.quotes]
    return found


RELATIONSHIP = frozenset(
    {"shafaq-relationship", "sputnik-relationship", "telesur-relationship", "northpress-relationship"}
)
LAST_ROUND = frozenset({"shafaq-round", "sputnik-round", "northpress-round"})
JOC = ("joc-confirm", "joc-agreed", "joc-most", "joc-reaffirm", "northpress-individuals")


def make_quotes(*rows: tuple[str, str, str | None], kind: QuoteKind = QuoteKind.STATEMENT) -> list[Quote]:
    """Build quotes from (source, text, speaker) rows, ids q0, q1, ..."""
    return [
        Quote(f"q{i}", source, text, 0, len(text), kind, speaker=speaker)
        for i, (source, text, speaker) in enumerate(rows)
    ]


def cluster_plain(quotes: list[Quote], **overrides: float) -> tuple[QuoteCluster, ...]:
    """Cluster hand-made quotes whose sources all share one storyline."""
    storyline_of = {q.source: "story" for q in quotes}
    clusters, _ = cluster_quotes(quotes, [], storyline_of, Settings(**overrides))  # type: ignore[arg-type]
    return clusters


# --------------------------------------------------------------------------- seeds


def test_seed_relationship_tweet_is_one_cluster_of_four_wordings() -> None:
    clusters, _ = run_seeds()
    assert RELATIONSHIP in groups(clusters)


def test_seed_last_round_sentence_is_one_cluster_with_the_fragment() -> None:
    clusters, _ = run_seeds()
    assert LAST_ROUND in groups(clusters)


def test_seed_joint_operations_statements_stay_apart_from_al_araji() -> None:
    clusters, _ = run_seeds()
    for quote_id in JOC:
        members = set(cluster_of(clusters, quote_id).quotes)
        assert not members & (RELATIONSHIP | LAST_ROUND), quote_id


def test_seed_single_outlet_statements_are_clusters_of_one() -> None:
    clusters, _ = run_seeds()
    for quote_id in (*JOC, "telesur-begins", "telesur-announces", "irandaily-rest", "sputnik-austin"):
        assert cluster_of(clusters, quote_id).quotes == (quote_id,)


def test_seed_canonical_is_the_most_complete_wording() -> None:
    clusters, _ = run_seeds()
    relationship = cluster_of(clusters, "shafaq-relationship")
    assert relationship.canonical == "northpress-relationship"
    assert relationship.speaker == "araji"


def test_seed_canonical_tie_goes_to_the_earliest_source() -> None:
    clusters, _ = run_seeds()
    last_round = cluster_of(clusters, "shafaq-round")
    assert last_round.canonical == "sputnik-round"
    assert last_round.first_reported is not None and last_round.first_reported.iso() == "2021-12-09"


def test_seed_first_reported_is_none_when_no_source_has_a_date() -> None:
    clusters, _ = run_seeds()
    assert cluster_of(clusters, "northpress-individuals").first_reported is None


def test_seed_clusters_are_sorted_by_storyline_then_first_report_then_id() -> None:
    clusters, _ = run_seeds()
    dated = [c for c in clusters if c.first_reported]
    assert dated == sorted(dated, key=lambda c: (c.storyline, date_order(c.first_reported, c.id)))
    assert all(c.first_reported is None for c in clusters[len(dated) :])


def test_terms_and_titles_only_group_with_their_own_kind_and_text() -> None:
    quotes = [
        *make_quotes(("a", "combat mission", None), ("b", "Combat Mission", None), kind=QuoteKind.TERM),
        *make_quotes(("c", "combat mission", None), kind=QuoteKind.TITLE),
        *make_quotes(("d", "combat missions", None), kind=QuoteKind.TERM),
    ]
    quotes = [replace(q, id=f"{q.source}-{q.kind}") for q in quotes]
    assert groups(cluster_plain(quotes)) == {
        frozenset({"a-term", "b-term"}),
        frozenset({"c-title"}),
        frozenset({"d-term"}),
    }


# --------------------------------------------------------------------------- matching


def test_containment_matches_a_fragment_to_the_full_quote() -> None:
    full = "We will rebuild every bridge and road in the northern provinces before the winter, and the army will guard the convoys"
    quotes = make_quotes(("a", full, "mayor"), ("b", "rebuild every bridge and road in the northern provinces", None))
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q1"})}


def test_two_word_fragment_does_not_ride_on_containment() -> None:
    full = "We will rebuild every bridge and road in the northern provinces before the winter, and the army will guard the convoys"
    quotes = make_quotes(("a", full, None), ("b", "northern provinces", None))
    assert len(cluster_plain(quotes)) == 2


def test_synonyms_inflections_case_punctuation_and_ellipses_do_not_matter() -> None:
    quotes = make_quotes(
        ("a", "The cooperation will continue in the field of training, advice and empowerment.", None),
        ("b", "...COOPERATION CONTINUES IN THE FIELDS OF TRAINING, ADVISING AND EMPOWERING…", None),
        ("c", "cooperation continued, in training and advisory fields", None),
    )
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q1", "q2"})}


def test_word_order_does_not_matter() -> None:
    quotes = make_quotes(
        ("a", "In the coming days the rest of the troops will leave the country", None),
        ("b", "The rest of the troops will leave the country in the coming days", None),
    )
    assert len(cluster_plain(quotes)) == 1


def test_different_statements_in_one_story_stay_apart() -> None:
    quotes = make_quotes(
        ("a", "The ministry will publish the new budget for schools next week", "minister"),
        ("b", "The ministry will close three hospitals in the south next year", "minister"),
    )
    assert len(cluster_plain(quotes)) == 2


def test_speaker_agreement_raises_the_link_and_a_different_speaker_lowers_it_a_lot() -> None:
    first = "The ministry will review the budget of the hospitals next week"
    second = "The ministry will review the hospital budget and the salaries of doctors"
    same = make_quotes(("a", first, "minister"), ("b", second, "minister"))
    unknown = make_quotes(("a", first, "minister"), ("b", second, None))
    different = make_quotes(("a", first, "minister"), ("b", second, "spokesman"))
    assert len(cluster_plain(same)) == 1
    assert len(cluster_plain(unknown)) == 2
    assert len(cluster_plain(different)) == 2


def test_same_words_said_by_two_people_are_two_statements() -> None:
    words = "The ministry will review the budget of the hospitals next week"
    identical = make_quotes(("a", words, "minister"), ("b", words, "spokesman"))
    assert len(cluster_plain(identical)) == 2
    doubtful = [replace(q, confidence=0.5) if q.id == "q1" else q for q in identical]
    assert len(cluster_plain(doubtful)) == 1, "an attribution that is likely wrong does not split a statement"
    unnamed = make_quotes(("a", words, "minister"), ("b", words, None), ("c", words, "spokesman"))
    found = groups(cluster_plain(unnamed))
    assert not any({"q0", "q2"} <= group for group in found), "a quote naming nobody does not bridge two speakers"


def test_one_outlet_giving_a_statement_to_someone_else_is_outvoted_by_three_that_agree() -> None:
    words = "We will rebuild every school in the province before the winter comes"
    rows = [("a", words, "governor"), ("b", words, "governor"), ("c", words, "governor"), ("d", words, "mayor")]
    quotes = [replace(q, confidence=0.96 if q.speaker == "governor" else 0.88) for q in make_quotes(*rows)]
    assert len(cluster_plain(quotes)) == 1
    balanced = [replace(q, speaker="mayor") if q.id == "q2" else q for q in quotes]
    assert len(cluster_plain(balanced)) == 2, "two speakers each named by two outlets are two statements"


def test_one_article_giving_the_same_words_to_two_people_has_two_statements() -> None:
    words = "I am just not quite there yet"
    echoed = make_quotes(("a", words, "ryan"), ("a", words, "trump"), ("b", words, "ryan"))
    echoed = [replace(q, start=10 * i, end=10 * i + len(words)) for i, q in enumerate(echoed)]
    found = groups(cluster_plain(echoed))
    assert frozenset({"q0", "q1"}) not in found and not any({"q0", "q1"} <= g for g in found)
    assert any({"q0", "q2"} <= g for g in found) or any({"q1", "q2"} <= g for g in found)
    repeated = make_quotes(("a", words, "ryan"), ("a", words, None), ("a", words, "trump"))
    repeated = [replace(q, start=10 * i, end=10 * i + len(words)) for i, q in enumerate(repeated)]
    doubtful = [replace(q, confidence=0.4) if q.id == "q2" else q for q in repeated]
    assert groups(cluster_plain(doubtful)) == {frozenset({"q0", "q1", "q2"})}, "a doubtful attribution does not split"
    named = groups(cluster_plain(repeated))
    assert frozenset({"q0", "q1"}) in named and frozenset({"q2"}) in named, "a quote naming nobody joins the one before"


def test_joined_quote_attaches_to_one_statement_without_chaining_them() -> None:
    leave = "The coalition combat forces will leave the country before the end of this month"
    stay = "A group of advisers will stay to support and train our security forces"
    quotes = make_quotes(
        ("a", leave, "command"),
        ("b", leave.replace("combat forces", "fighting troops"), "command"),
        ("c", stay, "command"),
        ("d", stay.replace("support", "help"), "command"),
        ("e", f"{leave}, and {stay.lower()}", "command"),
    )
    found = groups(cluster_plain(quotes))
    assert not any({"q0", "q2"} <= group for group in found)
    assert {frozenset({"q0", "q1", "q4"}), frozenset({"q2", "q3"})} == found or {
        frozenset({"q0", "q1"}),
        frozenset({"q2", "q3", "q4"}),
    } == found


def test_chain_of_overlaps_does_not_merge_its_ends() -> None:
    a = "The government will raise the wages of teachers and doctors in January"
    c = "The government will cut the taxes of farmers and fishermen this spring"
    b = f"{a} and it will cut the taxes of farmers and fishermen this spring"
    found = groups(cluster_plain(make_quotes(("x", a, None), ("y", b, None), ("z", c, None))))
    assert not any({"q0", "q2"} <= group for group in found)
    assert frozenset({"q0", "q1"}) in found or frozenset({"q1", "q2"}) in found


def test_disjoint_fragments_of_one_statement_join_its_full_wording() -> None:
    full = "The council will build a new hospital in the capital next year and it will open two schools for refugee children in the south"
    quotes = [
        *make_quotes(("a", full, "council"), ("b", full.replace("build", "construct"), "council")),
        *make_quotes(
            ("c", "build a new hospital in the capital next year", None),
            ("d", "two schools for refugee children in the south", None),
            kind=QuoteKind.FRAGMENT,
        ),
    ]
    quotes = [replace(q, id=f"q{i}") for i, q in enumerate(quotes)]
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q1", "q2", "q3"})}


def test_same_source_quotes_never_merge_unless_the_same_text() -> None:
    text = "We will continue training the Iraqi forces in every province"
    quotes = make_quotes(
        ("a", text, "advisor"),
        ("a", text + " next year", "advisor"),
        ("b", text, "advisor"),
        ("c", "We will continue training the Iraqi forces in every province!", "advisor"),
        ("c", "we will continue training the iraqi forces in every province", "advisor"),
    )
    found = groups(cluster_plain(quotes))
    assert frozenset({"q0", "q2", "q3", "q4"}) in found
    assert frozenset({"q1"}) in found


def test_fragments_of_one_article_join_the_statement_another_outlet_quotes_whole() -> None:
    quotes = [
        *make_quotes(("courrier", "Automation without guarantees is nothing but dismissal by other means.", "haddad")),
        *make_quotes(
            ("meridian", "automation without guarantees", "haddad"),
            ("meridian", "dismissal by other means", "haddad"),
            kind=QuoteKind.FRAGMENT,
        ),
    ]
    quotes = [replace(q, id=f"q{i}") for i, q in enumerate(quotes)]
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q1", "q2"})}


def test_same_source_statements_stay_apart_even_inside_one_longer_quote() -> None:
    quotes = make_quotes(
        ("a", "The strike will go on until the port authority signs a written guarantee for every worker", "union"),
        ("b", "The strike will go on", "union"),
        ("b", "the port authority signs a written guarantee for every worker", "union"),
    )
    found = groups(cluster_plain(quotes))
    assert not any({"q1", "q2"} <= group for group in found)


# --------------------------------------------------------------------------- cuts, parts and near-copies

CAME = "I came into office at a time of great economic and international instability"
WORRIED = "Families and businesses were worried about how to pay their bills"
HELD_BACK = "And our country had been held back for too long by low economic growth"
PARAGRAPH = f"{CAME}. {WORRIED}. {HELD_BACK}."


def assign_plain(quotes: list[Quote]) -> dict[str, Quote]:
    """Cluster hand-made quotes of one storyline; return the assigned quotes by id."""
    _, assigned = cluster_quotes(quotes, [], {q.source: "story" for q in quotes})  # type: ignore[arg-type]
    return {q.id: q for q in assigned}


def test_sentences_quoted_apart_join_the_paragraph_two_outlets_quote_whole() -> None:
    quotes = make_quotes(
        ("labour", PARAGRAPH, "truss"),
        ("business", PARAGRAPH.replace("had been", "has been"), "truss"),
        ("sun", CAME + ".", "truss"),
        ("sun", WORRIED + ".", "truss"),
        ("sun", HELD_BACK + ".", "truss"),
        ("fm", CAME + ".", "truss"),
        ("fm", WORRIED + ".", None),
    )
    assert groups(cluster_plain(quotes)) == {frozenset(f"q{i}" for i in range(7))}


MANDATE = "I recognise though, given the situation, I cannot deliver the mandate on which I was elected by the Conservative Party"
MAJESTY = "I have therefore spoken to His Majesty the King to notify him that I am resigning as leader of the Conservative Party"


def test_a_part_is_contained_in_a_whole_that_repeats_one_of_its_words_later() -> None:
    from digest.group.alignment import align

    part = concepts("I recognise I cannot deliver the mandate on which I was elected by the Conservative Party")
    whole = concepts(f"{MANDATE}. {MAJESTY}.")
    found = align(part, whole)
    assert found.contains(0) and align(whole, part).contains(1)
    assert found.second[1] <= len(concepts(MANDATE)), "the part aligns with the first sentence, not the last words"


def test_sentences_two_articles_quote_apart_join_the_passage_one_outlet_quotes_whole() -> None:
    quotes = make_quotes(
        ("labour", f"{MANDATE}. {MAJESTY}.", "truss"),
        ("sun", MANDATE + ".", "truss"),
        ("sun", MAJESTY + ".", "truss"),
        ("business", MANDATE.replace("recognise though, given", "recognise, given"), "truss"),
        ("business", MAJESTY.replace("therefore ", ""), "truss"),
        ("fm", "I cannot deliver the mandate on which I was elected", "truss"),
    )
    assert groups(cluster_plain(quotes)) == {frozenset(f"q{i}" for i in range(6))}
    one_article = [q for q in quotes if q.source != "business"]
    assert len(cluster_plain(one_article)) == 2, "one article quoting both apart does not confirm the passage"


def test_a_part_records_which_words_of_the_whole_it_covers() -> None:
    quotes = make_quotes(("labour", PARAGRAPH, "truss"), ("sun", WORRIED, "truss"), ("fm", "Worried", "truss"))
    assigned = assign_plain(quotes)
    whole = normalise_text(PARAGRAPH).split()
    assert assigned["q0"].covers == (0, len(whole))
    start = len(normalise_text(CAME).split())
    assert assigned["q1"].covers == (start, start + len(normalise_text(WORRIED).split()))
    assert assigned["q0"].cluster == assigned["q1"].cluster


def test_a_truncated_copy_joins_its_statement() -> None:
    quotes = make_quotes(
        ("a", PARAGRAPH, "truss"),
        ("b", f"{CAME}. {WORRIED}. And our country had been held", "truss"),
        ("c", f"{CAME}. {WORRIED}.", None),
    )
    assert len(cluster_plain(quotes)) == 1


def test_two_cuts_that_share_a_sentence_are_one_statement() -> None:
    first = f"{CAME}. {WORRIED}."
    second = f"{WORRIED}. {HELD_BACK}."
    assert len(cluster_plain(make_quotes(("a", first, "truss"), ("b", second, "truss")))) == 1


def test_two_cuts_that_begin_alike_and_run_on_differently_are_one_statement() -> None:
    first = f"{CAME}. {WORRIED}."
    second = f"{CAME}, Truss said in a brief statement outside Downing Street on Thursday afternoon"
    assert len(cluster_plain(make_quotes(("a", first, "truss"), ("b", second, "truss")))) == 1
    different = make_quotes(("a", first, "truss"), ("b", f"{WORRIED}. {HELD_BACK}.", "starmer"))
    assert len(cluster_plain(different)) == 2


MET = "This morning I met the dockers' union and the three shipping companies that use the terminal"
AGREED = "We have agreed that the container terminal will reopen on Monday at six in the morning"
BACKLOG = "That will let the backlog of ships waiting in the estuary clear within a fortnight"


def test_sentences_quoted_apart_join_two_overlapping_cuts_of_the_speech() -> None:
    quotes = make_quotes(
        ("a", f"{MET}. {AGREED}.", "harbour"),
        ("b", f"{AGREED}. {BACKLOG}.", "harbour"),
        ("c", f"{MET}.", "harbour"),
        ("c", f"{AGREED}.", "harbour"),
        ("c", f"{BACKLOG}.", "harbour"),
    )
    assert len(cluster_plain(quotes)) == 1


def test_sentences_quoted_apart_stay_apart_when_no_two_cuts_overlap() -> None:
    quotes = make_quotes(
        ("a", f"{MET}.", "harbour"),
        ("b", f"{BACKLOG}.", "harbour"),
        ("c", f"{MET}.", "harbour"),
        ("c", f"{BACKLOG}.", "harbour"),
    )
    assert len(cluster_plain(quotes)) == 2


def test_two_long_cuts_that_share_one_sentence_are_one_statement() -> None:
    before = (
        "This morning I met the dockers' union, the pilots and the three shipping companies that use the terminal,"
        " and I thanked the crews who worked through the storm to keep the cranes safe"
    )
    after = (
        "That will let the backlog of ships waiting in the estuary clear within a fortnight, and the supermarkets"
        " tell me their shelves will be full again before the holidays"
    )
    middle = "We have agreed that the container terminal will reopen on Monday at six"
    quotes = make_quotes(("a", f"{before}. {middle}.", "harbour"), ("b", f"{middle}. {after}.", "harbour"))
    assert len(cluster_plain(quotes)) == 1


ACCEPT = "I accept every finding of the flood inquiry and I am sorry for the delays it describes"
RESIGNING = "I am resigning as leader of the borough council"
VOTE = "There will be a vote for a new mayor to be held within the next three weeks"
DEFENCES = "That will make sure the flood defences on the river are finished before the winter rains"


def test_a_quotation_running_two_statements_together_joins_the_one_it_opens_with() -> None:
    quotes = make_quotes(
        ("a", f"{ACCEPT}. {RESIGNING}.", "mayor"),
        ("b", f"{VOTE}. {DEFENCES}.", "mayor"),
        ("c", f"{RESIGNING}. {VOTE}.", "mayor"),
    )
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q2"}), frozenset({"q1"})}


def test_a_quotation_running_two_statements_together_does_not_chain_their_parts() -> None:
    quotes = make_quotes(
        ("a", f"{ACCEPT}. {RESIGNING}.", "mayor"),
        ("b", f"{ACCEPT}.", "mayor"),
        ("b", f"{VOTE}. {DEFENCES}.", "mayor"),
        ("c", f"{VOTE}.", "mayor"),
        ("c", f"{DEFENCES}.", "mayor"),
        ("d", f"{RESIGNING}. {VOTE}.", "mayor"),
    )
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q1", "q5"}), frozenset({"q2", "q3", "q4"})}


def test_a_quotation_running_two_statements_together_stays_with_the_one_holding_more_of_it() -> None:
    quotes = make_quotes(
        ("a", f"{ACCEPT}. {RESIGNING}.", "mayor"),
        ("b", f"{VOTE}. {DEFENCES}.", "mayor"),
        ("c", f"{RESIGNING}. {VOTE}. {DEFENCES}.", "mayor"),
    )
    assert groups(cluster_plain(quotes)) == {frozenset({"q0"}), frozenset({"q1", "q2"})}


OFFER = "This pay offer is an insult to every nurse on the ward who worked through the pandemic"
BONUS = "Cancelling the winter bonus was an insult to every nurse on the ward, and our members will not forget it"
INSULT = "an insult to every nurse on the ward"


def test_a_phrase_of_two_statements_goes_with_its_own_articles_fuller_quotation() -> None:
    rows = [
        ("a", OFFER, QuoteKind.STATEMENT),
        ("b", BONUS, QuoteKind.STATEMENT),
        ("b", INSULT, QuoteKind.FRAGMENT),
        ("c", OFFER, QuoteKind.STATEMENT),
        ("c", INSULT, QuoteKind.FRAGMENT),
        ("d", BONUS, QuoteKind.STATEMENT),
    ]
    quotes = [
        Quote(f"q{i}", source, text, 0, len(text), kind, speaker="union") for i, (source, text, kind) in enumerate(rows)
    ]
    assert groups(cluster_plain(quotes)) == {frozenset({"q0", "q3", "q4"}), frozenset({"q1", "q2", "q5"})}


def cluster_articles(
    texts: dict[str, str], rows: list[tuple[str, str]], kind: QuoteKind = QuoteKind.FRAGMENT
) -> tuple[QuoteCluster, ...]:
    """Cluster (source, quotation) rows found in the given article texts, all said by one minister."""
    articles = [Article(source, f"{source}.txt", text, (Span(0, len(text)),), source) for source, text in texts.items()]
    quotes = []
    for i, (source, fragment) in enumerate(rows):
        start = texts[source].index(fragment)
        quotes.append(Quote(f"q{i}", source, fragment, start, start + len(fragment), kind, speaker="minister"))
    clusters, _ = cluster_quotes(quotes, articles, {source: "story" for source in texts})
    return clusters


CALLED = ("colleagues in Paris and Berlin", "colleagues in Paris and in Berlin")
RELIEVED = (
    "relieved that the pipeline deal was signed before the winter",
    "relieved the pipeline deal was signed before winter",
)


def test_fragments_two_articles_weave_into_one_sentence_are_one_statement() -> None:
    texts = {
        "a": f'The minister said she had spoken to "{CALLED[0]}" who were "{RELIEVED[0]}".',
        "b": f"She told reporters she had called “{CALLED[1]}”, who were “{RELIEVED[1]}”.",
    }
    rows = [("a", CALLED[0]), ("a", RELIEVED[0]), ("b", CALLED[1]), ("b", RELIEVED[1])]
    assert len(cluster_articles(texts, rows)) == 1


def test_fragments_one_article_weaves_together_stay_two_statements() -> None:
    texts = {
        "a": f'The minister said she had spoken to "{CALLED[0]}" who were "{RELIEVED[0]}".',
        "b": f"She told reporters she had called “{CALLED[1]}”. They were “{RELIEVED[1]}”, she added.",
    }
    rows = [("a", CALLED[0]), ("a", RELIEVED[0]), ("b", CALLED[1]), ("b", RELIEVED[1])]
    assert len(cluster_articles(texts, rows)) == 2


CRITICAL = (
    "The port is classed as critical national infrastructure because of its size and its rail links",
    "The port, because of its size and rail links, is classed as critical national infrastructure",
)
SECURE = (
    "The plan we have now makes sure that this essential service stays open",
    "The plan we have now guarantees that the vital service remains open",
)


def test_a_quotation_two_articles_interrupt_with_an_attribution_is_one_statement() -> None:
    texts = {
        "a": f'"{CRITICAL[0]}," she told reporters. "{SECURE[0]}."',
        "b": f"“{CRITICAL[1]},” the minister said. “{SECURE[1]}.”",
    }
    rows = [("a", CRITICAL[0]), ("a", SECURE[0]), ("b", CRITICAL[1]), ("b", SECURE[1])]
    assert len(cluster_articles(texts, rows, QuoteKind.STATEMENT)) == 1


def test_quotations_in_separate_paragraphs_or_one_interrupting_article_stay_two_statements() -> None:
    apart = {
        "a": f'"{CRITICAL[0]}," she told reporters.\n\n"{SECURE[0]}."',
        "b": f"“{CRITICAL[1]},” the minister said.\n\n“{SECURE[1]}.”",
    }
    rows = [("a", CRITICAL[0]), ("a", SECURE[0]), ("b", CRITICAL[1]), ("b", SECURE[1])]
    assert len(cluster_articles(apart, rows, QuoteKind.STATEMENT)) == 2
    once = {**apart, "a": f'"{CRITICAL[0]}," she told reporters. "{SECURE[0]}."'}
    assert len(cluster_articles(once, rows, QuoteKind.STATEMENT)) == 2


def test_a_near_copy_joins_the_cluster_it_matches_best_however_many_wordings_it_holds() -> None:
    wordings = [
        "We have agreed that there will be a leadership election to be completed within the next week",
        "There will be a leadership election, to be completed within the next week, we have agreed",
        "We agreed that a leadership election will be completed within a week",
        "A leadership contest will be completed within the next week, as we have agreed",
        "we have agreed there will be a leadership election completed in the next week",
    ]
    rows = [(f"s{i}", text, "truss") for i, text in enumerate(wordings)]
    copy = wordings[0].replace("agreed", "decided")
    found = groups(cluster_plain(make_quotes(*rows, ("copy", copy, "truss"))))
    holder = next(group for group in found if "q5" in group)
    assert "q0" in holder and len(holder) >= 3


def test_a_part_without_a_speaker_does_not_join_another_speakers_whole() -> None:
    quotes = make_quotes(("a", PARAGRAPH, "truss"), ("b", WORRIED, "starmer"), ("c", WORRIED, None))
    found = groups(cluster_plain(quotes))
    assert not any({"q0", "q1"} <= group for group in found)


def test_one_identical_word_from_two_speakers_is_not_one_statement() -> None:
    quotes = make_quotes(("a", "unacceptable", "union"), ("b", "unacceptable", "port"), kind=QuoteKind.FRAGMENT)
    assert len(cluster_plain(quotes)) == 2
    same_speaker = make_quotes(("a", "unacceptable", "union"), ("b", "Unacceptable!", "union"), kind=QuoteKind.FRAGMENT)
    assert len(cluster_plain(same_speaker)) == 1


def test_clusters_never_cross_storylines() -> None:
    text = "We will continue training the Iraqi forces in every province"
    quotes = make_quotes(("a", text, None), ("b", text, None))
    clusters, _ = cluster_quotes(quotes, [], {"a": "one", "b": "two"})
    assert {c.storyline for c in clusters} == {"one", "two"}
    assert len(clusters) == 2


def test_unknown_storyline_is_an_error() -> None:
    with pytest.raises(ValueError, match="no storyline"):
        cluster_quotes(make_quotes(("a", "text", None)), [], {})


def test_no_quotes_no_clusters() -> None:
    assert cluster_quotes([], [], {}) == ((), ())


# --------------------------------------------------------------------------- identity and order


def test_output_is_identical_for_any_input_order() -> None:
    expected = run_seeds()
    rng = random.Random(11)
    for _ in range(10):
        quotes, articles = list(seed_quotes()), list(seed_articles())
        rng.shuffle(quotes)
        rng.shuffle(articles)
        assert run_seeds(tuple(quotes), tuple(articles)) == expected


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(SEED_QUOTES))))
def test_output_is_identical_for_every_permutation(order: list[int]) -> None:
    quotes = seed_quotes()
    assert run_seeds(tuple(quotes[i] for i in order)) == run_seeds()


def test_cluster_ids_come_from_content_not_from_quote_ids() -> None:
    renamed = tuple(replace(q, id=f"other-{i}") for i, q in enumerate(seed_quotes()))
    assert {c.id for c in run_seeds(renamed)[0]} == {c.id for c in run_seeds()[0]}


def test_quotes_come_back_with_their_cluster_set() -> None:
    clusters, quotes = run_seeds()
    by_id = {c.id: c for c in clusters}
    assert sorted(q.id for q in quotes) == sorted(q.id for q in seed_quotes())
    assert all(q.cluster and q.id in by_id[q.cluster].quotes for q in quotes)


WORDS = (
    "troops",
    "leave",
    "Iraq",
    "end",
    "training",
    "advice",
    "coalition",
    "the",
    "will",
    "of",
    "...",
    "continue",
    "forces",
    "mission",
)


@st.composite
def random_quotes(draw: st.DrawFn) -> list[Quote]:
    """Draw quotes from a small vocabulary so that many of them match."""
    count = draw(st.integers(0, 14))
    quotes = []
    for i in range(count):
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=9)))
        source = draw(st.sampled_from("abcd"))
        kind = draw(st.sampled_from(list(QuoteKind)))
        speaker = draw(st.sampled_from([None, "x", "y"]))
        quotes.append(Quote(f"q{i}", source, text, 0, len(text), kind, speaker=speaker))
    return quotes


@settings(max_examples=150, deadline=None)
@given(random_quotes(), st.booleans())
def test_every_quote_is_in_exactly_one_cluster(quotes: list[Quote], split: bool) -> None:
    storyline_of = {s: ("one" if split and s in "ab" else "two") for s in "abcd"}
    clusters, assigned = cluster_quotes(quotes, [], storyline_of)
    counts = Counter(quote_id for c in clusters for quote_id in c.quotes)
    assert set(counts) == {q.id for q in quotes}
    assert set(counts.values()) <= {1}
    assert len({c.id for c in clusters}) == len(clusters)
    by_id = {q.id: q for q in assigned}
    for cluster in clusters:
        members = [by_id[i] for i in cluster.quotes]
        assert cluster.canonical in cluster.quotes
        assert {storyline_of[q.source] for q in members} == {cluster.storyline}
        assert all(q.cluster == cluster.id for q in members)
        texts: dict[str, set[str]] = {}
        for quote in members:
            texts.setdefault(quote.source, set()).add(normalise_text(quote.text))
        for source, found in texts.items():
            same_source = [q for q in members if q.source == source]
            # One article's quotations of different words share a cluster only as parts of one
            # statement: fragments of a quotation beside them, or parts another outlet quotes whole.
            has_other_source = any(q.source != source for q in members)
            fragments = sum(q.kind == QuoteKind.FRAGMENT for q in same_source)
            assert len(found) == 1 or has_other_source or fragments >= len(same_source) - 1


# --------------------------------------------------------------------------- text normalisation


@given(st.text())
def test_tokens_point_at_the_text_they_claim(text: str) -> None:
    for word, start, end in tokenize(text):
        assert text[start:end] == word
        assert word.strip() == word and word


def test_tokens_skip_punctuation_and_ellipses() -> None:
    assert [w for w, _, _ in tokenize("“Today… we ended..the round,” al-Araji's U.S. 2,500")] == [
        "Today",
        "we",
        "ended",
        "the",
        "round",
        "al-Araji's",
        "U.S.",
        "2,500",
    ]


def test_normalise_token_folds_case_accents_apostrophes_and_dots() -> None:
    assert normalise_token("Ma’an") == normalise_token("MAAN") == "maan"
    assert normalise_token("Café") == "cafe"
    assert normalise_token("U.S.") == "us"
    assert normalise_token("2,500") == "2500"


def test_normalise_text_ignores_case_punctuation_and_ellipses() -> None:
    assert normalise_text("...The Relationship, will CONTINUE…") == normalise_text("the relationship will continue")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("continue", "continues"),
        ("field", "fields"),
        ("advice", "advising"),
        ("advisory", "consultancy"),
        ("training", "trained"),
        ("ended", "completed"),
        ("finished", "ended"),
        ("troops", "forces"),
        ("organisation", "organization"),
        ("withdrawal", "withdraw"),
        ("risky", "risk"),
        ("lot", "many"),
        ("activities", "businesses"),
    ],
)
def test_concepts_fold_inflections_and_synonyms(first: str, second: str) -> None:
    assert concept(first) == concept(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("It is impossible to reopen the port before Monday", "It is not possible to reopen the port before Monday"),
        ("We can't reopen the port", "We cannot reopen the port"),
        ("We can't reopen the port", "We can not reopen the port"),
        ("The unions don't accept the plan", "The unions do not accept the plan"),
        ("This is no bailout", "This is not a bailout"),
        ("The ministry was unable to say", "The ministry was not able to say"),
    ],
)
def test_negations_read_alike_however_they_are_spelled(first: str, second: str) -> None:
    assert concepts(first) == concepts(second)


def test_a_prefix_is_a_negation_only_for_listed_words() -> None:
    assert concepts("we understand the invoice") == [concept("understand"), concept("invoice")]
    assert concepts("the ban is unacceptable")[-2:] == ["not", concept("acceptable")]


def test_a_reworded_wire_copy_with_everyday_synonyms_is_one_statement() -> None:
    quotes = make_quotes(
        ("a", "We will be de-risking a lot of the tricky businesses at Harbour Bank", "ceo"),
        ("b", "We will make many of the troublesome activities at Harbour Bank less risky", "ceo"),
    )
    assert len(cluster_plain(quotes)) == 1


def test_impossible_and_not_possible_are_one_statement() -> None:
    whole = "It is not possible to restore power by Friday. Crews are working around the clock and the damage is worse than anyone expected."
    part = "Realistically, it is impossible to restore power by Friday,"
    assert len(cluster_plain(make_quotes(("a", whole, "utility"), ("b", part, "utility")))) == 1
    other_speaker = make_quotes(("a", whole, "utility"), ("b", part, "mayor"))
    assert len(cluster_plain(other_speaker)) == 2


def test_concepts_drop_stop_words_but_keep_acronyms() -> None:
    assert concepts("we will continue with the US") == ["continu", "us"]


def test_weak_links_into_another_component_do_not_break_linking() -> None:
    """An empty quote and a one-word statement scored against each other, but not strongly linked."""
    quotes = [
        Quote("q0", "a", "", 0, 0, QuoteKind.STATEMENT),
        Quote("q1", "a", "troops", 0, 6, QuoteKind.STATEMENT),
        Quote("q2", "b", "troops", 0, 6, QuoteKind.STATEMENT, speaker="x"),
        Quote("q3", "c", "troops", 0, 6, QuoteKind.STATEMENT, speaker="x"),
    ]
    clusters, _ = cluster_quotes(quotes, [], {s: "two" for s in "abc"})
    assert sorted(q for c in clusters for q in c.quotes) == ["q0", "q1", "q2", "q3"]
