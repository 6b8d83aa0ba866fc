"""Keeping thumbnails (server/thumb_cache.py): the memory LRU's byte bound, and the disk
cache's private folder, whole-or-nothing files, damaged files read as missing, the size cap
(what files take on disk, a block at least) that removes the least recently used first, across
a restart and another Pier's writes too, and the install's secret key."""

from __future__ import annotations

import os
from pathlib import Path

from server.thumb_cache import (
    BLOCK,
    KEY_BYTES,
    KEY_FILE,
    MEMORY_ENTRY_MAX,
    RESCAN_WRITES,
    DiskCache,
    MemoryCache,
)

A, B, C = "a" * 64, "b" * 64, "c" * 64


def test_memory_keeps_the_recently_used_within_its_bytes():
    cache = MemoryCache(capacity=3000)
    cache.put(A, b"x" * 1000)
    cache.put(B, b"y" * 1000)
    assert cache.get(A) == b"x" * 1000  # A is now the most recently used
    cache.put(C, b"z" * 1000)  # over the budget with the entries' overhead: B goes
    assert cache.get(B) is None
    assert cache.get(A) is not None and cache.get(C) is not None
    cache.put(A, b"w" * (MEMORY_ENTRY_MAX + 1))  # too big to keep: the old entry stays
    assert cache.get(A) == b"x" * 1000


def test_no_picture_is_an_entry_too():
    cache = MemoryCache()
    cache.put(A, b"")
    assert cache.get(A) == b""


def test_disk_entries_come_back_whole(tmp_path: Path):
    folder = tmp_path / "cache" / "thumbs"
    cache = DiskCache(folder, 10_000)
    cache.open()
    assert folder.is_dir() and folder.stat().st_mode & 0o077 == 0
    cache.write(A, b"jpeg bytes")
    cache.write(B, b"")
    assert cache.read(A) == b"jpeg bytes" and cache.read(B) == b""
    assert cache.read(C) is None
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []  # no temp left
    assert cache.usage() == (2 * BLOCK, 2)  # each takes a block on disk, even the empty one


def test_a_damaged_entry_reads_as_missing_and_goes(tmp_path: Path):
    cache = DiskCache(tmp_path, 10_000)
    cache.open()
    cache.write(A, b"0123456789" * 10)
    path = tmp_path / (A + ".thumb")
    path.write_bytes(path.read_bytes()[:-5])  # cut short, as a crash without fsync might
    assert cache.read(A) is None
    assert not path.exists() and cache.usage() == (0, 0)


def test_what_a_crash_left_half_written_is_cleared_at_start(tmp_path: Path):
    (tmp_path / ".tmp-0123456789abcdef").write_bytes(b"half")
    (tmp_path / "unrelated.txt").write_bytes(b"not ours")
    cache = DiskCache(tmp_path, 10_000)
    cache.open()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["unrelated.txt"]
    assert cache.usage() == (0, 0)


def test_the_cap_removes_the_least_recently_used_first(tmp_path: Path):
    cache = DiskCache(tmp_path, 3 * BLOCK)
    cache.open()
    for digest in (A, B, C):
        cache.write(digest, b"p" * 100)
    assert cache.read(A) is not None  # A used again: B is now the oldest
    cache.write("d" * 64, b"p" * 100)
    assert cache.read(B) is None
    assert all(cache.read(d) is not None for d in (A, C, "d" * 64))
    assert cache.usage() == (3 * BLOCK, 3)
    assert on_disk(tmp_path) <= 3 * BLOCK


def test_entries_for_no_picture_count_what_they_take_on_disk(tmp_path: Path):
    """b"" is 24 bytes in its file, but a block and an inode on disk: the cap counts those, so
    it also bounds the number of files."""
    cache = DiskCache(tmp_path, 10 * BLOCK)
    cache.open()
    for n in range(100):
        cache.write(f"{n:064x}", b"")
    assert cache.usage() == (10 * BLOCK, 10)
    assert len(list(tmp_path.iterdir())) == 10 and on_disk(tmp_path) <= 10 * BLOCK


def test_a_restart_keeps_the_order_of_use_and_the_cap(tmp_path: Path):
    first = DiskCache(tmp_path, 10 * BLOCK)
    first.open()
    for n, digest in enumerate((A, B, C)):
        first.write(digest, b"p" * 100)
        stamp = 1_700_000_000 + n  # the order of use survives in the files' times
        os.utime(tmp_path / (digest + ".thumb"), (stamp, stamp))
    smaller = DiskCache(tmp_path, 2 * BLOCK)
    smaller.open()  # over its cap at once: the oldest (A) goes
    assert smaller.read(A) is None
    assert smaller.read(B) is not None and smaller.read(C) is not None
    assert smaller.usage() == (2 * BLOCK, 2)


def test_two_piers_sharing_the_folder_keep_it_under_the_cap(tmp_path: Path):
    """Each counts its own writes; the other's are seen at the next scan of the folder."""
    one, other = DiskCache(tmp_path, 8 * BLOCK), DiskCache(tmp_path, 8 * BLOCK)
    one.open()
    other.open()
    for n in range(8):
        other.write(f"{n:064x}", b"theirs")
    for n in range(RESCAN_WRITES):
        one.write(f"{n + 8:064x}", b"mine")
    assert len(list(tmp_path.iterdir())) <= 8 and on_disk(tmp_path) <= 8 * BLOCK
    assert one.usage() == (on_disk(tmp_path), len(list(tmp_path.iterdir())))


def test_the_secret_key_is_made_once_private_and_kept(tmp_path: Path):
    cache = DiskCache(tmp_path / "thumbs", 10 * BLOCK)
    cache.open()
    key = cache.secret()
    path = tmp_path / "thumbs" / KEY_FILE
    assert key is not None and len(key) == KEY_BYTES and path.read_bytes() == key
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    assert cache.usage() == (BLOCK, 0)  # the key's block counts toward the cap
    again = DiskCache(tmp_path / "thumbs", 10 * BLOCK)
    again.open()
    assert again.secret() == key
    path.write_bytes(b"short")  # not a key we wrote: a new one
    renewed = DiskCache(tmp_path / "thumbs", 10 * BLOCK)
    renewed.open()
    assert renewed.secret() not in (None, key)


def test_a_folder_that_cannot_be_made_means_memory_only(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    cache = DiskCache(blocker / "thumbs", 10_000)
    cache.open()  # logged, not raised
    cache.write(A, b"x")
    assert cache.read(A) is None and cache.usage() == (0, 0)
    assert cache.secret() is None  # the caller keeps a key of its own for this run


def on_disk(folder: Path) -> int:
    """What the folder's files take (st_blocks, 512-byte units, where there is one)."""
    return sum(max(getattr(p.stat(), "st_blocks", 0) * 512, BLOCK) for p in folder.iterdir())
