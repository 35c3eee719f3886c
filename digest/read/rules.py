"""Data only: what page furniture and metadata lines look like in scraped article text.

The line classifier in ``lines.py`` applies these rules line by line; nothing here has logic.
"""

from __future__ import annotations

import re

from ..text.sentences import SENTENCE_LIKE_LINE_END

# A line matching one of these ends the article: everything after it is comments,
# comment forms or site chrome.
END_OF_ARTICLE = re.compile(
    r"""^(?:
        one\ thought\ on\b | \d+\ thoughts?\ on\b | leave\ a\ (?:reply|comment)\b
      | post\ with\ no\ comments | no\ comments\ yet | comments?\s*\(\d+\)$ | \d+\ comments?$
      | to\ participate\ in\ the\ discussion | join\ the\ discussion | add\ a\ comment
      | newsfeed$ | related\ (?:articles|stories|news)\s*:?$ | read\ more\s*:?$ | more\ on\ this\ story
      | you\ may\ also\ like | recommended\ for\ you | most\ read$ | trending\ now$
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Whole lines that are widgets, forms or site chrome wherever they stand.
WIDGET_LINE = re.compile(
    r"""^(?:
        subscribe(?:\ to\ .*)? | sign\ up\ .* | newsletter | share(?:\ this(?:\ article|\ story)?)?(?:\ on\ \w+)?
      | tweet | print | e-?mail | whatsapp | telegram | facebook | twitter | google\ plus | linkedin
      | log\ ?(?:in|out)\b.* | register | captcha(?:\ refresh)? | security\ key\s*:?
      | page\ generated\ in\b.* | loader | loading\.* | chats? | live | audio\ only | advertisement
      | fill\ in\ your\ details\ below.* | you\ are\ commenting\ using.* | connecting\ to\ %s
      | (?:twitter|facebook|google)\ (?:picture|photo)
      | a-\s*a{1,2}\+? | a\+?\s*a- | font\ size.* | listen\ to\ (?:this|the)\ article.*
      | (?:cookie|cookies).* (?:accept|consent|policy).* | accept\ (?:all\ )?cookies
      | skip\ to\ (?:main\ )?content | back\ to\ top | follow\ us.* | read\ also\s*:?
      | (?:the\ )?(?:article|story|text|content)\ continues\ (?:below|after|under)(?:\ (?:this|the|an?))?
        (?:\ (?:advertisement|advert|ad|video|image|picture|gallery))?
      | advertisement\s*[-–—:]?\s*(?:scroll\ (?:down\ )?to\ continue|continue\ reading(?:\ below)?)
      | continue\ reading(?:\ (?:below|the\ (?:main\ )?(?:story|article)))?
      | news\ id\s*:.* | \d+
    )\.?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Photo credits and captions.
CAPTION_LINE = re.compile(
    r"""(?:^\s*©) | (?:\|\s*photo\s*:) | (?:^photo\s*(?:credit)?\s*:) | (?:\(photo\s*:)
      | (?:\s[-–]\s[^,]{2,60},\s*\d{3,4},\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$)
      | (?:^(?:image|picture|file\ photo|video)\s*:)
      | (?:\bphoto(?:graph)?\s*:\s*[\w .'’-]{2,40}(?:/\s*[\w .'’-]{2,40})?\)?\s*$)
      | (?:\b(?:credit|photo\ credit)\s*:\s*[^.]{2,60}$)
      | (?:\b(?:getty\ images|reuters/|ap\ photo|afp\ photo|epa-efe)\b)""",
    re.IGNORECASE | re.VERBOSE,
)

# Links to other stories written as a labelled line: "Read also: ...", "Related: ...".
TEASER_LINE = re.compile(
    r"""^(?: read\ (?:also|more) | also\ read | see\ also | more\ (?:on|about)\ (?:this|the|that)(?:\ \w+)?
           | related(?:\ story|\ article)? | watch | listen )\s*:""",
    re.IGNORECASE | re.VERBOSE,
)

# Breadcrumbs such as "News > Iraq" and bullet-point navigation such as "• Live".
NAVIGATION_LINE = re.compile(r"^(?:[\w .&-]{1,30}(?:\s[>»/|]\s[\w .&-]{1,30})+|[•·▪◦*-]\s*\S.{0,25})$")

# Words glued together by a scraper, as in "securityIraqbreakingAlliance".
GLUED_WORDS = re.compile(r"[a-z]{2,}[A-Z][a-z]+[A-Z]")

# Lines that carry the publication date (and are metadata, not body).
DATE_CUE = re.compile(
    r"^(?:published|posted|updated|last\ updated|date|first\ published|released)\b\s*:?",
    re.IGNORECASE | re.VERBOSE,
)

# Lines that say when the page was saved or read, not when the article was published.
SCRAPE_CUE = re.compile(
    r"\b(?:saved|accessed|retrieved|downloaded|printed|captured|archived|visited|viewed|scraped)\b(?:\s+(?:on|at))?"
    r"|\btoday\s+is\b",
    re.IGNORECASE,
)

# Cued lines that give a later version's date; the publication date wins over them.
UPDATE_CUE = re.compile(r"^(?:updated|last\ updated|modified|last\ modified)\b", re.IGNORECASE | re.VERBOSE)

MONTH_NAME = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

# A dateline opening the lead: "KELL, May 16 (Lakeside Press Agency) -", "LONDON, 20 October 2022 -".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}(?:,[ ][A-Z][\w.'’ -]{1,30}?){0,2}),?\s+"
    r"(?P<date>" + MONTH_NAME + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + MONTH_NAME + r"(?:,?\s+\d{4})?)"
    r"\s*(?:\((?P<agency>[^()\n]{2,60})\))?\s*(?:[-–—:]|/)",
)

