"""Collect mode against floods and look-alikes (the fixes of the attacks on issue 18): new
people per address and per network (a class on one LAN is not kept waiting), invisible
characters in labels, account names that are no file names, folders left on disk by an
earlier run."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from server.clock import ManualClock
from server.collect import (
    COOKIE,
    HAND_IN_GRACE,
    CollectConfig,
    CollectPeople,
    account_folder,
    read_people,
)
from server.collect_limit import (
    NEW_PEOPLE_PER_ADDRESS,
    NEW_PEOPLE_PER_GROUP,
    NEW_PEOPLE_PER_WINDOW,
    WINDOW_SECONDS,
    NewPeopleLimit,
)
from server.config import ServerConfig
from server.engine import ServerEngine
from server.http11 import HttpError
from server.paths import PierPaths
from server.routes_collect import FILES_PATH, NAME_PATH, CollectRoutes
from server.sharing import authenticator_for
from server.users import HashParams, PasswordHasher, UserStore
from tests.collect_http import Browser, multipart
from tests.server.conftest import MemoryBody, call_for, config_of

FAST = HashParams(argon2_memory_kib=64, argon2_iterations=1, scrypt_log2_n=10)
PASSWORD = "meadow-kettle-orbit"
FORM = "Content-Type: application/x-www-form-urlencoded"


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
    clock = ManualClock()
    limit = NewPeopleLimit(clock.monotonic, per_address=2, per_group=3, window=60)
    for _ in range(2):
        with limit.admit("2001:db8:1:2::5"):
            pass
    with pytest.raises(HttpError) as refused, limit.admit("2001:db8:1:2::5"):
        pass
    assert refused.value.status == 429 and b"Retry-After: 60" in refused.value.headers
    with limit.admit("2001:db8:1:2:ffff::9"):  # another address of the same /64: its third
        pass
    with pytest.raises(HttpError), limit.admit("2001:db8:1:2::7"):  # the /64's fourth
        pass
    with limit.admit("2001:db8:1:3::5"), limit.admit("192.0.2.1"):  # another /64, IPv4
        pass
    clock.advance(30)
    with pytest.raises(HttpError), limit.admit("2001:db8:1:2::8"):
        pass
    clock.advance(30)
    with limit.admit("2001:db8:1:2::8"):
        pass


def test_a_name_refused_is_not_counted() -> None:
    limit = NewPeopleLimit(ManualClock().monotonic, per_address=1, per_group=1, window=60)
    with pytest.raises(ValueError), limit.admit("192.0.2.1"):
        raise ValueError("a blank name: no person made")
    with limit.admit("192.0.2.1"):
        pass


def _give_name(routes: CollectRoutes, config: ServerConfig, address: str, name: str) -> int:
    body = f"name={name}".encode()
    call = call_for(config, "POST", NAME_PATH, FORM, f"Content-Length: {len(body)}",
                    body=MemoryBody(body))
    call.client = address
    try:
        return routes.route(call).status
    except HttpError as refused:
        return refused.status


def _limited_routes(share: Path) -> tuple[CollectRoutes, ServerConfig, ManualClock]:
    config = config_of(share, collect=CollectConfig("Homework", None, None))
    clock = ManualClock()
    return CollectRoutes(config, CollectPeople(None), clock), config, clock


def test_a_class_on_one_lan_gets_in_at_once(share: Path) -> None:
    """Every device of a LAN has its own address in one IPv6 /64: 31 students, 31 people."""
    routes, config, _ = _limited_routes(share)
    answers = [_give_name(routes, config, f"2001:db8:5:6::{i + 1:x}", f"Student{i}")
               for i in range(31)]
    assert answers == [303] * 31
    assert len(routes.people.people()) == 31


def test_one_address_is_stopped_at_its_limit_and_one_network_at_its_own(share: Path) -> None:
    routes, config, clock = _limited_routes(share)
    one = [_give_name(routes, config, "2001:db8:5:6::1", f"A{i}")
           for i in range(NEW_PEOPLE_PER_ADDRESS + 1)]
    assert one == [303] * NEW_PEOPLE_PER_ADDRESS + [429]
    assert _give_name(routes, config, "192.0.2.7", "Other") == 303  # others go on
    clock.advance(WINDOW_SECONDS)
    network = [_give_name(routes, config, f"2001:db8:5:6::{i + 1:x}:1", f"N{i}")
               for i in range(NEW_PEOPLE_PER_GROUP + 1)]
    assert network == [303] * NEW_PEOPLE_PER_GROUP + [429]
    assert _give_name(routes, config, "2001:db8:5:7::1", "Next door") == 303
    assert len(routes.people.people()) == NEW_PEOPLE_PER_ADDRESS + 2 + NEW_PEOPLE_PER_GROUP


class _SlowBody(MemoryBody):
    """A body whose bytes after the first piece arrive ``later`` seconds on (the clock moved)."""

    def __init__(self, data: bytes, clock: ManualClock, later: float) -> None:
        super().__init__(data, piece=1024)
        self._clock, self._later = clock, later

    def read(self, n: int = 262144) -> bytes:
        if self.received and self._later:
            self._clock.advance(self._later)
            self._later = 0.0
        return super().read(n)


@pytest.mark.parametrize("late", [60 + HAND_IN_GRACE - 1, 60 + HAND_IN_GRACE])
def test_a_hand_in_begun_in_time_has_a_grace_period_then_is_withdrawn_whole(
        share: Path, late: float) -> None:
    clock = ManualClock()
    config = config_of(share, collect=CollectConfig("Homework", clock.time() + 60, None))
    routes = CollectRoutes(config, CollectPeople(None), clock)
    person = routes.people.new_visitor("Late")
    ctype, body = multipart([("first.txt", b"1" * 5000), ("second.txt", b"2")])
    call = call_for(config, "POST", FILES_PATH, f"Content-Type: {ctype}",
                    f"Content-Length: {len(body)}",
                    f"Cookie: {COOKIE}={routes.people.cookie_value(person.id)}",
                    body=_SlowBody(body, clock, late))  # the deadline passes meanwhile
    folder = share / "Homework" / "Late"
    if late < 60 + HAND_IN_GRACE:  # the deadline is 60 s away
        assert routes.route(call).status == 303
        assert sorted(p.name for p in folder.iterdir()) == ["first.txt", "second.txt"]
    else:
        with pytest.raises(HttpError) as refused:
            routes.route(call)
        assert refused.value.status == 403 and "closed" in refused.value.reason
        assert list(folder.iterdir()) == []
