"""How many new people one client may create in collect mode (server/routes_collect.py).

A browser becomes a new person by giving a name without a cookie, so one machine could fill
collect mode's 10,000 people (server/collect.py MAX_PEOPLE) in minutes and leave every later
student a 503. ``NewPeopleLimit`` allows, per ``window`` seconds on the engine's clock:

- each address (the full address, IPv4 or IPv6) ``per_address`` new people (20): one machine;
- each client group (server.admission.client_group: an IPv4 address, an IPv6 /64)
  ``per_group`` new people (300): on a LAN every device has its own IPv6 address in one /64,
  so a class of 31 gets in at once, while a machine cycling through its /64 is still bounded.

An IPv4 address is its own group, so a class behind one NAT shares the 20 of its address.
Accounts are not counted (an account is one person whatever it does). ``admit`` checks both
limits and counts under one lock, so a burst of names at once cannot pass the check together.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from server.admission import client_group
from server.http11 import HttpError
from server.page_i18n import N_

# Whole sentences (plural, singular) for the translators; the English is the JSON answer's.
TOO_MANY_NAMES = (
    N_("Too many new names from this network; try again in %(minutes)s minutes."),
    N_("Too many new names from this network; try again in %(minutes)s minute."),
)

NEW_PEOPLE_PER_ADDRESS = 20
NEW_PEOPLE_PER_GROUP = 300
NEW_PEOPLE_PER_WINDOW = NEW_PEOPLE_PER_ADDRESS  # the limit one address meets first
WINDOW_SECONDS = 600.0
MAX_KEYS = 4096  # addresses and groups remembered; the least recently seen is forgotten first


class NewPeopleLimit:
    def __init__(self, monotonic: Callable[[], float],
                 per_address: int = NEW_PEOPLE_PER_ADDRESS,
                 per_group: int = NEW_PEOPLE_PER_GROUP, window: float = WINDOW_SECONDS) -> None:
        self._now = monotonic
        self._window = window
        self._lock = threading.Lock()
        self._addresses = _Counts(per_address, window)
        self._groups = _Counts(per_group, window)

    @contextmanager
    def admit(self, address: str) -> Iterator[None]:
        """One new person for ``address``: 429 with Retry-After when its address or its group
        made their limit in the window, else counted at once (in the same step as the check);
        the count is given back when the body raises (no person was made)."""
        keys = (f"a {address}", f"g {client_group(address)}")
        now = self._now()
        with self._lock:
            wait = max(self._addresses.wait(keys[0], now), self._groups.wait(keys[1], now))
            if wait > 0:
                minutes = math.ceil(wait / 60)
                raise HttpError(429, TOO_MANY_NAMES[minutes == 1], close=False,
                                fields={"minutes": minutes},
                                headers=f"Retry-After: {wait}\r\n".encode("ascii"))
            self._addresses.add(keys[0], now)
            self._groups.add(keys[1], now)
        try:
            yield
        except BaseException:
            with self._lock:
                self._addresses.give_back(keys[0], now)
                self._groups.give_back(keys[1], now)
            raise


class _Counts:
    """The times of the new people of each key in the last ``window`` seconds (not locked)."""

    def __init__(self, limit: int, window: float) -> None:
        self._limit = limit
        self._window = window
        self._made: OrderedDict[str, deque[float]] = OrderedDict()

    def wait(self, key: str, now: float) -> int:
        """0 when ``key`` may make one more now, else the whole seconds until it may."""
        times = self._recent(key, now)
        if len(times) < self._limit:
            return 0
        return max(1, math.ceil(times[0] + self._window - now))

    def add(self, key: str, now: float) -> None:
        self._recent(key, now).append(now)
        self._made.move_to_end(key)
        while len(self._made) > MAX_KEYS:
            self._made.popitem(last=False)

    def give_back(self, key: str, when: float) -> None:
        times = self._made.get(key)
        if times is not None and when in times:
            times.remove(when)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._made.setdefault(key, deque())
        while times and times[0] <= now - self._window:
            times.popleft()
        return times


