"""Data only: the words that mark an organisation, its documents and news outlets."""

from __future__ import annotations

from .tokens import words

ORG_WORDS = words(
    """
    media
    command ministry forces force coalition government council army operations cell agency office
    department embassy party group committee parliament union organization organisation alliance
    front movement brigades mobilization mobilisation units authority authorities centre center
    institute bank company corporation network service services police guard guards court
    commission assembly administration pentagon kremlin nato military presidency cabinet
    headquarters militia militias factions faction bureau directorate secretariat mission
    embassy consulate federation confederation association league board
    """
)
"""Head words of organisations (compared lower-case)."""

STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "release", "announcement", "declaration"})
"""Nouns for a written statement; ``the statement added`` speaks for its issuer."""

MEDIA_WORDS = words(
    """
    agency news press tv television channel radio times post journal gazette herald tribune
    reuters afp ap dpa xinhua tass sputnik aljazeera jazeera arabiya ina irna isna shafaq rudaw
    newspaper broadcaster outlet daily magazine network
    """
)
"""Words that make the object of ``told`` a relaying outlet (``told the Iraqi News Agency``)."""

DOCUMENT_NOUNS = words("statement statements communique announcement report tweet post letter message document release")
"""What an organisation issues; ``the coalition's statement`` is the coalition speaking."""

ORG_HEADS = words(
    """
    forces force troops command government ministry army military navy police office agency
    department administration authority authorities council committee parliament cabinet
    presidency embassy consulate court bank company corporation corp inc ltd party group
    movement organisation organization institute service services unit units brigade
    brigades division cell team delegation mission commission federation association center
    centre bureau directorate headquarters secretariat assembly senate congress house
    network foundation university newspaper channel television radio confederation club
    fund board tribunal society academy chamber observatory consortium syndicate
    """
)
"""Words that make a name an organisation's and say what kind it is (not what it is called)."""

ORG_MARKERS = words(
    """
    coalition operations alliance front corps guard guards militia militias faction factions
    union league nations pentagon kremlin
    """
)
"""Words that make a name an organisation's and also tell it apart from others."""

ORG_MODIFIERS = words(
    """
    international global joint-led led us-led western-led saudi-led russian-led anti
    so-called so called self-styled official
    """
)
"""Words about an organisation's scope that outlets add or drop freely."""

ORG_FILLERS = words("of the and for to in on affairs at by")
"""Function words inside organisation names, ignored when comparing them."""
