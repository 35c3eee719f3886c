"""Reading the personal name a speaker phrase ends with: name words, titles before them, surnames after.

Split from ``phrases`` (which reads whole speaker phrases); the names scan in ``people`` reads
words with the same tests.
"""

from __future__ import annotations

from digest.text.grammar import (
    ADVERBIAL_OPENERS,
    AUXILIARIES,
    CONJUNCTIONS,
    CORE_DETERMINERS,
    DATE_WORDS,
    FREQUENCY_ADVERBS,
    FUNCTION_WORDS,
    PARTICIPLE_FOLLOWERS,
    PREPOSITIONS,
    RELATIVE_WORDS,
    SUBJECT_PRONOUNS,
    VERB_SIGNS,
)
from digest.text.marks import TOKEN, TOKEN_EDGE
from digest.text.organisations import MEDIA_WORDS, ORG_WORDS
from digest.text.personal_names import NAME_PARTICLES, NAME_PREFIXES
from digest.text.places import UNSUFFIXED_DEMONYMS
from digest.text.reporting import PARTICIPLE_SUFFIX, REPORTING_VERBS
from digest.text.titles import COURTESY_TITLES, FOREIGN_LEADS, ROLE_NOUNS, SURNAME_TITLES, TITLE_RUN_WORDS, TITLE_WORDS
from digest.text.tokens import is_acronym

from .limits import MAX_NAME_TOKENS

Token = tuple[str, int, int]

NON_NAME_OPENERS = frozenset(
    {"as", "if", "does", "did", "unless", "until", "though", "although", "because", "whether", "like", "unlike"}
    | {"what", "why", "how", "where", "whatever", "whoever"}
    | {"given", "besides", "beyond", "another", "any", "others", "every", "each"}
    | FOREIGN_LEADS
)
"""Capitalised words opening a sentence that are never a name (``If states fail``, ``What “X” means``)."""

ADVERB_SUFFIXES = ("ically", "ously", "ately", "ently", "antly", "ingly", "edly", "fully", "ively")
"""Endings of a capitalised sentence adverb (``Domestically, …``): never a name."""

NOT_IN_NAMES = (
    ORG_WORDS
    | DATE_WORDS
    | MEDIA_WORDS
    | CORE_DETERMINERS
    | SUBJECT_PRONOUNS
    | CONJUNCTIONS
    | ADVERBIAL_OPENERS
    | REPORTING_VERBS
    | PREPOSITIONS
    | NON_NAME_OPENERS
)
"""Capitalised words that never belong to a person's name in running text (lower-case): ``Of``, ``As``."""


def phrase_tokens(part: str) -> list[Token]:
    """Split a phrase into words with their offsets, punctuation stripped from the edges."""
    out = []
    for match in TOKEN.finditer(part):
        raw = match.group()
        word = raw.strip(TOKEN_EDGE)
        if word:
            begin = match.start() + raw.index(word)
            out.append((word, begin, begin + len(word)))
    return out


def is_name_word(word: str) -> bool:
    """Tell whether a word may belong to a personal name (capitalised, a particle, or ``al-X``)."""
    low = word.lower()
    if low in NAME_PARTICLES:
        return True
    if low.endswith(("n’t", "n't")):
        return False  # ``Don’t Republicans run the risk?``
    for prefix in NAME_PREFIXES:
        if low.startswith(prefix) and len(word) > len(prefix):
            return word[len(prefix)].isupper()
    return word[:1].isupper() and not is_acronym(word)


def possessive(word: str) -> bool:
    """Tell whether a word ends in ``’s`` or ``'s``."""
    return word.endswith(("’s", "'s", "’", "'"))


