"""Seeded synthetic news corpora with gold labels for benchmarking quote matching.

A corpus has storylines; each storyline has outlets (one article each), speakers and
statements. Every statement is carried by one to six outlets, each rewording it the way
outlets do: synonyms and translation variants, tense changes, dropped or added words,
cuts to a fragment, a moved clause, changed case and punctuation, ellipses, a missing or
wrong speaker, and now and then two statements joined into one quote. Articles are real
text with the quotes inside typographic quotation marks, so every ``Quote`` offset points
into its ``Article.text`` and a corpus can also be written to disk as source files.

Usage::

    corpus = generate_corpus(10_000, seed=7)
    corpus.quotes, corpus.articles, corpus.storyline_of, corpus.gold
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from digest.models import Article, Published, Quote, QuoteKind, Span

SUBJECTS = (
    "the government", "the ministry", "our forces", "the coalition", "the army", "the committee",
    "the council", "the parliament", "the delegation", "the company", "the central bank", "the union",
    "the opposition", "the police", "the court", "the commission", "the alliance", "the agency",
    "the administration", "the authorities", "the negotiators", "the inspectors", "the board", "we",
)  # fmt: skip
MODALS = ("will", "would", "must", "can", "should", "is going to", "has decided to", "plans to")
VERBS = (
    "continue", "end", "start", "support", "review", "reject", "approve", "expand", "reduce", "protect",
    "investigate", "finance", "deliver", "restore", "suspend", "announce", "complete", "launch", "monitor",
    "negotiate", "defend", "rebuild", "withdraw", "deploy", "strengthen", "evaluate", "guarantee",
    "organize", "implement", "inspect", "extend", "cancel", "postpone", "resume", "reform", "release",
    "secure", "publish", "fund", "train", "advise", "replace", "transfer", "prepare", "coordinate",
)  # fmt: skip
ADJECTIVES = (
    "new", "final", "joint", "national", "regional", "international", "temporary", "permanent", "military",
    "economic", "financial", "legal", "technical", "strategic", "humanitarian", "local", "federal",
    "public", "private", "emergency", "annual", "detailed", "independent", "remaining", "current",
    "previous", "official", "special", "limited", "comprehensive", "urgent", "civilian", "digital",
)  # fmt: skip
NOUNS = (
    "agreement", "mission", "budget", "plan", "investigation", "program", "reform", "contract", "election",
    "ceasefire", "deal", "report", "project", "policy", "strategy", "operation", "negotiations", "talks",
    "review", "inquiry", "sanctions", "aid", "assistance", "training", "advice", "support", "supplies",
    "funding", "loans", "exports", "imports", "prices", "wages", "taxes", "pensions", "schools",
    "hospitals", "roads", "bridges", "pipelines", "borders", "troops", "forces", "soldiers", "advisers",
    "prisoners", "refugees", "farmers", "workers", "teachers", "doctors", "judges", "elections", "vaccines",
    "reactors", "airports", "ports", "railways", "factories", "mines", "banks", "markets", "networks",
    "cameras", "drones", "weapons", "missiles", "tanks", "vessels", "satellites", "laboratories",
    "documents", "archives", "licenses", "permits", "contracts", "subsidies", "grants", "bonds", "reserves",
)  # fmt: skip
PLACES = (
    "the capital", "the north", "the south", "the border region", "the coastal provinces", "the country",
    "the region", "the eastern districts", "the western districts", "the islands", "the mountains",
    "the delta", "the industrial zone", "the old city", "the refugee camps", "the main port",
)  # fmt: skip
TIMES = (
    "by the end of the year", "before the end of this month", "in the coming days", "next week",
    "within 15 days", "by next spring", "over the next 24 months", "as soon as possible", "this summer",
    "before the elections", "after the talks", "until further notice", "in the next phase", "from Monday",
)  # fmt: skip
SYLLABLES = (
    "al",
    "ba",
    "dar",
    "el",
    "far",
    "ha",
    "ka",
    "lim",
    "mar",
    "na",
    "qa",
    "ra",
    "sul",
    "ta",
    "zar",
    "ya",
    "wan",
)
PREPOSITIONS = ("in", "across", "for", "with", "throughout", "around", "near", "beyond")
TOPICS = (
    "energy", "security", "trade", "health", "education", "water", "transport", "housing", "climate",
    "migration", "defense", "agriculture", "finance", "tourism", "mining", "fisheries", "telecoms",
)  # fmt: skip
FILLERS = ("also", "already", "indeed", "now", "still", "fully", "again", "certainly", "once more")
PARAPHRASES: dict[str, tuple[str, ...]] = {
    "continue": ("carry on", "go on", "keep going", "persist"),
    "end": ("finish", "conclude", "complete", "wrap up"),
    "start": ("begin", "launch", "initiate", "kick off"),
    "support": ("help", "assist", "back", "aid"),
    "troops": ("forces", "soldiers", "personnel"),
    "forces": ("troops", "units", "soldiers"),
    "advice": ("advising", "counseling", "consultancy", "guidance"),
    "training": ("instruction", "coaching", "drills"),
    "agreement": ("deal", "accord", "pact"),
    "talks": ("negotiations", "dialogue", "discussions"),
    "protect": ("defend", "safeguard", "shield"),
    "reduce": ("cut", "lower", "decrease"),
    "expand": ("widen", "extend", "enlarge"),
    "investigate": ("probe", "examine", "look into"),
    "approve": ("endorse", "ratify", "back"),
    "reject": ("refuse", "deny", "dismiss"),
    "withdraw": ("pull out", "leave", "depart"),
    "strengthen": ("reinforce", "bolster", "empower"),
    "the government": ("the cabinet", "the executive", "the state"),
    "the capital": ("the city", "the seat of government"),
    "urgent": ("pressing", "immediate"),
    "final": ("last", "concluding"),
    "new": ("fresh", "novel"),
    "comprehensive": ("full", "complete", "thorough"),
}
"""Rewordings a translation may choose; some are in the matcher's synonym table, some not."""

