"""Data only: quotation marks, reporting verbs and the vocabularies attribution relies on.

``quotes.py`` applies these rules; nothing here has logic. No regex nests quantifiers,
every repeat inside one is bounded, and the attribution regexes only run on bounded windows.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a vocabulary written as one string."""
    return frozenset(text.split())


# ---------------------------------------------------------------- quotation marks

DOUBLE_MARKS = frozenset('"“”„«»')
"""Marks of the double family: any opener of the family may be closed by any closer of it."""

SINGLE_MARKS = frozenset("'‘’‚‹›")
"""Marks of the single family; between two letters they are apostrophes, not quotes."""

QUOTE_MARK = re.compile("[\"'“”„«»‘’‚‹›]")
"""Any quotation mark, straight or typographic."""

STRAIGHT_MARKS = frozenset("\"'")
"""Marks with no direction of their own; the flanking characters decide."""

OPEN_ONLY_MARKS = frozenset("„‚")
"""Low marks that only ever open (German, Polish, Czech, Romanian ...)."""

OPENING_MARKS = frozenset("“‘«‹")
"""Marks that open in most languages (``“`` also closes a German ``„``)."""

CLOSING_MARKS = frozenset("”’»›")
"""Marks that close in most languages (``»`` also opens in German and Danish)."""

LOW_OPENERS = frozenset("„‚")
"""Openers whose closer is the high-6 mark (``„…“``, ``‚…‘``)."""

CLOSING_PUNCTUATION = frozenset(",.!?;:…")
"""Punctuation right before a straight mark that makes it a closer even without a space after."""

SENTENCE_END = frozenset(".!?…")
"""Characters that end a sentence inside a quotation."""

# ---------------------------------------------------------------- sentences

SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
"""A candidate sentence boundary; the next character must start a sentence."""

ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof gen lt col maj sgt capt cpt adm brig cmdr gov sen rep rev st sr jr
    no nos vol pp fig inc ltd co corp dept est approx vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    """
)
"""Words that end with a full stop without ending the sentence (lower-case, no dot)."""

# ---------------------------------------------------------------- reporting verbs

REPORTING_VERBS = _words(
    "said says say saying added adds adding stated states stating told tells telling "
    "announced announces announcing noted notes noting explained explains explaining "
    "stressed stresses stressing confirmed confirms confirming wrote writes writing "
    "tweeted tweets tweeting indicated indicates indicating warned warns warning "
    "insisted insists insisting argued argues arguing claimed claims claiming assured assures "
    "assuring declared declares declaring urged urges urging asked asks asking replied replies "
    "replying emphasized emphasised emphasizes emphasises emphasizing emphasising affirmed "
    "affirms affirming reaffirmed reaffirming reiterated reiterates reiterating remarked "
    "commented comments commenting revealed reveals revealing disclosed acknowledged "
    "admitted asserted asserts asserting observed responded recalled suggested suggests vowed "
    "pledged promised denied denies denying mentioned highlighted underlined underscored "
    "clarified specified elaborated informed reported reports quoted cited announces "
    "stipulated confessed predicted lamented complained boasted conceded countered "
    "demanded explains posted called calls calling described describes describing termed "
    "labelled labeled branded threatened threatens threatening threaten vowed vows vowing "
    "say tell add warn insist claim argue note vow describe deny urge stress confirm"
)
"""Single-word reporting verbs; the speaker is usually the subject."""

REPORTING_PHRASES = ("pointed out", "points out", "pointing out", "went on", "goes on")
"""Multi-word reporting verbs."""

OBJECT_SPEAKER_PHRASES = ("according to",)
"""Reporting phrases whose speaker follows them (``according to the ministry``), any capitalisation."""

REPORTING_VERB = re.compile(
    r"(?<![\w’'-])(?:"
    + "|".join(sorted(REPORTING_PHRASES, key=len, reverse=True))
    + "|"
    + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in OBJECT_SPEAKER_PHRASES)
    + "|"
    + "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
    + r")(?![\w’'-])"
)
"""Any reporting verb, matched case-sensitively (``Said`` may be a name)."""

PARTICIPLE_SUFFIX = "ing"
"""A reporting verb ending so takes its subject from the clause it hangs on (``, noting that``)."""

CITED_AS_SAYING = re.compile(
    r"(?<![\w’'-])(?:cited|cites|citing|quoted|quotes|quoting)\s+(?P<speaker>[^,.;:!?\"“”«»]{1,120}?)\s+"
    r"(?:as\s+(?:saying|telling|stating|noting|adding|writing)|to\s+the\s+effect\s+that)(?![\w-])"
)
"""``X cited Y as saying``: Y is the speaker, X relayed it."""

QUOTED_BY = re.compile(
    r"(?<![\w’'-])(?:was|were|is|are)\s+quoted\s+by\s+(?P<relay>[^,.;:!?\"“”«»]{1,80}?)\s+as\s+saying(?![\w-])"
)
"""``X was quoted by Y as saying``: X is the speaker, Y relayed it."""

STATEMENT_BY = re.compile(
    r"(?<![\w-])(?:statement|communiqu[eé]|press release|announcement|message)\s+"
    r"(?:(?:issued|released|published|put out|posted|sent)\s+)?(?:on\s+\w+\s+)?by\s+"
    r"(?P<issuer>[^,.;:!?\"“”«»()]{1,80})"
)
"""``a statement issued by X``: the statement's words are X's."""

IN_STATEMENT = re.compile(r"\bin\s+(?:a|an|its|his|her|their|the)\s+(?:\w+\s+){0,2}(?:statement|communiqu[eé])\b")
"""``said in a statement`` / ``went on in its statement``: the subject issued a statement."""

# ---------------------------------------------------------------- attribution gaps

ATTACHING_GAP_MARKS = (",", ":", "—", "–")
"""Punctuation that ends the words between a reporting verb (plus an adverbial) and its quote."""

ATTACHING_GAP_WORDS = frozenset({"that", "saying"})
"""Words that end the words between a reporting verb and its quote (``told the agency that``)."""

MAX_GAP_WORDS = 25
"""More words than this between the verb and the quote means the verb is not attached."""

DASHES = frozenset("—–―")
"""Dashes that introduce a speaker after a quote (``“...” — X``)."""

INTRODUCING_MARKS = frozenset(":—–―")
"""Marks after which a quotation is introduced by the clause before it (``X's verdict: “...”``)."""

CONTINUED_THAT = re.compile(r"^[\s,]*(?:and|but|or)\s+(?:also\s+)?that\s*$")
"""The words between two quotations of one sentence that share a verb (``... “A” and that “B”``)."""

TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-Z][\w.&-]{0,11}\s*\)$")
"""An acronym in brackets after an organisation's name (``The European Football Confederation (EFC)``)."""

