"""Making untrusted text inert in Markdown and HTML.

Article text, titles, outlet names and URLs come from the web. Before any of it
reaches a template it is escaped for HTML *and* for Markdown: every character
that Markdown or its extensions (attribute lists, admonitions, tables, emphasis,
emoji, links) give a meaning to becomes a numeric character reference, which
Python-Markdown passes through and the browser shows as the character itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup

from ..text.slugs import slugify

_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~^=:<>&\"'$%@"}
_TABLE = str.maketrans(_ENTITIES)
_URL_TABLE = {ord(c): f"&#{ord(c)};" for c in "\"'<>`*_{}[]()\\ "}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE = re.compile(r"\s+")


def md(text: object) -> Markup:
    """Escape text for use inline in Markdown that may contain HTML: one line, inert."""
    clean = _SPACE.sub(" ", _CONTROL.sub("", str(text))).strip()
    return Markup(clean.translate(_TABLE))


def meta_title(text: object) -> Markup:
    """A page title for front matter, safe where the theme prints it raw and where it strips tags.

    Material prints ``page.meta.title`` unescaped in the header and passes it through
    ``striptags`` (which decodes entities) in ``<title>``: no ``<`` or ``>`` may survive in
    either, so they become look-alike angle quotes, and ``&`` is escaped once.
    """
    import json

    clean = _SPACE.sub(" ", _CONTROL.sub("", str(text))).strip()
    clean = clean.replace("&", "&amp;").replace("<", "‹").replace(">", "›")
    return Markup(json.dumps(clean, ensure_ascii=False))


def safe_url(url: str | None) -> str | None:
    """Return the URL when it is a plain http(s) link, else ``None``."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _CONTROL.search(url):
        return None
    return url


def url_attr(url: str) -> Markup:
    """Escape a checked URL for an HTML attribute inside Markdown."""
    return Markup(url.translate(_URL_TABLE))


def slug(text: str, reserved: frozenset[str] = frozenset()) -> str:
    """A safe, readable ASCII path component for a page (never empty, never reserved)."""
    value = slugify(text, 80, whole_words=False, fallback="page")
    return f"{value}-page" if value in reserved else value
