"""Data only: reporting verbs and the attribution frames built on them.

No regex nests quantifiers, every repeat inside one is bounded, and the attribution
regexes only run on bounded windows.
"""

from __future__ import annotations

import re

from .grammar import IRREGULAR_PASTS
from .tokens import words

REPORTING_VERBS = words(
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

MORE_REPORTING_VERBS = words(
    """
    continued continues concluded concludes quipped joked maintained maintains appealed cautioned
    contended recounted agreed acknowledges admits recalls concedes insist
    accused accuses blamed blames thanked praised praising decried questioned touted slammed
    criticized criticised mocked dismissed promising
    testified testifies denounced denounces proclaimed proclaims bemoaned bemoans shouted yelled
    exclaimed muttered scoffed retorted mused opined sniped chided groused barked blasted
    defended confided intimated retweeted pronounced wondered conceded insists quips recalled
    answered answers answering responds responding jokes joking demurred retorts griped sneered
    echoed hinted texted emailed cautions
    promises pledges laments complains boasts predicts confesses recounts dubbed dubs
    """
)
"""English reporting verbs found missing on real copy (``“...”, continued Erdogan``)."""

NOUN_MARKERS = words("the a an this these those its his her their our my your with amid despite")
"""Words before a reporting verb that make it a noun (``with calls for``, ``her claims``): no speaker's verb."""

FOREIGN_REPORTING_VERBS = words(
    """
    déclaré dit ajouté affirmé souligné expliqué indiqué estimé assuré précisé annoncé insisté
    confié martelé poursuivi répondu lancé déclare ajoute affirme souligne explique indique
    estime assure précise annonce poursuit répond
    dijo afirmó declaró añadió agregó señaló explicó aseguró indicó manifestó expresó
    subrayó destacó sostuvo comentó apuntó
    detto dichiarato aggiunto spiegato affermato sottolineato
    disse afirmou declarou acrescentou
    sagte erklärte betonte sagt erklärt betont gesagt dicho
    spus declarat adăugat afirmat
    """
)
"""Reporting verbs of the languages news folders mix in (French, Spanish, Italian, Portuguese, German, Romanian)."""

FOREIGN_AUXILIARIES = words("a avait ha había hat hatte")
"""Auxiliaries of a compound past written between a quotation and its verb (``«…», a indiqué X``)."""

IMPLIED_SUBJECT_VERBS = words(
    """
    dijo afirmó declaró añadió agregó señaló explicó aseguró indicó manifestó expresó subrayó
    destacó sostuvo comentó apuntó detto dichiarato aggiunto spiegato affermato sottolineato
    disse afirmou declarou acrescentou spus declarat adăugat afirmat
    """
)
"""Reporting verbs of languages that leave a known subject unwritten (``“...”, declaró en Berna``)."""

ARABIC_REPORTING_VERBS = words(
    """
    قال قالت أضاف أضافت تابع تابعت أكد أكدت أشار أشارت أردف أردفت شدد شددت صرح صرحت اعترف
    اعترفت أوضح أوضحت ذكر ذكرت لفت لفتت نوه نوهت كشف كشفت أعلن أعلنت اعتبر اعتبرت رأى رأت
    أفاد أفادت تعهد تعهدت حذر حذرت دعا دعت
    """
)
"""Arabic reporting verbs (past tense, without the ``و``/``ف`` a sentence may join them with)."""

ARABIC_SPEAKER_STOPS = words(
    """
    قائلا قائلاً قائلة قائلةً إن إنه إنها أن أنه أنها على في عبر خلال إلى الى من عن بعد قبل
    حسب وفق لدى أمام بأن بأنه بوجود
    """
)
"""Arabic words after which the subject of a reporting verb has ended (``saying``, ``that``, prepositions)."""

REPORTING_PHRASES = (
    "pointed out",
    "points out",
    "pointing out",
    "went on",
    "goes on",
    "shot back",
    "shoots back",
    "fired back",
    "fires back",
    "put it",
    "puts it",
)
"""Multi-word reporting verbs."""

CONTINUING_PHRASES = frozenset({"went on", "goes on"})
"""Reporting phrases that report only before a pause or ``to`` (``went on: “…”``, ``went on to say``).

Not ``goes on recess``."""

CONTINUING_FOLLOWERS = re.compile(
    r"\s*(?:$|[,.:;!?—–\"“‘']|to\s|in\s+(?:a|an|its|his|her|their|the)\s+(?:\w+\s+){0,2}?"
    r"(?:statement|communiqu[eé]|interview|speech|letter|post|tweet)\b)"
)
"""What may follow ``went on`` when it reports."""

OBJECT_SPEAKER_PHRASES = (
    "according to",
    "selon",
    "según",
    "secondo",
    "segundo",
    "laut",
    "potrivit",
    "was asked by",
    "were asked by",
)
"""Reporting phrases whose speaker follows them (``according to the ministry``, ``Sanders was asked by host
Bill Maher``), any capitalisation."""

PRESENTATIVE_LEAD = re.compile(r"^(?:here[’']s|here\s+is|here\s+are|(?:more|this|that)\s+from|from)\s+", re.IGNORECASE)
"""Words that present a speaker before a colon (``Here’s Clinton in 1992: “…”``, ``More from Jones: “…”``)."""

REPORTING_VERB = re.compile(
    r"(?<![\w’'-])(?:"
    + "|".join(sorted(REPORTING_PHRASES, key=len, reverse=True))
    + "|"
    + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in OBJECT_SPEAKER_PHRASES)
    + "|"
    + "|".join(sorted(REPORTING_VERBS | MORE_REPORTING_VERBS | FOREIGN_REPORTING_VERBS, key=len, reverse=True))
    + "|Tweeted|Tweets|Tweeting"  # written after the brand, mid-sentence (``X, head of Y, Tweeted on Friday``)
    + r")(?![\w’'-])"
)
"""Any reporting verb, matched case-sensitively (``Said`` may be a name)."""

