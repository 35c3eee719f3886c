"""Data only: the windows and word counts that bound what the quotes stage reads."""

from __future__ import annotations

MAX_NAME_TOKENS = 6
"""Longest run of name words taken as one personal name."""

MAX_ROLE_WORDS = 12
"""Longest appositive after a name taken as the speaker's role."""

MAX_PLACE_WORDS = 3
"""Longest capitalised part after ``in Allentown,`` taken as the rest of the place (``Pa.``, ``South Carolina``)."""

MAX_DESCRIPTION_WORDS = 6
"""Longest unrecognised phrase right before ``said`` still taken as the speaker's description."""

MAX_SIGNATURE_WORDS = 8
"""Longest paragraph of its own that signs the quotation before it (``— Bernie Sanders.``)."""

MAX_SPEAKER_WORDS = 18
"""Longest phrase between a quote and its verb taken as the speaker (``, the official added``)."""

TITLE_CUE_WINDOW = 3
"""How many words before the opening mark are searched for a title cue."""

TERM_MAX_WORDS = 4
"""Quotes of at most this many words without a sentence ending are terms (scare quotes)."""

TITLE_MAX_WORDS = 10
"""Longest quote taken as a name or title."""

STATEMENT_MIN_WORDS = 5
"""Shortest unattributed capitalised quote taken as a statement rather than a fragment."""

LEFT_WINDOW = 360
"""Characters searched before a quote for its reporting verb."""

RIGHT_WINDOW = 240
"""Characters searched after a quote for ``, X said``."""

BACKREF_STEPS = 60
"""Earlier speaker mentions examined when resolving ``he`` or ``the official``."""

PRONOUN_SENTENCES = 3
"""Sentences searched back for the person ``he`` or ``she`` refers to (the pronoun's own included)."""

PRONOUN_CHAIN_STEPS = 3
"""Pronouns followed back, one sentence at a time, when ``she`` continues an earlier ``her``."""

MAX_MENTIONS = 400
"""Reporting clauses outside quotes read per article for later back-references."""

MAX_SCANNED_TOKENS = 20000
"""Words of the reporter's text read per article for the people it names."""
