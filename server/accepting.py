"""Accepting connections for the serve thread, and pausing when accepting fails for want of
room instead of spinning on it.

A connection waiting in the listening socket's queue keeps it readable: when accept() fails
with EMFILE (no descriptor left in the process), ENFILE (none in the system) or ENOMEM/ENOBUFS,
every turn of the serve loop would try again at once, at full CPU, logging each time (92 MB
of log in 10 s were seen). So the listening socket leaves the selector for ``PAUSE`` seconds on
the engine's clock (a deadline the loop looks at, as it does for the connections' own): the
connections already open go on being served and can free descriptors, and the waiting clients
stay queued by the kernel until accepting works again. An episode is logged when it begins and
when accepting works again. Errors of one connection only (reset before it was accepted; Linux
also passes pending network errors) skip that connection and never pause.
"""

from __future__ import annotations

import errno
import logging
import selectors
import socket
from collections.abc import Callable

from server.admission import client_address

log = logging.getLogger("pier.server")

ACCEPT_BURST = 64  # connections accepted per turn of the serve loop
PAUSE = 0.1  # seconds the listening socket is not watched after accept failed for want of room
# accept() failures that belong to the one connection being accepted (accept(2), "Error
# handling"): the next one may well succeed.
ONE_CONNECTION = frozenset(getattr(errno, name) for name in (
    "ECONNABORTED", "EPROTO", "EPERM", "ENETDOWN", "ENOPROTOOPT", "EHOSTDOWN", "ENONET",
    "EHOSTUNREACH", "EOPNOTSUPP", "ENETUNREACH") if hasattr(errno, name))

Admit = Callable[[socket.socket, str], object]  # an accepted socket and its client's address


class Acceptor:
    """The listening socket in the serve thread's selector (registered with ``key``), or out
    of it until a deadline after accept() failed."""

    def __init__(self, listener: socket.socket, selector: selectors.BaseSelector, key: object,
                 admit: Admit, monotonic: Callable[[], float]) -> None:
        self._listener = listener
        self._selector = selector
        self._key = key
        self._admit = admit
        self._monotonic = monotonic
        self.paused_until: float | None = None  # None while the listening socket is watched
        self._failures = 0  # in this episode

    def watch(self) -> None:
        self._selector.register(self._listener, selectors.EVENT_READ, self._key)

    def burst(self) -> None:
        """Accept what is waiting (at most ACCEPT_BURST) and admit each connection."""
        for _ in range(ACCEPT_BURST):
            try:
                sock, address = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as err:
                if err.errno in ONE_CONNECTION:
                    continue
                self._pause(err)  # EMFILE, say: serve the connections we have meanwhile
                return
            if self._failures:
                log.warning("accepting connections again after %d failed tries",
                            self._failures)
                self._failures = 0
            self._admit(sock, client_address(address[0]))

    def _pause(self, err: OSError) -> None:
        if not self._failures:
            log.warning("accept failed: %s; trying again every %.1f s until it works", err,
                        PAUSE)
        self._failures += 1
        self._selector.unregister(self._listener)
        self.paused_until = self._monotonic() + PAUSE

    def resume_if_due(self, now: float) -> None:
        """Watch the listening socket again once the pause is over."""
        if self.paused_until is not None and now >= self.paused_until:
            self.paused_until = None
            self.watch()

    def wait_at_most(self, seconds: float) -> float:
        """``seconds``, or less when the pause ends sooner: how long the selector may wait."""
        if self.paused_until is None:
            return seconds
        return max(0.0, min(seconds, self.paused_until - self._monotonic()))
