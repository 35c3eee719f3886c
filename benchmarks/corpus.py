"""Write a seeded synthetic news corpus to a folder: N article files and their ``sources.yml``.

The corpus looks like a scrape of about twenty outlets: storylines of 3-12 articles
published within a few days of each other, each article a headline, a date line and
300-700 words of wire copy built around the storyline's statements. Every statement is
carried by two to six outlets, each rewording, cutting, re-punctuating and sometimes
misattributing it (``synthetic.make_variant``), in the outlet's own quotation marks and
attribution forms, with the speaker's name spelled the outlet's way. Each storyline has
its own place, coined proper nouns and a few dozen content words that its statements
and background facts use, as real events do; storylines start on random days of one
year. Page furniture (share buttons, related links, photo credits, comment forms) sits
around the text.

Usage::

    python benchmarks/corpus.py /tmp/corpus-1000 --articles 1000 --seed 1

The same seed and size always write the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent))

from synthetic import NOUNS, OUTLETS, PLACES, SYLLABLES, TOPICS, Statement, Variant, make_statement, make_variant

from digest.models import QuoteKind

ALL_OUTLETS = (*OUTLETS, "Asharq Al-Awsat", "Middle East Eye")
"""Twenty outlets; each storyline draws its own from these."""

GIVEN_NAMES = (
    ("Qasim", "Qassem", "Kassem", "Qasem"),
    ("Mohammed", "Muhammad", "Mohamed", "Mohammad"),
    ("Hussein", "Husain", "Hussain"),
    ("Yusuf", "Youssef", "Yousef"),
    ("Abdulrahman", "Abdul Rahman", "Abdelrahman"),
    ("Mustafa", "Moustafa", "Mostafa"),
    ("Tahsin", "Tahseen"),
    ("Ahmed", "Ahmad"),
    ("Omar", "Umar"),
    ("Khalid", "Khaled"),
    ("Layla", "Leila", "Laila"),
    ("Fuad", "Fouad"),
    ("Hamid", "Hameed"),
    ("Nadia", "Nadiya"),
    ("Sergei", "Sergey"),
    ("Dmitry", "Dmitri"),
    ("Olena", "Elena"),
    ("Frank",),
    ("Lloyd",),
    ("Maria",),
)
"""Given names with the spellings outlets use for them."""

ROLES = (
    ("National Security Adviser", "the adviser"),
    ("Foreign Minister", "the minister"),
    ("Defence Minister", "the minister"),
    ("Interior Ministry spokesman", "the spokesman"),
    ("Prime Minister", "the prime minister"),
    ("Major General", "the general"),
    ("Central Bank Governor", "the governor"),
    ("Deputy Speaker", "the official"),
    ("Energy Minister", "the minister"),
    ("Army spokesman", "the spokesman"),
    ("Health Minister", "the minister"),
    ("Trade Commissioner", "the official"),
)
"""Titles written before a name, with the description a later sentence uses."""

SPELLING_RULES = (
    (r"q", "k"),
    (r"ou", "u"),
    (r"u", "ou"),
    (r"ee", "i"),
    (r"i(?=[a-z])", "ee"),
    (r"a(?=[rl])", "aa"),
    (r"y$", "i"),
    (r"ah$", "a"),
)
"""Transliteration swaps that turn one spelling of a surname into another."""

QUOTE_STYLES = (("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’"))
"""Quotation-mark pairs; each outlet has a house style and strays from it now and then."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
REPORTING = ("said", "stressed", "added", "noted", "warned", "told the agency", "stated", "explained")
BACKGROUND_OPENERS = (
    "", "Earlier this month, ", "Meanwhile, ", "Last week, ", "Officials said that ", "According to local media, ",
    "In a separate development, ", "Analysts say ", "The move comes as ", "Critics argue that ",
)  # fmt: skip
PROJECTS = (
    "dam", "pipeline", "accord", "refinery", "bridge", "power plant", "port", "corridor", "air base",
    "treaty", "free zone", "rail link", "border crossing", "oil field", "camp", "hospital", "airport",
)  # fmt: skip
"""What a storyline's coined proper nouns name (``the Qalimar dam``): the words that set it apart."""
GENERIC_NOUNS = frozenset(NOUNS)
EARLIER = ("has previously said", "told local radio last month", "argued in a recent interview", "wrote on Sunday")
LEXICON = tuple(
    """
    inflation tariffs exports remittances fuel wheat grain fertiliser bread rent salaries bonuses dividends
    shares bonds mortgages deposits currency shipping freight containers cargo tankers crude diesel gasoline
    electricity blackouts generators turbines transformers subsidies smuggling counterfeits auctions
    cholera measles vaccines clinics nurses ambulances oxygen antibiotics insulin dialysis surgeries outbreaks
    infections quarantine pharmacies midwives malnutrition checkpoints militias drones rockets mortars
    landmines explosives patrols convoys hostages kidnappings arrests raids curfews barracks ammunition
    drought floods wildfires sandstorms heatwaves rainfall reservoirs wells irrigation salinity pollution
    emissions sewage landfills locusts exams students universities scholarships curricula classrooms
    enrolment dormitories highways tunnels runways terminals sewers pylons cables towers viaducts tramways
    ballots candidates coalitions quotas constituencies referendum amendments vetoes portfolios reshuffle
    verdicts appeals prosecutors defendants witnesses bail pardons extraditions pilgrims tourists festivals
    mosques churches bazaars weddings funerals shrines museums olives cotton barley livestock sheep poultry
    harvest orchards greenhouses dairy bakeries smartphones outages hackers servers satellites broadband
    stadium league tournament athletes referees fans tickets strikes pickets layoffs overtime pensioners
    orphanages shelters tents blankets rations evacuees returnees asylum visas passports deportations
    lawsuits patents mergers bankruptcies audits bribes embezzlement kickbacks tenders concessions royalties
    quarries cement steel copper phosphate lithium uranium gold refineries smelters warehouses silos
    ferries fishermen trawlers lighthouses harbours dredging canals locks aqueducts dams levees embankments
    neighbourhoods slums evictions demolitions permits zoning skyscrapers apartments landlords tenants
    journalists bloggers broadcasters newspapers censorship subscriptions advertising podcasts cinemas
    theatres concerts orchestras galleries manuscripts excavations ruins monuments mosaics archaeologists
    astronomers physicists engineers chemists laboratories trials microscopes vaccinations epidemiologists
    truckers taxis buses metro fares tolls parking potholes roundabouts crossings pedestrians cyclists
    prisons inmates guards riots hunger escapes amnesty parole detainees interrogations torture tribunals
    cattle camels goats pastures herders nomads wolves vultures wetlands mangroves coral reefs turtles
    coffee tea sugar rice lentils flour cooking oil dates honey spices saffron pistachios
    """.split()  # noqa: SIM905
)
"""Content words of every kind of news; each storyline's background draws its own few dozen from these."""
FACTS = (
    "the {a} in {place} has affected {n} {b} since {month}",
    "officials at the {coined} reported new {a} and {b} on {day}",
    "residents of {place} described {a} near the {coined}, where {n} {b} were counted",
    "the {coined} handles most of the {a} and {b} of the province",
    "local media reported that {a} at the {coined} had doubled to {n} {b}",
    "the dispute over {a} and {b} in {place} began in {month}",
    "{n} {a} were registered in {place} last year, against far fewer {b}",
    "the {a} of the {coined} was last reviewed in {month} after complaints about {b}",
    "experts linked the {a} to a shortage of {b} and {c}",
    "the opposition has called for an inquiry into {a} and {b} at the {coined}",
    "aid groups in {place} say {a} and {c} remain the most urgent needs",
    "prices of {a} and {b} in {place} rose sharply in {month}",
    "a convoy carrying {a} reached {place} on {day} after a delay caused by {b}",
    "the {coined} was built with foreign loans and opened to {a} in {month}",
    "unions representing {a} threatened a walkout over {b} at the {coined}",
    "satellite images showed {a} spreading towards the {coined}",
    "the provincial council of {place} voted to spend more on {a} and less on {b}",
    "courts in {place} are still hearing cases about {a} linked to the {coined}",
    "the last survey counted {n} {a} in the district, most of them close to {b}",
    "human rights groups documented {a} and {c} around the {coined}",
    "farmers near {place} blamed {a} for the poor state of their {b}",
    "a delegation visited the {coined} on {day} to inspect {a} and {b}",
    "donors pledged money for {a} in {place}, but little of it has arrived",
    "the governor of {place} blamed {a} on years of neglect of {b}",
)
"""Background facts a storyline's outlets all report, filled with the storyline's own words."""
TEASER_TOPICS = ("talks", "crisis", "deal", "vote", "protests", "budget", "strike", "summit", "floods", "probe")
START = date(2021, 1, 4)


