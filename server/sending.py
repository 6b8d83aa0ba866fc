"""Sending response bodies to clients that may read slowly.

A transfer is given up only when the client has taken no bytes for the I/O timeout, never merely
because the socket stayed unwritable that long. Linux reports a socket writable only once a
third of its send buffer is free, and the kernel grows that buffer to several megabytes for a
fast link: a client reading steadily at 50 KB/s then needs longer than 30 s to make a send
buffer writable again, although it is taking bytes all the time. Progress is therefore measured
as the shrinking of the socket's queue of bytes the client has not yet acknowledged (ioctl
SIOCOUTQ on Linux, server.portable); where that queue cannot be read, writability is all there
is to go by.
A client whose receive window is closed shows no progress even while its program reads; it is
given the time a slow reader needs for what it may hold (see _Watch).

The same queue tells, at the end of a response or when it fails, how many of the bytes handed to
the kernel the client really received (``delivered``), which is what the log records.
"""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import struct
import time
from collections.abc import Callable, Iterator
from typing import Protocol

from server import portable
from server.connection import Connection
from server.portable import Wake, features, unacknowledged_bytes, wait_ready

CHUNK = 256 * 1024  # bytes read from a file and sent per send call when sendfile cannot be used
SLICE = 0.5  # longest single wait between two looks at the queue, in seconds
MIN_READ_RATE = 32 * 1024  # bytes/s: the slowest reader of a full receive buffer kept
CLOSED_WINDOW_MAX = 600.0  # seconds: the longest a closed receive window is waited for
FIRST_LOOK = 0.001  # the first wait for the last bytes to be acknowledged; doubles up to SLICE
PARTS_MIN = 16384  # below this body size, head and body are joined into one buffer
_INT = struct.Struct("i")
_LINGER_RESET = struct.pack("ii", 1, 0)
TCP_INFO = getattr(socket, "TCP_INFO", 11)
_PROBES = 3  # struct tcp_info: unanswered window probes (u8)
_UNACKED = 24  # packets in flight (u32)
_BYTES_ACKED = 120  # bytes the client acknowledged on the connection (u64, Linux 4.1+)
_TCP_INFO_SIZE = 128
_U64 = struct.Struct("Q")
_WAIT_WRITE = (BlockingIOError, InterruptedError, ssl.SSLWantWriteError)


def delivered(sock: socket.socket, handed: int) -> int:
    """Of ``handed`` body bytes given to the kernel (the last ones on the socket), how many the
    client acknowledged; all of them where the system cannot tell. Over TLS the queue holds
    records, a little larger than their content, so this errs on the low side by under 0.2 %
    of what is still queued."""
    try:
        fd = sock.fileno()
    except OSError:
        return handed
    queued = unacknowledged_bytes(fd) if fd >= 0 else None
    if queued is None:
        return handed
    return max(0, handed - queued)


class _Watch:
    """How long the client has taken none of our bytes, judged by the queue of bytes it has yet
    to acknowledge.

    A client whose receive window is closed while its system still answers our window probes
    holds a buffer full of our data that its program may be reading steadily without the
    server seeing any of it: Linux 6.x grows a receive buffer to tens of megabytes and reopens
    the window only once much of it is free (measured: curl --limit-rate 50k took 1.8, 3, then
    5 MB at once and kept its window closed for 30, 54, then 100 s). Such a client may hold at
    most what it has acknowledged on the connection, so it is given the time a reader at
    MIN_READ_RATE needs for that (at most CLOSED_WINDOW_MAX), and at least the timeout. A
    stopped reader is told from a slow one only then. Any reader that takes one byte per
    timeout can hold a transfer as long as it likes anyway; this only bounds how long a
    stopped one is kept."""

    __slots__ = ("fd", "queued", "since", "sock", "timeout")

    def __init__(self, sock: socket.socket, fd: int, queued: int, timeout: float) -> None:
        self.sock = sock
        self.fd = fd
        self.queued = queued
        self.timeout = timeout
        self.since = time.monotonic()  # when the client last took bytes

    def look(self) -> int | None:
        """The queue now; a shrink counts as progress."""
        queued = unacknowledged_bytes(self.fd)
        if queued is not None:
            if queued < self.queued:
                self.since = time.monotonic()
            self.queued = queued
        return queued

    def given_up(self) -> bool:
        idle = time.monotonic() - self.since
        return idle >= self.timeout and idle >= self._closed_window_allowance()

    def _closed_window_allowance(self) -> float:
        """Seconds a client may keep its window closed: 0 unless its window is closed (nothing
        in flight, bytes waiting) and its system answers our window probes (Linux answers one
        per half second at most: the one before the last may have gone unanswered)."""
        try:
            info = self.sock.getsockopt(socket.IPPROTO_TCP, TCP_INFO, _TCP_INFO_SIZE)
        except (OSError, AttributeError):
            return 0.0
        if len(info) < _TCP_INFO_SIZE or self.queued <= 0:
            return 0.0
        probes_unanswered = info[_PROBES]
        in_flight = _INT.unpack_from(info, _UNACKED)[0]
        if probes_unanswered > 1 or in_flight:
            return 0.0
        acknowledged = _U64.unpack_from(info, _BYTES_ACKED)[0]
        return min(CLOSED_WINDOW_MAX, acknowledged / MIN_READ_RATE)


