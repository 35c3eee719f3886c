"""Saved web pages: the article's text and metadata, extracted with trafilatura.

Offsets of everything found later refer to the extracted text, which becomes the
Article's ``text`` (and is what the export and the source page show).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Article
from .articles import PAGE_DATE, article_from_text
from .decoding import decode
from .errors import MissingDependencyError, SourceError

PACKAGES = {"lxml.html.clean": "lxml_html_clean", "lxml_html_clean": "lxml_html_clean"}
"""Modules whose pip package has another name (jusText imports ``lxml.html.clean``)."""


def article_from_html(source_id: str, rel: str, data: bytes, meta: Mapping[str, Any]) -> Article:
    """Extract one saved page; manifest metadata wins over what the page says."""
    html, encoding = decode(data)
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except ImportError as exc:
        raise MissingDependencyError(missing_package_message(rel, exc)) from None
    document = document.as_dict() if document is not None and not isinstance(document, dict) else document
    if not isinstance(document, dict) or not (document.get("text") or "").strip():
        raise SourceError("no article text found in the page")
    found = {
        "title": document.get("title"),
        PAGE_DATE: document.get("date"),
        "outlet": document.get("sitename"),
        "url": document.get("url"),
        "author": document.get("author"),
    }
    merged = {key: value for key, value in found.items() if value} | dict(meta)
    text = str(document["text"]).replace("\r\n", "\n")
    return article_from_text(source_id, rel, text, merged, encoding)


def missing_package_message(rel: str, exc: ImportError) -> str:
    """One line naming the package to install, for an import that failed while reading ``rel``."""
    text = str(exc)
    module = next((m for m in PACKAGES if m in text), exc.name or "trafilatura")
    package = PACKAGES.get(module, module.split(".")[0])
    return f"{rel}: reading saved web pages needs the package {package} ({text.splitlines()[0]}): pip install {package}"
