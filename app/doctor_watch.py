"""The connection doctor's one real test: while the user opens the share's address on the
phone, watch the share's requests for a minute and tell whether one came from another device.

A request from one of this computer's own addresses (the set passed in: every interface's
address, loopback included) does not count: a browser on this computer proves nothing about
the phone. Records arrive through the app's record bridge (``RecordBridge.records_arrived``,
GUI thread) or straight from the engine's sink (any thread: ``observe`` takes a lock); the
verdict is asked with the time of an injected monotonic clock, so tests need no sleeps."""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from server.admission import client_address
from server.records import RequestRecord

WATCH_SECONDS = 60.0

WAITING = "waiting"
ARRIVED = "arrived"
NONE_ARRIVED = "none arrived"


@dataclass(frozen=True, slots=True)
class WatchState:
    status: str  # WAITING, ARRIVED or NONE_ARRIVED
    seconds_left: float  # 0 once over
    client: str = ""  # ARRIVED: the other device's address
    path: str = ""  # ARRIVED: what it asked for


def _plain(address: str) -> str:
    """One spelling per address: no IPv4-mapped prefix, no IPv6 zone, compressed IPv6."""
    address = client_address(address).partition("%")[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return address


class ArrivalWatch:
    """Started once; ``state(now)`` says WAITING until a request from another device arrives
    (ARRIVED, with its address) or ``seconds`` pass (NONE_ARRIVED)."""

    def __init__(self, own_addresses: Iterable[str], clock: Callable[[], float],
                 seconds: float = WATCH_SECONDS) -> None:
        self._own = frozenset(_plain(a) for a in own_addresses)
        self._clock = clock
        self._seconds = seconds
        self._started = clock()
        self._lock = threading.Lock()
        self._first: RequestRecord | None = None

    def is_own(self, address: str) -> bool:
        return _plain(address) in self._own

    def observe(self, record: RequestRecord) -> None:
        """Note one request (from any thread). Only the first from another device is kept,
        and only while the watch is still on."""
        if self._first is not None or self.is_own(record.client):
            return
        if self._clock() - self._started > self._seconds:
            return
        with self._lock:
            if self._first is None:
                self._first = record

    def observe_all(self, records: Iterable[RequestRecord]) -> None:
        for record in records:
            self.observe(record)

    def state(self) -> WatchState:
        first = self._first
        if first is not None:
            return WatchState(ARRIVED, 0.0, _plain(first.client), first.path)
        left = self._seconds - (self._clock() - self._started)
        if left <= 0:
            return WatchState(NONE_ARRIVED, 0.0)
        return WatchState(WAITING, left)
