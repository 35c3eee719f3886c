"""Data only: English function words (determiners, pronouns, prepositions, auxiliaries, dates)."""

from __future__ import annotations

from .tokens import words

_STOPWORD_LIST = """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself nor of off on once only or other our
    ours ourselves out over own same shall she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves also may might must us upon whether per via among amongst
    s t re ve ll d m o y
"""

STOPWORDS = frozenset(_STOPWORD_LIST.split())

FOREIGN_FEMININE = frozenset({"elle", "ella", "sie", "lei"})
"""She in French, Spanish, German and Italian."""

FOREIGN_MASCULINE = frozenset({"il", "él", "er", "lui"})
"""He in French, Spanish, German and Italian."""

SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"}) | FOREIGN_FEMININE | FOREIGN_MASCULINE
"""Subjects that refer back to a speaker named earlier."""

PERSON_PRONOUNS = frozenset({"he", "she"}) | FOREIGN_FEMININE | FOREIGN_MASCULINE
"""Pronouns that only ever refer to a person."""

FEMININE_PRONOUNS = words("she her hers herself") | FOREIGN_FEMININE
"""Pronouns that refer to a woman."""

MASCULINE_PRONOUNS = words("he him his himself") | FOREIGN_MASCULINE
"""Pronouns that refer to a man."""

EVIDENCE_PRONOUNS = words("he she his himself herself")
"""Pronouns after a name in its sentence that tell that person's gender (``her`` may be anyone's object)."""

OBLIQUE_WORDS = words(
    """
    of for to in on at from by with about against among between into over under after before
    since until while when whereas although though because if unless during following despite
    amid like than toward towards including inside outside within across throughout near beside
    behind beyond around through without upon onto
    de del des du della delle dei degli dal dalla en dans con por para sur avec pour chez entre
    sobre contra hacia
    """
)
"""Words after which a name in the same clause is an object or an adverbial, not the subject."""

REFLEXIVES = words("itself himself herself themselves myself ourselves yourself")
"""Pronouns that follow a verb (``limited itself to``), never a name."""

PREDICATE_OPENERS = words(
    """
    will would shall should can could may might must is are was were be been being has have had
    do does did not never also still
    """
)
"""First words of a quoted piece that has no subject of its own (``"will not resign"``)."""

FREQUENCY_ADVERBS = words("often always usually sometimes frequently regularly routinely constantly occasionally")
"""Adverbs written between a subject and its verb (``he often says``): no part of the subject."""

AUXILIARIES = words(
    """
    has have had was were is are be been also further then later previously earlier reportedly
    again recently separately meanwhile already would will could can may might must should
    did does do not never just only once first finally publicly repeatedly additionally
    however nevertheless nonetheless
    a ha hat
    """
)
"""Words between a subject and its reporting verb (``had said``, ``also noted``)."""

PASSIVE_AUXILIARIES = words("be been being is are was were")
"""Forms of ``be`` that make a past participle after them passive (``would be concluded``): no speaker's verb."""

PARTICIPLE_FOLLOWERS = words("by in at from near on under inside across throughout")
"""Words after a past participle that make it a noun's modifier (``residents displaced by``, ``people
trapped in``), not the verb of the noun before it."""

IRREGULAR_PASTS = words(
    """
    said told wrote spoke took gave made went came saw thought felt knew began ran sent won lost
    held led left kept brought met stood threw drew struck meant paid sold fought sought taught
    caught built bought broke chose drove fell flew forgot forgave froze got grew hid hung laid
    lent rode rang rose shook shot sang slept spent spread stole stuck swore swept swung tore
    understood woke wore withdrew became overcame undertook
    """
)
"""Irregular past tenses: after a name they are its verb (``Trump took to Twitter``), never part of it."""

VERB_SIGNS = words(
    """
    has have had was were is are be been would will could can may might must should did does do
    """
)
"""Words that make a comma-separated part a clause rather than a name or a role."""

SUBORDINATORS = words("that when while after before because since once although though whereas until unless if")
"""Words that open a clause inside a longer sentence: the subject of a verb after one starts after it
(``… grew so heated that New Jersey Gov. Chris Christie said``)."""

