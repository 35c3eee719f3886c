"""Tests for grouping articles into storylines, and for timelines."""

from __future__ import annotations

import random
import re
import string
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from digest.group import attach_clusters, group_storylines, timeline
from digest.models import Article, DateOrigin, Published, Quote, QuoteCluster, Span, Storyline, stable_id
from digest.settings import Settings
from digest.text.slugs import slugify

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "storylines"

SEED_DATES = {
    "000": "2021-12-10T05:29",
    "001": "2021-11-24T03:50",
    "002": "2021-12-09",
    "003": "2021-12-09",
    "004": "2021-12-09",
}
FIXTURE_DATES = {
    "port_strike_a": "2021-12-09",
    "port_strike_b": "2021-12-09T14:00",
    "port_strike_c": "2021-12-11",
    "central_bank_a": "2021-12-16",
    "central_bank_b": "2021-12-16T13:30",
    "iraq_election": "2021-12-27",
}
QUOTED = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def make_article(path: Path, published: str | None, article_id: str | None = None) -> Article:
    """Return an article whose body is the file's non-empty lines and whose title is the first."""
    text = path.read_text(encoding="utf-8")
    body: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            body.append(Span(offset, offset + len(line)))
        offset += len(line) + 1
    title = text[body[0].start : body[0].end].strip()
    return Article(
        id=article_id or path.stem,
        path=str(path),
        text=text,
        body=tuple(body),
        title=title,
        published=Published.parse(published) if published else None,
    )


def quotes_of(article: Article) -> list[Quote]:
    """Return every double-quoted stretch of the article's body as a statement."""
    found = []
    for span in article.body:
        for match in QUOTED.finditer(article.text, span.start, span.end):
            group = 1 if match.group(1) is not None else 2
            start, end = match.span(group)
            found.append(Quote(stable_id("q", article.id, str(start)), article.id, article.text[start:end], start, end))
    return found


def seed_articles() -> list[Article]:
    """Return the five seed articles with their publication dates."""
    return [make_article(path, SEED_DATES[path.name[:3]]) for path in sorted(SEEDS.glob("*.txt"))]


def fixture_articles() -> list[Article]:
    """Return the articles about unrelated events."""
    return [make_article(FIXTURES / f"{name}.txt", date) for name, date in FIXTURE_DATES.items()]


def all_quotes(articles: list[Article]) -> list[Quote]:
    """Return the quotes of every article."""
    return [quote for article in articles for quote in quotes_of(article)]


def partition(storylines: tuple[Storyline, ...]) -> set[frozenset[str]]:
    """Return the storylines as sets of article ids."""
    return {frozenset(s.sources) for s in storylines}


def by_id(articles: list[Article]) -> dict[str, Article]:
    """Index articles by id."""
    return {a.id: a for a in articles}


@pytest.mark.parametrize("with_quotes", [False, True])
def test_the_seeds_are_one_storyline(with_quotes: bool) -> None:
    articles = seed_articles()
    storylines = group_storylines(articles, all_quotes(articles) if with_quotes else [])
    assert len(storylines) == 1
    (storyline,) = storylines
    assert storyline.sources == (
        "001_daa7cb99880cf29c",
        "002_753d9b2fa5797557",
        "003_6557ed33d5c9a9db",
        "004_48cfc3e508ef6b57",
        "000_b7877505cd02fc7c",
    )
    assert storyline.clusters == ()
    assert storyline.title == by_id(articles)[storyline.sources[-1]].title
    # The id is named after the first report with a headline (001's title is "News ID: 318214").
    assert by_id(articles)["002_753d9b2fa5797557"].title.startswith("Iraqi Security Advisor Claims")
    assert storyline.id == "iraqi-security-advisor-claims-international-coalition"


@pytest.mark.parametrize("with_quotes", [False, True])
def test_unrelated_events_never_share_a_storyline(with_quotes: bool) -> None:
    articles = seed_articles() + fixture_articles()
    storylines = group_storylines(articles, all_quotes(articles) if with_quotes else [])
    assert partition(storylines) == {
        frozenset(a.id for a in seed_articles()),
        frozenset({"port_strike_a", "port_strike_b", "port_strike_c"}),
        frozenset({"central_bank_a", "central_bank_b"}),
        frozenset({"iraq_election"}),
    }
    assert [s.id for s in storylines] == [
        "iraq-s-top-court-ratifies-election-results-rejects-challenge",
        "bank-of-england-raises-interest-rates-to-0-25-as-inflation",
        "rotterdam-dock-workers-walk-out-over-automation-plans",
        "iraqi-security-advisor-claims-international-coalition",
    ]


