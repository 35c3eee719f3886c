"""Filters and formatting the pages share: dates, counts, escaping of printed values, links, collations as HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..models import Article, DateOrigin, Published, Quote
from .collation import ADDED, CHANGED, LEFT_OUT, SAME, Collation, Piece
from .escape import md, meta_title, safe_url, url_attr

CLOCK = re.compile(r"(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")
"""The time part of an ISO date: ``HH:MM``, optional seconds, optional zone."""


DATE_ORIGINS = {
    DateOrigin.MANIFEST: "the manifest (sources.yml or front matter)",
    DateOrigin.PAGE: "the saved page's metadata",
    DateOrigin.HEADER: "a date line above the article",
    DateOrigin.DATELINE: "the article's dateline",
    DateOrigin.URL: "the article's address (URL)",
    DateOrigin.ESTIMATE: "an estimate from the storyline's dated articles; the source gives no date",
}
"""How a page says where a publication date came from."""


def when(value: Published | str | None) -> str:
    """A date for tables and lists: ``2021-11-24 03:50 UTC``, ``2021-12-09``, ``2021-12-09 (estimated)``, ``undated``.

    A time whose zone the article does not state is left out, so that every time shown
    beside another can be compared with it (``when_full`` shows it, marked).
    """
    day, clock, zone = _date_parts(value)
    shown = f"{day} {clock} {zone}" if clock and zone else day
    return f"{shown} (estimated)" if isinstance(value, Published) and value.estimated else shown


def when_full(value: Published | str | None) -> str:
    """A date with whatever time the article gives: ``2021-12-10 05:29 (time zone not stated)``."""
    day, clock, zone = _date_parts(value)
    if not clock:
        return day
    return f"{day} {clock} {zone}" if zone else f"{day} {clock} (time zone not stated)"


def newest_first(articles: Iterable[Article]) -> list[Article]:
    """Sources for lists: newest first, undated last, ties by id (descending)."""
    return sorted(
        articles,
        key=lambda a: (a.published is not None, a.published.instant if a.published else datetime.min, a.id),
        reverse=True,
    )


def date_origin(value: Published | None) -> str:
    """Where a publication date came from, in words (empty for no date)."""
    return DATE_ORIGINS[value.origin] if value is not None else ""


def _date_parts(value: Published | str | None) -> tuple[str, str, str]:
    """A date as (day or ``undated``, ``HH:MM`` or "", ``UTC``/``UTC+03:00`` or "")."""
    if not value:
        return "undated", "", ""
    day, _, clock = (value.iso() if isinstance(value, Published) else value).partition("T")
    found = CLOCK.match(clock)
    if not found:
        return day, "", ""
    offset = found.group(2) or ""
    return day, found.group(1), "UTC" if offset in ("Z", "+00:00", "-00:00") else (f"UTC{offset}" if offset else "")


def count(number: int, noun: str, *, bold: bool = False, html_bold: bool = False) -> str | Markup:
    """``1 quotation``, ``2 quotations``; the number in Markdown or HTML bold when asked."""
    words = f"{noun}{'' if number == 1 else 's'}"
    if html_bold:
        return Markup(f"<strong>{number}</strong> ") + md(words)
    return Markup(f"**{number}** ") + md(words) if bold else f"{number} {words}"


def template_dirs(user_dir: Path | None = None) -> list[str]:
    """Template folders, the site's own first, then the packaged ones."""
    packaged = resources.files("digest") / "templates"
    source_tree = Path(__file__).resolve().parents[2] / "templates"
    builtin = str(packaged) if packaged.is_dir() else str(source_tree)
    return ([str(user_dir)] if user_dir and user_dir.is_dir() else []) + [builtin]


def printable(value: object) -> Markup:
    """What a template prints for a value: ``Markup`` as it is, anything else escaped with ``md``."""
    if isinstance(value, Markup):
        return value
    if type(value) is str:
        return _md_str(value)
    return md("" if value is None else value)


@lru_cache(maxsize=65_536)
def _md_str(text: str) -> Markup:
    """``md`` of a string, remembered: pages print the same names, titles and words many times."""
    return md(text)


def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment for Markdown pages: user templates override the packaged ones."""
    loaders = [jinja2.FileSystemLoader(d) for d in template_dirs(user_dir)]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        finalize=printable,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md
    env.filters["meta_title"] = meta_title
    env.filters["when"] = when
    env.filters["when_full"] = when_full
    env.filters["date_origin"] = date_origin
    env.filters["count"] = count
    return env


def rel(from_page: str, to_page: str) -> str:
    """A relative link between two generated pages (both paths from the docs root)."""
    depth = from_page.count("/")
    return "../" * depth + to_page


def built_rel(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A relative URL for raw HTML, which the engine does not rewrite: the built page's URL.

    With ``use_directory_urls`` (the default) ``a/b.md`` is built as ``a/b/index.html`` and
    linked as ``a/b/``; without, it is ``a/b.html``.
    """
    target = to_page.removesuffix(".md")
    if not directory_urls:
        return "../" * from_page.count("/") + target + ".html"
    target = target.removesuffix("index") if target.endswith("/index") or target == "index" else target + "/"
    return "../" * (from_page.count("/") + (0 if from_page.endswith("index.md") else 1)) + target


