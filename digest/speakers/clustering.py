"""Grouping mentions into entities: when two names are one person or one organisation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from ..unionfind import UnionFind
from .agreement import given_level, key_level, role_fit, roles_conflict
from .blocks import Mapper, comparison_blocks
from .classify import Kind
from .keys import NAME_MATCH, ROLE_CONFLICT, ROLE_MARGIN, skeleton
from .mentions import Mention
from .organisations import OrgName, orgs_agree, orgs_compatible
from .persons import PersonName

# --------------------------------------------------------------------------- person clustering


@dataclass(slots=True)
class _Form:
    """One distinct spelling of a person (or of a surname in one article), with its mentions."""

    display: str
    name: PersonName
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


def _person_forms(mentions: Sequence[Mention]) -> list[_Form]:
    """Group person mentions into distinct forms: full names by spelling, surnames by article."""
    forms: dict[tuple[str, str], _Form] = {}
    for m in mentions:
        assert m.person is not None
        key = (m.display, "" if m.person.given else m.source)
        form = forms.setdefault(key, _Form(m.display, m.person))
        form.mentions.append(m)
        form.roles.update(m.roles)
        form.sources.add(m.source)
    return [forms[k] for k in sorted(forms)]


def _blocks(forms: Sequence[_Form]) -> list[list[int]]:
    """Return groups of form indices worth comparing: same surname skeleton or key prefix."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        surname = form.name.surname
        blocks["s:" + skeleton(surname)].append(i)
        blocks["p:" + surname[:2]].append(i)
    return [b for b in blocks.values() if len(b) > 1]


def _candidate_pairs(forms: Sequence[_Form], run: Mapper | None = None) -> dict[tuple[int, int], float]:
    """Return pairs of forms whose surnames agree, with the surname score.

    With ``run`` (an engine's mapper), blocks are compared in tasks of several blocks
    (``comparison_blocks``); the pairs come back in the order of one pass.
    """
    keyed = [(block, [forms[i].name.surname for i in block]) for block in _blocks(forms)]
    found = [_block_pairs(keyed)] if run is None else run(_block_pairs, list(comparison_blocks(keyed)))
    pairs: dict[tuple[int, int], float] = {}
    for done in found:
        for a, b, score in done:
            pairs[(a, b)] = score
    return pairs


def _block_pairs(blocks: Sequence[tuple[list[int], list[str]]]) -> list[tuple[int, int, float]]:
    """Return ``(a, b, surname score)``, ``a < b``, for the forms of each block whose surnames agree.

    Each block is its forms' numbers and their surname keys; a task for an engine's workers.
    """
    pairs = []
    for block, keys in blocks:
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_MATCH)
        for x, y in zip(*np.nonzero(np.triu(scores, 1)), strict=True):
            a, b = block[int(x)], block[int(y)]
            pairs.append((min(a, b), max(a, b), float(scores[x, y])))
    return pairs


def _link(a: _Form, b: _Form, surname_score: float) -> int:
    """Return 2 for a sure link, 1 for a link that roles must not contradict, 0 for none."""
    surname = key_level(a.name.surname, b.name.surname, surname_score)
    if not surname or bool(a.name.given) != bool(b.name.given):
        return 0
    if not a.name.given:
        return 1
    return min(surname, given_level(a.name, b.name))


def _compatible(forms: Sequence[_Form], left: list[int], right: list[int]) -> bool:
    """Tell whether two groups may merge: every named pair agrees and roles do not clash."""
    for i in left:
        for j in right:
            a, b = forms[i].name, forms[j].name
            if not key_level(a.surname, b.surname):
                return False
            if a.given and b.given and given_level(a, b) == 0:
                return False
    return True


def _group_roles(forms: Sequence[_Form], members: Iterable[int]) -> set[str]:
    """Return the roles of a group's forms."""
    return {r for i in members for r in forms[i].roles}