def test_generic_words_and_same_day_do_not_join() -> None:
    texts = {
        "floods": "Floods hit Valencia\nThe government said security forces evacuated residents on Thursday as "
        "rivers burst their banks across Valencia, officials said.\nRescue forces used boats in Paiporta.",
        "summit": "Leaders meet in Nairobi\nThe government said security forces closed roads on Thursday as "
        "leaders arrived for the trade summit in Nairobi, officials said.\nDelegates discussed tariffs.",
    }
    articles = [
        Article(
            id=key,
            path="",
            text=text,
            body=(Span(0, len(text)),),
            title=text.split("\n")[0],
            published=Published.parse("2021-12-09"),
        )
        for key, text in texts.items()
    ]
    assert partition(group_storylines(articles, [])) == {frozenset({"floods"}), frozenset({"summit"})}


def test_far_apart_articles_join_only_on_a_shared_statement() -> None:
    articles = fixture_articles()
    moved = [replace(a, published=Published.parse("2022-02-20")) if a.id == "port_strike_b" else a for a in articles]
    without = group_storylines(moved, [])
    assert frozenset({"port_strike_b"}) in partition(without)
    quotes = [q for q in all_quotes(moved) if q.source in {"port_strike_a", "port_strike_b"}]
    with_statement = group_storylines(moved, quotes)
    assert any({"port_strike_a", "port_strike_b"} <= s for s in partition(with_statement))


def test_a_date_its_closest_reports_contradict_does_not_split_the_event() -> None:
    # The seed reports are dated within two weeks of one another; one page stamped months later
    # (a crawl date, a republication) is still grouped with them: four close reports agree.
    articles = seed_articles()
    stamped = [
        replace(a, published=Published.parse("2022-04-01T10:28")) if a.id.startswith("000") else a for a in articles
    ]
    assert partition(group_storylines(stamped, [])) == {frozenset(a.id for a in articles)}


def test_two_reports_sharing_a_far_date_keep_it() -> None:
    # Two close reports dated alike, far from the others, corroborate each other: two storylines.
    articles = seed_articles()
    later = {"000_b7877505cd02fc7c", "004_48cfc3e508ef6b57"}
    moved = [replace(a, published=Published.parse("2022-04-01")) if a.id in later else a for a in articles]
    assert partition(group_storylines(moved, [])) == {frozenset(later), frozenset(a.id for a in articles) - later}


def test_an_estimated_date_never_keeps_articles_apart() -> None:
    articles = fixture_articles()
    guessed = Published(date(2022, 2, 20), DateOrigin.ESTIMATE)
    moved = [replace(a, published=guessed) if a.id == "port_strike_b" else a for a in articles]
    assert frozenset({"port_strike_a", "port_strike_b", "port_strike_c"}) in partition(group_storylines(moved, []))


def test_a_shared_statement_alone_does_not_merge_unrelated_events() -> None:
    articles = seed_articles() + fixture_articles()
    generic = "We will continue to work with all our partners in the coming days"
    quotes = [Quote(f"q-{a.id}", a.id, generic, 0, len(generic)) for a in articles]
    assert len(group_storylines(articles, quotes)) == 4


def test_manifest_override_forces_membership() -> None:
    articles = seed_articles() + fixture_articles()
    forced = {"central_bank_a", "port_strike_c"}
    articles = [replace(a, storyline="odd-pair") if a.id in forced else a for a in articles]
    storylines = group_storylines(articles, [])
    odd = next(s for s in storylines if s.id == "odd-pair")
    assert set(odd.sources) == forced
    assert odd.title == "Dutch dockers extend Rotterdam strike as talks collapse"
    assert partition(storylines) - {frozenset(forced)} == {
        frozenset(a.id for a in seed_articles()),
        frozenset({"port_strike_a", "port_strike_b"}),
        frozenset({"central_bank_b"}),
        frozenset({"iraq_election"}),
    }