# A year written in the body ("in 2021", "the 2020 election").
YEAR_MENTION = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,/]\d)")

# A full date in an article's address: /2021/12/09/, /2021-12-09/, /20211209/.
URL_DATE = re.compile(
    r"(?:^|[/_-])(?P<y>(?:19|20)\d\d)(?:[/-](?P<m>0?[1-9]|1[0-2])[/-]|(?P<m2>0[1-9]|1[0-2]))"
    r"(?P<d>0?[1-9]|[12]\d|3[01])(?=$|[/_.?#-])"
)

# A date stamp glued to the start of the first paragraph (" date 2023-01-19 The minister said ...").
STAMPED_PARAGRAPH = re.compile(
    r"^(?P<stamp>(?:published|posted|updated|date)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2})?)?)\s+(?=\S)",
    re.IGNORECASE,
)

# A date written in a short header line ("US Harbor Daily, 03/05/2024", "9 December 2021").
DATE_LIKE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
DATE_LINE_MAX_WORDS = 10

# Bylines and credits at either end of an article.
BYLINE = re.compile(
    r"^(?:by|reporting\ by|written\ by|editing\ by|reported\ by|author\s*:)\s+(?P<name>[^\d,;:|]{3,80}?)"
    r"(?:\s+for\s+[^|;]{2,40}|\s*\|[^|]{2,40})?\.?(?:;.*)?$",
    re.IGNORECASE | re.VERBOSE,
)

# Where an outlet names itself in the text. A news agency named in a dateline or credit line
# ("LONDON (Reuters) -", "Reporting by ... for Reuters") is the outlet; one named in a photo
# credit ("© AFP 2023") is not (``NOT_OUTLETS``, ``DATELINE_OUTLET_PATTERNS``).
DATELINE_OUTLET_PATTERNS = (
    # Dateline credit: "ERBIL, KRG, Iraq (North Press) – On Thursday ...", "KELL, May 16 (Lakeside Press Agency) -",
    # "MINNEAPOLIS (CBS46/AP) —" (the first name: the outlet that carries the agency's copy).
    # The place is in capitals ("ERBIL", "NEW YORK"), or followed by a date ("Kell, May 16").
    re.compile(
        r"^(?:[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*(?:,[ ][\w .,'’-]{1,40}?)?"
        r"|[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3},[ ][\w .,'’-]{0,30}?" + MONTH_NAME + r"[\w .,]{0,12}?)\s*"
        r"\((?P<outlet>[A-Z][\w .&'-]{0,40}?)(?:\s*/\s*[\w .&'-]{1,30})?\)\s*(?:[–—-]|/)"
    ),
    # A lead that opens with the agency alone: "(AP) — ...", "(Reuters) - ...".
    re.compile(r"^\((?P<outlet>[A-Z][\w .&'-]{0,40}?)\)\s*[–—-]"),
)
DATELINE_LINES = 3
"""A dateline is looked for in the header and the first body lines only."""

CREDIT_OUTLET_PATTERNS = (
    # "Reporting by Jane Doe for Reuters; Editing by ...", "By Jane Doe | Harbour Times".
    re.compile(
        r"^(?:reporting|writing|additional\ reporting)\s+by\s+[^;]{2,80}?\s+for\s+"
        r"(?P<outlet>[A-Z][\w .&'-]{1,40}?)\s*(?:[.;].*)?$",
        re.IGNORECASE | re.VERBOSE,
    ),
    re.compile(r"^by\s+[^|]{2,60}?\s*\|\s*(?P<outlet>[A-Z][\w .&'-]{1,40}?)\s*$", re.IGNORECASE),
)
OUTLET_PATTERNS = (
    # Slash credit at the start of the lead: "Shafaq News/ The Joint Operations ..."
    re.compile(r"^(?P<outlet>[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,3})\s?/\s"),
    # Image alt text ending with "- Outlet, 1920, 09.12.2021".
    re.compile(r"\s[-–]\s(?P<outlet>[A-Z][^,]{1,60}),\s*\d{3,4},\s*\d{1,2}\.\d{1,2}\.\d{4}\s*$"),
    # Copyright footer: "© 2021 Outlet Name".
    re.compile(r"^©\s*(?:\d{4}\s*)?(?P<outlet>[A-Z][\w .&'-]{1,40}?)\.?\s*(?:All rights reserved\.?)?$"),
)

# Photo agencies named in image credits are not the outlet that published the article.
NOT_OUTLETS = frozenset({"afp", "ap", "reuters", "getty images", "epa", "epa-efe", "photo", "file"})

# Scripts a line is measured against when the article's main script is known.
LATIN_SHARE_FOR_FOREIGN_LINE = 0.3
"""A line whose letters are less than this share Latin, in a mostly Latin article, is widget text."""

# A body paragraph is at least this many words, or ends like a sentence.
MIN_BODY_WORDS = 4
SENTENCE_END = SENTENCE_LIKE_LINE_END

# Headline-like lines in the body (teasers of related articles) are at most this long.
TEASER_MAX_WORDS = 20

# A Markdown ATX heading's marks: the opening ``#``s and any closing ones (``## Title ##``).
ATX_OPEN = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
ATX_CLOSE = re.compile(r"\s+#+\s*$")
