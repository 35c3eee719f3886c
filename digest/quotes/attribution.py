"""Attribution frames: which words around a quotation name its speaker (``X said``, ``according to X``)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace

from digest.text.grammar import (
    ADVERBIAL_OPENERS,
    CORE_DETERMINERS,
    FUNCTION_WORDS,
    IRREGULAR_PASTS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    VERB_SIGNS,
)
from digest.text.labels import MINOR_TITLE_WORDS
from digest.text.marks import DASHES, INTRODUCING_MARKS, TOKEN_EDGE
from digest.text.personal_names import NAME_PARTICLES
from digest.text.reporting import (
    ATTACHING_GAP_MARKS,
    ATTACHING_GAP_WORDS,
    CITED_AS_SAYING,
    CLAUSE_BREAK_MARKS,
    CONTINUED_THAT,
    FOREIGN_AUXILIARIES,
    IMPLIED_SUBJECT_VERBS,
    INVERTED_AFTER_LEAD,
    INVERTED_SUBJECT,
    MAX_GAP_WORDS,
    MORE_REPORTING_VERBS,
    OBJECT_SPEAKER_PHRASES,
    OPENING_VERB,
    PARTICIPLE_SUFFIX,
    PRESENTATIVE_LEAD,
    QUOTED_BY,
    REPORTED_CLAUSE_CONTRACTIONS,
    REPORTED_CLAUSE_SUBJECTS,
    REPORTED_CLAUSE_WORDS,
    REPORTING_VERB,
    REPORTING_VERBS,
    UNLISTED_VERB_AFTER,
    UNLISTED_VERB_BEFORE,
)
from digest.text.sentences import SENTENCE_END_CHARS
from digest.text.titles import FOREIGN_LEADS

from .arabic import arabic_speaker, is_arabic
from .context import Context
from .limits import MAX_NAME_TOKENS, MAX_SPEAKER_WORDS, STATEMENT_MIN_WORDS
from .marks import MARK_CHARS
from .mentions import Mentions
from .names import Token, is_title_token, phrase_tokens, possessive
from .phrases import (
    CONCRETE,
    NOMINAL,
    Who,
    after_dateline,
    classify_part,
    head_noun,
    object_phrase,
    place_goes_on,
    role_noun,
    subject_phrase,
    verb_like,
)
from .verbs import reporting_verbs, verb_speaker, with_relay

# ---------------------------------------------------------------- attribution


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quotation is attributed to, and how the attribution is written."""

    who: Who | None
    how: str
    """``right`` (``“...,” X said``), ``left`` (``X said: “...”``), ``apposition`` (``X, role, “...”``),
    ``sentence`` (a reporting verb earlier in the sentence), ``later`` (one after it), ``continued``
    (the next sentence of a quotation attributed just before), ``subject`` (no reporting verb: the
    subject of the reporter's sentence that carries the quotation) or empty."""
    near: bool = False
    """For ``sentence``: no colon, semicolon or dash between the verb and the quotation (commas may be)."""
    clause: bool = False
    """For ``sentence``: the words between the verb and the quotation open the clause the speaker's
    words are told in (``X said the plan was a “disaster”``), so a short quotation there is a
    piece of what was said even where it reads as a label (``the “cartel”``)."""


def attribute(ctx: Context, quote_text: str, carry: Who | None, mentions: Mentions) -> Attribution:
    """Find the speaker of a quotation in the clauses around it."""
    if is_arabic(ctx.left):
        arabic = arabic_speaker(ctx.left)
        if arabic is not None:
            return Attribution(carry if arabic.kind == "pronoun" and carry else arabic, "left")
    right = _right_speaker(ctx.right, quote_text)
    if right is not None and not _closes_sentence(quote_text):
        return Attribution(right, "right")
    left = _left_speaker(ctx.left, carry if ctx.same_sentence else None, quote_text, mentions)
    if left.who is None and ctx.lead:
        left = _hung_on_lead(ctx, mentions) or left
    if right is not None and not _left_holds(left, quote_text):
        return Attribution(right, "right")
    if left.how:
        return left
    if _verb_follows(ctx.right, quote_text):
        return Attribution(None, "right")
    later = None if _closes_sentence(quote_text) else _sentence_speaker(ctx.right)
    if later is not None:
        return Attribution(later, "later")  # not after ``“We are not terrorists.” Mr. Zahed said: …``
    if (ctx.follows or ctx.next_paragraph) and carry is not None:
        return Attribution(carry, "continued")
    if ctx.midsentence:
        subject = _participle_subject(ctx.left, "subject", mentions)
        if subject is not None:
            return subject
    if not ctx.left.strip() and not ctx.right.strip():
        introducer = mentions.introducer(ctx.left_start)
        if introducer is not None:
            return Attribution(introducer, "introduced")
        if carry is not None and _resumes(ctx, carry, mentions):
            return Attribution(carry, "resumed")
    return Attribution(None, "")


