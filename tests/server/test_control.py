"""Live control of a running share: limits, transfers, cancel, bans, allow-list, statistics."""

from __future__ import annotations

import http.client
import json
import socket
import time
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth

from server.auth import Authenticator
from server.clock import ManualClock
from server.config import ServerConfig
from server.control import AccessPolicy, TokenBucket, TrafficControl, TrafficLimits
from server.engine import ServerEngine
from server.errors import ConfigError
from server.users import UserStore
from tests.conftest import HUGE_SIZE, read_until_closed


def wait_until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def stalled_download(port: int, path: str = "/huge.bin") -> socket.socket:
    """A client that asks for a large file and then does not read it."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    assert sock.recv(20).startswith(b"HTTP/1.1 200")
    return sock


def test_token_bucket_spreads_a_burst():
    clock = ManualClock()
    bucket = TokenBucket(100_000, clock)
    assert bucket.reserve(64 * 1024) == 0.0  # the first burst is free
    assert bucket.reserve(100_000) == pytest.approx(1.0)  # 100,000 bytes at 100,000 B/s
    clock.advance(1.0)  # the debt is paid ...
    assert bucket.reserve(50_000) == pytest.approx(0.5)  # ... and no burst has built up yet
    clock.advance(10.0)  # idle time earns at most one burst, not ten seconds' worth
    assert bucket.reserve(64 * 1024) == 0.0
    assert bucket.reserve(100_000) == pytest.approx(1.0)


def test_traffic_control_waits_for_the_slower_of_total_and_client_rates():
    clock = ManualClock()
    control = TrafficControl(clock)
    assert control.wait_for("10.0.0.1", 10**9) == 0.0 and not control.limited
    control.set_limits(TrafficLimits(total_rate=1_000_000, client_rate=100_000))
    control.wait_for("10.0.0.1", 64 * 1024)  # spends the client's burst
    assert control.wait_for("10.0.0.1", 100_000) == pytest.approx(1.0)  # its own rate decides
    assert control.wait_for("10.0.0.2", 64 * 1024) == 0.0  # another client has its own bucket
    clock.advance(1.0)
    assert control.wait_for("10.0.0.1", 100_000) == pytest.approx(1.0)


def test_a_transfer_is_timed_by_the_control_clock():
    clock = ManualClock()
    control = TrafficControl(clock)
    transfer = control.begin("10.0.0.1", "", "/a.bin", "down", 1000, cancel=lambda: None)
    transfer.done = 500
    assert transfer.speed(clock.monotonic()) == 0.0  # no time has passed yet
    clock.advance(2.0)
    assert transfer.speed(clock.monotonic()) == 250.0
    control.end(transfer)
    assert control.transfers() == []


def test_limits_are_validated():
    with pytest.raises(ConfigError):
        TrafficLimits(total_rate=0)


def test_running_transfer_is_listed_and_can_be_cancelled(server, huge):
    sock = stalled_download(server.port)
    control = server.engine.control
    assert wait_until(lambda: len(control.transfers()) == 1)
    transfer = control.transfers()[0]
    assert (transfer.client, transfer.path) == ("127.0.0.1", "/huge.bin")
    assert transfer.direction == "down"
    assert transfer.total == HUGE_SIZE
    assert control.cancel(transfer.id)
    assert len(read_until_closed(sock)) < transfer.total  # cut short
    assert wait_until(lambda: not control.transfers())
    sock.close()


def test_downloads_per_client_limit_answers_503(server, huge):
    server.engine.control.set_limits(TrafficLimits(downloads_per_client=1))
    first = stalled_download(server.port)
    assert wait_until(lambda: len(server.engine.control.transfers()) == 1)
    response, _ = server.get("/huge.bin")
    assert response.status == 503 and response.getheader("Retry-After")
    _, body = server.get("/hello.txt")  # small files are not "downloads" that count
    assert body == b"hello, world\n"
    first.close()


def test_rate_limited_download_is_complete_and_correct(server, share):
    server.engine.control.set_limits(
        TrafficLimits(total_rate=8 * 1024 * 1024, client_rate=6_000_000))
    response, body = server.get("/big.bin")
    assert response.status == 200 and body == (share / "big.bin").read_bytes()
    _, small = server.get("/hello.txt")
    assert small == b"hello, world\n"
    server.engine.control.set_limits(TrafficLimits())
    assert not server.engine.control.limited


def test_ban_drops_connections_and_new_ones(share, tmp_path: Path):
    engine = ServerEngine(bans_file=tmp_path / "bans.json")
    engine.start(ServerConfig(root=share, port=0))
    try:
        idle = socket.create_connection(("127.0.0.1", engine.port), timeout=5)
        assert wait_until(lambda: engine.stats().active_connections == 1)
        engine.ban("127.0.0.0/8", permanent=True)
        assert read_until_closed(idle) == b""
        refused = socket.create_connection(("127.0.0.1", engine.port), timeout=5)
        refused.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert read_until_closed(refused) == b""
        assert json.loads((tmp_path / "bans.json").read_text()) == {"banned": ["127.0.0.0/8"]}
        assert AccessPolicy(tmp_path / "bans.json").bans() == [("127.0.0.0/8", True)]
        engine.policy.unban("127.0.0.0/8")
        conn = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=5)
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().status == 200
        conn.close()
        idle.close()
        refused.close()
    finally:
        engine.stop()


def test_bans_match_ipv4_clients_in_either_form(tmp_path: Path):
    policy = AccessPolicy(tmp_path / "bans.json")
    policy.ban("192.0.2.7")
    policy.ban("::ffff:198.51.100.0/120", permanent=True)  # stored as the IPv4 network
    assert not policy.allows("192.0.2.7") and not policy.allows("::ffff:192.0.2.7")
    assert not policy.allows("198.51.100.9") and not policy.allows("::ffff:198.51.100.9")
    assert policy.allows("192.0.2.8") and policy.allows("2001:db8::7")
    assert policy.bans() == [("192.0.2.7/32", False), ("198.51.100.0/24", True)]
    policy.unban("::ffff:192.0.2.7")
    assert policy.allows("192.0.2.7")


def test_allow_list_mode(server):
    server.engine.policy.set_allow_list(["10.0.0.0/8"])
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert read_until_closed(sock) == b""
    server.engine.policy.set_allow_list(["127.0.0.1"])
    response, _ = server.get("/hello.txt")
    assert response.status == 200
    server.engine.policy.set_allow_list(None)


def test_disconnect_a_client(server):
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    assert wait_until(lambda: server.engine.stats().active_connections == 1)
    assert server.engine.disconnect("127.0.0.1") == 1
    assert read_until_closed(sock) == b""


def test_stats_json_for_scripts(server):
    for _ in range(5):
        server.get("/hello.txt")
    server.get("/missing")
    server.wait_for_records(6)
    response, body = server.get("/.well-known/pier/stats")
    stats = json.loads(body)
    assert response.status == 200
    assert stats["requests"] >= 6 and stats["errors"] >= 1
    assert stats["top_paths_by_requests"][0] == ["/hello.txt", 5]
    assert stats["clients"][0]["address"] == "127.0.0.1"
    assert set(stats["latency_ms"]) == {"p50", "p95", "p99"}
    assert "transfers" in stats and "active_connections" in stats


def test_stats_need_an_admin_when_login_is_on(server_factory, share, private_config_dir):
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier - share")
    store.add("boss", "pw-boss", admin=True)
    store.add("guest", "pw-guest")
    running = server_factory(share, auth=auth)
    url = f"http://127.0.0.1:{running.port}/.well-known/pier/stats"
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(url, auth=HTTPBasicAuth("guest", "pw-guest"), timeout=10).status_code == 403
    assert requests.get(url, auth=HTTPBasicAuth("boss", "pw-boss"), timeout=10).status_code == 200

