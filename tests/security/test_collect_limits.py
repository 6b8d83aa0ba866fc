"""Collect mode against floods and look-alikes (the fixes of the attack on issue 18): new
people per client group, invisible characters in labels, account names that are no file names,
folders left on disk by an earlier run."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.collect import CollectConfig, CollectPeople, account_folder, read_people
from server.collect_limit import NEW_PEOPLE_PER_WINDOW, WINDOW_SECONDS
from server.config import ServerConfig
from server.engine import ServerEngine
from server.http11 import HttpError
from server.paths import PierPaths
from server.sharing import authenticator_for
from server.users import HashParams, PasswordHasher, UserStore
from tests.collect_http import Browser

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
PASSWORD = "meadow-kettle-orbit"


def test_one_client_may_make_only_so_many_new_people(share: Path, pier_paths: PierPaths) -> None:
    store = UserStore(pier_paths.users_file, hasher=PasswordHasher(FAST))
    store.add("ann", PASSWORD)
    clock = ManualClock()
    engine = ServerEngine(clock=clock)
    engine.start(ServerConfig(root=share, port=0,
                              auth=authenticator_for(share, store, anonymous_read=True),
                              collect=CollectConfig("Homework", None, pier_paths.collect_file)))
    try:
        made = [Browser(engine.port) for _ in range(NEW_PEOPLE_PER_WINDOW)]
        assert [b.give_name(f"Student {i}") for i, b in enumerate(made)] == \
            [303] * NEW_PEOPLE_PER_WINDOW
        flood = Browser(engine.port)
        status, headers, body = flood.request(
            "POST", "/.well-known/pier/collect/name", b"name=One+more",
            {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 429, body
        assert 0 < int(headers["retry-after"]) <= WINDOW_SECONDS
        assert b"Too many new names" in body
        assert flood.cookie == ""
        assert len(read_people(pier_paths.collect_file)) == NEW_PEOPLE_PER_WINDOW
        # people already made go on: a new label, a hand-in; an account is not limited
        assert made[0].give_name("Student zero") == 303
        assert made[0].hand_in([("a.txt", b"a")])[0] == 303
        login = base64.b64encode(f"ann:{PASSWORD}".encode()).decode()
        assert Browser(engine.port, "Basic " + login).hand_in([("b.txt", b"b")])[0] == 303
        clock.advance(WINDOW_SECONDS)
        assert flood.give_name("One more") == 303
        assert flood.state()["person"]["label"] == "One more"
    finally:
        engine.stop()


@pytest.mark.parametrize("typed", ["Ana\u200b", "\u202eAna", "A\u2066na\u2069", "\ufeffAna"])
def test_invisible_characters_leave_a_label(typed: str, share: Path, pier_paths: PierPaths,
                                            server_factory) -> None:
    running = server_factory(share, collect=CollectConfig("Homework", None,
                                                          pier_paths.collect_file))
    ana, other = Browser(running.port), Browser(running.port)
    assert ana.give_name("Ana") == 303
    assert other.give_name(typed) == 303
    assert other.state()["person"] == {"label": "Ana", "folder": "Ana (2)"}
    only_invisible = Browser(running.port)
    assert only_invisible.give_name("\u200b\u200d") == 400


def test_account_folders_are_file_names_kept_per_account(tmp_path: Path) -> None:
    assert [account_folder(n) for n in ["con", "Jo?", ".ana", "..", "COM1.txt", "a/b"]] == \
        ["con_", "Jo_", "ana", "account", "COM1_.txt", "a_b"]
    assert len(account_folder("x" * 300)) <= 100
    state = tmp_path / "collect.json"
    people = CollectPeople(state)
    dots, dots2 = people.account("..", lambda: {"account"}), people.account("...")
    assert (dots.label, dots.folder) == ("..", "account (2)")
    assert dots2.folder == "account"  # nothing on disk this time: the first free name
    again = CollectPeople(state)
    assert again.account("..", lambda: {"account", "account (2)"}).folder == "account (2)"
    assert json.loads(state.read_bytes())["people"]["account:.."]["folder"] == "account (2)"


def test_a_new_person_skips_folders_on_disk_whatever_their_case(share: Path,
                                                                pier_paths: PierPaths,
                                                                server_factory) -> None:
    (share / "Homework" / "ana").mkdir(parents=True)
    (share / "Homework" / "ANA (2)").write_bytes(b"a file, not a folder")
    (share / "Homework" / "ana" / "essay.txt").write_bytes(b"left by an earlier run")
    running = server_factory(share, collect=CollectConfig("Homework", None,
                                                          pier_paths.collect_file))
    stranger = Browser(running.port)
    assert stranger.give_name("Ana") == 303
    assert stranger.state()["person"]["folder"] == "Ana (3)"
    assert stranger.state()["files"] == []


def test_the_new_people_limit_refuses_with_an_http_error() -> None:
    from server.collect_limit import NewPeopleLimit

    clock = ManualClock()
    limit = NewPeopleLimit(clock.monotonic, limit=2, window=60)
    for _ in range(2):
        limit.check("2001:db8:1:2::5")
        limit.count("2001:db8:1:2::5")
    with pytest.raises(HttpError) as refused:
        limit.check("2001:db8:1:2:ffff::9")  # the same /64
    assert refused.value.status == 429 and b"Retry-After: 60" in refused.value.headers
    limit.check("2001:db8:1:3::5")  # another /64
    limit.check("192.0.2.1")
    clock.advance(30)
    with pytest.raises(HttpError):
        limit.check("2001:db8:1:2::5")
    clock.advance(30)
    limit.check("2001:db8:1:2::5")
