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
  naming an office (``the spokesman``) goes to the one person of that article holding it;
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
from enum import Enum
from functools import lru_cache
from typing import Any

import numpy as np
from anyascii import anyascii
from rapidfuzz import fuzz, process

from . import names as vocab
from .models import Article, Quote, Speaker

__all__ = ["ArticleNames", "article_names", "normalise_name", "phonetic_key", "resolve_speakers", "split_title"]

log = logging.getLogger(__name__)

NAME_MATCH = 80.0
"""Least ``fuzz.ratio`` (0-100) of two names' phonetic keys, with equal consonant skeletons, to agree."""

STRONG_MATCH = 90.0
"""``fuzz.ratio`` of two phonetic keys at or above which they agree whatever their skeletons."""

ROLE_CONFLICT = 50.0
"""Two sets of roles contradict each other when no pair scores this much (token_set_ratio)."""

ROLE_MARGIN = 10.0
"""How much better one candidate's roles must fit to choose it over another."""

MAX_ROLE_WORDS = 16
"""Longest role, in words, read beside a name in an article."""

# --------------------------------------------------------------------------- compiled data

_PHONETIC = tuple((re.compile(p), r) for p, r in vocab.PHONETIC_RULES)
_SKELETON = tuple((re.compile(p), r) for p, r in vocab.SKELETON_RULES)
_SLAVIC_PHONETIC = tuple((re.compile(p), r) for p, r in vocab.SLAVIC_RULES) + _PHONETIC
_SLAVIC_WORD = re.compile(vocab.SLAVIC_WORD)
_DEMONYMS = {k.replace(".", ""): v for k, v in vocab.DEMONYMS.items()}
_DEMONYM_WORDS = frozenset(w for k in _DEMONYMS for w in k.split("-"))
_ORG_WORDS = vocab.ORG_HEADS | vocab.ORG_MARKERS
_NOT_NAME = (
    vocab.TITLE_WORDS
    | vocab.GENERIC_NOUNS
    | vocab.DETERMINERS
    | vocab.PRONOUNS
    | vocab.DESCRIPTIVE_ADJECTIVES
    | _DEMONYM_WORDS
    | _ORG_WORDS
)
_PARTICLES = vocab.HYPHEN_PARTICLES | vocab.SPACED_PARTICLES
_APOSTROPHES = "'’‘ʼʿʾ`´"
_WORD_RE = re.compile(r"[^\W_](?:[\w" + _APOSTROPHES + r".\-‐‑]*[^\W_])?")
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_APPOSITIVE_END_RE = re.compile(r"[,;:!?“”\"\n]|\.\s")
_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_QUOTE_MARKS_RE = re.compile(r"['`\"]")
_LAST_WORD_RE = re.compile(r"\b([A-Za-z]+)\s+\Z")
_DETERMINER_WINDOW = 16
"""How far before a name to look for the determiner in front of it."""
_ACRONYM_DEFINITION_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z.&]*[A-Z]\.?)\s*\)")


# --------------------------------------------------------------------------- keys


@lru_cache(maxsize=1 << 16)
def _ascii(text: str) -> str:
    """Return ``text`` in lower-case ASCII with apostrophe marks removed."""
    return _QUOTE_MARKS_RE.sub("", anyascii(text).lower())


@lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    """Return one word's lower-case ASCII form without possessive, apostrophes or edge dots."""
    return _ascii(_POSSESSIVE_RE.sub("", word)).strip(".,;:()[]{}-")


@lru_cache(maxsize=1 << 16)
def phonetic_key(word: str) -> str:
    """Return a transliteration-insensitive key for one name word (``Qassem`` -> ``kasim``)."""
    key = re.sub(r"[^a-z]", "", _ascii(word))
    rules = _SLAVIC_PHONETIC if _SLAVIC_WORD.search(key) else _PHONETIC
    for pattern, replacement in rules:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=1 << 16)
def _skeleton(key: str) -> str:
    """Return the consonant skeleton of a phonetic key, for blocking (``kasim`` -> ``ksm``)."""
    out = key
    for pattern, replacement in _SKELETON:
        out = pattern.sub(replacement, out)
    return out or key


def _demonym(plain: str) -> str | None:
    """Return the country key a word names, if it is a country or demonym."""
    return _DEMONYMS.get(plain.replace(".", ""))


