"""Data only: particles, prefixes, suffixes and short forms inside personal names."""

from __future__ import annotations

import re

from .tokens import words

NAME_PARTICLES = words(
    """
    al el ul ad as an ash at az ibn bin bint ben abu abd abdul bou da de di del della der des
    du dos das do la le van von ter ten den zu y e mac mc st
    """
)
"""Lower-case words and prefixes that may sit inside a personal name (``bin``, ``al-``)."""

NAME_PREFIXES = tuple(sorted(words("al- el- ul- ad- as- ash- at- az- an- ar- ibn- bin- abu- d’ d'")))
"""Hyphenated or elided lower-case prefixes of a capitalised name part (``al-Araji``)."""

HYPHEN_PARTICLES = words("al el ul il ad ar as ash at az an ud ut us ed er es et ez")
"""Arabic article forms written joined by a hyphen (``al-Araji``, ``ash-Sharif``); optional."""

SPACED_PARTICLES = words("al el il de da di du del della dei der den van von la le les dos das do ter ten")
"""Particles written as their own word (``Al Arayi``, ``von der Leyen``); optional."""

COMPOUND_PREFIXES = words("abd abdul abdel abdal abdol abdu abu abou bin ibn bint ould")
"""Name parts that belong with the following word (``Abu Mahdi``, ``bin Salman``)."""

NAME_SUFFIXES = words("jr sr ii iii iv phd md esq")
"""Generational and academic suffixes after a name."""

POST_NOMINALS = words("mp mep msp mla mpp td qc kc obe cbe mbe kbe dbe frs")
"""Letters written after a name for an office or an honour (``Ian Blackford MP``): no part of the name."""

PARTY_TAG = r"^[RDI]-[A-Z][A-Za-z.]*$"
"""A US party and state tag written after a name (``R-Wis.``): no part of the name."""

PARTY_TAG_PART = re.compile(r"^\(?[RDI]-[A-Z][A-Za-z.]{0,12}\)?$")
"""A comma part that is only a party and state tag (``Sen. Rand Paul, R-Ky., said``)."""

TRAILING_PARTY_TAG = re.compile(r"\s*\(\s*[RDI]-[A-Z][A-Za-z.]{0,12}\s*\)?$")
"""A party and state tag in brackets after a name (``Dianne Feinstein (D-Calif.)``)."""

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

AGE_PREFIX = re.compile(r"^\d{1,3}-year-old$")
"""An age written before a name (``81-year-old Parker Eaton``): no part of it, and no phrase around it."""

INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
"""Initials written before a surname (``J.J.``): part of a name however a name scan reads them."""

FEMININE_GIVEN_NAMES = words(
    """
    abigail ada adriana alexandra alice alicia alison amanda amber amy ana andrea angela angelina ann
    anna anne annie april ashley audrey barbara beatrice becky betsy betty beverly billie brenda
    bridget brigid brittany caitlin camila carla carly carmen carol caroline carolyn catherine cathy
    cecile cecilia chelsea cheryl christina christine cindy claire clara claudia colleen condoleezza
    courtney cynthia danielle darlene debbie deborah debra denise diana diane dianne donna
    doris dorothy elaine eleanor elena elise elizabeth ellen emily emma erica erin eva evelyn faith
    fiona frances gabriela gabrielle gail gillian gina gloria grace gwen hannah harriet heather
    heidi helen hillary holly hope ilhan irene isabel jacqueline jane janet janice jasmine
    jeanne jennifer jenny jessica jill jillian joan joanna jodi josephine joy joyce judith judy
    julia julie karen katherine kathleen kathryn kathy katie kayleigh kelly kellyanne kimberly
    kirsten kristen laura lauren leah linda lisa liz lois loretta lori louise lucy lydia
    madeleine madeline maggie margaret maria marianne marie marilyn marsha martha mary maxine
    megan megyn melania melanie melissa meredith michele michelle mildred miriam molly monica nancy
    naomi natalie nicole nikki nina nora olivia pamela patricia patty paula pauline peggy penny
    rachel rebecca regina renee rita roberta rosa rose ruth sally samantha sandra sara sarah sharon
    sheila shirley sonia sophia stacey stephanie susan suzanne sylvia tammy tara teresa theresa
    tiffany tina ursula valerie vanessa veronica victoria virginia wendy yvonne zoe
    """
)
"""Given names borne almost only by women, for ``she`` when an article does not tell the gender (lower-case)."""

MASCULINE_GIVEN_NAMES = words(
    """
    aaron adam adrian al alan albert alexander andrew andy anthony antonin arnold arthur barack
    barry ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brent brett brian
    bruce bryan carl carlos charles charlie christopher chuck clarence cory craig curt dan
    daniel darrell dave david dennis derek dick don donald doug douglas duncan dwight eddie edward
    elijah eric ernest eugene evan frank franklin fred frederick gary gene george gerald gordon
    grant greg gregory hank harold harry henry herman howard ian jack jacob jake james jared jason
    jay jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose
    joseph josh joshua juan justin keith ken kenneth kevin kurt larry lawrence leon leonard
    lloyd louis luis marco marcus mario mark martin matt matthew michael mike mitch mitt
    nathan neil newt nicholas nick noah orrin oscar patrick paul pedro peter phil philip ralph
    randy ray raymond reince richard rick rob robert roger ron ronald roy rudy russell ryan
    samuel scott sean sergei seth shawn stephen steve steven stuart ted thomas tim timothy
    todd tom tommy tony travis trey troy victor vincent vladimir walter warren wayne william willie
    """
)
"""Given names borne almost only by men, for ``he`` when an article does not tell the gender (lower-case)."""

KNOWN_AS = re.compile(
    r"^(?P<description>.{2,80}?)\s+(?:known|identified(?:\s+only)?|referred\s+to)\s+as\s+"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})$"
)
"""``the base chief known as Bob``, ``a man identified only as Ahmed``: the name, with the description as its role."""
