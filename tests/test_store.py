"""The content-addressed store under the extraction cache and the page store."""

from __future__ import annotations

import os
from pathlib import Path

from digest.store import Store


def _age(store: Store, key: str, seconds: float) -> None:
    path = store.path(key)
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_entries_round_trip_and_misses_are_none(tmp_path: Path) -> None:
    store = Store(tmp_path / "s", ".json")
    assert store.read("ab12") is None and not store.has("ab12")
    store.write("ab12", b"{}")
    assert store.read("ab12") == b"{}" and store.has("ab12")
    assert store.path("ab12") == tmp_path / "s" / "ab" / "ab12.json"


def test_prune_drops_least_recently_used_past_the_limit(tmp_path: Path) -> None:
    store = Store(tmp_path, ".json", limit=250)
    for age, key in enumerate(["aa01", "bb02", "cc03"]):
        store.write(key, b"x" * 100)
        _age(store, key, 100 - age * 10)  # aa01 oldest, cc03 newest
    store.read("aa01")  # reading marks it as just used
    store.prune()
    assert store.has("aa01") and store.has("cc03") and not store.has("bb02")


def test_prune_with_keep_drops_everything_else(tmp_path: Path) -> None:
    store = Store(tmp_path, ".json.z")
    for key in ("aa01", "bb02"):
        store.write(key, b"z")
    store.prune(["bb02"])
    assert [p.name for p in store.entries()] == ["bb02.json.z"]


def test_a_store_that_cannot_be_written_only_misses(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = Store(blocker, ".json")
    store.write("aa01", b"{}")
    assert store.read("aa01") is None
    store.prune()


def test_prune_removes_old_files_of_another_kind_but_not_fresh_ones(tmp_path: Path) -> None:
    store = Store(tmp_path / "pages", ".page.z")
    store.write("aa01", b"z")
    earlier = tmp_path / "pages" / "aa" / "aa02.json.z"  # an earlier version's entry
    half_done = tmp_path / "pages" / "aa" / "tmpk3j2x9"  # a write a killed process left
    writing = tmp_path / "pages" / "aa" / "tmpnow1234"  # a write under way in another process
    for path in (earlier, half_done, writing):
        path.write_bytes(b"old")
    for path in (earlier, half_done):
        os.utime(path, (path.stat().st_mtime - 2 * 3600,) * 2)
    store.prune(["aa01"])
    assert sorted(p.name for p in (tmp_path / "pages" / "aa").iterdir()) == ["aa01.page.z", "tmpnow1234"]