def _slug(text: str) -> str:
    """Return a readable, URL-safe slug of ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower().replace("'", "")).strip("-") or "speaker"


# --------------------------------------------------------------------------- titles


def _words(text: str) -> list[str]:
    """Split a name or description into words, dropping edge punctuation and parentheses."""
    text = _PAREN_RE.sub("", text)
    out = []
    for raw in text.split():
        word = raw.strip(',;:!?“”"()[]{}«»—–')
        if word:
            out.append(word)
    return out


def _is_capitalised(word: str) -> bool:
    """Tell whether a word starts with a capital letter, after any ``al-``-like particle."""
    stripped = word.lstrip(_APOSTROPHES)
    head, sep, rest = stripped.partition("-")
    if sep and rest and head.lower() in _PARTICLES:
        stripped = rest.lstrip(_APOSTROPHES)
    return stripped[:1].isupper()


def _is_particle(word: str) -> bool:
    """Tell whether a word is a name particle or starts with a hyphenated one (``al-Araji``)."""
    plain = _plain(word)
    if plain in _PARTICLES or plain in vocab.COMPOUND_PREFIXES:
        return True
    head, _, rest = plain.partition("-")
    return bool(rest) and head in vocab.HYPHEN_PARTICLES


def _is_name_word(word: str) -> bool:
    """Tell whether a word can be part of a personal name."""
    plain = _plain(word)
    if plain in vocab.NAME_SUFFIXES or _is_particle(word):
        return True
    return _is_capitalised(word) and plain not in _ORG_WORDS


@lru_cache(maxsize=1 << 16)
def _is_personal_name(text: str) -> bool:
    """Tell whether ``text`` reads as a personal name (no office, organisation or description)."""
    words = _words(text)
    if not words or not all(_is_name_word(w) for w in words):
        return False
    return any(_is_capitalised(w) and _plain(w) not in _NOT_NAME and not _is_acronym(w) for w in words)


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an all-capitals acronym (``NATO``, ``U.S.``), not a numeral."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and not _ROMAN_RE.match(letters)


def _title_position(words: Sequence[str], plains: Sequence[str], i: int) -> bool:
    """Tell whether word ``i`` ends a title that the rest of ``words`` follows as a name."""
    plain = plains[i]
    if not _is_title_word(plain):
        return False
    if plain in vocab.NAME_LIKE_TITLES and i > 0:
        before = plains[i - 1]
        if before not in vocab.TITLE_WORDS and _demonym(before) is None:
            return False
    return True


def _is_title_word(plain: str) -> bool:
    """Tell whether a word belongs to titles, hyphenated ones included (``Secretary-General``)."""
    if plain in vocab.TITLE_WORDS or plain in vocab.ROLE_SYNONYMS:
        return True
    parts = plain.split("-")
    return len(parts) > 1 and all(p in vocab.TITLE_WORDS or p in vocab.TITLE_CONNECTORS for p in parts)


@lru_cache(maxsize=1 << 16)
def split_title(name: str) -> tuple[str | None, str]:
    """Split a written name into its title or rank and the bare name.

    ``"Major General Tahsin al-Khafaji"`` gives ``("Major General", "Tahsin al-Khafaji")``;
    ``"Iraq's national security advisor Qasim al-Araji"`` gives
    ``("Iraq's national security advisor", "Qasim al-Araji")``. A name without a title
    gives ``(None, name)``; so does a description with no name after the title.
    """
    words = _words(name)
    plains = [_plain(w) for w in words]
    for i in range(len(words) - 2, -1, -1):
        titled = _title_position(words, plains, i) or (i == 0 and _is_origin(words[0]))
        if titled and _is_personal_name(" ".join(words[i + 1 :])):
            return " ".join(words[: i + 1]), " ".join(words[i + 1 :])
    return None, " ".join(words) if words else name.strip()


def _is_origin(word: str) -> bool:
    """Tell whether a word says where someone is from (``Iraq's``, ``Iranian``), not who."""
    plain = _plain(word)
    country = _demonym(plain)
    if country is None:
        return False
    return plain.replace(".", "") != country or bool(_POSSESSIVE_RE.search(word))


def _is_rank_only(title: str) -> bool:
    """Tell whether a title holds only ranks, honorifics and demonyms (``Major General``)."""
    plains = [_plain(w) for w in _words(title)]
    return all(p in vocab.RANKS or p in vocab.HONORIFICS or p in vocab.DETERMINERS or _demonym(p) for p in plains)


def _title_role(title: str | None) -> str | None:
    """Return the title as a role when it names an office, without trailing honorifics."""
    if title is None or _is_rank_only(title):
        return None
    words = _words(title)
    while words and (_plain(words[-1]) in vocab.HONORIFICS or _plain(words[-1]) in vocab.RANKS):
        words.pop()
    return " ".join(words) or None


# --------------------------------------------------------------------------- parsed names


@dataclass(frozen=True, slots=True)
class _PersonName:
    """A personal name reduced to comparison keys."""

    given: tuple[str, ...]
    """Phonetic keys of the given names, in order."""
    given_plain: tuple[str, ...]
    surname: str
    """Phonetic key of the surname."""
    parts: int
    """How many words (particles included) the name was written with."""

    @property
    def core(self) -> int:
        """Return how many name words (not particles) the name has."""
        return len(self.given) + 1


def _name_parts(bare: str) -> tuple[list[str], int]:
    """Return a name's words (particles dropped, compounds joined) and its written part count."""
    pieces: list[str] = []
    for word in _words(bare):
        plain = _plain(word)
        head, _, rest = plain.partition("-")
        if rest and head in _PARTICLES:
            pieces.extend([head, rest.replace("-", "")])
        else:
            pieces.append(plain.replace("-", ""))
    pieces = [re.sub(r"[^a-z]", "", p) for p in pieces]
    pieces = [p for p in pieces if p]
    written = len(pieces)
    while pieces and pieces[-1] in vocab.NAME_SUFFIXES and len(pieces) > 1:
        pieces.pop()
    return _join_compounds([p for i, p in enumerate(pieces) if not _droppable(pieces, i)]), written


def _droppable(pieces: Sequence[str], i: int) -> bool:
    """Tell whether piece ``i`` is an optional particle or a middle initial."""
    if i == len(pieces) - 1:
        return False
    piece = pieces[i]
    return piece in _PARTICLES or (len(piece) == 1 and i > 0)


def _join_compounds(pieces: list[str]) -> list[str]:
    """Join compound prefixes to the word they belong with (``abu mahdi`` -> ``abumahdi``)."""
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if piece in vocab.COMPOUND_PREFIXES:
            carry += piece
            continue
        out.append(carry + piece)
        carry = ""
    if carry:
        out.append(carry)
    return out


@lru_cache(maxsize=1 << 16)
def _parse_person(bare: str) -> _PersonName | None:
    """Reduce a bare personal name to keys, or ``None`` when no name word is left."""
    pieces, written = _name_parts(bare)
    if not pieces:
        return None
    keys = tuple(phonetic_key(p) or p for p in pieces)
    return _PersonName(given=keys[:-1], given_plain=tuple(pieces[:-1]), surname=keys[-1], parts=written)


def normalise_name(name: str) -> str:
    """Return a comparison key for a name: title dropped, particles dropped, spelling folded.

    ``"National Security Adviser Qassem al-Araji"``, ``"Qasim Araji"`` and
    ``"Qasim al-Arayi"`` all give ``"kasim araji"``.
    """
    _, bare = split_title(name)
    pieces, _ = _name_parts(bare)
    return " ".join(phonetic_key(p) or p for p in pieces)


# --------------------------------------------------------------------------- organisations


@dataclass(frozen=True, slots=True)
class _OrgName:
    """An organisation's name reduced to comparison keys."""

    distinct: frozenset[str]
    """Keys of the words that tell it apart (``joint``, ``operation``)."""
    heads: frozenset[str]
    """What kind of organisation it is (``command``, ``forces``)."""
    country: str | None
    initials: frozenset[str]
    acronym: str | None
    """The name itself when it is a single acronym (``JOC``)."""


def _org_stem(plain: str) -> str:
    """Return the comparison key of one organisation word (plural folded)."""
    if len(plain) > 3 and plain.endswith("s") and not plain.endswith("ss"):
        plain = plain[:-1]
    return phonetic_key(plain) or plain


def _org_words(text: str) -> list[str]:
    """Return an organisation name's words without leading determiners."""
    words = _words(text)
    while words and _plain(words[0]) in vocab.DETERMINERS:
        words = words[1:]
    return words


def _parse_org(text: str) -> _OrgName:
    """Reduce an organisation's name to keys."""
    words = _org_words(text)
    distinct: set[str] = set()
    heads: set[str] = set()
    country: str | None = None
    content: list[tuple[str, bool]] = []
    for word in words:
        plain = _plain(word)
        if plain in vocab.ORG_FILLERS or plain in vocab.DETERMINERS:
            continue
        nation = _demonym(plain)
        content.append((word, nation is not None))
        if nation is not None:
            country = country or nation
        elif plain in vocab.ORG_HEADS:
            heads.add(_org_stem(plain))
        elif plain not in vocab.ORG_MODIFIERS and not plain.endswith("-led"):
            distinct.add(_org_stem(plain))
    acronym = words[0].replace(".", "").upper() if len(words) == 1 and _is_acronym(words[0]) else None
    return _OrgName(frozenset(distinct), frozenset(heads), country, _initials(content), acronym)


def _initials(content: Sequence[tuple[str, bool]]) -> frozenset[str]:
    """Return the acronyms a name could be shortened to, with and without its country."""
    full = "".join(w[0] for w, _ in content if w[:1].isalpha()).upper()
    local = "".join(w[0] for w, nation in content if not nation and w[:1].isalpha()).upper()
    return frozenset(x for x in (full, local) if len(x) >= 2)


def _orgs_compatible(a: _OrgName, b: _OrgName) -> bool:
    """Tell whether two organisation names agree on country and kind (where both say)."""
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.heads and b.heads and not a.heads & b.heads)


def _orgs_agree(a: _OrgName, b: _OrgName) -> bool:
    """Tell whether two organisation names can name the same organisation."""
    if not _orgs_compatible(a, b):
        return False
    if a.acronym and b.acronym:
        return a.acronym == b.acronym
    if a.acronym or b.acronym:
        acronym, other = (a, b) if a.acronym else (b, a)
        return acronym.acronym in other.initials
    return a.distinct == b.distinct and (bool(a.distinct) or a.heads == b.heads)


# --------------------------------------------------------------------------- classification


class _Kind(Enum):
    """What a speaker as written turns out to be."""

    PERSON = "person"
    ORG = "org"
    GENERIC = "generic"


def _strip_determiners(words: list[str]) -> tuple[list[str], bool]:
    """Drop leading determiners; tell whether there were any."""
    had = False
    while words and _plain(words[0]) in vocab.DETERMINERS:
        words, had = words[1:], True
    return words, had


