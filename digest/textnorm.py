"""Shared text normalisation: word tokens with offsets, token and text normalisation,
light stemming and a general news-English synonym table for matching.

``tokenize`` and ``normalise_token`` are the stable entry points other stages build on
(the word-level diff aligns ``normalise_token`` forms of ``tokenize`` words). Tokens are
words only: punctuation, quotation marks and ellipses (``...``, ``..``, ``…``) are never
tokens, so two renderings that differ only in those compare equal.

The second half of the module turns words into *concepts* for fuzzy matching: stop words
dropped, inflections folded by a light suffix stemmer, and translation variants folded by
``SYNONYM_GROUPS`` (data only, general vocabulary, no story-specific phrases).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# --------------------------------------------------------------------------- data

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted abbreviations: U.S., U.N.
    r"|\d+(?:[.,:]\d+)+"  # numbers with separators: 2,500  3.5  10:30
    r"|[^\W_]+(?:['’ʼ‘\-‐‑][^\W_]+)*"  # words, with inner apostrophes and hyphens
)
"""One word: letters and digits, keeping inner apostrophes, hyphens and number separators."""

APOSTROPHES = "'’ʼ‘`´"
"""Characters that spell an apostrophe; removed by ``normalise_token``."""

HYPHENS = "‐‑‒–—−"
"""Characters that spell a hyphen or dash; folded to ``-``."""

_STOPWORD_LIST = """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself nor of off on once only or other our
    ours ourselves out over own same shall she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves also may might must us upon whether per via among amongst
    s t re ve ll d m o y
"""

STOPWORDS = frozenset(_STOPWORD_LIST.split())
"""Function words that carry no content for matching (negations are kept on purpose)."""

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("end", "ended", "ending", "finish", "finished", "completed", "conclude", "concluded", "terminate", "terminated"),
    ("continue", "continues", "continued", "continuing", "continuation", "persist"),
    ("field", "fields", "area", "areas", "domain", "domains", "sphere", "spheres"),
    (
        "advice",
        "advise",
        "advising",
        "advisory",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "counsel",
        "counseling",
        "counselling",
        "consult",
        "consultancy",
        "consultation",
        "consultations",
        "consultative",
        "consulting",
    ),
    ("train", "training", "trained", "trainer", "trainers", "instruction"),
    ("support", "help", "helped", "assist", "assistance", "assisting", "aid", "backing"),
    ("empower", "empowerment", "empowering", "strengthen", "strengthening", "enable"),
    (
        "leave",
        "leaving",
        "left",
        "depart",
        "departure",
        "exit",
        "withdraw",
        "withdrawal",
        "withdrawn",
        "withdrew",
        "pullout",
        "pull-out",
    ),
    ("stay", "stayed", "remain", "remained", "remaining", "remains"),
    (
        "start",
        "started",
        "begin",
        "began",
        "begun",
        "beginning",
        "launch",
        "launched",
        "initiate",
        "initiated",
        "commence",
        "commenced",
    ),
    ("announce", "announced", "announcement", "declare", "declared", "declaration", "proclaim", "proclaimed"),
    ("member", "members", "personnel", "individuals", "staff", "servicemen"),
    ("force", "forces", "troop", "troops", "soldier", "soldiers", "units"),
    ("combat", "fighting", "fight", "battle", "battles", "combatant"),
    ("relationship", "relationships", "relation", "relations", "ties"),
    ("dialogue", "dialog", "talks", "negotiation", "negotiations", "discussion", "discussions"),
    ("agree", "agreed", "agreement", "accord", "consensus"),
    (
        "confirm",
        "confirmed",
        "affirm",
        "affirmed",
        "reaffirm",
        "reaffirmed",
        "assert",
        "asserted",
        "stress",
        "stressed",
        "emphasise",
        "emphasised",
        "emphasize",
        "emphasized",
        "underline",
        "underlined",
    ),
    ("deny", "denied", "denies", "reject", "rejected", "refute", "refuted"),
    ("presence", "existence", "present"),
    ("say", "said", "says", "tell", "told"),
    ("provide", "provided", "offer", "offered", "give", "gave", "given", "supply", "supplied"),
    ("goal", "goals", "objective", "objectives", "aim", "aims", "target", "targets"),
    ("attack", "attacks", "attacked", "strike", "strikes", "assault", "raid"),
    ("kill", "killed", "slain", "slay"),
    ("protect", "protection", "defend", "defence", "defense", "safeguard"),
    ("increase", "rise", "rose", "grow", "grew", "growth", "surge"),
    ("decrease", "fall", "fell", "decline", "drop", "dropped", "reduce", "reduction"),
    ("big", "large", "huge", "major"),
    ("small", "little", "minor"),
    ("many", "numerous", "several"),
    ("important", "significant", "crucial", "vital"),
    ("people", "citizens", "population"),
    ("ask", "asked", "request", "requested"),
    ("happen", "happened", "occur", "occurred"),
    ("law", "laws", "legislation"),
    ("mission", "missions", "task", "tasks"),
    ("country", "countries", "nation", "nations"),
    ("buy", "bought", "purchase", "purchased"),
    ("war", "wars", "conflict", "conflicts"),
    ("threat", "threaten", "threatened", "menace"),
)
"""Words that news translations use interchangeably; each group folds to its first word."""

# --------------------------------------------------------------------------- tokens


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Return the words of ``text`` as ``(word, start, end)``, offsets into ``text``."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=262_144)
def normalise_token(word: str) -> str:
    """Return the comparison form of a word: casefolded, unaccented, no apostrophes or dots."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.translate(_TOKEN_TABLE)
    if bare[:1].isdigit():
        bare = _DIGIT_COMMA_RE.sub("", bare)
    return unicodedata.normalize("NFC", bare).strip("-")


