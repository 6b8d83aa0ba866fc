"""server/cache.py: file facts and small bodies keyed by what is on disk, and rendered listings
that expire by the folder's mtime and by a clock the test moves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server import cache
from server.cache import LISTING_MAX_AGE, SMALL_FILE, FileCache, ListingCache, file_key
from server.clock import ManualClock


def opener(fs_path: str, directory: bool = False) -> int:
    return os.open(fs_path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))


def write(path: Path, data: bytes, mtime_ns: int | None = None) -> os.stat_result:
    path.write_bytes(data)
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))
    return os.stat(path)


# ---------------------------------------------------------------------------------------------
# FileCache


def test_facts_carry_the_prebuilt_headers_of_the_file(tmp_path):
    path = tmp_path / "notes.txt"
    st = write(path, b"hello", mtime_ns=1_700_000_000_000_000_000)
    facts = FileCache().facts(str(path), st)
    assert (facts.size, facts.ctype) == (5, "text/plain; charset=utf-8")
    assert facts.etag == f'"{st.st_mtime_ns:x}-5"'
    assert facts.last_modified == "Tue, 14 Nov 2023 22:13:20 GMT"
    assert b"ETag: " + facts.etag.encode() + b"\r\n" in facts.headers
    assert b"Content-Disposition: inline" in facts.headers
    assert b"Content-Disposition: attachment" in facts.download_headers
    assert b"sandbox" not in facts.headers  # plain text is passive


def test_active_types_are_sandboxed_unless_the_share_is_a_website(tmp_path):
    path = tmp_path / "page.html"
    st = write(path, b"<script>alert(1)</script>")
    sandboxed = FileCache().facts(str(path), st)
    assert b"Content-Security-Policy: sandbox\r\n" in sandboxed.headers
    assert b"Content-Security-Policy: sandbox\r\n" in sandboxed.download_headers
    website = FileCache(website_mode=True).facts(str(path), st)
    assert b"Content-Security-Policy" not in website.headers


def test_facts_are_reused_until_the_file_changes(tmp_path):
    files = FileCache()
    path = tmp_path / "a.txt"
    st = write(path, b"one", mtime_ns=10**18)
    first = files.facts(str(path), st)
    assert files.facts(str(path), os.stat(path)) is first
    changed = write(path, b"two", mtime_ns=10**18 + 1)
    assert file_key(changed) != first.key
    assert files.facts(str(path), changed) is not first


def test_a_small_body_is_read_once_and_kept(tmp_path):
    files = FileCache()
    path = tmp_path / "small.bin"
    facts = files.facts(str(path), write(path, b"x" * 1000))
    opened: list[str] = []

    def counting_opener(fs_path: str, directory: bool = False) -> int:
        opened.append(fs_path)
        return opener(fs_path, directory)

    assert files.body(facts, counting_opener) == b"x" * 1000
    assert files.body(facts, counting_opener) == b"x" * 1000
    assert opened == [str(path)]


def test_large_files_are_not_kept_in_memory(tmp_path):
    path = tmp_path / "large.bin"
    facts = FileCache().facts(str(path), write(path, b"\0" * (SMALL_FILE + 1)))
    assert FileCache().body(facts, opener) is None


def test_a_file_that_changed_since_its_stat_is_not_cached(tmp_path):
    files = FileCache()
    path = tmp_path / "moving.txt"
    facts = files.facts(str(path), write(path, b"before"))
    write(path, b"after, and longer")
    assert files.body(facts, opener) is None
    assert facts.body is None


def test_the_file_cache_is_bounded_by_count_and_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "FILE_CACHE_ENTRIES", 3)
    monkeypatch.setattr(cache, "FILE_CACHE_BYTES", 2500)
    files = FileCache()
    facts = []
    for i in range(4):
        path = tmp_path / f"f{i}"
        facts.append(files.facts(str(path), write(path, b"y" * 1000)))
        files.body(facts[-1], opener)
    kept = list(files._items)
    assert str(tmp_path / "f0") not in kept  # the oldest went first
    assert len(kept) <= 3 and files._body_bytes <= 2500


# ---------------------------------------------------------------------------------------------
# ListingCache


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def test_a_listing_is_served_while_the_folder_is_unchanged_and_young(clock):
    listings = ListingCache(clock)
    key = ("/docs/", "html", "name", "asc")
    listings.put(key, 111, b"<table>")
    assert listings.get(key, 111) == b"<table>"
    clock.advance(LISTING_MAX_AGE)
    assert listings.get(key, 111) == b"<table>"  # exactly at the limit: still fresh


def test_a_listing_older_than_the_limit_is_dropped(clock):
    """A file growing inside a folder does not change the folder's mtime: age must matter."""
    listings = ListingCache(clock)
    key = ("/docs/", "json", "size", "desc")
    listings.put(key, 111, b"[]")
    clock.advance(LISTING_MAX_AGE + 0.001)
    assert listings.get(key, 111) is None
    listings.put(key, 111, b"[1]")
    assert listings.get(key, 111) == b"[1]"