def _classify(text: str) -> _Kind:
    """Tell whether a speaker as written names a person, an organisation or no one."""
    words, had_determiner = _strip_determiners(_words(text))
    if not words or (len(words) == 1 and _plain(words[0]) in vocab.PRONOUNS):
        return _Kind.GENERIC
    plains = [_plain(w) for w in words]
    title, bare = split_title(" ".join(words))
    if title is not None:
        return _Kind.ORG if had_determiner and _is_origin_title(title) else _Kind.PERSON
    if plains[-1] in vocab.GENERIC_NOUNS and not any(
        _is_capitalised(w) and p in _ORG_WORDS for w, p in zip(words, plains, strict=True)
    ):
        return _Kind.GENERIC
    if all(p in vocab.FURNITURE_LABELS for p in plains):
        return _Kind.GENERIC
    if any(p in _ORG_WORDS for p in plains) or (len(words) == 1 and _is_acronym(words[0])):
        return _Kind.ORG
    if _is_personal_name(bare):
        return _Kind.ORG if had_determiner else _Kind.PERSON
    return _Kind.ORG if _is_group(words, plains) else _Kind.GENERIC


def _is_origin_title(title: str) -> bool:
    """Tell whether a title only says where from (``European``, ``Kurdish``), naming no office."""
    return all(_demonym(_plain(w)) is not None for w in _words(title))


def _is_group(words: Sequence[str], plains: Sequence[str]) -> bool:
    """Tell whether a lower-case description names a group (``crane operators``), not a person."""
    head = plains[-1]
    plural = len(head) > 3 and head.endswith("s") and not head.endswith("ss")
    return plural and head not in vocab.GENERIC_NOUNS and not any(p in vocab.PRONOUNS for p in plains)


def _clean_written(written: str) -> tuple[str, str | None]:
    """Split ``"Name, role"`` into name and role; ``"the coalition's statement"`` becomes its issuer."""
    head, sep, tail = written.partition(",")
    role = tail.strip(" ,.") if sep and tail.strip() else None
    words = _words(head)
    if len(words) > 1 and _plain(words[-1]) in vocab.DOCUMENT_NOUNS:
        words = words[:-1]
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    return " ".join(words), role or None


# --------------------------------------------------------------------------- article index


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of capitalised words in an article that names someone or something."""

    start: int
    end: int
    bare: str
    person: _PersonName | None = None
    org: _OrgName | None = None
    roles: tuple[str, ...] = ()
    titled: bool = False
    """True when a title or rank is written before the name (``Major General``, ``Mr.``)."""


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """The names of people and organisations written in one article, indexed for speaker resolution.

    It depends on the article alone (``article_names``), so the pipeline builds it beside the
    article's quotations, in parallel, and caches it with them; ``to_data`` and ``from_data``
    turn it into JSON-ready lists and back.
    """

    runs: tuple[_Run, ...]
    """Every name, in reading order."""
    acronyms: dict[str, _Run]
    """Acronyms the article defines in brackets after a name (``the European Union (EU)``)."""
    by_surname: dict[str, list[_Run]]
    by_given: dict[str, list[_Run]]
    orgs: tuple[_Run, ...]
    full: tuple[_Run, ...]
    """Personal names written with a given name, in text order."""
    alone: tuple[tuple[_Run, tuple[int, ...]], ...]
    """Surnames written alone, in text order, each with the ``full`` names (by position) it agrees with."""

    def to_data(self) -> dict[str, Any]:
        """Return the index as JSON-ready lists (the derived lookups are rebuilt on reading)."""
        position = {id(run): k for k, run in enumerate(self.runs)}
        return {
            "runs": [_run_data(run) for run in self.runs],
            "acronyms": [[acronym, position[id(run)]] for acronym, run in self.acronyms.items()],
            "namesakes": [list(agreeing) for _, agreeing in self.alone],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ArticleNames:
        """Rebuild an index from what ``to_data`` returned."""
        runs = tuple(_run_from_data(item) for item in data["runs"])
        acronyms = {str(acronym): runs[int(k)] for acronym, k in data["acronyms"]}
        return _names_index(runs, acronyms, [tuple(int(k) for k in agreeing) for agreeing in data["namesakes"]])


def _names_index(
    runs: tuple[_Run, ...], acronyms: dict[str, _Run], namesakes: Sequence[tuple[int, ...]] | None = None
) -> ArticleNames:
    """Index an article's names by surname, given name and kind; find the namesakes of surnames alone."""
    by_surname: dict[str, list[_Run]] = defaultdict(list)
    by_given: dict[str, list[_Run]] = defaultdict(list)
    for run in runs:
        if run.person is not None:
            by_surname[run.person.surname].append(run)
            if run.person.given:
                by_given[run.person.given[0]].append(run)
    people = sorted((r for rs in by_surname.values() for r in rs), key=lambda r: r.start)
    full = tuple(r for r in people if r.person is not None and r.person.given)
    alone = [r for r in people if r.person is not None and not r.person.given]
    if namesakes is None:
        namesakes = _namesakes(full, alone)
    return ArticleNames(
        runs=runs,
        acronyms=acronyms,
        by_surname=dict(by_surname),
        by_given=dict(by_given),
        orgs=tuple(r for r in runs if r.person is None and r.org is not None),
        full=full,
        alone=tuple(zip(alone, namesakes, strict=True)),
    )


def _namesakes(full: Sequence[_Run], alone: Sequence[_Run]) -> list[tuple[int, ...]]:
    """Return, for each surname written alone, the full names (by position) whose surname agrees."""
    surnames = [r.person.surname if r.person else "" for r in full]
    levels: dict[tuple[str, str], int] = {}
    out = []
    for run in alone:
        surname = run.person.surname if run.person else ""
        agreeing = []
        for k, key in enumerate(surnames):
            level = levels.get((surname, key))
            if level is None:
                level = levels[(surname, key)] = _key_level(surname, key)
            if level:
                agreeing.append(k)
        out.append(tuple(agreeing))
    return out


def _run_data(run: _Run) -> list[Any]:
    """Return a run as JSON-ready lists."""
    person = run.person
    org = run.org
    return [
        run.start,
        run.end,
        run.bare,
        None if person is None else [list(person.given), list(person.given_plain), person.surname, person.parts],
        None
        if org is None
        else [sorted(org.distinct), sorted(org.heads), org.country, sorted(org.initials), org.acronym],
        list(run.roles),
        run.titled,
    ]


def _run_from_data(item: list[Any]) -> _Run:
    """Rebuild a run from ``_run_data``'s lists."""
    start, end, bare, person, org, roles, titled = item
    return _Run(
        int(start),
        int(end),
        str(bare),
        person=None if person is None else _PersonName(tuple(person[0]), tuple(person[1]), person[2], int(person[3])),
        org=None if org is None else _OrgName(frozenset(org[0]), frozenset(org[1]), org[2], frozenset(org[3]), org[4]),
        roles=tuple(roles),
        titled=bool(titled),
    )


