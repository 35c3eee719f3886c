"""Vocabularies for reading and comparing people's and organisations' names (data only).

Everything here is general: honorifics, ranks and offices; name particles of Arabic,
Persian and European names; demonyms; the words that mark an organisation; and the
spelling rules that fold the romanisations of one name (Arabic and Persian names, and the
English, German, French, Spanish and Polish renderings of Russian and Ukrainian ones) onto
one comparison key. ``speakers.py`` holds the logic.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """Return the set of whitespace-separated words in ``text`` (vocabularies are written as prose)."""
    return frozenset(text.split())


DETERMINERS = words(
    """
    the a an this that these those its his her their our one another some several two three
    many other both each either any
    """
)
"""Words that may open a description without being part of a name."""

PRONOUNS = words("he she they it we i you him her them us")
"""Pronouns; never an entity of their own."""

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
    """
)
"""Words that name an office; with ``RANKS`` and ``HONORIFICS`` they make up a title."""

ABBREVIATED_TITLES = words("mr mrs ms dr prof gen lt col maj capt sgt sen rep st jr sr rev brig adm cmdr")
"""Titles written with a full stop (``Dr. X``); the stop does not end the name."""

NAME_LIKE_TITLES = words("amir emir sultan malik khan shah mirza bey pasha king prince chief")
"""Title words that are also common given names or surnames; a title only at the start."""

TITLE_WORDS = HONORIFICS | RANKS | OFFICES
"""Every word that may belong to a title or rank before a name."""

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

FURNITURE_LABELS = words(
    """
    read also more related see watch listen video videos photo photos caption update updated
    editor editors note advertisement sponsored share follow subscribe live breaking
    """
)
"""Labels of page furniture (``Read also:``, ``Related:``) that are nobody's words."""

DOCUMENT_NOUNS = words("statement statements communique announcement report tweet post letter message document release")
"""What an organisation issues; ``the coalition's statement`` is the coalition speaking."""

DESCRIPTIVE_ADJECTIVES = words(
    """
    senior junior top high-ranking high ranking former current then late new local military
    security government governmental political diplomatic informed anonymous unnamed
    official western eastern regional foreign domestic same latter former
    """
)
"""Adjectives found in descriptions of unnamed speakers (``a senior military official``)."""

HYPHEN_PARTICLES = words("al el ul il ad ar as ash at az an ud ut us ed er es et ez")
"""Arabic article forms written joined by a hyphen (``al-Araji``, ``ash-Sharif``); optional."""

SPACED_PARTICLES = words("al el il de da di du del della dei der den van von la le les dos das do ter ten")
"""Particles written as their own word (``Al Arayi``, ``von der Leyen``); optional."""

COMPOUND_PREFIXES = words("abd abdul abdel abdal abdol abdu abu abou bin ibn bint ould")
"""Name parts that belong with the following word (``Abu Mahdi``, ``bin Salman``)."""

NAME_SUFFIXES = words("jr sr ii iii iv phd md esq")
"""Generational and academic suffixes after a name."""

SENTENCE_STARTERS = words(
    """
    on in at by the but and or so yet meanwhile earlier later also however then today
    yesterday tomorrow tonight last next this that when while after before during since
    monday tuesday wednesday thursday friday saturday sunday according speaking asked
    january february march april june july august september october november december
    """
)
"""Capitalised words that open sentences; dropped from the front of a run of names."""

NAME_CONNECTORS = words("of for to the")
"""Lower-case words allowed inside a capitalised run (``Ministry of Foreign Affairs``)."""

