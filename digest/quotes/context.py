"""The text around one quotation: the windows before and after it, and where its sentence starts and ends."""

from __future__ import annotations

from dataclasses import dataclass

from digest.text.grammar import CONNECTIVES, CORE_DETERMINERS, FUNCTION_WORDS, IRREGULAR_PASTS
from digest.text.labels import LABEL_NOUNS, LABEL_OPENERS
from digest.text.marks import TOKEN_EDGE
from digest.text.personal_names import NAME_PARTICLES
from digest.text.sentences import ABBREVIATIONS, SENTENCE_BREAK, SENTENCE_END_CHARS

from ..models import Article, Span
from .limits import LEFT_WINDOW, MAX_SIGNATURE_WORDS, MAX_SPEAKER_WORDS, RIGHT_WINDOW
from .marks import MARK_CHARS, Found

# ---------------------------------------------------------------- context windows


@dataclass(frozen=True, slots=True)
class Context:
    """The clause before a quotation and the clause after it, with a few layout cues."""

    left: str
    right: str
    same_sentence: bool
    midsentence: bool
    """The quotation follows a word of the reporter's sentence (not a comma, colon or sentence start)."""
    continues: bool
    """The reporter's sentence goes on with words after the closing mark."""
    label: bool
    """The quotation is used as a label: ``the “X”``, ``“X” role``, ``“X”, a phrase ...``."""
    scare: bool
    """The quotation follows ``so-called``."""
    follows: bool
    """A quotation of the same paragraph closed a few words before this one opens its sentence."""
    headline: bool
    left_start: int
    """Where ``left`` starts in the article text."""
    next_paragraph: bool = False
    """The quotation opens its paragraph, and the paragraph before ended with a quotation (a speech quoted on)."""
    weak_label: bool = False
    """The quotation reads as a label only by a weak cue: a determiner before it (``the “X”``) or a
    word after a quotation of several words (``“rigged economy” where``); a reported clause overrides it."""
    lead: str = ""
    """The reporter's words that open the sentence, before the quotation that comes first in it, when
    this quotation follows that one in the same sentence (``X needled the “reporter,” saying, “…”``)."""
    resume_from: int = -1
    """Where the sentence of the quotation before this one ends, when both stand in one paragraph (else ``-1``)."""


def context_of(
    article: Article, paras: tuple[Span, ...], item: Found, before: Found | None, after: Found | None
) -> Context:
    """Cut the bounded windows around a quotation at sentence boundaries and neighbouring quotes."""
    text = article.text
    first, last = paras[item.first_para], paras[item.last_para]
    lo = max(first.start, item.open - LEFT_WINDOW)
    joined = before is not None and before.last_para == item.first_para and before.after > lo
    if joined and before is not None:
        lo = before.after
    left_raw = text[lo : item.open]
    if not left_raw.strip() and item.first_para > 0:
        lo, left_raw = _introduction(text, paras[item.first_para - 1], lo)
    cut = sentence_start(left_raw)
    left = left_raw[cut:]
    right = ""
    if item.close >= 0:
        hi = min(last.end, item.close + 1 + RIGHT_WINDOW)
        if after is not None and after.first_para == item.last_para:
            hi = min(hi, after.open)
        right_raw = text[item.close + 1 : max(item.close + 1, hi)]
        right = right_raw[: sentence_end_in(right_raw)]
        if not right.strip() and item.last_para + 1 < len(paras):
            right = _signature(text, paras[item.last_para + 1]) or right
    same = joined and cut == 0 and before is not None and not _ends_sentence(text, before, left)
    lead = _lead(text, paras, before) if same and before is not None else ""
    stripped = left.rstrip()
    midsentence = bool(stripped) and stripped[-1] not in ",:;—–-(" and not stripped.endswith("...")
    headline = _headline_context(left_raw[-150:], right[:150])
    continues = right.lstrip()[:1].isalnum()
    scare = left.rstrip().lower().endswith(LABEL_OPENERS)
    opens = not left.strip() or _connective_only(left)
    follows = joined and opens and (len(left_raw.split()) <= MAX_SPEAKER_WORDS or _one_sentence(left_raw))
    quoted = text[item.start : item.end]
    modifier = _modified_noun(right, quoted)
    named = scare or _label_noun_after(right) or (modifier and len(quoted.split()) == 1)
    weak = not named and (modifier or _determined(left))
    label = named or weak
    next_paragraph = _quoted_on(text, paras, item, before)
    resume_from = -1
    if before is not None and before.last_para == item.first_para:
        resume_from = before.after + sentence_end_in(text[before.after : item.open])
    return Context(
        left,
        right,
        same,
        midsentence,
        continues,
        label,
        scare,
        follows,
        headline,
        lo + cut,
        next_paragraph,
        weak,
        lead,
        resume_from,
    )


def _lead(text: str, paras: tuple[Span, ...], before: Found) -> str:
    """Return the words from the start of a sentence to its first quotation (``before``)."""
    window = text[max(paras[before.first_para].start, before.open - LEFT_WINDOW) : before.open]
    return window[sentence_start(window) :]