# ---------------------------------------------------------------- speaker phrases

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
"""Subjects that refer back to a speaker named earlier."""

PERSON_PRONOUNS = frozenset({"he", "she"})
"""Pronouns that only ever refer to a person."""

VAGUE_PERSON_NOUNS = _words("official source spokesman spokeswoman spokesperson officer diplomat aide representative")
"""Nouns that refer back to the last person quoted even without a matching role (``the official added``)."""

FEMININE_PRONOUNS = _words("she her hers herself")
"""Pronouns that refer to a woman."""

MASCULINE_PRONOUNS = _words("he him his himself")
"""Pronouns that refer to a man."""

EVIDENCE_PRONOUNS = _words("he she his himself herself")
"""Pronouns after a name in its sentence that tell that person's gender (``her`` may be anyone's object)."""

FEMININE_WORDS = _words(
    """
    ms mrs miss madam madame dame lady spokeswoman chairwoman congresswoman councilwoman
    businesswoman sportswoman policewoman anchorwoman stateswoman woman girl mother daughter
    wife widow sister aunt niece grandmother queen princess duchess countess empress baroness
    actress
    """
)
"""Honorifics and nouns that tell the person they go with is a woman (lower-case, no dot)."""

MASCULINE_WORDS = _words(
    """
    mr sir lord spokesman chairman congressman councilman businessman sportsman policeman
    anchorman statesman man boy father son husband widower brother uncle nephew grandfather
    king prince duke emperor baron
    """
)
"""Honorifics and nouns that tell the person they go with is a man (lower-case, no dot)."""

OBLIQUE_WORDS = _words(
    """
    of for to in on at from by with about against among between into over under after before
    since until while when whereas although though because if unless during following despite
    amid like than toward towards including
    """
)
"""Words after which a name in the same clause is an object or an adverbial, not the subject."""

REFLEXIVES = _words("itself himself herself themselves myself ourselves yourself")
"""Pronouns that follow a verb (``limited itself to``), never a name."""

PREDICATE_OPENERS = _words(
    """
    will would shall should can could may might must is are was were be been being has have had
    do does did not never also still
    """
)
"""First words of a quoted piece that has no subject of its own (``"will not resign"``)."""

