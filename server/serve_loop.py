"""The serve thread and the worker pool of one running share.

Shape (docs/ARCHITECTURE.md, Threads): one serve thread owns the listening socket and every idle or
half-received connection in a selector. Idle and slow-header clients therefore cost a file
descriptor, not a thread. When a request head has fully arrived, the serve thread first asks
the handler for an answer made from memory (a cached small file or listing, a redirect, an
error, a 304) and sends it itself without ever waiting on the client: the hand-off to a worker
and back costs more than such a request. Everything that can wait (a body to read, a large file,
a folder to scan, a password to hash, a bandwidth limit, a client that reads slowly) goes to a
small pool of worker threads, which never queue behind hundreds of idle connections. The serve
thread does ask the file system for metadata (an lstat per path segment, which every request
needs to refuse links out of the share) and appends to the access log: on a slow network file
system every client feels those. File contents and folder scans are always read by workers.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import queue
import selectors
import socket
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable
from enum import Enum
from functools import partial

from server.accepting import Acceptor
from server.accesslog import AccessLog
from server.cache_budget import BudgetUse
from server.clock import SYSTEM_CLOCK, Clock
from server.config import ServerConfig
from server.connection import PLAIN, PLAIN_ON_TLS, TLS_EXPECTED, TLS_HANDSHAKE, Connection
from server.control import AccessPolicy, Address, TrafficControl, plain_address
from server.exchange import take_prepared
from server.handler import RequestHandler
from server.health import ShareHealth
from server.http11 import HEAD_MAX, HttpError, check_partial_head, find_head_end
from server.lasting import Lasting
from server.links import LinkStore
from server.open_connections import OpenConnections
from server.portable import new_selector
from server.records import RequestRecord
from server.socket_io import (
    HANDSHAKE_DONE,
    HANDSHAKE_WAITING,
    TLS_HANDSHAKE_RECORD,
    finish_unsent,
    refuse_busy,
    send_now,
    send_without_waiting,
    shake_hands,
    tiny_answer,
)
from server.text_board import TextBoard
from server.thumbnails import Thumbnailer
from server.tus_store import TusStore

log = logging.getLogger("pier.server")

Sink = Callable[[RequestRecord], None]
SWEEP_INTERVAL = 0.25
STOP_TIMEOUT = 1.0


class _Source(Enum):
    """What a selector key that is not a client connection stands for."""

    ACCEPT = "the listening socket"
    WAKE = "a worker handing connections back"


_ACCEPT, _WAKE = _Source.ACCEPT, _Source.WAKE
REPLIES_MAX = 64 * 1024  # answers per connection and round: a long pipeline waits its turn
RECV_SIZE = 64 * 1024
# Bytes read ahead of a connection's answers: while its buffer holds a complete request and
# would pass this with one more read, the serve thread reads no more from it and answers what
# it holds (a single unfinished head is read on, up to HEAD_MAX). Answering REPLIES_MAX per
# round answers some 200 small requests while a read takes 64 KiB (~1500 of them): unbounded,
# a pipelining client grew its buffer without end and everyone waited behind the searches.
READ_AHEAD_MAX = 256 * 1024


class ServeLoop:
    """The serve thread and the worker pool; the open connections are kept in OpenConnections."""

    def __init__(self, listener: socket.socket, config: ServerConfig, sink: Sink,
                 tls_context: ssl.SSLContext | None, control: TrafficControl,
                 policy: AccessPolicy, live_stats: Callable[[], dict[str, object]],
                 health: ShareHealth, clock: Clock = SYSTEM_CLOCK,
                 texts: TextBoard | None = None, thumbnails: Thumbnailer | None = None,
                 links: LinkStore | None = None, lasting: Lasting | None = None) -> None:
        """``clock`` times the connections' header and idle deadlines (stopping waits on real
        time: it bounds how long threads are waited for). ``lasting``: what the handlers of
        this share's successive rules share (server/lasting.py)."""
        self.config = config
        self._monotonic = clock.monotonic
        self.health = health
        self._tls_context = tls_context
        self._policy = policy
        self.port: int = listener.getsockname()[1]
        self._listener = listener
        self._limits = config.limits
        self._access_log = AccessLog(config.access_log) if config.access_log else None
        self._new_handler = partial(RequestHandler, sink=sink, access_log=self._access_log,
                                    control=control, stats=live_stats,
                                    on_long_transfer=self._detach_current_worker,
                                    share=health, clock=clock, texts=texts, thumbnails=thumbnails,
                                    links=links, lasting=lasting or Lasting(clock))
        self._handler = self._new_handler(config)  # replaced whole, never changed (take_rules)
        self._selector = new_selector()  # select() where the system has nothing better
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._jobs: queue.SimpleQueue[Connection | None] = queue.SimpleQueue()
        self._returned: deque[Connection] = deque()
        self._to_flush: list[Connection] = []  # connections with quick answers waiting
        self._again: list[Connection] = []  # pipelines cut short by REPLIES_MAX: next round
        self._parked: dict[Connection, None] = {}
        self._connections = OpenConnections(  # a prepared answer is abandoned by the close
            self._limits, on_close=lambda conn: self._handler.abandon(take_prepared(conn)))
        self._stopping = False
        self._wake_pending = False
        self._acceptor = Acceptor(listener, self._selector, _ACCEPT, self._admit, self._monotonic)
        self.started_at = self._monotonic()
        self._serve_thread = threading.Thread(target=self._serve, name="pier-serve", daemon=True)
        self._threads_lock = threading.Lock()
        self._workers: list[threading.Thread] = []
        for _ in range(self._limits.workers):
            self._new_worker()
        self._detached = threading.local()

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self._acceptor.watch()
        self._selector.register(self._wake_r, selectors.EVENT_READ, _WAKE)
        for worker in self._workers:
            worker.start()
        self._serve_thread.start()
        self.health.start()

    def stop(self) -> None:
        deadline = time.monotonic() + STOP_TIMEOUT
        self._stopping = True
        self._wake()
        self._serve_thread.join(max(0.0, deadline - time.monotonic()))
        self._connections.abort()  # unblocks workers stuck in send/recv to slow or stalled clients
        for _ in range(self._limits.workers):
            self._jobs.put(None)
        with self._threads_lock:
            threads = list(self._workers)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self.health.stop(max(0.0, deadline - time.monotonic()))
        self._close_everything()
        if self._access_log:
            self._access_log.close()

    def _close_everything(self) -> None:
        self._connections.close_all()
        self._selector.close()
        self._listener.close()
        self._wake_r.close()
        self._wake_w.close()

    @property
    def tus_store(self) -> TusStore | None:
        return self._handler.tus_store

    def cache_use(self) -> BudgetUse:
        return self._handler.cache_budget.use()

    def disconnect(self, client: str) -> int:
        wanted = plain_address(ipaddress.ip_address(client))
        return self.disconnect_matching(lambda ip: ip == wanted)

    def disconnect_matching(self, matches: Callable[[Address], bool]) -> int:
        """Abort the matching clients' connections: parked ones then read EOF and are dropped
        by the serve thread, busy ones fail their next send or receive."""
        return self._connections.abort(matches)

    def connection_counts(self) -> tuple[int, int]:
        """(open connections, distinct clients)."""
        return self._connections.counts()

    # -- serve thread ------------------------------------------------------------------------

    def _serve(self) -> None:
        next_sweep = self._monotonic() + SWEEP_INTERVAL
        try:
            while not self._stopping:
                wait = 0 if self._again else self._acceptor.wait_at_most(SWEEP_INTERVAL)
                for key, _events in self._selector.select(wait):
                    if key.data is _ACCEPT:
                        self._acceptor.burst()
                    elif key.data is _WAKE:
                        self._take_back_returned()
                    else:
                        self._guarded(self._on_readable, key.data)
                if self._again:
                    self._continue_pipelines()
                if self._to_flush:
                    self._flush_replies()
                now = self._monotonic()
                self._acceptor.resume_if_due(now)
                if now >= next_sweep:
                    self._sweep_deadlines(now)
                    next_sweep = now + SWEEP_INTERVAL
        except Exception:  # the serve thread must never die silently
            log.exception("serve loop failed")
        finally:
            for conn in list(self._parked):
                self._drop(conn)

    def _guarded(self, step: Callable[[Connection], None], conn: Connection) -> None:
        """Run one step for one connection on the serve thread, which now runs handler code:
        a bug met by one connection closes that connection, not the share for everyone."""
        try:
            step(conn)
        except Exception:
            log.exception("serving %s failed; closing that connection", conn.client)
            if conn in self._parked:  # never a socket a worker owns now
                self._drop(conn)

    def _admit(self, sock: socket.socket, client: str) -> None:
        if self._policy.active and not self._policy.allows(client):
            sock.close()  # banned, or not on the allow-list: dropped without a word
            return
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.setblocking(False)
        except OSError:  # reset before it was looked at (macOS refuses the option then)
            sock.close()
            return
        conn = self._connections.open(sock, client,
                                      TLS_EXPECTED if self._tls_context else PLAIN)
        if conn is None:
            if self._tls_context is None:
                refuse_busy(sock)
            else:  # a plain-text 503 means nothing to a TLS client: just close
                sock.close()
            return
        conn.deadline = self._monotonic() + self._limits.header_timeout
        self._park(conn)

    def _park(self, conn: Connection) -> None:
        self._parked[conn] = None
        self._selector.register(conn.sock, selectors.EVENT_READ, conn)

    def _unpark(self, conn: Connection) -> None:
        del self._parked[conn]
        self._selector.unregister(conn.sock)

    def _on_readable(self, conn: Connection) -> None:
        if conn.tls_state == TLS_HANDSHAKE:  # the client's next handshake flight
            self._hand_to_worker(conn)
            return
        if conn.tls_state == TLS_EXPECTED and not self._sort_out_tls(conn):
            return
        if len(conn.buffer) > READ_AHEAD_MAX - RECV_SIZE and find_head_end(conn.buffer) != -1:
            self._dispatch_if_ready(conn)  # in _again too: read on once the buffer has shrunk
            return
        try:
            data = conn.sock.recv(RECV_SIZE)
            while conn.pending():
                data += conn.sock.recv(RECV_SIZE)
        except (BlockingIOError, InterruptedError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
            return
        except OSError:
            self._drop(conn)
            return
        if not data:
            self._drop(conn)
            return
        if not conn.buffer:
            conn.first_byte_at = self._monotonic()
            conn.deadline = conn.first_byte_at + self._limits.header_timeout
        conn.buffer += data
        conn.strip_leading_blank_lines()
        self._dispatch_if_ready(conn)

    def _sort_out_tls(self, conn: Connection) -> bool:
        """On an HTTPS port, the first byte tells a TLS ClientHello (0x16, handed to a worker
        for the handshake) from plain HTTP (read on, then answered with a redirect).
        Returns True when the connection should be read as plain HTTP."""
        try:
            first = conn.sock.recv(1, socket.MSG_PEEK)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            self._drop(conn)
            return False
        if not first:
            self._drop(conn)
            return False
        if first[0] == TLS_HANDSHAKE_RECORD:
            conn.tls_state = TLS_HANDSHAKE
            self._hand_to_worker(conn)
            return False
        conn.tls_state = PLAIN_ON_TLS
        return True

    def _dispatch_if_ready(self, conn: Connection) -> None:
        """Answer what can be answered from memory right here; hand the rest to a worker."""
        while (end := find_head_end(conn.buffer)) != -1:
            if not self._answer_quickly(conn, end):
                return
        if not conn.buffer:
            return
        try:
            check_partial_head(conn.buffer, self._limits)
            if len(conn.buffer) > HEAD_MAX:  # find_head_end looks no further
                raise HttpError(431, "The request head is too large.")
        except HttpError as err:
            self._handler.record_refusal(conn, err)
            conn.buffer.clear()
            self._queue_reply(conn, [tiny_answer(err.status, err.reason)], keep_alive=False)

    def _answer_quickly(self, conn: Connection, end: int) -> bool:
        """Answer one complete head from memory, or hand the connection to a worker. The answer
        is queued and sent when this round of ready sockets is done (_flush_replies). True when
        the next head in the buffer may be answered the same way now."""
        if conn.replies_size >= REPLIES_MAX:
            return False  # the flush sends these first, then comes back for the rest
        answer = None if self._stopping else \
            self._handler.answer_quickly(conn, bytes(conn.buffer[:end]))
        if answer is None:
            if conn.replies:  # queued answers go out first: the worker sends them
                conn.unsent = b"".join(conn.replies)
                conn.replies, conn.replies_size = [], 0
            self._hand_to_worker(conn)
            return False
        del conn.buffer[:end]
        keep_alive, parts = answer
        self._queue_reply(conn, parts, keep_alive)
        if not keep_alive:
            return False
        conn.strip_leading_blank_lines()
        now = self._monotonic()
        if conn.buffer:
            conn.first_byte_at = now
            conn.deadline = now + self._limits.header_timeout
        else:
            conn.deadline = now + self._limits.idle_timeout
        return True

    def _queue_reply(self, conn: Connection, parts: list[bytes], keep_alive: bool) -> None:
        if not conn.replies:
            self._to_flush.append(conn)
        conn.replies += parts
        conn.replies_size += sum(map(len, parts))
        conn.close_after_unsent = not keep_alive

    def _flush_replies(self) -> None:
        """Send the answers made in this round, one system call per connection. Sending them
        together at the end, instead of each as soon as it is made, measured 16 -> 7 us per
        send here: a client woken by the first answer is still awake for the next ones."""
        conns, self._to_flush = self._to_flush, []
        for conn in conns:
            if conn.replies:  # else handed to a worker since, with its answers
                self._guarded(self._flush, conn)

    def _continue_pipelines(self) -> None:
        again, self._again = self._again, []
        for conn in again:
            if conn in self._parked:  # not dropped or handed over since
                self._guarded(self._dispatch_if_ready, conn)

    def _flush(self, conn: Connection) -> None:
        parts, conn.replies, conn.replies_size = conn.replies, [], 0
        unsent = send_without_waiting(conn, parts)
        if unsent is None:
            self._drop(conn)
        elif unsent:  # the client reads slowly: a worker may wait for it, the serve thread not
            conn.unsent = unsent
            self._hand_to_worker(conn)
        elif conn.close_after_unsent:
            self._drop(conn)
        elif find_head_end(conn.buffer) != -1:  # held back by REPLIES_MAX
            self._again.append(conn)

    def _hand_to_worker(self, conn: Connection) -> None:
        self._unpark(conn)
        self._jobs.put(conn)

    def _take_back_returned(self) -> None:
        try:
            while self._wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        # Cleared after the wake-up bytes are read and before the queue is drained: a worker
        # that saw the flag set has appended already, and one that sees it clear sends a byte.
        self._wake_pending = False
        now = self._monotonic()
        while self._returned:
            conn = self._returned.popleft()
            conn.sock.setblocking(False)
            if conn.tls_state == TLS_HANDSHAKE:
                pass  # still under the deadline set when it was accepted
            elif conn.buffer:
                conn.deadline = conn.first_byte_at + self._limits.header_timeout
            else:
                conn.deadline = now + self._limits.idle_timeout
            self._park(conn)
            if conn.pending():
                self._guarded(self._on_readable, conn)
            elif conn.buffer:
                self._guarded(self._dispatch_if_ready, conn)

    def _sweep_deadlines(self, now: float) -> None:
        expired = [conn for conn in self._parked if conn.deadline <= now]
        for conn in expired:
            if conn.buffer:  # a head that started but never finished: say so before closing
                err = HttpError(408, "The request head took too long to arrive.")
                self._handler.record_refusal(conn, err)
                send_now(conn.sock, 408, err.reason)
            self._drop(conn)

    def _drop(self, conn: Connection) -> None:
        if conn in self._parked:
            self._unpark(conn)
        self._connections.close(conn)

    def _wake(self) -> None:
        # BlockingIOError: a wake-up is already pending; OSError: we are shutting down.
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    # -- workers -----------------------------------------------------------------------------

    def _new_worker(self) -> threading.Thread:
        thread = threading.Thread(target=self._work, name="pier-worker", daemon=True)
        with self._threads_lock:
            self._workers = [t for t in self._workers if t.ident is None or t.is_alive()]
            self._workers.append(thread)
        return thread

    def _work(self) -> None:
        while True:
            conn = self._jobs.get()
            if conn is None:
                return
            if self._survived(conn) and not self._stopping:
                self._returned.append(conn)
                if not self._wake_pending:  # one wake-up byte serves every return before it
                    self._wake_pending = True
                    self._wake()
            else:
                self._connections.close(conn)
            if getattr(self._detached, "value", False):
                return  # a replacement took this thread's place in the pool

    def _detach_current_worker(self) -> None:
        """Called by the handler before a long transfer (a large download): this thread leaves
        the pool once the transfer ends and a fresh worker takes its place now, so slow
        downloaders never starve quick requests. A detached thread serves only the connection
        it was detached for and ends right after it, so there are never (but for that moment)
        more detached threads than open connections: the share's threads are bounded by
        max_connections + workers + 2 (the serve and health threads)."""
        if getattr(self._detached, "value", False) or self._stopping:
            return
        self._detached.value = True
        self._new_worker().start()

    def _survived(self, conn: Connection) -> bool:
        """_run_requests, in a worker that outlives whatever escapes a request: that
        connection is closed, the error logged once, and the pool keeps its thread."""
        try:
            return self._run_requests(conn)
        except Exception:
            log.exception("serving %s failed; closing that connection", conn.client)
            return False

    def _run_requests(self, conn: Connection) -> bool:
        """Serve every complete request in the buffer. True if the connection stays open."""
        if conn.tls_state == TLS_HANDSHAKE:
            outcome = shake_hands(conn, self._tls_context)
            if outcome is not HANDSHAKE_DONE:
                return outcome is HANDSHAKE_WAITING  # parked until the client sends more
        if conn.unsent and not finish_unsent(conn, self._detach_current_worker):
            return False
        conn.sock.settimeout(self._limits.io_timeout)
        while True:
            end = find_head_end(conn.buffer)
            if end == -1:
                conn.first_byte_at = self._monotonic() if conn.buffer else 0.0
                return True
            keep_alive = self._handler.handle(conn, conn.take_head(end))
            if not keep_alive or self._stopping:
                return False
            conn.strip_leading_blank_lines()
            if conn.buffer:
                conn.first_byte_at = self._monotonic()