def test_settings_override_wins_and_forced_storylines_are_closed() -> None:
    articles = fixture_articles()
    articles = [replace(a, storyline="ignored") if a.id == "port_strike_a" else a for a in articles]
    settings = Settings(storylines={"port_strike_a": "strike-day-one", "port_strike_b": "strike-day-two"})
    storylines = group_storylines(articles, [], settings)
    ids = {s.id: set(s.sources) for s in storylines}
    assert "ignored" not in ids
    assert "port_strike_a" in ids["strike-day-one"] and "port_strike_b" in ids["strike-day-two"]
    assert not ids["strike-day-one"] & ids["strike-day-two"]
    assert ids["strike-day-one"] == {"port_strike_a"} and ids["strike-day-two"] == {"port_strike_b"}
    assert {"port_strike_c"} in ids.values()


def test_override_of_a_single_unrelated_article() -> None:
    articles = seed_articles()
    articles = [replace(a, storyline="iran-daily") if a.id.startswith("001") else a for a in articles]
    storylines = group_storylines(articles, [])
    assert {s.id: s.sources for s in storylines}["iran-daily"] == ("001_daa7cb99880cf29c",)
    assert len(storylines) == 2


def test_output_is_stable_under_shuffled_input() -> None:
    articles = seed_articles() + fixture_articles()
    quotes = all_quotes(articles)
    expected = group_storylines(articles, quotes)
    rng = random.Random(3)
    for _ in range(5):
        rng.shuffle(articles)
        rng.shuffle(quotes)
        assert group_storylines(articles, quotes) == expected


def test_colliding_titles_get_numbered_by_content() -> None:
    def article(key: str, text: str) -> Article:
        body = f"Breaking news\n{text}"
        return Article(id=key, path="", text=body, body=(Span(14, len(body)),), title="Breaking news", published=None)

    articles = [
        article("b-volcano", "A volcano erupted on La Palma, sending lava towards the coastal town of Tazacorte."),
        article("a-election", "Chile elected Gabriel Boric as president after a runoff against José Antonio Kast."),
    ]
    first = group_storylines(articles, [])
    second = group_storylines(articles[::-1], [])
    assert first == second
    assert {s.id: s.sources for s in first} == {"breaking-news": ("a-election",), "breaking-news-2": ("b-volcano",)}


def test_ids_stay_when_an_article_joins_a_storyline() -> None:
    articles = seed_articles() + fixture_articles()
    before = group_storylines(articles, [])
    # Another outlet's copy of the second central-bank report makes that report the most central.
    second = next(a for a in articles if a.id == "central_bank_b")
    copy = replace(second, id="central_bank_copy", published=Published.parse("2021-12-17"))
    after = group_storylines([*articles, copy], [])
    grown = next(s for s in after if copy.id in s.sources)
    assert set(grown.sources) == {"central_bank_a", "central_bank_b", copy.id}
    assert grown.title == second.title != next(s.title for s in before if second.id in s.sources)
    assert {s.id: set(s.sources) - {copy.id} for s in after} == {s.id: set(s.sources) for s in before}


def test_colliding_ids_stay_when_an_article_joins_one() -> None:
    def article(key: str, text: str, day: str) -> Article:
        body = f"Breaking news\n{text}"
        return Article(
            id=key,
            path="",
            text=body,
            body=(Span(14, len(body)),),
            title="Breaking news",
            published=Published.parse(day),
        )

    volcano = "A volcano erupted on La Palma, sending lava towards the coastal town of Tazacorte."
    election = "Chile elected Gabriel Boric as president after a runoff against José Antonio Kast."
    articles = [article("c-volcano", volcano, "2021-12-01"), article("b-election", election, "2021-12-02")]
    before = {s.id: s.sources for s in group_storylines(articles, [])}
    assert before == {"breaking-news": ("c-volcano",), "breaking-news-2": ("b-election",)}
    more = article("a-volcano", volcano.replace("erupted", "kept erupting"), "2021-12-05")
    after = {s.id: s.sources for s in group_storylines([*articles, more], [])}
    assert after == {"breaking-news": ("c-volcano", "a-volcano"), "breaking-news-2": ("b-election",)}


def test_override_ids_are_reserved() -> None:
    articles = fixture_articles()
    natural = next(s.id for s in group_storylines(articles, []) if "port_strike_a" in s.sources)
    ids = [s.id for s in group_storylines(articles, [], Settings(storylines={"central_bank_a": natural}))]
    assert len(ids) == len(set(ids))
    assert f"{natural}-2" in ids


def test_storylines_are_newest_first_and_undated_last() -> None:
    articles = fixture_articles()
    articles = [replace(a, published=None) if a.id.startswith("central") else a for a in articles]
    order = [s.sources[0] for s in group_storylines(articles, [])]
    assert order == ["iraq_election", "port_strike_a", "central_bank_a"]