def _left_holds(left: Attribution, quote_text: str) -> bool:
    """Tell whether the frame before a quotation that ends its sentence wins over a verb after it.

    ``X said: “….” The star then recalled …`` and ``X says the campaign will “….” Y's move was
    first reported by Z``: after a full stop the words that follow start another sentence, so
    the sentence the quotation ends names its speaker. A question or an exclamation
    (``“…?” X asked``) is still attributed by the verb after it unless a ``X said:`` frame opens it.
    """
    if left.who is None or left.who.kind not in NOMINAL:
        return False
    core = quote_text.rstrip().rstrip("".join(MARK_CHARS)).rstrip()
    return left.how == "left" or (left.how == "sentence" and core.endswith("."))


def _resumes(ctx: Context, carry: Who, mentions: Mentions) -> bool:
    """Tell whether a quotation standing as a sentence goes on with the speaker of the paragraph's quotation before.

    ``“…,” says X. X supports Y in the race, as do …. “…”``: the reporter's sentences between
    the two tell of the same speaker and report nobody else speaking.
    """
    return ctx.resume_from >= 0 and mentions.goes_on_about(carry, ctx.resume_from, ctx.left_start)


def _closes_sentence(quote_text: str) -> bool:
    """Tell whether a quotation ends its own sentence (``… overlook.”``), so the words after it start another.

    A frame written before such a quotation (``X said: “….”``) is its attribution even when the
    next sentence opens with a name and a verb (``… overlook.” The star then recalled …``).
    """
    core = quote_text.rstrip().rstrip("".join(MARK_CHARS)).rstrip()
    return core[-1:] in SENTENCE_END_CHARS


def _verb_follows(right: str, quote_text: str) -> bool:
    """Tell whether a reporting verb follows the closing mark within a few words (``“...,” his son said``)."""
    if not _signalled(right, quote_text):
        return False
    verb = next(reporting_verbs(right[:80]), None)
    return verb is not None and len(right[: verb.start()].split()) <= MAX_SPEAKER_WORDS // 3


def _signalled(right: str, quote_text: str) -> bool:
    """Tell whether the quotation's end invites an attribution after it (``,”`` or a long quote)."""
    core = quote_text.rstrip().rstrip("".join(MARK_CHARS)).rstrip()
    return right.lstrip().startswith(",") or core[-1:] in ",?!…" or len(quote_text.split()) >= STATEMENT_MIN_WORDS


SIGNING_HYPHEN = re.compile(r"-[A-Z][a-z]")
"""A hyphen written against the name that signs a quotation (``“…” -President Obama``)."""


def _right_speaker(right: str, quote_text: str) -> Who | None:
    """Read ``, X said`` / ``said X`` / ``— X`` / ``according to X`` right after a closing mark."""
    stripped = right.lstrip()
    if not stripped:
        return None
    if stripped[0] in DASHES or stripped.startswith("- ") or SIGNING_HYPHEN.match(stripped):
        return object_phrase(stripped.lstrip("".join(DASHES) + "- "))
    if not _signalled(right, quote_text):
        return None
    stripped = stripped.lstrip(", " + "".join(DASHES) + "-")  # ``”, - he said``
    inverted = INVERTED_SUBJECT.match(stripped)
    if inverted:
        return Who(inverted.group("pronoun"), "pronoun")
    unlisted = _unlisted_verb_speaker(right, quote_text)
    if unlisted is not None:
        return unlisted
    verb = next(reporting_verbs(stripped), None)
    if verb is None:
        return None
    before, after = stripped[: verb.start()], stripped[verb.end() :]
    if before.strip() in FOREIGN_AUXILIARIES:
        before = ""  # ``«…», a indiqué Tedros``: the verb comes first, then its speaker
    if before and _goes_on(before):  # ``“…” until Haley said``: the reporter's sentence goes on
        tail = before.rsplit(",", 1)[1] if "," in before else ""  # ``“…” that it works, he said``
        who = subject_phrase(tail, strict=True) if tail.strip() else None
    else:
        who = subject_phrase(before, strict=True) if before else object_phrase(after)
    if who is None and before.rstrip().endswith(",") and len(before.split()) <= MAX_SPEAKER_WORDS // 3:
        named = object_phrase(after)  # ``“…” for Clinton, said Kunin.``: the words go on, then ``said X``
        who = named if named is not None and named.kind in CONCRETE else None
    if who is None and not before and verb.group().lower() in IMPLIED_SUBJECT_VERBS:
        who = Who("", "pronoun")  # ``“...”, declaró en Berna``: the person just named speaks
    return with_relay(who, verb.group(), after)


