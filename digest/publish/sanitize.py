"""The second wall: sanitising the HTML of generated pages with nh3 (ammonia)."""

from __future__ import annotations

import nh3

TAGS = nh3.ALLOWED_TAGS | {"input", "label", "svg", "section"}
ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "rel", "title"},
    "input": {"type", "name", "checked"},
    "label": {"for"},
    "li": {"style"},
}
GENERIC = {"class", "id", "title", "role", "aria-label", "aria-hidden", "tabindex", "data-tabs", "data-search-exclude"}
URL_SCHEMES = {"http", "https"}


def clean(html: str) -> str:
    """Drop every tag, attribute, URL scheme and style that generated pages never use."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes={tag: attrs | GENERIC for tag, attrs in ATTRIBUTES.items()} | {"*": GENERIC},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        filter_style_properties={"left"},
        strip_comments=True,
        clean_content_tags={"script", "style"},
    )
