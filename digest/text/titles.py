"""Data only: honorifics, ranks, offices and the nouns that describe a speaker without a name."""

from __future__ import annotations

from .tokens import words

VAGUE_PERSON_NOUNS = words("official source spokesman spokeswoman spokesperson officer diplomat aide representative")
"""Nouns that refer back to the last person quoted even without a matching role (``the official added``)."""

FEMININE_WORDS = words(
    """
    ms mrs miss madam madame dame lady spokeswoman chairwoman congresswoman councilwoman
    businesswoman sportswoman policewoman anchorwoman stateswoman woman girl mother daughter
    wife widow sister aunt niece grandmother queen princess duchess countess empress baroness
    actress
    """
)
"""Honorifics and nouns that tell the person they go with is a woman (lower-case, no dot)."""

MASCULINE_WORDS = words(
    """
    mr sir lord spokesman chairman congressman councilman businessman sportsman policeman
    anchorman statesman man boy father son husband widower brother uncle nephew grandfather
    king prince duke emperor baron
    """
)
"""Honorifics and nouns that tell the person they go with is a man (lower-case, no dot)."""

PARTY_WORDS = words("republican democrat democratic gop libertarian")
"""Party words written in a title before a name (``House Intelligence Republican Mike Pompeo``): never part of it."""