OUTLETS = (
    "Shafaq News", "Iran Daily", "Sputnik", "teleSUR", "North Press", "Reuters", "AFP", "Al Jazeera",
    "Anadolu", "Rudaw", "Kurdistan24", "The National", "Arab News", "Xinhua", "AP", "BBC", "DW", "TRT",
)  # fmt: skip
FIRST_NAMES = ("Qasim", "Tahsin", "Saad", "Lloyd", "Mustafa", "Frank", "Joe", "Nadia", "Layla", "Omar", "Hassan")
LAST_NAMES = ("al-Araji", "al-Khafaji", "Maan", "Austin", "al-Kadhimi", "McKenzie", "Rahman", "Haddad", "Aziz")


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing one speaker said: gold id, speaker id and the original wording."""

    id: str
    speaker: str
    text: str


@dataclass(frozen=True, slots=True)
class Variant:
    """One outlet's rendering of a statement, before it is placed in an article."""

    gold: str
    text: str
    kind: QuoteKind
    speaker: str | None
    joined: bool = False
    """Whether the variant runs two statements together."""


@dataclass(slots=True)
class SyntheticCorpus:
    """Articles, quotes, the storyline of every article and the gold statement of every quote."""

    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    storyline_of: dict[str, str] = field(default_factory=dict)
    gold: dict[str, str] = field(default_factory=dict)
    """Quote id → gold statement id (a joined quote counts as the statement it holds more of)."""
    joined: set[str] = field(default_factory=set)
    """Ids of the quotes that run two statements together."""


# --------------------------------------------------------------------------- statements


