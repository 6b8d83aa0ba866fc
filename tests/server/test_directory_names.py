"""Names in directory logins, without a directory: the directory's way of comparing names
(fold_name), a Pier account that wins in every form of its name (local_twin), the name a
directory user logs in under (canonical_name), and the user filters that can tell it."""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.clock import ManualClock
from server.directory import canonical_name
from server.directory_config import (
    DirectoryConfigError,
    DirectorySettings,
    GroupMapping,
    name_items,
)
from server.directory_source import DirectorySource, Verdict, fold_name
from server.user_model import User
from server.users import UserStore

BASE = DirectorySettings(url="ldaps://dc.example.org", base_dn="dc=example,dc=org",
                         group_map=(GroupMapping("staff", "read"),))


@pytest.mark.parametrize("form", ["admin", "Admin", "ADMIN", " admin", "admin ", "ａdmin",
                                  "ad\u00admin", "ad\u200bmin", "admin\ufe0f", "ＡＤＭＩＮ",
                                  "\tadmin\u00a0"])
def test_the_forms_a_directory_takes_for_one_name_fold_alike(form):
    assert fold_name(form) == "admin"


def test_other_names_stay_apart():
    assert fold_name("ad min") != fold_name("admin")
    assert fold_name("ad  min") == fold_name("ad min")  # runs of spaces count as one
    assert fold_name("admin2") != fold_name("admin")
    assert fold_name("Straße") == fold_name("STRASSE")  # full case folding


class Answering:
    """A directory client that logs in whatever name it is asked as ``named``."""

    timeout = 5.0

    def __init__(self, named: str) -> None:
        self.named = named
        self.asked: list[str] = []

    def log_in(self, name: str, password: str) -> Verdict:
        self.asked.append(name)
        if password != "directory-pw":
            return Verdict(None, "wrong password")
        return Verdict(User(self.named, directory=True))

    def exists(self, name: str) -> bool:
        return False


def basic(name: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


@pytest.fixture
def store(tmp_path: Path) -> UserStore:
    users = UserStore(tmp_path / "users.toml")
    users.load()
    users.add("admin", "local-pw-1234")
    return users


def authenticator(store: UserStore, client: Answering) -> Authenticator:
    clock = ManualClock()
    return Authenticator(store, "Pier", clock=clock,
                         directory=DirectorySource(client, clock=clock))


def test_a_pier_account_in_any_form_is_not_asked_of_the_directory(store):
    client = Answering("admin")
    auth = authenticator(store, client)
    for form in ("Admin", " admin", "ａdmin", "ad\u00admin"):
        assert auth.check(basic(form, "directory-pw"), "GET", "/", "192.0.2.1").outcome \
            == "challenge"
        assert auth.check(basic(form, "local-pw-1234"), "GET", "/", "192.0.2.2").outcome \
            == "challenge"  # the Pier account's name rules stay: its exact name only
    assert client.asked == []
    assert auth.check(basic("admin", "local-pw-1234"), "GET", "/", "192.0.2.3").user.name \
        == "admin"
    auth.close()


def test_a_directory_entry_named_as_a_pier_account_is_refused_after_the_bind(store):
    # the directory's matching may be wider than fold_name: "adm1n" found an entry "Admin"
    client = Answering("Admin")
    auth = authenticator(store, client)
    assert auth.check(basic("adm1n", "directory-pw"), "GET", "/", "192.0.2.1").outcome \
        == "challenge"
    assert client.asked == ["adm1n"]
    client.named = "adm1n"
    assert auth.check(basic("adm1n", "directory-pw"), "GET", "/", "192.0.2.1").user.name \
        == "adm1n"
    auth.close()


def test_an_account_added_later_is_seen_in_every_form(store):
    source = DirectorySource(Answering("x"))
    assert source.local_twin("BOB", store) is None
    store.add("bob", "bob-local-pw-1")
    assert source.local_twin("BOB", store) == "bob"
    assert source.local_twin("admin", store) == "admin"
    store.remove("admin")
    assert source.local_twin("ADMIN", store) is None


@pytest.mark.parametrize(("user_filter", "attributes", "typed", "name"), [
    ("(uid={name})", {"uid": ["bob"]}, "BOB", "bob"),
    ("(uid={name})", {"UID": ["Bob"]}, "ｂob", "Bob"),  # attribute names without case
    ("(uid={name})", {"uid": ["robert", "bob"]}, "bob ", "bob"),  # the value typed
    ("(uid={name})", {"uid": ["bob"]}, "b\u00f6b", "bob"),  # matched unlike fold_name: the one
    ("(uid={name})", {"uid": ["robert", "bob"]}, "rob", None),  # several, none typed: refused
    ("(uid={name})", {}, "bob", None),  # the bind DN may not read uid: refused
    ("(&(objectClass=person)(sAMAccountName={name}))", {"sAMAccountName": "Bob"}, "BOB", "Bob"),
    ("(|(uid={name})(mail={name}@corp.example))", {"mail": ["Bob@CORP.example"]}, "bob", "Bob"),
])
def test_the_principal_is_named_as_the_entry_names_itself(user_filter, attributes, typed, name):
    assert canonical_name(user_filter, attributes, typed) == name


def test_the_user_filter_must_say_where_the_name_is():
    assert name_items("(&(objectClass=person)(uid={name}))") == [("uid", "", "")]
    assert name_items("(userPrincipalName={name}@corp)") == [("userPrincipalName", "", "@corp")]
    for user_filter in ("(uid=*{name}*)", "(uid~={name})", "(uid:dn:={name})"):
        with pytest.raises(DirectoryConfigError, match="compare an attribute with"):
            replace(BASE, user_filter=user_filter).validated()
