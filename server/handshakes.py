"""TLS handshakes in a thread of their own (``pier-tls``), never behind requests.

An HTTPS listener is accepted from here (bans, the allow-list and the connection slots are
the serve loop's ``_admit``, as for a plain one), and each connection is handed to the serve
thread once it speaks HTTP: its handshake done, or its first byte showing plain HTTP (answered
with a redirect by the serve thread). Until then this thread owns it in a selector of its own
and advances each handshake without waiting for any client: a step runs when the client's next
flight has arrived, and a client that sends its ClientHello slowly, or never, costs a
descriptor here until the header deadline set at accept, nothing else. Accepting here, not on
the serve thread, spares every new connection one hop between threads.

Why a thread of its own: on a worker (as before issue 21) a handshake waited behind the
requests in the pool, four downloads and listings long, so fifty phones opening connections
while a hundred downloads ran waited for every one of them; on the serve thread its crypto
(some 0.3 ms for ECDHE + ECDSA) would hold up every parked connection. OpenSSL lets go of the
GIL while it computes, so this thread's handshakes run beside the serve thread's Python on a
second core. Resumed handshakes (TLS 1.3 tickets, TLS 1.2 session ids, server/tls.py) cost
no signature at all.
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable

from server.accepting import Acceptor
from server.connection import PLAIN_ON_TLS, TLS_DONE, TLS_HANDSHAKE, Connection
from server.portable import new_selector

log = logging.getLogger("pier.server")

TLS_HANDSHAKE_RECORD = 0x16  # the first byte of a TLS ClientHello
SWEEP_INTERVAL = 0.25
HANDSHAKE_THREADS = 2
_WAKE, _ACCEPT = object(), object()
Admit = Callable[[socket.socket, str], "Connection | None"]


class Handshakes:
    """The ``pier-tls`` thread and the connections it is shaking hands with."""

    def __init__(self, context: ssl.SSLContext, monotonic: Callable[[], float],
                 hand_back: Callable[[Connection], None],
                 close: Callable[[Connection], None]) -> None:
        """``hand_back`` gives the serve thread a connection that now speaks HTTP (called on
        this thread); ``close`` ends one whose handshake failed or ran out of time."""
        self.context = context  # swapped whole by HandshakePool.use_context
        self._monotonic = monotonic
        self._hand_back = hand_back
        self._close = close
        self._selector = new_selector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, _WAKE)
        self._held: dict[Connection, int] = {}  # -> the selector events it waits for
        self._acceptor: Acceptor | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="pier-tls", daemon=True)

    def accept_from(self, listener: socket.socket, admit: Admit) -> Acceptor:
        """Accept from ``listener`` on this thread (watched once ``watch`` is called):
        ``admit`` makes each accepted socket a Connection (None: refused), whose handshake
        starts at once, as its ClientHello has often arrived with it."""
        def admit_and_hold(sock: socket.socket, client: str) -> None:
            conn = admit(sock, client)
            if conn is not None:
                self._hold(conn)

        self._acceptor = Acceptor(listener, self._selector, _ACCEPT, admit_and_hold,
                                  self._monotonic)
        return self._acceptor

    def start(self) -> None:
        if self._acceptor is not None:
            self._acceptor.watch()
        self._thread.start()

    def stop(self, timeout: float) -> None:
        """End the thread and close the connections still shaking hands (once; again: no-op)."""
        if self._stopping:
            return
        self._stopping = True
        self._wake()
        if self._thread.ident is not None:
            self._thread.join(timeout)
        for conn in list(self._held):
            self._close(conn)
        self._held.clear()
        self._selector.close()
        self._wake_r.close()
        self._wake_w.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # a wake-up pending already, or shut down
            self._wake_w.send(b"\0")

    def _run(self) -> None:
        next_sweep = self._monotonic() + SWEEP_INTERVAL
        try:
            while not self._stopping:
                wait = SWEEP_INTERVAL if self._acceptor is None else \
                    self._acceptor.wait_at_most(SWEEP_INTERVAL)
                for key, _events in self._selector.select(wait):
                    if key.data is _ACCEPT:
                        assert self._acceptor is not None
                        self._acceptor.burst()
                    elif key.data is not _WAKE:  # the wake-up only ends a select to stop
                        self._step(key.data)
                now = self._monotonic()
                if self._acceptor is not None:
                    self._acceptor.resume_if_due(now)
                if now >= next_sweep:
                    self._sweep(now)
                    next_sweep = now + SWEEP_INTERVAL
        except Exception:  # never die silently: the share would stop shaking hands
            log.exception("the TLS handshake thread failed")

    def _hold(self, conn: Connection) -> None:
        self._held[conn] = selectors.EVENT_READ
        self._selector.register(conn.sock, selectors.EVENT_READ, conn)
        self._step(conn)  # the ClientHello is often there already

    def _step(self, conn: Connection) -> None:
        try:
            outcome = self._advance(conn)
        except Exception:  # one connection's surprise closes that connection only
            log.exception("TLS handshake with %s failed", conn.client)
            outcome = False
        if outcome is None:
            return
        self._release(conn)
        if outcome:
            self._hand_back(conn)
        else:
            self._close(conn)

    def _advance(self, conn: Connection) -> bool | None:
        """One step: True when the connection speaks HTTP now, False when it failed, None
        while it waits for the client (or for room to send)."""
        if conn.tls_state != TLS_HANDSHAKE:
            first = _peek(conn.sock)
            if first is None:
                return None
            if not first:
                return False
            if first[0] != TLS_HANDSHAKE_RECORD:
                conn.tls_state = PLAIN_ON_TLS  # plain HTTP on the HTTPS port
                return True
            conn.tls_state = TLS_HANDSHAKE
            try:  # a client that reset after its first byte fails here, not in the handshake
                conn.sock = self.context.wrap_socket(conn.sock, server_side=True,
                                                      do_handshake_on_connect=False)
            except (OSError, ValueError) as err:
                log.debug("TLS handshake with %s failed: %s", conn.client, err)
                return False
            conn.sock.setblocking(False)
        sock = conn.sock
        assert isinstance(sock, ssl.SSLSocket)  # wrapped above, on the first step
        try:
            sock.do_handshake()
        except ssl.SSLWantReadError:
            self._wait_for(conn, selectors.EVENT_READ)
            return None
        except ssl.SSLWantWriteError:  # our send buffer is full (rare): wait for room
            self._wait_for(conn, selectors.EVENT_WRITE)
            return None
        except (OSError, ValueError) as err:  # ssl.SSLError is an OSError
            log.debug("TLS handshake with %s failed: %s", conn.client, err)
            return False
        conn.tls = True
        conn.tls_state = TLS_DONE
        return True

    def _wait_for(self, conn: Connection, events: int) -> None:
        if self._held[conn] != events:
            self._held[conn] = events
            self._selector.modify(conn.sock, events, conn)

    def _release(self, conn: Connection) -> None:
        self._held.pop(conn, None)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._selector.unregister(conn.sock)

    def _sweep(self, now: float) -> None:
        for conn in [c for c in self._held if c.deadline <= now]:
            self._release(conn)
            self._close(conn)


def _peek(sock: socket.socket) -> bytes | None:
    """The first byte without taking it; None when none has come yet, b"" at the end."""
    try:
        return sock.recv(1, socket.MSG_PEEK)
    except (BlockingIOError, InterruptedError):
        return None
    except OSError:
        return b""


class HandshakePool:
    """``HANDSHAKE_THREADS`` ``pier-tls`` threads accepting from one HTTPS listener, each
    shaking hands with the connections it accepted (whichever is free takes the next one:
    an accept that finds nothing waiting costs one system call). Several, because one would
    do every handshake's crypto in turn: on more than one core they run side by side (OpenSSL
    lets go of the GIL), and on a busy machine one thread gets one thread's share of it."""

    def __init__(self, context: ssl.SSLContext, monotonic: Callable[[], float],
                 hand_back: Callable[[Connection], None], close: Callable[[Connection], None],
                 listener: socket.socket, admit: Admit) -> None:
        self._threads = [Handshakes(context, monotonic, hand_back, close)
                         for _ in range(HANDSHAKE_THREADS)]
        for handshakes in self._threads:
            handshakes.accept_from(listener, admit)

    def start(self) -> None:
        for handshakes in self._threads:
            handshakes.start()

    def use_context(self, context: ssl.SSLContext) -> None:
        """Handshakes begun from now on use ``context`` (a reloaded certificate)."""
        for handshakes in self._threads:
            handshakes.context = context

    def stop(self, timeout: float) -> None:
        """Stop every thread (within ``timeout`` together), closing what they hold."""
        deadline = time.monotonic() + timeout
        for handshakes in self._threads:
            handshakes.stop(max(0.0, deadline - time.monotonic()))
