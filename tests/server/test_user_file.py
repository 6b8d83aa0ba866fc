"""server/user_file.py: the TOML format of the accounts file and the lock between processes.
The store's behaviour on top of it (damaged files left alone, two stores on one file) is tested
in test_users.py."""

from __future__ import annotations

import threading
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from server.errors import UserStoreError
from server.user_file import Account, dump_store, file_lock, parse_store, trim_ha1
from server.user_model import User

SHA = "a" * 64
# What parse_store may raise, and UserStore reports as a damaged file.
REFUSED = (KeyError, TypeError, ValueError, UserStoreError)
MD5 = "b" * 32


def _round_trip(accounts: dict[str, Account], realms: tuple[str, ...]) -> tuple[Any, Any]:
    text = tomli_w.dumps(dump_store(accounts, realms))
    return parse_store(tomllib.loads(text))


def test_accounts_and_realms_survive_a_round_trip() -> None:
    full = User("José", can_read=False, can_upload=True, can_modify=True, folders=("/a", "/b/c"),
                enabled=False,
                created=1.5, last_login=2.5, expires=3.5, digest=True, digest_md5=True,
                admin=True)
    plain = User("bob", created=7.0)
    accounts = {
        "José": Account(full, "$argon2id$x", {"R1": {"SHA-256": SHA, "MD5": MD5}}),
        "bob": Account(plain, "$scrypt$y"),
    }
    assert _round_trip(accounts, ("R1", "R2")) == (accounts, ("R1", "R2"))


def test_absent_times_are_not_written_and_read_back_as_none() -> None:
    document = dump_store({"bob": Account(User("bob"), "$h")}, ())
    record = document["users"]["bob"]
    assert "last_login" not in record and "expires" not in record and "ha1" not in record
    accounts, _ = parse_store(document)
    assert accounts["bob"].user.last_login is None and accounts["bob"].user.expires is None


def test_a_file_from_before_the_modify_right_loads_with_it_off() -> None:
    """users.toml files written before issue 17 have no can_modify: nobody gains the right."""
    accounts, _ = parse_store({"format": 1, "users": {
        "old": {"password": "$h", "can_read": True, "can_upload": True, "folders": []}}})
    assert accounts["old"].user.can_upload and not accounts["old"].user.can_modify
    assert dump_store(accounts, ())["users"]["old"]["can_modify"] is False


@pytest.mark.parametrize("record", [
    {"password": "$h", "can_modify": "yes"},  # not a bool
    {"password": "$h", "digest": True, "ha1": {"R": {"SHA-1": SHA}}},  # unknown algorithm
    {"password": "$h", "digest": True, "ha1": {"R": {"SHA-256": "not hex"}}},
    {"password": "$h", "digest": True, "ha1": {"R": "flat"}},
    {"password": "$h", "created": True},  # a bool is not a time
    {"password": "$h", "folders": ["/../x"]},
    {"password": "plain text"},  # not a hash
    {"can_read": True},  # no password
])
def test_a_bad_record_is_refused(record: dict[str, Any]) -> None:
    with pytest.raises(REFUSED):
        parse_store({"format": 1, "users": {"alice": record}})


def test_a_name_not_in_normal_form_or_an_unknown_format_is_refused() -> None:
    decomposed = "Jose\u0301"
    with pytest.raises(REFUSED):
        parse_store({"users": {decomposed: {"password": "$h"}}})
    with pytest.raises(REFUSED):
        parse_store({"format": 2, "users": {}})


def test_stored_ha1_values_are_trimmed_to_what_the_account_allows() -> None:
    both = {"R": {"SHA-256": SHA, "MD5": MD5}}
    assert trim_ha1(both, User("a")) == {}
    assert trim_ha1(both, User("a", digest=True)) == {"R": {"SHA-256": SHA}}
    assert trim_ha1(both, User("a", digest=True, digest_md5=True)) == both
    accounts, _ = parse_store({"users": {"a": {"password": "$h", "digest": True, "ha1": both}}})
    assert accounts["a"].ha1 == {"R": {"SHA-256": SHA}}


@pytest.mark.fast_path_only(
    "forced fallbacks on Linux have neither fcntl.flock nor Windows' msvcrt.locking: nothing "
    "locks the file between processes")
def test_the_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "users.toml"
    order: list[str] = []
    held = threading.Event()

    def other() -> None:
        held.wait(10)
        with file_lock(path):  # a second open file description: waits like another process
            order.append("other")

    thread = threading.Thread(target=other)
    thread.start()
    with file_lock(path):
        held.set()
        time.sleep(0.2)
        order.append("first")
    thread.join(10)
    assert order == ["first", "other"]
    assert (tmp_path / "sub" / "users.toml.lock").exists()
