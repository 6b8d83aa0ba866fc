"""Steps on one connection's socket that touch none of the serve loop's bookkeeping: sends that
must not wait, a TLS handshake advanced without waiting for the client, and tiny plain-text
answers for refusals made before any handler runs."""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable
from enum import Enum

from server.connection import TLS_DONE, Connection
from server.http11 import status_line
from server.portable import features

log = logging.getLogger("pier.server")

TLS_HANDSHAKE_RECORD = 0x16  # the first byte of a TLS ClientHello


class Handshake(Enum):
    """How far shake_hands got."""

    DONE = "done"
    WAITING = "waiting"  # for the client's next flight: parked again
    FAILED = "failed"


HANDSHAKE_DONE, HANDSHAKE_WAITING, HANDSHAKE_FAILED = (Handshake.DONE, Handshake.WAITING,
                                                       Handshake.FAILED)
SENDMSG_PARTS_MAX = 64  # beyond this many pieces, one buffer (IOV_MAX is 1024 on Linux)


def send_without_waiting(conn: Connection, parts: list[bytes]) -> bytes | None:
    """Send what the socket takes now; returns the rest (b"" when all went), or None when
    the client is gone."""
    try:
        if (conn.tls or len(parts) == 1 or len(parts) > SENDMSG_PARTS_MAX
                or not features.sendmsg):
            data = parts[0] if len(parts) == 1 else b"".join(parts)
            sent = conn.sock.send(data)
        else:
            sent = conn.sock.sendmsg(parts)
            data = b"" if sent == sum(map(len, parts)) else b"".join(parts)
    except (BlockingIOError, InterruptedError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
        return b"".join(parts)
    except OSError:
        return None
    return data[sent:] if data else b""


def finish_unsent(conn: Connection, before_waiting: Callable[[], None]) -> bool:
    """Send the rest of answers the serve thread started (the socket still non-blocking, as
    the serve thread left it). When the client does not take it all at once, it is a slow
    reader: ``before_waiting`` gives the transfer a worker of its own first, so that a slow
    reader of quick answers cannot hold a pool worker. True if the connection stays."""
    rest = send_without_waiting(conn, [conn.unsent])
    try:
        if rest is None:
            raise ConnectionResetError("the client went away")
        if rest:
            before_waiting()
            conn.sock.settimeout(conn.io_timeout)
            conn.sock.sendall(rest)
    except (OSError, ValueError) as err:
        log.debug("client %s went away: %s", conn.client, err)
        return False
    conn.unsent = b""
    close, conn.close_after_unsent = conn.close_after_unsent, False
    return not close


def shake_hands(conn: Connection, context: ssl.SSLContext | None) -> Handshake:
    """Advance the TLS handshake without ever waiting for the client: the crypto runs in a
    worker, and when the client's next flight has not arrived the connection is parked
    again (still under its header deadline). A client that stalls mid-handshake therefore
    costs no worker, and a silent one never even reaches a worker."""
    assert context is not None
    try:
        if not isinstance(conn.sock, ssl.SSLSocket):
            conn.sock.setblocking(False)
            conn.sock = context.wrap_socket(conn.sock, server_side=True,
                                           do_handshake_on_connect=False)
        conn.sock.setblocking(False)
        conn.sock.do_handshake()
    except ssl.SSLWantReadError:
        return HANDSHAKE_WAITING
    except ssl.SSLWantWriteError:
        return _finish_handshake_blocking(conn)
    except (OSError, ValueError, AttributeError) as err:
        # ssl.SSLError is an OSError; AttributeError: stop() closed the socket meanwhile
        log.debug("TLS handshake with %s failed: %s", conn.client, err)
        return HANDSHAKE_FAILED
    conn.tls = True
    conn.tls_state = TLS_DONE
    return HANDSHAKE_DONE

def _finish_handshake_blocking(conn: Connection) -> Handshake:
    """Our own send buffer is full mid-handshake (rare): wait for it, within the deadline."""
    sock = conn.sock
    assert isinstance(sock, ssl.SSLSocket)  # shake_hands wrapped it
    sock.settimeout(max(0.05, conn.deadline - time.monotonic()))
    try:
        sock.do_handshake()
    except (OSError, ValueError) as err:
        log.debug("TLS handshake with %s failed: %s", conn.client, err)
        return HANDSHAKE_FAILED
    conn.tls = True
    conn.tls_state = TLS_DONE
    return HANDSHAKE_DONE


def refuse_busy(sock: socket.socket) -> None:
    send_now(sock, 503, "The server is busy; try again in a moment.", retry_after=1)
    sock.close()


def tiny_answer(status: int, reason: str, retry_after: int = 0) -> bytes:
    """A short plain-text answer that closes the connection; it fits any socket buffer."""
    body = f"{status} {reason}\n".encode()
    extra = f"Retry-After: {retry_after}\r\n".encode() if retry_after else b""
    head = (status_line(status) + b"Content-Type: text/plain; charset=utf-8\r\n"
            + b"X-Content-Type-Options: nosniff\r\n" + extra
            + b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body))
    return head + body


def send_now(sock: socket.socket, status: int, reason: str, retry_after: int = 0) -> None:
    """A tiny answer sent without blocking the serve thread."""
    try:
        sock.setblocking(False)
        sock.send(tiny_answer(status, reason, retry_after))
    except OSError:
        pass