def _merge_forms(
    forms: Sequence[_Form], groups: UnionFind, pairs: dict[tuple[int, int], float], eligible: set[int]
) -> None:
    """Merge eligible forms that agree, surest links first, never joining conflicting names."""
    links = []
    for (a, b), score in pairs.items():
        level = _link(forms[a], forms[b], score) if a in eligible and b in eligible else 0
        if level:
            links.append((-level, -score, forms[a].display, forms[b].display, a, b))
    for neg_level, _, _, _, a, b in sorted(links):
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb or not _compatible(forms, groups.members[ra], groups.members[rb]):
            continue
        if neg_level == -1 and roles_conflict(
            _group_roles(forms, groups.members[ra]), _group_roles(forms, groups.members[rb])
        ):
            continue
        groups.union(a, b)


def _attach_surnames(forms: Sequence[_Form], groups: UnionFind) -> set[int]:
    """Join each surname written alone to the one named group it can only mean; return the rest."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_given: dict[str, list[int]] = defaultdict(list)
    for g in groups.groups():
        for i in g:
            if forms[i].name.given:
                by_key[skeleton(forms[i].name.surname)].append(groups.find(g[0]))
                by_given[forms[i].name.given[0]].append(groups.find(g[0]))
    bare = [i for i, form in enumerate(forms) if not form.name.given]
    choices = [(_attach_target(forms, groups, i, by_key, by_given), i) for i in bare]
    for target, i in choices:
        if target is not None:
            groups.union(target, i)
    return {i for target, i in choices if target is None}


def _choose_group(
    forms: Sequence[_Form], groups: UnionFind, bare: list[int], by_key: dict[str, list[int]]
) -> int | None:
    """Pick the named group a surname group means: unique, same article, or best roles."""
    surname = forms[bare[0]].name.surname
    roots = sorted(set(by_key.get(skeleton(surname), [])))
    roles = _group_roles(forms, bare)
    candidates = [
        r
        for r in roots
        if _surname_fits(forms, groups.members[r], surname)
        and not roles_conflict(roles, _group_roles(forms, groups.members[r]))
    ]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    sources = {s for i in bare for s in forms[i].sources}
    local = [r for r in candidates if sources & {s for i in groups.members[r] for s in forms[i].sources}]
    if len(local) == 1:
        return local[0]
    chosen = _best_by_roles(forms, groups, roles, local or candidates)
    return chosen if chosen is not None or local else _dominant(forms, groups, candidates)


def _attach_target(
    forms: Sequence[_Form], groups: UnionFind, bare: int, by_key: dict[str, list[int]], by_given: dict[str, list[int]]
) -> int | None:
    """Pick the named group a name written alone means: by surname, failing that by given name."""
    target = _choose_group(forms, groups, [bare], by_key)
    return target if target is not None else _by_given(forms, groups, bare, by_key, by_given)


def _by_given(
    forms: Sequence[_Form], groups: UnionFind, bare: int, by_key: dict[str, list[int]], by_given: dict[str, list[int]]
) -> int | None:
    """Pick the person a name written alone means by their given name (``Tedros``), when no surname fits.

    Some people are called by their given name (Tedros Adhanom Ghebreyesus, Lula); a name
    alone that is no one's surname goes to the one person of that first given name whom far
    more articles name in full than any other, and only when no group bears it as a surname.
    """
    name = forms[bare].name.surname
    if skeleton(name) in by_key:
        return None
    candidates = sorted(set(by_given.get(name, [])))
    return _dominant(forms, groups, candidates) if candidates else None


DOMINANT_SOURCES = 3
"""Articles that must name a person in full before a surname alone elsewhere may mean them by prominence."""

DOMINANT_RATIO = 5
"""How many times more articles must name that person in full than any namesake."""


def _dominant(forms: Sequence[_Form], groups: UnionFind, candidates: list[int]) -> int | None:
    """Return the namesake far more articles name in full than any other, for a surname whose article names none.

    An article that writes ``Sanders said`` without ever giving a first name takes its
    readers to know which Sanders: the one the other reports of the corpus name again and
    again, not a namesake one article mentions.
    """
    counts = sorted(
        ((len({s for i in groups.members[r] if forms[i].name.given for s in forms[i].sources}), r) for r in candidates),
        reverse=True,
    )
    top, root = counts[0]
    runner = counts[1][0] if len(counts) > 1 else 0
    return root if top >= DOMINANT_SOURCES and top >= DOMINANT_RATIO * runner else None


def _surname_fits(forms: Sequence[_Form], members: Iterable[int], surname: str) -> bool:
    """Tell whether a group's surnames agree with ``surname``."""
    keys = sorted({forms[i].name.surname for i in members})
    scores = process.cdist([surname], keys, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_MATCH)[0]
    return any(key_level(surname, k, float(s)) for k, s in zip(keys, scores, strict=True) if s)