@dataclass(frozen=True, slots=True)
class Person:
    """A speaker: an id, spellings of the given name and surname, a title and a description."""

    id: str
    given: tuple[str, ...]
    surname: tuple[str, ...]
    title: str
    description: str


@dataclass(slots=True)
class Story:
    """One storyline before it is written out: outlets, speakers, statements and background."""

    number: int
    day: date
    place: str
    topic: tuple[str, ...]
    outlets: list[str]
    speakers: list[Person]
    statements: list[Statement] = field(default_factory=list)
    carried: dict[int, list[Statement]] = field(default_factory=dict)
    """Article index → the statements that article reports."""
    lexicon: tuple[str, ...] = ()
    coined: tuple[str, ...] = ()
    background: list[Statement] = field(default_factory=list)


@dataclass(slots=True)
class Written:
    """What ``write_corpus`` wrote: counts for a benchmark report."""

    articles: int = 0
    storylines: int = 0
    statements: int = 0
    quotes: int = 0
    words: int = 0
    bytes: int = 0
    storyline_of: dict[str, int] = field(default_factory=dict)
    """Article id (file name without ``.txt``) → the storyline it was written for."""
    statement_of: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Article id → (quoted words, statement id) of every quotation placed in it, in order."""


# --------------------------------------------------------------------------- names


def syllable_name(rng: random.Random, parts: tuple[int, int] = (2, 3)) -> str:
    """Make up a capitalised name from syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*parts))).capitalize()


