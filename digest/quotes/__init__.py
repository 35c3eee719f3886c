"""Quotes: finding quotations and their speakers in one article.

Owns quotation-mark pairing (``marks``), the text around a quotation (``context``),
speaker phrases (``phrases``) and the names they end with (``names``), attribution frames
(``attribution``) and the Arabic ones (``arabic``), earlier speakers and what pronouns refer
to (``mentions``), the names scan of the reporter's text (``people``), quote kinds (``kinds``)
and the entry points (``extract``).
Limits live in ``limits``, vocabularies in :mod:`digest.text`.

May import: :mod:`digest.text` and :mod:`digest.models`; never :mod:`digest.speakers`.
"""

from .extract import body_spans, extract_quotes

__all__ = ["body_spans", "extract_quotes"]