def _best_by_roles(forms: Sequence[_Form], groups: UnionFind, roles: set[str], candidates: list[int]) -> int | None:
    """Return the candidate whose roles fit ``roles`` clearly better than every other's."""
    fits = sorted(
        ((role_fit(roles, _group_roles(forms, groups.members[r]), strict=True) or 0.0, r) for r in candidates),
        reverse=True,
    )
    if fits and fits[0][0] >= ROLE_CONFLICT and (len(fits) == 1 or fits[0][0] - fits[1][0] >= ROLE_MARGIN):
        return fits[0][1]
    return None


def person_entities(mentions: Sequence[Mention], run: Mapper | None = None) -> list[list[Mention]]:
    """Cluster person mentions into entities (comparing names in blocks on ``run``, when given)."""
    forms = _person_forms(mentions)
    groups = UnionFind(len(forms))
    pairs = _candidate_pairs(forms, run)
    _merge_forms(forms, groups, pairs, {i for i, form in enumerate(forms) if form.name.given})
    _merge_forms(forms, groups, pairs, _attach_surnames(forms, groups))
    return [[m for i in g for m in forms[i].mentions] for g in groups.groups()]


# --------------------------------------------------------------------------- organisation clustering


_OrgKey = tuple[frozenset[str], frozenset[str], str | None, str | None]


