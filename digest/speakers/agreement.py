"""Agreement between two names or two sets of roles: how sure it is that they are one person."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from digest.text.personal_names import HYPOCORISMS
from digest.text.titles import ROLE_STOPWORDS, ROLE_SYNONYMS

from .keys import NAME_MATCH, ROLE_CONFLICT, STRONG_MATCH, demonym, plain_word, skeleton
from .persons import PersonName

# --------------------------------------------------------------------------- agreement


def key_level(a: str, b: str, score: float | None = None) -> int:
    """Return 2 when two name keys agree clearly, 1 when plausibly (same skeleton), else 0."""
    if score is None:
        score = fuzz.ratio(a, b, processor=None)
    if score >= STRONG_MATCH:
        return 2
    return 1 if score >= NAME_MATCH and skeleton(a) == skeleton(b) else 0


def given_level(a: PersonName, b: PersonName) -> int:
    """Return 2 when given names agree clearly, 1 when plausibly, 0 when they conflict."""
    level = key_level(a.given[0], b.given[0])
    if level or _nickname_or_initial(a.given_plain[0], b.given_plain[0]):
        return level or 1
    if len(a.given) > 1 or len(b.given) > 1:
        return int(any(key_level(x, y) == 2 for x in a.given for y in b.given))
    return 0


def _nickname_or_initial(a: str, b: str) -> bool:
    """Tell whether two given names are an initial and a name, or a short and a full form."""
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return HYPOCORISMS.get(a, a) == HYPOCORISMS.get(b, b)


def role_key(role: str) -> str:
    """Return a role's comparison form: ASCII, synonyms folded, stop words and countries dropped."""
    out = []
    for word in role.replace("-", " ").split():
        plain = plain_word(word)
        plain = ROLE_SYNONYMS.get(plain, plain)
        if plain and plain not in ROLE_STOPWORDS and demonym(plain) is None:
            out.append(plain)
    return " ".join(out)


def role_fit(a: Iterable[str], b: Iterable[str], *, strict: bool = False) -> float | None:
    """Return how well two sets of roles fit (0-100), or ``None`` when either is empty.

    The lenient score (``token_set_ratio``) lets one role contain the other; the strict one
    (``token_sort_ratio``) tells ``president`` from ``president's son``.
    """
    ka = sorted({k for k in map(role_key, a) if k})
    kb = sorted({k for k in map(role_key, b) if k})
    if not ka or not kb:
        return None
    scorer = fuzz.token_sort_ratio if strict else fuzz.token_set_ratio
    scores = process.cdist(ka, kb, scorer=scorer, processor=None)
    return float(scores.max())


def roles_conflict(a: Iterable[str], b: Iterable[str]) -> bool:
    """Tell whether two sets of roles contradict each other."""
    fit = role_fit(a, b)
    return fit is not None and fit < ROLE_CONFLICT
