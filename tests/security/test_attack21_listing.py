"""Re-attack of issue 21's listing path: a big folder's listing streamed while it is rendered
(server/listing_stream.py), the name order's scan-then-stat (server/access_listing.py) and the
one byte budget (server/cache_budget.py)."""

from __future__ import annotations

import gc
import inspect
import json
import os
import socket
import time
from pathlib import Path

import pytest

import server.access_listing as access_listing
from server.clock import ManualClock
from server.config import Limits, ServerConfig
from server.engine import ServerEngine
from server.routes_folders import STREAMED_OVER, _Keeper
from tests.conftest import RunningServer, http_request, read_until_closed

MANY = STREAMED_OVER + 100


def _dechunk(raw: bytes) -> tuple[bytes, bool]:
    """(the body, whether its chunked framing ended with the last chunk)."""
    body, rest = b"", raw
    while True:
        size_line, sep, rest = rest.partition(b"\r\n")
        if not sep:
            return body, False
        size = int(size_line, 16)
        if size == 0:
            return body, True
        if len(rest) < size + 2:
            return body + rest[:size], False
        body, rest = body + rest[:size], rest[size + 2:]


# Was (fixed): list_folder_by_name's second opening of the folder is not checked to be the
# folder it scanned: a folder swapped in the gap is answered with a complete 200 listing mixing
# the first folder's names with the second's facts (here: no entries at all), and kept
def test_folder_swapped_between_scan_and_rows_is_not_a_complete_listing(
        server_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "swap-share"
    big, other = share / "big", share / "other"
    big.mkdir(parents=True)
    other.mkdir()
    for n in range(MANY):
        (big / f"first {n:05d}.txt").touch()
        (other / f"second {n:05d}.txt").touch()
    running = server_factory(share)
    sort_entries = access_listing.sort_entries

    def swap_then_sort(planned, *args, **kwargs):  # between the scan and the second opening
        if big.exists() and other.exists():
            os.rename(big, tmp_path / "first-gone")
            os.rename(other, big)
        return sort_entries(planned, *args, **kwargs)

    monkeypatch.setattr(access_listing, "sort_entries", swap_then_sort)
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as sock:
        sock.sendall(b"GET /big/?format=json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Connection: close\r\n\r\n")
        raw = read_until_closed(sock)
    head, _, rest = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200") and b"chunked" in head.lower()
    body, complete = _dechunk(rest)
    if complete:  # a listing sent as whole must be the folder's, as it is now
        names = {entry["name"] for entry in json.loads(body)["entries"]}
        assert names == {p.name for p in big.iterdir()}
    monkeypatch.setattr(access_listing, "sort_entries", sort_entries)
    status, again = http_request(running.port, "GET", "/big/?format=json")
    assert status == 200  # nothing of the swapped stream was kept: the folder as it is now
    assert {entry["name"] for entry in json.loads(again)["entries"]} == \
        {p.name for p in big.iterdir()}


def _keepers_held() -> int:
    """The bytes every listing being streamed now holds for the cache (_Keeper.passing)."""
    held = 0
    for obj in gc.get_objects():
        if not inspect.isgenerator(obj) or obj.gi_code is not _Keeper.passing.__code__:
            continue
        frame = obj.gi_frame
        if frame is not None:
            pieces = frame.f_locals.get("pieces")
            held += sum(len(p) for p in pieces or ())
    return held


# Was (fixed): the pieces a streamed listing keeps for the cache while it is sent (up to the
# budget's largest item, 12 MiB, per stream) are not counted in the one ByteBudget: every
# stalled client of a big folder (128 per address) holds its own copy outside it
def test_stalled_stream_keeps_its_pieces_inside_the_budget(server_factory,
                                                           tmp_path: Path) -> None:
    share = tmp_path / "stall-share"
    big = share / "big"
    big.mkdir(parents=True)
    long_name = "漢" * 80  # 240 bytes: a row of about 1.3 KB, the page about 8 MiB
    for n in range(6_000):
        (big / f"{n:05d}{long_name}").touch()
    running = server_factory(share)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(10)
    sock.connect(("127.0.0.1", running.port))
    try:
        sock.sendall(b"GET /big/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        sock.recv(4096)  # the stream has begun; nothing more is read: it stalls
        held, deadline = 0, time.monotonic() + 20
        while held < 1024 * 1024 and time.monotonic() < deadline:
            held = _keepers_held()
            time.sleep(0.05)
        assert held >= 1024 * 1024, "the stream never stalled holding its pieces"
        use = running.engine.cache_use()
        assert use is not None
        assert use.used >= held
    finally:
        sock.close()


def _stalled_get(port: int, path: str) -> socket.socket:
    """A request whose answer is then not read (a tiny receive window): the stream stalls."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(10)
    sock.connect(("127.0.0.1", port))
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                 .encode())
    sock.recv(4096)
    return sock


def _wait_for_stall(least: int = 1024 * 1024) -> None:
    held, deadline = 0, time.monotonic() + 20
    while held < least and time.monotonic() < deadline:
        held = _keepers_held()
        time.sleep(0.05)
    assert held >= least, "the stream never stalled holding its pieces"


# Was (fixed): a streamed listing is put in the cache stamped with the time its LAST piece went
# out: a client that reads slowly makes rows stat-ed long before be served to everyone as fresh
# for another LISTING_MAX_AGE (a file grown in place meanwhile keeps its old size)
def test_slow_stream_does_not_make_old_rows_fresh(tmp_path: Path) -> None:
    share = tmp_path / "slow-share"
    big = share / "big"
    big.mkdir(parents=True)
    long_name = "漢" * 80
    names = [f"{n:05d}{long_name}" for n in range(6_000)]
    for name in names:
        (big / name).touch()
    clock = ManualClock()
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0, limits=Limits()))
    running = RunningServer(engine, [])
    try:
        sock = _stalled_get(running.port, "/big/?format=json")
        try:
            _wait_for_stall()  # the first rows are made (stat-ed) and sent
            with open(big / names[0], "wb") as grown:  # in place: the folder's mtime stays
                grown.write(b"x" * 5000)
            clock.advance(5.0)  # well past LISTING_MAX_AGE since that row was read
            read_until_closed(sock)
        finally:
            sock.close()
        status, body = http_request(running.port, "GET", "/big/?format=json")
        assert status == 200
        first = json.loads(body)["entries"][0]
        assert first["name"] == names[0]
        assert first["size"] == 5000
    finally:
        engine.stop()


# Was (fixed): under --base-path a streamed listing's chunks are rewritten whole
# (BasePath._rewritten): the README's as-written part, left untouched in a page sent whole, gets
# the prefix put into the owner's own links once the folder holds over STREAMED_OVER entries
def test_streamed_listing_leaves_the_readme_as_written_under_a_base_path(
        server_factory, tmp_path: Path) -> None:
    share = tmp_path / "base-share"
    for count in (5, MANY):
        folder = share / f"d{count}"
        folder.mkdir(parents=True)
        for n in range(count):
            (folder / f"f{n:05d}.txt").touch()
        (folder / "README.md").write_text("[abs](/abs/path)\n", encoding="utf-8")
    running = server_factory(share, base_path="/files")
    status, small = http_request(running.port, "GET", "/files/d5/")
    assert status == 200
    assert b'<a href="/abs/path">abs</a>' in small  # as written, in a page sent whole
    status, big = http_request(running.port, "GET", f"/files/d{MANY}/")
    assert status == 200
    assert b'<a href="/abs/path">abs</a>' in big
