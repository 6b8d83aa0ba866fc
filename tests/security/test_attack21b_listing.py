"""Second attack on issue 21's listing path (commit 090f3f3: scan, sort, then stat in batches;
rows made by server/listing_rows.py; listings over 500 entries streamed), as someone on the
same network would: real sockets against the running server. Each test here is a finding that
was fixed; the tests keep it so."""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import http_request

# ---------------------------------------------------------------- memory held by slow readers


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


STALLED = 12
BIG_ENTRIES = 30_000
BUDGET = 8 * 1024 * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
# Was (fixed): a streamed listing keeps every planned entry of the folder (list_folder_by_name's
# sorted list, held by its row iterator) for as long as its client is slow, outside the one cache
# budget: each stalled reader of a 100,000-entry folder holds about 20 MB, 128 of them per address
# several GB
def test_stalled_readers_of_a_big_listing_hold_no_more_than_the_budget(
        server_factory, tmp_path: Path) -> None:
    share = tmp_path / "stalled-rows"
    big = share / "big"
    big.mkdir(parents=True)
    filler = "r" * 120  # a long name: each planned entry about 260 bytes
    for n in range(BIG_ENTRIES):
        os.close(os.open(big / f"{n:06d}{filler}", os.O_CREAT | os.O_WRONLY, 0o644))
    running = server_factory(share, cache_bytes=BUDGET)
    status, _ = http_request(running.port, "GET", "/")  # templates and the like, loaded once
    assert status == 200
    before = _rss_mib()
    stalled: list[socket.socket] = []
    try:
        for n in range(STALLED):
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.settimeout(20)
            sock.connect(("127.0.0.1", running.port))
            order = "asc" if n % 2 else "desc"  # two kept pages at most: the rest are rows
            sock.sendall(f"GET /big/?order={order} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                         .encode())
            assert sock.recv(1024).startswith(b"HTTP/1.1 ")  # answered: read, then stalled
            stalled.append(sock)
        grown = _rss_mib() - before
        # the budget (kept pages), one folder's rows being read, and room for threads
        assert grown < BUDGET / 2**20 + 40, f"{STALLED} stalled readers: +{grown:.0f} MiB"
    finally:
        for sock in stalled:
            sock.close()


# ---------------------------------------------------------------- the JSON's text


# Was (fixed): listing_entries.JSON_UNSAFE escapes C1 controls, bidi controls and surrogates but
# not U+2028/U+2029: a name holding them is written raw into the listing's and the search's JSON (a
# line break to terminals and to JavaScript before ES2019)
def test_line_and_paragraph_separators_are_escaped_in_listing_and_search_json(
        server_factory, tmp_path: Path) -> None:
    share = tmp_path / "separators"
    name = "line\u2028para\u2029end.txt"
    (share / "small").mkdir(parents=True)
    (share / "small" / name).write_text("x", encoding="utf-8")
    running = server_factory(share)
    for target in ("/small/?format=json", "/small/?format=json&sort=size",
                   "/?q=para&format=json"):
        status, body = http_request(running.port, "GET", target)
        assert status == 200, target
        document = json.loads(body)
        assert [entry["name"] for entry in document["entries"]
                if entry["type"] == "file"] == [name], target  # round-trips exactly
        assert "\u2028".encode() not in body and "\u2029".encode() not in body, target


# Unicode's Bidi_Control characters besides the overrides and isolates that are replaced: the
# marks (LRM, RLM, ALM) still move the neutral characters around them in a shown name
BIDI_MARKS = "\u200e\u200f\u061c"


def _with_marks(share: Path) -> str:
    name = f"invoice{BIDI_MARKS}_gpj.exe"
    for folder, filler in (("small", 3), ("big", 600)):  # a page sent whole, a streamed one
        (share / folder).mkdir(parents=True)
        (share / folder / name).write_bytes(b"x")
        for n in range(filler):
            (share / folder / f"f{n:04d}").touch()
    return name


# Was (fixed): pages.UNSAFE_CHARS replaces U+202A-202E and U+2066-2069 but not the bidi marks
# U+200E, U+200F, U+061C (Bidi_Control too): listing rows and search results show them raw, though
# SECURITY.md says bidirectional characters are shown as U+FFFD
def test_bidi_marks_are_not_shown_raw_in_listing_and_search_pages(server_factory,
                                                                   tmp_path: Path) -> None:
    share = tmp_path / "marks-html"
    _with_marks(share)
    running = server_factory(share)
    for target in ("/small/", "/big/", "/big/?sort=size", "/?q=invoice"):
        status, body = http_request(running.port, "GET", target)
        assert status == 200, target
        assert b"invoice" in body, target
        page = body.decode("utf-8")
        assert not set(BIDI_MARKS) & set(page), target


# Was (fixed): listing_entries.JSON_UNSAFE escapes the bidi overrides and isolates but not the
# marks U+200E, U+200F, U+061C: the listing's and the search's JSON carry them raw
def test_bidi_marks_are_escaped_in_listing_and_search_json(server_factory,
                                                           tmp_path: Path) -> None:
    share = tmp_path / "marks-json"
    name = _with_marks(share)
    running = server_factory(share)
    for target in ("/small/?format=json", "/big/?format=json", "/big/?format=json&sort=size",
                   "/?q=invoice&format=json"):
        status, body = http_request(running.port, "GET", target)
        assert status == 200, target
        names = [entry["name"] for entry in json.loads(body)["entries"]]
        assert name in names, target  # still exact once parsed
        assert not set(BIDI_MARKS) & set(body.decode("utf-8")), target


def test_a_listing_over_the_budget_is_sent_alone_and_others_wait_their_turn(
        server_factory, tmp_path: Path) -> None:
    """The entries of a streamed listing are counted in the byte budget while it is sent:
    one bigger than the whole budget is still sent when it is alone; while a stalled reader
    holds it, another big listing is a 503 to retry (never a half page); once that reader is
    gone, the listing is sent again."""
    share = tmp_path / "over-budget"
    big = share / "big"
    big.mkdir(parents=True)
    filler = "r" * 120  # a page of ~9 MB: more than the sockets' buffers take at once
    for n in range(BIG_ENTRIES):  # ~13 MB of entries by the estimate: more than the budget
        os.close(os.open(big / f"{n:06d}{filler}", os.O_CREAT | os.O_WRONLY, 0o644))
    running = server_factory(share, cache_bytes=BUDGET)
    status, body = http_request(running.port, "GET", "/big/?format=json")
    assert status == 200 and len(json.loads(body)["entries"]) == BIG_ENTRIES
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(20)
    sock.connect(("127.0.0.1", running.port))
    try:
        sock.sendall(b"GET /big/?sort=size HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert sock.recv(1024).startswith(b"HTTP/1.1 200")  # then it stalls, holding it all
        status, body = http_request(running.port, "GET", "/big/?sort=date")
        assert status == 503 and b"busy" in body
    finally:
        sock.close()
    deadline = time.monotonic() + 20
    while (status := http_request(running.port, "GET", "/big/?sort=date")[0]) == 503 \
            and time.monotonic() < deadline:
        time.sleep(0.05)  # the server notices the closed reader at its next send
    assert status == 200
