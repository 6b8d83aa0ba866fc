"""ShareLoop: the serve loop of a share whose settings change while it runs.

Two kinds of change (server/engine.py ``reconfigure`` chooses): the rules (login, uploads,
changes, visitors' rights, limits on uploads, hidden files, website mode, collect mode, other
host names) go to ``take_rules``, which swaps in a new RequestHandler for the next request;
the listener's part (address, port, HTTPS, folder, connection limits) needs a new loop, and
the old one is ``wind_down``-ed (no more accepting, idle connections closed, its listening
socket handed to the engine) then ``finish``-ed (the requests in flight end, within a bound).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from server.cache_budget import BudgetUse
from server.config import ServerConfig, TlsSettings
from server.control import Address, plain_address
from server.links import LinkStore
from server.serve_loop import STOP_TIMEOUT, ServeLoop
from server.tus_store import TusStore


class ShareLoop(ServeLoop):
    """A ServeLoop that takes new rules and hands its listener over."""

    def take_rules(self, config: ServerConfig) -> None:
        """Serve the next requests under ``config`` (validated; the same listener, TLS, folder
        and limits): a new handler is built and swapped in with one assignment, which every
        request reads once, so a request in flight ends under the rules it began with."""
        handler = self._new_handler(config)
        handler.come_into_force()  # first: a write routed meanwhile is judged by these
        self._handler = handler
        self.config = config

    def use_certificate(self, context: ssl.SSLContext, tls: TlsSettings) -> None:
        """Handshakes from now on use ``context``; encrypted connections keep their own. The
        config and a new handler (its host names, the CA offered) follow, as in take_rules."""
        self._tls_context = context
        if self._handshakes is not None:
            self._handshakes.use_context(context)
        self.take_rules(replace(self.config, tls=tls))

    def take_links(self, links: LinkStore | None) -> None:
        """Serve the next requests with the share links of ``links`` (None: no links)."""
        self._new_handler = partial(self._new_handler, links=links)
        self.take_rules(self.config)

    def wind_down(self) -> socket.socket:
        """Stop accepting and close the idle connections (the serve thread ends); requests in
        flight go on, their connections close after them. Returns the listening socket, no
        longer this loop's: the caller serves on it or closes it. ``finish`` then stops."""
        self._stopping = True
        self._wake()
        self._serve_thread.join(STOP_TIMEOUT)
        self._stop_handshakes(time.monotonic() + STOP_TIMEOUT)  # mid-handshake: closed
        for handed_back in (self._returned, self._shaken):  # just before the thread ended
            while handed_back:
                self._connections.close(handed_back.popleft())
        with contextlib.suppress(KeyError, ValueError):  # out of the selector while paused
            self._selector.unregister(self._listener)
        listener = self._listener
        return socket.socket(listener.family, listener.type, fileno=listener.detach())

    def finish(self, drain_s: float) -> None:
        """After ``wind_down``: wait up to ``drain_s`` for the requests in flight, then stop."""
        self._connections.wait_until_empty(drain_s)
        self.stop()

    @property
    def tus_store(self) -> TusStore | None:
        return self._handler.tus_store

    def cache_use(self) -> BudgetUse:
        return self._handler.cache_budget.use()

    def disconnect(self, client: str) -> int:
        wanted = plain_address(ipaddress.ip_address(client))
        return self.disconnect_matching(lambda ip: ip == wanted)

    def disconnect_matching(self, matches: Callable[[Address], bool]) -> int:
        """Abort the matching clients' connections (parked: EOF; busy: the next send fails)."""
        return self._connections.abort(matches)

    def connection_counts(self) -> tuple[int, int]:
        """(open connections, distinct clients)."""
        return self._connections.counts()
