"""Speaker resolution: one entity per person or organisation, whatever each outlet wrote.

Outlets name one speaker in many ways: with or without a rank (``Major General Saad
Maan``), by surname alone (``Maan added``), in another romanisation (``Qasim al-Araji``,
``Qassem al-Araji``, ``Al Arayi``), or with the organisation's name shortened
(``the joint operations``). ``resolve_speakers`` reads every quote's speaker as written,
completes short names from the same article, compares names with transliteration-aware
keys and rapidfuzz, and returns the entities with each quote pointing at its entity.

Rules, in order of trust:

* a name written in full in the same article completes a surname written alone;
* two full names are one person when surnames agree and given names agree; a close but
  not exact agreement also needs roles that do not contradict each other;
* a surname written alone joins the one person in the corpus who bears it (the one quoted
  in the same article, or the one whose roles fit, when several do);
* descriptions (``the official``, ``he``, ``the statement``) are no entity; a description
  naming an office (``the spokesman``, ``the Labour leader``) goes to the one person its
  article quotes or names who holds it, by the roles every outlet gives them; where the
  article names no such person, a description qualified by a country or a name (``the
  Turkish head of state``) goes to the one such person in the corpus
  (:mod:`digest.speakers.descriptions`);
* an acronym is the organisation its article defines it for in brackets (``the European
  Chess Circle (ECC)``), else the one organisation whose initials it spells; a demonym
  only keeps apart organisations of two countries, and always stays in the name shown.

Entities come from quotes only. Afterwards every article body is read for the names of the
quoted people written without a quotation (``Maan added that ...``), by the same rules; a
surname alone counts only when its article settles who it is (a full name there, or the
person quoted there) or a title marks it as the one such person in the corpus. Those
spellings are listed on the speaker; they never create, split or merge entities.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from ..models import Article, Quote, Speaker
from .agreement import given_level, key_level, role_fit, roles_conflict
from .blocks import Mapper, article_blocks
from .classify import Kind, clean_written, is_origin_title
from .clustering import org_entities, person_entities
from .descriptions import link_descriptions, office_entities
from .index import ArticleNames, Run, article_names
from .keys import NAME_MATCH, PAREN_RE, ROLE_CONFLICT, ROLE_MARGIN, ascii_key, skeleton, speaker_slug
from .mentions import Mention, completeness_org, read_mention
from .organisations import parse_org
from .persons import PersonName, parse_person, split_title
from .scripts import join_across_scripts

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- entities


def _person_completeness(display: str) -> tuple[int, int]:
    """Rank person spellings: more name words, then more written parts (particles)."""
    parsed = parse_person(display)
    return (parsed.core, parsed.parts) if parsed else (0, 0)


def _canonical(mentions: Sequence[Mention], person: bool) -> str:
    """Return the most complete spelling, ties broken by frequency then alphabetically."""
    counts = Counter(m.display for m in mentions if m.display)
    rank = _person_completeness if person else completeness_org

    def order(name: str) -> tuple[int, int, int, str]:
        complete = rank(name)
        return (-complete[0], -complete[1], -counts[name], name)

    best = min(counts, key=order)
    return best if person or not best[:1].islower() else best[:1].upper() + best[1:]


def _distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Return roles without repeats that differ only in case, spacing, brackets or a leading article."""
    seen: dict[str, str] = {}
    for role in sorted(r for r in roles if r):
        key = re.sub(r"^(the|a|an) ", "", " ".join(ascii_key(PAREN_RE.sub("", role)).split()))
        seen.setdefault(key, role)
    return tuple(sorted(seen.values()))


def _entity(mentions: Sequence[Mention]) -> Speaker:
    """Build the speaker for one cluster of mentions (its id is given later)."""
    name = _canonical(mentions, person=any(m.person is not None for m in mentions))
    completed = {m.display for m in mentions if m.display and m.display not in m.written}
    aliases = tuple(sorted({m.written for m in mentions} | completed | {name}))
    roles = _distinct_roles(r for m in mentions for r in m.roles)
    return Speaker(id=speaker_slug(name), name=name, aliases=aliases, roles=roles)


def _assign_ids(entities: Sequence[Speaker]) -> list[str]:
    """Number repeated slugs in a content-based order; return each entity's id."""
    order = sorted(
        range(len(entities)), key=lambda k: (entities[k].id, entities[k].name, entities[k].aliases, entities[k].roles)
    )
    taken: Counter[str] = Counter()
    ids = [""] * len(entities)
    for k in order:
        slug = entities[k].id
        taken[slug] += 1
        ids[k] = slug if taken[slug] == 1 else f"{slug}-{taken[slug]}"
    return ids


