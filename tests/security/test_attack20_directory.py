"""Attack 20 on the directory logins (a real slapd, tests/slapd.py): a referral the directory
answers with, and directory names that are a Pier account's name in another case or width."""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth

from server.auth import Authenticator
from server.clock import ManualClock
from server.directory import DirectoryClient
from server.directory_source import DirectorySource
from server.users import UserStore
from tests.slapd import (
    ROOT_DN,
    ROOT_PW,
    SUFFIX,
    USERS,
    _run,
    directory_settings,
    start_slapd,
    stop_slapd,
)

pytestmark = pytest.mark.slow

REALM = "Pier - share"


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
    running.base, running.auth = f"http://127.0.0.1:{running.port}", auth
    return running


def get(running, path: str, name: str, password: str) -> requests.Response:
    auth = HTTPBasicAuth(name.encode("utf-8"), password.encode("utf-8"))
    return requests.get(running.base + path, auth=auth, timeout=60)


class PlainListener:
    """A plain (no TLS) LDAP port that records the first message each connection sends (a
    bind request carries its password in the clear) and hangs up."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(10)
                with contextlib.suppress(OSError):
                    self.received.append(conn.recv(65536))

    def close(self) -> None:
        self.listener.close()


def test_a_referral_never_carries_the_bind_password_in_the_clear(server_factory, share, store,
                                                                  tmp_path):
    plain = PlainListener()
    directory = start_slapd(tmp_path / "referring")
    try:
        # a branch of the tree kept on another server (AD answers so for another domain of the
        # forest): searching under it gets result 10, "referral", naming an ldap:// URL
        _run(["ldapadd", "-x", "-H", f"ldap://127.0.0.1:{directory.ldap_port}", "-D", ROOT_DN,
              "-w", ROOT_PW],
             f"dn: ou=branch,{SUFFIX}\nobjectClass: referral\nobjectClass: extensibleObject\n"
             f"ou: branch\nref: ldap://127.0.0.1:{plain.port}/ou=branch,{SUFFIX}\n")
        settings = directory_settings(directory, base_dn=f"ou=branch,{SUFFIX}", bind_dn=ROOT_DN,
                                      bind_password=ROOT_PW)
        running = start(server_factory, share, store, DirectoryClient(settings))
        response = get(running, "/hello.txt", "alice", USERS["alice"])
        # the attacker allowed 503 too; the fix makes a referral "no such user": no outage
        assert response.status_code == 401
    finally:
        stop_slapd(directory)
        plain.close()
    plain.thread.join(15)
    sent = b"".join(plain.received)
    assert ROOT_PW.encode() not in sent  # Pier's bind password, sent in plain text
    assert plain.received == []  # no connection outside TLS at all


LOCAL_ADMIN_PASSWORD = "local-admin-Pw-771"


@pytest.mark.parametrize("variant", ["Admin", "ADMIN", " admin", "admin ", "ａdmin"])
def test_a_pier_account_name_in_another_form_is_no_directory_login(server_factory, share, store,
                                                                   slapd, variant):
    store.add("admin", LOCAL_ADMIN_PASSWORD)
    running = start(server_factory, share, store, DirectoryClient(directory_settings(slapd)))
    assert get(running, "/hello.txt", "admin", LOCAL_ADMIN_PASSWORD).status_code == 200
    assert get(running, "/hello.txt", "admin", USERS["admin"]).status_code == 401  # exact: ok
    assert get(running, "/hello.txt", variant, USERS["admin"]).status_code == 401


def test_a_directory_user_is_one_principal_whatever_form_the_name_is_typed_in(
        server_factory, share, store, slapd):
    running = start(server_factory, share, store, DirectoryClient(directory_settings(slapd)))
    for variant in ("bob", "BOB", "ｂob", "bob "):
        assert get(running, "/hello.txt", variant, USERS["bob"]).status_code == 200
    names = {record.user for record in running.wait_for_records(4) if record.status == 200}
    assert names == {"bob"}


@pytest.mark.parametrize("poison", ["\t", "x\x00", "\uffff"])
def test_an_odd_password_is_a_refusal_not_a_directory_outage(server_factory, share, store,
                                                             slapd, poison):
    running = start(server_factory, share, store, DirectoryClient(directory_settings(slapd)))
    assert get(running, "/hello.txt", "bob", poison).status_code == 401  # a wrong password
    assert get(running, "/hello.txt", "dave", USERS["dave"]).status_code == 200  # not "down"
    statuses = [get(running, "/hello.txt", "bob", poison).status_code for _ in range(5)]
    assert statuses == [401] * 4 + [429]  # counted like any other wrong password


@pytest.mark.parametrize("name", ["\uffff", "bob\u00ad", "b\u200bob", "bob\ufe0f", "\u202ebob",
                                  "\U000e0062ob", "\ufdd0", "ＢＯＢ\u00a0", "\u3000bob"])
def test_an_odd_name_is_a_refusal_or_the_one_user_never_an_outage(server_factory, share, store,
                                                                  slapd, name):
    running = start(server_factory, share, store, DirectoryClient(directory_settings(slapd)))
    assert get(running, "/hello.txt", name, USERS["bob"]).status_code in (200, 401)
    assert get(running, "/hello.txt", "dave", USERS["dave"]).status_code == 200  # not "down"
    names = {record.user for record in running.wait_for_records(2) if record.status == 200}
    assert names <= {"bob", "dave"}


def test_wrong_passwords_in_every_form_of_a_name_count_together(server_factory, share, store,
                                                                slapd):
    running = start(server_factory, share, store, DirectoryClient(directory_settings(slapd)))
    for form in ("bob", "BOB", "ｂob", " bob", "Bob"):
        assert get(running, "/hello.txt", form, "a-wrong-guess").status_code == 401
    # one lock for bob at this address (beside the address's own), not five counts of one
    users = [(lock.subject, lock.failures) for lock in running.auth.lockouts()
             if lock.kind == "user"]
    assert users == [("bob", 5)]
    assert get(running, "/hello.txt", "bob", USERS["bob"]).status_code == 429