def test_timeline_orders_by_date_with_undated_last() -> None:
    articles = seed_articles()
    articles = [replace(a, published=None) if a.id.startswith("003") else a for a in articles]
    (storyline,) = group_storylines(articles, [])
    assert storyline.sources[-1] == "003_6557ed33d5c9a9db"
    assert tuple((p.iso() if p else None, source) for p, source in timeline(storyline, articles)) == (
        ("2021-11-24T03:50", "001_daa7cb99880cf29c"),
        ("2021-12-09", "002_753d9b2fa5797557"),
        ("2021-12-09", "004_48cfc3e508ef6b57"),
        ("2021-12-10T05:29", "000_b7877505cd02fc7c"),
        (None, "003_6557ed33d5c9a9db"),
    )


def test_attach_clusters_keeps_cluster_order() -> None:
    storylines = (Storyline("a", "A", ("x",)), Storyline("b", "B", ("y",)))
    clusters = [QuoteCluster(f"c{n}", storyline, f"q{n}", (f"q{n}",)) for n, storyline in enumerate("baba")]
    attached = attach_clusters(storylines, clusters)
    assert [s.clusters for s in attached] == [("c1", "c3"), ("c0", "c2")]
    assert attach_clusters(storylines, []) == storylines


def test_empty_input() -> None:
    assert group_storylines([], []) == ()


def test_slugify() -> None:
    assert slugify("Erdoğan’s visit to Köln: “historic”") == "erdogan-s-visit-to-koln-historic"
    assert slugify("Путин встретился с Си") == "putin-vstretilsya-s-si"
    assert slugify("!!!") == "storyline"
    long = slugify("The highest authority in the Iraqi army announces the departure of the last combat force")
    assert long == "the-highest-authority-in-the-iraqi-army-announces"
    assert len(slugify("x" * 200)) == 60


def test_published_dates_order_by_their_instant() -> None:
    assert Published.parse("2021-11-24T03:50+03:00").instant == Published.parse("2021-11-24T00:50").instant
    assert Published.parse("2021-12-09").instant < Published.parse("2021-12-09T00:01").instant
    assert Published.parse("2021-12-10T05:29").day.isoformat() == "2021-12-10"
    assert Published.parse("2021-11-24T03:50+00:00").iso() == "2021-11-24T03:50+00:00"
    with pytest.raises(ValueError):
        Published.parse("yesterday")


