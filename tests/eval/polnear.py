"""PolNeAR as an evaluation set for direct quotations and their speakers.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution in 1,028 news
articles of the 2016 US election from seven publishers as Source, Cue and Content spans in
brat standoff files: ``T`` lines hold the spans (``Content`` may be discontinuous), ``E``
lines tie one ``Attribution`` (or ``Attribution-no-source``) to its Cue, Content and, when
there is one, Source. There are no coreference relations: a Source is the mention as
written ("he", "who", "the campaign", "Sen. Ted Cruz (R-Texas)"), and nested attributions
are not annotated (only the outermost one is). The corpus is not in the repository; it is
looked for in ``../shared/corpora/polnear`` beside the checkout or in ``$DIGEST_POLNEAR``.

How a split becomes a :class:`~tests.eval.evaluate.Gold` (:func:`convert_split`):

* Annotation file: an article annotated by several annotators (the agreement sample) uses
  the file of the first annotator in alphabetical order.
* Quotations: every span between quotation marks in one paragraph (``“ ”``, ``"``, ``‘ ’``,
  ``'``, ``« »``, ``„``, ``‹ ›``, and The New York Times' doubled ``''``; a straight double mark
  may close a curly one and the reverse). A single mark between letters (``don’t``,
  ``O'Malley``), before ``90s``/``em`` or after a plural's ``s`` is an apostrophe, never a
  mark; a single opening mark without its closing mark in the paragraph is no quotation; a
  double opening mark without its closing mark runs to the paragraph's end (a quotation
  continued in the next paragraph is one piece per paragraph). Values of markup attributes
  (``<tweet pic="...">``) are no quotations. ``text == file_text[start:end]`` holds for every
  one, marks excluded.
* Required quotations: at least 90 % of the characters of the quotation (trimmed of spaces
  and punctuation) lie inside one attribution's Content. Kind ``statement`` when the
  quotation opens with a capital letter, a digit or an ellipsis and has four words or more,
  ``fragment`` otherwise. Statement label: the speaker and the normalised wording, so the
  same words of the same speaker in two outlets share a label.
* Optional quotations (neither a miss when absent nor a false positive when extracted):
  quotations outside every Content span (scare quotes, titles, nicknames; kind ``term``,
  whatever kind a pipeline gives them), quotations only partly inside a Content span,
  quotations nested inside another quotation, and quotations in the headline (the file's
  first line).
* Speakers (:func:`resolve`), from the attribution's Source as written, first rule that applies:

  1. a name: the head of the Source (before a comma, a parenthesis, a relative pronoun or a
     preposition) ends with a run of capitalised words; leading titles and roles (``Sen.``,
     ``FBI Director``, ``Republican``) are dropped, organisations keep theirs (``State
     Department``). A name made of one word (``Trump``, ``Hillary``) becomes the article's full
     name that ends or starts with it (``Donald J. Trump``) when the article's Sources, or
     else its body, give exactly one person (first and last word) for it; with two (``Bill
     Clinton``, ``Hillary Clinton``) the Source stays unresolved (``ambiguous-name``). An
     entity left in the split (``Obama``, ``Vargas Llosa``) joins the split's only longer name
     ending with its words.
  2. ``he``/``she``/``him``/``his``/``her``: the candidates are the mentions of the first or
     last word of every person the article's other Sources name, before the pronoun, in its
     paragraph or the previous one; candidates of the other gender are dropped (gender from
     the whole split: ``Mr.``/``Mrs.``/``Ms.`` before the surname, and he/she/his/her after it
     with no capitalised word between; one gender needs twice the other's votes). Resolved
     only when exactly one person remains and no candidate word is shared by two people.
     ``who``/``which``: the name right before it (not after a preposition), else the
     description right before it, by rule 3.
  3. a description whose head is a person noun (``the senator``, ``the Republican nominee``,
     ``a spokesman for Clinton``): the nearest preceding apposition with the same head in
     the article (``spokesman Brian Fallon``, ``Brian Fallon, a Clinton spokesman``), not
     after a preposition nor after ``vice``/``former``/``deputy`` unless the description has
     it; every capitalised word of the description (``Republican``, ``Clinton``) must be in
     the apposition or the 40 characters after it.

  Anything else (``they``, ``we``, ``I``, ``the campaign``, ``officials``, ``a poll``) is
  unresolved: the gold keeps the Source as written in ``speaker_as_written`` with no
  speaker, and :func:`unresolved_figure` scores those quotations apart. Attributions without
  a Source give quotations without either.
* Entities: one per full name (its key drops titles, initials and ``Jr.``/``III``), with every form the
  articles use for it, scoped to the articles where it speaks (``GoldEntity.sources``), so a
  bare surname shared by two people is ambiguous only where both speak.

Run ``python -m tests.eval.polnear --split dev`` for the table, ``--errors N`` for N sampled
errors grouped by failure class, ``--summary`` for the conversion's counts.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from digest.models import Digest, Span
from tests.eval import evaluate as ev

DEFAULT_ROOT = ev.REPO_ROOT.parent / "shared" / "corpora" / "polnear"
ENV_VAR = "DIGEST_POLNEAR"
SPLITS = ("train", "dev")
INSIDE_CONTENT = 0.9
"""Share of a quotation's characters inside one Content span from which it is attributed."""
STATEMENT_WORDS = 4
"""Words from which a quotation opening with a capital is a statement rather than a fragment."""
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}
"""PolNeAR publisher codes -> outlet names."""

