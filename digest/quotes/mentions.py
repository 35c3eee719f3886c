"""Speakers and people named earlier in an article, for ``he``, ``the official`` and surnames alone."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from digest.text.grammar import (
    FEMININE_PRONOUNS,
    INDEFINITE,
    MASCULINE_PRONOUNS,
    PERSON_PRONOUNS,
)
from digest.text.marks import TOKEN_EDGE
from digest.text.organisations import MEDIA_WORDS, ORG_WORDS
from digest.text.personal_names import FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES
from digest.text.places import PLACE_HEADS, PLACE_NAMES
from digest.text.titles import SINGLE_OFFICES, VAGUE_PERSON_NOUNS

from ..models import Span
from .context import sentence_end_in, sentence_start
from .limits import (
    BACKREF_STEPS,
    LEFT_WINDOW,
    MAX_MENTIONS,
    PRONOUN_CHAIN_STEPS,
    PRONOUN_SENTENCES,
    RIGHT_WINDOW,
)
from .marks import Found
from .people import People, gender_of_words, note_gender, surname_key
from .phrases import (
    CONCRETE,
    Who,
    cut_at_stop,
    cut_relative,
    head_noun,
)
from .verbs import reporting_verbs, verb_speaker, with_relay

# ---------------------------------------------------------------- earlier speakers

_PERSONAL = FEMININE_PRONOUNS | MASCULINE_PRONOUNS
"""Pronouns that refer to one person (``he``, ``her``)."""


@dataclass(frozen=True, slots=True)
class _Mention:
    """A speaker named at some position of the article."""

    pos: int
    who: Who


class Mentions:
    """Speakers and people named so far, for ``he``, ``the official`` and ``the statement``."""

    def __init__(self, scanned: list[_Mention], people: People, text: str, paras: tuple[Span, ...]) -> None:
        self._scanned = scanned
        self._positions = [m.pos for m in scanned]
        self._added: list[_Mention] = []
        self._named = people.named
        self._named_positions = [n.pos for n in people.named]
        self._chains = people.chains
        self._chain_positions = [c[0] for c in people.chains]
        self._genders = dict(people.genders)
        self._known = people.known
        self._text = text
        self._paras = paras
        self._para_starts = [p.start for p in paras]
        self._first: dict[str, int] = {}
        self._roles: dict[str, str] = {}
        for named in people.named:
            key = surname_key(named.who.text)
            self._first.setdefault(key, named.pos)
            self._roles[key] = f"{self._roles.get(key, '')} {named.title}".lower()

    def add(self, pos: int, who: Who) -> None:
        """Record a speaker a quotation was attributed to."""
        self._added.append(_Mention(pos, who))

    def recent(self, pos: int) -> Iterator[_Mention]:
        """Yield the mentions before ``pos``, newest first, up to a fixed number."""
        i = bisect.bisect_left(self._positions, pos) - 1
        j = len(self._added) - 1
        while j >= 0 and self._added[j].pos >= pos:
            j -= 1
        for _ in range(BACKREF_STEPS):
            if i < 0 and j < 0:
                return
            if j < 0 or (i >= 0 and self._scanned[i].pos > self._added[j].pos):
                yield self._scanned[i]
                i -= 1
            else:
                yield self._added[j]
                j -= 1

    def find(self, pos: int, test: Callable[[Who], bool]) -> Who | None:
        """Return the newest mention before ``pos`` that passes ``test``."""
        return next((m.who for m in self.recent(pos) if test(m.who)), None)

    def introducer(self, open_pos: int) -> Who | None:
        """Return the person the sentence before reports as speaking last, for a quotation standing as a sentence.

        ``Carter said the US would stay in the region. / “That’s because …”`` and ``X agreed.
        “…”``: a quotation standing alone as a sentence goes on with the speaker the sentence just
        before it reports, in its own paragraph or at the end of the one before. Only a person,
        named or described (``X's administration agreed to ...`` reports no speech).
        """
        k = bisect.bisect_right(self._para_starts, open_pos) - 1
        if k < 0:
            return None
        end = open_pos if self._text[self._paras[k].start : open_pos].strip() else None
        if end is None and k < 1:
            return None
        para = self._paras[k] if end is not None else self._paras[k - 1]
        end = para.end if end is None else end
        lo = max(para.start, end - LEFT_WINDOW)
        start = lo + sentence_start(self._text[lo:end].rstrip())
        found = [m.who for m in self._scanned_between(start, end) if m.who.kind in ("name", "description")]
        return found[-1] if found else self._pronoun_introducer(start, end)

    def _pronoun_introducer(self, start: int, end: int) -> Who | None:
        """Return whom ``he`` or ``she`` reported speaking in a sentence means (``she said she had …. “…”``)."""
        sentence = self._text[start:end]
        verbs = list(reporting_verbs(sentence))
        if not verbs:
            return None
        verb = verbs[-1]
        clause = sentence[: verb.start()]
        who = verb_speaker(clause[sentence_start(clause) :], verb.group(), sentence[verb.end() :])
        if who is None or who.kind != "pronoun" or who.text.lower() not in PERSON_PRONOUNS:
            return None
        resolved = resolve_reference(who, start + verb.start(), self)
        return resolved if resolved is not None and resolved.kind in ("name", "description") else None

    def goes_on_about(self, who: Who, start: int, end: int) -> bool:
        """Tell whether the reporter's text between two positions tells of one speaker only, and of ``who``.

        ``“…,” says X. X supports Y in the race. “…”``: the sentences between two quotations
        refer to the speaker of the first (by surname or ``he``/``she``) and report nobody speaking.
        """
        if self._scanned_between(start, end):
            return False
        words = {w.strip(TOKEN_EDGE).lower() for w in self._text[start:end].split()}
        return surname_key(who.text) in {surname_key(w) for w in words} or bool(words & _PERSONAL)

    def _scanned_between(self, start: int, end: int) -> list[_Mention]:
        """Return the speakers named with a reporting verb between two positions."""
        i = bisect.bisect_left(self._positions, start)
        j = bisect.bisect_left(self._positions, end)
        return self._scanned[i:j]

    def known(self, name: str) -> bool:
        """Tell whether a one-word name is the surname of someone named in full in the article."""
        return surname_key(name) in self._known

    def gender(self, who: Who) -> str:
        """Return ``f`` or ``m`` when the article tells a person's gender, else an empty string."""
        told = self._genders.get(who.text.lower(), "")
        if told in ("f", "m"):
            return told
        return _given_name_gender(who) or gender_of_words(f"{who.text} {who.role or ''}")

    def note_gender(self, who: Who, gender: str) -> None:
        """Remember that a pronoun of ``gender`` referred to ``who``; conflicting evidence cancels out."""
        if gender:
            note_gender(self._genders, who.text, gender)

    def antecedent(self, anchor: int, gender: str, depth: int = 0) -> Who | None:
        """Return the person named in the last few sentences that ``he``/``she`` at ``anchor`` means.

        The anchor's own sentence is searched first, then the sentences before it, newest
        first; within one sentence the first person named outside a prepositional phrase (the
        subject) wins. A pronoun of the same gender written before any name of its sentence
        continues an earlier chain (``Her lawyer, X, ...``): it wins over the names after it and
        is itself resolved the same way. People whose gender the article tells otherwise,
        organisations and groups never match.
        """
        starts = self._sentence_starts(anchor)
        events = self._events(starts[-1], anchor, gender)
        chained = depth >= PRONOUN_CHAIN_STEPS
        for low, high in zip(starts, [anchor, *starts], strict=False):
            speaker = self._sentence_speaker(events, low, high, gender)
            if speaker is not None:
                return speaker
            for pos, who, _ in events:
                if not low <= pos < high or (who is None and chained):
                    continue
                if who is None:
                    chained = True
                    found = self.antecedent(pos, gender, depth + 1)
                    if found is not None:
                        return found
                elif self.fits(who, gender):
                    return who
        return None

    def _sentence_speaker(
        self, events: list[tuple[int, Who | None, bool]], low: int, high: int, gender: str
    ) -> Who | None:
        """Return the one person of ``gender`` a sentence reports as speaking, if it reports exactly one.

        ``Trump’s accusation … had imperiled US troops, Biden said. “…,” he said.``: the sentence is
        what Biden said, so ``he`` is Biden, not the first person it names.
        """
        found = {who.text: who for pos, who, spoke in events if spoke and who is not None and low <= pos < high}
        fitting = [who for who in found.values() if self.fits(who, gender)]
        return fitting[0] if len(fitting) == 1 else None

    def _events(self, start: int, anchor: int, gender: str) -> list[tuple[int, Who | None, bool]]:
        """Return the speakers (flagged), people and chain pronouns (``None``) of ``gender`` between two positions."""
        events: list[tuple[int, Who | None, bool]] = [
            (m.pos, m.who, True) for m in self.recent(anchor) if m.pos >= start
        ]
        i = bisect.bisect_left(self._named_positions, start)
        stop = bisect.bisect_left(self._named_positions, anchor)
        events += [(n.pos, n.who, False) for n in self._named[i : min(stop, i + BACKREF_STEPS)] if not n.oblique]
        k = bisect.bisect_left(self._chain_positions, start)
        stop = bisect.bisect_left(self._chain_positions, anchor)
        events += [(pos, None, False) for pos, told in self._chains[k : min(stop, k + BACKREF_STEPS)] if told == gender]
        events.sort(key=lambda e: e[0])
        return events

    def salient(self, gender: str, role: str = "") -> Who | None:
        """Return the person the article names most often (first named on a tie), when a local search found none.

        News copy refers back to its main subject over long stretches (``She said: ...`` three
        paragraphs after the name). With ``role``, only people written with that role word
        (``President X`` for ``the president``) count, when any is.
        """
        counts: dict[str, int] = {}
        fullest: dict[str, Who] = {}
        for named in self._named:
            if not self.fits(named.who, gender):
                continue
            key = surname_key(named.who.text)
            counts[key] = counts.get(key, 0) + 1
            if len(named.who.text) > len(fullest.get(key, named.who).text) or key not in fullest:
                fullest[key] = named.who
        titled = {k for k in counts if role and role in self._roles.get(k, "")}
        pool = titled or set(counts)
        if not pool:
            return None
        best = max(pool, key=lambda k: (counts[k], -self._first[k]))
        return fullest[best]

    def fits(self, who: Who, gender: str) -> bool:
        """Tell whether a mention can be the one person a pronoun of ``gender`` refers to."""
        if not _is_single_person(who):
            return False
        told = self.gender(who)
        return not gender or not told or told == gender

    def _sentence_starts(self, anchor: int) -> list[int]:
        """Return where ``anchor``'s sentence and the few sentences before it start, newest first."""
        k = bisect.bisect_right(self._para_starts, anchor) - 1
        starts: list[int] = []
        end = anchor
        for _ in range(2 * PRONOUN_SENTENCES):
            if k < 0 or len(starts) >= PRONOUN_SENTENCES:
                break
            para = self._paras[k]
            lo = max(para.start, end - LEFT_WINDOW)
            window = self._text[lo:end]
            if not window.strip():
                starts += [] if starts else [end]
                k -= 1
                end = self._paras[k].end if k >= 0 else end
                continue
            end = lo + sentence_start(window.rstrip() if starts else window)
            starts.append(end)
        return starts or [anchor]


def scan_mentions(text: str, paras: tuple[Span, ...], found: list[Found]) -> list[_Mention]:
    """Collect speakers named with a reporting verb outside quotations (bounded per article)."""
    tops = [(f.open, f.after) for f in found if not f.nested]
    out: list[_Mention] = []
    j, budget = 0, MAX_MENTIONS
    for span in paras:
        for verb in reporting_verbs(text, span.start, span.end):
            pos = verb.start()
            while j < len(tops) and tops[j][1] <= pos:
                j += 1
            if j < len(tops) and tops[j][0] <= pos:
                continue
            budget -= 1
            if budget < 0:
                return out
            floor = tops[j - 1][1] if j else 0
            left = text[max(span.start, pos - LEFT_WINDOW, floor) : pos]
            clause = left[sentence_start(left) :]
            after = text[verb.end() : min(span.end, verb.end() + RIGHT_WINDOW)]
            who = verb_speaker(clause, verb.group(), after[: sentence_end_in(after)])
            if who is not None and who.kind == "generic":
                who = _generic_mention(who, out)
            if who is not None and who.kind in CONCRETE:
                out.append(_Mention(pos, with_relay(who, verb.group(), after) or who))
    return out


def _generic_mention(who: Who, earlier: list[_Mention]) -> Who:
    """Return whom ``The president said`` names: the person an earlier mention gave that office, else the office.

    Kept as a mention either way, so that a pronoun after it (``…,” he told reporters``) means
    the one just reported speaking, not a person named before.
    """
    head = who.text.lower().rsplit(None, 1)[-1]
    for mention in reversed(earlier[-BACKREF_STEPS:]):
        if mention.who.kind != "org" and head in f"{mention.who.text} {mention.who.role or ''}".lower():
            return mention.who
    return replace(who, kind="description")


def _is_single_person(who: Who) -> bool:
    """Tell whether a mention is one person: a name or a description, not an organisation or a group."""
    if who.kind not in ("name", "description"):
        return False
    words = [w.strip(TOKEN_EDGE).lower() for w in cut_at_stop(cut_relative(who.text)).split()]
    head = head_noun(words) if who.kind == "description" else None
    if head is not None:
        return not _plural(head)
    last = words[-1] if words else ""
    if " ".join(words) in PLACE_NAMES or last in MEDIA_WORDS:
        return False  # ``in St. Clairsville, Ohio``, ``an interview with CBS News``
    return last not in ORG_WORDS and last not in PLACE_HEADS and not (who.kind == "description" and _plural(last))


def _given_name_gender(who: Who) -> str:
    """Return the gender a person's given name tells (``Brenda Johnson``: ``f``), if it tells one."""
    words = who.text.split()
    if who.kind != "name" or len(words) < 2:
        return ""
    first = words[0].lower()
    return "f" if first in FEMININE_GIVEN_NAMES else "m" if first in MASCULINE_GIVEN_NAMES else ""


def _plural(noun: str) -> bool:
    """Tell whether a head noun is plural (``officials``, ``residents``, ``spokesmen``)."""
    return (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))) or noun.endswith("men")