def _joins(text: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Tell whether two neighbouring words may belong to one name (only a space, or ``Dr. X``)."""
    gap = text[prev[1] : nxt[0]]
    if gap.strip() == "":
        return "\n" not in gap
    word = text[prev[0] : prev[1]]
    return gap.strip() == "." and (_plain(word) in vocab.ABBREVIATED_TITLES or len(word) == 1)


def _runnable(word: str) -> bool:
    """Tell whether a word can sit inside a run of names."""
    return _is_capitalised(word) or _is_particle(word)


@lru_cache(maxsize=1 << 16)
def _run_word(word: str) -> tuple[bool, bool]:
    """Tell whether a word can sit inside a run of names, and whether it joins names (``of``)."""
    return _runnable(word), _plain(word) in vocab.NAME_CONNECTORS


def _raw_runs(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Yield runs of capitalised words (particles and ``of``/``for`` inside) in a paragraph's words.

    Each run comes with the position of its first word in ``spans``.
    """
    run: list[tuple[int, int]] = []
    first, last = 0, len(spans) - 1
    for i, span in enumerate(spans):
        runnable, connector = _run_word(text[span[0] : span[1]])
        if not run:
            if runnable:
                run, first = [span], i
            continue
        if _joins(text, run[-1], span) and (runnable or (connector and i < last)):
            run.append(span)
            continue
        yield first, run
        run, first = ([span] if runnable else []), i
    if run:
        yield first, run


_RUN_EDGE_WORDS = vocab.NAME_CONNECTORS | vocab.DETERMINERS
"""Words a run of names never starts with."""


def _trim_run(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop sentence openers and connectors from a run's edges."""
    while run and (_plain(text[slice(*run[0])]) in vocab.SENTENCE_STARTERS and len(run) > 1):
        run = run[1:]
    while run and _plain(text[slice(*run[0])]) in _RUN_EDGE_WORDS:
        run = run[1:]
    while run and not _is_capitalised(text[slice(*run[-1])]):
        run = run[:-1]
    return run


def _title_before(text: str, words: Sequence[tuple[int, int]], count: int, start: int) -> tuple[int, str]:
    """Extend a name leftwards over lower-case title words (``national security advisor``).

    ``words[:count]`` are the spans of the paragraph's words before the name.
    """
    begin = start
    for k in range(count - 1, -1, -1):
        span = words[k]
        word = text[span[0] : span[1]]
        plain = _plain(word)
        if text[span[1] : begin].strip() or (_is_capitalised(word) and _demonym(plain) is None):
            break
        if plain not in vocab.TITLE_WORDS and _demonym(plain) is None:
            break
        begin = span[0]
    return begin, text[begin:start].strip()


def _appositive_after(text: str, end: int, limit: int) -> str | None:
    """Return a role written right after a name (``X, the spokesman for Y, said``)."""
    if not text.startswith(",", end):
        return None
    rest = text[end + 1 : limit]
    stop = _APPOSITIVE_END_RE.search(rest)
    return _role_phrase(rest[: stop.start()] if stop else rest, cut_stops=True)


def _appositive_before(text: str, para_start: int, start: int) -> str | None:
    """Return a role written right before a name (``the head of Y, Major General X``)."""
    before = text[para_start:start].rstrip()
    if not before.endswith(","):
        return None
    before = before[:-1]
    cut = max((m.end() for m in _APPOSITIVE_END_RE.finditer(before)), default=0)
    return _role_phrase(before[cut:], cut_stops=False)


def _role_phrase(phrase: str, *, cut_stops: bool) -> str | None:
    """Return ``phrase`` as a role when it is a noun phrase naming an office.

    ``after`` phrases are cut at a verb or relative pronoun (``the spokesman for Y which``);
    ``before`` phrases may open with a preposition (``According to the head of Y``).
    """
    words = phrase.split()
    if cut_stops:
        stops = [i for i, word in enumerate(words) if _plain(word) in vocab.APPOSITIVE_STOPS]
        candidates = [words[: stops[0]] if stops else words]
    else:
        candidates = [words[i:] for i, word in enumerate(words) if _starts_role(word)]
    for role_words in candidates:
        if role_words and len(role_words) <= MAX_ROLE_WORDS and _starts_role(role_words[0]):
            role = " ".join(role_words).strip(" ,.;:")
            if _is_office_phrase(role_words) and split_title(role)[0] is None:
                return role
    return None


def _starts_role(word: str) -> bool:
    """Tell whether a word can open a role (``the``, ``Iraq's``, ``Iraqi``, ``spokesman``)."""
    plain = _plain(word)
    return (
        plain in vocab.DETERMINERS
        or plain in vocab.TITLE_WORDS
        or _demonym(plain) is not None
        or bool(_POSSESSIVE_RE.search(word))
    )


_ROLE_FILLERS = vocab.NAME_CONNECTORS | vocab.TITLE_CONNECTORS | vocab.DETERMINERS | vocab.words("and")


def _is_office_phrase(words: Sequence[str]) -> bool:
    """Tell whether words name an office: an office word with only names and modifiers around it."""
    plains = [_plain(w) for w in words]
    offices = [i for i, p in enumerate(plains) if p in vocab.OFFICES]
    if not offices:
        return False
    for word, plain in zip(words, plains, strict=True):
        fits = (
            _is_capitalised(word)
            or word.startswith("(")
            or plain in _ROLE_FILLERS
            or plain in vocab.TITLE_WORDS
            or plain in _ORG_WORDS
            or plain in vocab.DESCRIPTIVE_ADJECTIVES
            or _demonym(plain) is not None
        )
        if not fits:
            return False
    return True


def _person_run(
    text: str, para: tuple[int, int], run: list[tuple[int, int]], words: Sequence[tuple[int, int]], first: int
) -> _Run | None:
    """Read a run as a person's name with its title and the roles written beside it.

    ``words`` are the spans of the paragraph's words, ``words[first]`` the run's first one.
    """
    start, end = run[0][0], run[-1][1]
    possessive = _POSSESSIVE_RE.search(text[start:end])
    end = start + possessive.start() if possessive else end
    title, bare = split_title(text[start:end])
    if not _is_personal_name(bare) or _org_in_person_form(text, para[0], title, (start, end)):
        return None
    parsed = _parse_person(bare)
    if parsed is None:
        return None
    title_start, lower_title = _title_before(text, words, first, start)
    if lower_title:
        title = f"{lower_title} {title}" if title else lower_title
    roles = [
        _title_role(title),
        _appositive_before(text, para[0], title_start),
        _appositive_after(text, end, para[1]),
    ]
    return _Run(start, end, bare, person=parsed, roles=tuple(r for r in roles if r), titled=bool(title))


def _org_in_person_form(text: str, para_start: int, title: str | None, span: tuple[int, int]) -> bool:
    """Tell whether a name read as a person's is an organisation's.

    ``the European Chess Circle`` (a determiner before a title that only says where from)
    and ``European Chess Circle (ECC)`` (its initials defined in brackets) name no person.
    """
    if title and _is_origin_title(title) and _follows_determiner(text, para_start, span[0]):
        return True
    return _spells_initials(text, span)


def _spells_initials(text: str, span: tuple[int, int]) -> bool:
    """Tell whether the name at ``span`` is followed by its own initials in brackets."""
    match = _ACRONYM_DEFINITION_RE.match(text, span[1])
    if match is None or not _is_acronym(match.group(1)):
        return False
    return match.group(1).replace(".", "").upper() in _parse_org(text[span[0] : span[1]]).initials


def _follows_determiner(text: str, para_start: int, start: int) -> bool:
    """Tell whether the word written right before ``start`` is a determiner (``the Kurdish ...``)."""
    before = _LAST_WORD_RE.search(text, max(para_start, start - _DETERMINER_WINDOW), start)
    return before is not None and before.group(1).lower() in vocab.DETERMINERS


def _org_run(text: str, para: tuple[int, int], run: list[tuple[int, int]]) -> _Run | None:
    """Read a run as an organisation's name."""
    run = _drop_group_prefix(text, run)
    if not run:
        return None
    written = text[run[0][0] : run[-1][1]]
    determiner = "the " if _follows_determiner(text, para[0], run[0][0]) else ""
    kind = _classify(determiner + written)
    if kind is not _Kind.ORG and not (kind is _Kind.PERSON and _spells_initials(text, (run[0][0], run[-1][1]))):
        return None
    words = _org_words(written)
    return _Run(run[0][0], run[-1][1], " ".join(words), org=_parse_org(written))


def _drop_group_prefix(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop the people a run opens with (``Officials of the``, ``Members of``) before an organisation."""
    plains = [_plain(text[slice(*span)]) for span in run]
    k = 0
    while k < len(plains) and plains[k] in vocab.GENERIC_NOUNS and plains[k] not in _ORG_WORDS:
        k += 1
    if k == 0 or k == len(plains) or plains[k] not in vocab.NAME_CONNECTORS:
        return run
    while k < len(plains) and (plains[k] in vocab.NAME_CONNECTORS or plains[k] in vocab.DETERMINERS):
        k += 1
    return run[k:]


def _defined_acronym(text: str, run: _Run) -> str | None:
    """Return the acronym written in brackets right after an organisation's name, if any."""
    match = _ACRONYM_DEFINITION_RE.match(text, run.end)
    if match is None or not _is_acronym(match.group(1)):
        return None
    return match.group(1).replace(".", "").upper()


def _define_acronym(acronyms: dict[str, _Run], text: str, run: _Run) -> _Run:
    """Record the acronym an organisation's name defines; return the run knowing its acronym."""
    acronym = _defined_acronym(text, run) if run.org is not None else None
    if acronym is None or run.org is None:
        return run
    run = replace(run, org=replace(run.org, initials=run.org.initials | {acronym}))
    acronyms.setdefault(acronym, run)
    return run


def article_names(article: Article) -> ArticleNames:
    """Collect the names of people and organisations written in an article, for ``resolve_speakers``."""
    runs: list[_Run] = []
    acronyms: dict[str, _Run] = {}
    text = article.text
    for para in [(s.start, s.end) for s in article.body] or [(0, len(text))]:
        words = [match.span() for match in _WORD_RE.finditer(text, *para)]
        for first, raw in _raw_runs(text, words):
            run = _trim_run(text, raw)
            if not run or (len(run) == 1 and _plain(text[slice(*run[0])]) in vocab.SENTENCE_STARTERS):
                continue
            found = _person_run(text, para, run, words, first + raw.index(run[0])) or _org_run(text, para, run)
            if found is not None:
                runs.append(_define_acronym(acronyms, text, found))
    return _names_index(tuple(runs), acronyms)


def _nearest(runs: Iterable[_Run], position: int) -> _Run | None:
    """Return the run closest before ``position``, else the closest after it."""
    ordered = sorted(runs, key=lambda r: r.start)
    before = [r for r in ordered if r.start < position]
    if before:
        return before[-1]
    return ordered[0] if ordered else None


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Mention:
    """One quote's speaker, read."""

    index: int
    source: str
    written: str
    kind: _Kind
    display: str = ""
    """The fullest form of the name found for this mention (title dropped)."""
    bare: str = ""
    """The name as written, without title, determiners or possessive."""
    person: _PersonName | None = None
    org: _OrgName | None = None
    roles: set[str] = field(default_factory=set)
    head: str | None = None
    """For a description, the office noun it ends with (``spokesman``)."""


def _read_mention(i: int, quote: Quote, index: ArticleNames | None, kind: _Kind | None = None) -> _Mention | None:
    """Read one quote's speaker as written (as ``kind``, when given), completing it from its article."""
    if not quote.speaker_as_written or not quote.speaker_as_written.strip():
        return None
    written, role = _clean_written(quote.speaker_as_written)
    kind = kind or _classify_in(written, index)
    mention = _Mention(i, quote.source, quote.speaker_as_written.strip(), kind)
    mention.roles.update(r.strip() for r in (role, quote.speaker_role) if r and _names_a_role(r))
    if mention.kind is _Kind.PERSON:
        _read_person(mention, written, quote.start, index)
    elif mention.kind is _Kind.ORG:
        _read_org(mention, written, quote.start, index)
    else:
        mention.head = _office_head(written)
    return mention


def _names_a_role(role: str) -> bool:
    """Tell whether a role says something of the speaker (not ``office`` of ``X's office said``)."""
    plains = [_plain(w) for w in _words(role)]
    plains = [p for p in plains if p and p not in vocab.DETERMINERS]
    return bool(plains) and not all(p in vocab.ORG_HEADS or p in vocab.DOCUMENT_NOUNS for p in plains)


def _classify_in(written: str, index: ArticleNames | None) -> _Kind:
    """Classify a speaker as written; a name its article writes as an organisation's is one."""
    kind = _classify(written)
    if kind is _Kind.PERSON and index is not None:
        bare = " ".join(_org_words(written))
        if any(run.bare == bare for run in index.orgs):
            return _Kind.ORG
    return kind


def _office_head(written: str) -> str | None:
    """Return the office noun a description ends with (``the spokesman`` -> ``spokesman``)."""
    words = _words(written)
    if not words:
        return None
    plain = _plain(words[-1])
    folded = vocab.ROLE_SYNONYMS.get(plain, plain).split()
    return folded[-1] if folded and folded[-1] in vocab.OFFICE_NOUNS else None


def _read_person(mention: _Mention, written: str, position: int, index: ArticleNames | None) -> None:
    """Fill a person mention: bare name, keys, fuller form and roles from the article."""
    words, _ = _strip_determiners(_words(written))
    title, bare = split_title(" ".join(words))
    role = _title_role(title)
    if role:
        mention.roles.add(role)
    mention.person = _parse_person(bare)
    mention.display = bare
    mention.bare = _POSSESSIVE_RE.sub("", bare)
    if mention.person is None:
        mention.kind = _Kind.GENERIC
        return
    if index is None:
        return
    if not mention.person.given:
        full = _complete(mention.person, index, position)
        if full is not None and full.person is not None:
            mention.person, mention.display = full.person, full.bare
            mention.roles -= _namesake_roles(mention.roles, full.person, index)
    for run in _same_person_runs(mention.person, index):
        mention.roles.update(run.roles)


def _namesake_roles(roles: Iterable[str], name: _PersonName, index: ArticleNames) -> set[str]:
    """Return the ``roles`` that fit a namesake of ``name`` in the article and not ``name`` itself.

    A surname written alone may come with the role of the other person of that surname
    (``Marchuk`` with ``NABB director``, when the director is Olena and the speaker Bohdan).
    """
    own: set[str] = set()
    others: set[str] = set()
    for run in _surname_runs(name.surname, index):
        other = run.person
        if other is not None and other.given:
            (own if _given_level(name, other) else others).update(run.roles)
    return {r for r in roles if others and not _roles_fit(r, own) and _roles_fit(r, others)}


def _roles_fit(role: str, roles: set[str]) -> bool:
    """Tell whether one role fits a set of roles (not contradicting at least one of them)."""
    fit = _role_fit([role], roles)
    return fit is not None and fit >= ROLE_CONFLICT


def _complete(name: _PersonName, index: ArticleNames, position: int) -> _Run | None:
    """Find the fuller form of a surname written alone, in the same article."""
    runs = [r for r in _surname_runs(name.surname, index) if r.person and r.person.given]
    if not runs:
        runs = [r for r in index.by_given.get(name.surname, []) if r.person and len(r.person.given) == 1]
    return _nearest(runs, position)


def _surname_runs(surname: str, index: ArticleNames) -> list[_Run]:
    """Return the article's person runs whose surname agrees with ``surname``."""
    exact = index.by_surname.get(surname)
    if exact:
        return exact
    keys = list(index.by_surname)
    if not keys:
        return []
    scores = process.cdist([surname], keys, scorer=fuzz.ratio, processor=None, score_cutoff=STRONG_MATCH)[0]
    return [r for k, s in zip(keys, scores, strict=True) if s for r in index.by_surname[k]]


def _same_person_runs(name: _PersonName, index: ArticleNames) -> list[_Run]:
    """Return the article's runs naming the same person as ``name``."""
    out = []
    for run in _surname_runs(name.surname, index):
        other = run.person
        if other is not None and (not name.given or not other.given or _given_level(name, other) > 0):
            out.append(run)
    return out


def _read_org(mention: _Mention, written: str, position: int, index: ArticleNames | None) -> None:
    """Fill an organisation mention: keys and the fullest form its article writes."""
    mention.org = _parse_org(written)
    mention.display = mention.bare = " ".join(_org_words(written)) or written
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
        and _completeness_org(r.bare) > _completeness_org(mention.display)
    ]
    best = _nearest(fuller, position)
    if best is not None and best.org is not None:
        mention.display, mention.org = best.bare, _merge_org(mention.org, best.org)


def _with_defined_acronyms(org: _OrgName, index: ArticleNames) -> _OrgName:
    """Add to an organisation's initials the acronyms its article defines for the same name."""
    defined = {
        acronym
        for acronym, run in index.acronyms.items()
        if run.org is not None
        and (run.org.distinct, run.org.heads) == (org.distinct, org.heads)
        and _orgs_compatible(run.org, org)
    }
    return replace(org, initials=org.initials | defined) if defined - org.initials else org


def _org_extends(short: _OrgName, full: _OrgName) -> bool:
    """Tell whether ``full`` can be the fuller name of ``short`` (same words, or more of them)."""
    if _orgs_agree(short, full):
        return True
    return (
        bool(short.distinct) and not short.acronym and short.distinct < full.distinct and _orgs_compatible(short, full)
    )


def _merge_org(a: _OrgName, b: _OrgName) -> _OrgName:
    """Combine what two spellings of one organisation tell about it."""
    return _OrgName(
        a.distinct | b.distinct, a.heads | b.heads, a.country or b.country, a.initials | b.initials, a.acronym
    )


def _completeness_org(display: str) -> tuple[int, int]:
    """Rank organisation spellings: more capitalised words, then more words."""
    words = _org_words(display)
    return sum(1 for w in words if _is_capitalised(w)), len(words)


# --------------------------------------------------------------------------- agreement


def _key_level(a: str, b: str, score: float | None = None) -> int:
    """Return 2 when two name keys agree clearly, 1 when plausibly (same skeleton), else 0."""
    if score is None:
        score = fuzz.ratio(a, b, processor=None)
    if score >= STRONG_MATCH:
        return 2
    return 1 if score >= NAME_MATCH and _skeleton(a) == _skeleton(b) else 0


def _given_level(a: _PersonName, b: _PersonName) -> int:
    """Return 2 when given names agree clearly, 1 when plausibly, 0 when they conflict."""
    level = _key_level(a.given[0], b.given[0])
    if level or _nickname_or_initial(a.given_plain[0], b.given_plain[0]):
        return level or 1
    if len(a.given) > 1 or len(b.given) > 1:
        return int(any(_key_level(x, y) == 2 for x in a.given for y in b.given))
    return 0


def _nickname_or_initial(a: str, b: str) -> bool:
    """Tell whether two given names are an initial and a name, or a short and a full form."""
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return vocab.HYPOCORISMS.get(a, a) == vocab.HYPOCORISMS.get(b, b)


def _role_key(role: str) -> str:
    """Return a role's comparison form: ASCII, synonyms folded, stop words and countries dropped."""
    out = []
    for word in role.replace("-", " ").split():
        plain = _plain(word)
        plain = vocab.ROLE_SYNONYMS.get(plain, plain)
        if plain and plain not in vocab.ROLE_STOPWORDS and _demonym(plain) is None:
            out.append(plain)
    return " ".join(out)


def _role_fit(a: Iterable[str], b: Iterable[str], *, strict: bool = False) -> float | None:
    """Return how well two sets of roles fit (0-100), or ``None`` when either is empty.

    The lenient score (``token_set_ratio``) lets one role contain the other; the strict one
    (``token_sort_ratio``) tells ``president`` from ``president's son``.
    """
    ka = sorted({k for k in map(_role_key, a) if k})
    kb = sorted({k for k in map(_role_key, b) if k})
    if not ka or not kb:
        return None
    scorer = fuzz.token_sort_ratio if strict else fuzz.token_set_ratio
    scores = process.cdist(ka, kb, scorer=scorer, processor=None)
    return float(scores.max())


def _roles_conflict(a: Iterable[str], b: Iterable[str]) -> bool:
    """Tell whether two sets of roles contradict each other."""
    fit = _role_fit(a, b)
    return fit is not None and fit < ROLE_CONFLICT


# --------------------------------------------------------------------------- person clustering


@dataclass(slots=True)
class _Form:
    """One distinct spelling of a person (or of a surname in one article), with its mentions."""

    display: str
    name: _PersonName
    mentions: list[_Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


class _Groups:
    """Union-find over form indices, keeping each group's members."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        """Return the root of ``i``'s group."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Merge the groups of ``a`` and ``b`` (the smaller root wins, for stable results)."""
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))

    def groups(self) -> list[list[int]]:
        """Return every group's members, sorted."""
        return sorted(sorted(m) for m in self.members.values())


def _person_forms(mentions: Sequence[_Mention]) -> list[_Form]:
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
        blocks["s:" + _skeleton(surname)].append(i)
        blocks["p:" + surname[:2]].append(i)
    return [b for b in blocks.values() if len(b) > 1]


def _candidate_pairs(forms: Sequence[_Form]) -> dict[tuple[int, int], float]:
    """Return pairs of forms whose surnames agree, with the surname score."""
    pairs: dict[tuple[int, int], float] = {}
    for block in _blocks(forms):
        keys = [forms[i].name.surname for i in block]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_MATCH)
        for x, y in zip(*np.nonzero(np.triu(scores, 1)), strict=True):
            a, b = block[int(x)], block[int(y)]
            pairs[(min(a, b), max(a, b))] = float(scores[x, y])
    return pairs