CONJUNCTIONS = frozenset({"and", "but", "so", "while", "whereas", "yet", "or", "as", "then", "meanwhile"})
"""Words that may open a clause before its subject."""

CONNECTIVES = words(
    """
    instead now then still but and yet so also however meanwhile moreover later again otherwise
    indeed besides nevertheless nonetheless furthermore likewise similarly still
    """
)
"""Words that alone open a sentence going on with the speaker just quoted (``Instead, “…”``)."""

ADVERBIAL_OPENERS = words(
    """
    on in at for during after before since earlier later meanwhile however also apparently
    speaking while when as last this yesterday today tonight separately moreover furthermore
    additionally instead still again back within without through via by from under over
    amid amidst following despite regarding concerning according in turn likewise similarly
    nevertheless nonetheless besides thus therefore hence indeed notably elsewhere then here there now
    """
)
"""First words of comma-separated parts that are adverbials, not subjects."""

CORE_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"})
"""Words that open a noun phrase."""

INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many"})
"""Determiners that introduce someone new rather than refer back."""

INDEFINITE_PRONOUNS = words(
    "nobody somebody anybody everybody someone anyone everyone none nothing something everything"
) | {"no one"}
"""Pronouns that name no one in particular (``Nobody asked``): never a speaker, nor what ``he`` refers to."""

RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "that", "when"})
"""Words that start a relative clause; a role stops before them."""

RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})
"""Relative words that only ever open a relative clause (``X, who served in Iran, Turkey and France,``)."""

NP_STOP_WORDS = words(
    """
    in on at during after before while when as via through from on since with without into
    that which who whose told said added wrote noted saying adding
    en dans lors pendant durante tras desde ante sur nel nella durante bei während auf
    """
)
"""Lower-case words that end a speaker phrase written after its verb (``said X in a statement``)."""

WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
"""The days of the week, lower-case."""

MONTHS = words("january february march april may june july august september october november december")
"""The months, lower-case (``may`` is also a verb: see ``SENTENCE_STARTERS``)."""

DATE_WORDS = WEEKDAYS | MONTHS | words("today yesterday tomorrow")
"""Capitalised words that never belong to a name or a title."""

APPOSITIVE_OPENERS = words("a an the")
"""Words that open an appositive after a name (``X, an analyst at Y,``)."""

PLACE_PREPOSITIONS = words("in from of at near")
"""Prepositions before a place whose next comma part may be its state or country (``in Allentown, Pa.``)."""

PREPOSITIONS = words("of for to in on at from by with about against among between into over under")
"""Words after which a capitalised run is an object, not a speaker's name."""

FUNCTION_WORDS = words(
    """
    of for to in on at from by with about against among between into over under and or but nor
    as than that which who whose when while if because since until after before though although
    is are was were be been being will would shall should can could may might must has have had
    do does did not the a an this these those its his her their our your my so then
    """
)
"""Words after a short quotation that do not make it a modifier (``“advisory” role`` does)."""

DETERMINERS = CORE_DETERMINERS | words("one another some several two three many other both each either any")
"""Words that may open a description without being part of a name (the core ones and quantifiers)."""

PRONOUNS = SUBJECT_PRONOUNS | words("you him her them us")
"""Pronouns; never an entity of their own."""

SENTENCE_STARTERS = (
    words(
        """
        on in at by the but and or so yet meanwhile earlier later also however then today
        yesterday tomorrow tonight last next this that when while after before during since
        according speaking asked as if does did do has have had is was were are unless until
        though although because whether where why how what given besides beyond despite unlike
        """
    )
    | WEEKDAYS
    | (MONTHS - {"may"})
)
"""Capitalised words that open sentences; dropped from the front of a run of names.

``May`` is left out on purpose: it opens sentences as a verb and names as a given name."""

NAME_CONNECTORS = words("of for to the")
"""Lower-case words allowed inside a capitalised run (``Ministry of Foreign Affairs``)."""