def resolve_reference(who: Who | None, pos: int, mentions: Mentions, anchor: int | None = None) -> Who | None:
    """Replace ``he``, ``the official`` or ``the statement`` by the speaker it refers back to."""
    if who is None or who.kind in CONCRETE:
        return _with_inherited_role(who, pos, mentions)
    found: Who | None = None
    via = ""
    low = who.text.lower()
    if who.kind == "pronoun":
        found, via = _pronoun_antecedent(low, pos if anchor is None else anchor, mentions)
    elif who.kind == "generic":
        head = low.rsplit(None, 1)[-1]
        found, via = mentions.find(pos, lambda m: _is_person(m) and head in (m.role or "").lower()), "office"
        if found is None and head in VAGUE_PERSON_NOUNS:
            found, via = mentions.find(pos, _is_person), "earlier"
    elif who.kind in ("role", "description") and (office := _office(low)):
        found, via = mentions.find(pos, lambda m: _is_person(m) and office in (m.role or "").lower()), "office"
        if found is None:
            found, via = mentions.salient("", office), "salient"
    elif who.kind == "statement":
        found = mentions.find(pos, lambda m: m.issuer) or mentions.find(pos, lambda m: m.kind == "org")
        via = "issuer"
    if found is None:
        return who if who.kind == "generic" else None
    resolved = replace(found, issuer=False, reported_by=who.reported_by, via=via)
    return _with_inherited_role(resolved, pos, mentions)