SPOKESPERSON_NOUN = (
    r"(?:spokes(?:man|woman|person|people|men|women|persons)|representative|"
    r"press\s+(?:officer|secretary|office|service|team)|media\s+office)"
)
"""Nouns of someone who speaks for another person or organisation (regex source)."""

SPEAKS_FOR = re.compile(
    r"^(?:(?:a|an|the|one)\s+)?(?P<role>(?:[\w’'-]+\s+){0,2}?" + SPOKESPERSON_NOUN + r")\s+(?:for|of)\s+"
    r"(?P<who>\S[^,;:]{0,100})$",
    re.IGNORECASE,
)
"""``a spokeswoman for Y``: the words are Y's, the spokeswoman is the role."""

OWNER_BEFORE = re.compile(
    r"^(?:(?:a|an|the|one)\s+)?(?P<who>[^,;:]{1,80}?)\s+(?P<role>" + SPOKESPERSON_NOUN + r")$",
    re.IGNORECASE,
)
"""``a Kremlin spokesman``: the capitalised owner before the noun speaks."""

OWNER_POSSESSIVE = re.compile(
    r"^(?P<who>[^,;:]{1,80}?)['’]s?\s+(?P<role>(?:(?:press|media|campaign)\s+)?(?:office|team|campaign)|"
    + SPOKESPERSON_NOUN
    + r")$",
    re.IGNORECASE,
)
"""``Y's office`` / ``Y's spokesman``: Y speaks through them."""

DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "ic")
"""Endings of nationality adjectives, which own no statement (``a Borovian spokesman``)."""

DEMONYMS = _words(
    """
    american african mexican german french dutch swiss greek thai cuban kenyan moroccan afghan
    iraqi israeli pakistani saudi kuwaiti omani yemeni emirati qatari bahraini somali us u.s uk
    """
)
"""Nationality adjectives without a telling ending (lower-case)."""

AUXILIARIES = _words(
    """
    has have had was were is are be been also further then later previously earlier reportedly
    again recently separately meanwhile already would will could can may might must should
    did does do not never just only once first finally publicly repeatedly additionally
    """
)
"""Words between a subject and its reporting verb (``had said``, ``also noted``)."""

VERB_SIGNS = _words(
    """
    has have had was were is are be been would will could can may might must should did does do
    """
)
"""Words that make a comma-separated part a clause rather than a name or a role."""

CONJUNCTIONS = frozenset({"and", "but", "so", "while", "whereas", "yet", "or", "as", "then", "meanwhile"})
"""Words that may open a clause before its subject."""

ADVERBIAL_OPENERS = _words(
    """
    on in at for during after before since earlier later meanwhile however also apparently
    speaking while when as last this yesterday today tonight separately moreover furthermore
    additionally instead still again back within without through via by from under over
    amid amidst following despite regarding concerning according in turn likewise similarly
    nevertheless nonetheless besides thus therefore hence indeed notably elsewhere then
    """
)
"""First words of comma-separated parts that are adverbials, not subjects."""

NAME_PARTICLES = _words(
    """
    al el ul ad as an ash at az ibn bin bint ben abu abd abdul bou da de di del della der des
    du dos das do la le van von ter ten den zu y e mac mc st
    """
)
"""Lower-case words and prefixes that may sit inside a personal name (``bin``, ``al-``)."""

NAME_PREFIXES = tuple(sorted(_words("al- el- ul- ad- as- ash- at- az- an- ar- ibn- bin- abu- d’ d'")))
"""Hyphenated or elided lower-case prefixes of a capitalised name part (``al-Araji``)."""

TITLE_WORDS = _words(
    """
    president vice prime minister deputy secretary adviser advisor advisers spokesman spokeswoman
    spokesperson general major lieutenant colonel brigadier commander captain admiral sergeant
    marshal field chief head director ambassador envoy senator congressman congresswoman
    representative governor mayor speaker chairman chairwoman chair king queen prince princess
    emir sheikh sheik sayyid ayatollah grand imam pope cardinal bishop archbishop cleric judge
    justice attorney mr mrs ms miss dr prof professor gen lt col maj sgt capt cpt adm brig cmdr
    gov sen rep national security defence defense foreign interior finance affairs state staff
    army military media cell official officer leader secretary-general undersecretary under
    assistant acting former senior top us u.s u.s. uk un iraqi iranian american kurdish russian
    """
)
"""Capitalised words that belong to a title before a name (``National Security Adviser``), lower-case."""

HONORIFICS = _words("mr mrs ms miss mx sir dame mister madam")
"""Courtesy titles that are not roles (``Mr. Jones``)."""

