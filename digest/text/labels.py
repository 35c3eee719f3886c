"""Data only: words around a quotation that make it a label, a term or a title of a work."""

from __future__ import annotations

from .tokens import words

LABEL_NOUNS = words("phrase term word words slogan expression label motto nickname catchphrase chant description")
"""Nouns of an appositive that present the quotation as a label (``a ‘job killer’, a phrase ...``)."""

LABEL_OPENERS = ("so-called", "so called", "self-styled", "self-proclaimed", "self-declared")
"""Words right before a quotation that make it a term."""

TITLE_CUES = words(
    """
    landmark monument statue square book novel film movie documentary series show programme
    program album song poem play operation campaign exercise initiative project plan slogan
    hashtag headline column article magazine newspaper called named dubbed titled entitled
    nicknamed codenamed code-named brand festival conference summit doctrine strategy
    """
)
"""Words right before a quote that make a capitalised quote a name or title."""

TITLE_CUE_PHRASES = ("known as", "under the name", "under the title", "the name", "the title")
"""Phrases right before a quote that make a capitalised quote a name or title."""

MINOR_TITLE_WORDS = words("a an the and or of in on at to for by with from as vs nor but per via into over")
"""Words that stay lower-case in Title Case."""

FURNITURE_LABELS = words(
    """
    read also more related see watch listen video videos photo photos caption update updated
    editor editors note advertisement sponsored share follow subscribe live breaking
    """
)
"""Labels of page furniture (``Read also:``, ``Related:``) that are nobody's words."""