def spellings(base: str, rng: random.Random) -> tuple[str, ...]:
    """Return a surname's spellings: the base first, then transliteration variants with and without ``al-``."""
    forms = [base]
    for pattern, replacement in rng.sample(SPELLING_RULES, len(SPELLING_RULES)):
        changed = re.sub(pattern, replacement, base.lower(), count=1).capitalize()
        if changed != base and len(forms) < 3:
            forms.append(changed)
    if rng.random() < 0.5:
        prefix = rng.choice(("al-", "al-", "el-"))
        forms = [prefix + f for f in forms] + [forms[0]] + ["Al-" + forms[-1]]
    return tuple(dict.fromkeys(forms))


def make_people(rng: random.Random, count: int) -> list[Person]:
    """Make the recurring speakers of a corpus."""
    people = []
    for number in range(count):
        title, description = rng.choice(ROLES)
        base = syllable_name(rng)
        people.append(Person(f"p{number:04d}", rng.choice(GIVEN_NAMES), spellings(base, rng), title, description))
    return people


def spelled(person: Person, outlet: str, seed: int) -> tuple[str, str]:
    """Return (given name, surname) the way one outlet always spells this person."""
    house = random.Random(f"{seed}:{outlet}:{person.id}")
    return house.choice(person.given), house.choice(person.surname)


def capitalised(name: str) -> str:
    """A name as it starts a sentence (``al-Araji`` → ``Al-Araji``)."""
    return name[0].upper() + name[1:]


# --------------------------------------------------------------------------- storylines


def story_size(rng: random.Random) -> int:
    """Return how many articles a storyline has: 3-12, about 10 on average."""
    sizes = range(3, 13)
    return rng.choices(sizes, weights=[(k - 2) ** 2 for k in sizes])[0]


def make_story(rng: random.Random, number: int, size: int, people: Sequence[Person]) -> Story:
    """Plan one storyline: outlets, speakers, statements and who carries each."""
    coined = tuple(f"{syllable_name(rng)} {kind}" for kind in rng.sample(PROJECTS, 2))
    topic = (*rng.sample(TOPICS, 2), *rng.sample(NOUNS, 2), *coined)
    story = Story(
        number,
        START + timedelta(days=rng.randint(0, 364)),
        syllable_name(rng, (2, 3)),
        topic,
        rng.sample(ALL_OUTLETS, size),
        rng.sample(list(people), rng.randint(2, 5)),
    )
    story.carried = {i: [] for i in range(size)}
    story.lexicon, story.coined = tuple(rng.sample(LEXICON, 30)), coined
    wanted = size * rng.randint(3, 6)
    carried = 0
    while carried < wanted:
        speaker = rng.choice(story.speakers)
        written = make_statement(rng, topic, speaker.id, f"s{number:05d}-{len(story.statements):03d}")
        statement = in_own_words(rng, written, story)
        carriers = rng.sample(range(size), rng.randint(min(2, size), min(6, size)))
        for index in carriers:
            story.carried[index].append(statement)
        story.statements.append(statement)
        carried += len(carriers)
    story.background = [make_fact(rng, story, f"b{number:05d}-{i}") for i in range(rng.randint(10, 16))]
    return story


