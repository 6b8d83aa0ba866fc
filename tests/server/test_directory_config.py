"""The directory's settings (validation, the 0600 file), the mapping of groups to rights, and
the login source's cache, pause and bound on waiting logins (with a client of the tests' own:
the real directory is tests/server/test_directory_http.py)."""

from __future__ import annotations

import stat
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.directory import rights_for
from server.directory_config import (
    DirectoryConfigError,
    DirectorySettings,
    GroupMapping,
    load_settings,
    parse_group_map,
    remove_settings,
    save_settings,
)
from server.directory_source import DirectoryDown, DirectorySource, Verdict
from server.tls import CertificateStore
from server.user_model import User

BASE = DirectorySettings(url="ldaps://dc.example.org", base_dn="dc=example,dc=org",
                         group_map=(GroupMapping("staff", "read"),))


def test_group_maps_parse_and_bad_ones_say_why():
    assert parse_group_map("staff=read") == GroupMapping("staff", "read")
    assert parse_group_map("Team Leads=MODIFY:/team/") == GroupMapping("Team Leads", "modify",
                                                                        "/team")
    assert parse_group_map("admins=admin:/") == GroupMapping("admins", "admin")
    for bad, words in (("staff", "GROUP="), ("=read", "GROUP="), ("staff=write", "write"),
                       ("staff=read:/a/../b", "'..'")):
        with pytest.raises(DirectoryConfigError, match=words):
            parse_group_map(bad)


@pytest.mark.parametrize(("changes", "words"), [
    ({"url": "ldap://dc.example.org"}, "in the clear"),
    ({"url": "ldaps://dc.example.org", "starttls": True}, "StartTLS is for ldap://"),
    ({"url": "http://dc.example.org"}, "not a directory address"),
    ({"url": "ldaps://"}, "not a directory address"),
    ({"url": "ldaps://dc.example.org:99999"}, "not a directory address"),
    ({"base_dn": " "}, "base DN"),
    ({"bind_dn": "cn=pier,dc=example,dc=org"}, "unauthenticated bind"),
    ({"user_filter": "uid={name}"}, "user filter"),
    ({"user_filter": "(uid=alice)"}, "user filter"),
    ({"group_filter": "(member=x)"}, "group filter"),
    ({"group_map": ()}, "at least one"),
    ({"ca_pem": "not a certificate"}, "CA file"),
    ({"base_dn": "dc=example\n,dc=org"}, "control characters"),
])
def test_unusable_settings_are_refused_with_a_reason(changes, words):
    with pytest.raises(DirectoryConfigError, match=words):
        replace(BASE, **changes).validated()


def test_starttls_and_member_of_and_a_real_ca_are_accepted(tmp_path):
    store = CertificateStore(tmp_path / "tls")
    store.ensure_server_certificate()
    settings = replace(BASE, url="ldap://dc.example.org:3389", starttls=True,
                       group_filter="memberof", ca_pem=(store.ca_pem() or b"").decode()).validated()
    assert settings.uses_member_of and settings.port == 3389 and settings.host == "dc.example.org"
    assert BASE.validated().port == 636


