"""Every open connection of one running share, and the connection slots they hold.

The serve thread opens connections (accept) and closes the parked ones; a worker closes the one
it serves; the engine counts them and aborts them (disconnect, ban, stop) from other threads.
One lock guards the set and the slots (server/admission.py) together, so a slot is given back
exactly once, by whoever closes the connection first.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
from collections.abc import Callable

from server.admission import Slots
from server.config import Limits
from server.connection import Connection
from server.control import Address, plain_address
from server.portable import raise_open_files_limit, selector_room

log = logging.getLogger("pier.server")


class OpenConnections:
    """The open connections and their slots; safe to use from any thread."""

    def __init__(self, limits: Limits,
                 on_close: Callable[[Connection], None] = lambda conn: None,
                 exempt: Callable[[str], bool] = lambda client: False) -> None:
        """``on_close`` runs once for each connection as it is closed (here is where every
        connection ends, however it ends), before its socket is. ``exempt``: addresses free of
        the per-address caps (trusted proxies, which carry many clients)."""
        self._io_timeout = limits.io_timeout
        self._on_close = on_close
        self._open: set[Connection] = set()
        self.cap = connection_cap(limits.max_connections)
        self._slots = Slots(self.cap, limits.max_connections_per_ip, exempt)
        self._lock = threading.Lock()
        self._emptied = threading.Condition(self._lock)  # for wait_until_empty

    def open(self, sock: socket.socket, client: str, tls_state: str) -> Connection | None:
        """A Connection for an accepted socket, or None when the caps leave it no slot (the
        caller refuses it; the caps count the client's address group, see admission)."""
        with self._lock:
            if not self._slots.take(client):
                return None
            conn = Connection(sock, client, self._io_timeout, tls_state)
            self._open.add(conn)
            return conn

    def close(self, conn: Connection) -> None:
        """Close ``conn`` and give back its slot; nothing happens the second time."""
        with self._lock:
            if conn not in self._open:
                return
            self._open.discard(conn)
            self._slots.give_back(conn.client)
            if not self._open:
                self._emptied.notify_all()
        self._ended(conn)

    def close_all(self) -> None:
        with self._lock:
            remaining = list(self._open)
            self._open.clear()
            self._slots.clear()
            self._emptied.notify_all()
        for conn in remaining:
            self._ended(conn)

    def wait_until_empty(self, timeout: float) -> bool:
        """Wait until no connection is open (a share winding down), at most ``timeout``
        seconds; True when none is."""
        with self._lock:
            return self._emptied.wait_for(lambda: not self._open, timeout)

    def _ended(self, conn: Connection) -> None:
        try:
            self._on_close(conn)
        except Exception:  # the socket is closed and the caller goes on whatever happened
            log.exception("closing %s failed", conn.client)
        conn.close()

    def abort(self, matches: Callable[[Address], bool] | None = None) -> int:
        """Abort every connection (or those whose client ``matches``): parked ones then read
        EOF and are closed by the serve thread, busy ones fail their next send or receive.
        The sockets are closed by their owners only (see Connection.abort)."""
        with self._lock:
            chosen = [c for c in self._open if matches is None or _matches(matches, c.client)]
        for conn in chosen:
            conn.abort()
        return len(chosen)

    def counts(self) -> tuple[int, int]:
        """(open connections, distinct clients)."""
        with self._lock:
            return len(self._open), self._slots.clients


DESCRIPTORS_PER_CONNECTION = 2  # its socket, and a file or folder it reads
DESCRIPTORS_SPARE = 64  # listeners, logs, stores, thumbnails, a zip's folders


def connection_cap(wanted: int) -> int:
    """The connections a serve loop admits: ``wanted``, or fewer where its selector cannot
    watch so many (select() on Windows). The process's descriptor limit is raised first
    (a resource limit of the process, not its environment; the entry points raise it too):
    when it stays short of ``wanted`` connections, say so once; accept() then pauses
    whenever descriptors run out (server/accepting.py), and the open connections go on."""
    limit = raise_open_files_limit()
    needed = wanted * DESCRIPTORS_PER_CONNECTION + DESCRIPTORS_SPARE
    if limit is not None and limit < needed:
        log.warning("the system allows %d open files; %d connections may need %d "
                    "(raise the hard limit, ulimit -Hn, or lower --max-connections)",
                    limit, wanted, needed)
    room = selector_room()
    if room is not None and room < wanted:
        log.info("serving at most %d connections at once (select() on this system)", room)
        return room
    return wanted


def _matches(matches: Callable[[Address], bool], client: str) -> bool:
    try:
        return matches(plain_address(ipaddress.ip_address(client)))
    except ValueError:
        return False
