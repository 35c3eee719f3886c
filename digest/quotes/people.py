"""People named in the reporter's own text: the names scan behind ``he``, ``she`` and surnames alone.

``scan_people`` reads every body paragraph once, token by token, for runs of name words
outside quotations, noting which follow a preposition (objects, not subjects), the titles
written before them and what pronouns and appositives tell of their gender.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from digest.text.grammar import (
    CORE_DETERMINERS,
    EVIDENCE_PRONOUNS,
    FEMININE_PRONOUNS,
    MASCULINE_PRONOUNS,
    OBLIQUE_WORDS,
)
from digest.text.marks import DASHES, TOKEN, TOKEN_EDGE
from digest.text.organisations import MEDIA_WORDS, ORG_WORDS
from digest.text.personal_names import FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES, NAME_PARTICLES, NAME_PREFIXES
from digest.text.places import PLACE_HEADS
from digest.text.sentences import ABBREVIATIONS, SENTENCE_END_CHARS
from digest.text.titles import FEMININE_WORDS, MASCULINE_WORDS, ROLE_NOUNS, SURNAME_TITLES, TITLE_WORDS
from digest.text.tokens import is_acronym

from ..models import Span
from .limits import MAX_ROLE_WORDS, MAX_SCANNED_TOKENS
from .marks import MARK_CHARS, Found
from .names import NOT_IN_NAMES, Token, given_name_word, is_name_word, is_title_token, possessive
from .phrases import Who


class Spoken(Protocol):
    """A speaker already found at some position (what the names scan reads of one)."""

    @property
    def who(self) -> Who: ...


@dataclass(frozen=True, slots=True)
class Named:
    """A person named in the reporter's own text, quoted or not."""

    pos: int
    who: Who
    oblique: bool
    """The name follows a preposition or a subordinator of its clause (``in a letter to X``)."""
    title: str = ""
    """The title word written just before the name (``president`` in ``President X``), lower-case."""


# ---------------------------------------------------------------- people named in the text


@dataclass(frozen=True, slots=True)
class People:
    """The people an article names outside quotations, with what it tells of their gender."""

    named: list[Named]
    genders: dict[str, str]
    """Lower-case name -> ``f``, ``m`` or ``?`` (conflicting evidence)."""
    known: frozenset[str]
    """Surname keys of people named in full, with a title, or as a speaker."""
    chains: list[tuple[int, str]]
    """(position, ``f`` or ``m``) of pronouns written before any name of their sentence."""


@dataclass(slots=True)
class _Candidate:
    """A run of name words found by the scan, before one-word names are checked."""

    pos: int
    text: str
    oblique: bool
    words: int
    titled: bool
    gender: str = ""
    title: str = ""
    subject: bool = True
    """Not a possessor nor in a prepositional phrase: a pronoun later in the sentence may tell its gender."""


@dataclass(slots=True)
class _ScanState:
    """Where the names scan stands inside the current sentence."""

    run: list[Token] = field(default_factory=list)
    before: str = ""
    """The lower-case word right before the current run."""
    oblique: bool = False
    previous: str = ""
    people: list[_Candidate] = field(default_factory=list)
    pronoun_first: bool = False
    """A gendered pronoun came before any name in this sentence (it refers further back)."""
    appositive: _Candidate | None = None
    """The person whose appositive (``X, a spokeswoman for Y,``) is being read."""
    appositive_words: int = 0
    chains: list[tuple[int, str]] = field(default_factory=list)

    def new_sentence(self) -> None:
        """Forget the current sentence."""
        self.oblique, self.previous, self.pronoun_first = False, "", False
        self.people, self.appositive = [], None