def name_start(tokens: list[Token]) -> int:
    """Return where the personal name ending the phrase starts (``len(tokens)`` when there is none)."""
    if not tokens or possessive(tokens[-1][0]):
        return len(tokens)
    i = len(tokens)
    while i > 0 and len(tokens) - i < MAX_NAME_TOKENS:
        word = tokens[i - 1][0]
        low = word.lower().rstrip(".")
        if low in SURNAME_TITLES and i == len(tokens) and _given_name_before(tokens, i - 1):
            i -= 1  # ``Billie Jean King``: the title word is the surname
            continue
        dated = low in DATE_WORDS and not (i > 1 and surname_may(word, tokens[i - 2][0]))
        if not is_name_word(word) or low in TITLE_RUN_WORDS or low in ORG_WORDS or dated:
            break
        if possessive(word):
            break  # ``Iowa State University's Dianne Bystrom``: the owner is no part of the name
        if _middle_initial(tokens, i - 1):
            i -= 1  # ``Jock A. Finlayson``: the initial is no article
            continue
        if low in ADVERBIAL_OPENERS or low in CONJUNCTIONS or low in CORE_DETERMINERS or low in SUBJECT_PRONOUNS:
            break
        if low in NON_NAME_OPENERS or low.endswith(ADVERB_SUFFIXES):
            break  # ``If states fail``, ``Like Allen, they``, ``Domestically``
        i -= 1
    while i < len(tokens) and tokens[i][0].lower() in NAME_PARTICLES and not tokens[i][0][:1].isupper():
        i += 1
    core = [w for w, _, _ in tokens[i:] if w[:1].isupper() and w.lower() not in NAME_PARTICLES]
    if not core and not any(is_name_word(w) and w.lower() not in NAME_PARTICLES for w, _, _ in tokens[i:]):
        return len(tokens)
    if i > 0 and tokens[i - 1][0].lower() in PREPOSITIONS | CORE_DETERMINERS:
        return len(tokens)
    if i > 1 and _participle_after_noun(tokens[i - 2][0], tokens[i - 1][0]):
        return len(tokens)  # ``a superdelegate supporting Clinton``: the name is the participle's object
    return i


def _middle_initial(tokens: list[Token], index: int) -> bool:
    """Tell whether a capital letter alone stands between two name words (``A`` in ``Jock A. Finlayson``)."""
    word = tokens[index][0]
    return len(word) == 1 and word.isupper() and 0 < index < len(tokens) - 1 and _given_name_before(tokens, index)


def _given_name_before(tokens: list[Token], index: int) -> bool:
    """Tell whether a name word other than a title or a nationality comes right before ``index``."""
    return index >= 1 and given_name_word(tokens[index - 1][0])


def given_name_word(word: str) -> bool:
    """Tell whether a word may be the name word before a surname that is also a title (``Jean`` King)."""
    low = word.lower().rstrip(".")
    return (
        is_name_word(word)
        and word[:1].isupper()
        and not possessive(word)
        and low not in TITLE_RUN_WORDS
        and low not in TITLE_WORDS
        and low not in UNSUFFIXED_DEMONYMS
        and low not in NOT_IN_NAMES
    )


def _participle_after_noun(before: str, word: str) -> bool:
    """Tell whether ``word`` is a participle after a common noun (``superdelegate supporting``), not an adjective."""
    return (
        word.islower()
        and word.endswith(PARTICIPLE_SUFFIX)
        and before.islower()
        and before not in CORE_DETERMINERS
        and before not in FUNCTION_WORDS
    )


def title_prefix(part: str, tokens: list[Token], start: int) -> str | None:
    """Return the title written right before a name (``U.S. Secretary of State``), if any."""
    i = start
    while i > 0 and _title_word(tokens, i - 1):
        i -= 1
    words = [w.lower().rstrip(".") for w, _, _ in tokens[i:start]]
    if not words or all(w in COURTESY_TITLES for w in words):
        return None
    if not any(w in TITLE_RUN_WORDS or w in ROLE_NOUNS for w in words):
        return None
    return part[tokens[i][1] : tokens[start - 1][2]]


def _title_word(tokens: list[Token], index: int) -> bool:
    """Tell whether a word may belong to a title written before a name."""
    word = tokens[index][0]
    low = word.lower().rstrip(".")
    if low in TITLE_RUN_WORDS or low in ROLE_NOUNS or low in ORG_WORDS or low in MEDIA_WORDS:
        return True
    if low in ("of", "for") and index > 0:
        before = tokens[index - 1][0].lower().rstrip(".")
        return before in TITLE_RUN_WORDS or before in ROLE_NOUNS
    return possessive(word) or (word[:1].isupper() and _plain_capital(low))


