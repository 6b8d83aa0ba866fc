"""app/hostnames.py: reverse DNS that never blocks the caller, gives up after a timeout on a
clock the test moves, and is fed by background threads (resolvers here are plain functions)."""

from __future__ import annotations

import threading

from app import hostnames
from app.hostnames import LOOKING_UP, HostNames
from server.clock import ManualClock


def test_a_slow_lookup_is_given_up_after_the_timeout_without_blocking() -> None:
    clock = ManualClock()
    release = threading.Event()
    asked: list[str] = []

    def slow_resolver(address: str) -> str:
        asked.append(address)
        release.wait(10)
        return "late.example"

    names = HostNames(slow_resolver, timeout=3.0, clock=clock)
    try:
        assert names.name("192.0.2.1") == LOOKING_UP  # returns at once
        clock.advance(2.9)
        assert names.name("192.0.2.1") == LOOKING_UP
        clock.advance(0.1)
        assert names.name("192.0.2.1") == ""  # given up on
    finally:
        release.set()
        names.stop()  # the threads end after the lookup in hand
    assert names.name("192.0.2.1") == "late.example"  # a late answer still counts
    assert asked == ["192.0.2.1"]


def test_each_address_is_looked_up_once_and_no_name_is_empty() -> None:
    asked: list[str] = []

    def resolver(address: str) -> str:
        asked.append(address)
        return "printer.lan" if address == "192.0.2.7" else ""

    names = HostNames(resolver, clock=ManualClock())
    for address in ("192.0.2.7", "192.0.2.8", "192.0.2.7"):
        names.name(address)
    names.stop()
    assert (names.name("192.0.2.7"), names.name("192.0.2.8")) == ("printer.lan", "")
    assert sorted(asked) == ["192.0.2.7", "192.0.2.8"]


def test_the_cache_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(hostnames, "MAX_CACHED", 3)
    names = HostNames(lambda address: f"host-{address}", clock=ManualClock())
    for i in range(4):
        names.name(f"192.0.2.{i}")
    names.stop()
    assert len(names._asked) <= 3
    assert names.name("192.0.2.3") == "host-192.0.2.3"  # the newest survives the clearing



def test_stop_without_any_lookup_starts_no_thread() -> None:
    before = set(threading.enumerate())
    names = HostNames(clock=ManualClock())
    names.stop()
    assert set(threading.enumerate()) == before