def _unlisted_verb_speaker(right: str, quote_text: str) -> Who | None:
    """Read ``“…,” Toomey fumed`` and ``“…!” beamed X``: a past tense missing from the reporting verbs.

    Only right after a quotation that ends with a comma, a question or an exclamation (the
    reporter's sentence goes on with its frame), and only with a person or a pronoun as subject.
    """
    core = quote_text.rstrip().rstrip("".join(MARK_CHARS)).rstrip()
    stripped = right.lstrip()
    if core[-1:] not in ",?!" and not stripped.startswith(","):
        return None
    stripped = stripped.lstrip(", ")
    inverted = UNLISTED_VERB_BEFORE.match(stripped)
    if inverted is not None:
        who = object_phrase(stripped[inverted.end() :])
        return who if who is not None and who.kind == "name" else None
    after = UNLISTED_VERB_AFTER.match(stripped)
    if after is None or REPORTING_VERB.search(after.group()) or not _opens_subject(after.group("who")):
        return None
    who = subject_phrase(after.group("who"), strict=True)
    if who is None or who.kind not in ("name", "description", "generic", "pronoun"):
        return None
    person = who.kind in ("name", "pronoun") or role_noun(who.text.rsplit(None, 1)[-1].lower())
    return who if person else None  # ``“…”, a phrase painted on banners``: no speaker


def _opens_subject(phrase: str) -> bool:
    """Tell whether a phrase may be a whole subject: it opens with a capital, a determiner or a pronoun.

    Not ``well before Steve Carell`` (made …): a phrase opening with a lower-case adverb or
    preposition goes on with the reporter's sentence.
    """
    first = phrase.split(None, 1)[0] if phrase.split() else ""
    low = first.lower()
    return first[:1].isupper() or low in CORE_DETERMINERS or low in SUBJECT_PRONOUNS or possessive(first)


def _goes_on(before: str) -> bool:
    """Tell whether the words after a closing mark continue the reporter's sentence (``with X``, ``giving``)."""
    first = before.split(None, 1)[0].strip(TOKEN_EDGE) if before.split() else ""
    if not first.islower():
        return False
    adverb = first.endswith("ly") and len(first) > 4  # ``“…,” repeatedly, before he stopped responding``
    return first in PREPOSITIONS or first in SUBORDINATORS or first.endswith(PARTICIPLE_SUFFIX) or adverb


def _left_speaker(left: str, carry: Who | None, quote_text: str, mentions: Mentions) -> Attribution:
    """Read the clause before an opening mark: ``X said that``, ``X cited Y as saying``, ``X, role,``."""
    left = _title_case_verbs(left)
    relayed = _relayed(left)
    if relayed is not None:
        return relayed
    if left.strip(" ,:").lower() in IMPLIED_SUBJECT_VERBS:
        return Attribution(Who("", "pronoun"), "left")  # ``Añadió: «…»``: the person just named speaks
    opening = OPENING_VERB.match(left.strip()) or INVERTED_AFTER_LEAD.match(left.strip())
    who = object_phrase(opening.group("speaker")) if opening else None
    if who is not None and who.kind in CONCRETE | {"generic"}:
        return Attribution(who, "left")  # ``Said Comey, “…”``
    predicate = _predicate_subject(left, quote_text)
    if predicate is not None:
        return predicate
    verbs = list(reporting_verbs(left))
    if not verbs:
        if carry is not None and CONTINUED_THAT.match(left):
            return Attribution(carry, "left")
        introduced = _colon_subject(left, quote_text, mentions) or _apposition(left)
        return introduced or Attribution(carry, "sentence" if carry else "", _no_break(left))
    gap = left[verbs[-1].end() :]
    how = "left" if _gap_attaches(gap) else "sentence"
    tried = verbs[-4:]
    for k in range(len(tried) - 1, -1, -1):
        verb = tried[k]
        who = None if k or len(verbs) > len(tried) else _hanging_subject(left[: verb.start()], verb.group(), mentions)
        who = who or verb_speaker(left[: verb.start()], verb.group(), left[verb.end() :])
        if how == "left" and k == len(tried) - 1:  # the quotation follows this verb: ``…, but told Y, “…”``
            who = who or _coordinated_subject(left[: verb.start()], mentions)
        if who is None and verb.group().lower() in IMPLIED_SUBJECT_VERBS and _only_leads(left[: verb.start()]):
            who = Who("", "pronoun")  # ``Seguido, manifestó: «…»``: the person just named speaks
        if who is not None:
            found = with_relay(who, verb.group(), left[verb.end() :])
            return Attribution(found, how, _no_break(gap), _reported_clause(gap))
        if verb.group().endswith(PARTICIPLE_SUFFIX) or not left[: verb.start()].strip(" ,"):
            continue
        if not (k and _reported_clause(left[tried[k - 1].end() : verb.start()])):
            break  # a verb inside the clause an earlier verb reports (``X said that once it goes on``) gives way
    introduced = None if how == "left" else _colon_subject(left, quote_text, mentions)
    if introduced is None and verbs[-1].group().endswith(PARTICIPLE_SUFFIX):
        introduced = _participle_subject(left[: verbs[-1].start()], how, mentions)
    return introduced or Attribution(carry, how if carry or how == "left" else "", _no_break(gap))


