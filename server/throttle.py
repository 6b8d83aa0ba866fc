"""The throttling of failed logins, per source address and per (account, address) pair.

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
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Literal

__all__ = ["FAIL_THRESHOLD", "FAIL_WINDOW", "MAX_BACKOFF", "Lockout", "LoginThrottle"]

FAIL_THRESHOLD = 5  # failures within FAIL_WINDOW before back-off starts (address and pair)
FAIL_WINDOW = 600.0
MAX_BACKOFF = 900.0
MAX_TRACKED = 10_000  # counts kept at most (addresses and pairs together)
USER_PREFIX = "user:"  # pair keys are "user:NAME@ADDRESS"; an address never holds "@"


@dataclass(frozen=True, slots=True)
class Lockout:
    key: str  # "203.0.113.5" or "user:alice@203.0.113.5": what release() takes
    kind: Literal["ip", "user"]  # an address, or an account at one address
    subject: str  # the IP address or the user name
    failures: int
    retry_after: int  # seconds left
    until: float  # epoch, for display
    address: str = ""  # the address the lock holds at (for "ip", the subject itself)


def pair_key(name: str, address: str) -> str:
    return f"{USER_PREFIX}{name}@{address}"


@dataclass(slots=True)
class _Failures:
    count: int
    last: float  # monotonic
    locked_until: float = 0.0


class LoginThrottle:
    """Failed-login counts by key: an address, or ``pair_key(name, address)``. Thread-safe:
    ``entries`` is read without the lock (single dict lookups) and changed under it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.entries: dict[str, _Failures] = {}

    def retry_after(self, address: str, name: str | None, now: float) -> float:
        """Seconds ``address`` must wait before trying (``name``, when given); 0 = go ahead."""
        entries = self.entries
        if not entries:
            return 0.0
        wait = self._left(entries.get(address), now)
        if name is not None:
            wait = max(wait, self._left(entries.get(pair_key(name, address)), now))
        return wait

    def failure(self, address: str, name: str | None, now: float) -> None:
        with self._lock:
            self._count(address, now)
            if name:
                self._count(pair_key(name, address), now)

    def success(self, address: str, name: str) -> None:
        """``name`` logged in from ``address``: forget that pair's failures (not the address')."""
        key = pair_key(name, address)
        if key in self.entries:
            with self._lock:
                self.entries.pop(key, None)

    def release(self, key: str) -> None:
        """Forget the failures under ``key`` as lockouts() gives it. An address also releases
        the accounts locked at it; the older "user:NAME" form releases NAME at every address."""
        with self._lock:
            if not key.startswith(USER_PREFIX):
                doomed = [key] + [k for k in self.entries
                                  if k.startswith(USER_PREFIX) and _address(k) == key]
            elif key in self.entries:
                doomed = [key]
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
        entry = self.entries.get(key)
        if entry is None or self._expired(entry, now):
            if len(self.entries) >= MAX_TRACKED:
                self._prune(now)
            entry = self.entries[key] = _Failures(0, now)
        entry.count += 1
        entry.last = now
        if entry.count >= FAIL_THRESHOLD:
            steps = min(entry.count - FAIL_THRESHOLD, 20)
            entry.locked_until = now + min(2.0**steps, MAX_BACKOFF)

    @staticmethod
    def _expired(entry: _Failures, now: float) -> bool:
        return now - max(entry.last, entry.locked_until) > FAIL_WINDOW

    def _prune(self, now: float) -> None:
        for key in [k for k, e in self.entries.items() if self._expired(e, now)]:
            del self.entries[key]
        while len(self.entries) >= MAX_TRACKED:  # still full: forget the oldest, not a lock
            oldest = min(self.entries, key=lambda k: self.entries[k].last)
            del self.entries[oldest]


def _name(pair: str) -> str:
    return pair[len(USER_PREFIX):].rpartition("@")[0]


def _address(pair: str) -> str:
    return pair.rpartition("@")[2]
