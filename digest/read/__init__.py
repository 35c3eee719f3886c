"""Reading a corpus folder into Articles: readers by file type, decoding, line roles, manifest, dates, metadata.

Only this package touches the corpus. Every Article keeps the file's decoded text
untouched (newlines normalised to ``\\n``) and lists the body paragraphs as spans
into it, so later stages can always point at exact character positions.
"""

from __future__ import annotations

from .articles import NO_ORDERS, article_from_text
from .corpus import FileTask, corpus_files, corpus_tasks, read_corpus, read_task, source_ids
from .dates import dates_in, manifest_date, read_published, url_date
from .decoding import decode
from .errors import ManifestError, MissingDependencyError, SourceError
from .html import article_from_html, missing_package_message
from .lines import Line, classify, split_lines
from .manifest import MANIFEST_KEYS, MANIFEST_NAMES, SAFE_LOADER, front_matter, read_manifest, yaml_problem
from .metadata import find_author, find_outlet, name_outlets_by_site, outlet_from_url
from .readers import ARTICLE_SUFFIXES, READERS, heading_text, read_article, reader

__all__ = [
    "ARTICLE_SUFFIXES",
    "MANIFEST_KEYS",
    "MANIFEST_NAMES",
    "NO_ORDERS",
    "READERS",
    "SAFE_LOADER",
    "FileTask",
    "Line",
    "ManifestError",
    "MissingDependencyError",
    "SourceError",
    "article_from_html",
    "article_from_text",
    "classify",
    "corpus_files",
    "corpus_tasks",
    "dates_in",
    "decode",
    "find_author",
    "find_outlet",
    "front_matter",
    "heading_text",
    "manifest_date",
    "missing_package_message",
    "name_outlets_by_site",
    "outlet_from_url",
    "read_article",
    "read_corpus",
    "read_manifest",
    "read_published",
    "read_task",
    "reader",
    "source_ids",
    "split_lines",
    "url_date",
    "yaml_problem",
]
