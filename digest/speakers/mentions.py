"""Reading each quote's speaker as written into a mention: a person or an organisation, completed from its article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from digest.text.grammar import DETERMINERS
from digest.text.organisations import DOCUMENT_NOUNS, ORG_HEADS

from ..models import Quote
from .agreement import given_level, role_fit
from .classify import Kind, classify_speaker, clean_written, strip_determiners
from .descriptions import office_head
from .index import ArticleNames, Run, nearest
from .keys import POSSESSIVE_RE, ROLE_CONFLICT, STRONG_MATCH, plain_word
from .organisations import OrgName, org_words, orgs_agree, orgs_compatible, parse_org
from .persons import PersonName, is_capitalised, name_words, parse_person, split_title, title_role

# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class Mention:
    """One quote's speaker, read."""

    index: int
    source: str
    written: str
    kind: Kind
    display: str = ""
    """The fullest form of the name found for this mention (title dropped)."""
    bare: str = ""
    """The name as written, without title, determiners or possessive."""
    person: PersonName | None = None
    org: OrgName | None = None
    roles: set[str] = field(default_factory=set)
    head: str | None = None
    """For a description, the office noun it ends with (``spokesman``)."""


def read_mention(i: int, quote: Quote, index: ArticleNames | None, kind: Kind | None = None) -> Mention | None:
    """Read one quote's speaker as written (as ``kind``, when given), completing it from its article."""
    if not quote.speaker_as_written or not quote.speaker_as_written.strip():
        return None
    written, role = clean_written(quote.speaker_as_written)
    kind = kind or _classify_in(written, index)
    mention = Mention(i, quote.source, quote.speaker_as_written.strip(), kind)
    mention.roles.update(r.strip() for r in (role, quote.speaker_role) if r and _names_a_role(r))
    if mention.kind is Kind.PERSON:
        _read_person(mention, written, quote.start, index)
    elif mention.kind is Kind.ORG:
        _read_org(mention, written, quote.start, index)
    else:
        mention.head = office_head(written)
    return mention


def _names_a_role(role: str) -> bool:
    """Tell whether a role says something of the speaker (not ``office`` of ``X's office said``)."""
    plains = [plain_word(w) for w in name_words(role)]
    plains = [p for p in plains if p and p not in DETERMINERS]
    return bool(plains) and not all(p in ORG_HEADS or p in DOCUMENT_NOUNS for p in plains)


def _classify_in(written: str, index: ArticleNames | None) -> Kind:
    """Classify a speaker as written; a name its article writes as an organisation's is one."""
    kind = classify_speaker(written)
    if kind is Kind.PERSON and index is not None:
        bare = " ".join(org_words(written))
        if any(run.bare == bare for run in index.orgs):
            return Kind.ORG
    return kind


def _read_person(mention: Mention, written: str, position: int, index: ArticleNames | None) -> None:
    """Fill a person mention: bare name, keys, fuller form and roles from the article."""
    words, _ = strip_determiners(name_words(written))
    title, bare = split_title(" ".join(words))
    role = title_role(title)
    if role:
        mention.roles.add(role)
    mention.person = parse_person(bare)
    mention.display = bare
    mention.bare = POSSESSIVE_RE.sub("", bare)
    if mention.person is None:
        mention.kind = Kind.GENERIC
        return
    if index is None:
        return
    if _monsieur(bare, mention.person, index):
        mention.person = replace(mention.person, given=(), given_plain=())
    if not mention.person.given:
        full = _complete(mention.person, index, position)
        if full is not None and full.person is not None:
            mention.person, mention.display = full.person, full.bare
            mention.roles -= _namesake_roles(mention.roles, full.person, index)
    for run in _same_person_runs(mention.person, index):
        mention.roles.update(run.roles)


def _monsieur(bare: str, name: PersonName, index: ArticleNames) -> bool:
    """Tell whether ``M.`` before a surname is French ``Monsieur``, not an initial (``M. Kelleher``).

    So it is when the article names that surname in full and never with a given name in ``M``.
    """
    if not bare.startswith("M. ") or len(name.given) != 1:
        return False
    runs = [r for r in _surname_runs(name.surname, index) if r.person and r.person.given and r.bare[:3] != "M. "]
    givens = [r.person.given_plain[0] for r in runs if r.person]
    return bool(givens) and not any(g.startswith("m") for g in givens)