def make_statement(rng: random.Random, topic: Sequence[str], speaker: str, statement_id: str) -> Statement:
    """Write one statement of one to three clauses, leaning on the storyline's topic words."""
    clauses = [_clause(rng, topic) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
    text = clauses[0][0].upper() + clauses[0][1:]
    for clause in clauses[1:]:
        text += rng.choice((", and ", "; ", ", while ", ". ")) + clause
    return Statement(statement_id, speaker, text + ".")


def _clause(rng: random.Random, topic: Sequence[str]) -> str:
    """Write one clause: subject, modal, verb, object, optional place and time."""
    noun = rng.choice(topic) if rng.random() < 0.35 else rng.choice(NOUNS)
    words = [rng.choice(SUBJECTS), rng.choice(MODALS), rng.choice(VERBS), "the"]
    words += [rng.choice(ADJECTIVES)] if rng.random() < 0.7 else []
    words += [noun]
    if rng.random() < 0.6:
        words += ["of", "the", rng.choice(ADJECTIVES), rng.choice(NOUNS)]
    if rng.random() < 0.6:
        words += [rng.choice(PREPOSITIONS), rng.choice(PLACES)]
    if rng.random() < 0.5:
        words += [rng.choice(TIMES)]
    if rng.random() < 0.4:
        words += [_specific(rng)]
    return " ".join(words)


def _specific(rng: random.Random) -> str:
    """Return a detail that few statements share: a figure, a place name or a person's name."""
    roll = rng.random()
    if roll < 0.4:
        what = rng.choice(("families", "workers", "troops", "homes"))
        return f"for {rng.randint(2, 9)},{rng.randint(0, 999):03d} {what}"
    if roll < 0.8:
        return f"in {_name(rng)}"
    return f"with {rng.choice(('Minister', 'General', 'Governor', 'Mayor'))} {_name(rng)}"


def _name(rng: random.Random) -> str:
    """Make up a proper name from two or three syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


# --------------------------------------------------------------------------- variants


def make_variant(
    rng: random.Random, statement: Statement, others: Sequence[Statement], speakers: Sequence[str]
) -> Variant:
    """Reword a statement the way one outlet might; a joined quote's gold is its larger part."""
    text = _paraphrase(rng, statement.text)
    kind = QuoteKind.STATEMENT
    if rng.random() < 0.25:
        text, kind = _cut(rng, text), QuoteKind.FRAGMENT
    elif rng.random() < 0.15:
        text = _move_tail(rng, text)
    gold, joined = statement.id, False
    if rng.random() < 0.05 and others:
        other = rng.choice(others)
        addition = _paraphrase(rng, other.text)
        gold = gold if len(text.split()) >= len(addition.split()) else other.id
        text, joined = text.rstrip(".") + ". " + addition, True
    return Variant(gold, _repunctuate(rng, text), kind, _attribution(rng, statement.speaker, speakers), joined)


def _paraphrase(rng: random.Random, text: str) -> str:
    """Swap phrases for rewordings, change tenses, drop and add words."""
    for phrase, options in PARAPHRASES.items():
        if rng.random() < 0.4:
            text = re.sub(rf"\b{phrase}\b", rng.choice(options), text, count=1)
    words = []
    for word in text.split():
        roll = rng.random()
        if roll < 0.06 and word in ("the", "of", "and"):
            continue
        words.append(_inflect(rng, word) if word in VERBS and rng.random() < 0.3 else word)
        if rng.random() < 0.03:
            words.append(rng.choice(FILLERS))
    return " ".join(words)


def _inflect(rng: random.Random, verb: str) -> str:
    """Return a regular inflection of a verb."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return rng.choice((verb + "s", stem + "ed", stem + "ing"))


def _cut(rng: random.Random, text: str) -> str:
    """Keep a contiguous 40-85% of the words, as a fragment woven into reported speech."""
    words = text.split()
    size = max(3, round(len(words) * rng.uniform(0.4, 0.85)))
    start = rng.randint(0, max(0, len(words) - size))
    return " ".join(words[start : start + size])


def _move_tail(rng: random.Random, text: str) -> str:
    """Move the last few words (a place or time) to the front, as translations do."""
    words = text.rstrip(".").split()
    if len(words) < 8:
        return text
    tail = rng.randint(2, 4)
    return " ".join(words[-tail:]) + ", " + " ".join(words[:-tail]) + "."


def _repunctuate(rng: random.Random, text: str) -> str:
    """Change case, trailing punctuation and ellipses; never leave quotation marks inside."""
    if rng.random() < 0.3:
        text = text[0].lower() + text[1:]
    if rng.random() < 0.3:
        text = text.rstrip(".") + ","
    if rng.random() < 0.1:
        text = "..." + text
    if rng.random() < 0.1:
        text = text.rstrip(".,") + "…"
    if rng.random() < 0.05:
        text = text.upper() if len(text) < 60 else text.title()
    return text


def _attribution(rng: random.Random, speaker: str, speakers: Sequence[str]) -> str | None:
    """Return the speaker an outlet credits: usually right, sometimes none or another."""
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.19 and len(speakers) > 1:
        return rng.choice([s for s in speakers if s != speaker])
    return speaker


# --------------------------------------------------------------------------- corpora


def generate_corpus(
    n_quotes: int,
    seed: int = 0,
    *,
    storyline_quotes: int = 120,
    start: date = date(2021, 12, 1),
) -> SyntheticCorpus:
    """Generate about ``n_quotes`` quotes in storylines of about ``storyline_quotes`` each."""
    rng = random.Random(seed)
    corpus = SyntheticCorpus()
    number = 0
    while len(corpus.quotes) < n_quotes:
        size = min(n_quotes - len(corpus.quotes), max(4, round(rng.gauss(storyline_quotes, storyline_quotes / 3))))
        add_storyline(rng, corpus, f"story-{number:05d}", size, start + timedelta(days=number % 365))
        number += 1
    return corpus


def add_storyline(rng: random.Random, corpus: SyntheticCorpus, storyline: str, n_quotes: int, day: date) -> None:
    """Add one storyline of about ``n_quotes`` quotes, one article per outlet, to ``corpus``."""
    topic = (*rng.sample(TOPICS, 2), *rng.sample(NOUNS, 3))
    outlets = rng.sample(OUTLETS, rng.randint(3, 8))
    speakers = [f"{storyline}-sp{i}" for i in range(rng.randint(2, 6))]
    by_outlet: dict[str, list[Variant]] = {outlet: [] for outlet in outlets}
    statements: list[Statement] = []
    count = 0
    while count < n_quotes:
        statement = make_statement(rng, topic, rng.choice(speakers), f"{storyline}-st{len(statements):04d}")
        carriers = rng.sample(outlets, min(len(outlets), rng.choice((1, 2, 2, 3, 3, 4, 5, 6))))
        for outlet in carriers:
            by_outlet[outlet].append(make_variant(rng, statement, statements[-5:], speakers))
        statements.append(statement)
        count += len(carriers)
    # The storyline's place, from its own generator so the quotations stay as they were.
    place = _name(random.Random(f"place:{storyline}"))
    for index, outlet in enumerate(outlets):
        published = None if rng.random() < 0.1 else (day + timedelta(days=rng.randint(0, 3))).isoformat()
        title = f"{outlet}: {topic[0]} and {topic[2]} in {place}"
        _add_article(rng, corpus, f"{storyline}-a{index}", outlet, published, storyline, by_outlet[outlet], title)


def _add_article(
    rng: random.Random,
    corpus: SyntheticCorpus,
    article_id: str,
    outlet: str,
    published: str | None,
    storyline: str,
    variants: Sequence[Variant],
    title: str,
) -> None:
    """Write one article around its quotes and record the article, quotes and gold labels."""
    variants = list(variants)
    rng.shuffle(variants)
    text = f"{title}\n\n"
    for number, variant in enumerate(variants):
        name = _speaker_name(variant.speaker)
        text += f"{name} said on {rng.choice(('Monday', 'Tuesday', 'Thursday'))} that “"
        begin = len(text)
        text += variant.text
        end = len(text)
        text += "”.\n\n"
        quote_id = f"{article_id}-q{number:03d}"
        corpus.quotes.append(
            Quote(quote_id, article_id, variant.text, begin, end, variant.kind, name, speaker=variant.speaker)
        )
        corpus.gold[quote_id] = variant.gold
        if variant.joined:
            corpus.joined.add(quote_id)
    body = (Span(0, len(text)),)
    corpus.articles.append(
        Article(
            article_id,
            f"{article_id}.txt",
            text,
            body,
            title,
            outlet,
            Published.parse(published) if published else None,
        )
    )
    corpus.storyline_of[article_id] = storyline


def _speaker_name(speaker: str | None) -> str:
    """Return a written name for a speaker id (``An official`` when unknown): one person, one name.

    Speakers of different storylines are different people with their own surnames, as in
    the news (a sum of the id's characters gave the speakers of ``story-00012`` and
    ``story-00021`` the same few names).
    """
    if speaker is None:
        return "An official"
    own = random.Random(f"speaker:{speaker}")
    return f"{own.choice(FIRST_NAMES)} {own.choice(('', 'al-'))}{_name(own)}"