def synthetic_corpus(sizes: list[int], seed: int = 7) -> list[Article]:
    """Return articles about made-up events: shared filler words plus each event's own words and names."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))

    filler = [word() for _ in range(400)] + ["said", "government", "forces", "security", "officials"]
    articles = []
    for event, size in enumerate(sizes):
        own, names = [word() for _ in range(30)], [word().capitalize() for _ in range(6)]
        day = date(2021, 1, 1) + timedelta(days=rng.randint(0, 360))
        for k in range(size):
            words = [
                rng.choice(own if r < 0.3 else names if r < 0.38 else filler)
                for r in [rng.random() for _ in range(160)]
            ]
            title = " ".join(words[:8]).capitalize()
            text = title + "\n" + ". ".join(" ".join(words[i : i + 16]) for i in range(0, 160, 16))
            published = day + timedelta(days=rng.randint(-2, 2))
            articles.append(
                Article(
                    id=f"e{event:03d}-{k:03d}",
                    path="",
                    text=text,
                    body=(Span(len(title) + 1, len(text)),),
                    title=title,
                    published=None if rng.random() < 0.05 else Published.parse(published.isoformat()),
                )
            )
    rng.shuffle(articles)
    return articles


def test_two_thousand_articles_group_quickly_and_correctly() -> None:
    articles = synthetic_corpus([250] + [10] * 175)
    assert len(articles) == 2000
    started = time.perf_counter()
    storylines = group_storylines(articles, [])
    elapsed = time.perf_counter() - started
    assert elapsed < 60
    assert len(storylines) == 176
    assert all(len({source[:4] for source in s.sources}) == 1 for s in storylines)
    assert len({s.id for s in storylines}) == 176


def test_batched_pair_scores_equal_the_definition_exactly() -> None:
    from digest.group.profiles import article_profiles
    from digest.group.scores import _pair_score, _Vectors

    articles = [*seed_articles(), *fixture_articles()]
    articles += [
        replace(articles[0], id="far", published=Published.parse("2022-03-01")),
        replace(articles[2], id="undated", published=None),
        replace(articles[3], id="translated", language="es"),
        replace(articles[6], id="traduit", language="fr"),
    ]
    articles += synthetic_corpus([6, 6, 5])[:12]
    articles.sort(key=lambda a: a.id)
    settings = Settings()
    # Speakers make the names of two articles in different languages differ from their entities.
    quotes = [replace(q, speaker=f"speaker-{n % 3}") if n % 2 else q for n, q in enumerate(all_quotes(articles))]
    profiles = article_profiles(articles, quotes)
    assert any(p.names != p.entities for p in profiles if p.language)
    vectors = _Vectors(profiles, settings)
    rng = random.Random(3)
    for i in range(len(profiles)):
        others = [j for j in range(len(profiles)) if j != i]
        statements = [rng.choice([0.0, 0.5, 0.8, 1.0]) for _ in others]
        batched = vectors.scores(i, others, statements)
        for j, statement, score in zip(others, statements, batched, strict=True):
            first, second = (i, j) if i < j else (j, i)
            assert score == _pair_score(profiles[first], profiles[second], statement, settings)


def same_subject_events(seed: int) -> tuple[list[Article], list[Quote]]:
    """Return two four-article events in one week on one subject: each its own names and statement."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))

    filler, subject = [word() for _ in range(400)], [word() for _ in range(30)]
    articles, quotes = [], []
    for event in range(2):
        own, names = [word() for _ in range(30)], [word().capitalize() for _ in range(6)]
        statement = " ".join(rng.choice(own) for _ in range(12))
        for k in range(4):
            pools = [(0.2, own), (0.28, names), (0.68, subject), (1.0, filler)]
            words = [next(pool for bound, pool in pools if r < bound) for r in (rng.random() for _ in range(160))]
            words = [rng.choice(pool) for pool in words]
            title = " ".join(words[:8]).capitalize()
            body = ". ".join(" ".join(words[i : i + 16]) for i in range(0, 160, 16)) + f'. "{statement}," he said.'
            text = title + "\n" + body
            article_id = f"e{event}-{k}"
            published = date(2021, 3, 1 + 3 * event + k % 2).isoformat()
            span = Span(len(title) + 1, len(text))
            articles.append(
                Article(
                    id=article_id, path="", text=text, body=(span,), title=title, published=Published.parse(published)
                )
            )
            start = text.index(statement)
            quotes.append(Quote(f"q-{article_id}", article_id, statement, start, start + len(statement)))
    return articles, quotes


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_two_events_on_one_subject_in_one_week_stay_apart(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.group import scores
    from digest.group.profiles import article_profiles

    articles, quotes = same_subject_events(seed)
    profiles = article_profiles(articles, quotes)

    def cross() -> float:
        found = [scores._pair_score(profiles[i], profiles[j], 0.0, Settings()) for i in range(4) for j in range(4, 8)]
        return sum(found) / len(found)

    # The events name no one in common, which keeps them under the threshold...
    assert cross() < Settings().storyline_threshold
    # ...where the subject's words alone would link them above it...
    with monkeypatch.context() as patched:
        patched.setattr(scores, "NAMELESS", 1.0)
        assert cross() > Settings().storyline_threshold
        # ...but far less than each event's articles hold together, so they stay apart even then.
        assert partition(group_storylines(articles, quotes)) == {
            frozenset(f"e{event}-{k}" for k in range(4)) for event in range(2)
        }
    assert partition(group_storylines(articles, quotes)) == {
        frozenset(f"e{event}-{k}" for k in range(4)) for event in range(2)
    }


class FixedScores:
    """Pair scores given in advance, standing in for ``PairScorer`` in the grouping."""

    def __init__(self, scores: dict[tuple[int, int], float]) -> None:
        self.scores = dict(scores)

    def score(self, i: int, j: int) -> float:
        return self.scores[(min(i, j), max(i, j))]

    def complete(self, group: list[int], other: list[int]) -> None:
        pass


@pytest.mark.parametrize(
    ("first_inside", "second_inside", "link", "apart"),
    [(1.0, 1.0, 0.45, True), (1.0, 1.0, 0.55, False), (1.0, 0.6, 0.4, True), (0.7, 0.7, 0.4, False)],
)
def test_groups_merge_only_on_half_of_each_ones_cohesion(
    first_inside: float, second_inside: float, link: float, apart: bool
) -> None:
    from digest.group.linkage import COHESION_SHARE, ArticleLinkage

    first, second = [0, 1, 2], [3, 4, 5]
    scores = {
        (i, j): link if (i in first) != (j in first) else first_inside if i in first else second_inside
        for i in range(6)
        for j in range(i + 1, 6)
    }
    groups = ArticleLinkage(FixedScores(scores), [None] * 6, 0.3).run()
    assert (groups == [first, second]) is apart
    assert apart is (link < COHESION_SHARE * max(first_inside, second_inside))


def test_groups_in_no_common_language_merge_on_the_threshold_alone() -> None:
    from digest.group.linkage import ArticleLinkage

    scores = {(i, j): 1.0 if (i < 3) == (j < 3) else 0.35 for i in range(5) for j in range(i + 1, 5)}
    # Cohesion 1.0 each, link 0.35: apart in one language...
    assert ArticleLinkage(FixedScores(scores), [None] * 5, 0.3, ["en"] * 5).run() == [[0, 1, 2], [3, 4]]
    # ...and together when the two share no language (their link cannot share their wording).
    languages = ["en", "en", "en", "es", "es"]
    assert ArticleLinkage(FixedScores(scores), [None] * 5, 0.3, languages).run() == [[0, 1, 2, 3, 4]]
    # A group of an unclear language keeps the cohesion rule.
    languages = ["en", "en", "en", "", ""]
    assert ArticleLinkage(FixedScores(scores), [None] * 5, 0.3, languages).run() == [[0, 1, 2], [3, 4]]


def test_a_report_in_another_language_is_linked_by_its_closest_report() -> None:
    from digest.group.linkage import ArticleLinkage

    # Five English reports of one event; the Spanish one scores 0.6 with one of them, 0.05 with the rest.
    scores = {(i, j): 1.0 for i in range(5) for j in range(i + 1, 5)}
    scores.update({(0, 5): 0.6, **{(i, 5): 0.05 for i in range(1, 5)}})
    languages = ["en"] * 5 + ["es"]
    assert ArticleLinkage(FixedScores(scores), [None] * 6, 0.3, languages).run() == [[0, 1, 2, 3, 4, 5]]
    # In one language, the mean over all pairs (0.16) decides.
    assert ArticleLinkage(FixedScores(scores), [None] * 6, 0.3, ["en"] * 6).run() == [[0, 1, 2, 3, 4], [5]]
    # Names shared with no report in particular do not link it.
    scores.update({(0, 5): 0.2})
    assert ArticleLinkage(FixedScores(scores), [None] * 6, 0.3, languages).run() == [[0, 1, 2, 3, 4], [5]]


def translated_events(seed: int) -> tuple[list[Article], list[Quote]]:
    """Return ``same_subject_events`` with a report of each event in another language, and one of neither.

    A report in another language shares no word with the English ones but the names of its
    event; the third names people no one else names.
    """
    rng = random.Random(seed + 100)
    articles, quotes = same_subject_events(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))

    spanish = [word() for _ in range(300)]
    for event, language in ((0, "es"), (1, "fr"), (None, "es")):
        if event is None:
            names = [word().capitalize() for _ in range(6)]
        else:
            text = " ".join(a.text for a in articles if a.id.startswith(f"e{event}-"))
            names = sorted(set(re.findall(r"(?<=[a-z] )[A-Z][a-z]+", text)))
        words = [rng.choice(names) if rng.random() < 0.15 else rng.choice(spanish) for _ in range(120)]
        title = " ".join(words[:8]).capitalize()
        body = ". ".join(" ".join(words[i : i + 12]) for i in range(0, 120, 12)) + "."
        text = title + "\n" + body
        article_id = f"x{event}-{language}"
        articles.append(
            Article(
                id=article_id,
                path="",
                text=text,
                body=(Span(len(title) + 1, len(text)),),
                title=title,
                published=Published.parse(date(2021, 3, 2 + 3 * (event or 0)).isoformat()),
                language=language,
            )
        )
    return articles, quotes


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_report_in_another_language_joins_its_event_on_the_names_alone(seed: int) -> None:
    articles, quotes = translated_events(seed)
    assert partition(group_storylines(articles, quotes)) == {
        frozenset([*(f"e0-{k}" for k in range(4)), "x0-es"]),
        frozenset([*(f"e1-{k}" for k in range(4)), "x1-fr"]),
        frozenset(["xNone-es"]),
    }