def test_a_listing_of_a_changed_folder_is_dropped(clock):
    listings = ListingCache(clock)
    key = ("/", "html", "name", "asc")
    listings.put(key, 111, b"old")
    assert listings.get(key, 222) is None
    assert listings.get(key, 111) is None  # gone, not kept for the old mtime


def test_the_listing_cache_keeps_the_most_recently_used(clock, monkeypatch):
    monkeypatch.setattr(cache, "LISTING_CACHE_ENTRIES", 2)
    listings = ListingCache(clock)
    listings.put(("a",), 1, b"a")
    listings.put(("b",), 1, b"b")
    assert listings.get(("a",), 1) == b"a"  # "a" is now the most recent
    listings.put(("c",), 1, b"c")
    assert listings.get(("b",), 1) is None
    assert listings.get(("a",), 1) == b"a" and listings.get(("c",), 1) == b"c"


def test_the_listing_cache_is_bounded_in_bytes(clock, monkeypatch):
    """A listing carries the shared text's card: however large that is, the cache holds at
    most LISTING_CACHE_BYTES, and a page over a quarter of it is not kept at all."""
    monkeypatch.setattr(cache, "LISTING_CACHE_BYTES", 1000)
    listings = ListingCache(clock)
    for n in range(10):
        listings.put(("/", n), 1, b"x" * 200)
    held = [n for n in range(10) if listings.get(("/", n), 1) is not None]
    assert held == [5, 6, 7, 8, 9]  # the newest five: 1000 bytes
    listings.put(("/big",), 1, b"y" * 251)
    assert listings.get(("/big",), 1) is None
    assert listings.get(("/", 9), 1) == b"x" * 200  # a page too big to keep pushed out nothing


def test_a_listing_that_shows_a_file_is_dropped_once_the_file_changes(clock, tmp_path):
    """A README edited in place changes neither its folder's mtime nor, here, its size: the
    listing that shows it must still go (its identity is checked, one lstat)."""
    readme = tmp_path / "README.md"
    st = write(readme, b"# one\n", mtime_ns=1_000_000_000)
    listings = ListingCache(clock)
    key = ("/", "html", "name", "asc")
    listings.put(key, 111, b"one", cache.FileStamp(str(readme), file_key(st)))
    assert listings.get(key, 111) == b"one"
    write(readme, b"# two\n", mtime_ns=2_000_000_000)
    assert listings.get(key, 111) is None
    assert listings.get(key, 111) is None  # gone, not kept for the old version


def test_a_listing_that_shows_a_removed_file_is_dropped(clock, tmp_path):
    readme = tmp_path / "README.md"
    st = write(readme, b"# one\n")
    listings = ListingCache(clock)
    listings.put(("/",), 1, b"one", cache.FileStamp(str(readme), file_key(st)))
    readme.unlink()
    assert listings.get(("/",), 1) is None
    listings.put(("/",), 1, b"none")  # a listing that shows no file is checked by mtime only
    assert listings.get(("/",), 1) == b"none"