TITLE_CASE_SHARE = 0.8
"""Share of a clause's words written with a capital from which it is a headline in title case."""


def _title_case_verbs(left: str) -> str:
    """Write the reporting verbs of a title-case clause in lower case (``Zoe Saldana Asked Men To``).

    Reporting verbs are matched case-sensitively (``Said`` may be a name); in a subheading
    written in title case every verb is capitalised. Offsets stay as they are.
    """
    line = left.rsplit("\n", 1)[-1]
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in MINOR_TITLE_WORDS]
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < TITLE_CASE_SHARE * len(words):
        return left
    first = len(left) - len(line.lstrip())  # where the line's first word starts: it may be a name (``Said Ali``)

    def lower(verb: re.Match[str]) -> str:
        word = verb.group().lower()
        if verb.start() <= first or word not in TITLE_VERBS:
            return verb.group()
        if word in NAME_LIKE_VERBS and left[verb.end() :].strip(" ,:"):  # ``Mayor Said Ali Told``
            return verb.group()
        return word

    return TITLE_VERB.sub(lower, left)


TITLE_VERB = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?![\w’'-])")
TITLE_VERBS = REPORTING_VERBS | MORE_REPORTING_VERBS
NAME_LIKE_VERBS = frozenset({"said"})
"""Reporting verbs that are also given names; in title case they are verbs only just before the quotation."""


def _only_leads(words: str) -> bool:
    """Tell whether the words before a verb are no subject, only sentence leads (``Seguido,``, ``Y``)."""
    return all(w.strip(",;").lower() in FOREIGN_LEADS for w in words.split())


def _hung_on_lead(ctx: Context, mentions: Mentions) -> Attribution | None:
    """Read ``X needled the CNN “reporter,” saying, “…”``: the participle hangs on the sentence's subject.

    Only when the words between the two quotations are the participle (``, adding:``, ``and
    asking,``) and the first quotation gave no speaker to carry on.
    """
    verbs = list(reporting_verbs(ctx.left))
    if not verbs or not all(v.group().endswith(PARTICIPLE_SUFFIX) for v in verbs):
        return None
    if ctx.left[: verbs[0].start()].strip(" ,").lower() not in ("", "and", "but"):
        return None
    how = "left" if _gap_attaches(ctx.left[verbs[-1].end() :]) else "sentence"
    return _participle_subject(ctx.lead, how, mentions)


def _participle_subject(clause: str, how: str, mentions: Mentions) -> Attribution | None:
    """Read ``X hit back at the critics on Tuesday, saying: “...”``: the sentence's subject says it."""
    parts = [p.strip() for p in after_dateline(clause.strip()).split(",")][:4]
    for k, part in enumerate(parts):
        first = part.split(None, 1)[0].lower() if part else ""
        if k and place_goes_on(part, parts[k - 1]):
            continue  # ``Speaking in Salem, New Hampshire, X went after Y``
        if first and (first not in ADVERBIAL_OPENERS or first in CORE_DETERMINERS):
            who = _leading_subject(part, mentions)
            return Attribution(who, how) if who is not None else None
    return None


def _coordinated_subject(before: str, mentions: Mentions) -> Who | None:
    """Return the subject of a verb coordinated with the clause before it (``X did not name them, but told Y``).

    Only where nothing but ``and``/``but`` (``then``) stands between the comma and the verb, and no
    other reporting verb comes earlier in the sentence.
    """
    head, comma, tail = before.rstrip().rpartition(",")
    if not comma or tail.strip().lower() not in COORDINATING_LEADS or next(reporting_verbs(head), None):
        return None
    found = _participle_subject(head, "", mentions)
    return found.who if found is not None else None


COORDINATING_LEADS = frozenset({"and", "but", "and then", "but then", "yet"})
"""Words that join a second predicate to the subject of the first (``…, but told his supporters``)."""


def _hanging_subject(before: str, verb: str, mentions: Mentions) -> Who | None:
    """Return the subject of the clause a participle hangs on (``X endorsed Y last week, saying``): X, not Y.

    The words right before ``, saying`` end the main clause, often with its object; the one
    who says is the person the sentence opens with. Only for the clause's first reporting verb:
    after ``Y said, adding`` the one who adds is the one who said.
    """
    if not verb.endswith(PARTICIPLE_SUFFIX) or not before.rstrip().endswith(","):
        return None
    found = _participle_subject(before.rstrip().rstrip(","), "", mentions)
    if found is None or found.who is None or re.search(re.escape(found.who.text) + "['’]s(?!\\w)", before):
        return None  # ``The Blaze’s Matt Walsh provided ..., saying``: the owner is not the subject
    return found.who


def _predicate_subject(left: str, quote_text: str) -> Attribution | None:
    """Read ``..., Kadhimi “stressed the importance of ...”``: a name, then a quote that is its predicate."""
    first = quote_text.split(None, 1)[0] if quote_text.split() else ""
    stripped = left.rstrip()
    if not first[:1].islower() or first.lower() in FUNCTION_WORDS or not stripped or stripped[-1] in ",:;":
        return None
    tail = stripped.rsplit(",", 1)[-1]
    who = classify_part(tail)
    if who is None or who.kind != "name" or who.text != tail.strip() or len(tail.split()) > MAX_NAME_TOKENS:
        return None
    return Attribution(who, "sentence", True)


def _no_break(gap: str) -> bool:
    """Tell whether no colon, semicolon or dash separates a verb from the quotation after it (commas may)."""
    return not any(mark in gap for mark in CLAUSE_BREAK_MARKS)


def _reported_clause(gap: str) -> bool:
    """Tell whether the words after a reporting verb open a clause of their own: ``that`` or a finite verb."""
    for token in gap.split():
        low = token.strip(TOKEN_EDGE).lower()
        if low in REPORTED_CLAUSE_WORDS or low.endswith(REPORTED_CLAUSE_CONTRACTIONS):
            return True
        if low[-2:] in ("’s", "'s") and low[:-2] in REPORTED_CLAUSE_SUBJECTS:
            return True
    return False


def _relayed(left: str) -> Attribution | None:
    """Read ``X cited Y as saying`` and ``Y was quoted by X as saying`` before a quote."""
    for pattern, relay_first in ((CITED_AS_SAYING, True), (QUOTED_BY, False)):
        match = last_match(pattern.finditer(left))
        if match is None or REPORTING_VERB.search(left, match.end()):
            continue
        if relay_first:
            who, relay = object_phrase(match.group("speaker")), subject_phrase(left[: match.start()])
        else:
            who, relay = subject_phrase(left[: match.start()]), object_phrase(match.group("relay"))
        if who is not None:
            gap = left[match.end() :]
            how = "left" if _gap_attaches(gap) else "sentence"
            return Attribution(replace(who, reported_by=relay.text if relay else None), how, _no_break(gap))
    return None


def last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """Return the last of some regex matches."""
    tail = deque(matches, maxlen=1)
    return tail[0] if tail else None


def _gap_attaches(gap: str) -> bool:
    """Tell whether the words between a reporting verb and a quote still attach the quote to the verb."""
    stripped = gap.strip()
    if not stripped:
        return True
    if len(stripped.split()) > MAX_GAP_WORDS:
        return False
    last = stripped.rsplit(None, 1)[-1].lower()
    return stripped.endswith(ATTACHING_GAP_MARKS) or last in ATTACHING_GAP_WORDS


def _colon_subject(left: str, quote_text: str, mentions: Mentions) -> Attribution | None:
    """Read ``X rejected the claims on Telegram: “...”`` and ``X's verdict: “...”``: the sentence's subject speaks.

    Only a quotation that reads as a sentence of its own is taken as speech this way.
    """
    stripped = left.rstrip()
    if not stripped or stripped[-1] not in INTRODUCING_MARKS or not _full_sentence(quote_text):
        return None
    parts = [p.strip() for p in after_dateline(stripped[:-1]).split(",")]
    for part in parts[:4]:
        part = PRESENTATIVE_LEAD.sub("", part)
        first = part.split(None, 1)[0].lower() if part else ""
        if first and (first not in ADVERBIAL_OPENERS or first in CORE_DETERMINERS):
            who = _leading_subject(part, mentions)
            return Attribution(who, "left") if who is not None else None
    return None


def _full_sentence(text: str) -> bool:
    """Tell whether a quotation reads as a sentence: a capital first, then a full stop or several words."""
    first = next((c for c in text if c.isalpha()), "")
    core = text.rstrip("".join(MARK_CHARS) + " ,;:")
    return first.isupper() and (core[-1:] in SENTENCE_END_CHARS or len(text.split()) >= STATEMENT_MIN_WORDS)


def _leading_subject(part: str, mentions: Mentions) -> Who | None:
    """Return the person or organisation a clause opens with (``Acting president X``, ``X's``), if it names one."""
    tokens = phrase_tokens(part)
    end = len(tokens)
    for k, (word, _, _) in enumerate(tokens[:MAX_SPEAKER_WORDS]):
        if possessive(word) and not (k + 1 < len(tokens) and role_noun(tokens[k + 1][0].lower())):
            end = k + 1
            break
        if k and _ends_subject(tokens, k):
            end = k
            break
    if not tokens or end > MAX_SPEAKER_WORDS:
        return None
    phrase = part[: tokens[end - 1][2]]
    phrase = re.sub(r"['’]s?$", "", phrase) if possessive(tokens[end - 1][0]) else phrase
    who = classify_part(phrase)
    if who is None or who.kind not in NOMINAL - {"statement"}:
        return None
    if who.kind == "name" and len(who.text.split()) == 1 and not who.role and not mentions.known(who.text):
        return None
    return who


def _ends_subject(tokens: list[Token], k: int) -> bool:
    """Tell whether token ``k`` starts the predicate of a clause that opened with a name."""
    word, previous = tokens[k][0], tokens[k - 1][0]
    low = word.lower()
    following = tokens[k + 1][0].lower() if k + 1 < len(tokens) else ""
    if low in VERB_SIGNS or verb_like(low, following):
        return True
    if not word[:1].islower() or low in NAME_PARTICLES or is_title_token(low) or role_noun(low):
        return False
    verbal = low.endswith(("ed", "s", PARTICIPLE_SUFFIX)) or low in IRREGULAR_PASTS
    if not verbal and any(role_noun(w.lower()) or is_title_token(w.lower()) for w, _, _ in tokens[k + 1 : k + 3]):
        return False  # ``Republican presidential front-runner Donald Trump``: a title goes on
    plow = previous.lower().rstrip(".")
    return previous[:1].isupper() and plow not in CORE_DETERMINERS and not is_title_token(plow)


def _apposition(left: str) -> Attribution | None:
    """Read the verbless form ``In a press conference, X, role, “...”``."""
    stripped = left.rstrip()
    if not stripped.endswith((",", ":")):
        return None
    who = subject_phrase(stripped.rstrip(",:"), strict=True)
    if who is None or who.kind not in CONCRETE:
        return None
    if who.kind == "description" and head_noun([w.lower() for w in who.text.split()]) is None:
        return None
    return Attribution(who, "apposition")


def _sentence_speaker(right: str) -> Who | None:
    """Read ``..., the ministry said.`` or ``..., said X.`` at the end of the sentence a quotation sits in."""
    verb = last_match(reporting_verbs(right))
    if verb is None or verb.group().endswith(PARTICIPLE_SUFFIX):
        return None
    if verb.group().lower() in OBJECT_SPEAKER_PHRASES:
        return object_phrase(right[verb.end() :])
    who = subject_phrase(right[: verb.start()])
    if who is None and right[: verb.start()].rstrip().endswith(","):
        named = object_phrase(right[verb.end() :])  # ``“…” since so many cases were close, said X, who …``
        who = named if named is not None and named.kind in CONCRETE else None
    return who if who is not None and who.kind in NOMINAL - {"role"} else None