def _plain_capital(low: str) -> bool:
    """Tell whether a capitalised word may be part of a title (not a date, determiner or adverb)."""
    banned = DATE_WORDS | CORE_DETERMINERS | ADVERBIAL_OPENERS | CONJUNCTIONS | SUBJECT_PRONOUNS
    return low not in banned


def is_title_token(low: str) -> bool:
    """Tell whether a word is a title, hyphenated ones included (``vice-president``)."""
    return all(part in TITLE_RUN_WORDS or part in COURTESY_TITLES for part in low.split("-"))


def relative_word(word: str) -> bool:
    """Tell whether a word opens a relative clause; an acronym in capitals (``WHO``) does not."""
    return word.lower() in RELATIVE_WORDS and not (len(word) > 1 and word.isupper())


def verbal_token(tokens: list[Token], k: int) -> bool:
    """Tell whether a token is a verb, not a given name spelled like one (``Will Doyle``, ``Said Ali``)."""
    word = tokens[k][0]
    low = word.lower()
    if _past_after_name(tokens, k):
        return True
    if k and surname_may(word, tokens[k - 1][0]):
        return False
    if low not in VERB_SIGNS and low not in REPORTING_VERBS:
        return False
    return not (word[:1].isupper() and k + 1 < len(tokens) and tokens[k + 1][0][:1].isupper())


def _past_after_name(tokens: list[Token], k: int) -> bool:
    """Tell whether a token is a past tense with an object, right after a name (``Wilkerson started Maher's rant``).

    A lower-case ``-ed`` word after a capitalised word that is no title, with words after it, is
    the verb of a clause, not part of a speaker's name or description (``the embattled senator``
    has a determiner before it); so is one that opens the phrase before a determiner.
    """
    word = tokens[k][0]
    if not (k < len(tokens) - 1 and word.islower() and word.endswith("ed") and len(word) > MIN_PAST_LENGTH):
        return False
    if k == 0:  # ``contrasted the Republican candidate``
        return tokens[1][0].lower() in CORE_DETERMINERS
    if tokens[k + 1][0].lower() in PARTICIPLE_FOLLOWERS:  # ``Residents displaced by the fighting``
        return False
    before = tokens[k - 1][0]
    return before[:1].isupper() and not is_title_token(before.lower().rstrip(".")) and "-" not in word


MIN_PAST_LENGTH = 4
"""Shortest ``-ed`` word read as a past tense after a name (not ``bed``, ``red``, ``shed``)."""


def droppable_before_verb(word: str, before: str) -> bool:
    """Tell whether a word between a subject and its verb may be dropped (``had``, ``also``, ``jokingly``)."""
    low = word.lower().strip(",")
    if surname_may(word, before):
        return False
    return low in AUXILIARIES or (word.islower() and low in FREQUENCY_ADVERBS) or manner_adverb(word, before)


def surname_may(word: str, before: str) -> bool:
    """Tell whether ``May`` after a capitalised given name is a surname (``Theresa May said``), not a verb."""
    if "May" not in word or word.strip(TOKEN_EDGE + ",") != "May":
        return False
    last = before.rsplit(None, 1)[-1].strip(TOKEN_EDGE) if before.strip() else ""
    return is_name_word(last) and last.lower() not in NOT_IN_NAMES


def manner_adverb(word: str, before: str) -> bool:
    """Tell whether a word between a name and its verb is an adverb of manner (``Trump jokingly said``).

    Only after a capitalised word that is no determiner nor possessor, so ``the family`` and
    ``Smith's family`` keep their noun.
    """
    if not (word.islower() and word.endswith("ly") and len(word) > 4):
        return False
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    return last[:1].isupper() and last.lower() not in CORE_DETERMINERS and not possessive(last)
