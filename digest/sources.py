"""Reading a corpus folder into Articles: decoding, manifest, metadata and page furniture.

Only this module touches the corpus. Every Article keeps the file's decoded text
untouched (newlines normalised to ``\\n``) and lists the body paragraphs as spans
into it, so later stages can always point at exact character positions.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from . import boilerplate as bp
from .models import Article, Span

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MANIFEST_NAMES = ("sources.yml", "sources.yaml")
MANIFEST_KEYS = frozenset({"outlet", "url", "published", "title", "language", "storyline", "author"})
HEADER_LINES = 10
"""How many non-empty lines from the top count as the header (title, date line, credits)."""


COMMON_ENCODINGS = (
    "cp1252",
    "cp1256",
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1255",
    "iso8859_1",
    "iso8859_15",
    "iso8859_6",
    "koi8_r",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "utf_16",
)
"""Legacy encodings by how common they are on news sites; among equally plausible decodings the first wins."""
CHAOS_TOLERANCE = 0.05


NO_ORDERS: Mapping[str, str] = {}
"""Outlet → date order (``DMY``, ``MDY``, ``YMD``) for numeric dates; day first when not listed."""


class SourceError(Exception):
    """A file that cannot be read as an article; the message names the reason."""


class ManifestError(Exception):
    """A ``sources.yml`` that cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of an article, stripped, with its role."""

    span: Span
    text: str
    role: str
    """``title``, ``meta``, ``furniture`` or ``body``."""


# ---------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes, returning (text with ``\\n`` newlines, encoding name)."""
    text, encoding = _decode_bytes(data)
    if "\x00" in text[:4096] and text[:4096].count("\x00") > len(text[:4096]) // 10:
        raise SourceError("binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then a charset detector."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise SourceError("undecodable: not UTF-8 and no other encoding fits")
    calm = min(m.chaos for m in matches) + CHAOS_TOLERANCE
    candidates = {enc for m in matches if m.chaos <= calm for enc in m.could_be_from_charset}
    encoding = next((enc for enc in COMMON_ENCODINGS if enc in candidates), matches[0].encoding)
    return data.decode(encoding, errors="replace"), encoding


# ---------------------------------------------------------------- lines and roles


def split_lines(text: str) -> list[tuple[Span, str]]:
    """Return every non-empty line as (span of its stripped text, stripped text)."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            lines.append((Span(start, start + len(stripped)), stripped))
    return lines


def classify(text: str, skip: int = 0) -> tuple[Line, ...]:
    """Give every non-empty line of ``text`` after offset ``skip`` a role."""
    raw = [(span, line) for span, line in split_lines(text) if span.start >= skip]
    foreign = _foreign_script_test(text)
    lines: list[Line] = []
    title: str | None = None
    ended = False
    for index, (span, line) in enumerate(raw):
        role = "furniture" if ended else _role(line, index, title, foreign)
        if role == "end":
            ended, role = True, "furniture"
        if role == "body" and title is None and _headline_like(line):
            role, title = "title", line
        lines.append(Line(span, line, role))
    return _drop_teasers(tuple(lines))


def _role(line: str, index: int, title: str | None, foreign: Any) -> str:
    """Return the role of one line (``end`` when the article stops here)."""
    if bp.END_OF_ARTICLE.search(line):
        return "end"
    if title is not None and line == title:
        return "meta"
    if bp.DATE_CUE.search(line) or bp.BYLINE.match(line):
        return "meta"
    if bp.WIDGET_LINE.match(line) or bp.TEASER_LINE.match(line) or bp.CAPTION_LINE.search(line) or foreign(line):
        return "furniture"
    if bp.NAVIGATION_LINE.match(line) and not bp.SENTENCE_END.search(line):
        return "furniture"
    if index < HEADER_LINES and (bp.GLUED_WORDS.search(line) or _date_line(line)):
        return "meta"
    if title is None and _headline_like(line):
        return "body"
    if len(line.split()) < bp.MIN_BODY_WORDS and not bp.SENTENCE_END.search(line):
        return "furniture"
    return "body"


def _date_line(line: str) -> bool:
    """A short unpunctuated header line that carries a date (a dateline or date stamp)."""
    short = len(line.split()) <= bp.DATE_LINE_MAX_WORDS and not bp.SENTENCE_END.search(line)
    return short and bool(bp.DATE_LIKE.search(line))


def _headline_like(line: str) -> bool:
    """A line that can be the article's title."""
    words = line.split()
    return 2 <= len(words) <= 30 and not line.endswith((".", ",", ";"))


def _drop_teasers(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Mark headline-like body lines between captions or paragraphs as related-article teasers."""
    out = list(lines)
    for i in range(1, len(out)):
        if _after_caption(out[i], out[i - 1]) or _between_paragraphs(out, i):
            out[i] = Line(out[i].span, out[i].text, "furniture")
    return tuple(out)


def _after_caption(line: Line, prev: Line) -> bool:
    """A short headline right after a caption or another teaser."""
    if line.role != "body" or prev.role != "furniture" or not _teaser_like(line.text):
        return False
    return bool(bp.CAPTION_LINE.search(prev.text)) or _teaser_like(prev.text)


def _between_paragraphs(lines: list[Line], i: int) -> bool:
    """A title-case line inside the body (not the standfirst under the title)."""
    if i + 1 >= len(lines) or lines[i].role != "body" or not _title_case(lines[i].text):
        return False
    return lines[i + 1].role == "body" and lines[i - 1].role != "title"


def _teaser_like(line: str) -> bool:
    """A short, unpunctuated, headline-shaped line."""
    words = line.split()
    return len(words) <= bp.TEASER_MAX_WORDS and not bp.SENTENCE_END.search(line.rstrip("’'\""))


def _title_case(line: str) -> bool:
    """Most words capitalised and no sentence ending: a headline, not a paragraph."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    if len(words) < 3 or not _teaser_like(line):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _foreign_script_test(text: str) -> Any:
    """Return a predicate telling lines in another script than the article's."""
    if _latin_share(text) < 0.8:
        return lambda line: False
    return lambda line: _latin_share(line) < bp.LATIN_SHARE_FOR_FOREIGN_LINE


def _latin_share(text: str) -> float:
    """Share of letters in ``text`` that are Latin."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for c in letters if c.isascii() or "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters)


# ---------------------------------------------------------------- metadata


def find_published(lines: Iterable[Line], date_order: str = "DMY") -> str | None:
    """Find the publication date among header lines, as ISO 8601, or ``None``."""
    header = [ln for ln in lines if ln.role != "body"][: HEADER_LINES * 2]
    cued = [ln for ln in header if bp.DATE_CUE.search(ln.text)]
    for line in cued:
        found = _dates_in(line.text, date_order)
        if found:
            return found[0]
    candidates = [d for ln in header for d in _dates_in(ln.text, date_order)]
    return max(candidates) if candidates else None


def _dates_in(line: str, date_order: str) -> list[str]:
    """Return the full dates (day, month and year) in one line, as ISO strings."""
    from dateparser.search import search_dates

    prepared = _prepare_for_dates(line)
    settings = {
        "DATE_ORDER": date_order,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found = search_dates(prepared, languages=["en"], settings=settings) or []  # type: ignore[arg-type]
    return [_iso(_with_time(prepared, fragment, value)) for fragment, value in found if 1900 < value.year < 2100]


def _prepare_for_dates(line: str) -> str:
    """Unglue digits from words and write military times (``0350 GMT``) with a colon."""
    line = re.sub(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)", " ", line)
    return re.sub(r"\b([01]\d|2[0-3])([0-5]\d) (GMT|UTC)\b", r"\1:\2 \3", line)


def _with_time(line: str, fragment: str, value: datetime) -> datetime:
    """Add a clock time written right after a date the search found without it."""
    after = line[line.find(fragment) + len(fragment) :]
    clock = re.match(r"\s*(?:at\s+)?([01]?\d|2[0-3]):([0-5]\d)\b", after)
    if clock and value.hour == value.minute == 0:
        return value.replace(hour=int(clock.group(1)), minute=int(clock.group(2)))
    return value


def _iso(value: datetime) -> str:
    """ISO 8601: a date alone when no time of day is known."""
    if value.hour == value.minute == value.second == 0:
        return value.date().isoformat()
    return value.replace(second=0, microsecond=0).isoformat(timespec="minutes")


def find_outlet(lines: Iterable[Line]) -> str | None:
    """Find the outlet where the text names itself (dateline, credit or alt text)."""
    for line in lines:
        for pattern in bp.OUTLET_PATTERNS:
            match = pattern.search(line.text)
            if match and match.group("outlet").strip().casefold() not in bp.NOT_OUTLETS:
                return match.group("outlet").strip()
    return None


def find_author(lines: Iterable[Line]) -> str | None:
    """Find a byline (``By ...``, ``Reporting by ...``)."""
    for line in lines:
        match = bp.BYLINE.match(line.text)
        if match:
            return match.group("name").strip()
    return None


def normalise_published(value: Any) -> str | None:
    """Turn a manifest's ``published`` (date, datetime or string) into ISO 8601."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _iso(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    found = _dates_in(str(value), "YMD" if re.match(r"\d{4}-", str(value)) else "DMY")
    if not found:
        raise SourceError(f"published: cannot read {str(value)[:40]!r} as a date")
    return found[0]


# ---------------------------------------------------------------- manifest


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Read ``sources.yml`` (file name → metadata); empty when there is none."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            return _parse_manifest(path)
    return {}


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe YAML loader, in C when PyYAML was built with libyaml (ten times faster on large manifests)."""


def yaml_problem(name: str, exc: yaml.YAMLError) -> str:
    """One line naming the file, the line and what is wrong with its YAML."""
    mark = getattr(exc, "problem_mark", None)
    where = f":{mark.line + 1}" if mark is not None else ""
    return f"{name}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})"


def _parse_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Parse and check a manifest file with the safe YAML loader."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ManifestError(yaml_problem(path.name, exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path.name}: cannot read ({exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict | None) for v in data.values()):
        raise ManifestError(f"{path.name}: expected a mapping of file name to metadata")
    return {str(name): _check_entry(path.name, str(name), entry or {}) for name, entry in data.items()}


def _check_entry(manifest: str, name: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Refuse unknown keys in one manifest entry."""
    unknown = sorted(set(map(str, entry)) - MANIFEST_KEYS)
    if unknown:
        raise ManifestError(
            f"{manifest}: {name}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(MANIFEST_KEYS))}"
        )
    return entry


# ---------------------------------------------------------------- articles


def article_from_text(
    source_id: str,
    path: str,
    text: str,
    meta: Mapping[str, Any],
    encoding: str = "utf-8",
    skip: int = 0,
    date_orders: Mapping[str, str] = NO_ORDERS,
) -> Article:
    """Build an Article from decoded text and whatever metadata is already known."""
    lines = classify(text, skip)
    body = tuple(ln.span for ln in lines if ln.role == "body")
    if not body:
        raise SourceError("no article text found (empty, or only page furniture)")
    title = meta.get("title") or next((ln.text for ln in lines if ln.role == "title"), None)
    outlet = _str_or_none(meta.get("outlet")) or find_outlet(lines)
    order = date_orders.get(outlet or "", "DMY")
    published = normalise_published(meta.get("published")) if meta.get("published") else find_published(lines, order)
    return Article(
        id=source_id,
        path=path,
        text=text,
        body=body,
        title=str(title or text[body[0].start : body[0].end][:120]),
        outlet=outlet,
        published=published,
        url=_str_or_none(meta.get("url")),
        language=_str_or_none(meta.get("language")),
        storyline=_str_or_none(meta.get("storyline")),
        author=_str_or_none(meta.get("author")) or find_author(lines),
        encoding=encoding,
    )


def _str_or_none(value: Any) -> str | None:
    """A non-empty string, or ``None``."""
    return str(value).strip() or None if value is not None else None


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """Split YAML front matter off a Markdown article: (metadata, offset where the body starts)."""
    match = re.match(r"---\n(.*?)\n(?:---|\.\.\.)\n", text, re.DOTALL)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise SourceError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        return {}, 0
    return {k: v for k, v in data.items() if k in MANIFEST_KEYS}, match.end()


def read_article(
    path: Path, source_id: str, rel: str, meta: Mapping[str, Any], date_orders: Mapping[str, str] = NO_ORDERS
) -> Article:
    """Read one article file of any supported type."""
    data = path.read_bytes()
    if not data.strip():
        raise SourceError("empty file")
    if path.suffix.lower() in (".html", ".htm"):
        from .htmlpages import article_from_html

        return article_from_html(source_id, rel, data, meta)
    text, encoding = decode(data)
    if path.suffix.lower() in (".md", ".markdown"):
        found, skip = front_matter(text)
        article = article_from_text(source_id, rel, text, {**found, **meta}, encoding, skip, date_orders)
        return article if "title" in found or "title" in meta else replace(article, title=heading_text(article.title))
    return article_from_text(source_id, rel, text, meta, encoding, date_orders=date_orders)


def heading_text(line: str) -> str:
    """A Markdown heading's words, without its ``#`` marks (``## Title ##`` → ``Title``)."""
    return bp.ATX_CLOSE.sub("", bp.ATX_OPEN.sub("", line)).strip() or line


def corpus_files(folder: Path) -> tuple[list[Path], list[str]]:
    """List the article files of a corpus folder, refusing links that lead outside it."""
    root = folder.resolve()
    files, problems = [], []
    for path in sorted(folder.rglob("*")):
        if path.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(f"{path.relative_to(folder).as_posix()}: skipped: links outside the corpus folder")
            continue
        if path.is_file():
            files.append(path)
    return files, problems


def source_ids(rels: Iterable[str]) -> dict[str, str]:
    """Give each file a unique id: its name without extension, suffixed when names collide."""
    rels = sorted(rels)
    stems = Counter(Path(rel).stem for rel in rels)
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for rel in rels:
        stem = Path(rel).stem
        candidate = stem if stems[stem] == 1 else f"{stem}-{Path(rel).suffix.lstrip('.') or 'file'}"
        base, n = candidate, 2
        while candidate.casefold() in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate.casefold())
        ids[rel] = candidate
    return ids


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file of a corpus to read, with its id and manifest entry."""

    path: Path
    source_id: str
    rel: str
    meta: Mapping[str, Any]
    date_orders: Mapping[str, str]


def corpus_tasks(folder: Path, date_orders: Mapping[str, str] = NO_ORDERS) -> tuple[list[FileTask], list[str]]:
    """Plan the reading of a corpus folder: one task per article file, one line per refused file."""
    manifest = read_manifest(folder)
    files, problems = corpus_files(folder)
    rels = {path.relative_to(folder).as_posix(): path for path in files}
    ids = source_ids(rels)
    tasks = [
        FileTask(path, ids[rel], rel, manifest.get(rel) or manifest.get(Path(rel).name) or {}, date_orders)
        for rel, path in rels.items()
    ]
    return tasks, problems


def read_task(task: FileTask) -> Article | str:
    """Read one planned file: the Article, or a one-line problem naming the file."""
    try:
        return read_article(task.path, task.source_id, task.rel, task.meta, task.date_orders)
    except (SourceError, OSError, UnicodeError, ValueError) as exc:
        return f"{task.rel}: skipped: {exc}"


def read_corpus(
    folder: Path, date_orders: Mapping[str, str] = NO_ORDERS
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Read every article of a corpus folder: (articles sorted by id, one line per skipped file)."""
    tasks, problems = corpus_tasks(folder, date_orders)
    results = [read_task(task) for task in tasks]
    articles = [r for r in results if isinstance(r, Article)]
    problems += [r for r in results if isinstance(r, str)]
    for line in problems:
        log.warning(line)
    return tuple(sorted(articles, key=lambda a: a.id)), tuple(problems)