def scan_people(text: str, paras: tuple[Span, ...], found: list[Found], speakers: Sequence[Spoken]) -> People:
    """Collect the people named in the reporter's text, paragraph by paragraph (bounded per article)."""
    tops = [(f.open, f.after) for f in found if not f.nested]
    candidates: list[_Candidate] = []
    chains: list[tuple[int, str]] = []
    headline: list[_Candidate] = []
    j, budget = 0, MAX_SCANNED_TOKENS
    for span in paras:
        out = headline if _all_capitalised(text[span.start : span.end]) else candidates
        state = _ScanState(chains=chains)
        for match in TOKEN.finditer(text, span.start, span.end):
            budget -= 1
            if budget < 0:
                break
            while j < len(tops) and tops[j][1] <= match.start():
                j += 1
            inside = j < len(tops) and tops[j][0] <= match.start() + 1 and match.end() <= tops[j][1] + 1
            _scan_token(text, match, inside, state, out)
        _flush(text, state, "", out)
    written = {c.text for c in candidates}
    candidates += [stretch for c in headline if (stretch := _known_stretch(text, c, written)) is not None]
    candidates.sort(key=lambda c: c.pos)
    return _people(candidates, speakers, chains)


HEADLINE_MIN_WORDS = 4
"""Words from which a paragraph that capitalises every word is a headline (``Understated Perez Raises …``)."""


def _all_capitalised(paragraph: str) -> bool:
    """Tell whether a paragraph capitalises every word and ends without a full stop: a headline."""
    count = 0
    for raw in paragraph.split():
        word = raw.strip(TOKEN_EDGE)
        if word[:1].isalpha():
            if not word[0].isupper():
                return False  # prose: stop at its first lower-case word
            count += 1
    stripped = paragraph.rstrip().rstrip("".join(MARK_CHARS))
    ended = stripped[-1:] in SENTENCE_END_CHARS and stripped[-1:] != "?"
    return count >= HEADLINE_MIN_WORDS and not ended


def _known_stretch(text: str, candidate: _Candidate, written: set[str]) -> _Candidate | None:
    """Return the longest stretch of a headline's run of capitals that the body writes as a name."""
    words = candidate.text.split()
    for size in range(len(words), 0, -1):
        for begin in range(len(words) - size + 1):
            stretch = " ".join(words[begin : begin + size])
            if stretch in written:
                pos = text.find(stretch, candidate.pos)
                return _Candidate(pos, stretch, candidate.oblique, size, candidate.titled, candidate.gender)
    return None


@dataclass(frozen=True, slots=True)
class _TokenInfo:
    """What the names scan reads from one token, wherever it stands (see ``_token_info``)."""

    word: str
    """The token without edge punctuation."""
    offset: int
    """Where ``word`` starts in the token."""
    low: str
    opens_run: bool
    """The word may start a run of name words."""
    extends_run: bool
    """The word may continue a run of name words."""
    dotted: bool
    """The token ends with a full stop (closing marks aside)."""
    closes_run: bool
    """The word ends its run: a possessive, or punctuation follows it."""
    comma: bool
    oblique: bool
    pronoun: bool
    """The word is a gendered pronoun."""
    clause_break: bool
    """A comma, semicolon, colon or dash ends a clause part here."""
    sentence_end: bool


@lru_cache(maxsize=1 << 16)
def _token_info(raw: str) -> _TokenInfo | None:
    """Read one token for the names scan, or ``None`` when it holds no word."""
    word = raw.strip(TOKEN_EDGE)
    if not word:
        return None
    low = word.lower().rstrip(".")
    tail = raw[raw.rindex(word) + len(word) :]
    ends = tail.rstrip("".join(MARK_CHARS) + ")]")[-1:]
    return _TokenInfo(
        word=word,
        offset=raw.index(word),
        low=low,
        opens_run=_run_word(word, low, False),
        extends_run=_run_word(word, low, True) or word == "May",  # ``Theresa May``
        dotted=raw.rstrip("".join(MARK_CHARS)).endswith("."),
        closes_run=possessive(word) or not (raw.endswith(word) or _initial(raw, word)),
        comma=raw.endswith(","),
        oblique=low in OBLIQUE_WORDS,
        pronoun=low in FEMININE_PRONOUNS or low in MASCULINE_PRONOUNS,
        clause_break=any(mark in tail for mark in ",;:") or raw in DASHES or raw in ("-", "--"),
        sentence_end=ends in SENTENCE_END_CHARS and not (ends == "." and (low in ABBREVIATIONS or len(word) == 1)),
    )


