"""The kind of a quotation: statement, fragment, term or title."""

from __future__ import annotations

from digest.text.grammar import PREDICATE_OPENERS
from digest.text.labels import MINOR_TITLE_WORDS, TITLE_CUE_PHRASES, TITLE_CUES
from digest.text.marks import TOKEN_EDGE
from digest.text.sentences import SENTENCE_END_CHARS

from ..models import Article, QuoteKind
from .attribution import Attribution
from .context import Context
from .limits import STATEMENT_MIN_WORDS, TERM_MAX_WORDS, TITLE_CUE_WINDOW, TITLE_MAX_WORDS
from .marks import MARK_CHARS

# ---------------------------------------------------------------- kinds and quotes


def quote_kind(article: Article, text: str, ctx: Context, nested: bool, found: Attribution) -> QuoteKind:
    """Decide whether a quotation is a statement, a fragment, a term or a title."""
    words = text.split()
    core = text.rstrip("".join(MARK_CHARS) + " ,;:")
    ends_sentence = core[-1:] in SENTENCE_END_CHARS
    first = next((c for c in text if c.isalpha()), "")
    if (_is_headline(text, article.title) and not _lead_titled(article)) or (
        first.isupper() and not ends_sentence and _title_cue(ctx.left, words)
    ):
        return QuoteKind.TITLE
    if nested:
        return QuoteKind.FRAGMENT if ends_sentence and len(words) >= STATEMENT_MIN_WORDS else QuoteKind.TERM
    if ctx.scare and len(words) <= TITLE_MAX_WORDS:
        return QuoteKind.TERM
    if found.how in ("left", "right", "apposition", "continued"):
        return _attached_kind(ctx, found.how, text, text.rstrip()[-1:].isalnum())
    if ctx.midsentence and not ctx.headline and not ends_sentence and _title_case(words):
        return QuoteKind.TITLE
    if len(words) <= TERM_MAX_WORDS and not ends_sentence:
        spoken = found.how == "sentence" and found.near and found.who is not None
        woven = not ctx.label or (found.clause and ctx.weak_label)
        return QuoteKind.FRAGMENT if spoken and woven else QuoteKind.TERM
    if first.islower() or (ctx.midsentence and not ends_sentence):
        return QuoteKind.FRAGMENT
    if ends_sentence or len(words) >= STATEMENT_MIN_WORDS:
        return QuoteKind.STATEMENT
    return QuoteKind.FRAGMENT


def echoed_term(ctx: Context, found: Attribution) -> bool:
    """Tell whether a term echoes its speaker's words: it sits in the clause a reporting verb tells.

    ``X described the situation as a “revolving door of chaos”``: the phrase carries no claim of
    its own (a term), but the sentence says whose words it is, so it keeps the speaker. Not
    after ``so-called`` nor as a label the reporter names (``the “Brexit” referendum``, an
    “advisory” role); a determiner before it (``calls the “cartel”``, ``announced the end of
    the “combat mission”``) does not make it the reporter's.
    """
    if found.who is None or ctx.scare:
        return False
    if found.how == "later":
        return not ctx.label or ctx.weak_label
    if found.how != "sentence" or not found.near:
        return False
    return not ctx.label or ctx.weak_label


def _attached_kind(ctx: Context, how: str, text: str, open_ended: bool) -> QuoteKind:
    """Kind of a quotation attached to its attribution: a statement unless woven into the sentence."""
    first = next((c for c in text if c.isalpha()), "")
    if how == "apposition":
        introduced = ctx.left.rstrip().endswith(":") and first.isupper()
        return QuoteKind.STATEMENT if introduced else QuoteKind.FRAGMENT
    if how == "left" and ((ctx.continues and open_ended) or _predicate_piece(text)):
        return QuoteKind.FRAGMENT
    if how in ("right", "continued") and first.islower() and ctx.midsentence:
        return QuoteKind.FRAGMENT
    return QuoteKind.STATEMENT


def _predicate_piece(text: str) -> bool:
    """Tell whether a quotation is a predicate without its subject (``“will not resign”``), not a clause."""
    words = text.split()
    if not words or not words[0][:1].islower():
        return False
    core = text.rstrip("".join(MARK_CHARS) + " ,;:")
    return core[-1:] not in SENTENCE_END_CHARS and words[0].strip(TOKEN_EDGE).lower() in PREDICATE_OPENERS


def _normal(text: str) -> str:
    """Return text folded for comparison: lower case, single spaces, no edge punctuation."""
    return " ".join(text.lower().split()).strip(TOKEN_EDGE + " ")


def _lead_titled(article: Article) -> bool:
    """Tell whether an article without a headline is titled by its first sentence (``lead_title``).

    A quotation there repeats no headline: it is the body's own first words.
    """
    paragraphs = article.paragraphs()
    head = article.title.rstrip("…").rstrip()
    first = paragraphs[0].strip() if paragraphs else ""
    return bool(head) and first != head and first.startswith(head)  # a headline repeated as a paragraph is one


def _is_headline(text: str, title: str) -> bool:
    """Tell whether a quotation repeats the article's headline."""
    if len(text) > 4 * len(title) + 20 or len(title.split()) < 3:
        return False
    quote, head = _normal(text), _normal(title)
    if not quote or not head:
        return False
    shorter = quote if len(quote) < len(head) else head
    return quote == head or (len(shorter.split()) >= 5 and (head.startswith(quote) or quote.startswith(head)))


def _title_cue(left: str, words: list[str]) -> bool:
    """Tell whether a cue word (``landmark``, ``dubbed``, ``known as``) introduces the quotation."""
    if len(words) > TITLE_MAX_WORDS:
        return False
    tail = left.rstrip().lower()
    if tail.endswith(TITLE_CUE_PHRASES):
        return True
    before = [w.strip(TOKEN_EDGE).lower() for w in tail.split()[-TITLE_CUE_WINDOW:]]
    return any(w in TITLE_CUES for w in before)


def _title_case(words: list[str]) -> bool:
    """Tell whether a short phrase is written in Title Case (``Hands of Victory``)."""
    if not 2 <= len(words) <= TITLE_MAX_WORDS:
        return False
    cleaned = [w.strip(TOKEN_EDGE) for w in words]
    significant = [w for w in cleaned if w and w.lower() not in MINOR_TITLE_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)
