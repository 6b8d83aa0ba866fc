"""Steps on one connection's socket that touch none of the serve loop's bookkeeping: sends that
must not wait, and tiny plain-text answers for refusals made before any handler runs (TLS
handshakes: server/handshakes.py)."""

from __future__ import annotations

import logging
import socket
import ssl
from collections.abc import Callable

from server.connection import Connection
from server.http11 import status_line
from server.portable import features

log = logging.getLogger("pier.server")

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