def test_settings_are_saved_private_and_read_back(tmp_path):
    path = tmp_path / "config" / "directory.toml"
    assert load_settings(path) is None  # off
    settings = replace(BASE, bind_dn="cn=pier,dc=example,dc=org", bind_password="s3cret 'x\"",
                       group_map=(GroupMapping("staff", "read"),
                                  GroupMapping("editors", "modify", "/team")))
    save_settings(path, settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert load_settings(path) == settings.validated()
    assert remove_settings(path) and not remove_settings(path)
    assert load_settings(path) is None


def test_a_broken_settings_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "directory.toml"
    path.write_text('url = "ldap://x"\nbase_dn = "dc=x"\ngroup_map = ["staff=read"]\n')
    with pytest.raises(DirectoryConfigError, match=r"directory\.toml.*in the clear"):
        load_settings(path)
    path.write_text("url = [")
    with pytest.raises(DirectoryConfigError, match="Cannot read"):
        load_settings(path)


def test_the_highest_level_wins_with_its_own_folders():
    maps = (GroupMapping("staff", "read"), GroupMapping("editors", "modify", "/team"),
            GroupMapping("web", "modify", "/www"), GroupMapping("ops", "admin"))
    editor = rights_for("ann", ["STAFF", "Editors", "web"], maps)
    assert editor == User("ann", can_read=True, can_upload=True, can_modify=True,
                          folders=("/team", "/www"), directory=True)
    reader = rights_for("bo", ["staff", "unmapped"], maps)
    assert reader is not None and not reader.can_upload and reader.folders == ()
    admin = rights_for("cy", ["ops", "editors"], maps)
    assert admin is not None and admin.admin and admin.can_modify and admin.folders == ()
    assert rights_for("di", ["unmapped"], maps) is None
    assert rights_for("ed", [], maps) is None


class FakeClient:
    """Answers as told; ``gate`` holds logins until the test opens it."""

    timeout = 5.0

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.down = False
        self.gate = threading.Event()
        self.gate.set()
        self.waiting = threading.Semaphore(0)

    def log_in(self, name: str, password: str) -> Verdict:
        self.asked.append(name)
        self.waiting.release()
        self.gate.wait(30)
        if self.down:
            raise DirectoryDown("unreachable")
        if password != "right":
            return Verdict(None, "wrong password")
        return Verdict(User(name, directory=True))

    def exists(self, name: str) -> bool:
        return True


@pytest.fixture
def source():
    clock = ManualClock()
    client = FakeClient()
    made = DirectorySource(client, clock=clock, ttl=30.0, threads=2, max_pending=2,
                           down_pause=10.0)
    made.fake, made.clock = client, clock
    yield made
    client.gate.set()
    made.close()


def test_the_cache_is_keyed_by_the_credentials_and_expires(source):
    assert source.log_in(b"key-right", "ann", "right").outcome == "ok"
    assert source.cached(b"key-right", source.clock.monotonic()).name == "ann"
    assert source.cached(b"key-other", source.clock.monotonic()) is None
    assert source.log_in(b"key-wrong", "ann", "wrong").outcome == "refused"
    assert source.cached(b"key-wrong", source.clock.monotonic()) is None  # never cached
    source.clock.advance(30.0)
    assert source.cached(b"key-right", source.clock.monotonic()) is None


def test_after_a_failure_the_directory_is_left_alone_for_a_pause(source):
    source.fake.down = True
    first = source.log_in(b"k", "ann", "right")
    assert first.outcome == "unavailable" and first.retry_after == 10
    second = source.log_in(b"k", "ann", "right")
    assert second.outcome == "unavailable" and len(source.fake.asked) == 1
    source.clock.advance(10.0)
    source.fake.down = False
    assert source.log_in(b"k", "ann", "right").outcome == "ok"


def test_an_unexpected_error_from_the_client_is_a_refusal_not_a_crash_nor_a_pause(
        source, monkeypatch):
    # Was "unavailable" (a 10 s pause for every login) until attack 20 showed one client's
    # odd password raising in ldap3: only DirectoryDown (the directory unreachable) pauses.
    def broken(name: str, password: str) -> Verdict:
        raise KeyError("dn")

    monkeypatch.setattr(source.fake, "log_in", broken)
    assert source.log_in(b"k", "ann", "right").outcome == "refused"
    monkeypatch.undo()
    assert source.log_in(b"k", "ann", "right").outcome == "ok"  # asked again at once


def test_too_many_waiting_logins_are_answered_at_once(source):
    source.fake.gate.clear()
    answers: list[str] = []
    threads = [threading.Thread(target=lambda: answers.append(
        source.log_in(b"k", "ann", "right").outcome)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for _ in threads:
        assert source.fake.waiting.acquire(timeout=30)  # both are with the directory now
    left = []
    assert source.log_in(b"k", "ann", "right", before_wait=lambda: left.append(1)).outcome \
        == "unavailable"
    assert left == [1]  # it had left the worker pool before it was turned away
    source.fake.gate.set()
    for thread in threads:
        thread.join(30)
    assert answers == ["ok", "ok"]


def test_a_clash_is_asked_once_per_name(source, caplog):
    source.note_local("ann")
    source.note_local("ann")
    source.settle()
    assert [r for r in caplog.records if "both a Pier account" in r.getMessage()]
    assert len([r for r in caplog.records if "both a Pier account" in r.getMessage()]) == 1


def test_a_share_without_local_accounts_may_use_the_directory(tmp_path: Path):
    from server.sharing import authenticator_for
    from server.users import UserStore

    store = UserStore(tmp_path / "users.toml")
    store.load()
    path = tmp_path / "directory.toml"
    assert authenticator_for(tmp_path, store, anonymous_read=False,
                             directory_file=path).directory is None
    save_settings(path, BASE)
    auth = authenticator_for(tmp_path, store, anonymous_read=False, directory_file=path)
    assert auth.directory is not None and auth.directory.client.settings == BASE.validated()
    auth.close()