def wait_for_client(sock: socket.socket, timeout: float, *, readable: bool = False) -> bool:
    """Wait until ``sock`` is writable (or ``readable``). False when the client took no bytes
    at all for ``timeout`` seconds (see _Watch): each shrink of the queue of bytes it has yet
    to acknowledge starts the timeout afresh. Errors and hang-ups count as ready, so that the
    next send reports them."""
    fd = sock.fileno()
    queued = unacknowledged_bytes(fd)
    if queued is None:  # no queue to watch: only writability tells
        return wait_ready(fd, timeout, readable=readable)
    watch = _Watch(sock, fd, queued, timeout)
    step = min(SLICE, timeout / 4)
    while True:
        if wait_ready(fd, step, readable=readable):
            return True
        watch.look()
        if watch.given_up():
            return False


def wait_until_delivered(sock: socket.socket, timeout: float,
                         on_slow: Callable[[], None] | None = None, slow_after: float = 0.05
                         ) -> bool:
    """Wait until the client acknowledged every byte queued on ``sock``: the end of a response
    is only known to have arrived then. False when it took nothing for ``timeout`` seconds (see
    _Watch), or the connection failed or was cut meanwhile; True at once where the queue cannot
    be read. ``on_slow`` is called once if the wait lasts longer than ``slow_after`` seconds
    (the caller gives up its pool worker). A request that arrives meanwhile carries an
    acknowledgement of everything received before it, so the wait also looks again whenever
    the socket turns readable."""
    try:
        fd = sock.fileno()
    except OSError:
        return False
    queued = unacknowledged_bytes(fd) if fd >= 0 else None
    if not queued:
        return True
    watch = _Watch(sock, fd, queued, timeout)
    started = watch.since
    readable = True
    step = FIRST_LOOK
    while True:
        woke = portable.watch(fd, step, readable=readable)
        if woke is Wake.FAILED:
            return False
        if woke is Wake.READABLE:
            readable = False  # readable stays readable: from now on, only sleep in steps
        queued = watch.look()
        if not queued:
            return queued == 0
        if watch.given_up():
            cut(sock)
            return False
        if on_slow is not None and time.monotonic() - started > slow_after:
            on_slow()
            on_slow = None
        step = min(SLICE, timeout / 4, step * 2)