def _pronoun_antecedent(low: str, anchor: int, mentions: Mentions) -> tuple[Who | None, str]:
    """Return who a pronoun refers to, and how: a person named just before, an earlier speaker, the main person."""
    if low and low not in PERSON_PRONOUNS:
        return mentions.find(anchor, _pronoun_test(low)), "earlier"
    gender = "f" if low in FEMININE_PRONOUNS else "m" if low else ""  # "": a subject the verb implies
    found, via = mentions.antecedent(anchor, gender), "pronoun"
    if found is None and gender:
        found, via = mentions.salient(gender), "salient"
    if found is None:
        found, via = mentions.find(anchor, lambda m: mentions.fits(m, gender)), "earlier"
    if found is None:
        found, via = mentions.salient(gender), "salient"
    if found is not None:
        mentions.note_gender(found, gender)
    return found, via


def _pronoun_test(low: str) -> Callable[[Who], bool]:
    """Return which earlier speakers a pronoun other than ``he``/``she`` may refer to."""
    if low == "it":
        return lambda m: m.kind == "org"
    return lambda m: m.kind in CONCRETE


def _office(low: str) -> str | None:
    """The office a role phrase names when it means one known person (``Turkey's president``): its head word."""
    words = [w.strip(TOKEN_EDGE) for w in low.split()]
    if not words or words[0] in INDEFINITE or _plural(words[-1]):
        return None
    head = head_noun(words)
    return head if head in SINGLE_OFFICES else None


def _is_person(who: Who) -> bool:
    """Tell whether a mention names or describes a person."""
    return who.kind in ("name", "description")


def _with_inherited_role(who: Who | None, pos: int, mentions: Mentions) -> Who | None:
    """Give a bare surname the role written with the same person's earlier, fuller mention."""
    if who is None or who.kind != "name" or who.role:
        return who
    key = surname_key(who.text)
    earlier = mentions.find(pos, lambda m: m.kind == "name" and bool(m.role) and surname_key(m.text) == key)
    return replace(who, role=earlier.role) if earlier is not None else who