def uncased_reports(seed: int, *, with_speakers: bool) -> tuple[list[Article], list[Quote]]:
    """Return ``same_subject_events`` and two reports in a script without capitals, quoting one speaker each.

    The first quotes the speaker of event 0 (as speaker resolution finds them), the second one no one else quotes.
    """
    rng = random.Random(seed + 200)
    articles, quotes = same_subject_events(seed)
    articles = [replace(a, language="en") for a in articles]
    if with_speakers:
        quotes = [replace(q, speaker=f"speaker-{q.source[1]}") for q in quotes]
    for name, speaker in (("x0-ar", "speaker-0"), ("x9-ar", "speaker-9")):
        words = ["".join(rng.choice("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") for _ in range(5)) for _ in range(300)]
        said = " ".join(rng.choice(words) for _ in range(10))
        body = ". ".join(" ".join(rng.choice(words) for _ in range(12)) for _ in range(10)) + f'. "{said}".'
        title = " ".join(rng.choice(words) for _ in range(8))
        text = title + "\n" + body
        published = Published.parse(date(2021, 3, 1).isoformat())
        span = Span(len(title) + 1, len(text))
        articles.append(Article(name, "", text, (span,), title=title, published=published, language="ar"))
        start = text.index(said)
        quote = Quote(f"q-{name}", name, said, start, start + len(said))
        quotes.append(replace(quote, speaker=speaker) if with_speakers else quote)
    return articles, quotes


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_report_in_a_script_without_capitals_joins_the_event_quoting_its_speakers(seed: int) -> None:
    events = {frozenset(f"e{event}-{k}" for k in range(4)) for event in range(2)}
    articles, quotes = uncased_reports(seed, with_speakers=True)
    found = partition(group_storylines(articles, quotes))
    assert found == {frozenset({*(f"e0-{k}" for k in range(4)), "x0-ar"}), frozenset(f"e1-{k}" for k in range(4))} | {
        frozenset({"x9-ar"})
    }
    # Without resolved speakers, it shares no name with anyone.
    articles, quotes = uncased_reports(seed, with_speakers=False)
    assert partition(group_storylines(articles, quotes)) == events | {frozenset({"x0-ar"}), frozenset({"x9-ar"})}


