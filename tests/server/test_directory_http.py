"""Directory logins over real HTTP against a real OpenLDAP server (tests/slapd.py): binds,
group mapping and folder limits on real requests, LDAPS and StartTLS with Pier's certificates,
the directory down, the cache, a local account of the same name, Digest."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from server.auth import Authenticator
from server.clock import ManualClock
from server.directory import DirectoryClient
from server.directory_source import CACHE_TTL, DOWN_PAUSE, DirectorySource
from server.tls import CertificateStore
from server.users import UserStore
from tests.slapd import USERS, directory_settings

pytestmark = pytest.mark.slow  # a session's slapd starts once, then each test takes ~0.1 s

REALM = "Pier - share"


class CountingClient(DirectoryClient):
    """The real client, counting how often the directory is asked."""

    asked = 0

    def log_in(self, name: str, password: str):  # type: ignore[no-untyped-def]
        self.asked += 1
        return super().log_in(name, password)


@pytest.fixture
def store(private_config_dir: Path) -> UserStore:
    users = UserStore(private_config_dir / "users.toml")
    users.load()
    return users


@pytest.fixture
def office(share: Path) -> Path:
    for name in ("team", "other"):
        (share / name).mkdir()
        (share / name / f"{name}.txt").write_text(f"{name} file")
    return share


def start(server_factory, root: Path, store: UserStore, settings, *, clock=None, **options):
    clock = clock or ManualClock()
    client = CountingClient(settings)
    auth = Authenticator(store, REALM, clock=clock,
                         directory=DirectorySource(client, clock=clock))
    running = server_factory(root, auth=auth, upload=True, modify=True, **options)
    running.auth, running.client, running.clock = auth, client, clock
    running.base = f"http://127.0.0.1:{running.port}"
    return running


def get(running, path: str, name: str, password: str) -> requests.Response:
    return requests.get(running.base + path, auth=HTTPBasicAuth(name, password), timeout=20)


@pytest.fixture
def directory_share(server_factory, office, store, slapd):
    return start(server_factory, office, store, directory_settings(slapd))


def test_a_directory_password_logs_in_and_a_wrong_one_does_not(directory_share):
    assert get(directory_share, "/hello.txt", "bob", USERS["bob"]).status_code == 200
    wrong = get(directory_share, "/hello.txt", "bob", "not-his-password")
    unknown = get(directory_share, "/hello.txt", "nobody", "whatever-1")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.text == unknown.text  # nothing tells a wrong password from a missing user


def test_groups_map_to_rights_and_the_folder_limit_is_enforced(directory_share, office):
    # bob is in staff only: read everywhere, no uploads
    assert get(directory_share, "/other/other.txt", "bob", USERS["bob"]).status_code == 200
    refused = requests.put(directory_share.base + "/team/b.txt", data=b"b", timeout=20,
                           auth=HTTPBasicAuth("bob", USERS["bob"]))
    assert refused.status_code == 403 and not (office / "team" / "b.txt").exists()
    # alice is in staff (read) and editors (modify:/team): the highest level wins, in /team
    alice = HTTPBasicAuth("alice", USERS["alice"])
    put = requests.put(directory_share.base + "/team/a.txt", data=b"a", auth=alice, timeout=20)
    assert put.status_code == 201 and (office / "team" / "a.txt").read_bytes() == b"a"
    assert get(directory_share, "/team/team.txt", "alice", USERS["alice"]).text == "team file"
    assert get(directory_share, "/other/other.txt", "alice", USERS["alice"]).status_code == 404
    outside = requests.put(directory_share.base + "/other/a.txt", data=b"a", auth=alice,
                           timeout=20)
    assert outside.status_code in (403, 404) and not (office / "other" / "a.txt").exists()
    listing = requests.get(directory_share.base + "/?format=json", auth=alice, timeout=20)
    assert {e["name"] for e in listing.json()["entries"]} == {"team"}


def test_a_user_in_no_mapped_group_is_refused_like_a_wrong_password(directory_share):
    carol = get(directory_share, "/hello.txt", "carol", USERS["carol"])
    wrong = get(directory_share, "/hello.txt", "carol", "wrong-password")
    assert carol.status_code == wrong.status_code == 401
    assert carol.text == wrong.text


def test_starttls_works_too(server_factory, office, store, slapd):
    settings = directory_settings(slapd, url=slapd.ldap_url, starttls=True)
    running = start(server_factory, office, store, settings)
    assert get(running, "/hello.txt", "bob", USERS["bob"]).status_code == 200


@pytest.mark.parametrize("starttls", [False, True])
def test_a_directory_certificate_from_another_ca_is_refused(server_factory, office, store,
                                                            slapd, tmp_path, starttls):
    other = CertificateStore(tmp_path / "other-ca")
    other.ensure_server_certificate()
    other_ca = (other.ca_pem() or b"").decode("ascii")
    url = slapd.ldap_url if starttls else slapd.ldaps_url
    running = start(server_factory, office, store,
                    directory_settings(slapd, url=url, starttls=starttls, ca_pem=other_ca))
    refused = get(running, "/hello.txt", "bob", USERS["bob"])
    assert refused.status_code == 503 and int(refused.headers["Retry-After"]) >= 1
    assert running.client.asked == 1


def test_directory_down_is_503_with_retry_after_and_local_accounts_still_work(
        server_factory, office, store, slapd):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    store.add("ana", "ana-local-pw")
    settings = directory_settings(slapd, url=f"ldaps://localhost:{closed_port}")
    running = start(server_factory, office, store, settings)
    down = get(running, "/hello.txt", "bob", USERS["bob"])
    assert down.status_code == 503 and int(down.headers["Retry-After"]) >= 1
    assert "directory" in down.text
    assert get(running, "/hello.txt", "ana", "ana-local-pw").status_code == 200
    again = get(running, "/hello.txt", "bob", USERS["bob"])  # within the pause: not asked
    assert again.status_code == 503 and running.client.asked == 1
    running.clock.advance(DOWN_PAUSE + 1)
    assert get(running, "/hello.txt", "bob", USERS["bob"]).status_code == 503
    assert running.client.asked == 2
    assert not running.auth.lockouts()  # a directory that is down is nobody's failed login


def test_logins_are_cached_briefly_and_a_changed_password_ends_within_the_ttl(
        server_factory, office, store, slapd):
    running = start(server_factory, office, store, directory_settings(slapd))
    old, new = USERS["dave"], "dave-new-secret-66"
    assert get(running, "/hello.txt", "dave", old).status_code == 200
    assert get(running, "/hello.txt", "dave", old).status_code == 200
    assert running.client.asked == 1  # the second came from the cache
    assert get(running, "/hello.txt", "dave", "a-wrong-one").status_code == 401
    assert running.client.asked == 2  # another password is never a cache hit
    slapd.modify(f"dn: {slapd.dn('dave')}\nchangetype: modify\nreplace: userPassword\n"
                 f"userPassword: {new}\n")
    try:
        assert get(running, "/hello.txt", "dave", old).status_code == 200  # still cached
        running.clock.advance(CACHE_TTL + 1)
        assert CACHE_TTL + 1 <= 60  # "a disabled directory account is refused within a minute"
        assert get(running, "/hello.txt", "dave", old).status_code == 401
        assert get(running, "/hello.txt", "dave", new).status_code == 200
    finally:
        slapd.modify(f"dn: {slapd.dn('dave')}\nchangetype: modify\nreplace: userPassword\n"
                     f"userPassword: {old}\n")


def test_a_kept_connection_asks_again_once_the_cache_entry_expired(directory_share):
    session = requests.Session()
    session.auth = HTTPBasicAuth("bob", USERS["bob"])
    assert session.get(directory_share.base + "/hello.txt", timeout=20).status_code == 200
    assert session.get(directory_share.base + "/hello.txt", timeout=20).status_code == 200
    directory_share.clock.advance(CACHE_TTL + 1)
    assert session.get(directory_share.base + "/hello.txt", timeout=20).status_code == 200
    assert directory_share.client.asked == 2
    session.close()


def test_a_local_account_of_the_same_name_wins_and_the_clash_is_logged(
        directory_share, store, caplog):
    store.add("bob", "bob-local-pw", can_upload=True)
    caplog.set_level(logging.WARNING, logger="pier.directory")
    assert get(directory_share, "/hello.txt", "bob", USERS["bob"]).status_code == 401
    local = requests.put(directory_share.base + "/local.txt", data=b"x", timeout=20,
                         auth=HTTPBasicAuth("bob", "bob-local-pw"))
    assert local.status_code == 201  # the local account's rights, not staff's read-only
    assert directory_share.client.asked == 0  # no directory password check for a local name
    directory_share.auth.directory.settle()
    assert any("'bob' is both a Pier account and a directory user" in r.getMessage()
               for r in caplog.records)


def test_a_local_account_made_later_takes_the_name_from_a_cached_directory_login(
        directory_share, store):
    assert get(directory_share, "/hello.txt", "bob", USERS["bob"]).status_code == 200
    store.add("bob", "bob-local-pw")
    assert get(directory_share, "/hello.txt", "bob", USERS["bob"]).status_code == 401


def test_digest_is_refused_to_directory_users_with_a_clear_reason(directory_share, store):
    store.add("ana", "ana-local-pw", digest=True)  # Digest is offered while an account has it
    refused = requests.get(directory_share.base + "/hello.txt", timeout=20,
                           auth=HTTPDigestAuth("bob", USERS["bob"]))
    assert refused.status_code == 401 and "Digest" in refused.text
    local = requests.get(directory_share.base + "/hello.txt", timeout=20,
                         auth=HTTPDigestAuth("ana", "ana-local-pw"))
    assert local.status_code == 200
    assert directory_share.client.asked == 0


def test_member_of_finds_the_groups_too(server_factory, office, store, slapd):
    running = start(server_factory, office, store,
                    directory_settings(slapd, group_filter="memberOf"))
    assert get(running, "/team/team.txt", "alice", USERS["alice"]).status_code == 200
    assert get(running, "/other/other.txt", "alice", USERS["alice"]).status_code == 404
    assert get(running, "/other/other.txt", "bob", USERS["bob"]).status_code == 200
