"""Telling what a speaker as written is: a person, an organisation, a description or nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from digest.text.grammar import DETERMINERS, PRONOUNS
from digest.text.labels import FURNITURE_LABELS
from digest.text.organisations import DOCUMENT_NOUNS
from digest.text.titles import GENERIC_NOUNS, ROLE_SYNONYMS, TITLE_WORDS

from .keys import ORG_WORDS, demonym, plain_word
from .persons import is_capitalised, is_capitals_word, is_personal_name, name_words, split_title

# --------------------------------------------------------------------------- classification


class Kind(Enum):
    """What a speaker as written turns out to be."""

    PERSON = "person"
    ORG = "org"
    GENERIC = "generic"


def strip_determiners(words: list[str]) -> tuple[list[str], bool]:
    """Drop leading determiners; tell whether there were any."""
    had = False
    while words and plain_word(words[0]) in DETERMINERS:
        words, had = words[1:], True
    return words, had


def classify_speaker(text: str) -> Kind:
    """Tell whether a speaker as written names a person, an organisation or no one."""
    words, had_determiner = strip_determiners(name_words(text))
    if not words or (len(words) == 1 and plain_word(words[0]) in PRONOUNS):
        return Kind.GENERIC
    plains = [plain_word(w) for w in words]
    title, bare = split_title(" ".join(words))
    if title is not None:
        return Kind.ORG if had_determiner and is_origin_title(title) else Kind.PERSON
    if plains[-1] in GENERIC_NOUNS and not any(
        is_capitalised(w) and p in ORG_WORDS for w, p in zip(words, plains, strict=True)
    ):
        return Kind.GENERIC
    if all(p in FURNITURE_LABELS for p in plains):
        return Kind.GENERIC
    if len(words) == 1 and (plains[0] in ROLE_SYNONYMS or plains[0] in TITLE_WORDS):
        return Kind.GENERIC  # an office written short: ``the PM``, ``the MD``
    if any(p in ORG_WORDS for p in plains) or (len(words) == 1 and is_capitals_word(words[0])):
        return Kind.ORG
    if is_personal_name(bare):
        return Kind.ORG if had_determiner else Kind.PERSON
    return Kind.ORG if _is_group(words, plains) else Kind.GENERIC


def is_origin_title(title: str) -> bool:
    """Tell whether a title only says where from (``European``, ``Kurdish``), naming no office."""
    return all(demonym(plain_word(w)) is not None for w in name_words(title))


def _is_group(words: Sequence[str], plains: Sequence[str]) -> bool:
    """Tell whether a lower-case description names a group (``crane operators``), not a person."""
    head = plains[-1]
    plural = len(head) > 3 and head.endswith("s") and not head.endswith("ss")
    return plural and head not in GENERIC_NOUNS and not any(p in PRONOUNS for p in plains)


def clean_written(written: str) -> tuple[str, str | None]:
    """Split ``"Name, role"`` into name and role; ``"the coalition's statement"`` becomes its issuer."""
    head, sep, tail = written.partition(",")
    role = tail.strip(" ,.") if sep and tail.strip() else None
    words = name_words(head)
    if len(words) > 1 and plain_word(words[-1]) in DOCUMENT_NOUNS:
        words = words[:-1]
        words[-1] = re.sub(r"['’]s?$", "", words[-1])
    return " ".join(words), role or None
