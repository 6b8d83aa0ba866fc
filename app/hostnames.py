"""Reverse DNS for the Clients view: looked up in background threads, cached, never awaited.

``socket.gethostbyaddr`` has no timeout of its own and can block for many seconds on a LAN
without a resolver for it, so lookups run in two daemon threads and the GUI only ever reads the
cache: an address shows its name once known, and is given up on after ``timeout`` seconds."""

from __future__ import annotations

import queue
import socket
import threading
from collections.abc import Callable

from server.clock import SYSTEM_CLOCK, Clock

Resolve = Callable[[str], str]
WORKERS = 2
TIMEOUT_S = 3.0
MAX_CACHED = 4096
THREAD_NAME = "pier-dns"
LOOKING_UP = "…"


def reverse_lookup(address: str) -> str:
    """The host name of ``address``, or "" when it has none."""
    try:
        return socket.gethostbyaddr(address)[0]
    except (OSError, UnicodeError):
        return ""


class HostNames:
    """A cache of reverse lookups fed by background threads. ``name()`` never blocks."""

    def __init__(self, resolve: Resolve = reverse_lookup, timeout: float = TIMEOUT_S, *,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        """``clock`` tells when a lookup has run longer than ``timeout`` seconds."""
        self._resolve = resolve
        self._timeout = timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._names: dict[str, str] = {}
        self._asked: dict[str, float] = {}  # address -> monotonic time the lookup was queued
        self._jobs: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []

    def name(self, address: str) -> str:
        """The known name, LOOKING_UP while a recent lookup runs, else "" (and a lookup is
        queued the first time an address is seen)."""
        with self._lock:
            known = self._names.get(address)
            if known is not None:
                return known
            asked = self._asked.get(address)
        if asked is None:
            self._ask(address)
            return LOOKING_UP
        return LOOKING_UP if self._clock.monotonic() - asked < self._timeout else ""

    def _ask(self, address: str) -> None:
        with self._lock:
            if len(self._asked) >= MAX_CACHED:
                self._names.clear()
                self._asked.clear()
            self._asked[address] = self._clock.monotonic()
            if not self._threads:
                self._threads = [threading.Thread(target=self._work, name=THREAD_NAME,
                                                  daemon=True) for _ in range(WORKERS)]
                for thread in self._threads:
                    thread.start()
        self._jobs.put(address)

    def _work(self) -> None:
        while (address := self._jobs.get()) is not None:
            name = self._resolve(address)
            with self._lock:
                if address in self._asked:
                    self._names[address] = name

    def stop(self) -> None:
        """Let the threads end after their current lookup; the cache is kept. A lookup stuck
        in the resolver cannot be interrupted: its daemon thread ends when it returns."""
        with self._lock:
            threads, self._threads = self._threads, []
        for _ in threads:
            self._jobs.put(None)
        for thread in threads:
            thread.join(0.5)
