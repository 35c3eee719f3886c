"""Finishing a built site, whichever engine built it: the second escaping wall, minified HTML.

Every generated page wraps what it says between two HTML comments (``BEGIN`` and ``END``,
added by the renderer, so an overriding template cannot leave them out). After the engine
has built the site, everything between them in each HTML file, which is the page's own
content and nothing of the theme, is sanitised with nh3 (``digest.publish.sanitize``), and
the markers are dropped. Article text can never write a marker: the renderer escapes every
``<`` of it. Then every page is minified (whitespace and comments only), and the sitemap's
gzip copy is written again without a time stamp, so that the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from pathlib import Path

import minify_html

from .sanitize import clean

BEGIN = "<!-- digest:page -->"
"""Written by the renderer before a generated page's content."""
END = "<!-- /digest:page -->"
"""Written by the renderer after a generated page's content."""


def mark(markdown: str) -> str:
    """A generated page's Markdown with its content between the markers (front matter stays first)."""
    head, body = "", markdown
    if markdown.startswith("---\n"):
        close = markdown.find("\n---\n", 4)
        if close != -1:
            head, body = markdown[: close + 5], markdown[close + 5 :]
    return f"{head}{BEGIN}\n\n{body.rstrip()}\n\n{END}\n"


def finish_page(html: str, *, minify: bool = True) -> str:
    """One built page: its generated content sanitised, the markers gone, minified when asked."""
    begin = html.find(BEGIN)
    end = html.rfind(END)
    if begin != -1 and end > begin:
        html = html[:begin] + clean(html[begin + len(BEGIN) : end]) + html[end + len(END) :]
    return minified(html) if minify else html


def minified(html: str) -> str:
    """HTML without the whitespace and comments a browser ignores; scripts, styles and ``pre`` as they were."""
    return str(
        minify_html.minify(
            html,
            minify_js=False,
            minify_css=False,
            keep_closing_tags=True,
            keep_html_and_head_opening_tags=True,
            keep_comments=False,
        )
    )


def finish_files(paths: Iterable[Path], *, minify: bool = True) -> None:
    """Finish the HTML files at ``paths`` in place."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        done = finish_page(text, minify=minify)
        if done != text:
            path.write_text(done, encoding="utf-8")


def finish_site(site_dir: Path, *, minify: bool = True) -> None:
    """Finish every HTML page of a built site and write its sitemap's gzip copy reproducibly."""
    finish_files(sorted(site_dir.rglob("*.html")), minify=minify)
    write_sitemap_gz(site_dir)


def write_sitemap_gz(site_dir: Path) -> None:
    """``sitemap.xml.gz`` again from ``sitemap.xml``, with no time stamp or file name inside."""
    sitemap = site_dir / "sitemap.xml"
    packed = site_dir / "sitemap.xml.gz"
    if not sitemap.is_file() or not packed.exists():
        return
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename="", mode="wb", mtime=0) as out:
        out.write(sitemap.read_bytes())
    packed.write_bytes(buffer.getvalue())
