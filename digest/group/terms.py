"""The terms of one article alone (content-word stems, entities, title), found once and cached."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..models import Article
from ..text.concepts import content_words
from ..text.grammar import STOPWORDS
from ..text.stemming import stem
from ..text.tokens import normalise_token, tokenize

NEWS_WORDS = frozenset(
    """
    said says say saying told tell tells added adding noted stated according reported report
    reports reporting announced announces statement statements asked cited quoted explained
    pointed indicated news agency press reporter correspondent source sources official
    officials spokesman spokeswoman spokesperson monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow week weeks month months year years day days
    time times ago earlier later new last first next one two three many other another
    january february march april june july august september october november december
    mr mrs ms dr al el
    """.split()  # noqa: SIM905
)
"""Words every news report uses, whatever the event: never evidence of a shared storyline."""

_FUNCTION_WORDS = {
    "es": """
    de la que el en los del se las por para con una su lo como más pero sus le ya este si porque
    esta entre cuando muy sobre también hasta hay donde quien desde todo nos durante todos les ni
    contra otros ese eso ante ellos esto antes algunos unos otro otras otra tanto esa estos mucho
    quienes nada muchos cual poco ella estar estas algunas algo fue ser es era sido ha han hace
    tras dijo según aseguró afirmó señaló añadió explicó indicó dos tres año años día días hoy
    ayer será sería puede pueden tiene tienen así sólo solo después ahora mientras cada aunque
    además vez lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo
    junio julio agosto septiembre octubre noviembre diciembre
    """,
    "fr": """
    les des du une et est qui dans pour pas sur au aux par ne ce il elle ils elles sont ont avec
    sa ses leur leurs cette ces mais ou nous vous je tout tous toutes été être avoir fait faire
    après avant selon lors dont deux trois ans année jour jours déjà encore aussi très peut doit
    ainsi depuis sous chez lui même était avait sera serait déclaré indiqué affirmé précisé ajouté
    expliqué lundi mardi mercredi jeudi vendredi samedi dimanche janvier février avril mai juin
    juillet août septembre octobre novembre décembre
    """,
    "de": """
    der das und ist nicht ein eine einen einem einer eines den dem zu mit auf für von im sich es
    sie er wir ihr auch als wie bei nach aus noch nur oder aber wenn dass daß werden wird wurde
    wurden hat haben hatte sei sind kann können soll muss über vor zum zur bis durch gegen seit
    unter sein seine seiner seinem ihre ihrer ihren diese dieser dieses mehr sagte erklärte sagt
    laut jahr jahre jahren tag tage zwei drei schon sehr hier dort nun wieder ob montag dienstag
    mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober dezember
    """,
    "it": """
    il di da gli tra fra uno che non della dei delle alla ai alle dal dalla nel nella nei sul
    sulla anche più ma hanno sono stato stata essere dopo prima ancora già questo questa questi
    quello quella loro suo sua suoi sue detto ha
    """,
    "pt": """
    os um uma do da dos das em na nas não mais foi são ao aos pelo pela seu sua seus suas ele ela
    eles já disse segundo
    """,
    "ro": """
    și în cu pe din care al ale este sunt fost pentru ca mai nu să au prin după despre acest
    această lui ei ea spus anul
    """,
    "ar": """
    في من على إلى عن مع هذا هذه التي الذي كان قال وقال خلال بعد قبل ما لا لم أو ثم حيث كما بين
    إن ذلك وفي أن
    """,
}

LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "en": STOPWORDS,
    **{
        language: frozenset(normalise_token(word) for word in words.split())
        for language, words in _FUNCTION_WORDS.items()
    },
}
"""Function words and news filler of each language a news folder commonly mixes in, as ``normalise_token`` gives them.

They tell an article's language (``ArticleTerms.language``) when its manifest does not.
"""

OTHER_LANGUAGE_WORDS = frozenset().union(*(words for language, words in LANGUAGE_WORDS.items() if language != "en"))
"""Function words and news filler of other languages than English, written as ``normalise_token`` gives them.

English stop words are left out of the terms already; these are left out too, so two reports
in one other language do not look alike for the words every text in that language uses. Words
that are also English content words (``die``, ``war``, ``son``, ``come``, ``sin``, ``plus``,
``mars``) are not listed.
"""

LANGUAGE_EVIDENCE = 5
"""Function words of one language an article needs, and more than of any other, to be read as in it."""

LANGUAGE_SAMPLE = 100
"""Function words read at most to tell an article's language (a few paragraphs: plenty)."""

