"""The clock the engine runs on, passed in (never read from the time module inside a component),
so that rate limits, deadlines and uptime can be tested with a clock the test moves."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary start, never going back: for durations and deadlines."""

    def time(self) -> float:
        """Wall-clock seconds since the epoch: for what is shown or logged."""


class SystemClock:
    """The real clock: the time module's functions themselves (no Python call in between,
    since the engine reads the clock several times per request)."""

    monotonic = staticmethod(time.monotonic)
    time = staticmethod(time.time)


SYSTEM_CLOCK: Clock = SystemClock()


class ManualClock:
    """A clock a test moves by hand (``advance``); both readings move together."""

    def __init__(self, start: float = 1000.0, wall: float = 1_700_000_000.0) -> None:
        self._monotonic = start
        self._wall = wall

    def monotonic(self) -> float:
        return self._monotonic

    def time(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._monotonic += seconds
        self._wall += seconds