def in_own_words(rng: random.Random, statement: Statement, story: Story) -> Statement:
    """Swap most generic nouns and places of a statement for the storyline's own words."""
    words = []
    for word in statement.text.split(" "):
        bare = word.rstrip(".,;")
        if bare in GENERIC_NOUNS and rng.random() < 0.6:
            word = rng.choice(story.lexicon) + word[len(bare) :]
        words.append(word)
    text = " ".join(words)
    for place in PLACES:
        if place in text and rng.random() < 0.6:
            text = text.replace(place, story.place, 1)
    return replace(statement, text=text)


def make_fact(rng: random.Random, story: Story, fact_id: str, lexicon: Sequence[str] = ()) -> Statement:
    """Write one background fact about the storyline, in its own words (or in ``lexicon``'s)."""
    a, b, c = rng.sample(lexicon or story.lexicon, 3)
    text = rng.choice(FACTS).format(
        a=a,
        b=b,
        c=c,
        place=story.place,
        coined=rng.choice(story.coined),
        n=f"{rng.randint(2, 900):,}",
        month=rng.choice(MONTHS),
        day=rng.choice(WEEKDAYS),
    )
    return Statement(fact_id, "", text[0].upper() + text[1:] + ".")


# --------------------------------------------------------------------------- sentences


def as_sentence(text: str) -> str:
    """Turn a variant's wording into one plain narrative sentence."""
    text = text.strip(" .,…")
    if text.isupper() or text.istitle():
        text = text.lower()
    return text[0].upper() + text[1:] + "."


def quote_core(text: str) -> str:
    """A variant's wording without its trailing punctuation, ready for a mark and a comma."""
    return text.rstrip(" .,")


def mention(person: Person, outlet: str, seed: int, seen: set[str], rng: random.Random) -> str:
    """How the article names a speaker: title and full name first, then surname or description."""
    given, surname = spelled(person, outlet, seed)
    if person.id not in seen:
        seen.add(person.id)
        return f"{person.title} {given} {surname}" if rng.random() < 0.7 else f"{given} {surname}"
    return capitalised(surname) if rng.random() < 0.75 else capitalised(person.description)


def quote_paragraph(
    rng: random.Random, variant: Variant, who: str, marks: tuple[str, str], same_speaker: bool, outlet: str
) -> str:
    """Write one paragraph around a quotation, in one of the usual English attribution forms."""
    o, c = marks
    core = quote_core(variant.text)
    low = who[0].lower() + who[1:] if who.startswith(("The ", "A ", "An ")) else who
    if variant.kind is QuoteKind.FRAGMENT:
        return rng.choice(
            (
                f"{who} {rng.choice(REPORTING)} that the plan was meant to {o}{core}{c}.",
                f"{who} described the decision as a way to {o}{core}{c}, without giving details.",
                f"The {rng.choice(NOUNS)} should {o}{core}{c}, {low} said on {rng.choice(WEEKDAYS)}.",
            )
        )
    forms = [
        f"{o}{core},{c} {low} {rng.choice(REPORTING)}.",
        f"{who} said: {o}{core}.{c}",
        f"{o}{core}{c}, according to {low}.",
        f'{who} told reporters that "{core}."',
        f"{who} {rng.choice(REPORTING)} on {rng.choice(WEEKDAYS)} that {o}{core}{c}.",
        f"In a statement carried by {outlet}, {low} said: {o}{core}.{c}",
        f"{o}{core},{c} {low} added, noting that talks would continue.",
    ]
    if same_speaker:
        forms += [f"{o}{core},{c} the official added.", f"He went on: {o}{core}.{c}"]
    return rng.choice(forms)


