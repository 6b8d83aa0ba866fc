"""Sending an answer: the head, a body from memory, errors, bandwidth limits. The routes
(server/file_routes.py, folder_routes.py, write_routes.py) build on it; server/handler.py routes.
Routes still send rather than return a response (see docs/ARCHITECTURE.md, known gaps)."""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Callable

from server import pages, writes
from server.config import ServerConfig
from server.connection import BodyReader, Connection
from server.control import TrafficControl
from server.exchange import PAGE_CSP, QUICK_SEND, Exchange, NeedsWorker
from server.http11 import DateCache, HttpError, Request, phrase, status_line
from server.sending import (
    send_parts,
)

log = logging.getLogger("pier.server")

SERVER_HEADER = b"Server: Pier\r\n"
KEEP_ALIVE = b"Connection: keep-alive\r\n"
CLOSE = b"Connection: close\r\n"
MAX_DRAINED_BODY = 64 * 1024
MSG_MORE = getattr(socket, "MSG_MORE", 0)  # Linux: hold a head back until the body joins it


class Responder:
    """What every route uses to answer. The attributes are set by RequestHandler.__init__."""

    _config: ServerConfig
    _dates: DateCache
    _control: TrafficControl
    _on_long_transfer: Callable[[], None]

    def _head(self, ex: Exchange, status: int, headers: bytes, length: int | None) -> bytes:
        parts = [status_line(status), self._dates.header(), SERVER_HEADER, headers]
        if length is not None:
            parts.append(b"Content-Length: %d\r\n" % length)
        if ex.request is not None and ex.request.version == "HTTP/1.0" and ex.keep_alive:
            parts.append(KEEP_ALIVE)
        elif not ex.keep_alive:
            parts.append(CLOSE)
        parts.append(b"\r\n")
        return b"".join(parts)

    def _send_head(self, ex: Exchange, status: int, headers: bytes, length: int | None, *,
                   body_follows: bool = False) -> None:
        """The head alone; with ``body_follows`` (plain HTTP, file data next) it waits in the
        kernel for the first bytes of the body, so that both leave in the same packets."""
        self._need_worker(ex)  # a body streamed after this head can wait on the client
        ex.status = status
        flags = MSG_MORE if body_follows and not ex.conn.tls else 0
        ex.conn.sock.sendall(self._head(ex, status, headers, length), flags)

    def _send(self, ex: Exchange, status: int, headers: bytes, body: bytes,
              length: int | None = -1) -> None:
        """Head and body in one sendall. ``length=None`` omits Content-Length (304)."""
        if length == -1:
            length = len(body)
        head = self._head(ex, status, headers, length)
        ex.status = status
        if ex.head_only or status in (204, 304):
            body = b""
        if ex.out is not None:  # quick mode decided up front that no limit applies
            ex.out += (head, body) if body else (head,)
        elif body:
            self._respect_limits(ex.conn, len(body))
            send_parts(ex.conn, head, body)
        else:
            ex.conn.sock.sendall(head)
        ex.sent = len(body)

    @staticmethod
    def _need_worker(ex: Exchange) -> None:
        if ex.out is not None:
            raise NeedsWorker

    def _respect_limits(self, conn: Connection, amount: int) -> None:
        """Under a bandwidth limit, wait for our share of it; a long wait gives up the worker."""
        if not self._control.limited or not amount:
            return
        wait = self._control.wait_for(conn.client, amount)
        if wait > QUICK_SEND:
            self._on_long_transfer()
        if wait:
            time.sleep(wait)

    def _answer_error(self, ex: Exchange, err: HttpError) -> None:
        if ex.status:  # the head already went out; the only honest signal left is closing
            ex.keep_alive = False
            return
        if err.close or ex.body_pending:
            ex.keep_alive = False  # unread body bytes would be taken for the next request
        reason = getattr(err, "title", "") or phrase(err.status)
        if ex.request is not None and ex.wants_json():
            body = json.dumps({"status": err.status, "error": err.reason}).encode("utf-8")
            headers = b"Content-Type: application/json; charset=utf-8\r\n"
        else:
            body = pages.render_error(err.status, reason, getattr(err, "detail", err.reason),
                                      self._config.server_name)
            headers = b"Content-Type: text/html; charset=utf-8\r\n" + PAGE_CSP
        headers += b"X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
        headers += err.headers
        try:
            self._send(ex, err.status, headers, body)
        except (ConnectionError, TimeoutError, OSError):
            ex.keep_alive = False


    def _skip_body(self, ex: Exchange, request: Request) -> None:
        """Bodies on GET/HEAD/OPTIONS mean nothing to us, but must be consumed to keep framing."""
        if request.content_length > MAX_DRAINED_BODY:
            raise HttpError(413, "The request body is too large.")
        if request.content_length or request.chunked:
            writes.expect_continue(ex.conn, request)  # a waiting client sends nothing without it
            if request.chunked or len(ex.conn.buffer) < request.content_length:
                self._on_long_transfer()  # a slow sender must not hold a pool worker
            body = BodyReader(ex.conn, request.content_length, request.chunked)
            try:
                body.drain(MAX_DRAINED_BODY)
                ex.body_read = True
            finally:
                ex.received = body.received