def org_entities(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Cluster organisation mentions: same distinctive words, compatible country and kind."""
    named = [m for m in mentions if _is_named_org(m)]
    exact: dict[_OrgKey, list[Mention]] = defaultdict(list)
    for m in named:
        assert m.org is not None
        exact[(m.org.distinct, m.org.heads, m.org.country, m.org.acronym)].append(m)
    clusters = [exact[k] for k in sorted(exact, key=_org_sort_key)]
    clusters = _merge_within_buckets(clusters)
    clusters = _merge_acronyms(clusters)
    clusters = _merge_into_fuller(clusters)
    return _attach_loose_orgs(clusters, [m for m in mentions if not _is_named_org(m)])


def _is_named_org(mention: Mention) -> bool:
    """Tell whether an organisation mention says which one it is (words, country or acronym)."""
    org = mention.org
    return org is not None and bool(org.distinct or org.country or org.acronym)


def _org_sort_key(key: _OrgKey) -> tuple[str, ...]:
    """Sort organisation keys by their words, kind, country and acronym."""
    distinct, heads, country, acronym = key
    return (" ".join(sorted(distinct)), " ".join(sorted(heads)), country or "", acronym or "")


def _orgs_of(cluster: Sequence[Mention]) -> set[OrgName]:
    """Return the distinct organisation names of a cluster."""
    return {m.org for m in cluster if m.org is not None}


def _cluster_agrees(a: Sequence[Mention], b: Sequence[Mention]) -> bool:
    """Tell whether every organisation name of one cluster agrees with every one of the other."""
    return all(orgs_agree(x, y) for x in _orgs_of(a) for y in _orgs_of(b))


def _bucket(cluster: Sequence[Mention]) -> tuple[str, ...]:
    """Return the words that decide which clusters may merge with this one."""
    org = cluster[0].org
    assert org is not None
    if org.acronym:
        return ("acronym", org.acronym)
    return tuple(sorted(org.distinct)) if org.distinct else ("kind", *sorted(org.heads))


def _merge_within_buckets(clusters: list[list[Mention]]) -> list[list[Mention]]:
    """Merge each cluster into the single other cluster of its bucket it agrees with."""
    buckets: dict[tuple[str, ...], list[list[Mention]]] = defaultdict(list)
    for cluster in clusters:
        buckets[_bucket(cluster)].append(cluster)
    return [c for key in sorted(buckets) for c in _merge_unique_partners(buckets[key])]


def _merge_unique_partners(clusters: list[list[Mention]]) -> list[list[Mention]]:
    """Merge each set of clusters that agree with one another and with nothing else."""
    agree = {
        (i, j): _cluster_agrees(clusters[i], clusters[j])
        for i in range(len(clusters))
        for j in range(i + 1, len(clusters))
    }
    out = []
    for component in _components(len(clusters), [pair for pair, ok in agree.items() if ok]):
        if all(agree[(i, j)] for i in component for j in component if i < j):
            out.append([m for k in component for m in clusters[k]])
        else:
            out.extend(clusters[k] for k in component)
    return out


def _components(size: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Return the connected components of a graph on ``range(size)``, each sorted."""
    groups = UnionFind(size)
    for a, b in edges:
        groups.union(a, b)
    return groups.groups()


def _merge_acronyms(clusters: list[list[Mention]]) -> list[list[Mention]]:
    """Merge each acronym into the single organisation whose initials spell it.

    One spelling of the organisation is enough: its initials, or an acronym an article
    defines for it in brackets. Country and kind must agree with every spelling.
    """
    by_initials: dict[str, list[int]] = defaultdict(list)
    for k, cluster in enumerate(clusters):
        for initials in sorted({i for org in _orgs_of(cluster) if not org.acronym for i in org.initials}):
            by_initials[initials].append(k)
    target: dict[int, int] = {}
    for k, cluster in enumerate(clusters):
        acronym = cluster[0].org.acronym if cluster[0].org else None
        if acronym:
            partners = [p for p in by_initials.get(acronym, []) if _clusters_compatible(cluster, clusters[p])]
            if len(partners) == 1:
                target[k] = partners[0]
    return _apply_targets(clusters, target)


def _merge_into_fuller(clusters: list[list[Mention]]) -> list[list[Mention]]:
    """Merge a cluster into the one organisation whose name holds all its words and more."""
    words = [frozenset().union(*(o.distinct for o in _orgs_of(c))) for c in clusters]
    by_word: dict[str, set[int]] = defaultdict(set)
    for k, ws in enumerate(words):
        for w in ws:
            by_word[w].add(k)
    target: dict[int, int] = {}
    for k, ws in enumerate(words):
        if not ws or any(o.acronym for o in _orgs_of(clusters[k])):
            continue
        fuller = [d for d in sorted(set.intersection(*(by_word[w] for w in ws))) if words[d] > ws]
        fuller = [d for d in fuller if _clusters_compatible(clusters[k], clusters[d])]
        widest = [d for d in fuller if not any(words[d] < words[e] for e in fuller)]
        if len(widest) == 1:
            target[k] = widest[0]
    return _apply_targets(clusters, target)


def _clusters_compatible(a: Sequence[Mention], b: Sequence[Mention]) -> bool:
    """Tell whether two clusters agree on country and kind throughout."""
    return all(orgs_compatible(x, y) for x in _orgs_of(a) for y in _orgs_of(b))


def _apply_targets(clusters: list[list[Mention]], target: dict[int, int]) -> list[list[Mention]]:
    """Move each targeted cluster into its target (following chains), keeping the order."""
    merged = [list(c) for c in clusters]
    for k in sorted(target):
        end = target[k]
        while end in target:
            end = target[end]
        merged[end].extend(clusters[k])
    return [c for k, c in enumerate(merged) if k not in target]


def _attach_loose_orgs(clusters: list[list[Mention]], loose: Sequence[Mention]) -> list[list[Mention]]:
    """Give ``the government``-like mentions to the one such organisation, else to no one."""
    choices = []
    for m in loose:
        assert m.org is not None
        heads = m.org.heads
        fits = [c for c in clusters if any(o.heads & heads for o in _orgs_of(c))]
        local = [c for c in fits if any(x.source == m.source for x in c)]
        plain = [c for c in fits if all(not o.distinct for o in _orgs_of(c))]
        choice = local if len(local) == 1 else plain
        choices.append((m, choice[0] if len(choice) == 1 else None))
    for m, cluster in choices:
        if cluster is None:
            m.kind = Kind.GENERIC
        else:
            cluster.append(m)
    return clusters