TITLE_RUN_WORDS = (
    words(
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
    | PARTY_WORDS
)
"""Capitalised words that belong to a title before a name (``National Security Adviser``), lower-case."""

COURTESY_TITLES = words("mr mrs ms miss mx sir dame mister madam")
"""Courtesy titles that are not roles (``Mr. Jones``)."""

ROLE_NOUNS = words(
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
    democrat republican
    """
)
"""Nouns that head a person description (``the official``, ``a senior Iraqi military official``)."""

HONORIFICS = words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur mme mlle herr frau
    sayyid sayed seyed sayyed syed sheikh shaikh sheik shaykh haj hajj hajji haji mullah
    ayatollah grand hojatoleslam hujjat imam mufti rabbi rev reverend father pastor bishop
    archbishop cardinal pope patriarch metropolitan excellency his her honorable honourable hon
    comrade
    """
)
"""Forms of address and religious honorifics: part of a title, never of a name."""

RANKS = words(
    """
    general gen major maj lieutenant lt colonel col brigadier brig commander cmdr admiral adm
    captain capt sergeant sgt corporal cpl private pvt marshal field air vice rear staff chief
    officer warrant lance first second retired ret brigade commodore
    """
)
"""Military and police ranks: part of a title, never of a name, and not a role by themselves."""

OFFICES = words(
    """
    president vice prime minister ministers deputy secretary undersecretary under assistant
    spokesman spokeswoman spokesperson adviser advisor advisers counsellor counselor
    national security foreign defence defense interior finance affairs state home economy
    health justice energy oil trade culture education treasury
    head director ambassador envoy consul senator sen rep representative congressman
    congresswoman congressmember lawmaker legislator mp deputy governor mayor
    king queen prince princess crown emir amir sultan sheikha
    supreme leader chairman chairwoman chair chairperson speaker chancellor premier
    attorney judge justice prosecutor commissioner coordinator chief commander
    founder ceo cfo executive manager official officials leader leaders
    councillor councilor councilman councilwoman alderman alderwoman gov coach whip
    """
)
"""Words that name an office; with ``RANKS`` and ``HONORIFICS`` they make up a title."""

ABBREVIATED_TITLES = words("mr mrs ms dr prof gen lt col maj capt sgt sen rep st jr sr rev brig adm cmdr")
"""Titles written with a full stop (``Dr. X``); the stop does not end the name."""

NAME_LIKE_TITLES = words("amir emir sultan malik khan shah mirza bey pasha king prince chief")
"""Title words that are also common given names or surnames; a title only at the start."""

SURNAME_TITLES = words("king prince pope bishop khan shah")
"""Title words that are also surnames: after a given name they end the name (``Billie Jean King``, ``Rob Bishop``)."""

TITLE_WORDS = HONORIFICS | RANKS | OFFICES
"""Every word that may belong to a title or rank before a name."""

GERMAN_TITLE_ENDINGS = (
    "kanzler",
    "kanzlerin",
    "prasident",
    "prasidentin",
    "minister",
    "ministerin",
    "direktor",
    "direktorin",
    "sekretar",
    "sekretarin",
    "sprecher",
    "sprecherin",
    "vorsitzende",
    "vorsitzender",
    "chef",
    "chefin",
    "botschafter",
    "botschafterin",
    "burgermeister",
    "burgermeisterin",
)
"""Endings of German titles written as one capitalised compound before a name (``Bundeskanzler``,
``WHO-Generaldirektor``, ``Außenministerin``), in the ASCII form of ``plain_word``."""

TITLE_CONNECTORS = words("in of at")
"""Words allowed inside a hyphenated title (``commander-in-chief``)."""

GENERIC_NOUNS = words(
    """
    official officials source sources statement statements spokesman spokeswoman spokesperson
    representative representatives person people man woman witness witnesses resident
    residents analyst analysts expert experts observer observers diplomat diplomats officer
    officers commander commanders leader leaders member members lawmaker lawmakers
    authorities report reports document letter post tweet message communique announcement
    spokesmen aide aides insider insiders figure figures activist activists sides parties
    others participants attendees everyone someone anyone nobody
    """
)
"""Nouns that describe a speaker without naming one (``the official``, ``the statement``)."""

DESCRIPTIVE_ADJECTIVES = words(
    """
    senior junior top high-ranking high ranking former current then late new local military
    security government governmental political diplomatic informed anonymous unnamed
    official western eastern regional foreign domestic same latter former
    """
)
"""Adjectives found in descriptions of unnamed speakers (``a senior military official``)."""

OFFICE_NOUNS = words(
    """
    spokesman adviser minister president commander governor mayor ambassador envoy director
    chairman speaker leader secretary chancellor premier prosecutor commissioner coordinator
    chief manager coach judge head
    """
)
"""Offices a description may name (``the spokesman``) to point at the one person holding it."""

ROLE_STOPWORDS = words("the a an of for to in on at and s his her its their")
"""Words ignored when comparing two roles."""

ROLE_SYNONYMS: dict[str, str] = {
    "advisor": "adviser",
    "advisers": "adviser",
    "advisors": "adviser",
    "counsellor": "adviser",
    "counselor": "adviser",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "spokesmen": "spokesman",
    "defense": "defence",
    "chairwoman": "chairman",
    "chairperson": "chairman",
    "chair": "chairman",
    "premier": "prime minister",
    "pm": "prime minister",
    "gen": "general",
    "lt": "lieutenant",
    "gov": "governor",
    "councilor": "councillor",
    "councilman": "councillor",
    "councilwoman": "councillor",
}
"""Spelling and synonym variants of office words, folded before roles are compared."""

ROLE_PHRASES: dict[str, str] = {
    "head of state": "president",
    "head of government": "prime minister",
    "chief executive officer": "ceo",
    "chief executive": "ceo",
}
"""Phrases naming an office in other words, folded before roles are compared (``head of state``)."""

SINGLE_OFFICES = words(
    """
    president minister chancellor premier governor mayor ceo chairman chairwoman chairperson
    chair coach manager judge king queen pope emir sultan
    """
)
"""Offices one person holds at a time: ``the president`` or ``Turkey's president`` means that person."""

ARABIC_TITLE_WORDS = words(
    """
    رئيس وزير نائب سفير متحدث مدير قائد زعيم أمين مستشار محافظ عمدة ملك أمير ولي عهد الشيخ شيخ
    السيد السيدة الدكتور د. العقيد اللواء العميد الفريق المشير
    """
)
"""Arabic offices and titles written before a name without the article ``ال`` (``وزير الخارجية``)."""

AFFILIATIONS = words(
    """
    republican republicans democrat democrats democratic gop independent conservative
    conservatives labour liberal liberals tory tories libertarian socialist
    """
)
"""Party words written before a name (``Republican Donald Trump``): a description, not a name."""

FOREIGN_LEADS = words(
    """
    mais et donc car puis ainsi alors aussi selon pour avec sans dans quand lorsque pourtant
    cependant toutefois pero según cuando además también pues seguido mas aber und doch jedoch
    auch laut nach wenn segun ademas tambien
    """
)
"""French, Spanish, Portuguese and German conjunctions and adverbs that open a sentence before a
name (``Mais Tedros a souligné``, ``Laut Scholz``, ``Seguido, manifestó``): never part of it.
Accented words are listed in their ASCII form too, for keys read through ``plain_word``."""

NON_NAME_LEADS = FOREIGN_LEADS | words(
    """
    even although though as on but and when while if after before also only then yet because
    since until unless whether meanwhile however indeed still now thus instead like unlike with
    without for from by at about against among despite during including over under via
    former ex both either neither not besides given
    senators representatives governors ministers officials leaders lawmakers candidates
    """
)
"""Words capitalised at a sentence's start, or a list's plural title, before a name (``Even Lindsey
Graham``, ``Senators Mitch McConnell``): never the first word of a personal name."""