def background_paragraph(rng: random.Random, story: Story, outlet: str, seed: int, facts: list[Statement]) -> str:
    """Write one to three sentences of background: the storyline's facts (taken from ``facts``) and fresh ones."""
    sentences = []
    for _ in range(rng.randint(1, 3)):
        fact = make_fact(rng, story, "context", LEXICON) if rng.random() < 0.45 or not facts else facts.pop()
        variant = make_variant(rng, fact, (), (fact.speaker,))
        text = as_sentence(fact.text if variant.kind is QuoteKind.FRAGMENT else variant.text)
        roll = rng.random()
        opener = "" if roll < 0.6 else f"In {story.place}, " if roll < 0.75 else rng.choice(BACKGROUND_OPENERS)
        if roll > 0.92:
            given, surname = spelled(rng.choice(story.speakers), outlet, seed)
            opener = f"{given} {surname} {rng.choice(EARLIER)} that "
        sentences.append(opener + (text[0].lower() + text[1:] if opener else text))
    return " ".join(sentences)


# --------------------------------------------------------------------------- page parts


def headline(rng: random.Random, story: Story, outlet: str, seed: int) -> str:
    """Write one outlet's headline for the storyline (no final full stop)."""
    lead = story.statements[0]
    words = quote_core(lead.text).split(",")[0].split()[:10]
    clause = " ".join(words)
    surname = spelled(story.speakers[0], outlet, seed)[1]
    form = rng.randrange(4)
    if form == 0:
        return f"{capitalised(surname)} says {clause[0].lower() + clause[1:]}"
    if form == 1:
        return f"{story.place}: {clause}"
    if form == 2:
        return " ".join(w.capitalize() for w in clause.split())
    return f"{clause} in {story.place}, {story.speakers[0].title.lower()} {surname} says"


def date_line(when: datetime, style: int) -> str:
    """Write the publication date the way one outlet's page prints it."""
    month = MONTHS[when.month - 1]
    return (
        f"Published {when.day} {month} {when.year}",
        f"{when:%Y-%m-%d %H:%M}",
        f"{month} {when.day}, {when.year} {when:%H:%M} GMT",
        f"{when:%d.%m.%Y}",
        f"Published: {when:%H%M} GMT {month} {when.day}, {when.year}",
        f"{WEEKDAYS[when.weekday()]}, {when.day} {month} {when.year}",
    )[style % 6]


def furniture_top(rng: random.Random, outlet: str) -> list[str]:
    """Lines a scraper picks up above an article: tags, share buttons, photo credits."""
    lines = []
    if rng.random() < 0.4:
        lines.append(rng.choice(("Share", "Share on Facebook", "Tweet", "Print", "A-AA+")))
    if rng.random() < 0.5:
        lines.append(f"Photo: {outlet}/{syllable_name(rng)} {syllable_name(rng)}")
    return lines


def furniture_inline(rng: random.Random) -> str:
    """A teaser or widget line that sits between paragraphs."""
    teaser = f"{syllable_name(rng)} {rng.choice(TEASER_TOPICS)}: {rng.choice(NOUNS)} under pressure"
    return rng.choice((f"Related: {teaser}", f"Read more: {teaser}", "Advertisement", f"ALSO READ: {teaser}"))


def furniture_bottom(rng: random.Random, outlet: str, when: datetime) -> list[str]:
    """Lines a scraper picks up below an article: tags, comment form, copyright."""
    lines = [f"Tags: {', '.join(rng.sample(TOPICS, 3))}"] if rng.random() < 0.5 else []
    lines += ["Share", "Related Articles"] if rng.random() < 0.5 else []
    if rng.random() < 0.5:
        lines += ["Leave a Reply", "Your email address will not be published. Required fields are marked *"]
    lines.append(f"© {when.year} {outlet}. All rights reserved.")
    return lines


# --------------------------------------------------------------------------- articles


def publication_time(rng: random.Random, story: Story) -> datetime:
    """A publication time within three days of the storyline's first day."""
    day = story.day + timedelta(days=rng.randint(0, 3))
    return datetime(day.year, day.month, day.day, rng.randint(5, 22), rng.randrange(0, 60, 5))


