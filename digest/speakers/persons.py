"""Personal names: titles and ranks split off, and a name parsed into given names and surname."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest.text.grammar import DETERMINERS
from digest.text.personal_names import COMPOUND_PREFIXES, HYPHEN_PARTICLES, NAME_SUFFIXES, PARTY_TAG, POST_NOMINALS
from digest.text.titles import (
    AFFILIATIONS,
    GERMAN_TITLE_ENDINGS,
    HONORIFICS,
    NAME_LIKE_TITLES,
    NON_NAME_LEADS,
    RANKS,
    ROLE_SYNONYMS,
    TITLE_CONNECTORS,
    TITLE_WORDS,
)
from digest.text.tokens import is_acronym

from .keys import (
    APOSTROPHES,
    NOT_NAME,
    ORG_WORDS,
    PAREN_RE,
    PARTICLES,
    POSSESSIVE_RE,
    ROMAN_RE,
    arabic_name_word,
    consonantal_key,
    demonym,
    is_arabic_word,
    phonetic_key,
    plain_word,
)

# --------------------------------------------------------------------------- titles


_OPEN_PAREN_RE = re.compile(r"\s*\([^)]*$")
_PARTY_TAG_RE = re.compile(PARTY_TAG)


def name_words(text: str) -> list[str]:
    """Split a name or description into words, dropping edge punctuation and parentheses.

    A bracket left open at the end (``Paul D. Ryan (R-Wis``) and a party tag after a
    comma (``Paul Ryan, R-Wis.``) are dropped as well.
    """
    if "(" in text:
        text = _OPEN_PAREN_RE.sub("", PAREN_RE.sub("", text))
    out = []
    for raw in text.split():
        word = raw.strip(',;:!?“”"()[]{}«»—–')
        if word:
            out.append(word)
    while len(out) > 1 and _PARTY_TAG_RE.match(out[-1]):
        out.pop()
    return out


def is_capitalised(word: str) -> bool:
    """Tell whether a word starts with a capital letter, after any ``al-``-like particle."""
    stripped = word.lstrip(APOSTROPHES)
    head, sep, rest = stripped.partition("-")
    if sep and rest and head.lower() in PARTICLES:
        stripped = rest.lstrip(APOSTROPHES)
    return stripped[:1].isupper()


def is_particle(word: str) -> bool:
    """Tell whether a word is a name particle or starts with a hyphenated one (``al-Araji``)."""
    plain = plain_word(word)
    if plain in PARTICLES or plain in COMPOUND_PREFIXES:
        return True
    head, _, rest = plain.partition("-")
    return bool(rest) and head in HYPHEN_PARTICLES


def _is_name_word(word: str) -> bool:
    """Tell whether a word can be part of a personal name."""
    plain = plain_word(word)
    if plain in NAME_SUFFIXES or is_particle(word) or arabic_name_word(word):
        return True
    return is_capitalised(word) and plain not in ORG_WORDS


@lru_cache(maxsize=1 << 16)
def is_personal_name(text: str) -> bool:
    """Tell whether ``text`` reads as a personal name (no office, organisation or description)."""
    words = name_words(text)
    if not words or not all(_is_name_word(w) for w in words):
        return False
    return all(map(arabic_name_word, words)) or any(
        is_capitalised(w) and plain_word(w) not in NOT_NAME and not is_capitals_word(w) for w in words
    )


def is_capitals_word(word: str) -> bool:
    """Tell whether a word is one acronym (``NATO``, ``U.S.``): no hyphen or digit, not a Roman numeral."""
    letters = word.replace(".", "")
    return letters.isalpha() and is_acronym(letters) and not ROMAN_RE.match(letters)


def _title_position(words: Sequence[str], plains: Sequence[str], i: int) -> bool:
    """Tell whether word ``i`` ends a title that the rest of ``words`` follows as a name."""
    plain = plains[i]
    if not _is_title_word(plain):
        return False
    if plain in NAME_LIKE_TITLES and i > 0:
        before = plains[i - 1]
        if before not in TITLE_WORDS and demonym(before) is None:
            return False
    return True


def _is_title_word(plain: str) -> bool:
    """Tell whether a word belongs to titles, hyphenated ones included (``Secretary-General``)."""
    if plain in TITLE_WORDS or plain in ROLE_SYNONYMS or _german_title(plain):
        return True
    parts = plain.split("-")
    return len(parts) > 1 and all(p in TITLE_WORDS or p in TITLE_CONNECTORS for p in parts)


def _german_title(plain: str) -> bool:
    """Tell whether a word is a German title compound (``bundeskanzler``, ``who-generaldirektor``)."""
    head, _, last = plain.rpartition("-")
    return (bool(head) or len(last) > 6) and last.endswith(GERMAN_TITLE_ENDINGS)


@lru_cache(maxsize=1 << 16)
def split_title(name: str) -> tuple[str | None, str]:
    """Split a written name into its title or rank and the bare name.

    ``"Major General Tahsin al-Khafaji"`` gives ``("Major General", "Tahsin al-Khafaji")``;
    ``"Iraq's national security advisor Qasim al-Araji"`` gives
    ``("Iraq's national security advisor", "Qasim al-Araji")``. A name without a title
    gives ``(None, name)``; so does a description with no name after the title.
    """
    words = name_words(name)
    plains = [plain_word(w) for w in words]
    lead = 0
    while lead < len(words) - 1 and plains[lead] in NON_NAME_LEADS:
        lead += 1  # "Even Lindsey Graham", "Senators Mitch McConnell": no part of the name
    if lead and is_personal_name(" ".join(words[lead:])):
        found, bare = split_title(" ".join(words[lead:]))
        return found, bare
    for i in range(len(words) - 2, -1, -1):
        titled = (
            _title_position(words, plains, i)
            or (i == 0 and (_is_origin(words[0]) or plains[0] in AFFILIATIONS))
            or _is_possessor(words[i])
        )
        if titled and is_personal_name(" ".join(words[i + 1 :])):
            return " ".join(words[: i + 1]), " ".join(_name_only(words[i + 1 :]))
    if not words:
        return None, name.strip()
    return None, " ".join(_name_only(words) if is_personal_name(" ".join(words)) else words)


def _is_possessor(word: str) -> bool:
    """Tell whether a word is written as the owner of what follows (``Washington Post's``, ``Clinton's``)."""
    return bool(POSSESSIVE_RE.search(word))


def _name_only(words: Sequence[str]) -> list[str]:
    """Drop what is written around a personal name but is no part of it.

    Honours and offices after it (``Ian Blackford MP``), and a particle before a given
    name, where it is the word before the name (``as Liz Truss``, ``de Liz Truss``; a
    particle belongs before a surname: ``de Gaulle``, ``von der Leyen``).
    """
    out = list(words)
    while len(out) > 2 and plain_word(out[-1]) in POST_NOMINALS and is_capitals_word(out[-1]):
        out.pop()
    while len(out) > 2 and _is_loose_particle(out[0]) and sum(is_capitalised(w) for w in out[1:]) >= 2:
        out.pop(0)
    return out


def _is_loose_particle(word: str) -> bool:
    """Tell whether a word is a particle written on its own, lower case or all capitals (``de``, ``AS``)."""
    plain = plain_word(word)
    spaced = plain in PARTICLES and "-" not in word and plain not in COMPOUND_PREFIXES
    return spaced and (word.islower() or word.isupper())


def _is_origin(word: str) -> bool:
    """Tell whether a word says where someone is from (``Iraq's``, ``Iranian``), not who."""
    plain = plain_word(word)
    country = demonym(plain)
    if country is None:
        return False
    return plain.replace(".", "") != country or bool(POSSESSIVE_RE.search(word))


def _is_rank_only(title: str) -> bool:
    """Tell whether a title holds only ranks, honorifics and demonyms (``Major General``)."""
    plains = [plain_word(w) for w in name_words(title)]
    return all(p in RANKS or p in HONORIFICS or p in DETERMINERS or demonym(p) for p in plains)


def title_role(title: str | None) -> str | None:
    """Return the title as a role when it names an office, without trailing honorifics."""
    if title is None or _is_rank_only(title):
        return None
    words = name_words(title)
    while words and (plain_word(words[-1]) in HONORIFICS or plain_word(words[-1]) in RANKS):
        words.pop()
    return " ".join(words) or None


# --------------------------------------------------------------------------- parsed names


@dataclass(frozen=True, slots=True)
class PersonName:
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
    for word in name_words(bare):
        if is_arabic_word(word):
            pieces.append(consonantal_key(word))
            continue
        plain = plain_word(word)
        head, _, rest = plain.partition("-")
        if rest and head in PARTICLES:
            pieces.extend([head, rest.replace("-", "")])
        else:
            pieces.append(plain.replace("-", ""))
    pieces = [re.sub(r"[^a-z]", "", p) for p in pieces]
    pieces = [p for p in pieces if p]
    written = len(pieces)
    while pieces and pieces[-1] in NAME_SUFFIXES and len(pieces) > 1:
        pieces.pop()
    return _join_compounds([p for i, p in enumerate(pieces) if not _droppable(pieces, i)]), written


def _droppable(pieces: Sequence[str], i: int) -> bool:
    """Tell whether piece ``i`` is an optional particle or a middle initial."""
    if i == len(pieces) - 1:
        return False
    piece = pieces[i]
    return piece in PARTICLES or (len(piece) == 1 and i > 0)


def _join_compounds(pieces: list[str]) -> list[str]:
    """Join compound prefixes to the word they belong with (``abu mahdi`` -> ``abumahdi``)."""
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if piece in COMPOUND_PREFIXES:
            carry += piece
            continue
        out.append(carry + piece)
        carry = ""
    if carry:
        out.append(carry)
    return out


@lru_cache(maxsize=1 << 16)
def parse_person(bare: str) -> PersonName | None:
    """Reduce a bare personal name to keys, or ``None`` when no name word is left."""
    pieces, written = _name_parts(bare)
    if not pieces:
        return None
    keys = tuple(phonetic_key(p) or p for p in pieces)
    return PersonName(given=keys[:-1], given_plain=tuple(pieces[:-1]), surname=keys[-1], parts=written)


def normalise_name(name: str) -> str:
    """Return a comparison key for a name: title dropped, particles dropped, spelling folded.

    ``"National Security Adviser Qassem al-Araji"``, ``"Qasim Araji"`` and
    ``"Qasim al-Arayi"`` all give ``"kasim araji"``.
    """
    _, bare = split_title(name)
    pieces, _ = _name_parts(bare)
    return " ".join(phonetic_key(p) or p for p in pieces)
