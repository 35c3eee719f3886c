"""Reading a speaker phrase (``the Iraqi foreign minister``, ``he``, ``Maan``) into who it names."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from digest.text.grammar import (
    ADVERBIAL_OPENERS,
    APPOSITIVE_OPENERS,
    CONJUNCTIONS,
    CORE_DETERMINERS,
    FUNCTION_WORDS,
    INDEFINITE,
    INDEFINITE_PRONOUNS,
    IRREGULAR_PASTS,
    NP_STOP_WORDS,
    PARTICIPLE_FOLLOWERS,
    PLACE_PREPOSITIONS,
    PREPOSITIONS,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    RELATIVE_WORDS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    VERB_SIGNS,
)
from digest.text.marks import TOKEN_EDGE
from digest.text.organisations import ORG_WORDS, STATEMENT_NOUNS
from digest.text.personal_names import AGE_PREFIX, INITIALS, KNOWN_AS, PARTY_TAG_PART, TRAILING_PARTY_TAG
from digest.text.places import PLACE_HEADS
from digest.text.reporting import (
    DASHED_ASIDE,
    DATELINE_PLACE,
    DATELINE_SEPARATORS,
    HEADLINE_KICKERS,
    OBJECT_RELATIVE,
    PARTICIPLE_SUFFIX,
    STATEMENT_BY,
    SUBJECT_BOUNDS,
    TRAILING_ACRONYM,
    TRAILING_TIME,
)
from digest.text.titles import COURTESY_TITLES, ROLE_NOUNS, VAGUE_PERSON_NOUNS
from digest.text.tokens import is_acronym

from .context import sentence_end_in
from .limits import MAX_DESCRIPTION_WORDS, MAX_PLACE_WORDS, MAX_ROLE_WORDS, MAX_SPEAKER_WORDS
from .names import (
    Token,
    droppable_before_verb,
    name_start,
    phrase_tokens,
    possessive,
    relative_word,
    title_prefix,
    verbal_token,
)

# ---------------------------------------------------------------- speaker phrases


@dataclass(frozen=True, slots=True)
class Who:
    """A speaker phrase as written, what sort of phrase it is, and what came with it."""

    text: str
    kind: str
    """``name``, ``org``, ``description``, ``generic`` (``the official``), ``pronoun``, ``statement``,
    ``role``, ``adverbial`` or ``clause``."""
    role: str | None = None
    issuer: bool = False
    reported_by: str | None = None
    via: str = ""
    """How a pronoun or description was resolved to this speaker: ``pronoun`` (a person just named),
    ``earlier`` (an earlier speaker), ``salient`` (the person the article names most), ``office``
    (a person written with that title), ``issuer`` (who issued the statement); empty when written."""


CONCRETE = frozenset({"name", "org", "description"})
NOMINAL = frozenset({"name", "org", "description", "generic", "pronoun", "statement", "role"})
_ROLE_LIKE = frozenset({"description", "role", "generic"})


def _strip_conjunction(part: str) -> str:
    """Drop conjunctions that open a clause (``And the joint operations``)."""
    part = part.strip()
    for _ in range(2):
        head, _, rest = part.partition(" ")
        if head.lower() not in CONJUNCTIONS or not rest:
            break
        part = rest.strip()
    return part


def cut_relative(part: str) -> str:
    """Cut a role before a relative clause (``the spokesman for X which oversees ...``)."""
    for word, begin, _ in phrase_tokens(part):
        if relative_word(word) and begin > 0:
            return part[:begin].rstrip(" ,")
    return part


def _cut_at_verb(part: str) -> str:
    """Cut a phrase where a verb follows the name it opens with (``The EFC limited itself to``)."""
    tokens = phrase_tokens(part)
    for k in range(1, min(len(tokens), MAX_SPEAKER_WORDS)):
        word, previous = tokens[k][0], tokens[k - 1][0]
        following = tokens[k + 1][0].lower() if k + 1 < len(tokens) else ""
        if role_noun(previous.lower()):
            named = following not in PARTICIPLE_FOLLOWERS  # ``the president rejected``, not ``residents displaced by``
        else:
            named = previous[:1].isupper() or previous.lower() in ORG_WORDS
        if named and word[:1].islower() and verb_like(word.lower(), following):
            return TRAILING_ACRONYM.sub("", part[: tokens[k][1]].rstrip())
        if named and _adverb(word) and (following.endswith("ed") or verb_like(following, _word_at(tokens, k + 2))):
            return TRAILING_ACRONYM.sub("", part[: tokens[k][1]].rstrip())  # ``Kasich jokingly offered the``
    return part


def _adverb(word: str) -> bool:
    """Tell whether a lower-case word is an adverb of manner (``jokingly``, ``passionately``)."""
    return word.islower() and word.endswith("ly") and len(word) > 4


def _word_at(tokens: list[Token], index: int) -> str:
    """Return the lower-case word at ``index``, or an empty string past the end."""
    return tokens[index][0].lower() if index < len(tokens) else ""


def verb_like(low: str, following: str) -> bool:
    """Tell whether a lower-case word after a name is its verb (``rejected the``, ``didn't``), not a noun."""
    if "n't" in low or "n’t" in low or low in IRREGULAR_PASTS:
        return True
    if not low.endswith("ed") or len(low) <= 3 or low in ROLE_NOUNS:
        return False
    return not following or following in FUNCTION_WORDS or following in REFLEXIVES


def _participle_clause(tokens: list[Token]) -> bool:
    """Tell whether a phrase is a participle clause (``speaking after talks with X``), not a speaker.

    ``recalling weekly breakfasts with Mrs. X``: a participle opening three words or more is a
    clause too; two (``leading Republicans``) may be an adjective and its noun.
    """
    first = tokens[0][0]
    following = tokens[1][0].lower() if len(tokens) > 1 else ""
    if not (first[:1].islower() and first.endswith(PARTICIPLE_SUFFIX)):
        return False
    return following in FUNCTION_WORDS or (len(tokens) >= 3 and len(first) > 5)


@lru_cache(maxsize=1 << 14)
def classify_part(part: str) -> Who | None:
    """Classify a comma-separated phrase as name, organisation, role, pronoun, adverbial or clause (``X: ...`` is X)."""
    head, colon, tail = part.partition(": ")
    if colon and head.strip() and tail.strip():
        label = head.strip().lower().removeprefix("the ")
        if label not in HEADLINE_KICKERS:
            first = classify_part(head)
            if first is not None and first.kind in ("name", "org"):
                return first
        part = tail
    part = _strip_conjunction(part)
    alias = KNOWN_AS.match(part.strip())
    if alias is not None:  # ``the base chief known as Bob``
        return Who(alias.group("name"), "name", alias.group("description"))
    issuer = STATEMENT_BY.search(part)
    if issuer:
        org = cut_at_stop(issuer.group("issuer")).strip()
        if not org:
            return None
        named = classify_part(org)  # ``a post from Arianna Huffington``: a person
        return (
            replace(named, issuer=True) if named is not None and named.kind == "name" else Who(org, "org", issuer=True)
        )
    part = TRAILING_PARTY_TAG.sub("", TRAILING_TIME.sub("", _cut_at_verb(cut_relative(part))))
    named = _name_of_place(part)
    if named is not None:
        return named
    tokens = phrase_tokens(part)
    if not tokens:
        return None
    lows = [w.lower() for w, _, _ in tokens]
    if " ".join(lows) in INDEFINITE_PRONOUNS:
        return None
    if _participle_clause(tokens):
        return Who(part, "adverbial")  # ``noting the size of X's following``: an aside, whatever verb it holds
    if any(verbal_token(tokens, k) for k in range(len(tokens))) or len(tokens) > MAX_SPEAKER_WORDS:
        return Who(part, "clause")
    start = name_start(tokens)
    if start < len(tokens):
        name = part[tokens[start][1] : tokens[-1][2]]
        kind = "org" if lows[-1] in PLACE_HEADS else "name"
        return Who(name, kind, title_prefix(part, tokens, start) if kind == "name" else None)
    return _nominal(part, tokens, lows)


def _name_of_place(part: str) -> Who | None:
    """Read ``Gov. Phil Bryant of Mississippi`` and ``Ross Eisenbrey of the X Institute``: the person before ``of``."""
    head, of, rest = part.partition(" of ")
    if not of or not head.strip():
        return None
    who = classify_part(head)
    if who is None or who.kind != "name":
        return None
    organisation = rest.startswith("the ") and head.strip() == who.text  # ``Heiserman of the CORE Teachers``
    if len(who.text.split()) < 2 and not who.role and not _courtesy(head) and not organisation:
        return None
    return who


def _courtesy(phrase: str) -> bool:
    """Tell whether a phrase opens with a courtesy title (``Mr. Nevins``): it names a person."""
    first = phrase.split(None, 1)[0] if phrase.split() else ""
    return first.lower().rstrip(".") in COURTESY_TITLES


def _nominal(part: str, tokens: list[Token], lows: list[str]) -> Who | None:
    """Classify a phrase without a personal name: pronoun, statement, organisation, person or adverbial."""
    text = part[tokens[0][1] : tokens[-1][2]]
    first = lows[0]
    if len(lows) == 1 and first in SUBJECT_PRONOUNS:
        return Who(text, "pronoun")
    head = head_noun(lows)
    if head in STATEMENT_NOUNS and first in CORE_DETERMINERS:
        return Who(text, "statement" if len(lows) == 2 or lows[1] in ("same", "latest") else "org")
    if first in ADVERBIAL_OPENERS and first not in CORE_DETERMINERS:
        return Who(text, "adverbial")
    if head in ROLE_NOUNS:
        return Who(text, _person_kind(tokens, lows))
    if head in ORG_WORDS or any(is_acronym(w) for w, _, _ in tokens):
        return Who(text, "org")
    if first in ("the", "this") and all(w[:1].isupper() for w, _, _ in tokens[1:]) and len(tokens) > 1:
        return Who(text, "org")
    return None


def head_noun(lows: list[str]) -> str | None:
    """Return the last role, organisation or statement noun before the phrase's first preposition."""
    head = None
    for low in lows:
        if low in PREPOSITIONS or low in RELATIVE_WORDS or low == "and":
            break
        if low in ROLE_NOUNS or low in ORG_WORDS or low in STATEMENT_NOUNS:
            head = low
    return head


def _person_kind(tokens: list[Token], lows: list[str]) -> str:
    """Tell a back-reference (``the official``) from a description or a role written as an appositive."""
    first = lows[0]
    if possessive(tokens[0][0]):
        return "role"
    has_complement = any(low in PREPOSITIONS for low in lows) or any(possessive(w) for w, _, _ in tokens)
    if first in ("the", "this", "that") and len(lows) <= 4 and not has_complement:
        return "generic"
    return "description"


def cut_at_stop(text: str) -> str:
    """Cut a phrase written after its verb where the speaker's words end (``X in a statement``)."""
    for word, begin, _ in phrase_tokens(text):
        if word.lower() in NP_STOP_WORDS and word[:1].islower():
            return text[:begin]
    return text


def _strip_aux(clause: str) -> str:
    """Drop auxiliaries, adverbs and a time between a subject and its verb (``had also said``, ``on Monday said``)."""
    clause = TRAILING_TIME.sub("", clause.rstrip())
    for _ in range(4):
        head, _, last = clause.rpartition(" ")
        if not droppable_before_verb(last, head):
            break
        clause = head.rstrip()
    return clause


def after_dateline(clause: str) -> str:
    """Drop a dateline or outlet tag before a sentence (``Shafaq News/ The ...``)."""
    cut = max((clause.rfind(sep) + len(sep) for sep in DATELINE_SEPARATORS if sep in clause), default=0)
    place = DATELINE_PLACE.match(clause, cut)
    return clause[place.end() if place else cut :]


def subject_phrase(clause: str, strict: bool = False) -> Who | None:
    """Return the speaker phrase that ends a clause, i.e. the subject right before its verb.

    ``strict`` (for the words between a quote and its verb) refuses anything but a speaker phrase.
    """
    unclosed = not clause.rstrip().endswith(",")  # ``X, a top aide said``: the aide speaks, not X
    clause = after_dateline(DASHED_ASIDE.sub("", _strip_aux(clause))).rstrip(" ,")
    for bound in SUBJECT_BOUNDS:
        clause = clause.rsplit(bound, 1)[-1]
    subject = _object_relative_subject(clause)
    if subject is not None:
        return subject
    raw = [p.strip() for p in clause.split(",")]
    if unclosed and len(raw) > 1 and raw[-1].lower().startswith(("a ", "an ")):
        described = classify_part(raw[-1])
        vague = raw[-1].lower().split()[-1] in VAGUE_PERSON_NOUNS  # not ``X, a former senator said`` (a lost comma)
        if described is not None and described.kind in ("description", "generic") and vague:
            return described
    if len(raw) > 1 and raw[-1].lower() == "who":
        antecedent = _trailing_person(raw[-2])
        if antecedent is not None:
            return antecedent
    parts = [p for p in _outside_relative(raw) if p and not _aside(p)][-4:]
    whos = [classify_part(p) for p in parts]
    if parts and not strict:  # ``… grew so heated that Gov. Chris Christie`` (said): not the names before ``that``
        whos[-1] = _subordinate_subject(parts[-1]) or whos[-1]
    if len(whos) > 1 and whos[-1] is None and whos[-2] is not None and whos[-2].kind == "name":
        whos[-1] = _appositive(parts[-1])
    if strict:
        whos = [w or _loose_description(p) for w, p in zip(whos, parts, strict=True)]
        if any(w is None or w.kind == "clause" for w in whos):
            return None
    owner = _appositive_owner(parts, whos)
    if owner is not None:
        person = whos[owner]
        role = _role_text(whos[owner + 1]) or _role_text(_appositive(parts[owner + 1]))
        return replace(person, role=role or person.role) if person is not None else None
    found = [w for w in whos if w is not None]
    while found and found[-1].kind == "adverbial":
        found.pop()
    if not found:
        return None
    return _combine(found[-1], found[-2] if len(found) > 1 else None, None)


def _object_relative_subject(clause: str) -> Who | None:
    """Return the subject between a relative word and the verb (``…, which Mr. Trump`` called “a disgrace”)."""
    relative = OBJECT_RELATIVE.search(clause)
    if relative is None:
        return None
    words = [w.strip(TOKEN_EDGE) for w in relative.group("subject").split()]
    first, low = words[0], words[0].lower()
    titled = role_noun(low) and len(words) > 1 and words[1][:1].isupper()  # ``historian John Baick``
    if not (first[:1].isupper() or low in CORE_DETERMINERS or titled):
        return None  # ``who heads the union`` (told reporters): a relative clause with its own verb
    subject = classify_part(relative.group("subject"))
    return subject if subject is not None and subject.kind in CONCRETE else None


def _trailing_person(part: str) -> Who | None:
    """Return the person or organisation a clause ends on, before ``, who`` (``It came from X, who said``)."""
    words = part.split()
    found = None
    for size in range(1, min(len(words), MAX_TRAILING_WORDS) + 1):
        who = classify_part(" ".join(words[-size:]))
        if who is None:
            continue
        if who.kind not in CONCRETE:
            break
        found = who
    return found


MAX_TRAILING_WORDS = 8
"""Most words read back from ``, who`` for the person a relative clause is about."""


def _aside(part: str) -> bool:
    """Tell whether a comma part only adds an age or a party tag to the name before it (``67``, ``R-Ky.``)."""
    return part.isdigit() or PARTY_TAG_PART.match(part) is not None


def _outside_relative(parts: list[str]) -> list[str]:
    """Drop a relative clause's comma parts: the one opening with ``who`` and the ones after it.

    ``X, who served in Iran, Turkey and France, praised …``: the verb's subject is X; the
    relative clause runs on to the verb, so no part after it is the subject. After anything but
    a bare name (``Following the lead of Facebook, which …, Microsoft``) the relative part is
    dropped alone, and so is a part opening with ``that`` or ``when`` (``When asked, X said``).
    """
    out: list[str] = []
    for part in parts:
        word = part.split(None, 1)[0] if part.split() else ""
        first = word.lower() if relative_word(word) else ""
        if first in RELATIVE_PRONOUNS and out and _names_only(out[-1]):
            return out
        if first not in RELATIVE_WORDS:
            out.append(part)
    return out


def _names_only(part: str) -> bool:
    """Tell whether a comma part is nothing but a name, an organisation or a person (with its title)."""
    who = classify_part(part)
    if who is None or who.kind not in CONCRETE:
        return False
    written = _strip_conjunction(part).strip()
    titled = (who.role is not None and written.startswith(who.role)) or _courtesy(written)  # ``Mr. Slinker``
    return written == who.text or (titled and written.endswith(who.text))


def _subordinate_subject(part: str) -> Who | None:
    """Return the subject of a clause opened by a subordinator at the end of a longer part.

    ``The debate grew so heated that New Jersey Gov. Chris Christie`` (said): the words after the
    last ``that`` are the verb's subject when all of them read as a name (with its title), an
    organisation, a short description or a pronoun (not ``lights that formed the name Trump``).
    """
    tokens = phrase_tokens(part)
    cut = max((k for k, (w, _, _) in enumerate(tokens) if w.lower() in SUBORDINATORS and w[:1].islower()), default=-1)
    if cut < 0 or cut + 1 >= len(tokens) or len(tokens) - cut - 1 > MAX_DESCRIPTION_WORDS:
        return None
    rest = part[tokens[cut + 1][1] :].strip()
    who = classify_part(rest)
    if who is None or who.kind not in CONCRETE | {"pronoun"} or not rest.endswith(who.text):
        return None
    return who if rest == who.text or (who.role is not None and rest.startswith(who.role)) else None


def _appositive_owner(parts: list[str], whos: list[Who | None]) -> int | None:
    """Return the part naming the person that the parts after it describe (``X, an analyst at Y,``).

    ``X, a spokesman for the Z Convention,`` and ``X, 67, a retiree in Allentown, Pa.,``: the
    subject is the person named first, not the organisation or the place the appositive ends with.
    The person is a full name or a titled one opening its part; every later part reads as an appositive.
    """
    for k in range(len(parts) - 2, -1, -1):
        who = whos[k]
        if who is None or who.kind != "name":
            continue
        at = parts[k].find(who.text)
        prefix = _strip_conjunction(parts[k][: max(at, 0)]).strip()
        prefix = "" if prefix.lower() in CONJUNCTIONS else prefix  # ``But Tom Miller, at …,``
        courtesy = bool(prefix) and all(w.lower().rstrip(".") in COURTESY_TITLES for w in prefix.split())
        courtesy = courtesy or AGE_PREFIX.match(prefix) is not None  # ``81-year-old Parker Eaton``
        courtesy = courtesy or (bool(prefix) and all(INITIALS.match(w) for w in prefix.split()))  # ``J.J. X``
        titled = bool(prefix) and prefix.rstrip(".") == (who.role or "").rstrip(".")  # ``Rep. X of Y``
        if at >= 0 and prefix[:1].islower() and not titled:
            continue  # ``X, editor at large of The Forward, …``: a name inside an appositive
        if at < 0 or (prefix and not titled and not courtesy):
            return None  # ``In a letter to X, he wrote``: the name is inside a phrase
        described = k == 0 and not prefix and _opens_with_article(parts[1])  # ``Xinhua, the official …,``
        if len(who.text.split()) < 2 and not who.role and not courtesy and not described:
            return None
        if all(_describes(parts[j], parts[j - 1], whos[j]) for j in range(k + 1, len(parts))):
            return k
        return None
    return None


def _opens_with_article(part: str) -> bool:
    """Tell whether a comma part opens with an article (``the official Chinese news agency``)."""
    first = part.split(None, 1)[0].lower() if part.split() else ""
    return first in ("the", "a", "an")


def _describes(part: str, previous: str, who: Who | None) -> bool:
    """Tell whether a comma part after a name reads as its appositive, or the place ending the one before."""
    tokens = phrase_tokens(part)
    if not tokens or (who is not None and who.kind in ("pronoun", "statement")):
        return False
    if place_goes_on(part, previous):
        return True  # ``a retiree in Allentown, Pa.``
    if who is not None and who.kind in _ROLE_LIKE:
        return True
    if who is not None and who.kind == "name" and part.startswith(who.text):
        return False  # another person named
    first = tokens[0][0]
    low = first.lower()
    if low in APPOSITIVE_OPENERS or possessive(first):
        return True
    clause = low in VERB_SIGNS or low in RELATIVE_WORDS or low.endswith(PARTICIPLE_SUFFIX)
    return first[:1].islower() and not clause


def place_goes_on(part: str, previous: str) -> bool:
    """Tell whether a comma part only ends the place the part before named (``in Salem, New Hampshire``)."""
    tokens = phrase_tokens(part)
    capitalised = bool(tokens) and all(w[:1].isupper() for w, _, _ in tokens)
    return capitalised and len(tokens) <= MAX_PLACE_WORDS and _ends_in_place(previous)


def _ends_in_place(part: str) -> bool:
    """Tell whether a part ends with a preposition and capitalised words (``a retiree in Allentown``)."""
    tokens = phrase_tokens(part)
    i = len(tokens)
    while i > 0 and tokens[i - 1][0][:1].isupper():
        i -= 1
    return 0 < i < len(tokens) and tokens[i - 1][0].lower() in PLACE_PREPOSITIONS


def object_phrase(text: str) -> Who | None:
    """Return the speaker phrase written after its verb or a dash (``said X``, ``according to X``)."""
    for stop in (*";:!?()[]", " -- ", " — ", " – "):  # ``said pollster Whit Ayres -- author of …``
        text = text.split(stop, 1)[0]
    text = text[: sentence_end_in(text)].rstrip(". ")
    parts = [cut_at_stop(p).strip() for p in text.split(",")[:4] if not _aside(p.strip())][:3]
    if not parts or not parts[0]:
        return None
    raw = text.split(",", 1)[0]
    issued = (
        classify_part(raw) if STATEMENT_BY.search(raw) or KNOWN_AS.match(raw.strip()) else None
    )  # ``a post from X``
    first = issued or classify_part(parts[0]) or _description(parts[0])
    second = (classify_part(parts[1]) or _appositive(parts[1])) if len(parts) > 1 and parts[1] else None
    if first is None and second is not None and _named_after_description(parts[0], parts[1], second):
        return replace(second, role=parts[0])  # ``said another Twitter user, Johanna Bayer``
    if first is None:
        return None
    if first.kind in ("description", "role") and second is not None and second.kind == "name":
        return _combine(second, first, None)
    return _combine(first, None, second)


def _named_after_description(part: str, named: str, who: Who) -> bool:
    """Tell whether a short noun phrase with an article is followed by the full name it describes."""
    tokens = phrase_tokens(part)
    opens = bool(tokens) and (tokens[0][0].lower() in INDEFINITE or tokens[0][0].lower() in CORE_DETERMINERS)
    full = who.kind == "name" and len(who.text.split()) >= 2 and named.strip() == who.text
    return opens and len(tokens) <= MAX_DESCRIPTION_WORDS and full


def _description(part: str) -> Who | None:
    """Take a short lower-case noun phrase naming people after ``cited`` or ``according to`` as a description."""
    tokens = phrase_tokens(part)
    if not 1 <= len(tokens) <= 5 or not tokens[0][0][:1].islower() or tokens[0][0].lower() in NP_STOP_WORDS:
        return None
    if not role_noun(tokens[-1][0].lower()):
        return None
    return Who(part[tokens[0][1] : tokens[-1][2]], "description")


def role_noun(low: str) -> bool:
    """Tell whether a noun, singular or plural, names people (``witnesses``, ``spokesmen``)."""
    forms = (low, low.removesuffix("s"), low.removesuffix("es"), low.removesuffix("men") + "man")
    return any(form in ROLE_NOUNS for form in forms)


def _appositive(part: str) -> Who | None:
    """Take a phrase after a name that opens with an article or a possessive as its role (``a shopkeeper``)."""
    tokens = phrase_tokens(cut_relative(part))
    if not 2 <= len(tokens) <= MAX_ROLE_WORDS or any(w.lower() in VERB_SIGNS for w, _, _ in tokens):
        return None
    first = tokens[0][0]
    if first.lower() not in ("a", "an", "the") and not possessive(first):
        return None
    return Who(part[tokens[0][1] : tokens[-1][2]], "role")


def _loose_description(part: str) -> Who | None:
    """Take a short phrase right before ``said`` as a description (``Osama bin Laden's son``)."""
    tokens = phrase_tokens(part)
    if not 1 <= len(tokens) <= MAX_DESCRIPTION_WORDS:
        return None
    if any(w.lower() in VERB_SIGNS or w.lower() in FUNCTION_WORDS - CORE_DETERMINERS for w, _, _ in tokens[:1]):
        return None
    return Who(part[tokens[0][1] : tokens[-1][2]], "description")


def _combine(head: Who, before: Who | None, after: Who | None) -> Who | None:
    """Join a speaker phrase with the appositive written before or after it into name and role."""
    if head.kind == "name":
        role = _role_text(after) or _role_text(before) or head.role
        return replace(head, role=role)
    if head.kind in _ROLE_LIKE and before is not None and before.kind == "name":
        return replace(before, role=_role_text(head) or before.role)
    if head.kind == "role":
        return replace(head, kind="description")
    return head if head.kind in NOMINAL else None


def _role_text(who: Who | None) -> str | None:
    """Return a phrase's text when it can serve as a role beside a name."""
    if who is None or who.kind not in _ROLE_LIKE:
        return None
    return who.text
