"""Security finding 12: on a dual-stack listener (``--host ::``) IPv4 clients arrive as
``::ffff:a.b.c.d``. The address is made plain once, at accept(), so a ban, the allow-list, the
per-address cap and the log all see ``a.b.c.d``."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.config import Limits, ServerConfig
from server.control import parse_network
from server.engine import ServerEngine
from server.records import RequestRecord
from tests.conftest import RunningServer, fetch_statuses
from tests.security.conftest import connect, read_rest, wait_until


def dual_stack_available() -> str:
    """Why a dual-stack listener cannot be tested here, or "" when it can."""
    if not socket.has_ipv6:
        return "Python was built without IPv6"
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            sock.bind(("::", 0))
    except OSError as err:
        return f"cannot bind a dual-stack IPv6 socket on '::': {err}"
    return ""


pytestmark = pytest.mark.skipif(bool(dual_stack_available()),
                                reason=dual_stack_available() or "dual stack available")


@pytest.fixture
def dual(share: Path, tmp_path: Path) -> Iterator[RunningServer]:
    records: list[RequestRecord] = []
    engine = ServerEngine(sink=records.append, bans_file=tmp_path / "bans.json")
    engine.start(ServerConfig(root=share, host="::", port=0,
                              limits=Limits(max_connections_per_ip=2)))
    yield RunningServer(engine, records)
    engine.stop()


def dropped(port: int) -> bool:
    """True when the server closes a new IPv4 connection to 127.0.0.1 without an answer."""
    with connect(port) as sock:
        sock.sendall(b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        data, closed = read_rest(sock)
    return closed and data == b""


def test_ipv4_client_of_a_dual_stack_listener_is_logged_as_ipv4(dual):
    assert fetch_statuses(dual.port, ["/hello.txt"]) == [200]
    [record] = dual.wait_for_records(1)
    assert record.client == "127.0.0.1"


@pytest.mark.parametrize("banned", ["127.0.0.1", "::ffff:127.0.0.1", "127.0.0.0/8"])
def test_a_banned_ipv4_client_is_dropped_on_a_dual_stack_listener(dual, banned):
    kept = connect(dual.port)  # already connected: the ban drops it too
    assert wait_until(lambda: dual.engine.stats().active_connections == 1, 5)
    dual.engine.ban(banned)
    assert read_rest(kept) == (b"", True)
    kept.close()
    assert dropped(dual.port)
    assert dual.records == []
    dual.engine.policy.unban(banned)
    assert fetch_statuses(dual.port, ["/hello.txt"]) == [200]


def test_allow_list_and_per_address_cap_see_the_ipv4_address(dual):
    dual.engine.policy.set_allow_list(["127.0.0.1"])
    assert fetch_statuses(dual.port, ["/hello.txt"]) == [200]
    dual.engine.policy.set_allow_list(["192.0.2.0/24"])
    assert dropped(dual.port)
    dual.engine.policy.set_allow_list(None)
    # the connections above are gone first: one still counted would take a place of the two
    assert wait_until(lambda: dual.engine.stats().active_connections == 0, 5)
    held = [connect(dual.port) for _ in range(2)]  # the cap is 2 per address
    try:
        assert wait_until(lambda: dual.engine.stats().active_connections == 2, 5)
        with connect(dual.port) as third:
            third.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            data, _ = read_rest(third)
        assert data.startswith(b"HTTP/1.1 503")
    finally:
        for sock in held:
            sock.close()


def test_disconnect_takes_either_form(dual):
    sock = connect(dual.port)
    assert wait_until(lambda: dual.engine.stats().active_connections == 1, 5)
    assert dual.engine.disconnect("::ffff:127.0.0.1") == 1
    assert read_rest(sock) == (b"", True)
    sock.close()


def test_mapped_networks_are_read_as_ipv4():
    assert str(parse_network("::ffff:10.1.2.3")) == "10.1.2.3/32"
    assert str(parse_network("::ffff:10.0.0.0/104")) == "10.0.0.0/8"
    assert str(parse_network("::1")) == "::1/128"