INVERTED_SUBJECT = re.compile(
    r"^(?:(?:a|avait)-t-|(?:"
    + "|".join(sorted((v for v in FOREIGN_REPORTING_VERBS if v.isalpha()), key=len, reverse=True))
    + r")-(?:t-)?)(?P<pronoun>il|elle)(?![\w-])"
)
"""French inversion after a quotation: ``a-t-elle déclaré``, ``ajoute-t-il``, ``dit-elle``: the pronoun speaks."""

UNLISTED_VERB_AFTER = re.compile(
    r"^(?P<who>[^,;:.!?“”\"()]{1,80}?)\s+(?P<verb>[a-z]{2,20}ed|"
    + "|".join(sorted(IRREGULAR_PASTS, key=len, reverse=True))
    + r")(?=$|[\s,.;:!?—–])"
)
"""``“…,” Toomey fumed on Tuesday``: a speaker and a past tense not in the reporting verbs, right after a quotation."""

UNLISTED_VERB_BEFORE = re.compile(r"^(?P<verb>[a-z]{2,20}ed)\s+(?=[A-Z])")
"""``“This is fantastic!” beamed X``: a past tense not in the reporting verbs, then its speaker."""

PARTICIPLE_SUFFIX = "ing"
"""A reporting verb ending so takes its subject from the clause it hangs on (``, noting that``)."""

OPENING_VERB = re.compile(
    r"^(?:Said|Says|Added|Asked|Wrote|Continued|Stated)\s+(?P<speaker>[^:;.!?“”\"]{1,120}?)[\s,:]*$"
)
"""``Said Dorothy Poynter, who grew up with Ali, “…”``: a reporting verb opening the sentence, then its speaker."""

INVERTED_AFTER_LEAD = re.compile(
    r"^[^,:;.!?“”\"]{1,40},\s*(?:said|says|added|asked|wrote|explained|continued|stated|noted|recalled|"
    r"insisted|replied|declared)\s+(?P<speaker>[^:;.!?“”\"]{1,120}?)[\s,:]*$"
)
"""``But, said Solovey, “…”`` and ``In other words, explained moderator X: “…”``: a short lead, then the
inverted frame."""

OBJECT_RELATIVE = re.compile(r"(?<![\w’'-])(?:which|whom|who|what|that)\s+(?P<subject>[^,;:]{1,80})$", re.IGNORECASE)
"""``…, which Mr. Trump`` (called “a disgrace”), ``what Sroka`` (called …): the subject of the verb that follows
stands between a relative word and it."""

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
    r"(?<![\w-])(?:statement|communiqu[eé]|press release|announcement|message|post|tweet|letter|e-?mail)\s+"
    r"(?:(?:issued|released|published|put out|posted|sent)\s+)?(?:on\s+\w+\s+)?(?:by|from)\s+"
    r"(?P<issuer>[^,.;:!?\"“”«»()]{1,80})"
)
"""``a statement issued by X``, ``a post from X``: the statement's words are X's."""