@dataclass(frozen=True)
class Witness:
    """One row of a collation on a page: whose wording it is and where it stands in its source."""

    outlet: str
    href: Markup
    """URL of the quotation in its source page, relative to the built page (raw HTML is not rewritten)."""
    canonical: bool


PIECE_TAGS = {SAME: ("", ""), ADDED: ("<ins>", "</ins>"), CHANGED: ("<mark>", "</mark>")}
"""How each kind of piece is marked; where words are left out there is an empty ``<del>``, shown as ``[…]``."""

GAP = "<del></del>"


def collation_html(collation: Collation, witnesses: Sequence[Witness]) -> Markup:
    """A statement's wordings aligned: a key of outlets (each linked to its quotation), then one block per place.

    The blocks hold one cell per wording and wrap like words, so every row reads whole at any
    width. They are for the eye only: each key row carries its wording, marked the same way,
    for screen readers and the search index (the canonical one is indexed in the card's quote).
    The blocks sit in a ``div``: Material's search parser ends an exclusion at the first closing
    tag of the same name, and the blocks are nested ``span`` elements. They carry no class (the
    stylesheet finds them by position): a large site has hundreds of thousands.
    """
    key = " ".join(_key_row(witness, collation.row(i)) for i, witness in enumerate(witnesses))
    places = "".join("<span>" + "".join(_cell_html(cell) for cell in place) + "</span>" for place in collation.places)
    return Markup(
        '<div class="dg-collation" role="group" aria-label="Each outlet&#39;s wording, aligned word by word">'
        f'<span class="dg-collation__key">{key}</span>'
        f'<div class="dg-collation__places" aria-hidden="true" data-search-exclude>{places}</div></div>'
    )


def _key_row(witness: Witness, pieces: Sequence[Piece]) -> str:
    """The outlet's name linked to its quotation, ``canonical`` when it is, and its whole wording for non-visual use."""
    mark = ' <span class="dg-witness__canonical">canonical</span>' if witness.canonical else ""
    hidden = " data-search-exclude" if witness.canonical else ""
    return (
        f'<span class="dg-witness{" dg-witness--canonical" if witness.canonical else ""}">'
        f'<a href="{witness.href}">{_md_str(witness.outlet)}</a>{mark}'
        f'<span class="dg-sr-only"{hidden}>: {_pieces(pieces)}</span></span>'
    )


def _cell_html(cell: Sequence[Piece]) -> str:
    """One wording's cell in a place; a cell that only leaves words out is the gap itself."""
    if len(cell) == 1 and cell[0].kind == LEFT_OUT:
        return GAP
    return f"<span>{_pieces(cell)}</span>"


def _pieces(pieces: Sequence[Piece]) -> str:
    """Pieces as inline HTML, escaped, each marked by its kind, separated where the wording has a space."""
    parts: list[str] = []
    for piece in pieces:
        if piece.kind == LEFT_OUT:
            if not parts or parts[-1] != " " + GAP:  # one mark for a run left out across places
                parts.append(" " + GAP)
            continue
        opening, closing = PIECE_TAGS[piece.kind]
        space = " " if parts and (piece.spaced or parts[-1] == " " + GAP) else ""
        parts.append(f"{space}{opening}{_md_str(piece.text)}{closing}")
    return "".join(parts).lstrip(" ")


def original_link(article: Article) -> Markup | None:
    """An escaped link to the original article, only for http(s) URLs."""
    url = safe_url(article.url)
    if url is None:
        return None
    return Markup(f'<a href="{url_attr(url)}" rel="nofollow noopener noreferrer">') + md(url) + Markup("</a>")


FRAME_WORDS = {
    "right": "“…,” X said",
    "left": "X said: “…”",
    "apposition": "X, role, “…”",
    "sentence": "a reporting verb earlier in the sentence",
    "later": "a reporting verb later in the sentence",
    "continued": "continues the quotation before",
    "subject": "the sentence's subject, no reporting verb",
}
"""How each attribution frame (``Quote.attribution`` before ``+``) reads on a statement card."""

VIA_WORDS = {
    "pronoun": "a pronoun for the person just named",
    "earlier": "an earlier speaker",
    "salient": "the person the article names most",
    "office": "the holder of that title",
    "issuer": "who issued the statement",
}
"""How each resolution (``Quote.attribution`` after ``+``) reads on a statement card."""

LOW_CONFIDENCE = 0.7
"""Attributions whose rule is right less often than this are marked uncertain."""


def attribution_note(quote: Quote) -> str:
    """How the speaker of a quotation was found, and how often that way is right: ``X said: “…” · 93 %``."""
    if not quote.attribution or quote.confidence is None:
        return ""
    frame, _, via = quote.attribution.partition("+")
    how = FRAME_WORDS.get(frame, frame) + (f", via {VIA_WORDS.get(via, via)}" if via else "")
    sure = round(100 * quote.confidence)
    return f"{'uncertain attribution' if quote.confidence < LOW_CONFIDENCE else 'attribution'}: {how} ({sure} % right)"