ROLE_NOUNS = _words(
    """
    president minister secretary adviser advisor spokesman spokeswoman spokesperson general
    commander chief head director ambassador envoy senator governor mayor speaker chairman
    official officer leader analyst expert source sources diplomat lawmaker legislator deputy
    representative member coordinator negotiator mediator aide analyst researcher professor
    correspondent reporter editor writer author activist witness resident residents officials
    economist economists operator operators worker workers employee employees driver drivers
    secretary-general manager managers executive executives founder partner chairperson
    diplomats lawmakers commanders leaders experts analysts spokesmen officers soldier soldiers
    colonel major lieutenant captain brigadier admiral cleric imam judge lawyer attorney
    """
)
"""Nouns that head a person description (``the official``, ``a senior Iraqi military official``)."""

ORG_WORDS = _words(
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

MEDIA_WORDS = _words(
    """
    agency news press tv television channel radio times post journal gazette herald tribune
    reuters afp ap dpa xinhua tass sputnik aljazeera jazeera arabiya ina irna isna shafaq rudaw
    newspaper broadcaster outlet daily magazine network
    """
)
"""Words that make the object of ``told`` a relaying outlet (``told the Iraqi News Agency``)."""

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"})
"""Words that open a noun phrase."""

INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many"})
"""Determiners that introduce someone new rather than refer back."""

RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where", "that", "when"})
"""Words that start a relative clause; a role stops before them."""

NP_STOP_WORDS = _words(
    """
    in on at during after before while when as via through from on since with without into
    that which who whose told said added wrote noted saying adding
    """
)
"""Lower-case words that end a speaker phrase written after its verb (``said X in a statement``)."""

DATE_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday tomorrow
    """
)
"""Capitalised words that never belong to a name or a title."""

PREPOSITIONS = _words("of for to in on at from by with about against among between into over under")
"""Words after which a capitalised run is an object, not a speaker's name."""

TOKEN = re.compile(r"\S+")
"""A whitespace-delimited token; punctuation at its edges is stripped afterwards."""

TOKEN_EDGE = "\"'“”‘’«»„‚‹›()[]{}.,;:!?…*"
"""Characters stripped from both ends of a token."""

WORD_CHAR = re.compile(r"[^\W_]")
"""A letter or digit: a quote without one is noise."""

DATELINE_SEPARATORS = ("/ ", " – ", " — ", " - ")
"""Separators after a dateline or an outlet tag (``Shafaq News/``, ``ERBIL (North Press) –``)."""

MAX_NESTING = 6
"""Deepest nesting of quotation marks followed; deeper openers are ignored."""

LABEL_NOUNS = _words("phrase term word words slogan expression label motto nickname catchphrase chant description")
"""Nouns of an appositive that present the quotation as a label (``a ‘job killer’, a phrase ...``)."""

LABEL_OPENERS = ("so-called", "so called", "self-styled", "self-proclaimed", "self-declared")
"""Words right before a quotation that make it a term."""

FUNCTION_WORDS = _words(
    """
    of for to in on at from by with about against among between into over under and or but nor
    as than that which who whose when while if because since until after before though although
    is are was were be been being will would shall should can could may might must has have had
    do does did not the a an this these those its his her their our your my so then
    """
)
"""Words after a short quotation that do not make it a modifier (``“advisory” role`` does)."""

MAX_NAME_TOKENS = 6
"""Longest run of name words taken as one personal name."""

MAX_ROLE_WORDS = 12
"""Longest appositive after a name taken as the speaker's role."""

MAX_DESCRIPTION_WORDS = 6
"""Longest unrecognised phrase right before ``said`` still taken as the speaker's description."""

MAX_SPEAKER_WORDS = 18
"""Longest phrase between a quote and its verb taken as the speaker (``, the official added``)."""

# ---------------------------------------------------------------- kinds

TITLE_CUES = _words(
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

TITLE_CUE_WINDOW = 3
"""How many words before the opening mark are searched for a title cue."""

TERM_MAX_WORDS = 4
"""Quotes of at most this many words without a sentence ending are terms (scare quotes)."""

TITLE_MAX_WORDS = 10
"""Longest quote taken as a name or title."""

STATEMENT_MIN_WORDS = 5
"""Shortest unattributed capitalised quote taken as a statement rather than a fragment."""

MINOR_TITLE_WORDS = _words("a an the and or of in on at to for by with from as vs nor but per via into over")
"""Words that stay lower-case in Title Case."""

# ---------------------------------------------------------------- windows

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