def test_a_single_article_joins_on_the_threshold_alone() -> None:
    from digest.group.linkage import ArticleLinkage

    scores = {(i, j): 1.0 if j < 3 else 0.35 for i in range(4) for j in range(i + 1, 4)}
    groups = ArticleLinkage(FixedScores(scores), [None] * 4, 0.3).run()
    assert groups == [[0, 1, 2, 3]]


def test_statement_bounds_never_undercut_the_score() -> None:
    from rapidfuzz import fuzz

    from digest.group.candidates import _Statements
    from digest.group.profiles import Profile

    rng = random.Random(5)
    words = ["port", "strike", "workers", "the", "a", "will", "continue", "café", "Müller", "pay", "2021", "x"]
    base = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(60)]
    variants = []
    for text in base:
        tokens = text.split()
        variants.append(" ".join(t for t in tokens if rng.random() > 0.2) + rng.choice(["", ",", " again!"]))
        variants.append(text.upper().replace("a", "á", 1))
    quotes = tuple(base + variants)
    profiles = [
        Profile(id="p", title="", published=None, when=None, body={}, entities={}, title_terms={}, quotes=quotes)
    ]
    statements = _Statements(profiles)
    for n, text in enumerate(statements.texts):
        tokens = set(text.split())
        shared = np.array(
            [sum(len(w) + 1 for w in tokens & set(other.split())) for other in statements.texts], dtype=np.int64
        )
        everyone = np.arange(len(statements.texts))
        bounds = statements._bound(n, shared, everyone, statements.sizes)
        for other, bound in zip(statements.texts, bounds, strict=True):
            assert fuzz.token_set_ratio(text, other) <= bound + 1e-9


