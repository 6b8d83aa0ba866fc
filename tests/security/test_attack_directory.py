"""Hostile logins against directory accounts (a real slapd, tests/slapd.py): LDAP injection in
the user name, empty passwords, guessing, certificates the directory should not be trusted
with, and a directory that hangs while others download."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth

from server.auth import Authenticator
from server.clock import ManualClock
from server.config import Limits
from server.directory import DirectoryClient
from server.directory_source import DirectorySource
from server.users import UserStore
from tests.slapd import USERS, directory_settings, start_slapd, stop_slapd

pytestmark = pytest.mark.slow

REALM = "Pier - share"


class CountingClient(DirectoryClient):
    asked = 0

    def log_in(self, name: str, password: str):  # type: ignore[no-untyped-def]
        self.asked += 1
        return super().log_in(name, password)


@pytest.fixture
def store(private_config_dir: Path) -> UserStore:
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    return users


def start(server_factory, root: Path, store: UserStore, client: DirectoryClient, **options):
    clock = ManualClock()
    auth = Authenticator(store, REALM, clock=clock,
                         directory=DirectorySource(client, clock=clock))
    running = server_factory(root, auth=auth, **options)
    running.auth, running.client = auth, client
    running.base = f"http://127.0.0.1:{running.port}"
    return running


def get(running, path: str, name: str, password: str) -> requests.Response:
    return requests.get(running.base + path, auth=HTTPBasicAuth(name, password), timeout=30)


INJECTIONS = [
    ("*", USERS["alice"]),
    (")(uid=*", USERS["alice"]),
    ("*)(uid=alice", USERS["alice"]),
    ("al*", USERS["alice"]),
    ("alice)(|(uid=*", USERS["alice"]),
    ("admin)(|(uid=*", USERS["admin"]),
    ("admin*", USERS["admin"]),
    ("\x00", USERS["alice"]),
    ("alice\x00", USERS["alice"]),
    ("\\2a", USERS["alice"]),
    ("(uid=alice)", USERS["alice"]),
]


@pytest.mark.parametrize(("name", "password"), INJECTIONS)
def test_ldap_injection_in_the_user_name_never_logs_in(server_factory, share, store, slapd,
                                                       name, password):
    running = start(server_factory, share, store, CountingClient(directory_settings(slapd)))
    response = get(running, "/hello.txt", name, password)
    assert response.status_code == 401
    assert "hello, world" not in response.text
    # the same password with the real name works: the refusal was the name's doing
    real = "admin" if password == USERS["admin"] else "alice"
    assert get(running, "/", real, password).status_code == 200


def test_the_client_escapes_what_it_puts_in_a_filter(slapd):
    """Below HTTP: an unescaped '*' would match every entry (more than one: refused anyway),
    ')(…' would change the filter; escaped, neither names anybody."""
    client = DirectoryClient(directory_settings(slapd, user_filter="(&(objectClass=person)"
                                                                    "(uid={name}))"))
    for name, password in INJECTIONS:
        assert client.log_in(name, password).user is None
    assert client.exists("alice") and not client.exists("*") and not client.exists("al*")


def test_an_empty_password_is_never_an_unauthenticated_bind(server_factory, share, store,
                                                            slapd):
    client = CountingClient(directory_settings(slapd))
    assert client.log_in("alice", "").user is None  # LDAP says "success" to an empty one
    assert client.asked == 1
    running = start(server_factory, share, store, client)
    assert get(running, "/hello.txt", "alice", "").status_code == 401
    assert client.asked == 1  # refused before the directory is asked


def test_guesses_at_directory_passwords_are_throttled(server_factory, share, store,
                                                      slapd):
    running = start(server_factory, share, store, CountingClient(directory_settings(slapd)))
    statuses = [get(running, "/", "bob", f"guess-{i}").status_code for i in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    assert running.client.asked == 5  # a throttled guess never reaches the directory
    assert get(running, "/", "bob", USERS["bob"]).status_code == 429


def test_a_directory_certificate_for_another_name_is_refused(server_factory, share, store,
                                                             tmp_path):
    """A certificate from the trusted CA, but for 127.0.0.1 and elsewhere.test only: asked as
    localhost, the directory is not believed."""
    other = start_slapd(tmp_path / "elsewhere", cert_names=("elsewhere.test", "127.0.0.1"))
    try:
        by_name = start(server_factory, share, store, CountingClient(directory_settings(other)))
        assert get(by_name, "/", "bob", USERS["bob"]).status_code == 503
        by_address = start(server_factory, share, store, CountingClient(directory_settings(
            other, url=f"ldaps://127.0.0.1:{other.ldaps_port}")))
        assert get(by_address, "/", "bob", USERS["bob"]).status_code == 200
    finally:
        stop_slapd(other)


def test_without_the_ca_file_pier_generated_certificates_are_not_trusted(
        server_factory, share, store, slapd):
    running = start(server_factory, share, store,
                    CountingClient(directory_settings(slapd, ca_pem="")))
    assert get(running, "/", "bob", USERS["bob"]).status_code == 503


class HangingDirectory:
    """Accepts connections and never answers: a directory that hangs."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            self.accepted.set()

    def release(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for conn in self.connections:
            conn.close()
        self.thread.join(10)


def test_a_hanging_directory_does_not_stop_a_parallel_download(server_factory, share, store,
                                                               slapd):
    hole = HangingDirectory()
    try:
        settings = directory_settings(slapd, url=f"ldaps://127.0.0.1:{hole.port}")
        store.add("reader", "reader-local-pw")
        running = start(server_factory, share, store, DirectoryClient(settings, timeout=120),
                        limits=Limits(workers=1))
        results: list[requests.Response] = []
        login = threading.Thread(
            target=lambda: results.append(get(running, "/hello.txt", "bob", USERS["bob"])))
        login.start()
        assert hole.accepted.wait(30)  # the login now waits on the directory
        download = get(running, "/big.bin", "reader", "reader-local-pw")
        assert download.status_code == 200
        assert download.content == (share / "big.bin").read_bytes()
        assert login.is_alive() and not results  # still waiting: it held no worker
    finally:
        hole.release()
    login.join(60)
    assert [r.status_code for r in results] == [503]
