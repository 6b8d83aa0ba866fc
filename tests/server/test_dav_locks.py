"""server/dav_locks.py: lock conflicts, depth, who may use a token, timeouts on a ManualClock,
bounds."""

from __future__ import annotations

import threading

import pytest

from server.clock import ManualClock
from server.dav_locks import (
    LockConflict,
    LockManager,
    LockNotFound,
    NotLockOwner,
    RefreshFailed,
    TooManyLocks,
    normalise,
    principal_of,
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def locks(clock: ManualClock) -> LockManager:
    return LockManager(clock, max_timeout=3600)


def exclusive(locks: LockManager, path: str, who: str = "jane", *, infinite: bool = False,
              timeout_s: float | None = None):
    return locks.lock(path, who, exclusive=True, infinite=infinite, timeout_s=timeout_s)


def shared(locks: LockManager, path: str, who: str = "jane", *, infinite: bool = False):
    return locks.lock(path, who, exclusive=False, infinite=infinite)


def test_tokens_are_unique_urn_uuids(locks):
    first, second = shared(locks, "/a"), shared(locks, "/a")
    assert first.token.startswith("urn:uuid:") and len(first.token) == 45
    assert first.token != second.token


def test_an_exclusive_lock_conflicts_with_any_other_lock_even_its_owners(locks):
    held = exclusive(locks, "/a.txt")
    for attempt in (lambda: exclusive(locks, "/a.txt", "bob"),
                    lambda: shared(locks, "/a.txt", "bob"),
                    lambda: exclusive(locks, "/a.txt")):
        with pytest.raises(LockConflict) as caught:
            attempt()
        assert caught.value.locks == (held,)
        assert (caught.value.status, caught.value.condition) == (423, "no-conflicting-lock")


def test_shared_locks_stack_but_keep_exclusive_ones_out(locks):
    first, second = shared(locks, "/a.txt"), shared(locks, "/a.txt", "bob")
    assert set(locks.locks_on("/a.txt")) == {first, second}
    with pytest.raises(LockConflict) as caught:
        exclusive(locks, "/a.txt", "carl")
    assert set(caught.value.locks) == {first, second}


def test_depth_infinity_on_a_folder_covers_everything_below(locks):
    folder = exclusive(locks, "/docs/", infinite=True)
    assert locks.locks_on("/docs/sub/deep.txt") == (folder,)
    assert locks.locks_on("/docs") == (folder,)
    assert locks.locks_on("/docs-other/x") == ()
    assert locks.locks_on("/") == ()
    with pytest.raises(LockConflict):
        exclusive(locks, "/docs/sub/deep.txt", "bob")


def test_depth_zero_on_a_folder_covers_the_folder_only(locks):
    folder = exclusive(locks, "/docs", infinite=False)
    assert locks.locks_on("/docs/") == (folder,)
    assert locks.locks_on("/docs/a.txt") == ()
    member = exclusive(locks, "/docs/a.txt", "bob")
    assert locks.locks_on("/docs/a.txt") == (member,)


def test_a_deep_lock_is_refused_over_a_locked_member(locks):
    member = exclusive(locks, "/docs/sub/a.txt", "bob")
    with pytest.raises(LockConflict) as caught:
        exclusive(locks, "/docs", infinite=True)
    assert caught.value.locks == (member,)
    exclusive(locks, "/docs", infinite=False)  # depth 0 does not reach the member


def test_a_lock_on_the_root_with_depth_infinity_covers_the_share(locks):
    root = shared(locks, "/", infinite=True)
    assert locks.locks_on("/a/b/c") == (root,)
    with pytest.raises(LockConflict):
        exclusive(locks, "/a", "bob")


# -- who may write --

def test_a_write_is_blocked_until_the_owner_submits_the_token(locks):
    held = exclusive(locks, "/a.txt")
    assert locks.blocking("/a.txt", "jane", set()) == (held,)
    assert locks.blocking("/a.txt", "jane", {held.token}) == ()
    assert locks.blocking("/a.txt", "jane", {"urn:uuid:other"}) == (held,)
    assert locks.blocking("/b.txt", "jane", set()) == ()


def test_another_principal_submitting_a_stolen_token_is_still_blocked(locks):
    held = exclusive(locks, "/a.txt", principal_of("jane", "10.0.0.5"))
    assert locks.blocking("/a.txt", principal_of("bob", "10.0.0.5"), {held.token}) == (held,)
    assert locks.blocking("/a.txt", principal_of(None, "10.0.0.5"), {held.token}) == (held,)


def test_anonymous_principals_are_told_apart_by_address_and_never_match_an_account():
    assert principal_of(None, "10.0.0.5") != principal_of(None, "10.0.0.6")
    assert principal_of("jane", "10.0.0.5") == "jane"
    assert ":" in principal_of(None, "10.0.0.5")  # an account name cannot hold ':'


def test_shared_locks_each_need_their_token(locks):
    first, second = shared(locks, "/a.txt"), shared(locks, "/a.txt", "bob")
    assert locks.blocking("/a.txt", "jane", {first.token}) == (second,)


def test_a_deep_write_sees_locks_below(locks):
    member = exclusive(locks, "/docs/sub/a.txt", "bob")
    assert locks.blocking("/docs", "jane", set()) == ()
    assert locks.blocking("/docs", "jane", set(), deep=True) == (member,)
    assert locks.blocking("/docs-2", "jane", set(), deep=True) == ()
    assert locks.blocking("/", "jane", set(), deep=True) == (member,)


def test_a_new_member_of_a_folder_locked_at_depth_zero_is_blocked_through_the_folder(locks):
    folder = exclusive(locks, "/docs")
    # The route asks for the new member and for its folder (its list of members changes).
    assert locks.blocking("/docs/new.txt", "bob", set()) == ()
    assert locks.blocking("/docs", "bob", set()) == (folder,)


# -- refresh and unlock --

def test_refresh_restarts_the_timeout(locks, clock):
    held = exclusive(locks, "/a.txt", timeout_s=600)
    clock.advance(500)
    fresh = locks.refresh("/a.txt", {held.token}, "jane", 600)
    assert fresh.token == held.token and fresh.expires == clock.monotonic() + 600
    clock.advance(500)
    assert locks.locks_on("/a.txt") == (fresh,)


def test_refresh_through_a_covered_member_of_a_deep_lock(locks):
    held = exclusive(locks, "/docs", infinite=True)
    assert locks.refresh("/docs/a.txt", [held.token], "jane").token == held.token


def test_refresh_with_a_wrong_token_or_principal(locks):
    held = exclusive(locks, "/a.txt")
    with pytest.raises(RefreshFailed) as caught:
        locks.refresh("/b.txt", {held.token}, "jane")
    assert caught.value.status == 412
    with pytest.raises(RefreshFailed):
        locks.refresh("/a.txt", {"urn:uuid:nope"}, "jane")
    with pytest.raises(RefreshFailed):
        locks.refresh("/a.txt", set(), "jane")
    with pytest.raises(NotLockOwner) as refused:
        locks.refresh("/a.txt", {held.token}, "bob")
    assert refused.value.status == 403


def test_refresh_picks_the_callers_lock_among_the_tokens_sent(locks):
    theirs = shared(locks, "/a.txt", "bob")
    mine = shared(locks, "/a.txt")
    assert locks.refresh("/a.txt", [theirs.token, "urn:uuid:x", mine.token], "jane") \
        .token == mine.token


def test_unlock_by_token_by_its_owner_only(locks):
    held = exclusive(locks, "/a.txt")
    with pytest.raises(NotLockOwner):
        locks.unlock("/a.txt", held.token, "bob")
    with pytest.raises(LockNotFound) as caught:
        locks.unlock("/b.txt", held.token, "jane")
    assert (caught.value.status, caught.value.condition) == (409,
                                                             "lock-token-matches-request-uri")
    locks.unlock("/a.txt/", held.token, "jane")
    assert locks.locks_on("/a.txt") == ()
    with pytest.raises(LockNotFound):
        locks.unlock("/a.txt", held.token, "jane")
    exclusive(locks, "/a.txt", "bob")  # free again


def test_dropping_locks_after_a_delete_or_move(locks):
    exclusive(locks, "/docs/a.txt")
    exclusive(locks, "/docs", infinite=False)
    kept = exclusive(locks, "/docs-2/a.txt")
    locks.drop_locks_at_or_below("/docs/")
    assert len(locks) == 1
    assert locks.locks_on("/docs-2/a.txt") == (kept,)


# -- timeouts --

def test_a_lock_expires_after_its_timeout(locks, clock):
    held = exclusive(locks, "/a.txt", timeout_s=600)
    clock.advance(599)
    assert locks.locks_on("/a.txt") == (held,)
    clock.advance(1)
    assert locks.locks_on("/a.txt") == ()
    assert locks.blocking("/a.txt", "bob", set()) == ()
    assert len(locks) == 0
    exclusive(locks, "/a.txt", "bob")


@pytest.mark.parametrize(("asked", "given"), [(None, 3600), (0, 3600), (-5, 3600),
                                              (10**12, 3600), (60, 60), (0.5, 0.5)])
def test_timeouts_are_capped(locks, asked, given):
    assert exclusive(locks, f"/{asked}", timeout_s=asked).timeout_s == given


def test_expired_locks_are_swept_and_free_their_principals_quota(clock):
    locks = LockManager(clock, max_per_principal=2)
    exclusive(locks, "/a", timeout_s=10)
    exclusive(locks, "/b", timeout_s=20)
    with pytest.raises(TooManyLocks):
        exclusive(locks, "/c")
    clock.advance(10)
    exclusive(locks, "/c", timeout_s=100)  # /a expired
    clock.advance(10)
    assert locks.locks_on("/b") == ()
    assert len(locks) == 1


# -- bounds and threads --

def test_the_total_and_per_principal_bounds(clock):
    locks = LockManager(clock, max_total=3, max_per_principal=2)
    exclusive(locks, "/a")
    exclusive(locks, "/b")
    with pytest.raises(TooManyLocks) as caught:
        exclusive(locks, "/c")
    assert caught.value.status == 503
    exclusive(locks, "/c", "bob")
    with pytest.raises(TooManyLocks):
        exclusive(locks, "/d", "carl")


def test_paths_are_normalised():
    assert [normalise(p) for p in ("/", "", "/a/", "/a//", "a/b")] == ["/", "/", "/a", "/a",
                                                                      "/a/b"]


def test_paths_are_folded_as_writes_store_names():
    """Every spelling a write stores under one name meets that name's locks."""
    assert normalise("/w//./report.txt.") == "/w/report.txt"
    assert normalise("/w./report.txt. . ") == "/w/report.txt"
    assert normalise("/cafe\u0301/x") == normalise("/caf\u00e9/x") == "/caf\u00e9/x"


def test_a_lock_holds_every_spelling_of_its_name(locks):
    held = exclusive(locks, "/w/report.txt")
    for spelling in ("/w//report.txt", "/w/report.txt.", "/w/report.txt ", "/w/./report.txt"):
        assert locks.blocking(spelling, "bob", ()) == (held,)


def test_visitors_are_counted_by_address_group(clock):
    """One device may use any address of its IPv6 /64: the /64 is one count, as for logins."""
    locks = LockManager(clock, max_per_principal=50, max_per_anonymous_group=2)
    exclusive(locks, "/a", principal_of(None, "2001:db8:1:2::1"))
    exclusive(locks, "/b", principal_of(None, "2001:db8:1:2::2"))
    with pytest.raises(TooManyLocks):
        exclusive(locks, "/c", principal_of(None, "2001:db8:1:2::3"))
    exclusive(locks, "/c", principal_of(None, "2001:db8:1:3::1"))  # another /64
    exclusive(locks, "/d", principal_of(None, "192.0.2.1"))
    exclusive(locks, "/e", principal_of(None, "192.0.2.1"))
    with pytest.raises(TooManyLocks):
        exclusive(locks, "/f", principal_of(None, "192.0.2.1"))
    exclusive(locks, "/f", principal_of(None, "192.0.2.2"))


def test_visitors_leave_room_for_accounts(clock):
    locks = LockManager(clock, max_total=8, max_per_principal=8, anonymous_share=0.5)
    for n in range(4):
        exclusive(locks, f"/v{n}", principal_of(None, f"192.0.2.{n}"))
    with pytest.raises(TooManyLocks) as caught:
        exclusive(locks, "/v9", principal_of(None, "192.0.2.9"))
    assert caught.value.status == 503
    for n in range(4):
        exclusive(locks, f"/a{n}", "jane")
    locks.unlock("/v0", locks.locks_on("/v0")[0].token, principal_of(None, "192.0.2.0"))
    exclusive(locks, "/v9", principal_of(None, "192.0.2.9"))  # a freed visitor's slot


def test_concurrent_exclusive_locks_on_one_path_give_exactly_one_winner(locks):
    won: list[str] = []
    lost: list[str] = []
    start = threading.Barrier(8)

    def attempt(who: str) -> None:
        start.wait()
        try:
            exclusive(locks, "/contested.txt", who)
            won.append(who)
        except LockConflict:
            lost.append(who)

    threads = [threading.Thread(target=attempt, args=(f"user{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1 and len(lost) == 7