DEMONYMS: dict[str, str] = {
    phrase: key
    for key, phrases in {
        "us": "us u.s. usa u.s.a. american america united-states",
        "uk": "uk u.k. british britain english england scottish scotland welsh wales united-kingdom",
        "iraq": "iraq iraqi",
        "iran": "iran iranian persian",
        "syria": "syria syrian",
        "turkey": "turkey turkish turkiye",
        "israel": "israel israeli",
        "palestine": "palestine palestinian",
        "lebanon": "lebanon lebanese",
        "jordan": "jordan jordanian",
        "egypt": "egypt egyptian",
        "saudi": "saudi saudi-arabia saudi-arabian",
        "uae": "uae emirati emirates",
        "qatar": "qatar qatari",
        "kuwait": "kuwait kuwaiti",
        "bahrain": "bahrain bahraini",
        "oman": "oman omani",
        "yemen": "yemen yemeni",
        "libya": "libya libyan",
        "tunisia": "tunisia tunisian",
        "algeria": "algeria algerian",
        "morocco": "morocco moroccan",
        "sudan": "sudan sudanese",
        "afghanistan": "afghanistan afghan",
        "pakistan": "pakistan pakistani",
        "india": "india indian",
        "china": "china chinese",
        "japan": "japan japanese",
        "korea-s": "south-korea south-korean",
        "korea-n": "north-korea north-korean",
        "russia": "russia russian",
        "ukraine": "ukraine ukrainian",
        "belarus": "belarus belarusian",
        "poland": "poland polish",
        "germany": "germany german",
        "france": "france french",
        "italy": "italy italian",
        "spain": "spain spanish",
        "portugal": "portugal portuguese",
        "netherlands": "netherlands dutch",
        "belgium": "belgium belgian",
        "sweden": "sweden swedish",
        "norway": "norway norwegian",
        "denmark": "denmark danish",
        "finland": "finland finnish",
        "greece": "greece greek",
        "austria": "austria austrian",
        "switzerland": "switzerland swiss",
        "hungary": "hungary hungarian",
        "romania": "romania romanian",
        "serbia": "serbia serbian",
        "canada": "canada canadian",
        "mexico": "mexico mexican",
        "brazil": "brazil brazilian",
        "argentina": "argentina argentine argentinian",
        "venezuela": "venezuela venezuelan",
        "colombia": "colombia colombian",
        "cuba": "cuba cuban",
        "chile": "chile chilean",
        "australia": "australia australian",
        "indonesia": "indonesia indonesian",
        "nigeria": "nigeria nigerian",
        "ethiopia": "ethiopia ethiopian",
        "somalia": "somalia somali",
        "kenya": "kenya kenyan",
        "south-africa": "south-africa south-african",
        "azerbaijan": "azerbaijan azerbaijani azeri",
        "armenia": "armenia armenian",
        "georgia": "georgia georgian",
        "kazakhstan": "kazakhstan kazakh",
        "kurdistan": "kurdistan kurdish krg",
        "eu": "eu european",
        "un": "un u.n.",
    }.items()
    for phrase in phrases.split()
}
"""Country names and demonyms (multi-word ones joined by ``-``) to one key per country."""

OFFICE_NOUNS = words(
    """
    spokesman adviser minister president commander governor mayor ambassador envoy director
    chairman speaker leader secretary chancellor premier prosecutor commissioner coordinator
    """
)
"""Offices a description may name (``the spokesman``) to point at the one person holding it."""

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
}
"""Spelling and synonym variants of office words, folded before roles are compared."""

APPOSITIVE_STOPS = words(
    """
    which who whom whose that said says say told tells added adds announced announces noted
    stated stressed explained confirmed warned wrote writes declared insisted indicated
    pointed affirmed assured claimed has had have is was were are will would
    """
)
"""Words that end a role written beside a name (``X, the spokesman for Y, said``)."""

HYPOCORISMS: dict[str, str] = {
    "joe": "joseph",
    "bill": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "mike": "michael",
    "jim": "james",
    "jimmy": "james",
    "tony": "anthony",
    "tom": "thomas",
    "dick": "richard",
    "rick": "richard",
    "ben": "benjamin",
    "bibi": "benjamin",
    "dan": "daniel",
    "dave": "david",
    "steve": "stephen",
    "chris": "christopher",
    "alex": "alexander",
    "sasha": "alexander",
    "volodya": "vladimir",
    "misha": "mikhail",
    "kolya": "nikolai",
    "dima": "dmitry",
    "liz": "elizabeth",
    "kate": "katherine",
    "nick": "nicholas",
    "ted": "edward",
    "ed": "edward",
    "andy": "andrew",
    "pete": "peter",
    "sam": "samuel",
    "larry": "lawrence",
    "mo": "mohammed",
    "mohd": "mohammed",
    "muhd": "mohammed",
}
"""Common short forms of given names and their full forms."""

PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    (r"(.)\1+", r"\1"),  # double letters: Qassem / Qasem, Hussein / Husein
    (r"x", "ks"),  # Olexandr / Oleksandr, Alexander / Aleksander
    (r"^i(?=[aou][a-z]{3})", "y"),  # initial я ю (Ukrainian official): Iulia / Yulia, Ianukovych
    (r"^[yij]e(?=[b-df-gj-np-tv-z][a-z]{2})", "e"),  # initial е є: Yevhen / Ievgen / Jewhen / Evgeny
    (r"szcz", "shch"),  # Polish щ
    (r"cz", "ch"),  # Polish ч
    (r"sz", "sh"),  # Polish ш
    (r"tsch", "ch"),  # German ч: Martschuk / Marchuk, Janukowytsch / Yanukovych
    (r"dzh|dj|zh|kh", "j"),  # ج خ ж х: Khafaji / Jafaji, Ahmadinezhad / -nejad, Khodorkovsky / Jodorkovski
    (r"sch", "sh"),  # German ш: Timoschenko / Tymoshenko
    (r"tch", "ch"),  # French ч: Chevtchouk / Shevchuk
    (r"[sc]hch", "sh"),  # щ: Yushchenko / Juschtschenko / Iouchtchenko
    (r"ph", "f"),
    (r"dh", "d"),  # ذ ض: Kadhimi / Kazemi, Gadhafi / Gaddafi
    (r"th", "s"),  # ث: Uthman / Osman
    (r"gh", "g"),
    (r"gu(?=[eiy])", "g"),  # Spanish and French hard g: Yevgueni / Yevgeni, Gueorgui / Georgi
    (r"^h(?=[b-df-hj-np-tv-xz])|(?<=[a-z])(?<![sc])h(?=[a-z])", "g"),  # Г: Hrytsenko / Gritsenko, Olha / Olga
    (r"ts|tz", "z"),  # ц: Hrytsenko / Hryzenko (German z), Schwartz / Schwarz
    (r"ck|q|c(?=[aouklr])", "k"),  # ق: Qasim / Kasim
    (r"ow(?![aeiouy]|$)", "u"),  # Rowhani / Rouhani (a final -ow is the German -ов: Lawrow / Lavrov)
    (r"w", "v"),  # Javad / Jawad, Volodymyr / Wolodymyr
    (r"(?<=[a-z][b-df-hj-np-tv-xz])(?:iy|yi|yy|yj|ij)$", "i"),  # final -ий -ый: Zelenskiy / Zelenskyi / Zelenskij
    (r"(?<=[b-df-gk-np-tv-xz])[yj](?=[aeiou])", "i"),  # soft я ю: Lyudmila / Liudmyla / Ljudmila, Podolyak / Podoljak
    (r"y(?=[aeiou])", "j"),  # consonantal y: Arayi / Araji, Yusuf / Jusuf
    (r"y", "i"),  # vocalic y: Husayn / Husain, Hrytsenko / Gritsenko
    (r"(?<=[a-z]i)j(?=[aeiou])", ""),  # я after и: Nadiya / Nadija / Nadia / Nadiia, Mikhail / Mijail
    (r"ou|oo|o", "u"),  # Mohammad / Muhammad, Youssef / Yusuf
    (r"ee|ie", "i"),  # Saeed / Said
    (r"ey|ei|ay", "ai"),  # Hussein / Husain / Husayn, Soleimani / Sulaimani
    (r"e", "i"),  # Qassem / Qasim, Hamed / Hamid
    (r"(.)\1+", r"\1"),
)
"""Ordered rewrites (regex, replacement) folding romanisation variants of one name.

Besides Arabic and Persian spellings they fold the English, German, French, Spanish and
Polish romanisations of Russian and Ukrainian names: Г as h or g (never inside the ``kh``
``zh`` ``sh`` ``ch`` digraphs), ц as ts, tz, z or c, й and the -ий ending as y, i or j, х
as kh or j, ж as zh or j, ш as sh, sch or ch, щ as shch, sch, stsch or chtch, я and ю as
ya, ia, ja and yu, iu, ju, and е є as ye, ie, je or e at the start of a name.
"""

SLAVIC_RULES: tuple[tuple[str, str], ...] = (
    (r"^h(?=[aeiouy])", "g"),  # Г before a vowel: Halyna / Galina, Hontareva / Gontareva
    (r"c(?=[eiy])", "ts"),  # ц in Polish and Czech: Hrycenko / Hrytsenko
)
"""Rewrites applied before ``PHONETIC_RULES`` to words that read as Russian or Ukrainian only.

Elsewhere an initial h and g tell names apart (Hassan / Ghassan, Hill / Gill), and c before
e or i is an s (Pierce, Vincent).
"""

SLAVIC_WORD = (
    r"(?:enko|[cs]huk|czuk|[cs]hyk|[iy]uk|ych|ytsch|ets|yi|iy|yy|ii|sky|skyj|ska|ov|ova|ow|owa|ev|eva|ew|ewa)$"
    r"|[b-df-hj-np-tv-xz]y[b-df-hj-np-tv-xz]"
)
"""A word that reads as a Russian or Ukrainian romanisation (a typical ending, or y between consonants)."""

SKELETON_RULES: tuple[tuple[str, str], ...] = (
    (r"sh|ch", "x"),
    (r"[aeiouh]", ""),
    (r"[kg]", "k"),
    (r"[dz]", "d"),
    (r"(.)\1+", r"\1"),
)
"""Rewrites from the phonetic key to a coarse consonant skeleton, used to block comparisons."""