def _link(a: _Form, b: _Form, surname_score: float) -> int:
    """Return 2 for a sure link, 1 for a link that roles must not contradict, 0 for none."""
    surname = _key_level(a.name.surname, b.name.surname, surname_score)
    if not surname or bool(a.name.given) != bool(b.name.given):
        return 0
    if not a.name.given:
        return 1
    return min(surname, _given_level(a.name, b.name))


def _compatible(forms: Sequence[_Form], left: list[int], right: list[int]) -> bool:
    """Tell whether two groups may merge: every named pair agrees and roles do not clash."""
    for i in left:
        for j in right:
            a, b = forms[i].name, forms[j].name
            if not _key_level(a.surname, b.surname):
                return False
            if a.given and b.given and _given_level(a, b) == 0:
                return False
    return True


def _group_roles(forms: Sequence[_Form], members: Iterable[int]) -> set[str]:
    """Return the roles of a group's forms."""
    return {r for i in members for r in forms[i].roles}


def _merge_forms(
    forms: Sequence[_Form], groups: _Groups, pairs: dict[tuple[int, int], float], eligible: set[int]
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
        if neg_level == -1 and _roles_conflict(
            _group_roles(forms, groups.members[ra]), _group_roles(forms, groups.members[rb])
        ):
            continue
        groups.union(a, b)


def _attach_surnames(forms: Sequence[_Form], groups: _Groups) -> set[int]:
    """Join each surname written alone to the one named group it can only mean; return the rest."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for g in groups.groups():
        for i in g:
            if forms[i].name.given:
                by_key[_skeleton(forms[i].name.surname)].append(groups.find(g[0]))
    bare = [i for i, form in enumerate(forms) if not form.name.given]
    choices = [(_choose_group(forms, groups, [i], by_key), i) for i in bare]
    for target, i in choices:
        if target is not None:
            groups.union(target, i)
    return {i for target, i in choices if target is None}


def _choose_group(forms: Sequence[_Form], groups: _Groups, bare: list[int], by_key: dict[str, list[int]]) -> int | None:
    """Pick the named group a surname group means: unique, same article, or best roles."""
    surname = forms[bare[0]].name.surname
    roots = sorted(set(by_key.get(_skeleton(surname), [])))
    roles = _group_roles(forms, bare)
    candidates = [
        r
        for r in roots
        if _surname_fits(forms, groups.members[r], surname)
        and not _roles_conflict(roles, _group_roles(forms, groups.members[r]))
    ]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    sources = {s for i in bare for s in forms[i].sources}
    local = [r for r in candidates if sources & {s for i in groups.members[r] for s in forms[i].sources}]
    if len(local) == 1:
        return local[0]
    return _best_by_roles(forms, groups, roles, local or candidates)


def _surname_fits(forms: Sequence[_Form], members: Iterable[int], surname: str) -> bool:
    """Tell whether a group's surnames agree with ``surname``."""
    keys = sorted({forms[i].name.surname for i in members})
    scores = process.cdist([surname], keys, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_MATCH)[0]
    return any(_key_level(surname, k, float(s)) for k, s in zip(keys, scores, strict=True) if s)


def _best_by_roles(forms: Sequence[_Form], groups: _Groups, roles: set[str], candidates: list[int]) -> int | None:
    """Return the candidate whose roles fit ``roles`` clearly better than every other's."""
    fits = sorted(
        ((_role_fit(roles, _group_roles(forms, groups.members[r]), strict=True) or 0.0, r) for r in candidates),
        reverse=True,
    )
    if fits and fits[0][0] >= ROLE_CONFLICT and (len(fits) == 1 or fits[0][0] - fits[1][0] >= ROLE_MARGIN):
        return fits[0][1]
    return None


def _person_entities(mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """Cluster person mentions into entities."""
    forms = _person_forms(mentions)
    groups = _Groups(len(forms))
    pairs = _candidate_pairs(forms)
    _merge_forms(forms, groups, pairs, {i for i, form in enumerate(forms) if form.name.given})
    _merge_forms(forms, groups, pairs, _attach_surnames(forms, groups))
    return [[m for i in g for m in forms[i].mentions] for g in groups.groups()]


# --------------------------------------------------------------------------- organisation clustering


_OrgKey = tuple[frozenset[str], frozenset[str], str | None, str | None]


def _org_entities(mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """Cluster organisation mentions: same distinctive words, compatible country and kind."""
    named = [m for m in mentions if _is_named_org(m)]
    exact: dict[_OrgKey, list[_Mention]] = defaultdict(list)
    for m in named:
        assert m.org is not None
        exact[(m.org.distinct, m.org.heads, m.org.country, m.org.acronym)].append(m)
    clusters = [exact[k] for k in sorted(exact, key=_org_sort_key)]
    clusters = _merge_within_buckets(clusters)
    clusters = _merge_acronyms(clusters)
    clusters = _merge_into_fuller(clusters)
    return _attach_loose_orgs(clusters, [m for m in mentions if not _is_named_org(m)])


def _is_named_org(mention: _Mention) -> bool:
    """Tell whether an organisation mention says which one it is (words, country or acronym)."""
    org = mention.org
    return org is not None and bool(org.distinct or org.country or org.acronym)


def _org_sort_key(key: _OrgKey) -> tuple[str, ...]:
    """Sort organisation keys by their words, kind, country and acronym."""
    distinct, heads, country, acronym = key
    return (" ".join(sorted(distinct)), " ".join(sorted(heads)), country or "", acronym or "")


def _orgs_of(cluster: Sequence[_Mention]) -> set[_OrgName]:
    """Return the distinct organisation names of a cluster."""
    return {m.org for m in cluster if m.org is not None}


def _cluster_agrees(a: Sequence[_Mention], b: Sequence[_Mention]) -> bool:
    """Tell whether every organisation name of one cluster agrees with every one of the other."""
    return all(_orgs_agree(x, y) for x in _orgs_of(a) for y in _orgs_of(b))


def _bucket(cluster: Sequence[_Mention]) -> tuple[str, ...]:
    """Return the words that decide which clusters may merge with this one."""
    org = cluster[0].org
    assert org is not None
    if org.acronym:
        return ("acronym", org.acronym)
    return tuple(sorted(org.distinct)) if org.distinct else ("kind", *sorted(org.heads))


def _merge_within_buckets(clusters: list[list[_Mention]]) -> list[list[_Mention]]:
    """Merge each cluster into the single other cluster of its bucket it agrees with."""
    buckets: dict[tuple[str, ...], list[list[_Mention]]] = defaultdict(list)
    for cluster in clusters:
        buckets[_bucket(cluster)].append(cluster)
    return [c for key in sorted(buckets) for c in _merge_unique_partners(buckets[key])]


def _merge_unique_partners(clusters: list[list[_Mention]]) -> list[list[_Mention]]:
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
    groups = _Groups(size)
    for a, b in edges:
        groups.union(a, b)
    return groups.groups()


def _merge_acronyms(clusters: list[list[_Mention]]) -> list[list[_Mention]]:
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


def _merge_into_fuller(clusters: list[list[_Mention]]) -> list[list[_Mention]]:
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


def _clusters_compatible(a: Sequence[_Mention], b: Sequence[_Mention]) -> bool:
    """Tell whether two clusters agree on country and kind throughout."""
    return all(_orgs_compatible(x, y) for x in _orgs_of(a) for y in _orgs_of(b))


def _apply_targets(clusters: list[list[_Mention]], target: dict[int, int]) -> list[list[_Mention]]:
    """Move each targeted cluster into its target (following chains), keeping the order."""
    merged = [list(c) for c in clusters]
    for k in sorted(target):
        end = target[k]
        while end in target:
            end = target[end]
        merged[end].extend(clusters[k])
    return [c for k, c in enumerate(merged) if k not in target]


def _attach_loose_orgs(clusters: list[list[_Mention]], loose: Sequence[_Mention]) -> list[list[_Mention]]:
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
            m.kind = _Kind.GENERIC
        else:
            cluster.append(m)
    return clusters


# --------------------------------------------------------------------------- entities


def _person_completeness(display: str) -> tuple[int, int]:
    """Rank person spellings: more name words, then more written parts (particles)."""
    parsed = _parse_person(display)
    return (parsed.core, parsed.parts) if parsed else (0, 0)


def _canonical(mentions: Sequence[_Mention], person: bool) -> str:
    """Return the most complete spelling, ties broken by frequency then alphabetically."""
    counts = Counter(m.display for m in mentions if m.display)
    rank = _person_completeness if person else _completeness_org

    def order(name: str) -> tuple[int, int, int, str]:
        complete = rank(name)
        return (-complete[0], -complete[1], -counts[name], name)

    best = min(counts, key=order)
    return best if person or not best[:1].islower() else best[:1].upper() + best[1:]


def _distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Return roles without repeats that differ only in case, spacing, brackets or a leading article."""
    seen: dict[str, str] = {}
    for role in sorted(r for r in roles if r):
        key = re.sub(r"^(the|a|an) ", "", " ".join(_ascii(_PAREN_RE.sub("", role)).split()))
        seen.setdefault(key, role)
    return tuple(sorted(seen.values()))


def _entity(mentions: Sequence[_Mention]) -> Speaker:
    """Build the speaker for one cluster of mentions (its id is given later)."""
    name = _canonical(mentions, person=any(m.person is not None for m in mentions))
    completed = {m.display for m in mentions if m.display and m.display not in m.written}
    aliases = tuple(sorted({m.written for m in mentions} | completed | {name}))
    roles = _distinct_roles(r for m in mentions for r in m.roles)
    return Speaker(id=_slug(name), name=name, aliases=aliases, roles=roles)


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


def _finish(entity: Speaker, entity_id: str, cluster: Sequence[_Mention], found: Iterable[tuple[str, str]]) -> Speaker:
    """Give an entity its id, every spelling written for it and those spellings as aliases."""
    found = set(found)
    spellings = {(m.source, m.bare) for m in cluster if m.bare} | found
    aliases = tuple(sorted({*entity.aliases, *(written for _, written in found)}))
    return replace(entity, id=entity_id, aliases=aliases, spellings=tuple(sorted(spellings)))


def _resolve_descriptions(
    mentions: Sequence[_Mention], owner: dict[int, int], clusters: Sequence[list[_Mention]]
) -> None:
    """Give ``the spokesman``-like mentions to the one person of their article with that office."""
    described = [m for m in mentions if m.kind is _Kind.GENERIC and m.head is not None]
    if not described:
        return
    offices = [{w for m in cluster for r in m.roles for w in _role_key(r).split()} for cluster in clusters]
    by_source: dict[str, set[int]] = defaultdict(set)
    for c, cluster in enumerate(clusters):
        for m in cluster:
            by_source[m.source].add(c)
    for m in described:
        holders = [c for c in sorted(by_source.get(m.source, ())) if m.head in offices[c]]
        if len(holders) == 1:
            owner[m.index] = holders[0]


# --------------------------------------------------------------------------- names in article bodies


@dataclass(slots=True)
class _Bearer:
    """A quoted person, reduced to what a name written in an article body is compared with."""

    names: list[_PersonName]
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


def _bearers(clusters: Sequence[list[_Mention]]) -> _Bearers:
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
        blocks["s:" + _skeleton(surname)].append(surname)
        blocks["p:" + surname[:2]].append(surname)
    return _Bearers(people, {k: sorted(v) for k, v in by_surname.items()}, dict(blocks))


def _surname_bearers(surname: str, bearers: _Bearers) -> list[int]:
    """Return the quoted people whose surname agrees with ``surname``."""
    found = bearers.cache.get(surname)
    if found is None:
        keys = sorted({*bearers.blocks.get("s:" + _skeleton(surname), ()), *bearers.blocks.get("p:" + surname[:2], ())})
        scores = process.cdist([surname], keys, scorer=fuzz.ratio, processor=None, score_cutoff=NAME_MATCH)[0]
        agreeing = [k for k, score in zip(keys, scores, strict=True) if score and _key_level(surname, k, float(score))]
        found = bearers.cache[surname] = sorted({c for k in agreeing for c in bearers.by_surname[k]})
    return found


def _bearer_level(run: _Run, bearer: _Bearer) -> int:
    """Return 2 when a full name surely names a quoted person, 1 when plausibly, 0 when not.

    The name must agree with every full name the person was quoted under; a plausible
    agreement also needs roles that do not contradict the person's.
    """
    assert run.person is not None
    best = 0
    for other in bearer.names:
        level = min(_key_level(run.person.surname, other.surname), _given_level(run.person, other))
        if level == 0:
            return 0
        best = max(best, level)
    if best == 1 and _roles_conflict(run.roles, bearer.roles):
        return 0
    return best


def _match_full(run: _Run, bearers: _Bearers) -> int | None:
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
    fits = sorted(
        ((_role_fit(roles, bearers.people[c].roles, strict=True) or 0.0, c) for c in candidates), reverse=True
    )
    if fits and fits[0][0] >= ROLE_CONFLICT and (len(fits) == 1 or fits[0][0] - fits[1][0] >= ROLE_MARGIN):
        return fits[0][1]
    return None


def _match_surname(run: _Run, source: str, local: set[int | None], bearers: _Bearers) -> int | None:
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
        c for c in _surname_bearers(run.person.surname, bearers) if not _roles_conflict(run.roles, people[c].roles)
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
    clusters: Sequence[list[_Mention]], indexes: dict[str, ArticleNames]
) -> dict[int, set[tuple[str, str]]]:
    """Find every article's spellings of the quoted people, by cluster index.

    Names only join people who are quoted somewhere; they never create, split or merge
    entities.
    """
    bearers = _bearers(clusters)
    found: dict[int, set[tuple[str, str]]] = defaultdict(set)
    if not bearers.people:
        return found
    for source in sorted(indexes):
        for entity, written in _quoted_in_body(source, indexes[source], bearers):
            found[entity].add((source, written))
    return found


# --------------------------------------------------------------------------- public API


def resolve_speakers(
    quotes: Sequence[Quote], articles: Sequence[Article], names: Mapping[str, ArticleNames] | None = None
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
    """
    indexes = _index_articles(articles, names or {})
    mentions = _read_mentions(quotes, indexes)
    clusters = _person_entities([m for m in mentions if m.kind is _Kind.PERSON])
    clusters += _org_entities([m for m in mentions if m.kind is _Kind.ORG])
    clusters = [c for c in clusters if c]
    owner = {m.index: c for c, cluster in enumerate(clusters) for m in cluster}
    _resolve_descriptions(mentions, owner, clusters)
    entities = [_entity(cluster) for cluster in clusters]
    ids = _assign_ids(entities)
    found = _body_spellings(clusters, indexes)
    speakers = tuple(
        sorted((_finish(e, ids[c], clusters[c], found.get(c, ())) for c, e in enumerate(entities)), key=lambda s: s.id)
    )
    resolved = tuple(replace(q, speaker=ids[owner[i]] if i in owner else None) for i, q in enumerate(quotes))
    log.debug("resolved %d speaker mentions into %d speakers", len(mentions), len(speakers))
    return speakers, resolved


def _index_articles(articles: Sequence[Article], known: Mapping[str, ArticleNames]) -> dict[str, ArticleNames]:
    """Index the names written in every article, once each (the last article of an id wins)."""
    by_id = {a.id: a for a in articles}
    return {
        article_id: known[article_id] if article_id in known else article_names(by_id[article_id])
        for article_id in sorted(by_id)
    }


def _read_mentions(quotes: Sequence[Quote], indexes: dict[str, ArticleNames]) -> list[_Mention]:
    """Read every quote's speaker, completing it from its article's index."""
    mentions: list[_Mention] = []
    for i, quote in enumerate(quotes):
        mention = _read_mention(i, quote, indexes.get(quote.source))
        if mention is not None:
            mentions.append(mention)
    return _reread_orgs(mentions, quotes, indexes)


def _reread_orgs(mentions: list[_Mention], quotes: Sequence[Quote], indexes: dict[str, ArticleNames]) -> list[_Mention]:
    """Re-read as organisations the ``European Chess Circle``-like names other quotes show to be one.

    A demonym before capitalised words reads as a person with a title (``Norwegian Kari
    Nordvik``) unless some quote names an organisation with the same words.
    """
    named = {(m.org.distinct, m.org.heads) for m in mentions if m.kind is _Kind.ORG and m.org and m.org.distinct}
    if not named:
        return mentions
    out = []
    for m in mentions:
        if m.kind is _Kind.PERSON and _org_key_of(m.written) in named:
            quote = quotes[m.index]
            m = _read_mention(m.index, quote, indexes.get(quote.source), _Kind.ORG) or m
        out.append(m)
    return out


def _org_key_of(written: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """Return the organisation key of a name whose title only says where from, else ``None``."""
    name, _ = _clean_written(written)
    title, _ = split_title(name)
    if title is None or not _is_origin_title(title):
        return None
    org = _parse_org(name)
    return org.distinct, org.heads