def _initial(raw: str, word: str) -> bool:
    """Tell whether a token is a middle initial (``D.`` in ``Ernest D. Coursey``), which keeps its run open."""
    return len(word) == 1 and word.isupper() and raw == word + "."


def _scan_token(text: str, match: re.Match[str], inside: bool, state: _ScanState, out: list[_Candidate]) -> None:
    """Read one token of the names scan: extend or close a run of name words, note clause cues."""
    info = None if inside else _token_info(match.group())
    if info is None:
        _flush(text, state, "", out)
        state.oblique, state.appositive = False, None
        return
    low = info.low
    surname = bool(state.run) and low in SURNAME_TITLES and given_name_word(state.run[-1][0])
    if surname or (info.extends_run if state.run else info.opens_run):
        begin = match.start() + info.offset
        if not state.run:
            state.before = state.previous
        state.run.append((info.word, begin, begin + len(info.word)))
        if len(state.run) == 1 and not state.previous and info.dotted:
            state.run = []
        elif info.closes_run:
            _flush(text, state, "", out)
            state.appositive = state.people[-1] if info.comma and state.people else None
            state.appositive_words = 0
    else:
        if state.run:
            _flush(text, state, low, out)
        if state.appositive is not None:
            _appositive_evidence(low, state)
        if info.pronoun:
            _pronoun_evidence(match.start() + info.offset, low, state)
        state.oblique = state.oblique or (info.oblique and not _in_title(low, state.previous))
    state.previous = low
    _boundaries(info, state)


def _in_title(low: str, previous: str) -> bool:
    """Tell whether ``of``/``for`` continues a title (``the Leader of the Labour Party Keir Starmer``)."""
    return low in ("of", "for") and (is_title_token(previous) or previous in ROLE_NOUNS)


def _run_word(word: str, low: str, extending: bool) -> bool:
    """Tell whether a word may belong to a person's name in running text."""
    if low in NAME_PARTICLES and not word[:1].isupper():
        return extending
    return is_name_word(word) and not is_title_token(low) and low not in NOT_IN_NAMES


def _boundaries(info: _TokenInfo, state: _ScanState) -> None:
    """Start a new clause part after a comma or dash, and a new sentence after a full stop."""
    if info.clause_break:
        state.oblique = False
        if state.appositive is not None and state.appositive_words:
            state.appositive = None
    if info.sentence_end:
        state.new_sentence()


def _appositive_evidence(low: str, state: _ScanState) -> None:
    """Give a person the gender of the noun heading the appositive after their name (``X, a spokeswoman``)."""
    person = state.appositive
    if person is None:
        return
    if low == "who" and not state.appositive_words:
        person.oblique = False  # ``contrasted with X, who was moved``: X is who the text goes on about
    state.appositive_words += 1
    opened = state.appositive_words > 1 or low in ("a", "an", "the")
    if not opened or low in OBLIQUE_WORDS or state.appositive_words > MAX_ROLE_WORDS:
        state.appositive = None
    elif not person.gender:
        person.gender = gender_of_words(low)


def _pronoun_evidence(pos: int, low: str, state: _ScanState) -> None:
    """Give the person just named in this sentence the gender of a pronoun after the name, or start a chain."""
    gender = "f" if low in FEMININE_PRONOUNS else "m" if low in MASCULINE_PRONOUNS else ""
    if not gender:
        return
    if not state.people or state.pronoun_first:
        state.pronoun_first = True
        state.chains.append((pos, gender))
    elif not state.people[-1].gender and state.people[-1].subject and low in EVIDENCE_PRONOUNS:
        state.people[-1].gender = gender