def _finish(entity: Speaker, entity_id: str, cluster: Sequence[Mention], found: Iterable[tuple[str, str]]) -> Speaker:
    """Give an entity its id, every spelling written for it and those spellings as aliases."""
    found = set(found)
    spellings = {(m.source, m.bare) for m in cluster if m.bare} | found
    aliases = tuple(sorted({*entity.aliases, *(written for _, written in found)}))
    return replace(entity, id=entity_id, aliases=aliases, spellings=tuple(sorted(spellings)))


# --------------------------------------------------------------------------- names in article bodies


@dataclass(slots=True)
class _Bearer:
    """A quoted person, reduced to what a name written in an article body is compared with."""

    names: list[PersonName]
    """The person's names that were written with a given name."""
    surnames: set[str]
    roles: set[str]
    sources: set[str]
    """The articles that quote the person."""


@dataclass(slots=True)
class _Bearers:
    """The quoted people, indexed by surname for names written in article bodies."""

    people: dict[int, _Bearer]
    """Each quoted person, by cluster index."""
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    blocks: dict[str, list[str]] = field(default_factory=dict)
    """Surname keys by skeleton and by prefix, as ``_blocks`` groups them."""
    cache: dict[str, list[int]] = field(default_factory=dict)
    """The people whose surname agrees with a surname key, once looked up."""


def _bearers(clusters: Sequence[list[Mention]]) -> _Bearers:
    """Return the quoted people among the entities, indexed by surname."""
    people: dict[int, _Bearer] = {}
    for c, cluster in enumerate(clusters):
        names = [m.person for m in cluster if m.person is not None]
        if names:
            people[c] = _Bearer(
                names=list(dict.fromkeys(n for n in names if n.given)),
                surnames={n.surname for n in names},
                roles={r for m in cluster for r in m.roles},
                sources={m.source for m in cluster},
            )
    return _index_bearers(people)


def _index_bearers(people: dict[int, _Bearer]) -> _Bearers:
    """Index quoted people by surname key, and the keys by skeleton and prefix."""
    by_surname: dict[str, set[int]] = defaultdict(set)
    for c, person in people.items():
        for surname in person.surnames:
            by_surname[surname].add(c)
    blocks: dict[str, list[str]] = defaultdict(list)
    for surname in sorted(by_surname):
        blocks["s:" + skeleton(surname)].append(surname)
        blocks["p:" + surname[:2]].append(surname)
    return _Bearers(people, {k: sorted(v) for k, v in by_surname.items()}, dict(blocks))


def _surname_bearers(surname: str, bearers: _Bearers) -> list[int]:
    """Return the quoted people whose surname agrees with ``surname``."""
    found = bearers.cache.get(surname)
    if found is None:
        keys = sorted({*bearers.blocks.get("s:" + skeleton(surname), ()), *bearers.blocks.get("p:" + surname[:2], ())})
        scores = process.cdist([surname], keys, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_MATCH)[0]
        agreeing = [k for k, score in zip(keys, scores, strict=True) if score and key_level(surname, k, float(score))]
        found = bearers.cache[surname] = sorted({c for k in agreeing for c in bearers.by_surname[k]})
    return found


def _bearer_level(run: Run, bearer: _Bearer) -> int:
    """Return 2 when a full name surely names a quoted person, 1 when plausibly, 0 when not.

    The name must agree with every full name the person was quoted under; a plausible
    agreement also needs roles that do not contradict the person's.
    """
    assert run.person is not None
    best = 0
    for other in bearer.names:
        level = min(key_level(run.person.surname, other.surname), given_level(run.person, other))
        if level == 0:
            return 0
        best = max(best, level)
    if best == 1 and roles_conflict(run.roles, bearer.roles):
        return 0
    return best


def _match_full(run: Run, bearers: _Bearers) -> int | None:
    """Return the one quoted person a name written with a given name means, if any."""
    assert run.person is not None
    levels = {c: _bearer_level(run, bearers.people[c]) for c in _surname_bearers(run.person.surname, bearers)}
    top = max(levels.values(), default=0)
    best = [c for c, level in levels.items() if level == top and level]
    if len(best) <= 1:
        return best[0] if best else None
    return _best_bearer(set(run.roles), bearers, best)


def _best_bearer(roles: set[str], bearers: _Bearers, candidates: list[int]) -> int | None:
    """Return the candidate whose roles fit ``roles`` clearly better than every other's."""
    fits = sorted(((role_fit(roles, bearers.people[c].roles, strict=True) or 0.0, c) for c in candidates), reverse=True)
    if fits and fits[0][0] >= ROLE_CONFLICT and (len(fits) == 1 or fits[0][0] - fits[1][0] >= ROLE_MARGIN):
        return fits[0][1]
    return None