# ---------------------------------------------------------------- vocabularies


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a vocabulary string."""
    return frozenset(text.split())


PERSON_PRONOUNS = _words("he she him his her hers himself herself")
RELATIVE_PRONOUNS = _words("who whom whose which that")
OTHER_PRONOUNS = _words(
    "i me my mine we us our ours you your yours they them their theirs it its itself themselves ourselves"
)
LEADING_WORDS = _words(
    """
    the a an but and or so yet when while if as after before since because then also though although
    this that these those mr mrs ms miss dr sen senator rep representative gov governor president
    vice former secretary state director chairman chairwoman chair speaker leader majority minority
    republican republicans democrat democrats democratic gop presidential candidate nominee hopeful
    attorney general press house white campaign manager spokesman spokeswoman spokesperson adviser
    advisor senior chief executive ceo rev pastor judge justice mayor gen lt col maj adm sgt
    congressman congresswoman u.s us fbi cia nsa doj dnc rnc cnn fox msnbc nbc abc cbs first lady
    independent sens reps govs ex- prime minister deputy assistant
    """
)
"""Capitalised words that open a name's run without being part of the name (lower-case, no dot)."""
CALENDAR_WORDS = _words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)
"""Capitalised words that are never a speaker's name on their own."""
TITLES = _words(
    """
    mr mrs ms miss dr sen senator rep representative gov governor president secretary director chairman
    chairwoman chair speaker leader gen general lt col maj adm sgt rev judge justice mayor attorney chief
    ceo spokesman spokeswoman spokesperson adviser advisor manager congressman congresswoman nominee
    candidate minister ambassador officer commissioner retired
    admiral rear capt captain cmdr commander sheriff chancellor premier alderman alderwoman assemblyman
    assemblywoman councilman councilwoman archbishop bishop cardinal rabbi imam fr father pastor reverend
    prof professor actor actress journalist coach staff
    """
)
"""Titles after which a capitalised run is the name itself (``Homeland Security Secretary Jeh Johnson``)."""
NAME_SUFFIXES = _words("jr sr ii iii iv")
NAME_PARTICLES = _words("de del la le van von der da di du bin al el st")
PERSON_HEADS = _words(
    """
    senator nominee candidate governor spokesman spokeswoman spokesperson secretary chairman
    chairwoman director manager adviser advisor aide businessman businesswoman billionaire mogul
    congressman congresswoman lawmaker speaker leader mayor attorney strategist pollster analyst founder
    executive host anchor reporter columnist author professor lawyer judge justice frontrunner
    front-runner hopeful rival challenger opponent incumbent democrat republican independent
    surrogate chief official economist historian expert pastor minister ambassador general
    """
)
"""Head nouns of descriptions that name one person (``the senator``, ``a spokesman for X``); not ``president``, which names too many."""
ORG_WORDS = _words(
    """
    times post news journal press network committee party campaign department university institute
    center centre council association foundation group inc corp company poll polls house senate
    administration office agency bureau court commission coalition media magazine review tribune
    herald daily gazette radio television tv channel union organization organisation fund project
    """
)
"""Words that make a capitalised name an organisation rather than a person."""
GROUP_NAMES = _words(
    """
    democrats republicans americans conservatives liberals progressives evangelicals latinos hispanics
    independents voters
    """
)
HEAD_CUTS = re.compile(r",|\(|\s[-–—]\s|\s(?:who|whom|whose|which|that|of|for|at|from|with|in|on|to)\s")
"""Where a Source's head part ends and its modifiers begin."""
TOKEN = re.compile(r"[\w’'.-]+")
MIDDLE_INITIAL = re.compile(r"^[A-Z]\.?$")
POSSESSIVE = re.compile(r"[’']s?$")
PARTY_TAG = re.compile(r"^\(?[DRI]-[A-Z][\w.]*\)?,?$")
"""A party and state tag after a name (``R-Ky.``, ``(D-Tex.)``)."""
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
PRONOUN_GENDER = {
    **dict.fromkeys(_words("he him his himself mr"), "m"),
    **dict.fromkeys(_words("she her hers herself mrs ms miss"), "f"),
}
"""Pronouns and honorifics -> grammatical gender."""
PARAGRAPH_WINDOW = 1
"""How many paragraphs before a pronoun's own one are searched for its antecedent."""

# ---------------------------------------------------------------- annotations


@dataclass(frozen=True, slots=True)
class Mention:
    """One brat text-bound annotation: its type, character fragments and text."""

    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        """Return the first character of the mention."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """Return the end of the mention's last fragment."""
        return self.spans[-1][1]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: its Content fragments, its Cue and its Source (None without one)."""

    content: Mention
    cue: Mention | None
    source: Mention | None


ANN_LINE = re.compile(r"^([TE]\d+)\t(\S+)(?: ([^\t]*))?(?:\t(.*))?$")


def read_ann(path: Path) -> list[Attribution]:
    """Read one brat ``.ann`` file's attributions (lines continuing a span's text are skipped)."""
    mentions: dict[str, Mention] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        match = ANN_LINE.match(line)
        if not match:
            continue
        ident, head, rest, text = match.groups()
        if ident.startswith("T") and rest:
            spans = tuple(tuple(map(int, part.split())) for part in rest.split(";"))
            mentions[ident] = Mention(ident, head, spans, text or "")  # type: ignore[arg-type]
        elif ident.startswith("E"):
            roles = (f"{head} {rest or ''}").split()
            events.append({r.split(":")[0].rstrip("0123456789"): r.split(":")[1] for r in roles if ":" in r})
    return [_attribution(e, mentions) for e in events if e.get("Content") in mentions]


def _attribution(event: Mapping[str, str], mentions: Mapping[str, Mention]) -> Attribution:
    """Build one Attribution from an event's roles."""
    return Attribution(
        content=mentions[event["Content"]],
        cue=mentions.get(event.get("Cue", "")),
        source=mentions.get(event.get("Source", "")),
    )


def annotation_file(split_dir: Path, stem: str) -> Path | None:
    """Return the article's annotation file: the first annotator's, alphabetically."""
    found = sorted((split_dir / "attributions").glob(f"{stem}_*.ann"))
    return found[0] if found else None


# ---------------------------------------------------------------- quotation marks


@dataclass(frozen=True, slots=True)
class Marked:
    """A span between quotation marks: inner offsets, the opening mark, and whether it closed."""

    start: int
    end: int
    mark: str
    closed: bool
    nested: bool = False


