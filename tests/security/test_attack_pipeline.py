"""A client that pipelines many small, valid requests (found by an attack on the running server).

Per round of its loop the serve thread reads up to 64 KiB from a connection but answers at
most REPLIES_MAX (64 KiB) of answers, about 200 of them for a 44-byte GET of a small file:
the connection's buffer grows by some 50 KiB every round, without any limit. And every head is
looked for with find_head_end(), whose search for a bare-LF blank line runs to the end of the
whole buffer. Each request thus costs time proportional to everything the client has sent
ahead: the serve thread spends its time rescanning megabytes. Measured on the running server:
one pipelining connection makes every other client wait 0.3 to 1.2 s (growing), eight make
them wait 1.4 to 4.3 s (growing); the serve thread sits at 100% CPU. Fixing only the search
would leave the unbounded read-ahead, which then fills memory at the speed of the network.

Fixed both ways: find_head_end looks for a bare-LF blank line only before the CRLF one it found
(and no further than HEAD_MAX), and the serve thread reads no more from a connection holding
more than READ_AHEAD_MAX of unanswered requests until their answers have gone out.
"""

from __future__ import annotations

import contextlib
import socket
import threading

import server.serve_loop as serve_loop
from server.http11 import find_head_end
from tests.security.conftest import answers, exchange, status_of

GET = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"


class CountingBuffer(bytearray):
    """A buffer that counts the bytes its searches look at (what a search costs)."""

    scanned = 0

    def _count(self, sub: bytes, start: int | None, end: int | None, found: int,
               forward: bool) -> None:
        begin = 0 if start is None else start
        stop = len(self) if end is None else min(end, len(self))
        if found == -1:
            self.scanned += max(0, stop - begin)
        elif forward:
            self.scanned += found + len(sub) - begin
        else:
            self.scanned += stop - found

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        found = bytearray.find(self, sub, start, end)
        self._count(sub, start, end, found, forward=True)
        return found

    def rfind(self, sub, start=None, end=None):  # type: ignore[override]
        found = bytearray.rfind(self, sub, start, end)
        self._count(sub, start, end, found, forward=False)
        return found

    def index(self, sub, start=None, end=None):  # type: ignore[override]
        found = self.find(sub, start, end)
        if found == -1:
            raise ValueError("subsection not found")
        return found


def test_finding_the_first_head_does_not_read_the_rest_of_the_pipeline():
    pipeline = CountingBuffer(GET * 20_000)  # 880 KB of valid requests behind the first
    assert find_head_end(pipeline) == len(GET)
    assert pipeline.scanned <= 4 * len(GET), pipeline.scanned


READ_AHEAD_MAX = 256 * 1024  # the serve thread reads 64 KiB at a time; four reads' worth


def test_a_pipelining_client_is_not_read_far_ahead_of_its_answers(server, monkeypatch):
    biggest = [0]
    finished = threading.Event()

    def watched(buf: bytes | bytearray) -> int:  # every head the server looks for, anywhere
        if len(buf) > biggest[0]:
            biggest[0] = len(buf)
            if biggest[0] > READ_AHEAD_MAX:
                finished.set()  # no need to wait for the rest: the bound is broken
        return find_head_end(buf)

    monkeypatch.setattr(serve_loop, "find_head_end", watched)
    count = 12_000  # 528 KB of requests
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(GET)
        first = b""
        while not first.endswith(b"hello, world\n"):
            chunk = sock.recv(65536)
            assert chunk, first
            first += chunk
        assert first.startswith(b"HTTP/1.1 200") and first.endswith(b"hello, world\n")
        expected = len(first) * count  # same length every time (the Date header is fixed-width)
        received = [0]

        def read_answers() -> None:
            try:
                while received[0] < expected:
                    data = sock.recv(1 << 20)
                    if not data:
                        break
                    received[0] += len(data)
            except OSError:
                pass
            finished.set()

        def send_pipeline() -> None:
            with contextlib.suppress(OSError):  # the server may close first
                sock.sendall(GET * count)

        threads = [threading.Thread(target=read_answers, daemon=True),
                   threading.Thread(target=send_pipeline, daemon=True)]
        for thread in threads:
            thread.start()
        assert finished.wait(60), "hung"  # a guard against hanging, not a time limit
        assert biggest[0] <= READ_AHEAD_MAX, biggest[0]
        assert received[0] == expected


def test_a_head_unfinished_past_the_search_window_is_refused_not_waited_for(server, monkeypatch):
    """find_head_end looks no further than HEAD_MAX, the longest head the parser accepts: a
    buffer that long without a head end is refused (431) at once, not left to wait for the
    header deadline. Lines over the limit are refused before, when the serve thread sees them
    unfinished; HEAD_MAX is made small here to reach that point with short, valid lines."""
    monkeypatch.setattr(serve_loop, "HEAD_MAX", 4096)
    unfinished = GET[:-2] + b"X-Filler: 0123456789abcdef0123456789abcdef\r\n" * 95  # 4.2 KB
    reply = exchange(server, unfinished, timeout=10)
    assert status_of(reply) == 431 and answers(reply) == 1
    assert b"The request head is too large." in reply
