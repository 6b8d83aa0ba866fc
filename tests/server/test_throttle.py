"""The login throttle keyed by address group (security review, finding 2): every address of an
IPv6 /64 counts as one, and a full table never forgets a live lock."""

from __future__ import annotations

import pytest

from server import throttle
from server.throttle import FAIL_THRESHOLD, FAIL_WINDOW, MAX_TRACKED, LoginThrottle, pair_key

NOW = 1000.0
GROUP = "2001:db8:1:2::/64"


def guesses(t: LoginThrottle, addresses: list[str], name: str | None, now: float = NOW) -> list[
        float]:
    """One failed login from each address in turn, each first asking whether it may try:
    the waits it was told (0 = it could try)."""
    waits = []
    for address in addresses:
        wait = t.retry_after(address, name, now)
        waits.append(wait)
        if not wait:
            t.failure(address, name, now)
    return waits


def test_every_address_of_a_64_shares_one_count() -> None:
    t = LoginThrottle()
    attackers = [f"2001:db8:1:2::{i:x}" for i in range(2, 40)]
    waits = guesses(t, attackers, "alice")
    assert waits[:FAIL_THRESHOLD] == [0.0] * FAIL_THRESHOLD
    assert all(wait >= 1 for wait in waits[FAIL_THRESHOLD:])  # fresh interface IDs do not help
    assert t.retry_after("2001:db8:1:2:dead:beef:0:1", "alice", NOW) >= 1
    assert t.retry_after("2001:db8:1:3::2", "alice", NOW) == 0  # the next /64
    assert t.retry_after("192.0.2.1", "alice", NOW) == 0
    assert set(t.entries) == {GROUP, pair_key("alice", GROUP)}


def test_ipv4_addresses_stay_separate() -> None:
    t = LoginThrottle()
    guesses(t, ["192.0.2.1"] * FAIL_THRESHOLD, "alice")
    assert t.retry_after("192.0.2.1", None, NOW) >= 1
    assert t.retry_after("192.0.2.2", "alice", NOW) == 0


def test_lockouts_show_and_release_the_group() -> None:
    t = LoginThrottle()
    guesses(t, [f"2001:db8:1:2::{i}" for i in range(1, 6)], "alice")
    locks = t.lockouts(NOW, 0.0)
    assert [(lock.key, lock.kind, lock.subject, lock.address) for lock in locks] == [
        (GROUP, "ip", GROUP, GROUP), (f"user:alice@{GROUP}", "user", "alice", GROUP)]
    t.release(GROUP)  # the group with the account locked at it
    assert t.lockouts(NOW, 0.0) == [] and t.retry_after("2001:db8:1:2::9", "alice", NOW) == 0


def test_release_takes_a_full_address_for_its_group() -> None:
    t = LoginThrottle()
    guesses(t, ["2001:db8:1:2::1"] * FAIL_THRESHOLD, "alice")
    t.release("user:alice@2001:db8:1:2::77")
    assert [lock.key for lock in t.lockouts(NOW, 0.0)] == [GROUP]
    t.release("2001:db8:1:2::1")
    assert t.lockouts(NOW, 0.0) == []


def test_a_success_clears_the_pair_of_the_whole_group() -> None:
    t = LoginThrottle()
    guesses(t, ["2001:db8:1:2::1"] * 3, "alice")
    t.success("2001:db8:1:2::2", "alice")
    assert set(t.entries) == {GROUP}


def test_lapsed_counts_are_forgotten_as_new_ones_come() -> None:
    t = LoginThrottle()
    guesses(t, ["192.0.2.1"], None)
    guesses(t, ["192.0.2.2"], None, now=NOW + FAIL_WINDOW + 1)
    assert list(t.entries) == ["192.0.2.2"]


@pytest.fixture
def small_table(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(throttle, "MAX_TRACKED", 50)
    return 50


def locked(t: LoginThrottle, address: str, now: float = NOW) -> None:
    for _ in range(FAIL_THRESHOLD + 5):  # 2**5 s: still locked a few seconds later
        t.failure(address, None, now)


def test_a_full_table_forgets_counts_that_hold_no_lock_never_a_lock(small_table: int) -> None:
    t = LoginThrottle()
    locked(t, "198.51.100.1")
    for i in range(small_table * 3):  # a stream of fresh addresses, one guess each
        t.failure(f"10.0.{i // 256}.{i % 256}", None, NOW + 1)
    assert len(t.entries) <= small_table
    assert t.retry_after("198.51.100.1", None, NOW + 2) >= 1
    assert "10.0.0.149" in t.entries and "10.0.0.0" not in t.entries  # the oldest went


def test_a_table_full_of_live_locks_throttles_newcomers_instead(small_table: int) -> None:
    t = LoginThrottle()
    for i in range(small_table):
        locked(t, f"198.51.100.{i}")
    assert len(t.entries) == small_table
    assert t.retry_after("203.0.113.1", "alice", NOW) == 0  # nobody refused yet
    t.failure("203.0.113.1", "alice", NOW)  # no room: not stored, and newcomers must wait
    assert len(t.entries) == small_table
    assert t.retry_after("203.0.113.1", "alice", NOW) == throttle.REFUSE_FOR
    assert t.retry_after("203.0.113.2", None, NOW + 0.5) == pytest.approx(0.5)
    assert all(t.retry_after(f"198.51.100.{i}", None, NOW) >= 1 for i in range(small_table))
    # once the locks run out, their room is taken again
    later = NOW + 2**5 + 1
    assert t.retry_after("203.0.113.1", None, later) == 0
    t.failure("203.0.113.1", None, later)
    assert "203.0.113.1" in t.entries and len(t.entries) == small_table


def test_default_table_size_is_bounded() -> None:
    assert MAX_TRACKED == 10_000 and throttle.PRUNE_STEPS <= 64