_SENTENCE_START = re.compile(r"(?:^|[.!?:;•|/])[\s\"'“”‘’«»()\[\]\-–—]*$")


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """The terms of one article alone, for storyline grouping (``article_terms``).

    They depend on the article's title and body only, so the pipeline finds them beside
    its quotations, in parallel, and caches them with them.
    """

    body: dict[str, int]
    """How often each content-word stem occurs in the body, in order of first use."""
    entities: tuple[str, ...]
    """Stems of capitalised words that do not open a sentence, marked with ``@``, in order."""
    title: dict[str, int]
    """How often each content-word stem occurs in the title."""
    language: str = ""
    """The language whose function words the body uses most (``LANGUAGE_WORDS``); ``""`` if unclear,
    and when the manifest gives the article's language (``Article.language``)."""

    def to_data(self) -> list[object]:
        """Return the terms as JSON-ready lists."""
        return [list(self.body.items()), list(self.entities), list(self.title.items()), self.language]

    @classmethod
    def from_data(cls, data: Sequence[Any]) -> ArticleTerms:
        """Rebuild terms written by ``to_data``."""
        body, entities, title, language = data
        return cls(
            {str(term): int(count) for term, count in body},
            tuple(str(entity) for entity in entities),
            {str(term): int(count) for term, count in title},
            str(language),
        )


def article_terms(article: Article, words: WordTerms | None = None) -> ArticleTerms:
    """Return the terms storyline grouping reads in one article.

    Without ``words``, the terms of each distinct word are remembered for the whole process
    (forgotten past ``WordTerms.LIMIT`` words), since articles share most of their words.
    """
    if words is None:
        if len(_PROCESS_WORDS.body) > WordTerms.LIMIT:
            _PROCESS_WORDS.body.clear()
            _PROCESS_WORDS.entity.clear()
            _PROCESS_WORDS.languages.clear()
        words = _PROCESS_WORDS
    # A language the manifest gives needs no telling.
    sample = 0 if article.language else LANGUAGE_SAMPLE
    body, entities, languages = _body_terms(_body_paragraphs(article), words, sample)
    return ArticleTerms(dict(body), tuple(entities), dict(_term_counts(article.title)), likely_language(languages))


def _body_paragraphs(article: Article) -> list[str]:
    """Return the article's body paragraphs, leaving out any that only repeat the title."""
    title = article.title.strip()
    return [p for p in article.paragraphs() if p.strip() != title]


def _term_counts(text: str) -> Counter[str]:
    """Return how often each content-word stem occurs in ``text``."""
    return Counter(term for word in content_words(text) if (term := _term(word)))


def _term(word: str) -> str:
    """Return the stem of a normalised content word; ``""`` for filler (news, other languages), numbers, scraps."""
    if len(word) < 2 or word in NEWS_WORDS or word in OTHER_LANGUAGE_WORDS or not word.isalpha():
        return ""
    return stem(word)


class WordTerms:
    """The terms of each distinct word as written, worked out once per corpus."""

    LIMIT = 200_000
    """Distinct words remembered at most by the process-wide instance."""

    def __init__(self) -> None:
        self.body: dict[str, list[str]] = {}
        self.entity: dict[str, list[str]] = {}
        self.languages: dict[str, tuple[str, ...]] = {}

    def of_body(self, word: str) -> list[str]:
        """Return the content-word stems of one word, as ``_term_counts`` finds them."""
        terms = self.body.get(word)
        if terms is None:
            terms = self.body[word] = [term for part in content_words(word) if (term := _term(part))]
        return terms

    def of_entity(self, word: str) -> list[str]:
        """Return the terms of one capitalised word as an entity (marked with ``@``)."""
        terms = self.entity.get(word)
        if terms is None:
            terms = self.entity[word] = ["@" + term for term in self.of_body(word)]
        return terms

    def of_language(self, word: str) -> tuple[str, ...]:
        """Return the languages (``LANGUAGE_WORDS``) of which one word is a function word."""
        found = self.languages.get(word)
        if found is None:
            token = normalise_token(word)
            found = self.languages[word] = tuple(lang for lang, known in LANGUAGE_WORDS.items() if token in known)
        return found


_PROCESS_WORDS = WordTerms()
"""The terms of words seen by ``article_terms`` in this process."""


def _body_terms(
    paragraphs: Sequence[str], words: WordTerms, sample: int = LANGUAGE_SAMPLE
) -> tuple[Counter[str], dict[str, None], Counter[str]]:
    """Return how often each content-word stem occurs in the body, its entities in order, and its function words.

    The last counts, per language, the body's words that are function words of that language,
    among the first ``sample`` function words.

    Entities are the stems of capitalised words that do not open a sentence (people,
    places, bodies), marked with ``@``. Each paragraph is tokenised once; a word found
    by ``tokenize`` is found whole again in itself, and no word spans two paragraphs, so
    the counts are those of ``_term_counts`` over the joined paragraphs.
    """
    terms: list[str] = []
    entities: dict[str, None] = {}
    languages: list[str] = []
    for paragraph in paragraphs:
        for word, start, _ in tokenize(paragraph):
            terms.extend(words.of_body(word))
            if len(languages) < sample:
                languages.extend(words.of_language(word))
            if word[:1].isupper() and not _SENTENCE_START.search(paragraph[max(0, start - 12) : start]):
                entities.update(dict.fromkeys(words.of_entity(word)))
    return Counter(terms), entities, Counter(languages)


def likely_language(counts: Counter[str]) -> str:
    """Return the language with the most function words, if it has ``LANGUAGE_EVIDENCE`` and no tie; else ``""``."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < LANGUAGE_EVIDENCE or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0]