def _flush(text: str, state: _ScanState, following: str, out: list[_Candidate]) -> None:
    """Close the current run of name words and keep it when it reads as a person's name."""
    run, state.run = state.run, []
    while run and run[-1][0].lower() in NAME_PARTICLES:
        run.pop()
    if not run or following in ORG_WORDS or following in MEDIA_WORDS or run[-1][0].lower() in PLACE_HEADS:
        return
    if state.before in CORE_DETERMINERS or possessive(state.before) or is_acronym(run[0][0]):
        return
    written = text[run[0][1] : run[-1][2]]
    written = re.sub(r"['’]s?$", "", written) if possessive(run[-1][0]) else written
    titled = is_title_token(state.before) or state.before in ROLE_NOUNS
    gender = gender_of_words(state.before)
    words = sum(1 for k, (w, _, _) in enumerate(run) if w.lower() not in NAME_PARTICLES or (k == 0 and _given(w)))
    modifier = is_title_token(following) or following in ROLE_NOUNS or following in TITLE_WORDS  # ``Acme CEO X``
    oblique = state.oblique or modifier
    candidate = _Candidate(run[0][1], written, oblique, words, titled, gender, state.before if titled else "")
    candidate.subject = not state.oblique and not possessive(run[-1][0])  # not ``Trump's support …, she says``
    out.append(candidate)
    state.people.append(candidate)


def _people(candidates: list[_Candidate], speakers: Sequence[Spoken], chains: list[tuple[int, str]]) -> People:
    """Keep the scanned names that are people: full names, titled names, or surnames of those."""
    known = {surname_key(c.text) for c in candidates if c.words > 1 or c.titled}
    known |= {surname_key(m.who.text) for m in speakers if m.who.kind == "name"}
    genders: dict[str, str] = {}
    named = []
    for c in candidates:
        if c.words > 1 or c.titled or surname_key(c.text) in known:
            named.append(Named(c.pos, Who(c.text, "name"), c.oblique, c.title))
            if c.gender:
                note_gender(genders, c.text, c.gender)
    for c in candidates:  # ``Trump`` alone is as male as the ``Donald Trump`` the article names
        words = c.text.split()
        given = words[0].lower() if c.words > 1 else ""
        told = c.gender or ("f" if given in FEMININE_GIVEN_NAMES else "m" if given in MASCULINE_GIVEN_NAMES else "")
        if told:
            note_gender(genders, words[-1], told)
    return People(named, genders, frozenset(known), chains)


def _given(word: str) -> bool:
    """Tell whether a word that may be a particle opens a name as its given name (``Ben Carson``, ``Al Gore``)."""
    return word[:1].isupper() and word.lower() in GIVEN_NAME_PARTICLES


GIVEN_NAME_PARTICLES = frozenset({"ben", "al", "abu", "abd", "abdul", "van"})
"""Particles that are given names too when they open a name (not ``As``, ``De``, ``La``)."""


def note_gender(genders: dict[str, str], name: str, gender: str) -> None:
    """Record a person's gender under their lower-case name; conflicting evidence leaves it unknown."""
    key = name.lower()
    told = genders.get(key)
    genders[key] = gender if told in (None, gender) else "?"


def gender_of_words(text: str) -> str:
    """Return the gender that honorifics or nouns in ``text`` tell (``Ms``, ``spokeswoman``), if one."""
    lows = {w.strip(TOKEN_EDGE).lower().rstrip(".") for w in text.split()}
    female, male = bool(lows & FEMININE_WORDS), bool(lows & MASCULINE_WORDS)
    return "f" if female and not male else "m" if male and not female else ""


def surname_key(name: str) -> str:
    """Return a comparable key for a name's last word (``al-Araji`` → ``araji``)."""
    parts = name.rsplit(None, 1)
    last = parts[-1].lower() if parts else ""
    for prefix in NAME_PREFIXES:
        if last.startswith(prefix):
            last = last[len(prefix) :]
    return last.replace("’", "").replace("'", "")