def _match_surname(run: Run, source: str, local: set[int | None], bearers: _Bearers) -> int | None:
    """Return the one quoted person a surname written alone means, if any.

    A full name with that surname in the same article decides (``local`` holds what each such
    name means: an unquoted or a second namesake there makes it ambiguous); else the one such
    person quoted in the article; else, when a title marks the surname as a person's, the one
    such person in the corpus.
    """
    if local:
        return local.pop() if len(local) == 1 else None
    assert run.person is not None
    people = bearers.people
    candidates = [
        c for c in _surname_bearers(run.person.surname, bearers) if not roles_conflict(run.roles, people[c].roles)
    ]
    quoted_here = [c for c in candidates if source in people[c].sources]
    if quoted_here:
        return quoted_here[0] if len(quoted_here) == 1 else None
    return candidates[0] if run.titled and len(candidates) == 1 else None


def _quoted_in_body(source: str, index: ArticleNames, bearers: _Bearers) -> Iterator[tuple[int, str]]:
    """Yield (entity, name as written) for every name in one article that means a quoted person."""
    entities: list[int | None] = []
    for run in index.full:
        entity = _match_full(run, bearers)
        entities.append(entity)
        if entity is not None:
            yield entity, run.bare
    for run, namesakes in index.alone:
        entity = _match_surname(run, source, {entities[k] for k in namesakes}, bearers)
        if entity is not None:
            yield entity, run.bare


def _body_spellings(
    clusters: Sequence[list[Mention]], indexes: dict[str, ArticleNames], run: Mapper | None = None
) -> dict[int, set[tuple[str, str]]]:
    """Find every article's spellings of the quoted people, by cluster index.

    Names only join people who are quoted somewhere; they never create, split or merge
    entities. With ``run`` (an engine's mapper), articles are read in blocks, each task
    carrying the quoted people its names can mean (``_block_bearers``).
    """
    bearers = _bearers(clusters)
    found: dict[int, set[tuple[str, str]]] = defaultdict(set)
    if not bearers.people:
        return found
    sources = sorted(indexes)
    if run is None:
        spelled = [_spellings_block(([(source, indexes[source]) for source in sources], bearers))]
    else:
        tasks = [
            ([(source, indexes[source]) for source in block], _block_bearers(bearers, [indexes[s] for s in block]))
            for block in article_blocks(sources)
        ]
        spelled = run(_spellings_block, tasks)
    for done in spelled:
        for entity, source, written in done:
            found[entity].add((source, written))
    return found


def _spellings_block(task: tuple[Sequence[tuple[str, ArticleNames]], _Bearers]) -> list[tuple[int, str, str]]:
    """Return (entity, article, name as written) for the names of quoted people in a block of articles."""
    articles, bearers = task
    return [
        (entity, source, written)
        for source, index in articles
        for entity, written in _quoted_in_body(source, index, bearers)
    ]


def _block_bearers(bearers: _Bearers, indexes: Sequence[ArticleNames]) -> _Bearers:
    """Return the quoted people the names of some articles can mean, indexed as ``_bearers`` does.

    A name is compared with the surname keys of its skeleton and prefix blocks only, so the
    people bearing those keys are all it needs; indexed alone, those blocks hold the same keys.
    """
    surnames = {run.person.surname for index in indexes for run in index.full if run.person is not None}
    surnames.update(run.person.surname for index in indexes for run, _ in index.alone if run.person is not None)
    keys = {
        key
        for surname in surnames
        for block in ("s:" + skeleton(surname), "p:" + surname[:2])
        for key in bearers.blocks.get(block, ())
    }
    people = sorted({c for key in keys for c in bearers.by_surname[key]})
    return _index_bearers({c: bearers.people[c] for c in people})


# --------------------------------------------------------------------------- public API


