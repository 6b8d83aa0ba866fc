"""server/cache.py: file facts and small bodies keyed by what is on disk, and rendered listings
that expire by the folder's mtime and by a clock the test moves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from server import cache
from server.cache import LISTING_MAX_AGE, SMALL_FILE, FileCache, ListingCache, file_key
from server.cache_budget import ITEM_OVERHEAD, ByteBudget
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


def test_the_file_cache_is_bounded_by_the_shared_byte_budget(tmp_path):
    budget = ByteBudget(8 * 3000)  # room for a few files' bodies and facts
    files = FileCache(budget=budget)
    for i in range(16):
        path = tmp_path / f"f{i}"
        files.body(files.facts(str(path), write(path, b"y" * 1000)), opener)
        assert budget.use().used <= budget.limit
    kept = budget.use()
    assert 0 < kept.items < 16 and kept.by_kind == {"file": kept.used}
    assert budget.get(("file", str(tmp_path / "f0"))) is None  # the oldest went first
    assert budget.get(("file", str(tmp_path / "f15"))) is not None


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


def test_the_listing_cache_keeps_the_most_recently_used(clock):
    listings = ListingCache(clock, ByteBudget(8 * (ITEM_OVERHEAD + 1)))  # eight listings
    for name in "abcdefgh":
        listings.put((name,), 1, name.encode())
    assert listings.get(("a",), 1) == b"a"  # "a" is now the most recent
    listings.put(("c",), 1, b"c")  # replaces c: nothing pushed out
    assert listings.get(("b",), 1) == b"b"
    listings.put(("i",), 1, b"i")  # pushes out the least recently used: d
    assert listings.get(("d",), 1) is None
    assert listings.get(("a",), 1) == b"a" and listings.get(("i",), 1) == b"i"


def test_the_listing_cache_is_bounded_in_bytes(clock):
    """A listing carries the shared text's card: however large that is, the cache holds at
    most its budget, and a page over its largest item is not kept at all."""
    budget = ByteBudget(8 * 250 + 8 * ITEM_OVERHEAD)
    listings = ListingCache(clock, budget)
    for n in range(20):
        listings.put(("/", n), 1, b"x" * 200)
        assert budget.use().used <= budget.limit
    held = [n for n in range(20) if listings.get(("/", n), 1) is not None]
    assert held == list(range(20 - len(held), 20)) and 0 < len(held) < 20  # the newest
    listings.put(("/big",), 1, b"y" * (listings.largest() + 1))
    assert listings.get(("/big",), 1) is None
    assert listings.get(("/", 19), 1) == b"x" * 200  # a page too big to keep pushed out nothing


def test_files_and_listings_share_one_budget(clock, tmp_path):
    """A burst of listings pushes out file bodies: the total stays within the one budget."""
    budget = ByteBudget(64 * 1024)
    files, listings = FileCache(budget=budget), ListingCache(clock, budget)
    path = tmp_path / "small"
    facts = files.facts(str(path), write(path, b"z" * 4000))
    files.body(facts, opener)
    assert budget.use().by_kind["file"] >= 4000
    for n in range(40):
        listings.put(("/", n), 1, (b"%d" % n) * 2000)
        assert budget.use().used <= budget.limit
    assert "file" not in budget.use().by_kind
    assert budget.use().by_kind["listing"] == budget.use().used


def test_a_listing_kept_in_pieces_is_served_in_pieces(clock):
    listings = ListingCache(clock)
    listings.put(("/",), 1, (b"<head>", b"<tr>", b"</html>"), etag=cache.body_etag(b"x"))
    assert listings.get(("/",), 1) == (b"<head>", b"<tr>", b"</html>")
    assert cache.body_etag((b"ab", b"c")) == cache.body_etag(b"abc")


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


def test_bytes_reserved_by_a_stream_count_in_the_budget_and_push_out_items():
    budget = ByteBudget(20_000)
    for n in range(8):
        assert budget.put(("file", n), object(), 1000)
    assert budget.reserve(12_000)
    use = budget.use()
    assert use.used <= budget.limit and use.by_kind["held"] == 12_000
    assert use.items < 8  # the oldest items made room
    assert not budget.reserve(8_001)  # all reserved would pass the budget: nothing is counted
    assert budget.use().by_kind["held"] == 12_000
    budget.release(12_000)
    assert "held" not in budget.use().by_kind
    assert budget.use().used == sum(budget.use().by_kind.values())


def test_a_listing_is_as_old_as_its_rows(clock):
    listings = ListingCache(clock)
    read_at = listings.now()
    clock.advance(LISTING_MAX_AGE + 1)  # a slow reader took the last piece only now
    listings.put(("/a/",), 1, (b"head", b"rows"), made_at=read_at)
    assert listings.get(("/a/",), 1) is None
    listings.put(("/a/",), 1, (b"head", b"rows"), made_at=listings.now())
    assert listings.get(("/a/",), 1) == (b"head", b"rows")

