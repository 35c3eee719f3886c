"""Text: the words of a text and the vocabularies the extraction stages read.

Owns tokens with offsets and their comparison form, the one acronym test, stemming and
matching concepts, sentence-end patterns, the one slugifier, and one data-only vocabulary
module per concern (quotation marks, reporting verbs, grammar words, titles, personal names,
romanisation, places, organisations, labels).

May import: the standard library and third-party packages only; nothing else of ``digest``.
"""
