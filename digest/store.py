"""One content-addressed store for what builds keep between runs: extraction results and built pages.

Each entry is one file named by its key (``<folder>/<key[:2]>/<key><suffix>``), written
atomically, so concurrent processes never see half an entry. Reading an entry marks it as
used (its modification time), and ``prune`` removes entries least recently used first
until the store is under its size limit; a store that keeps track of what a build used can
also drop everything else. A missing, unreadable or corrupt entry is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SIZE_LIMIT = 2 * 1024**3
"""Bytes a store may hold before its least recently used entries are removed."""
STRAY_AGE = 3600
"""Seconds before a file that is no entry (another version's, a half-done write) may be removed."""


class Store:
    """Entries under a folder (created on first write), each a file named by its key."""

    def __init__(self, folder: Path, suffix: str, limit: int = SIZE_LIMIT) -> None:
        self.folder = folder
        self.suffix = suffix
        self.limit = limit

    def path(self, key: str) -> Path:
        """The file of the entry under ``key``."""
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The bytes stored under ``key``, marked as just used; ``None`` when there are none."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):  # a read-only store still serves its entries
            os.utime(path)
        return data

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (without reading it or marking it used)."""
        return self.path(key).is_file()

    def write(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` atomically; failing to write only costs the entry."""
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
                handle.write(data)
            os.replace(handle.name, path)
        except OSError as exc:
            log.debug("store: cannot write %s: %s", path, exc)

    def _remove_strays(self) -> None:
        """Remove files that are not entries from the entries' folders, once they are ``STRAY_AGE`` old."""
        if not self.folder.is_dir():
            return
        old = time.time() - STRAY_AGE
        for path in self.folder.glob("??/*"):
            if not path.name.endswith(self.suffix):
                with contextlib.suppress(OSError):
                    if path.is_file() and path.stat().st_mtime < old:
                        path.unlink()

    def entries(self) -> Iterator[Path]:
        """Every entry's file."""
        if self.folder.is_dir():
            yield from self.folder.glob(f"*/*{self.suffix}")

    def prune(self, keep: Iterable[str] | None = None) -> None:
        """Remove the entries not in ``keep`` (when given), then the least recently used past the size limit.

        Files of another kind in the entries' folders (an earlier version's entries, a write
        a killed process left half done) go too, once they are an hour old.
        """
        wanted = None if keep is None else {f"{key}{self.suffix}" for key in keep}
        self._remove_strays()
        sized = []
        for path in self.entries():
            if wanted is not None and path.name not in wanted:
                path.unlink(missing_ok=True)
                continue
            with contextlib.suppress(OSError):
                stat = path.stat()
                sized.append((stat.st_mtime, path.name, stat.st_size, path))
        total = sum(size for _, _, size, _ in sized)
        for _, _, size, path in sorted(sized):
            if total <= self.limit:
                break
            path.unlink(missing_ok=True)
            total -= size


class Memo:
    """Results of costly pure steps (matching a storyline, its coverage), as JSON under content keys.

    The key (``content_key``) must hold everything the result depends on, the code that
    computes it included; a missing or corrupt entry is a miss, and the caller computes.
    """

    def __init__(self, folder: Path, limit: int = SIZE_LIMIT // 4) -> None:
        self.store = Store(folder, ".memo", limit)

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or ``None``."""
        data = self.store.read(key)
        if data is None:
            return None
        try:
            return json.loads(data.decode("utf-8"))
        except ValueError:
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a JSON-able value under ``key`` (a failure only costs the entry)."""
        self.store.write(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def prune(self) -> None:
        """Remove the least recently used entries past the size limit."""
        self.store.prune()


def content_key(kind: str, code: str, *parts: Any) -> str:
    """A key for a result of ``kind``: a hash of the computing ``code``'s version and of its inputs as JSON.

    Dataclasses are written as their fields; other values JSON cannot write, by ``str``.
    """
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_plain, separators=(",", ":"))
    return hashlib.sha256(f"{kind}\0{code}\0{payload}".encode()).hexdigest()


def _plain(value: Any) -> Any:
    """A value JSON cannot write, as data: a dataclass by its fields, anything else by ``str``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    return str(value)


@cache
def code_hash(*packages: str) -> str:
    """A hash of every module of the named parts of ``digest`` (``group``, ``text``, ``models.py``)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in packages:
        paths = sorted((root / name).rglob("*.py")) if (root / name).is_dir() else [root / name]
        for path in paths:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
