"""Security finding 9: nobody can lock an account out from somewhere else. Failed logins are
counted per source address and per (account, address); the clients here speak real HTTP from
several loopback addresses (127.0.0.2, 127.0.0.3, ...) to a share on 127.0.0.1."""

from __future__ import annotations

import base64
import http.client
import socket
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.users import HashParams, PasswordHasher, UserStore
from tests.conftest import RunningServer

REALM = "Pier - lockouts"
PASSWORD = "alice's own password"
ATTACKERS = [f"127.0.0.{i}" for i in range(2, 7)]
FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)


def loopback_aliases_work() -> bool:
    """Linux routes all of 127.0.0.0/8 to loopback; other systems may only have 127.0.0.1."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((ATTACKERS[-1], 0))
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not loopback_aliases_work(),
                                reason="needs 127.0.0.2-127.0.0.6 as loopback source addresses")


@pytest.fixture
def guarded(server_factory, share: Path, private_config_dir: Path) -> RunningServer:
    store = UserStore(private_config_dir / "users.toml", hasher=PasswordHasher(FAST))
    store.load()
    auth = Authenticator(store, REALM, clock=ManualClock())  # time stands: locks never run out
    store.add("alice", PASSWORD)
    store.add("bob", "bob's password")
    running = server_factory(share, auth=auth)
    running.auth = auth
    return running


def get_as(running: RunningServer, source: str, name: str,
           password: str) -> http.client.HTTPResponse:
    """GET /hello.txt with Basic credentials from the loopback address ``source``."""
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10,
                                      source_address=(source, 0))
    try:
        token = base64.b64encode(f"{name}:{password}".encode()).decode()
        conn.request("GET", "/hello.txt", headers={"Authorization": f"Basic {token}"})
        response = conn.getresponse()
        response.read()
        return response
    finally:
        conn.close()


def test_wrong_passwords_for_alice_from_other_addresses_never_lock_alice_out(guarded):
    for attacker in ATTACKERS:
        statuses = [get_as(guarded, attacker, "alice", f"guess {i}").status for i in range(8)]
        assert statuses == [401] * 5 + [429] * 3, attacker
    assert {lock.address for lock in guarded.auth.lockouts()} == set(ATTACKERS)

    response = get_as(guarded, "127.0.0.1", "alice", PASSWORD)
    assert response.status == 200  # not 429: the storm came from elsewhere
    records = guarded.wait_for_records(41)
    assert records[-1].client == "127.0.0.1" and records[-1].user == "alice"
    # the guessers stay locked out, even with the right password
    assert get_as(guarded, ATTACKERS[0], "alice", PASSWORD).status == 429


def test_one_address_guessing_stays_throttled_with_retry_after(guarded):
    attacker = ATTACKERS[0]
    for i in range(5):
        assert get_as(guarded, attacker, "alice", f"guess {i}").status == 401
    for name, password in (("alice", "guess 6"), ("alice", PASSWORD), ("bob", "guess"),
                           ("bob", "bob's password")):
        response = get_as(guarded, attacker, name, password)
        assert response.status == 429, (name, password)
        assert int(response.getheader("Retry-After")) >= 1
    assert get_as(guarded, "127.0.0.1", "bob", "bob's password").status == 200
    assert get_as(guarded, "127.0.0.1", "alice", PASSWORD).status == 200
    kinds = sorted((lock.kind, lock.subject) for lock in guarded.auth.lockouts())
    assert kinds == [("ip", attacker), ("user", "alice")]


def test_spraying_many_names_from_one_address_is_throttled(guarded):
    attacker = ATTACKERS[1]
    statuses = [get_as(guarded, attacker, f"user{i}", "x").status for i in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    assert get_as(guarded, "127.0.0.1", "alice", PASSWORD).status == 200