def resolve_speakers(
    quotes: Sequence[Quote],
    articles: Sequence[Article],
    names: Mapping[str, ArticleNames] | None = None,
    run: Mapper | None = None,
) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """Resolve every quote's speaker to one entity per person or organisation.

    Returns the speakers, sorted by id, and the quotes with ``speaker`` set to their
    speaker's id (``None`` when the speaker is unknown or only described, as in
    ``the official``). Ids are slugs of the canonical names and do not depend on the
    order of ``quotes`` or ``articles``.

    Entities come from quotes alone. Each article is then read for the names of the quoted
    people written without a quotation (``Maan added that ...``); every spelling found,
    quoted or not, is listed in the speaker's ``spellings`` with its source, and added to
    its ``aliases``.

    ``names`` maps article ids to their ``article_names``, when they were found beforehand
    (as the pipeline does, beside each article's quotations); the others are read here.

    With ``run`` (an engine's mapper), the work of one article or one block of surnames at a
    time runs in blocks on the engine's workers: reading the mentions, comparing person
    names, finding the quoted people's names in bodies (:mod:`digest.speakers.blocks`).
    Joining them into entities runs here, in the order one pass uses, so the result is the same.
    """
    indexes = _index_articles(articles, names or {})
    mentions = _read_mentions(quotes, indexes, run)
    clusters = person_entities([m for m in mentions if m.kind is Kind.PERSON], run)
    clusters = join_across_scripts([c for c in clusters if c])
    clusters += org_entities([m for m in mentions if m.kind is Kind.ORG])
    clusters = [c for c in clusters if c]
    owner = {m.index: c for c, cluster in enumerate(clusters) for m in cluster}
    found = _body_spellings(clusters, indexes, run)
    link_descriptions(mentions, owner, clusters, _present(clusters, found))
    for cluster in office_entities(mentions, owner):
        owner.update((m.index, len(clusters)) for m in cluster)
        clusters.append(cluster)
    entities = [_entity(cluster) for cluster in clusters]
    ids = _assign_ids(entities)
    speakers = tuple(
        sorted((_finish(e, ids[c], clusters[c], found.get(c, ())) for c, e in enumerate(entities)), key=lambda s: s.id)
    )
    resolved = tuple(replace(q, speaker=ids[owner[i]] if i in owner else None) for i, q in enumerate(quotes))
    log.debug("resolved %d speaker mentions into %d speakers", len(mentions), len(speakers))
    return speakers, resolved


def _present(clusters: Sequence[list[Mention]], found: Mapping[int, set[tuple[str, str]]]) -> dict[str, set[int]]:
    """Return, per article, the entities it quotes or names in its body."""
    present: dict[str, set[int]] = defaultdict(set)
    for c, cluster in enumerate(clusters):
        for m in cluster:
            present[m.source].add(c)
    for c, spellings in found.items():
        for source, _ in spellings:
            present[source].add(c)
    return present


def _index_articles(articles: Sequence[Article], known: Mapping[str, ArticleNames]) -> dict[str, ArticleNames]:
    """Index the names written in every article, once each (the last article of an id wins)."""
    by_id = {a.id: a for a in articles}
    return {
        article_id: known[article_id] if article_id in known else article_names(by_id[article_id])
        for article_id in sorted(by_id)
    }


def _read_mentions(
    quotes: Sequence[Quote], indexes: dict[str, ArticleNames], run: Mapper | None = None
) -> list[Mention]:
    """Read every quote's speaker, completing it from its article's index (in blocks of articles on ``run``)."""
    if run is None:
        mentions = _mentions_block((list(enumerate(quotes)), indexes))
    else:
        by_source: dict[str, list[int]] = defaultdict(list)
        for i, quote in enumerate(quotes):
            by_source[quote.source].append(i)
        tasks = [
            ([(i, quotes[i]) for s in block for i in by_source[s]], {s: indexes[s] for s in block if s in indexes})
            for block in article_blocks(sorted(by_source))
        ]
        mentions = sorted((m for done in run(_mentions_block, tasks) for m in done), key=lambda m: m.index)
    return _reread_orgs(mentions, quotes, indexes)


def _mentions_block(task: tuple[Sequence[tuple[int, Quote]], Mapping[str, ArticleNames]]) -> list[Mention]:
    """Read the speakers of some quotes (numbered), with their articles' indexes; a task for an engine's workers."""
    quotes, indexes = task
    mentions = []
    for i, quote in quotes:
        mention = read_mention(i, quote, indexes.get(quote.source))
        if mention is not None:
            mentions.append(mention)
    return mentions


def _reread_orgs(mentions: list[Mention], quotes: Sequence[Quote], indexes: dict[str, ArticleNames]) -> list[Mention]:
    """Re-read as organisations the ``European Chess Circle``-like names other quotes show to be one.

    A demonym before capitalised words reads as a person with a title (``Norwegian Kari
    Nordvik``) unless some quote names an organisation with the same words.
    """
    named = {(m.org.distinct, m.org.heads) for m in mentions if m.kind is Kind.ORG and m.org and m.org.distinct}
    if not named:
        return mentions
    out = []
    for m in mentions:
        if m.kind is Kind.PERSON and _org_key_of(m.written) in named:
            quote = quotes[m.index]
            m = read_mention(m.index, quote, indexes.get(quote.source), Kind.ORG) or m
        out.append(m)
    return out


def _org_key_of(written: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Return the organisation key of a name whose title only says where from, else ``None``."""
    name, _ = clean_written(written)
    title, _ = split_title(name)
    if title is None or not is_origin_title(title):
        return None
    org = parse_org(name)
    return org.distinct, org.heads