def cut(sock: socket.socket) -> None:
    """Make the coming close reset the connection instead of leaving the kernel to deliver
    what is still queued: the client then has exactly what was counted as delivered."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RESET)


@contextlib.contextmanager
def _non_blocking(sock: socket.socket) -> Iterator[None]:
    """The socket without its timeout, which would poll for writability before every send;
    the timeout (the I/O deadline of reads) comes back afterwards."""
    previous = sock.gettimeout()
    sock.settimeout(0.0)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            sock.settimeout(previous)


def _send_rest(sock: socket.socket, data: memoryview, timeout: float,
               progress: Progress | None = None,
               before_wait: Callable[[], None] | None = None) -> None:
    """Send all of ``data`` on a non-blocking (plain or TLS) socket, adding what went to
    ``progress.done``; TimeoutError when the client takes nothing for ``timeout`` seconds.
    ``before_wait`` is called once, before the first wait for the client."""
    while data:
        try:
            sent = sock.send(data)
        except _WAIT_WRITE:
            readable = False
        except ssl.SSLWantReadError:  # TLS needs to read first (a key update)
            readable = True
        else:
            data = data[sent:]
            if progress is not None:
                progress.done += sent
            continue
        if before_wait is not None:
            before_wait()
            before_wait = None
        # the same buffer is offered again, as OpenSSL asks after a write that had to wait
        if not wait_for_client(sock, timeout, readable=readable):
            cut(sock)
            raise TimeoutError("the client stopped reading")


def send_all(sock: socket.socket, data: bytes | memoryview, timeout: float,
             before_wait: Callable[[], None] | None = None) -> None:
    """sendall that gives up only when the client takes no bytes for ``timeout`` seconds;
    ``before_wait`` is called once if the client cannot take it all at once."""
    with _non_blocking(sock):
        _send_rest(sock, memoryview(data), timeout, before_wait=before_wait)


def send_parts(conn: Connection, head: bytes, body: bytes,
               before_wait: Callable[[], None] | None = None) -> None:
    """Head and body in one system call where the socket allows it, without first copying
    them into one buffer (a cached listing is hundreds of kilobytes); ``before_wait`` as for
    send_all."""
    sock = conn.sock
    if conn.tls or len(body) < PARTS_MIN or not features.sendmsg:
        send_all(sock, head + body, conn.io_timeout, before_wait)
        return
    with _non_blocking(sock):
        try:
            sent = sock.sendmsg((head, body))
        except (BlockingIOError, InterruptedError):
            sent = 0
        if sent < len(head):
            _send_rest(sock, memoryview(head)[sent:], conn.io_timeout, before_wait=before_wait)
            sent = len(head)
        _send_rest(sock, memoryview(body)[sent - len(head):], conn.io_timeout,
                   before_wait=before_wait)


class Progress(Protocol):
    """What a transfer has handed to the kernel so far (server.control.Transfer)."""

    done: int


def send_file(sock: socket.socket, fd: int, offset: int, count: int, timeout: float,
              progress: Progress, *, give_up: bool = False) -> int:
    """os.sendfile until ``count`` bytes went, each amount added to ``progress.done`` as it
    goes (so that it is right also when the client goes away); returns how many went (fewer:
    the file ended). A client that takes no bytes for ``timeout`` seconds raises TimeoutError;
    with ``give_up`` the call instead ends with what went so far as soon as the socket stays
    unwritable for ``timeout`` (a short first attempt that tells fast clients from slow ones).
    socket.sendfile does the same with a selector object per call and needs a file object;
    this is the hot path of every download. Without os.sendfile (Windows) the file is read
    and sent in CHUNK pieces, with the same waits."""
    out = sock.fileno()
    if not features.sendfile:
        return _send_read_pieces(sock, fd, offset, count, timeout, progress, give_up)
    sent = 0
    while sent < count:
        try:
            n = os.sendfile(out, fd, offset + sent, count - sent)
        except (BlockingIOError, InterruptedError):
            if not _waited(sock, timeout, give_up):
                return sent
            continue
        if n == 0:
            break
        sent += n
        progress.done += n
    return sent


def _waited(sock: socket.socket, timeout: float, give_up: bool) -> bool:
    """Wait for a full socket to take bytes again. False (only with ``give_up``) when it
    stayed unwritable for ``timeout``; TimeoutError (without) when the client took nothing."""
    if give_up:
        return wait_ready(sock.fileno(), timeout)
    if not wait_for_client(sock, timeout):
        cut(sock)
        raise TimeoutError("the client stopped reading") from None
    return True


def _send_read_pieces(sock: socket.socket, fd: int, offset: int, count: int, timeout: float,
                      progress: Progress, give_up: bool) -> int:
    """send_file() where os.sendfile is missing."""
    sent = 0
    with _non_blocking(sock):
        while sent < count:
            piece = memoryview(portable.read_at(fd, min(CHUNK, count - sent), offset + sent))
            if not piece:
                break
            while piece:
                try:
                    n = sock.send(piece)
                except _WAIT_WRITE:
                    if not _waited(sock, timeout, give_up):
                        return sent
                    continue
                piece = piece[n:]
                sent += n
                progress.done += n
    return sent


def copy_chunks(conn: Connection, fd: int, offset: int, count: int, progress: Progress) -> int:
    """Send ``count`` bytes of file ``fd`` from ``offset`` through the socket object (TLS, or
    a bandwidth limit), each chunk added to ``progress.done``; returns how many went (fewer:
    the file ended)."""
    sent = 0
    with _non_blocking(conn.sock):
        while sent < count:
            chunk = portable.read_at(fd, min(CHUNK, count - sent), offset + sent)
            if not chunk:
                break
            _send_rest(conn.sock, memoryview(chunk), conn.io_timeout, progress)
            sent += len(chunk)
    return sent