def article_text(
    rng: random.Random, story: Story, index: int, when: datetime, seed: int, placed: list[tuple[str, str]] | None = None
) -> tuple[str, int, int]:
    """Write one article: (text, quotations placed, body words); ``placed`` collects (words, statement id)."""
    outlet = story.outlets[index]
    house = QUOTE_STYLES[sum(map(ord, outlet)) % len(QUOTE_STYLES)]
    ids = [p.id for p in story.speakers]
    people = {p.id: p for p in story.speakers}
    seen: set[str] = set()
    facts = rng.sample(story.background, len(story.background))
    paragraphs: list[str] = []
    previous: str | None = None
    target = rng.randint(230, 600)
    words = 0
    statements = story.carried[index]
    for number, statement in enumerate(statements):
        variant = make_variant(rng, statement, statements[max(0, number - 3) : number], ids)
        speaker = people.get(variant.speaker) if variant.speaker else None
        who = mention(speaker, outlet, seed, seen, rng) if speaker else rng.choice(("An official", "A source"))
        marks = house if rng.random() < 0.9 else rng.choice(QUOTE_STYLES)
        paragraph = quote_paragraph(rng, variant, who, marks, speaker is not None and speaker.id == previous, outlet)
        if placed is not None:
            placed.append((quote_core(variant.text), variant.gold))
        previous = speaker.id if speaker else None
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        if rng.random() < 0.15:
            paragraphs.append(background_paragraph(rng, story, outlet, seed, facts))
            words += len(paragraphs[-1].split())
    while words < target:
        extra = background_paragraph(rng, story, outlet, seed, facts)
        paragraphs.insert(rng.randint(0, len(paragraphs)), extra)
        words += len(extra.split())
    if rng.random() < 0.4:
        paragraphs.insert(rng.randint(0, len(paragraphs)), furniture_inline(rng))
    lead = f"{story.place.upper()} ({outlet}) – {background_paragraph(rng, story, outlet, seed, facts)}"
    head = [headline(rng, story, outlet, seed), *furniture_top(rng, outlet), date_line(when, sum(map(ord, outlet)))]
    lines = [*head, lead, *paragraphs, *furniture_bottom(rng, outlet, when)]
    return "\n\n".join(lines) + "\n", len(statements), words + len(lead.split())


def manifest_date(rng: random.Random, when: datetime) -> Any:
    """A ``published`` value as people write them in ``sources.yml``: date, timestamp or text."""
    roll = rng.random()
    if roll < 0.6:
        return when.date()
    if roll < 0.85:
        return when.replace(tzinfo=UTC)
    return f"{when:%Y-%m-%d %H:%M}"


def file_name(number: int, key: str) -> str:
    """A scraper-style file name: a running number and a hash."""
    return f"{number:05d}_{hashlib.sha1(key.encode()).hexdigest()[:16]}.txt"


def write_corpus(folder: Path, n_articles: int, seed: int = 0) -> Written:
    """Write ``n_articles`` article files and a ``sources.yml`` into ``folder``; return the counts."""
    rng = random.Random(seed)
    people = make_people(rng, max(40, n_articles // 15))
    stories: list[Story] = []
    planned = 0
    while planned < n_articles:
        left = n_articles - planned
        size = story_size(rng)
        size = left if left - size < 3 else size
        stories.append(make_story(rng, len(stories), size, people))
        planned += size
    slots = [(story, index) for story in stories for index in range(len(story.outlets))]
    order = list(range(len(slots)))
    rng.shuffle(order)
    folder.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, Any]] = {}
    written = Written(storylines=len(stories), statements=sum(len(s.statements) for s in stories))
    for number, slot in enumerate(order):
        story, index = slots[slot]
        when = publication_time(rng, story)
        placed: list[tuple[str, str]] = []
        text, quotes, words = article_text(rng, story, index, when, seed, placed)
        name = file_name(number, f"{seed}:{story.number}:{index}")
        written.statement_of[name.removesuffix(".txt")] = placed
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        manifest[name] = {"outlet": story.outlets[index], "published": manifest_date(rng, when), "language": "en"}
        written.storyline_of[name.removesuffix(".txt")] = story.number
        written.articles += 1
        written.quotes += quotes
        written.words += words
        written.bytes += len(data)
    header = f"# Outlet and publication date of every article (synthetic corpus, seed {seed}).\n"
    body = yaml.safe_dump(manifest, sort_keys=True, allow_unicode=True)
    (folder / "sources.yml").write_text(header + body, encoding="utf-8")
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Write one corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    written = write_corpus(args.folder, args.articles, args.seed)
    print(
        f"{args.folder}: {written.articles} articles, {written.storylines} storylines, "
        f"{written.statements} statements, {written.quotes} quotations, "
        f"{written.words / max(1, written.articles):.0f} body words per article, {written.bytes / 2**20:.1f} MB"
    )


if __name__ == "__main__":
    main()
