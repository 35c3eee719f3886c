"""Data only: general news words of other languages with their English equivalent, and negations.

Cognates (``cognates``) find the words a translation spells almost alike; these are the
common ones it does not (``partido``/``party``, ``rey``/``king``, ``elegido``/``elected``),
in the languages news folders most often mix with English: Spanish, French, Italian,
Portuguese and German. Each row is an English word and its renderings, written without
case or accents (``tokens.fold`` folds them on reading). Words that
are also English words with another meaning are left out (``fin``, ``pain``, ``also``).
"""

from __future__ import annotations

from .tokens import fold

LEXICON_ROWS = """
party partido partidos parti partis partito partiti partei parteien
elected elegido elegida elegidos elegi eligieron elu elue elus eleto eleta eleito eleita gewahlt
election elecciones eleccion elections elezioni eleicoes eleicao wahl wahlen
king rey roi rei konig
queen reina reine regina rainha konigin
government gobierno gouvernement governo regierung
country pais pays paese
people gente personas pueblo gens persone pesoas leute menschen
war guerra guere krieg
peace paz paix frieden
death muerte mort morte tod
children ninos enfants bambini criancas kinder
women mujeres femmes mulheres frauen
men hombres uomini homens
city ciudad cita cidade stadt
house casa maison haus
world mundo monde mondo welt
today hoy aujourdhui ogi hoje heute
year ano anee anno ano jahr
week semana semaine setimana woche
day dia jour giorno
night noche nuit noite nacht
time tiempo temps zeit
help ayuda aiuto ajuda hilfe
resign dimitir dimision demisioner demision dimetersi dimisioni renunciar renuncia zurucktreten rucktrit
announced anunciado anunciada anunciaron annonce annoncee annunciato anunciou angekundigt
decision decisione entscheidung
leader lider dirigente anfuhrer
prime primer primera premier primo primeiro
minister ministro ministra ministre minister ministerin
president presidente president prasident
family familia famile famiglia familie
bank banco banque banca banco
money dinero argent soldi dinheiro geld
market mercado marche mercato mercado markt
deal acuerdo acord accordo acordo abkommen
very muy molto muito sehr
"""
"""One row per English word, then its renderings in other languages, folded (see the module docstring)."""

NEGATION_WORDS_ANY = frozenset(
    """
    not no never cannot cant dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt shouldnt
    nor neither none nobody nothing
    nunca nadie nada ningun ninguno ninguna tampoco
    ne pas jamais aucun aucune rien
    non nesuno niente
    nao nenhum nenhuma
    nicht kein keine keinen keiner keinem nie niemals nichts
    """.split()  # noqa: SIM905
)
"""Negations of English and of the languages of ``LEXICON_ROWS``, folded: whether a quotation says no."""


def _lexicon(rows: str) -> dict[str, str]:
    """Map every rendering to its row's English word, folded (the first row to claim a rendering keeps it)."""
    index: dict[str, str] = {}
    for line in rows.strip().splitlines():
        english, *renderings = (fold(word) for word in line.split())
        for word in renderings:
            if word != english:
                index.setdefault(word, english)
    return index


LEXICON: dict[str, str] = _lexicon(LEXICON_ROWS)
"""Folded word of another language → its English equivalent, built from ``LEXICON_ROWS``."""