def _namesake_roles(roles: Iterable[str], name: PersonName, index: ArticleNames) -> set[str]:
    """Return the ``roles`` that fit a namesake of ``name`` in the article and not ``name`` itself.

    A surname written alone may come with the role of the other person of that surname
    (``Marchuk`` with ``NABB director``, when the director is Olena and the speaker Bohdan).
    """
    own: set[str] = set()
    others: set[str] = set()
    for run in _surname_runs(name.surname, index):
        other = run.person
        if other is not None and other.given:
            (own if given_level(name, other) else others).update(run.roles)
    return {r for r in roles if others and not _roles_fit(r, own) and _roles_fit(r, others)}


def _roles_fit(role: str, roles: set[str]) -> bool:
    """Tell whether one role fits a set of roles (not contradicting at least one of them)."""
    fit = role_fit([role], roles)
    return fit is not None and fit >= ROLE_CONFLICT


def _complete(name: PersonName, index: ArticleNames, position: int) -> Run | None:
    """Find the fuller form of a surname written alone, in the same article."""
    runs = [r for r in _surname_runs(name.surname, index) if r.person and r.person.given]
    if not runs:
        runs = [r for r in index.by_given.get(name.surname, []) if r.person and _written_as_name(r.bare)]
    return nearest(runs, position)


def _written_as_name(bare: str) -> bool:
    """Tell whether every word of a run is capitalised (``Tedros Adhanom Ghebreyesus``, not ``Obama at Harvard``)."""
    return all(is_capitalised(w) for w in name_words(bare))


def _surname_runs(surname: str, index: ArticleNames) -> list[Run]:
    """Return the article's person runs whose surname agrees with ``surname``."""
    exact = index.by_surname.get(surname)
    if exact:
        return exact
    keys = list(index.by_surname)
    if not keys:
        return []
    scores = process.cdist([surname], keys, scorer=fuzz.ratio, processor=None, score_cutoff=STRONG_MATCH)[0]
    return [r for k, s in zip(keys, scores, strict=True) if s for r in index.by_surname[k]]


def _same_person_runs(name: PersonName, index: ArticleNames) -> list[Run]:
    """Return the article's runs naming the same person as ``name``."""
    out = []
    for run in _surname_runs(name.surname, index):
        other = run.person
        if other is not None and (not name.given or not other.given or given_level(name, other) > 0):
            out.append(run)
    return out


def _read_org(mention: Mention, written: str, position: int, index: ArticleNames | None) -> None:
    """Fill an organisation mention: keys and the fullest form its article writes."""
    mention.org = parse_org(written)
    mention.display = mention.bare = " ".join(org_words(written)) or written
    if index is None:
        return
    defined = index.acronyms.get(mention.org.acronym or "")
    if defined is not None and defined.org is not None:
        mention.display, mention.org = defined.bare, defined.org
        return
    mention.org = _with_defined_acronyms(mention.org, index)
    fuller = [
        r
        for r in index.orgs
        if r.org is not None
        and _org_extends(mention.org, r.org)
        and completeness_org(r.bare) > completeness_org(mention.display)
    ]
    best = nearest(fuller, position)
    if best is not None and best.org is not None:
        mention.display, mention.org = best.bare, _merge_org(mention.org, best.org)


def _with_defined_acronyms(org: OrgName, index: ArticleNames) -> OrgName:
    """Add to an organisation's initials the acronyms its article defines for the same name."""
    defined = {
        acronym
        for acronym, run in index.acronyms.items()
        if run.org is not None
        and (run.org.distinct, run.org.heads) == (org.distinct, org.heads)
        and orgs_compatible(run.org, org)
    }
    return replace(org, initials=org.initials | defined) if defined - org.initials else org


def _org_extends(short: OrgName, full: OrgName) -> bool:
    """Tell whether ``full`` can be the fuller name of ``short`` (same words, or more of them)."""
    if orgs_agree(short, full):
        return True
    return (
        bool(short.distinct) and not short.acronym and short.distinct < full.distinct and orgs_compatible(short, full)
    )


def _merge_org(a: OrgName, b: OrgName) -> OrgName:
    """Combine what two spellings of one organisation tell about it."""
    return OrgName(
        a.distinct | b.distinct, a.heads | b.heads, a.country or b.country, a.initials | b.initials, a.acronym
    )


def completeness_org(display: str) -> tuple[int, int]:
    """Rank organisation spellings: more capitalised words, then more words."""
    words = org_words(display)
    return sum(1 for w in words if is_capitalised(w)), len(words)
