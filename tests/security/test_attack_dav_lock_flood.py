"""Issue 17, attacked over real HTTP: the lock table is shared by everyone (10,000 locks) and a
visitor without an account was one principal per address (``anonymous:ADDRESS``, 1,000 locks
each). With ``--anonymous modify`` (a lock on an existing item needs the modify right) one
machine with IPv6 privacy addresses (a whole /64 is its own) takes shared locks on ``/`` (no
file is made) from ten addresses and fills the table for an hour, refreshable: every account's
LOCK is then 503, so Finder, Word and LibreOffice can no longer save over WebDAV. Reproduced
live with the real caps from 11 loopback addresses (10,000 locks in about 10 s); here with
smaller caps of the same ratio, every connection coming from the next address of one /64 (as
tests/security/test_attack_tus_ipv6_quota.py)."""

from __future__ import annotations

import base64
import http.client
import itertools
from pathlib import Path

import pytest

from server import open_connections
from server.auth import Authenticator
from server.clock import ManualClock
from server.dav_locks import LockManager
from server.users import UserStore

PER_PRINCIPAL = 5
TOTAL = 10 * PER_PRINCIPAL  # the real ratio: 10,000 / 1,000
SHARED = (b'<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:shared/>'
          b"</D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>")


@pytest.fixture
def one_slash64(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(LockManager.__init__.__kwdefaults__, "max_total", TOTAL)
    monkeypatch.setitem(LockManager.__init__.__kwdefaults__, "max_per_principal", PER_PRINCIPAL)
    addresses = (f"2001:db8:1:2::{n:x}" for n in itertools.count(1))
    original = open_connections.OpenConnections.open

    def open_from_the_slash64(self, sock, client, tls_state):
        return original(self, sock, next(addresses), tls_state)

    monkeypatch.setattr(open_connections.OpenConnections, "open", open_from_the_slash64)


def lock(port: int, path: str, headers: dict[str, str] | None = None) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("LOCK", path, body=SHARED, headers={"Depth": "0", **(headers or {})})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_anonymous_visitors_cannot_fill_the_lock_table(one_slash64, server_factory,
                                                       share: Path,
                                                       private_config_dir: Path) -> None:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier", clock=ManualClock(), anonymous_read=True)
    store.add("owner", "owner-pw", can_upload=True, can_modify=True)
    running = server_factory(share, auth=auth, upload=True, modify=True, anonymous_upload=True,
                             anonymous_modify=True)
    statuses = [lock(running.port, "/") for _ in range(TOTAL + PER_PRINCIPAL)]
    assert 200 in statuses  # the visitors may lock (MODIFY on /)
    token = base64.b64encode(b"owner:owner-pw").decode()
    assert lock(running.port, "/hello.txt", {"Authorization": f"Basic {token}"}) == 200
