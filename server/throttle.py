"""The throttling of failed logins, per source address and per (account, address) pair.

"Address" means the client's address group (server.admission.client_group): an IPv4 address
itself, or the /64 an IPv6 address lies in, since a host can use any address of its /64. Keys,
lockouts() and release() all speak of groups; the log keeps the full address.

Every failed login from an address counts against that address, and, when it named an
account, against that account at that address. Either count past FAIL_THRESHOLD within
FAIL_WINDOW locks it for 1 s, 2 s, 4 s ... (at most MAX_BACKOFF) per further failure.

There is deliberately no account-wide lock: wrong passwords for ``alice`` sent from other
addresses never stop ``alice`` at her own address. A lock shared by every address is renewed by
each new guess, so a steady stream of them from anywhere would keep the owner out for as long as
it lasts. A guesser spread over many addresses is held back per address instead (and by the
cost of each password hash).

A successful login clears its (account, address) count only: an address that knows one
password cannot wipe out its guesses at the others.

At most MAX_TRACKED counts are kept, in the order of their last failure. A new count makes room
by forgetting the oldest count that holds no lock (a lapsed one, or one still under the
threshold), looking at no more than PRUNE_STEPS of them; a lock is never forgotten before it
runs out. When none of those could go, the table is full of live locks: a group it does not
know is then throttled for REFUSE_FOR seconds instead, so memory stays bounded and a flood of
fresh addresses can neither release a lock nor guess uncounted.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from server.admission import client_group

__all__ = ["FAIL_THRESHOLD", "FAIL_WINDOW", "MAX_BACKOFF", "Lockout", "LoginThrottle"]

FAIL_THRESHOLD = 5  # failures within FAIL_WINDOW before back-off starts (address and pair)
FAIL_WINDOW = 600.0
MAX_BACKOFF = 900.0
MAX_TRACKED = 10_000  # counts kept at most (addresses and pairs together)
PRUNE_STEPS = 32  # oldest counts looked at to make room for a new one
REFUSE_FOR = 1.0  # seconds an unknown group waits while the table is full of live locks
USER_PREFIX = "user:"  # pair keys are "user:NAME@ADDRESS"; an address never holds "@"


@dataclass(frozen=True, slots=True)
class Lockout:
    # "203.0.113.5", "2001:db8:1:2::/64" or "user:alice@203.0.113.5": what release() takes
    key: str
    kind: Literal["ip", "user"]  # an address group, or an account at one
    subject: str  # the address group (an IPv4 address or an IPv6 /64) or the user name
    failures: int
    retry_after: int  # seconds left
    until: float  # epoch, for display
    address: str = ""  # the address group the lock holds at (for "ip", the subject itself)


def pair_key(name: str, address: str) -> str:
    return f"{USER_PREFIX}{name}@{address}"


@dataclass(slots=True)
class _Failures:
    count: int
    last: float  # monotonic
    locked_until: float = 0.0


class LoginThrottle:
    """Failed-login counts by key: an address group, or ``pair_key(name, group)``; methods
    take a client's address and find its group. Thread-safe: ``entries`` is read without the
    lock (single dict lookups) and changed under it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.entries: OrderedDict[str, _Failures] = OrderedDict()  # oldest failure first
        self._refuse_until = 0.0  # monotonic; while later, unknown groups are throttled

    def retry_after(self, address: str, name: str | None, now: float) -> float:
        """Seconds ``address`` must wait before trying (``name``, when given); 0 = go ahead."""
        entries = self.entries
        if not entries:
            return 0.0
        group = client_group(address)
        entry = entries.get(group)
        wait = self._left(entry, now)
        if name is not None:
            wait = max(wait, self._left(entries.get(pair_key(name, group)), now))
        if entry is None and not wait and now < self._refuse_until:
            return self._refuse_until - now  # full of live locks: no uncounted guesses
        return wait

    def failure(self, address: str, name: str | None, now: float) -> None:
        group = client_group(address)
        with self._lock:
            self._count(group, now)
            if name:
                self._count(pair_key(name, group), now)

    def success(self, address: str, name: str) -> None:
        """``name`` logged in from ``address``: forget that pair's failures (not the address')."""
        key = pair_key(name, client_group(address))
        if key in self.entries:
            with self._lock:
                self.entries.pop(key, None)

    def release(self, key: str) -> None:
        """Forget the failures under ``key`` as lockouts() gives it. An address group also
        releases the accounts locked at it; the older "user:NAME" form releases NAME at every
        address. A full IPv6 address in ``key`` stands for its /64."""
        with self._lock:
            if not key.startswith(USER_PREFIX):
                key = client_group(key)
                doomed = [key] + [k for k in self.entries
                                  if k.startswith(USER_PREFIX) and _address(k) == key]
            elif key in self.entries:
                doomed = [key]
            elif "@" in key and (grouped := pair_key(_name(key), client_group(_address(key)))) \
                    in self.entries:
                doomed = [grouped]
            else:  # "user:NAME"
                doomed = [k for k in self.entries
                          if k.startswith(USER_PREFIX) and _name(k) == key[len(USER_PREFIX):]]
            for k in doomed:
                self.entries.pop(k, None)

    def lockouts(self, now: float, wall: float) -> list[Lockout]:
        """What is locked now, sorted by key; ``wall`` is time.time() for ``until``."""
        with self._lock:
            locked = [(key, e.count, e.locked_until)
                      for key, e in self.entries.items() if e.locked_until > now]
        result = []
        for key, count, until in locked:
            if key.startswith(USER_PREFIX):
                kind: Literal["ip", "user"] = "user"
                subject, address = _name(key), _address(key)
            else:
                kind, subject, address = "ip", key, key
            result.append(Lockout(key=key, kind=kind, subject=subject, failures=count,
                                  retry_after=math.ceil(until - now),
                                  until=wall + (until - now), address=address))
        return sorted(result, key=lambda lock: lock.key)

    # -- internals -------------------------------------------------------------------------

    @staticmethod
    def _left(entry: _Failures | None, now: float) -> float:
        return 0.0 if entry is None else max(0.0, entry.locked_until - now)

    def _count(self, key: str, now: float) -> None:
        entries = self.entries
        entry = entries.get(key)
        if entry is not None and self._expired(entry, now):
            del entries[key]
            entry = None
        if entry is None:
            self._drop_lapsed(now)
            if len(entries) >= MAX_TRACKED and not self._make_room(now):
                self._refuse_until = now + REFUSE_FOR
                return
            entry = entries[key] = _Failures(0, now)
        else:
            entries.move_to_end(key)
        entry.count += 1
        entry.last = now
        if entry.count >= FAIL_THRESHOLD:
            steps = min(entry.count - FAIL_THRESHOLD, 20)
            entry.locked_until = now + min(2.0**steps, MAX_BACKOFF)

    @staticmethod
    def _expired(entry: _Failures, now: float) -> bool:
        return now - max(entry.last, entry.locked_until) > FAIL_WINDOW

    def _drop_lapsed(self, now: float) -> None:
        """Forget a few of the oldest counts if their window has passed (keeps the table, and
        with it every check, small once guessing stops)."""
        entries = self.entries
        for _ in range(2):
            if not entries:
                return
            key, entry = next(iter(entries.items()))
            if not self._expired(entry, now):
                return
            del entries[key]

    def _make_room(self, now: float) -> bool:
        """Forget the oldest count that holds no lock now; a live lock met on the way goes to
        the back of the queue. False when PRUNE_STEPS counts were all live locks."""
        entries = self.entries
        for _ in range(min(PRUNE_STEPS, len(entries))):
            key, entry = next(iter(entries.items()))
            if entry.locked_until <= now:
                del entries[key]
                return True
            entries.move_to_end(key)
        return False


def _name(pair: str) -> str:
    return pair[len(USER_PREFIX):].rpartition("@")[0]


def _address(pair: str) -> str:
    return pair.rpartition("@")[2]