IN_STATEMENT = re.compile(r"\bin\s+(?:a|an|its|his|her|their|the)\s+(?:\w+\s+){0,2}(?:statement|communiqu[eé])\b")
"""``said in a statement`` / ``went on in its statement``: the subject issued a statement."""

ATTACHING_GAP_MARKS = (",", ":", "—", "–")
"""Punctuation that ends the words between a reporting verb (plus an adverbial) and its quote."""

CLAUSE_BREAK_MARKS = (";", ":", "—", "–")
"""Punctuation between a reporting verb and a short quote after it that ends the reported clause: the
quote is then no piece of what the speaker said (``X revealed her plans – rocked by the “mini-budget”``)."""

REPORTED_CLAUSE_WORDS = words(
    """
    that is are was were be been has have had will would can could may might must should shall do does did
    """
)
"""Words between a reporting verb and a quote that open the clause the speaker's words are told in
(``X said the plan was a “disaster”``, ``X warned that the “cartel” ...``): a conjunction or a finite verb."""

REPORTED_CLAUSE_CONTRACTIONS = ("’d", "'d", "’re", "'re", "’ve", "'ve", "’ll", "'ll", "n’t", "n't")
"""Endings of contracted words that hold a finite verb (``he’d``, ``they're``, ``isn’t``)."""

REPORTED_CLAUSE_SUBJECTS = words("it he she that there what who")
"""Words that are a subject with ``’s`` after them (``it’s``, ``that’s``), not a possessive."""

ATTACHING_GAP_WORDS = frozenset({"that", "saying"})
"""Words that end the words between a reporting verb and its quote (``told the agency that``)."""

MAX_GAP_WORDS = 25
"""More words than this between the verb and the quote means the verb is not attached."""

CONTINUED_THAT = re.compile(r"^[\s,]*(?:and|but|or)\s+(?:also\s+)?that\s*$")
"""The words between two quotations of one sentence that share a verb (``... “A” and that “B”``)."""

TRAILING_ACRONYM = re.compile(r"\s*\(\s*[A-Z][\w.&-]{0,11}\s*\)$")
"""An acronym in brackets after an organisation's name (``The European Football Confederation (EFC)``)."""

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

DASHED_ASIDE = re.compile(r"\s+[—–]\s[^—–]{1,200}?\s[—–]\s*$")
"""An aside between dashes after a subject (``Gingrich — mentioned by X as … — told``): no part of it."""

SUBJECT_BOUNDS = (": ", "; ")
"""Marks the subject of a reporting verb never spans (``… sounded equivocal: Former Rep. X called it``)."""

DATELINE_SEPARATORS = ("/ ", " – ", " — ", " - ")

DATELINE_PLACE = re.compile(r"^[A-Z][A-Z.’'-]+(?:[ ,]+[A-Z][A-Za-z.’'-]*){0,3}:\s+")
"""A place in capitals opening a sentence with a colon (``JOHANNESBURG:``, ``WASHINGTON, D.C.:``)."""

TRAILING_TIME = re.compile(
    r"(?:\s+(?:on|last|this|early|late|earlier|later)\s+(?:[A-Z][a-z]+day|week|weekend|month|year|night|"
    r"morning|afternoon|evening)|\s+(?:yesterday|today|tonight|[A-Z][a-z]+day)|"
    r"\s+(?:(?:less|more)\s+than\s+|about\s+|nearly\s+)?(?:a|an|one|two|three|four|five|six|several|\d{1,2})\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago)+$"
)
"""A time written between a subject and its verb (``X on Wednesday hailed``, ``X last week said``)."""
"""Separators after a dateline or an outlet tag (``Shafaq News/``, ``ERBIL (North Press) –``)."""

APPOSITIVE_STOPS = words(
    """
    which who whom whose that said says say told tells added adds announced announces noted
    stated stressed explained confirmed warned wrote writes declared insisted indicated
    pointed affirmed assured claimed has had have is was were are will would
    """
)
"""Words that end a role written beside a name (``X, the spokesman for Y, said``)."""


HEADLINE_KICKERS = words(
    """
    latest report reports breaking exclusive watch video analysis opinion update updated live
    poll explainer factbox editorial review interview photos photo timeline podcast listen
    commentary column perspective correction recap
    """
)
"""Labels a headline opens with before a colon (``The Latest: ...``, ``Report: ...``): no speaker."""
