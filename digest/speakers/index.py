"""The per-article index of names (``ArticleNames``): every person and organisation its text names."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from digest.text.grammar import DETERMINERS, NAME_CONNECTORS, SENTENCE_STARTERS, STOPWORDS
from digest.text.personal_names import FEMININE_GIVEN_NAMES, MASCULINE_GIVEN_NAMES, NAME_PARTICLES
from digest.text.reporting import APPOSITIVE_STOPS
from digest.text.titles import (
    ABBREVIATED_TITLES,
    DESCRIPTIVE_ADJECTIVES,
    GENERIC_NOUNS,
    OFFICES,
    TITLE_CONNECTORS,
    TITLE_WORDS,
)
from digest.text.tokens import words

from ..models import Article
from .agreement import key_level
from .classify import Kind, classify_speaker, is_origin_title
from .keys import (
    ACRONYM_DEFINITION_RE,
    APPOSITIVE_END_RE,
    DETERMINER_WINDOW,
    LAST_WORD_RE,
    MAX_ROLE_WORDS,
    ORG_WORDS,
    POSSESSIVE_RE,
    WORD_RE,
    demonym,
    plain_word,
)
from .organisations import OrgName, org_words, parse_org
from .persons import (
    PersonName,
    is_capitalised,
    is_capitals_word,
    is_particle,
    is_personal_name,
    parse_person,
    split_title,
    title_role,
)

# --------------------------------------------------------------------------- article index


@dataclass(frozen=True, slots=True)
class Run:
    """A run of capitalised words in an article that names someone or something."""

    start: int
    end: int
    bare: str
    person: PersonName | None = None
    org: OrgName | None = None
    roles: tuple[str, ...] = ()
    titled: bool = False
    """True when a title or rank is written before the name (``Major General``, ``Mr.``)."""


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """The names of people and organisations written in one article, indexed for speaker resolution.

    It depends on the article alone (``article_names``), so the pipeline builds it beside the
    article's quotations, in parallel, and caches it with them; ``to_data`` and ``from_data``
    turn it into JSON-ready lists and back.
    """

    runs: tuple[Run, ...]
    """Every name, in reading order."""
    acronyms: dict[str, Run]
    """Acronyms the article defines in brackets after a name (``the European Union (EU)``)."""
    by_surname: dict[str, list[Run]]
    by_given: dict[str, list[Run]]
    orgs: tuple[Run, ...]
    full: tuple[Run, ...]
    """Personal names written with a given name, in text order."""
    alone: tuple[tuple[Run, tuple[int, ...]], ...]
    """Surnames written alone, in text order, each with the ``full`` names (by position) it agrees with."""

    def to_data(self) -> dict[str, Any]:
        """Return the index as JSON-ready lists (the derived lookups are rebuilt on reading)."""
        position = {id(run): k for k, run in enumerate(self.runs)}
        return {
            "runs": [_run_data(run) for run in self.runs],
            "acronyms": [[acronym, position[id(run)]] for acronym, run in self.acronyms.items()],
            "namesakes": [list(agreeing) for _, agreeing in self.alone],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ArticleNames:
        """Rebuild an index from what ``to_data`` returned."""
        runs = tuple(_run_from_data(item) for item in data["runs"])
        acronyms = {str(acronym): runs[int(k)] for acronym, k in data["acronyms"]}
        return _names_index(runs, acronyms, [tuple(int(k) for k in agreeing) for agreeing in data["namesakes"]])


def _names_index(
    runs: tuple[Run, ...], acronyms: dict[str, Run], namesakes: Sequence[tuple[int, ...]] | None = None
) -> ArticleNames:
    """Index an article's names by surname, given name and kind; find the namesakes of surnames alone."""
    by_surname: dict[str, list[Run]] = defaultdict(list)
    by_given: dict[str, list[Run]] = defaultdict(list)
    for run in runs:
        if run.person is not None:
            by_surname[run.person.surname].append(run)
            if run.person.given:
                by_given[run.person.given[0]].append(run)
    people = sorted((r for rs in by_surname.values() for r in rs), key=lambda r: r.start)
    full = tuple(r for r in people if r.person is not None and r.person.given)
    alone = [r for r in people if r.person is not None and not r.person.given]
    if namesakes is None:
        namesakes = _namesakes(full, alone)
    return ArticleNames(
        runs=runs,
        acronyms=acronyms,
        by_surname=dict(by_surname),
        by_given=dict(by_given),
        orgs=tuple(r for r in runs if r.person is None and r.org is not None),
        full=full,
        alone=tuple(zip(alone, namesakes, strict=True)),
    )


