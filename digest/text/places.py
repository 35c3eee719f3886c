"""Data only: country names and demonyms."""

from __future__ import annotations

from .tokens import words

DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "ic")
"""Endings of nationality adjectives, which own no statement (``a Borovian spokesman``)."""

UNSUFFIXED_DEMONYMS = words(
    """
    american african mexican german french dutch swiss greek thai cuban kenyan moroccan afghan
    iraqi israeli pakistani saudi kuwaiti omani yemeni emirati qatari bahraini somali us u.s uk
    """
)
"""Nationality adjectives without a telling ending (lower-case)."""

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

PLACE_HEADS = words("street avenue road square boulevard lane palace")
"""Last words of a place's name (``Downing Street``): it speaks as an institution, never as a person."""

PLACE_NAMES = frozenset(
    {
        *words(
            """
            alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
            hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
            michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
            pennsylvania tennessee texas utah vermont virginia wisconsin wyoming america britain
            england france germany russia china japan mexico canada israel iran iraq syria turkey
            egypt india pakistan afghanistan ukraine europe
            """
        ),
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "united states",
    }
)
"""US states and countries often in the news (lower-case): a name that is one of them is no person (``Ohio``)."""