DOUBLE_PAIRS = {"“": '”"', "„": "“”", "«": "»", '"': '"”', "‟": "”", "''": ("''",)}
"""Opening double mark -> the marks that close it (a straight mark and a curly one may pair)."""
SINGLE_PAIRS = {"‘": "’", "‚": "‘’", "‹": "›", "'": "'", "‛": "’"}
MARK_CHARS = frozenset("\"“”„«»‟'‘’‚‹›‛")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` of every non-empty line."""
    out, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def marked_spans(text: str) -> list[Marked]:
    """Return every quotation-marked span of the text, paragraph by paragraph."""
    out: list[Marked] = []
    for start, end in paragraphs(text):
        doubles = list(_double_spans(text, start, end))
        singles = [s for s in _single_spans(text, start, end) if not _inside_mark(s, doubles)]
        for s in singles:
            nested = any(d.start <= s.start and s.end <= d.end for d in doubles)
            out.append(Marked(s.start, s.end, s.mark, s.closed, nested))
        out.extend(doubles)
    return sorted((m for m in out if re.search(r"\w", text[m.start : m.end])), key=lambda m: (m.start, m.end))


def _inside_mark(span: Marked, doubles: Sequence[Marked]) -> bool:
    """Tell whether a single-mark span touches a double span's marks (``"'`` pairs)."""
    return any(span.start - 1 in (d.start - 1, d.end) or span.end in (d.start - 1, d.end) for d in doubles)


def _marks(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Yield (offset, mark) of a paragraph's marks; two straight single marks are one double mark (``''``)."""
    i = start
    while i < end:
        if text.startswith("''", i) and i + 1 < end:
            yield i, "''"
            i += 2
            continue
        if text[i] in MARK_CHARS:
            yield i, text[i]
        i += 1


def _double_spans(text: str, start: int, end: int) -> Iterator[Marked]:
    """Yield the double-mark spans of one paragraph (an unclosed one runs to its end)."""
    opened: tuple[int, str] | None = None
    for i, mark in _marks(text, start, end):
        width = len(mark)
        if opened is None and mark in DOUBLE_PAIRS and _can_open(text, i, start, end, width):
            opened = (i, mark)
        elif opened is not None and mark in DOUBLE_PAIRS[opened[1]] and _can_close(text, i, start):
            yield Marked(opened[0] + len(opened[1]), i, opened[1], True)
            opened = None
    if opened is not None and (opened[1] != '"' or text.count('"', start, end) == 1):
        yield Marked(opened[0] + len(opened[1]), end, opened[1], False)


def _single_spans(text: str, start: int, end: int) -> Iterator[Marked]:
    """Yield the single-mark spans of one paragraph (apostrophes and unclosed marks excluded)."""
    opened: tuple[int, str] | None = None
    for i, mark in _marks(text, start, end):
        if len(mark) > 1 or _apostrophe(text, i, start, end):
            continue
        if opened is None and mark in SINGLE_PAIRS and _can_open(text, i, start, end):
            opened = (i, mark)
        elif opened is not None and mark in SINGLE_PAIRS[opened[1]] and _can_close(text, i, start):
            yield Marked(opened[0] + 1, i, opened[1], True)
            opened = None


def _apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """Tell whether a single mark is an apostrophe (between letters, ``’90s``, ``Clintons’ ``)."""
    if text[i] not in "'’‘":
        return False
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return True
    if text[i] in "’'" and not before.isalnum() and re.match(r"\d0s\b|em\b|til\b|cause\b", text[i + 1 : i + 7]):
        return True
    return text[i] in "’'" and before in "sS" and after.isspace() and not _single_open_before(text, i, start)


def _single_open_before(text: str, i: int, start: int) -> bool:
    """Tell whether a single opening mark precedes position ``i`` in the paragraph."""
    return any(text[j] in "‘'" and _can_open(text, j, start, i) for j in range(start, i))


def _can_open(text: str, i: int, start: int, end: int, width: int = 1) -> bool:
    """An opening mark: at the paragraph's start or after a space or an opening, and before a non-space."""
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    return (before.isspace() or before in "([{—–-/“‘\"'«:") and not after.isspace()


def _can_close(text: str, i: int, start: int) -> bool:
    """A closing mark: after a non-space character."""
    return i > start and not text[i - 1].isspace()


# ---------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class Who:
    """A Source read as written: its category and, for names, the name without titles."""

    category: str
    """``name``, ``pronoun``, ``relative``, ``other-pronoun``, ``description`` or ``none``."""
    text: str
    name: str | None = None
    head: str | None = None


def _tokens(text: str) -> list[str]:
    """Split text into word tokens (keeping ``J.``, ``al-Assad``, ``O’Malley``)."""
    return TOKEN.findall(text)


def _bare(token: str) -> str:
    """Return a token lower-cased without dots and a possessive ending."""
    return POSSESSIVE.sub("", token.strip()).lower().strip(".-")


def _capitalised(token: str) -> bool:
    """Tell whether a token can belong to a name's run."""
    return token[:1].isupper() or _bare(token) in NAME_PARTICLES or token.lower().startswith(("al-", "el-"))


def final_run(text: str) -> list[str]:
    """Return the run of capitalised tokens the text ends with (empty when it ends lower-case)."""
    tokens = _tokens(text)
    run: list[str] = []
    for token in reversed(tokens):
        if not _capitalised(token) or (run and POSSESSIVE.search(token) and _bare(token) not in NAME_SUFFIXES):
            break
        if run and token.endswith(".") and len(token) > 4 and _bare(token) not in TITLES | NAME_SUFFIXES:
            break
        run.insert(0, token)
    while run and _bare(run[0]) in NAME_PARTICLES:
        run.pop(0)
    while run and (_bare(run[-1]) in NAME_PARTICLES or PARTY_TAG.match(run[-1])):
        run.pop()
    return run


def strip_titles(run: Sequence[str], lower_words: frozenset[str] = frozenset()) -> list[str]:
    """Drop the titles, roles and sentence openers a run starts with; keep at least its last word."""
    cut = max((i + 1 for i, t in enumerate(run[:-1]) if _bare(t) in TITLES), default=0)
    out = list(run[cut:])
    while len(out) > 1 and (_bare(out[0]) in LEADING_WORDS or _bare(out[0]) in lower_words):
        out.pop(0)
    return [POSSESSIVE.sub("", t) if i == len(out) - 1 else t for i, t in enumerate(out)]


def strip_titles_keep_orgs(run: Sequence[str], lower_words: frozenset[str] = frozenset()) -> list[str]:
    """Strip titles from a person's name but keep an organisation's run whole (``State Department``)."""
    return list(run) if run and _bare(run[-1]) in ORG_WORDS else strip_titles(run, lower_words)


def is_org(name: str) -> bool:
    """Tell whether a name is an organisation or a group rather than one person."""
    tokens = [_bare(t) for t in _tokens(name)]
    return (
        any(t in ORG_WORDS for t in tokens)
        or (len(tokens) == 1 and name.isupper() and len(name) > 1)
        or tokens[-1:] == [t for t in tokens[-1:] if t in GROUP_NAMES]
    )


def read_source(text: str, lower_words: frozenset[str] = frozenset()) -> Who:
    """Read one Source as written: a name, a pronoun or a description."""
    clean = text.strip(" ,.;:\n")
    low = clean.lower()
    if low in PERSON_PRONOUNS:
        return Who("pronoun", clean)
    if low in RELATIVE_PRONOUNS:
        return Who("relative", clean)
    if low in OTHER_PRONOUNS or not clean:
        return Who("other-pronoun", clean)
    parts = [p.strip() for p in HEAD_CUTS.split(f" {clean} ") if p.strip()]
    for i, part in enumerate(parts):
        who = _read_part(clean, part, lower_words)
        if who.category == "name" or i + 1 == len(parts) or not _only_titles(part):
            return _appositive_name(clean, who, parts[i + 1 :], lower_words)
    return Who("description", clean)


def _read_part(clean: str, part: str, lower_words: frozenset[str]) -> Who:
    """Read one head part: a name when it ends with a capitalised run, else a description."""
    run = strip_titles_keep_orgs(final_run(part), lower_words)
    if run and not (len(run) == 1 and _bare(run[0]) in LEADING_WORDS | lower_words | CALENDAR_WORDS):
        return Who("name", clean, " ".join(run))
    words = [_bare(t) for t in _tokens(part)]
    head = next((w for w in reversed(words) if w and not w[:1].isdigit()), None)
    return Who("description", clean, head=head)


def _only_titles(part: str) -> bool:
    """Tell whether a head part is only capitalised titles (``Secretary`` of State ...)."""
    tokens = _tokens(part)
    return bool(tokens) and all(t[:1].isupper() and _bare(t) in LEADING_WORDS for t in tokens)


def _appositive_name(clean: str, who: Who, rest: Sequence[str], lower_words: frozenset[str]) -> Who:
    """Return the name of a description's comma apposition (``a spokesman for X, Brian Fallon``)."""
    if who.category != "description" or not rest:
        return who
    tail = clean.split(",")[1:]
    for part in tail:
        candidate = _read_part(clean, part.strip(), lower_words)
        if (
            candidate.category == "name"
            and len(_tokens(part)) == len(final_run(part))
            and not is_org(candidate.name or "")
        ):
            return candidate
    return who


# ---------------------------------------------------------------- resolution


@dataclass(frozen=True, slots=True)
class Resolved:
    """A Source's speaker: the full name (None when unresolved), the form written and the rule used."""

    name: str | None
    as_written: str | None
    rule: str


@dataclass(slots=True)
class Article:
    """What resolution needs to know of one article."""

    text: str
    attributions: list[Attribution]
    lower_words: frozenset[str] = frozenset()
    full_names: dict[str, list[str]] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)
    genders: dict[str, str | None] = field(default_factory=dict)


def lower_words(text: str) -> frozenset[str]:
    """Return the words the article writes in lower case (``officials``, ``but``)."""
    return frozenset(w for w in re.findall(r"\b[a-z][a-z’'-]*\b", text))


RUN_PATTERN = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|da|di|du|le|la|al-\w+))*")


def name_runs(text: str, lower: frozenset[str]) -> Iterator[list[str]]:
    """Yield every run of two to four capitalised words of the body (headline left out), titles dropped."""
    body = text[text.find("\n") + 1 :] if "\n" in text else ""
    for match in RUN_PATTERN.finditer(body):
        for piece in _split_run(match.group(0).split(), lower):
            run = strip_titles(final_run(" ".join(piece)), lower)
            if 2 <= len(run) <= 4:
                yield run


def _split_run(tokens: list[str], lower: frozenset[str]) -> Iterator[list[str]]:
    """Split a run at words the article also writes in lower case and at sentence ends."""
    piece: list[str] = []
    for token in tokens:
        if _bare(token) in lower and _bare(token) not in NAME_PARTICLES:
            yield piece
            piece = []
            continue
        piece.append(token)
        if token.endswith(".") and len(token) > 4 and _bare(token) not in TITLES | NAME_SUFFIXES:
            yield piece
            piece = []
    yield piece


def article(text: str, attributions: list[Attribution]) -> Article:
    """Prepare one article for resolution: lower-case words, full names, paragraph starts."""
    lower = lower_words(text)
    prepared = Article(text, sorted(attributions, key=lambda a: a.content.start), lower)
    prepared.paragraph_starts = [s for s, _ in paragraphs(text)]
    source_names = [read_source(a.source.text, lower).name for a in attributions if a.source]
    prepared.full_names = _full_names([n.split() for n in source_names if n], name_runs(text, lower))
    return prepared


def _full_names(from_sources: list[list[str]], from_text: Iterable[list[str]]) -> dict[str, list[str]]:
    """Map a one-word name (first or last word) to the distinct full names it may stand for."""
    out: dict[str, list[str]] = {}
    text_names: dict[str, list[str]] = defaultdict(list)
    source_names: dict[str, list[str]] = defaultdict(list)
    for names, target in ((from_sources, source_names), (from_text, text_names)):
        for run in names:
            words = [w for w in run if not MIDDLE_INITIAL.match(w)]
            if len(words) >= 2 and not is_org(" ".join(words)):
                for key in {words[0], words[-1]}:
                    target[key].append(" ".join(run))
    for key in set(text_names) | set(source_names):
        out[key] = source_names.get(key) or text_names[key]
    return out


def expand(name: str, prepared: Article) -> str | None:
    """Return a one-word name's full name when the article gives it exactly one person, else None."""
    if len(name.split()) > 1 or is_org(name):
        return name
    candidates = prepared.full_names.get(name, [])
    if not candidates:
        return name
    if len({(c.split()[0], c.split()[-1]) for c in candidates}) > 1:
        return None
    return Counter(candidates).most_common(1)[0][0]


def paragraph_index(prepared: Article, offset: int) -> int:
    """Return the index of the paragraph holding ``offset``."""
    index = 0
    for i, start in enumerate(prepared.paragraph_starts):
        if start > offset:
            break
        index = i
    return index


def resolve_all(prepared: Article) -> dict[str, Resolved]:
    """Resolve every attribution's Source: names and descriptions first, then pronouns by the names' mentions."""
    sources = {a.source.id: a.source for a in prepared.attributions if a.source}
    out = {key: resolve(source, prepared, []) for key, source in sources.items() if not _is_pronoun(source)}
    names = {r.name for r in out.values() if r.name and not is_org(r.name)}
    mentions = name_mentions(prepared.text, names)
    out.update({key: resolve(s, prepared, mentions) for key, s in sources.items() if _is_pronoun(s)})
    return out


def _is_pronoun(source: Mention) -> bool:
    """Tell whether a Source is a personal pronoun (resolved after the names)."""
    return source.text.strip(" ,.;:\n").lower() in PERSON_PRONOUNS


def name_mentions(text: str, names: Iterable[str]) -> list[tuple[int, str]]:
    """Return (offset, name) of every mention of a speaker's first or last word; a word two names share stays itself."""
    owners: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = [w for w in name.split() if not MIDDLE_INITIAL.match(w) and _bare(w) not in NAME_SUFFIXES]
        for word in {words[0], words[-1]} if words else ():
            owners[word].add(name)
    body = text.find("\n") + 1
    found = []
    for word, named in owners.items():
        label = next(iter(named)) if len(named) == 1 else f"?{word}"
        found += [(m.start(), label) for m in re.finditer(rf"\b{re.escape(word)}\b", text) if m.start() >= body]
    return sorted(found)


def resolve(source: Mention, prepared: Article, mentions: Sequence[tuple[int, str]]) -> Resolved:
    """Resolve one Source to a full name (rules 1-3 of the module's docstring)."""
    who = read_source(source.text, prepared.lower_words)
    if who.category == "name" and who.name:
        full = expand(who.name, prepared)
        return Resolved(full, who.text, "name") if full else Resolved(None, who.text, "ambiguous-name")
    if who.category == "pronoun":
        return _antecedent(source, prepared, mentions)
    if who.category == "relative":
        return _relative(source, prepared)
    if who.category == "description" and who.head in PERSON_HEADS:
        return _described(source, who, prepared)
    return Resolved(None, who.text, "description-other" if who.category == "description" else who.category)


def _antecedent(source: Mention, prepared: Article, mentions: Sequence[tuple[int, str]]) -> Resolved:
    """Resolve he/she: the one person named as a Source in this paragraph and the previous one."""
    here = paragraph_index(prepared, source.start)
    wanted = PRONOUN_GENDER[source.text.strip().lower()]
    window = [
        n
        for pos, n in mentions
        if pos < source.start
        and here - paragraph_index(prepared, pos) <= PARAGRAPH_WINDOW
        and gender_of(n, prepared) in (None, wanted)
    ]
    if len(set(window)) == 1 and not window[-1].startswith("?"):
        return Resolved(window[-1], window[-1], "pronoun")
    return Resolved(None, source.text, "pronoun-unresolved")


def gender_votes(text: str, name: str) -> Counter[str]:
    """Count the honorifics before a name's last word and the pronouns after it with no other name between."""
    surname = re.escape(name.split()[-1])
    votes: Counter[str] = Counter()
    for match in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{surname}\b", text):
        votes[PRONOUN_GENDER[match.group(1).lower()]] += 3
    after = rf"\b{surname}\b[^.!?\n“”\"A-Z]{{0,80}}?\b((?i:he|she|his|her|him|himself|herself))\b"
    for match in re.finditer(after, text):
        votes[PRONOUN_GENDER[match.group(1).lower()]] += 1
    return votes


def decide_gender(votes: Counter[str]) -> str | None:
    """Return the gender with at least twice the other's votes, else None."""
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def gender_of(name: str, prepared: Article) -> str | None:
    """Return a name's gender from the split's votes (see :func:`split_genders`), else the article's."""
    key = name_key(name)
    if key not in prepared.genders:
        prepared.genders[key] = decide_gender(gender_votes(prepared.text, name))
    return prepared.genders[key]


def _relative(source: Mention, prepared: Article) -> Resolved:
    """Resolve who/which/that: the name right before it, or the description right before it."""
    before = prepared.text[max(0, source.start - 160) : source.start]
    before = re.split(r"[.;:!?\n]\s", before)[-1].rstrip(" ,")
    run = final_run(before)
    part = " ".join(run) if run else before.split(",")[-1].strip()
    at = before.rfind(run[0]) if run else len(before) - len(part)
    if source.text.lower() not in ("who", "whom", "which") or not part or _word_before(before, at) in PREPOSITIONS:
        return Resolved(None, source.text, "relative-unresolved")
    proxy = Mention(source.id, "Source", ((source.start - len(part), source.start),), part)
    resolved = resolve(proxy, prepared, [])
    if not resolved.name:
        return Resolved(None, source.text, "relative-unresolved")
    return Resolved(resolved.name, resolved.as_written, "relative")


def _described(source: Mention, who: Who, prepared: Article) -> Resolved:
    """Resolve a person description by the nearest preceding apposition with the same head."""
    found = sorted(_appositions(who, prepared.text[: source.start]), reverse=True)
    for _, written in found:
        if (name := person_name(written, prepared)) and (full := expand(name, prepared)):
            return Resolved(full, who.text, "description")
    return Resolved(None, who.text, "description-unresolved")


def person_name(written: str, prepared: Article) -> str | None:
    """Return the person's name a capitalised run gives (titles, prepositions, dates dropped), or None."""
    run = [t for t in final_run(written) if _bare(t) not in PREPOSITIONS]
    run = strip_titles(run, prepared.lower_words)
    name = " ".join(run)
    if not run or is_org(name) or (len(run) == 1 and _bare(run[0]) in CALENDAR_WORDS | prepared.lower_words):
        return None
    return name


NAME_PATTERN = r"((?:(?:[A-Z][\w’'.-]*|de|van|von|da|di|du|le|la)\s+){0,3}[A-Z][\w’'.-]*)"
PREPOSITIONS = _words("in at on of from to for by with since after before during until about than")
RANK_WORDS = _words("vice deputy assistant former ex lieutenant associate")
"""Words before a head noun that make another office of it (``Vice President``)."""


def _appositions(who: Who, text: str) -> Iterator[tuple[int, str]]:
    """Yield (end, name) of every apposition in ``text`` with the description's head and capitalised words."""
    head = re.escape(who.head or "")
    before = re.compile(rf"(\w+\s+)?(?i:{head})(?:\s+of\s+[A-Z]\w+)?\s+{NAME_PATTERN}")
    after = re.compile(
        rf"{NAME_PATTERN},\s+(?:the|a|an|his|her|its|their|[A-Z][\w’'.-]*’s)\s+(?:[\w’'.-]+\s+){{0,5}}?{head}\b"
    )
    wanted = set(_modifiers(who.text))
    for pattern, group in ((before, 2), (after, 1)):
        for match in pattern.finditer(text):
            window = text[match.start() : match.end() + 40]
            rank = _bare(match.group(1) or "") if group == 2 else _word_before(text, match.start())
            if rank in PREPOSITIONS or (rank in RANK_WORDS and rank not in who.text.lower()):
                continue
            if wanted <= set(_tokens(window)):
                yield match.end(), match.group(group)


def _word_before(text: str, offset: int) -> str:
    """Return the word right before ``offset``, lower-case."""
    words = _tokens(text[max(0, offset - 30) : offset])
    return _bare(words[-1]) if words else ""


def _modifiers(description: str) -> list[str]:
    """Return the capitalised words of a description other than openers (``Republican``, ``Clinton``)."""
    return [
        POSSESSIVE.sub("", t) for t in _tokens(description) if t[:1].isupper() and _bare(t) not in ("the", "a", "an")
    ]


# ---------------------------------------------------------------- conversion


@dataclass(frozen=True, slots=True)
class Conversion:
    """A converted split: the gold, the rule behind each speaker, and counts."""

    gold: ev.Gold
    rules: Mapping[tuple[str, int, int], str]
    """(source, start, end) of each required quotation -> the resolution rule that gave its speaker."""
    counts: Mapping[str, int]
    attributions: Mapping[str, list[Attribution]]


def split_dir(root: Path, split: str) -> Path:
    """Return the folder of one split."""
    return root / split


def article_stems(root: Path, split: str) -> list[str]:
    """Return the stems of the split's text files, sorted."""
    return sorted(p.stem for p in (split_dir(root, split) / "text").glob("*.txt"))


def name_key(name: str) -> str:
    """Return an entity label for a full name: normalised, initials and generational suffixes dropped."""
    words = [t for t in ev.normalise_name(name).split() if len(t) > 1]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return " ".join(words) or ev.normalise_name(name)


def quote_kind(text: str) -> str:
    """Return ``statement`` for a capitalised quotation of four words or more, else ``fragment``."""
    stripped = text.lstrip(" ….([\"'“‘")
    opens = text.lstrip()[:1] in "…" or stripped[:1].isupper() or stripped[:1].isdigit()
    return "statement" if opens and len(text.split()) >= STATEMENT_WORDS else "fragment"


def coverage(span: tuple[int, int], mention: Mention) -> float:
    """Return the share of a span's characters inside a mention's fragments."""
    inside = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in mention.spans)
    return inside / max(1, span[1] - span[0])


def convert_article(
    source: str,
    text: str,
    attributions: list[Attribution],
    entities: dict[str, dict[str, set[str]]],
    genders: Mapping[str, str | None],
) -> tuple[list[ev.GoldQuote], dict[tuple[str, int, int], str], Counter[str]]:
    """Convert one article: its gold quotations, the rule behind each speaker, counts."""
    prepared = article(text, attributions)
    prepared.genders = dict(genders)
    resolved = resolve_all(prepared)
    headline_end = text.find("\n") if "\n" in text else len(text)
    quotes, rules, counts = [], {}, Counter[str]()
    occurrences: Counter[str] = Counter()
    for mark in marked_spans(text):
        inner = text[mark.start : mark.end]
        occurrences[inner] += 1
        span = ev.trim(text, mark.start, mark.end)
        best = max(attributions, key=lambda a: coverage(span, a.content), default=None)
        share = coverage(span, best.content) if best else 0.0
        base = dict(source=source, text=inner, occurrence=_occurrence(text, inner, mark.start), start=mark.start)
        if share < INSIDE_CONTENT or mark.nested or mark.start <= headline_end:
            why = (
                "headline"
                if mark.start <= headline_end
                else "nested"
                if mark.nested
                else "outside"
                if share == 0
                else "partial"
            )
            counts[f"optional-{why}"] += 1
            quotes.append(ev.GoldQuote(**base, end=mark.end, kind="term", optional=True))  # type: ignore[arg-type]
            continue
        assert best is not None
        who = resolved.get(best.source.id) if best.source else Resolved(None, None, "no-source")
        assert who is not None
        label = name_key(who.name) if who.name else None
        if label and who.name:
            forms = entities.setdefault(label, {"names": set(), "forms": set(), "sources": set()})
            forms["names"].add(who.name)
            forms["forms"].update({who.name, *([who.as_written] if who.as_written else [])})
            forms["sources"].add(source)
        counts["required"] += 1
        counts[f"speaker-{who.rule}"] += 1
        kind = quote_kind(inner)
        statement = f"{label or f'?{source}'}:{ev.exact_key(inner)}"
        quotes.append(
            ev.GoldQuote(
                **base,  # type: ignore[arg-type]
                end=mark.end,
                kind=kind,
                speaker=label,
                speaker_as_written=who.as_written,
                statement=statement,
            )
        )
        rules[(source, mark.start, mark.end)] = who.rule
    return quotes, rules, counts


def _occurrence(text: str, needle: str, start: int) -> int:
    """Return which (1-based) occurrence of ``needle`` starts at ``start``."""
    count, index = 0, text.find(needle)
    while 0 <= index < start:
        count, index = count + 1, text.find(needle, index + 1)
    return count + 1


def surname_forms(names: set[str]) -> set[str]:
    """Return the last word of each person's full name (``Trump`` for ``Donald J. Trump Jr.``), suffixes aside."""
    out = set()
    for name in names:
        words = name.split()
        while len(words) > 1 and _bare(words[-1]) in NAME_SUFFIXES:
            words.pop()
        if len(words) > 1 and not is_org(name):
            out.add(words[-1].rstrip(","))
    return out


def merge_surnames(found: dict[str, dict[str, set[str]]]) -> dict[str, str]:
    """Merge each entity (``obama``, ``vargas llosa``) into the split's only longer name ending with it; return the moves."""
    by_tail: dict[str, list[str]] = defaultdict(list)
    for label in found:
        words = label.split()
        for k in range(1, len(words)):
            by_tail[" ".join(words[k:])].append(label)
    moves = {label: by_tail[label][0] for label in found if len(by_tail[label]) == 1}
    for short, full in moves.items():
        for key, values in found.pop(short).items():
            found[full][key] |= values
    return moves


def build_entities(found: Mapping[str, Mapping[str, set[str]]]) -> dict[str, ev.GoldEntity]:
    """Build the gold entities: display name, every form used, the articles where each speaks."""
    out = {}
    for label, spec in sorted(found.items()):
        name = Counter(spec["names"]).most_common(1)[0][0]
        forms = tuple(sorted(spec["forms"] | surname_forms(spec["names"])))
        out[label] = ev.GoldEntity(label, name, forms, frozenset(spec["sources"]))
    return out


def read_split(root: Path, split: str) -> dict[str, tuple[str, list[Attribution]]]:
    """Read every article of a split: stem -> (text, attributions)."""
    folder = split_dir(root, split)
    out = {}
    for stem in article_stems(root, split):
        ann = annotation_file(folder, stem)
        out[stem] = (ev.read_source_text(folder / "text" / f"{stem}.txt"), read_ann(ann) if ann else [])
    return out


def split_genders(articles: Mapping[str, tuple[str, list[Attribution]]]) -> dict[str, str | None]:
    """Decide each named speaker's gender from the votes of every article of the split that names it."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for text, attributions in articles.values():
        prepared = article(text, attributions)
        for source in {a.source.id: a.source for a in attributions if a.source}.values():
            name = None if _is_pronoun(source) else resolve(source, prepared, []).name
            if name and not is_org(name) and name_key(name) not in prepared.genders:
                prepared.genders[name_key(name)] = None
                votes[name_key(name)] += gender_votes(text, name)
    return {key: decide_gender(v) for key, v in votes.items()}


def convert_split(root: Path, split: str) -> Conversion:
    """Convert one PolNeAR split into a Gold (see the module's docstring for the rules)."""
    articles = read_split(root, split)
    genders = split_genders(articles)
    quotes: list[ev.GoldQuote] = []
    rules: dict[tuple[str, int, int], str] = {}
    counts: Counter[str] = Counter()
    found: dict[str, dict[str, set[str]]] = {}
    for stem, (text, attributions) in articles.items():
        counts["articles"] += 1
        counts["attributions"] += len(attributions)
        got, got_rules, got_counts = convert_article(stem, text, attributions, found, genders)
        quotes.extend(got)
        rules.update(got_rules)
        counts.update(got_counts)
    texts = {stem: text for stem, (text, _) in articles.items()}
    merged = merge_surnames(found)
    quotes = [replace(q, speaker=merged.get(q.speaker or "", q.speaker)) for q in quotes]
    gold = ev.Gold(tuple(quotes), (), build_entities(found), texts)
    return Conversion(gold, rules, counts, {stem: atts for stem, (_, atts) in articles.items()})


def check_conversion(conversion: Conversion) -> list[str]:
    """Return every gold quotation whose text is not the file's text at its offsets."""
    texts = conversion.gold.texts
    return [
        f"{q.source}: {q.text[:50]!r} at {q.start}"
        for q in conversion.gold.quotes
        if texts[q.source][q.start : q.end] != q.text or ev.locate(texts[q.source], q.text, q.occurrence) != q.start
    ]


def summary_lines(conversion: Conversion) -> list[str]:
    """Return the conversion's counts, one per line."""
    c = conversion.counts
    resolved = sum(1 for q in conversion.gold.required if q.speaker)
    optional = sum(q.optional for q in conversion.gold.quotes)
    lines = [
        f"articles {c['articles']}, attributions {c['attributions']}",
        f"quotation-marked spans {len(conversion.gold.quotes)}: required {c['required']}, optional {optional}",
        f"required with a resolved speaker {resolved}, unresolved source {c['required'] - resolved}",
        f"entities {len(conversion.gold.entities)}",
    ]
    lines += [f"  {key:<32}{value:>7}" for key, value in sorted(c.items()) if key.startswith(("speaker-", "optional-"))]
    return lines


# ---------------------------------------------------------------- corpus and run


def corpus_root(explicit: Path | None = None) -> Path | None:
    """Return the PolNeAR folder: the argument, ``$DIGEST_POLNEAR`` or ``../shared/corpora/polnear``."""
    for candidate in (explicit, os.environ.get(ENV_VAR), DEFAULT_ROOT):
        if candidate and (Path(candidate) / "dev" / "text").is_dir():
            return Path(candidate)
    return None


def metadata(root: Path) -> dict[str, dict[str, str]]:
    """Read ``metadata.tsv``: file stem -> its row."""
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def write_corpus(root: Path, split: str, dest: Path) -> Path:
    """Copy the split's texts into ``dest`` with a ``sources.yml`` from the metadata; return ``dest``."""
    rows = metadata(root)
    manifest = {}
    for stem in article_stems(root, split):
        (dest / f"{stem}.txt").write_bytes((split_dir(root, split) / "text" / f"{stem}.txt").read_bytes())
        row = rows.get(stem, {})
        entry = {"outlet": OUTLETS.get(row.get("publisher", ""), row.get("publisher")), "title": row.get("title")}
        entry["published"] = row.get("publication_date")
        manifest[f"{stem}.txt"] = {k: v for k, v in entry.items() if v}
    (dest / "sources.yml").write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return dest


@dataclass(frozen=True, slots=True)
class Run:
    """One scored run of the pipeline over a split."""

    split: str
    conversion: Conversion
    digest: Digest
    scores: ev.Scores
    seconds: float


def run_split(root: Path, split: str) -> Run:
    """Convert a split, run ``digest.pipeline.analyse`` on its texts and score the result."""
    from digest.pipeline import analyse

    conversion = convert_split(root, split)
    with tempfile.TemporaryDirectory(prefix=f"polnear-{split}-") as tmp:
        corpus = write_corpus(root, split, Path(tmp))
        began = time.perf_counter()
        digest = analyse(corpus)
        seconds = time.perf_counter() - began
    return Run(split, conversion, digest, ev.score(digest, conversion.gold), seconds)


# ---------------------------------------------------------------- figures beyond the scorer


def pairs_of(run: Run) -> tuple[list[ev.Prediction], list[ev.Pair]]:
    """Return the run's predictions and their alignment with the gold, as the scorer aligns them."""
    if id(run) not in _ALIGNED:
        keys = ev.source_keys(run.digest.articles)
        texts = {**run.conversion.gold.texts, **{keys[a.id]: a.text for a in run.digest.articles}}
        preds = ev.predictions(run.digest, texts)
        golds: dict[str, list[ev.GoldQuote]] = defaultdict(list)
        by_source: dict[str, list[ev.Prediction]] = defaultdict(list)
        for q in run.conversion.gold.quotes:
            golds[q.source].append(q)
        for pred in preds:
            by_source[pred.source].append(pred)
        pairs = [pair for source, qs in golds.items() for pair in ev.align(qs, by_source[source], texts)]
        _ALIGNED[id(run)] = (preds, pairs)
    return _ALIGNED[id(run)]


_ALIGNED: dict[int, tuple[list[ev.Prediction], list[ev.Pair]]] = {}
"""Alignments already computed, by run (one source at a time: the scorer never pairs across sources)."""


def _head_word(text: str) -> str:
    """Return the last word of a name or description's head part (lower-case)."""
    head = HEAD_CUTS.split(f" {text} ")[0] if text else ""
    words = [_bare(t) for t in _tokens(head or text)]
    return words[-1] if words else ""


def unresolved_figure(run: Run) -> dict[str, int]:
    """Count, over required quotations whose Source is not a name, what the pipeline gave them.

    ``same``: a predicted name shares the head word of the Source as written ("the campaign" /
    "Clinton campaign"); ``other``: another speaker; ``none``: no speaker; ``missed``: the
    quotation itself was not found. ``no-source`` counts the attributions without any Source.
    """
    _, pairs = pairs_of(run)
    by_gold = {id(p.gold): p for p in pairs}
    speakers = {s.id: s for s in run.digest.speakers}
    out: Counter[str] = Counter()
    for q in run.conversion.gold.required:
        if q.speaker:
            continue
        group = "no-source" if q.speaker_as_written is None else "unresolved"
        pair = by_gold.get(id(q))
        names = ev.predicted_names(pair.pred.quote, speakers) if pair else []
        head = _head_word(q.speaker_as_written or "")
        verdict = "missed" if pair is None else "none" if not names else "other"
        if names and head and any(head in {_bare(t) for t in _tokens(n)} for n in names):
            verdict = "same"
        out[f"{group}-{verdict}"] += 1
        out[group] += 1
    return dict(out)


def format_report(run: Run) -> str:
    """Return the score table, the figure for unresolved Sources and the run's time."""
    figure = unresolved_figure(run)
    lines = [ev.format_table({f"polnear-{run.split}": run.scores}), ""]
    lines += summary_lines(run.conversion)
    lines.append(f"pipeline time {run.seconds:.1f} s for {len(run.digest.articles)} articles")
    for group in ("unresolved", "no-source"):
        total = figure.get(group, 0)
        parts = ", ".join(f"{v} {figure.get(f'{group}-{v}', 0)}" for v in ("same", "other", "none", "missed"))
        share = figure.get(f"{group}-same", 0) / total if total else 0.0
        lines.append(f"{group} sources: {total} quotations ({parts}); same source {share:.3f}")
    return "\n".join(lines)


# ---------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class Failure:
    """One error: what went wrong (missed, extra, speaker), its class, where, and what was given."""

    what: str
    cls: str
    source: str
    start: int
    end: int
    detail: str


def classify_errors(run: Run) -> list[Failure]:
    """Return every missed and extra quotation and every wrong speaker, each with a failure class."""
    preds, pairs = pairs_of(run)
    gold = run.conversion.gold
    return [*_missed(run, preds, pairs), *_extra(run, preds, pairs, gold), *_speaker_failures(run, pairs)]


def _missed(run: Run, preds: Sequence[ev.Prediction], pairs: Sequence[ev.Pair]) -> Iterator[Failure]:
    """Yield the required gold quotations not found with their exact span."""
    strict = {id(p.gold) for p in pairs if p.strict}
    loose = {id(p.gold): p for p in pairs if not p.strict}
    bodies = {ev.source_keys(run.digest.articles)[a.id]: a.body for a in run.digest.articles}
    by_source: dict[str, list[ev.Prediction]] = defaultdict(list)
    for pred in preds:
        by_source[pred.source].append(pred)
    for q in run.conversion.gold.required:
        if id(q) in strict:
            continue
        text = run.conversion.gold.texts[q.source]
        cls = _missed_class(q, text, loose.get(id(q)), by_source[q.source], bodies.get(q.source, ()))
        got = loose[id(q)].pred.quote.text if id(q) in loose else ""
        yield Failure("missed", cls, q.source, q.start, q.end, f"got {got[:80]!r}" if got else "")


def _missed_class(
    q: ev.GoldQuote, text: str, pair: ev.Pair | None, preds: Sequence[ev.Prediction], body: Sequence[Span]
) -> str:
    """Return the failure class of one missed quotation."""
    span = ev.trim(text, q.start, q.end)
    if pair is not None:
        longer = pair.pred.span[0] <= span[0] and pair.pred.span[1] >= span[1]
        return "loose span: prediction longer" if longer else "loose span: prediction shorter or shifted"
    overlapping = [p for p in preds if ev._overlaps(span, p.span)]
    if overlapping:
        return "split or merged: overlaps a prediction (IoU < 0.5)"
    if not any(s.start <= q.start < s.end for s in body):
        return "outside the article body (read as furniture)"
    if text[q.start - 1] in SINGLE_PAIRS:
        return "single quotation marks"
    if q.end >= len(text) or text[q.end] == "\n":
        return "unclosed quotation (runs to the paragraph's end)"
    if len(q.text.split()) < STATEMENT_WORDS:
        return "short fragment not extracted"
    return "not extracted"


def _extra(run: Run, preds: Sequence[ev.Prediction], pairs: Sequence[ev.Pair], gold: ev.Gold) -> Iterator[Failure]:
    """Yield the counted predictions not matching any gold quotation with their exact span."""
    on_optional = {id(p.pred) for p in pairs if p.gold.optional}
    strict = {id(p.pred) for p in pairs if p.strict}
    loose = {id(p.pred) for p in pairs if not p.strict and not p.gold.optional}
    spans = Counter((p.source, p.span) for p in preds)
    golds: dict[str, list[ev.GoldQuote]] = defaultdict(list)
    for q in gold.quotes:
        golds[q.source].append(q)
    for p in preds:
        if id(p) in on_optional or id(p) in strict:
            continue
        text = gold.texts.get(p.source, "")
        cls = (
            "loose span (counterpart of a missed quotation)"
            if id(p) in loose
            else _extra_class(p, text, golds[p.source])
        )
        if spans[(p.source, p.span)] > 1:
            cls = "duplicate: one quotation extracted twice (outer and nested)"
        yield Failure("extra", cls, p.source, p.quote.start, p.quote.end, f"{p.quote.kind}: {p.quote.text[:80]!r}")


def _extra_class(p: ev.Prediction, text: str, quotes: Sequence[ev.GoldQuote]) -> str:
    """Return the failure class of one prediction matching no gold quotation of its source."""
    golds = [q for q in quotes if ev._overlaps(ev.trim(text, q.start, q.end), p.span)]
    if len(golds) > 1:
        return "spans several gold quotations"
    if golds:
        return "partial span of a gold quotation (IoU < 0.5)"
    before = text[p.quote.start - 1 : p.quote.start + 1] if p.quote.start else ""
    after = text[p.quote.end - 1 : p.quote.end + 1]
    if re.search(r"=\W?$", text[max(0, p.quote.start - 2) : p.quote.start]):
        return "markup attribute value (<tweet ...> embeds)"
    if not any(c in ev.QUOTE_MARKS for c in before + after):
        return "not delimited by quotation marks"
    if any(c in "’'" for c in before + after):
        return "apostrophe or single mark taken as a quotation"
    return "other (marks the gold does not pair)"


def _speaker_failures(run: Run, pairs: Sequence[ev.Pair]) -> Iterator[Failure]:
    """Yield the required quotations with a resolved speaker that the pipeline attributes wrongly."""
    gold = run.conversion.gold
    owners = ev.scoped_owners(gold.entities)
    speakers = {s.id: s for s in run.digest.speakers}
    for pair in pairs:
        q = pair.gold
        if q.optional or not q.speaker:
            continue
        if ev.speaker_matches(pair.pred.quote, q.speaker, speakers, owners(q.source)):
            continue
        names = ev.predicted_names(pair.pred.quote, speakers)
        cls = _speaker_class(run, q, names)
        detail = f"want {gold.entities[q.speaker].name} ({q.speaker_as_written}), got {names or 'none'}"
        yield Failure("speaker", cls, q.source, q.start, q.end, detail)


def _speaker_class(run: Run, q: ev.GoldQuote, names: Sequence[str]) -> str:
    """Return the failure class of one wrong speaker, from the gold attribution and the prediction."""
    text = run.conversion.gold.texts[q.source]
    attribution = _attribution_of(run.conversion.attributions[q.source], q)
    rule = run.conversion.rules.get((q.source, q.start, q.end), "")
    cue = (attribution.cue.text if attribution and attribution.cue else "").lower()
    if names:
        if {n.lower() for n in names} & (PERSON_PRONOUNS | OTHER_PRONOUNS):
            return "wrong: pronoun given as the speaker"
        near = text[max(0, q.start - 400) : q.end + 200]
        wanted = run.conversion.gold.entities[q.speaker or ""]
        if any(set(_tokens(n)) & set(_tokens(" ".join(wanted.forms))) for n in names):
            return "wrong: partial or different form of the right name"
        return "wrong: nearby name" if any(n in near for n in names) else "wrong: name from elsewhere"
    if "according to" in cue:
        return "no speaker: 'according to'"
    if rule in ("pronoun", "relative"):
        return "no speaker: source is a pronoun"
    if rule == "description":
        return "no speaker: source is a description (the senator, a spokesman)"
    return "no speaker: " + _position_class(text, q, attribution, cue)


def _attribution_of(attributions: Sequence[Attribution], q: ev.GoldQuote) -> Attribution | None:
    """Return the attribution whose Content holds the quotation."""
    span = (q.start, q.end)
    return max(attributions, key=lambda a: coverage(span, a.content), default=None)


def _position_class(text: str, q: ev.GoldQuote, attribution: Attribution | None, cue: str) -> str:
    """Classify where the named Source stands relative to the quotation."""
    if attribution is None or attribution.source is None:
        return "other"
    source = attribution.source
    if "\n" in text[min(source.end, q.start) : max(source.start, q.end)]:
        return "speaker named in another paragraph"
    if len(attribution.content.spans) > 1 and attribution.content.start < source.start < attribution.content.end:
        return 'split quotation ("..., X said. ...")'
    between = text[min(source.end, q.start) : max(source.start, q.end)]
    if SENTENCE_END.search(between):
        return "speaker named in another sentence"
    verb = cue.split()[-1] if cue.split() else ""
    if verb and not _known_verb(verb):
        return f"cue not a known reporting verb ({verb})"
    return "same sentence, known verb"


VERB_MODULES = ("digest.text.reporting", "digest.patterns")
"""Where the library keeps its reporting verbs (``REPORTING_VERBS``), newest layout first."""


def _known_verb(verb: str) -> bool:
    """Tell whether the library's reporting-verb list has this cue word (True when there is no list)."""
    for name in VERB_MODULES:
        try:
            verbs = importlib.import_module(name).REPORTING_VERBS
        except (ImportError, AttributeError):
            continue
        return verb.strip(":,.") in verbs
    return True


def context(text: str, start: int, end: int, width: int = 160) -> str:
    """Return the text around a span on one line, the span in [[ ]]."""
    left = text[max(0, start - width) : start].replace("\n", " ¶ ")
    right = text[end : end + width // 2].replace("\n", " ¶ ")
    return f"…{left}[[{text[start:end]}]]{right}…"


def format_errors(run: Run, count: int, seed: int = 0) -> str:
    """Return the count of every failure class and ``count`` sampled errors, grouped by class."""
    failures = classify_errors(run)
    classes = Counter((f.what, f.cls) for f in failures)
    lines = [f"{len(failures)} errors"]
    lines += [f"  {n:>6}  {what:<8} {cls}" for (what, cls), n in sorted(classes.items(), key=lambda kv: -kv[1])]
    sample = random.Random(seed).sample(failures, min(count, len(failures)))
    grouped: dict[tuple[str, str], list[Failure]] = defaultdict(list)
    for failure in sample:
        grouped[(failure.what, failure.cls)].append(failure)
    for (what, cls), items in sorted(grouped.items()):
        lines.append(f"\n== {what}: {cls} ({classes[(what, cls)]})")
        for f in items:
            text = run.conversion.gold.texts.get(f.source, "")
            lines.append(f"- {f.source} {f.detail}\n    {context(text, f.start, f.end)}")
    return "\n".join(lines)


# ---------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """Print the scores of the pipeline on a PolNeAR split, and optionally sampled errors."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval.polnear", description=main.__doc__)
    parser.add_argument("--split", choices=SPLITS, default="dev", help="split to run (default dev)")
    parser.add_argument("--corpus", type=Path, help=f"PolNeAR folder (default ${ENV_VAR} or {DEFAULT_ROOT})")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N sampled errors by failure class")
    parser.add_argument("--summary", action="store_true", help="only convert and print the gold's counts")
    args = parser.parse_args(argv)
    root = corpus_root(args.corpus)
    if root is None:
        print(f"PolNeAR not found: give --corpus, set ${ENV_VAR} or place it at {DEFAULT_ROOT}", file=sys.stderr)
        return 2
    if args.summary:
        conversion = convert_split(root, args.split)
        print("\n".join([*summary_lines(conversion), *check_conversion(conversion)]))
        return 0
    run = run_split(root, args.split)
    print(format_report(run))
    floors = ev.load_floors().get(f"polnear-{args.split}", {})
    failures = ev.check_floors(run.scores, floors)
    print("\n".join(f"BELOW FLOOR: {line}" for line in failures))
    if args.errors:
        print(format_errors(run, args.errors))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