def test_shared_statements_match_scoring_every_pair() -> None:
    from rapidfuzz import fuzz, process, utils

    from digest.group.candidates import QUOTE_MATCH, shared_statements
    from digest.group.profiles import article_profiles

    articles = sorted([*seed_articles(), *fixture_articles()], key=lambda a: a.id)
    profiles = article_profiles(articles, all_quotes(articles))
    pairs = [(i, j) for i in range(len(profiles)) for j in range(i + 1, len(profiles))]
    expected: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        if profiles[i].quotes and profiles[j].quotes:
            matrix = process.cdist(
                profiles[i].quotes, profiles[j].quotes, scorer=fuzz.token_set_ratio, processor=utils.default_process
            )
            best = float(matrix.max())
            if best >= QUOTE_MATCH:
                expected[(i, j)] = 0.5 + 0.5 * (best - QUOTE_MATCH) / (100.0 - QUOTE_MATCH)
    assert expected
    assert shared_statements(profiles, pairs) == expected


def test_candidate_pairs_found_in_blocks_are_those_of_one_pass(
    synthetic_reading, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest.group import candidates
    from digest.group.profiles import article_profiles

    from .conftest import pickling_map

    articles, quotes, _, _, terms = synthetic_reading
    profiles = article_profiles(articles, quotes, terms)
    # Small blocks and short postings, so that blocks cut words' postings into stretches.
    monkeypatch.setattr(candidates, "BLOCK_ARTICLES", 23)
    monkeypatch.setattr(candidates, "MAX_POSTINGS", 9)
    pairs = candidates.candidate_pairs(profiles)
    assert len(pairs) > 5 * len(profiles)
    assert candidates.candidate_pairs(profiles, pickling_map) == pairs


def test_pair_scores_and_storylines_found_in_blocks_are_those_of_one_pass(
    synthetic_reading, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest.group import candidates, scores
    from digest.group.profiles import article_profiles

    from .conftest import pickling_map

    articles, quotes, _, _, terms = synthetic_reading
    for module in (candidates, scores):
        monkeypatch.setattr(module, "BLOCK_ARTICLES", 41)
    profiles = article_profiles(articles, quotes, terms)
    one, blocked = scores.PairScorer(profiles, Settings()), scores.PairScorer(profiles, Settings(), pickling_map)
    # The same scores to the last bit, in the same order (the linkage sums them in that order).
    assert list(blocked.scores.items()) == list(one.scores.items())
    assert blocked.contradicted == one.contradicted
    expected = group_storylines(articles, quotes, Settings(), terms)
    assert len(expected) > 10
    assert group_storylines(articles, quotes, Settings(), terms, pickling_map) == expected


def test_a_storyline_is_titled_by_a_headline_before_a_first_sentence() -> None:
    """An article titled by its first sentence (it had no headline) does not name its storyline."""
    from digest.group.storylines import has_headline
    from digest.read.articles import article_from_text

    body = (
        "Banking giant UBS agreed on Sunday to buy its troubled rival Credit Suisse for 3 billion francs "
        "in a deal brokered by Swiss regulators, the finance minister Karin Keller-Sutter said in Bern."
    )
    lead = article_from_text("a-lead", "a.txt", body + "\n\n" + body.replace("Sunday", "the weekend") + "\n", {})
    headed = article_from_text("b-head", "b.txt", "UBS agrees to buy Credit Suisse\n\n" + body + "\n", {})
    assert not has_headline(lead) and has_headline(headed)
    (storyline,) = group_storylines([lead, headed], [])
    assert storyline.title == "UBS agrees to buy Credit Suisse"


def test_the_real_events_in_one_folder_never_share_a_storyline(tmp_path: Path) -> None:
    import shutil

    import yaml

    from digest.pipeline import analyse

    real = Path(__file__).parent / "eval" / "real"
    manifest: dict[str, object] = {}
    event_of: dict[str, str] = {}
    for event in sorted(p for p in real.iterdir() if p.is_dir()):
        given = yaml.safe_load((event / "sources.yml").read_text(encoding="utf-8")) or {}
        for path in sorted(event.iterdir()):
            if path.name == "sources.yml":
                continue
            name = f"{event.name}--{path.name}"
            shutil.copy(path, tmp_path / name)
            event_of[name] = event.name
            if path.name in given:
                manifest[name] = given[path.name]
    (tmp_path / "sources.yml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    digest = analyse(tmp_path)
    events = {a.id: event_of[Path(a.path).name] for a in digest.articles}
    assert len(events) == len(event_of)
    mixed = [
        sorted({events[s] for s in st.sources}) for st in digest.storylines if len({events[s] for s in st.sources}) > 1
    ]
    assert mixed == []
    assert len({events[st.sources[0]] for st in digest.storylines}) == len(set(event_of.values()))