def _namesakes(full: Sequence[Run], alone: Sequence[Run]) -> list[tuple[int, ...]]:
    """Return, for each surname written alone, the full names (by position) whose surname agrees."""
    surnames = [r.person.surname if r.person else "" for r in full]
    levels: dict[tuple[str, str], int] = {}
    out = []
    for run in alone:
        surname = run.person.surname if run.person else ""
        agreeing = []
        for k, key in enumerate(surnames):
            level = levels.get((surname, key))
            if level is None:
                level = levels[(surname, key)] = key_level(surname, key)
            if level:
                agreeing.append(k)
        out.append(tuple(agreeing))
    return out


def _run_data(run: Run) -> list[Any]:
    """Return a run as JSON-ready lists."""
    person = run.person
    org = run.org
    return [
        run.start,
        run.end,
        run.bare,
        None if person is None else [list(person.given), list(person.given_plain), person.surname, person.parts],
        None
        if org is None
        else [sorted(org.distinct), sorted(org.heads), org.country, sorted(org.initials), org.acronym],
        list(run.roles),
        run.titled,
    ]


def _run_from_data(item: list[Any]) -> Run:
    """Rebuild a run from ``_run_data``'s lists."""
    start, end, bare, person, org, roles, titled = item
    return Run(
        int(start),
        int(end),
        str(bare),
        person=None if person is None else PersonName(tuple(person[0]), tuple(person[1]), person[2], int(person[3])),
        org=None if org is None else OrgName(frozenset(org[0]), frozenset(org[1]), org[2], frozenset(org[3]), org[4]),
        roles=tuple(roles),
        titled=bool(titled),
    )


