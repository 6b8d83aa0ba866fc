"""Searches held by a client that stops reading, against a server whose process may hold 1,024
descriptors (the usual soft limit of a Linux session; Pier does not raise it, macOS gives 256).

A stalled search keeps its walk's folders open (the searched one and up to 16 more) for the
I/O timeout (30 s), and one address may hold 128 connections: about 60 stalled searches from a
single LAN client take nearly every descriptor (the connection cap of 512 was what kept
sockets plus the files of downloads within 1,024). The server then cannot accept anyone (the serve
thread spins on accept's EMFILE, logging a warning each turn: ~90 MB of log in 10 s), workers
that must render their first error page die, and downloads get no answer until the attacker
lets go. A stalled download holds 2 descriptors; a stalled search 17.

Since then a search keeps 4 folders open besides the searched one (a zip 4 of its path), the
serve thread stops watching the listening socket for a moment when accept fails for want of
room (logged once per episode), a worker outlives any error escaping a request, the error page
is read when the engine starts, and the entry points raise the soft limit to the hard one (at
most 65,536): this test keeps its own 1,024."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.security.conftest import DESCRIPTOR_LIMIT

LIMIT = DESCRIPTOR_LIMIT
STALLED = 62  # searches from one address
IDLE = 120  # and idle ones from two other addresses: 182 connections (the cap is 512)
SEGMENT = "é" * 127  # 254 bytes: percent-encoded, each row of the results page is large


def long_named_tree(root: Path) -> None:
    """Ten levels of long names, then 40 folders of 30 matching files: the results page runs to
    megabytes, so a client that does not read stalls the walk with its folders open."""
    bottom = root.joinpath(*[SEGMENT] * 10)
    for i in range(40):
        folder = bottom / (f"{i:02d}" + "é" * 120)
        folder.mkdir(parents=True)
        for k in range(30):
            (folder / (f"hit{k:02d}" + "é" * 120)).touch()


STALLER = textwrap.dedent("""
    import socket, sys
    port, count, idle = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    held = []
    for _ in range(count):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)  # reads nothing after this
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET /?q=hit HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n")
        held.append(s)
    print("searching", flush=True)
    sys.stdin.readline()  # once the searches have stalled
    for i in range(idle):  # connections that cost the server a descriptor each, no thread
        s = socket.create_connection(("127.0.0.1", port),
                                     source_address=(f"127.0.0.{2 + i % 2}", 0))
        s.sendall(b"GET / HTTP/1.1\\r\\n")
        held.append(s)
    print("ready", flush=True)
    sys.stdin.read()  # holds the connections until the test closes stdin
""")



@pytest.fixture
def quiet_accept_failures() -> Iterator[None]:
    """Keep the warning the serve thread logs on every failed accept out of the captured log."""
    logger = logging.getLogger("pier.server")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def open_descriptors() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:  # EMFILE: none left to look with
        return LIMIT


def wait_for_stalls() -> None:
    """Until the descriptors run out, or stop growing (every search stalled or done)."""
    deadline = time.monotonic() + 20.0
    last, steady = -1, 0
    while time.monotonic() < deadline and steady < 40:
        count = open_descriptors()
        if count >= LIMIT - 2:
            return
        steady = steady + 1 if count == last else 0
        last = count
        time.sleep(0.05)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_stalled_searches_from_one_client_leave_the_share_reachable(
        server_factory, tmp_path: Path, low_descriptor_limit, quiet_accept_failures):
    root = tmp_path / "tree"
    long_named_tree(root)
    (root / "hello.txt").write_text("hello\n", encoding="utf-8")
    running = server_factory(root)
    probe = socket.socket()  # made now: no descriptor may be left for it later
    probe.settimeout(10)
    staller = subprocess.Popen([sys.executable, "-c", STALLER, str(running.port), str(STALLED),
                                str(IDLE)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert staller.stdin is not None and staller.stdout is not None
        assert staller.stdout.readline().strip() == "searching"
        wait_for_stalls()
        staller.stdin.write("go\n")
        staller.stdin.flush()
        assert staller.stdout.readline().strip() == "ready"
        probe.connect(("127.0.0.1", running.port))
        probe.sendall(b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        try:
            answer = probe.recv(65536)
        except TimeoutError:
            answer = b""
        assert answer.startswith(b"HTTP/1.1 200 "), answer[:100]
    finally:
        probe.close()
        staller.stdin.close()  # type: ignore[union-attr]
        staller.wait(timeout=10)
