"""Slow and hostile clients in numbers: a normal client is still served while they are connected,
each of them is closed by its deadline, and connection caps answer 503 and recover.
Functional outcomes only: the timing figures belong in bench/."""

from __future__ import annotations

import http.client
import socket
from pathlib import Path

import pytest

from server.config import Limits
from server.portable import selector_room
from tests.security.conftest import connect, raise_fd_limit, read_rest, request, wait_until

SLOW_HEADERS, IDLE, STALLED = 200, 100, 20
SMALL = Limits(header_timeout=1, idle_timeout=1, io_timeout=1,
               max_connections=2000, max_connections_per_ip=2000)
CLOSE_MARGIN = 6.0  # seconds past the largest deadline for the sweep and a busy 2-core CI box


@pytest.fixture
def large_file(share: Path) -> Path:
    """64 MiB that cost no disk (sparse): far more than any socket buffer holds."""
    path = share / "huge.bin"
    with open(path, "wb") as f:
        f.truncate(64 * 1024 * 1024)
    return path


def normal_client_is_served(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for path in ("/hello.txt", "/", "/docs/notes.md"):
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            assert response.status == 200, path
        assert body == b"# notes\n"
    finally:
        conn.close()


def idle_keep_alive(port: int) -> socket.socket:
    sock = connect(port)
    sock.sendall(b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
    response = http.client.HTTPResponse(sock)
    response.begin()
    assert response.read() == b"hello, world\n" and not response.will_close
    return sock


def stalled_reader(port: int) -> socket.socket:
    sock = connect(port, rcvbuf=4096)
    sock.sendall(b"GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
    return sock


def crowd_sizes() -> tuple[int, int, int]:
    """(slow headers, idle, stalled) from one address. Where the selector is select() (what
    Windows takes: at most 500 connections, --portable), half as many: one address holding more
    than half of that is refused by the fair-share rule (server/admission.py), as it should."""
    if selector_room() is None:
        return SLOW_HEADERS, IDLE, STALLED
    return SLOW_HEADERS // 2, IDLE // 2, STALLED // 2


def test_hostile_crowd_does_not_stop_a_normal_client(server_factory, share, large_file):
    n_slow, n_idle, n_stalled = crowd_sizes()
    raise_fd_limit(4 * (n_slow + n_idle + n_stalled) + 256)
    running = server_factory(share, limits=SMALL)
    slow, idle, stalled = [], [], []
    try:
        for _ in range(n_slow):
            sock = connect(running.port)
            sock.sendall(b"G")
            slow.append(sock)
        idle = [idle_keep_alive(running.port) for _ in range(n_idle)]
        stalled = [stalled_reader(running.port) for _ in range(n_stalled)]
        normal_client_is_served(running.port)
        # every hostile connection is closed by the server within its deadline (+ margin)
        closed = wait_until(lambda: running.engine.stats().active_connections == 0,
                            timeout=max(SMALL.header_timeout, SMALL.idle_timeout,
                                        SMALL.io_timeout) + CLOSE_MARGIN)
        assert closed, running.engine.stats()
        for sock in slow:
            data, ended = read_rest(sock)
            assert ended and data.startswith(b"HTTP/1.1 408"), data[:60]
        for sock in idle:
            assert read_rest(sock) == (b"", True)
        normal_client_is_served(running.port)  # and serving goes on
    finally:
        for sock in slow + idle + stalled:
            sock.close()


def test_slow_request_bodies_do_not_starve_the_workers(server_factory, share):
    """A GET (or HEAD/OPTIONS) that announces a small body and sends it one byte at a time, or
    not at all, must not hold a worker for the whole io_timeout: with every worker held, a
    normal client would wait for it."""
    running = server_factory(share, limits=Limits(workers=2, io_timeout=30))
    slow = []
    try:
        for method in ("GET", "HEAD", "OPTIONS", "GET"):
            sock = connect(running.port)
            sock.sendall(f"{method} /hello.txt HTTP/1.1\r\nHost: [::1]\r\nContent-Length: 100\r\n"
                         "\r\nab".encode())
            slow.append(sock)
        sock = connect(running.port)
        sock.sendall(b"GET /hello.txt HTTP/1.1\r\nHost: [::1]\r\nTransfer-Encoding: chunked\r\n\r\n"
                     b"5\r\nab")
        slow.append(sock)
        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=5)
        try:
            conn.request("GET", "/hello.txt")
            assert conn.getresponse().status == 200
        except TimeoutError:
            pytest.fail("every worker is held by a client that never finishes its body")
        finally:
            conn.close()
    finally:
        for sock in slow:
            sock.close()


def loopback_aliases() -> str:
    """Why 127.0.0.2 and up cannot be source addresses here, or "" when they can."""
    try:
        connect_from("127.0.0.9", None).close()
    except OSError as err:
        return f"no second loopback address here ({err})"
    return ""


def test_total_cap_answers_503_and_recovers(server_factory, share):
    if reason := loopback_aliases():
        pytest.skip(reason)
    running = server_factory(share, limits=Limits(max_connections=8,
                                                  max_connections_per_ip=100))
    # one each from eight addresses: the last slot is reserved for a group holding none
    held = [connect(running.port, source=f"127.0.0.{2 + i}") for i in range(8)]
    try:
        assert wait_until(lambda: running.engine.stats().active_connections == 8, 5)
        for _ in range(50):  # a flood of refused connections costs nothing lasting
            data = running.raw(request("/hello.txt"))
            assert data.startswith(b"HTTP/1.1 503") and b"Retry-After: 1" in data
        assert running.engine.stats().active_connections == 8
    finally:
        for sock in held:
            sock.close()
    assert wait_until(lambda: running.engine.stats().active_connections == 0, 5)
    normal_client_is_served(running.port)


def test_per_ip_cap_refuses_one_address_and_serves_another(server_factory, share):
    if reason := loopback_aliases():
        pytest.skip(reason)
    running = server_factory(share, limits=Limits(max_connections_per_ip=3))
    held = [connect(running.port, source="127.0.0.2") for _ in range(3)]
    try:
        assert wait_until(lambda: running.engine.stats().active_connections == 3, 5)
        with connect(running.port, source="127.0.0.2") as refused:
            refused.sendall(request("/hello.txt"))
            data, _ = read_rest(refused)
        assert data.startswith(b"HTTP/1.1 503")
        with connect(running.port, source="127.0.0.3") as other:
            other.sendall(request("/hello.txt"))
            data, _ = read_rest(other)
        assert data.startswith(b"HTTP/1.1 200")
    finally:
        for sock in held:
            sock.close()
    assert wait_until(lambda: running.engine.stats().active_connections == 0, 5)
    with connect(running.port, source="127.0.0.2") as again:
        again.sendall(request("/hello.txt"))
        assert read_rest(again)[0].startswith(b"HTTP/1.1 200")


def connect_from(source: str, port: int | None) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((source, 0))
    if port is not None:
        sock.connect(("127.0.0.1", port))
    return sock
