"""Many connections from many clients (issue 21): the global cap is a setting, the per-address
cap holds under it, the descriptor limit is raised at start, and keep-alive connections from
dozens of source addresses (127.0.0.2-127.0.0.50 on Linux's loopback) are all served."""

from __future__ import annotations

import socket
import sys

import pytest

from server.config import Limits
from server.portable import OPEN_FILES_CAP

try:
    import resource
except ImportError:  # Windows has no descriptor limit to raise
    resource = None  # type: ignore[assignment]

REQUEST = b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def connect_from(address: str, port: int) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(10)
    try:
        sock.bind((address, 0))
    except OSError:
        sock.close()
        pytest.skip(f"this system cannot send from {address} (only Linux routes 127/8)")
    sock.connect(("127.0.0.1", port))
    return sock


def status_of_one_request(sock: socket.socket) -> int:
    """Ask for hello.txt on the open connection and read the answer's status line (the
    connection stays open when admitted; a refusal is a 503 and the close)."""
    sock.sendall(REQUEST)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next((line.split(b":")[1] for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), b"0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0


def test_the_connection_cap_is_configurable_and_the_per_address_cap_holds(server_factory,
                                                                          share):
    running = server_factory(share, limits=Limits(max_connections=12, max_connections_per_ip=3))
    held = []
    try:
        for _ in range(3):
            held.append(connect_from("127.0.0.2", running.port))
            assert status_of_one_request(held[-1]) == 200
        one_too_many = connect_from("127.0.0.2", running.port)
        assert status_of_one_request(one_too_many) == 503  # the address's cap, not the total
        one_too_many.close()
        for n in range(3, 12):  # the others fill the rest, one or two each
            for _ in range(2 if n < 6 else 1):
                if len(held) == 12:
                    break
                held.append(connect_from(f"127.0.0.{n}", running.port))
                assert status_of_one_request(held[-1]) == 200
        assert len(held) == 12 and running.engine.stats().active_connections == 12
        newcomer = connect_from("127.0.0.40", running.port)
        assert status_of_one_request(newcomer) == 503  # connection 13: the total cap
        newcomer.close()
        held.pop().close()  # one leaves: the newcomer's next try gets in
        retry = connect_from("127.0.0.40", running.port)
        while status_of_one_request(retry) != 200:  # until the server has seen the close
            retry.close()
            retry = connect_from("127.0.0.40", running.port)
        held.append(retry)
    finally:
        for sock in held:
            sock.close()


def test_the_default_cap_admits_a_thousand_connections():
    assert Limits().max_connections >= 1024
    assert Limits().max_connections_per_ip == 128


@pytest.mark.skipif(resource is None, reason="no descriptor limit on this system")
def test_the_open_files_limit_is_raised_at_start(server_factory, share):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    lowered = 256
    if hard != resource.RLIM_INFINITY and hard <= lowered:
        pytest.skip("the hard limit leaves nothing to raise")
    resource.setrlimit(resource.RLIMIT_NOFILE, (lowered, hard))
    try:
        server_factory(share)
        raised, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        assert raised > lowered
        if sys.platform.startswith("linux"):  # to the hard limit, or the cap below it
            assert raised == (OPEN_FILES_CAP if hard == resource.RLIM_INFINITY
                              else min(hard, OPEN_FILES_CAP))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, lowered), hard))


def test_keep_alive_connections_from_many_addresses_are_all_served(server_factory, share):
    running = server_factory(share)
    addresses = [f"127.0.0.{n}" for n in range(2, 51)]
    held = [connect_from(address, running.port) for address in addresses for _ in range(3)]
    try:
        assert [status_of_one_request(sock) for sock in held] == [200] * len(held)
        stats = running.engine.stats()
        assert stats.active_connections == len(held) and stats.clients == len(addresses)
        # every one of them is still open and answers again, in another order
        assert [status_of_one_request(sock) for sock in reversed(held)] == [200] * len(held)
    finally:
        for sock in held:
            sock.close()
