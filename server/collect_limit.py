"""How many new people one client may create in collect mode (server/routes_collect.py).

A browser becomes a new person by giving a name without a cookie, so one machine could fill
collect mode's 10,000 people (server/collect.py MAX_PEOPLE) in minutes and leave every later
student a 503. ``NewPeopleLimit`` allows each client group (server.admission.client_group: an
IPv4 address, an IPv6 /64) ``limit`` new people per ``window`` seconds on the engine's clock;
accounts are not counted (an account is one person whatever it does).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict, deque
from collections.abc import Callable

from server.admission import client_group
from server.http11 import HttpError

NEW_PEOPLE_PER_WINDOW = 20
WINDOW_SECONDS = 600.0
MAX_GROUPS = 4096  # groups remembered; the least recently seen is forgotten first


class NewPeopleLimit:
    def __init__(self, monotonic: Callable[[], float], limit: int = NEW_PEOPLE_PER_WINDOW,
                 window: float = WINDOW_SECONDS) -> None:
        self._now = monotonic
        self._limit = limit
        self._window = window
        self._lock = threading.Lock()
        self._made: OrderedDict[str, deque[float]] = OrderedDict()

    def check(self, address: str) -> None:
        """429 with Retry-After when ``address``'s group made ``limit`` people in the window."""
        group, now = client_group(address), self._now()
        with self._lock:
            times = self._recent(group, now)
            if len(times) >= self._limit:
                wait = max(1, math.ceil(times[0] + self._window - now))
                raise HttpError(429, "Too many new names from this network; try again in "
                                f"{_minutes(wait)}.", close=False,
                                headers=f"Retry-After: {wait}\r\n".encode("ascii"))

    def count(self, address: str) -> None:
        """One new person made by ``address``'s group now."""
        group, now = client_group(address), self._now()
        with self._lock:
            self._recent(group, now).append(now)
            self._made.move_to_end(group)
            while len(self._made) > MAX_GROUPS:
                self._made.popitem(last=False)

    def _recent(self, group: str, now: float) -> deque[float]:
        times = self._made.setdefault(group, deque())
        while times and times[0] <= now - self._window:
            times.popleft()
        return times


def _minutes(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