def _joins(text: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Tell whether two neighbouring words may belong to one name (only a space, or ``Dr. X``)."""
    gap = text[prev[1] : nxt[0]]
    if gap.strip() == "":
        return "\n" not in gap
    word = text[prev[0] : prev[1]]
    return gap.strip() == "." and (plain_word(word) in ABBREVIATED_TITLES or len(word) == 1)


def _runnable(word: str) -> bool:
    """Tell whether a word can sit inside a run of names (not a contraction: ``Don’t Republicans``)."""
    return (is_capitalised(word) or is_particle(word)) and not word.lower().endswith(("n’t", "n't"))


@lru_cache(maxsize=1 << 16)
def _run_word(word: str) -> tuple[bool, bool]:
    """Tell whether a word can sit inside a run of names, and whether it joins names (``of``)."""
    return _runnable(word), plain_word(word) in NAME_CONNECTORS


def _raw_runs(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Yield runs of capitalised words (particles and ``of``/``for`` inside) in a paragraph's words.

    Each run comes with the position of its first word in ``spans``.
    """
    run: list[tuple[int, int]] = []
    first, last = 0, len(spans) - 1
    for i, span in enumerate(spans):
        runnable, connector = _run_word(text[span[0] : span[1]])
        if not run:
            if runnable:
                run, first = [span], i
            continue
        if _joins(text, run[-1], span) and (runnable or (connector and i < last)):
            run.append(span)
            continue
        yield first, run
        run, first = ([span] if runnable else []), i
    if run:
        yield first, run


_RUN_EDGE_WORDS = NAME_CONNECTORS | DETERMINERS
"""Words a run of names never starts with."""


def _trim_run(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop sentence openers and connectors from a run's edges."""
    while run and (plain_word(text[slice(*run[0])]) in SENTENCE_STARTERS and len(run) > 1):
        run = run[1:]
    while run and plain_word(text[slice(*run[0])]) in _RUN_EDGE_WORDS:
        run = run[1:]
    while run and not is_capitalised(text[slice(*run[-1])]):
        run = run[:-1]
    return run


def _title_before(text: str, words: Sequence[tuple[int, int]], count: int, start: int) -> tuple[int, str]:
    """Extend a name leftwards over lower-case title words (``national security advisor``).

    ``words[:count]`` are the spans of the paragraph's words before the name.
    """
    begin = start
    for k in range(count - 1, -1, -1):
        span = words[k]
        word = text[span[0] : span[1]]
        plain = plain_word(word)
        if text[span[1] : begin].strip() or (is_capitalised(word) and demonym(plain) is None):
            break
        if plain not in TITLE_WORDS and demonym(plain) is None:
            break
        begin = span[0]
    return begin, text[begin:start].strip()


def _appositive_after(text: str, end: int, limit: int) -> str | None:
    """Return a role written right after a name (``X, the spokesman for Y, said``)."""
    if not text.startswith(",", end):
        return None
    rest = text[end + 1 : limit]
    stop = APPOSITIVE_END_RE.search(rest)
    return _role_phrase(rest[: stop.start()] if stop else rest, cut_stops=True)


def _appositive_before(text: str, para_start: int, start: int) -> str | None:
    """Return a role written right before a name (``the head of Y, Major General X``)."""
    before = text[para_start:start].rstrip()
    if not before.endswith(","):
        return None
    before = before[:-1]
    cut = max((m.end() for m in APPOSITIVE_END_RE.finditer(before)), default=0)
    return _role_phrase(before[cut:], cut_stops=False)


def _role_phrase(phrase: str, *, cut_stops: bool) -> str | None:
    """Return ``phrase`` as a role when it is a noun phrase naming an office.

    ``after`` phrases are cut at a verb or relative pronoun (``the spokesman for Y which``);
    ``before`` phrases may open with a preposition (``According to the head of Y``).
    """
    words = phrase.split()
    if cut_stops:
        stops = [i for i, word in enumerate(words) if plain_word(word) in APPOSITIVE_STOPS]
        candidates = [words[: stops[0]] if stops else words]
    else:
        candidates = [words[i:] for i, word in enumerate(words) if _starts_role(word)]
    for role_words in candidates:
        if role_words and len(role_words) <= MAX_ROLE_WORDS and _starts_role(role_words[0]):
            role = " ".join(role_words).strip(" ,.;:")
            if _is_office_phrase(role_words) and split_title(role)[0] is None:
                return role
    return None


def _starts_role(word: str) -> bool:
    """Tell whether a word can open a role (``the``, ``Iraq's``, ``Iraqi``, ``spokesman``)."""
    plain = plain_word(word)
    return (
        plain in DETERMINERS or plain in TITLE_WORDS or demonym(plain) is not None or bool(POSSESSIVE_RE.search(word))
    )


_ROLE_FILLERS = NAME_CONNECTORS | TITLE_CONNECTORS | DETERMINERS | words("and")


def _is_office_phrase(words: Sequence[str]) -> bool:
    """Tell whether words name an office: an office word with only names and modifiers around it."""
    plains = [plain_word(w) for w in words]
    offices = [i for i, p in enumerate(plains) if p in OFFICES]
    if not offices:
        return False
    for word, plain in zip(words, plains, strict=True):
        fits = (
            is_capitalised(word)
            or word.startswith("(")
            or plain in _ROLE_FILLERS
            or plain in TITLE_WORDS
            or plain in ORG_WORDS
            or plain in DESCRIPTIVE_ADJECTIVES
            or demonym(plain) is not None
        )
        if not fits:
            return False
    return True


def _person_run(
    text: str, para: tuple[int, int], run: list[tuple[int, int]], words: Sequence[tuple[int, int]], first: int
) -> Run | None:
    """Read a run as a person's name with its title and the roles written beside it.

    ``words`` are the spans of the paragraph's words, ``words[first]`` the run's first one.
    """
    start, end = run[0][0], run[-1][1]
    possessive = POSSESSIVE_RE.search(text[start:end])
    end = start + possessive.start() if possessive else end
    title, bare = split_title(text[start:end])
    if not is_personal_name(bare) or _org_in_person_form(text, para[0], title, (start, end)):
        return None
    parsed = parse_person(bare)
    if parsed is None:
        return None
    title_start, lower_title = _title_before(text, words, first, start)
    if lower_title:
        title = f"{lower_title} {title}" if title else lower_title
    roles = [
        title_role(title),
        _appositive_before(text, para[0], title_start),
        _appositive_after(text, end, para[1]),
    ]
    return Run(start, end, bare, person=parsed, roles=tuple(r for r in roles if r), titled=bool(title))


def _org_in_person_form(text: str, para_start: int, title: str | None, span: tuple[int, int]) -> bool:
    """Tell whether a name read as a person's is an organisation's.

    ``the European Chess Circle`` (a determiner before a title that only says where from)
    and ``European Chess Circle (ECC)`` (its initials defined in brackets) name no person.
    """
    if title and is_origin_title(title) and _follows_determiner(text, para_start, span[0]):
        return True
    return _spells_initials(text, span)


def _spells_initials(text: str, span: tuple[int, int]) -> bool:
    """Tell whether the name at ``span`` is followed by its own initials in brackets."""
    match = ACRONYM_DEFINITION_RE.match(text, span[1])
    if match is None or not is_capitals_word(match.group(1)):
        return False
    return match.group(1).replace(".", "").upper() in parse_org(text[span[0] : span[1]]).initials


def _follows_determiner(text: str, para_start: int, start: int) -> bool:
    """Tell whether the word written right before ``start`` is a determiner (``the Kurdish ...``)."""
    before = LAST_WORD_RE.search(text, max(para_start, start - DETERMINER_WINDOW), start)
    return before is not None and before.group(1).lower() in DETERMINERS


def _org_run(text: str, para: tuple[int, int], run: list[tuple[int, int]]) -> Run | None:
    """Read a run as an organisation's name."""
    run = _drop_group_prefix(text, run)
    if not run:
        return None
    written = text[run[0][0] : run[-1][1]]
    determiner = "the " if _follows_determiner(text, para[0], run[0][0]) else ""
    kind = classify_speaker(determiner + written)
    if kind is not Kind.ORG and not (kind is Kind.PERSON and _spells_initials(text, (run[0][0], run[-1][1]))):
        return None
    words = org_words(written)
    return Run(run[0][0], run[-1][1], " ".join(words), org=parse_org(written))


def _drop_group_prefix(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop the people a run opens with (``Officials of the``, ``Members of``) before an organisation."""
    plains = [plain_word(text[slice(*span)]) for span in run]
    k = 0
    while k < len(plains) and plains[k] in GENERIC_NOUNS and plains[k] not in ORG_WORDS:
        k += 1
    if k == 0 or k == len(plains) or plains[k] not in NAME_CONNECTORS:
        return run
    while k < len(plains) and (plains[k] in NAME_CONNECTORS or plains[k] in DETERMINERS):
        k += 1
    return run[k:]


def _defined_acronym(text: str, run: Run) -> str | None:
    """Return the acronym written in brackets right after an organisation's name, if any."""
    match = ACRONYM_DEFINITION_RE.match(text, run.end)
    if match is None or not is_capitals_word(match.group(1)):
        return None
    return match.group(1).replace(".", "").upper()


def _define_acronym(acronyms: dict[str, Run], text: str, run: Run) -> Run:
    """Record the acronym an organisation's name defines; return the run knowing its acronym."""
    acronym = _defined_acronym(text, run) if run.org is not None else None
    if acronym is None or run.org is None:
        return run
    run = replace(run, org=replace(run.org, initials=run.org.initials | {acronym}))
    acronyms.setdefault(acronym, run)
    return run


def article_names(article: Article) -> ArticleNames:
    """Collect the names of people and organisations written in an article, for ``resolve_speakers``.

    A paragraph written in title case (a headline: ``Cable News Panel Just Dismissed Bernie
    Sanders``) capitalises every word, so its runs of capitals are no names by themselves:
    there, only the longest stretch of a run that the article's other paragraphs write as a
    name counts.
    """
    runs: list[Run] = []
    acronyms: dict[str, Run] = {}
    text = article.text
    lower = _lower_words(text)
    titled: list[tuple[tuple[int, int], list[tuple[int, int]], list[tuple[int, list[tuple[int, int]]]]]] = []
    for para in [(s.start, s.end) for s in article.body] or [(0, len(text))]:
        words = [match.span() for match in WORD_RE.finditer(text, *para)]
        raws = list(_raw_runs(text, words))
        if _title_cased(text, words):
            titled.append((para, words, raws))
            continue
        for first, raw in raws:
            run = _trim_run(text, raw)
            run = _drop_common_opener(text, para[0], run, lower)
            if not run or (len(run) == 1 and plain_word(text[slice(*run[0])]) in SENTENCE_STARTERS):
                continue
            found = _person_run(text, para, run, words, first + raw.index(run[0])) or _org_run(text, para, run)
            if found is not None:
                runs.append(_define_acronym(acronyms, text, found))
    known = {" ".join(text[run.start : run.end].split()) for run in runs}
    for para, words, raws in titled:
        for first, raw in raws:
            run = _known_stretch(text, raw, known)
            if run:
                found = _person_run(text, para, run, words, first + raw.index(run[0])) or _org_run(text, para, run)
                if found is not None:
                    runs.append(_define_acronym(acronyms, text, found))
    runs.sort(key=lambda run: run.start)
    return _names_index(tuple(runs), acronyms)


_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])([a-z][a-z'’-]*[a-z])(?![\w'’-])")

TITLE_CASE_WORDS = 4
"""Words from which a paragraph capitalising all but its short function words may be a headline."""


def _lower_words(text: str) -> frozenset[str]:
    """Return the words an article writes in lower case somewhere (common words, not names)."""
    return frozenset(match.group(1) for match in _LOWER_WORD_RE.finditer(text))


def _title_cased(text: str, words: Sequence[tuple[int, int]]) -> bool:
    """Tell whether a paragraph is written in title case (``... Just Dismissed Bernie Sanders``).

    Every word but the function words is capitalised, and so is at least one function word
    after the first word: a sentence of prose writes some word in lower case. A line of four
    words or more that capitalises every word and ends without a full stop is one too.
    """
    if len(words) < TITLE_CASE_WORDS:
        return False
    if all(text[span[0]].isupper() for span in words) and text[words[-1][1] : words[-1][1] + 1] != ".":
        return True  # ``Understated Perez Raises Political Profile``: every word capitalised, no full stop
    function = False
    for k, span in enumerate(words):
        word = text[span[0] : span[1]]
        plain = word.lower()
        if word[:1].islower():
            if plain not in STOPWORDS and plain not in NAME_PARTICLES:
                return False
        elif k and plain in STOPWORDS and plain not in NAME_PARTICLES:
            function = True
    return function


def _known_stretch(text: str, run: list[tuple[int, int]], known: set[str]) -> list[tuple[int, int]]:
    """Return the longest stretch of a title-case run that the article writes as a name elsewhere."""
    for size in range(len(run), 0, -1):
        for begin in range(len(run) - size + 1):
            part = run[begin : begin + size]
            if " ".join(text[part[0][0] : part[-1][1]].split()) in known:
                return part
    return []


_SENTENCE_END = frozenset(".!?:;\"“”‘’'—–-(")


def _drop_common_opener(
    text: str, para_start: int, run: list[tuple[int, int]], lower: frozenset[str]
) -> list[tuple[int, int]]:
    """Drop a sentence's capitalised first word from a run when it is a common word, not a name.

    A sentence's first word is capitalised whatever it is: ``Asserting Clinton had ...``
    (the article writes ``asserting`` in lower case elsewhere) and ``Billionaire Donald Trump
    said`` (a given name follows, so the first word is no given name of its own) open with a
    common word. A common given name (``Bill Clinton``, ``Mark Warner``) stays.
    """
    if len(run) < 2:
        return run
    plain = text[run[0][0] : run[0][1]].lower()
    if _given_name(plain):
        return run
    before = text[para_start : run[0][0]].rstrip()
    if before and before[-1] not in _SENTENCE_END:
        return run
    second = text[run[1][0] : run[1][1]].lower()
    if plain in lower or (len(run) > 2 and _given_name(second)):
        return run[1:]
    return run


def _given_name(plain: str) -> bool:
    """Tell whether a lower-case word is a common given name."""
    return plain in MASCULINE_GIVEN_NAMES or plain in FEMININE_GIVEN_NAMES


def nearest(runs: Iterable[Run], position: int) -> Run | None:
    """Return the run closest before ``position``, else the closest after it."""
    ordered = sorted(runs, key=lambda r: r.start)
    before = [r for r in ordered if r.start < position]
    if before:
        return before[-1]
    return ordered[0] if ordered else None