_DIGIT_COMMA_RE = re.compile(r"(?<=\d),(?=\d)")
_TOKEN_TABLE = str.maketrans({**dict.fromkeys(APOSTROPHES + ".", None), **dict.fromkeys(HYPHENS, "-")})


def normalise_text(text: str) -> str:
    """Return ``text`` as space-separated normalised words (no case, punctuation or ellipses)."""
    return " ".join(normalise_token(word) for word, _, _ in tokenize(text))


# --------------------------------------------------------------------------- concepts

_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    # (suffix, replacement, minimum stem length left)
    ("ements", "", 4),
    ("ement", "", 4),
    ("ments", "", 4),
    ("ment", "", 4),
    ("nesses", "", 3),
    ("ness", "", 3),
    ("ically", "ic", 3),
    ("ally", "al", 3),
    ("ies", "y", 3),
    ("ied", "y", 3),
    ("sses", "ss", 2),
    ("ings", "", 3),
    ("ing", "", 3),
    ("edly", "", 3),
    ("ed", "", 3),
    ("es", "", 3),
    ("s", "", 3),
)
"""Inflectional (and a few derivational) endings folded by the light stemmer."""

_KEEP_S_ENDINGS = ("ss", "us", "is", "ous")

SPELLING_VARIANTS: tuple[tuple[str, str], ...] = (
    (r"isation$", "ization"),
    (r"(?<=.{3})is(e|es|ed|ing)$", r"iz\1"),
    (r"(?<=.{3})our$", "or"),
    (r"(?<=.{3})tre$", "ter"),
)
"""British spellings folded to American ones before stemming (``organisation``, ``labour``)."""

_SPELLING_RES = tuple((re.compile(pattern), repl) for pattern, repl in SPELLING_VARIANTS)


def _american(word: str) -> str:
    """Fold a British spelling to the American one (``defence`` is in the synonyms)."""
    for pattern, repl in _SPELLING_RES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """Fold a normalised word's common English endings (``continues`` → ``continu``)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _american(word)
    for suffix, replacement, min_stem in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        base = word[: len(word) - len(suffix)]
        if len(base) < min_stem or (suffix in ("s", "es") and word.endswith(_KEEP_S_ENDINGS)):
            continue
        word = base + replacement
        break
    return _tidy_stem(word)


def _tidy_stem(word: str) -> str:
    """Undouble a final consonant and drop a final ``e`` so all forms share one stem."""
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeious":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _synonym_index(groups: Iterable[tuple[str, ...]]) -> dict[str, str]:
    """Map every listed word, and its stem, to its group's key (the first word's stem)."""
    index: dict[str, str] = {}
    for group in groups:
        key = stem(group[0])
        for word in group:
            index.setdefault(word, key)
            index.setdefault(stem(word), key)
    return index


SYNONYMS: dict[str, str] = _synonym_index(SYNONYM_GROUPS)
"""Normalised word or stem → concept key, built from ``SYNONYM_GROUPS``."""


@lru_cache(maxsize=262_144)
def concept(word: str) -> str:
    """Return the matching concept of a normalised word: its synonym key or its stem."""
    return SYNONYMS.get(word) or SYNONYMS.get(stem(word)) or stem(word)


def is_acronym(word: str) -> bool:
    """Tell whether a word as written is an upper-case acronym (``US``, ``U.N.``)."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


_POSSESSIVE_ENDINGS = ("'s", "’s", "ʼs", "'S", "’S", "ʼS")


def content_words(text: str) -> list[str]:
    """Return the normalised content words of ``text`` in order (stop words dropped)."""
    words: list[str] = []
    for word in TOKEN_RE.findall(text):
        norm = normalise_token(word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word)
        for part in norm.split("-") if "-" in norm else (norm,):
            if part and (part not in STOPWORDS or is_acronym(word)):
                words.append(part)
    return words


def concepts(text: str) -> list[str]:
    """Return the matching concepts of ``text`` in order (content words, stemmed, synonyms folded)."""
    return [concept(word) for word in content_words(text)]
