"""Security review finding 3: a few addresses holding stalled downloads must not fill the whole
connection table. Four loopback addresses (127.0.0.11-14) each open as many downloads of a large
file as the server lets them and stop reading; a fifth address (127.0.0.1) is still served."""

from __future__ import annotations

import http.client
import socket
import threading
from pathlib import Path

import pytest

from server.config import Limits
from tests.conftest import RunningServer
from tests.security.conftest import connect, read_head

LIMITS = Limits(max_connections=32, max_connections_per_ip=16)
HOGS = [f"127.0.0.{i}" for i in range(11, 15)]


def loopback_aliases() -> str:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((HOGS[-1], 0))
    except OSError as err:
        return f"needs 127.0.0.11-14 as loopback source addresses ({err})"
    return ""


pytestmark = pytest.mark.skipif(bool(loopback_aliases()),
                                reason=loopback_aliases() or "loopback aliases work")


def stalled_download(port: int, source: str) -> socket.socket | None:
    """GET the huge file from ``source``, read the head, then stop reading. The socket while it
    holds a slot (200), None when the server refused it (503, or reset before the answer)."""
    sock = connect(port, rcvbuf=4096, source=source)
    try:
        sock.sendall(b"GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        head, _ = read_head(sock)
    except (ConnectionResetError, BrokenPipeError):
        sock.close()
        return None
    if head.startswith(b"HTTP/1.1 503"):
        assert b"\r\nRetry-After: 1" in head
        sock.close()
        return None
    assert head.startswith(b"HTTP/1.1 200"), head[:80]
    return sock


def hog(running: RunningServer, interleaved: bool) -> tuple[dict[str, int], list[socket.socket]]:
    """Each hog asks for max_connections_per_ip downloads, one hog after the other or in turn.
    Returns the slots each got and the sockets that hold them."""
    held: dict[str, list[socket.socket]] = {source: [] for source in HOGS}
    tries = LIMITS.max_connections_per_ip
    order = ([s for _ in range(tries) for s in HOGS] if interleaved
             else [s for s in HOGS for _ in range(tries)])
    for source in order:
        sock = stalled_download(running.port, source)
        if sock is not None:
            held[source].append(sock)
    return {s: len(socks) for s, socks in held.items()}, [x for v in held.values() for x in v]


@pytest.mark.parametrize("interleaved", [False, True], ids=["one-after-the-other", "in-turn"])
def test_four_addresses_of_stalled_downloads_leave_room_for_a_fifth(
        server_factory, share: Path, huge: Path, interleaved: bool) -> None:
    running = server_factory(share, limits=LIMITS)
    counts, held = hog(running, interleaved)
    try:
        taken = sum(counts.values())
        # the plain per-address cap still holds, and past half a hog gets a smaller share
        assert max(counts.values()) <= LIMITS.max_connections_per_ip
        assert taken < LIMITS.max_connections, counts
        assert taken < len(HOGS) * LIMITS.max_connections_per_ip  # they were refused some
        if not interleaved:
            assert list(counts.values()) == [16, 8, 4, 2]
        assert running.engine.stats().active_connections == taken
        # every stalled reader holds a thread, but never more threads than connections
        workers = [t for t in threading.enumerate() if t.name == "pier-worker"]
        assert len(workers) <= LIMITS.workers + taken

        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
        try:
            conn.request("GET", "/hello.txt")
            response = conn.getresponse()
            assert (response.status, response.read()) == (200, b"hello, world\n")
        finally:
            conn.close()
    finally:
        for sock in held:
            sock.close()