def _signature(text: str, para: Span) -> str | None:
    """Return a paragraph that only signs the quotation before it (``— Bernie Sanders.``), else ``None``."""
    line = text[para.start : para.end].strip()
    words = [w.strip(TOKEN_EDGE + "—–-") for w in line.split()]
    if not line or line[0] not in "—–-" or len(words) > MAX_SIGNATURE_WORDS:
        return None
    name = [w.strip(TOKEN_EDGE + "—–-") for w in line.split(",", 1)[0].split()]  # ``-Michelle Marks, Philadelphia.``
    named = all(w[:1].isupper() or w in NAME_PARTICLES for w in name if w[:1].isalpha())
    return " " + line if named else None


def _one_sentence(between: str) -> bool:
    """Tell whether the words between two quotations are one sentence (``,” said X, who ... . “``)."""
    return sentence_start(between.rstrip()) == 0


def _quoted_on(text: str, paras: tuple[Span, ...], item: Found, before: Found | None) -> bool:
    """Tell whether a quotation opens its paragraph right after a paragraph whose last quotation ends it."""
    if before is None or before.last_para != item.first_para - 1 or item.first_para == 0:
        return False
    if text[paras[item.first_para].start : item.open].strip():
        return False
    rest = text[before.after : paras[before.last_para].end]
    return len(rest.split()) <= MAX_SPEAKER_WORDS or _one_sentence(rest)


def _introduction(text: str, previous: Span, lo: int) -> tuple[int, str]:
    """Return the end of the previous paragraph when it introduces a quotation (``The minister said:``)."""
    start = max(previous.start, previous.end - LEFT_WINDOW)
    tail = text[start : previous.end]
    return (start, tail + " ") if tail.rstrip().endswith(":") else (lo, "")


def _determined(left: str) -> bool:
    """Tell whether a determiner comes right before a quotation (``the “X”``): it reads as a label."""
    before = left.rsplit(None, 1)[-1].lower() if left.strip() else ""
    return before in CORE_DETERMINERS


def _connective_only(left: str) -> bool:
    """Tell whether the sentence opens with a connective alone before the quotation (``Instead, “…”``)."""
    words = left.split()
    return len(words) == 1 and words[0].endswith(",") and words[0][:-1].lower() in CONNECTIVES


def _label_noun_after(right: str) -> bool:
    """Tell whether a label noun follows the quotation in an appositive (``“X”, a phrase ...``)."""
    after = right.lstrip()
    words = [w.strip(TOKEN_EDGE).lower() for w in after.split()[:3]]
    return after.startswith(",") and any(w in LABEL_NOUNS for w in words)


def _modified_noun(right: str, quoted: str) -> bool:
    """Tell whether a word right after the closing mark makes the quotation its modifier (``“X” role``).

    Not when the quotation ends with its own punctuation (``“peanuts,” compared to``): then
    the words after it go on with the sentence.
    """
    after = right.lstrip()
    words = [w.strip(TOKEN_EDGE).lower() for w in after.split()[:1]]
    closed = quoted.rstrip()[-1:] in ",;:.!?…"
    return bool(words) and after[:1].islower() and words[0] not in FUNCTION_WORDS and not closed and not _past(words[0])


def _past(low: str) -> bool:
    """Tell whether a word after a quotation is a past tense (``the “danger” came``), not a noun it modifies."""
    return low in IRREGULAR_PASTS or (low.endswith("ed") and not low.endswith("eed") and len(low) > 4)


def _ends_sentence(text: str, before: Found, gap: str) -> bool:
    """Tell whether the previous quotation ended its sentence (``.”`` followed by a new sentence)."""
    core = text[before.start : before.end].rstrip("".join(MARK_CHARS) + " ")
    stripped = gap.lstrip(" ,")
    return core[-1:] in SENTENCE_END_CHARS and (not stripped or stripped[0].isupper())


def sentence_start(window: str) -> int:
    """Return where the last sentence in ``window`` starts (0 when it starts before the window)."""
    start = 0
    for match in SENTENCE_BREAK.finditer(window):
        end = match.end()
        if (end == len(window) or _opens_sentence(window[end])) and not _abbreviation(window, match.start()):
            start = end
    return start


def sentence_end_in(window: str) -> int:
    """Return where the first sentence in ``window`` ends."""
    for match in SENTENCE_BREAK.finditer(window):
        end = match.end()
        if end < len(window) and _opens_sentence(window[end]) and not _abbreviation(window, match.start()):
            return match.start()
    return len(window)


def _opens_sentence(char: str) -> bool:
    """Tell whether a character can start a sentence."""
    return char.isupper() or char.isdigit() or char in MARK_CHARS or char in "(["


def _abbreviation(window: str, dot: int) -> bool:
    """Tell whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if window[dot] != ".":
        return False
    head = window[max(0, dot - 40) : dot].rsplit(None, 1)
    token = head[-1].strip(TOKEN_EDGE) if head and not window[dot - 1 : dot].isspace() else ""
    if not token:
        return False
    return "." in token or (len(token) == 1 and token.isalpha()) or token.lower() in ABBREVIATIONS


def _headline_context(left: str, right: str) -> bool:
    """Tell whether the words around a quotation are in Title Case (a headline or a teaser)."""
    words = [w.strip(TOKEN_EDGE) for w in (left + " " + right).split()]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) > 0.6 * len(long)
