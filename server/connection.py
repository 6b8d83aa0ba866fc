"""One client connection: its socket, the bytes read ahead of the handler, and its deadlines."""

from __future__ import annotations

import contextlib
import re
import socket
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING

from server.http11 import HttpError

if TYPE_CHECKING:
    from server.auth import ConnectionLogin
    from server.exchange import Prepared

_LINGER_RESET = struct.pack("ii", 1, 0)
PLAIN = "plain"  # an HTTP listener
TLS_EXPECTED = "tls-expected"  # an HTTPS listener, nothing received yet
TLS_HANDSHAKE = "tls-handshake"  # a TLS ClientHello has started arriving: a worker shakes hands
TLS_DONE = "tls"
PLAIN_ON_TLS = "plain-on-tls"  # plain HTTP sent to the HTTPS port: answered with a redirect

# RFC 9112 7.1: chunk-size [ chunk-ext ] CRLF, chunk-size = 1*HEXDIG (at most 16 here), each
# extension ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] BWS. Nothing may surround
# the size itself, and no CR, LF or other control character may appear (issue 13, finding 13):
# parsers that forgive such lines disagree on where a body ends.
_TOKEN = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_QUOTED = rb'"(?:[\t !#-\[\]-~\x80-\xff]|\\[\t -~\x80-\xff])*"'
_CHUNK_LINE = re.compile(rb"([0-9A-Fa-f]{1,16})(?:;[ \t]*%s(?:[ \t]*=[ \t]*(?:%s|%s))?[ \t]*)*"
                         % (_TOKEN, _TOKEN, _QUOTED))
_TRAILER_LINE = re.compile(rb"%s:[\t \x21-\x7e\x80-\xff]*" % _TOKEN)


class Connection:
    """Owned by the serve thread while parked, by exactly one worker while a request runs."""

    __slots__ = ("buffer", "client", "close_after_unsent", "deadline", "first_byte_at",
                 "head_taken", "io_timeout", "login", "prepared", "replies", "replies_size",
                 "sock", "tls", "tls_state", "unsent")

    def __init__(self, sock: socket.socket, client: str, io_timeout: float,
                 tls_state: str = PLAIN) -> None:
        self.sock = sock
        self.client = client
        self.buffer = bytearray()
        self.deadline = 0.0  # monotonic time at which the serve thread gives up on this connection
        self.first_byte_at = 0.0  # monotonic time the current head started arriving; 0 = none yet
        self.io_timeout = io_timeout
        self.tls_state = tls_state
        self.tls = False  # True once the TLS handshake is done
        self.login: ConnectionLogin | None = None  # a Basic login verified on this connection
        # what the serve thread did for a request it handed to a worker (login, answer)
        self.prepared: Prepared | None = None
        self.replies: list[bytes] = []  # quick answers the serve thread has yet to send
        self.replies_size = 0
        self.unsent = b""  # the rest of the answers the serve thread could not send at once
        self.close_after_unsent = False  # the last of those answers closes the connection
        # the serve thread handed the head at the front of the buffer to a worker: that
        # request is being answered, even by a loop that has begun to stop since
        self.head_taken = False

    def pending(self) -> int:
        """Decrypted bytes the TLS layer holds that select() cannot see."""
        return self.sock.pending() if self.tls else 0  # type: ignore[attr-defined]

    def fileno(self) -> int:
        return self.sock.fileno()

    def take_head(self, end: int) -> bytes:
        head = bytes(self.buffer[:end])
        del self.buffer[:end]
        return head

    def strip_leading_blank_lines(self) -> None:
        """RFC 9112 2.2: ignore empty lines received before a request line."""
        while self.buffer[:2] == b"\r\n":
            del self.buffer[:2]
        while self.buffer[:1] == b"\n":
            del self.buffer[:1]

    def recv_into_buffer(self) -> None:
        """Wait for more bytes from the client (bounded by the socket timeout)."""
        data = self.sock.recv(262144)
        if not data:
            raise ConnectionResetError("the client closed the connection mid-body")
        self.buffer += data

    def read_some(self, limit: int) -> bytes:
        """Up to ``limit`` bytes: what is buffered, else one receive."""
        if not self.buffer:
            self.recv_into_buffer()
        data = bytes(self.buffer[:limit])
        del self.buffer[:len(data)]
        return data

    def read_line(self, limit: int) -> bytes:
        """One CRLF-terminated line without its CRLF; HttpError(400) past ``limit`` bytes."""
        while True:
            end = self.buffer.find(b"\r\n", 0, limit + 2)
            if end != -1:
                line = bytes(self.buffer[:end])
                del self.buffer[:end + 2]
                return line
            if len(self.buffer) > limit:
                raise HttpError(400, "A chunk header line is too long.")
            self.recv_into_buffer()

    def close(self) -> None:
        if self.tls:  # say goodbye (close_notify) without waiting for the client's answer
            with contextlib.suppress(OSError, ValueError):
                self.sock.setblocking(False)
                self.sock.unwrap()  # type: ignore[attr-defined]
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()

    def abort(self) -> None:
        """Cut the connection now (stop, cancel, disconnect, ban): any blocked send/recv fails
        at once, and the close that follows resets the connection (SO_LINGER 0) instead of
        first delivering megabytes still queued for a slow reader. The socket is only closed
        by its owner thread, so its descriptor cannot be reused under a running worker."""
        with contextlib.suppress(OSError):
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, _LINGER_RESET)
            self.sock.shutdown(socket.SHUT_RDWR)


class BodyReader:
    """A request body, read on demand: Content-Length framed or chunked (RFC 9112 7.1).

    ``read(n)`` returns up to n bytes and b"" at the end; malformed chunked framing raises
    HttpError(400), which closes the connection because the framing is lost."""

    MAX_LINE = 4096
    MAX_TRAILERS = 64

    def __init__(self, conn: Connection, length: int, chunked: bool, *,
                 before_first_read: Callable[[], None] | None = None) -> None:
        self._conn = conn
        self._chunked = chunked
        self._left = length  # in the current chunk, or in the whole body
        self._done = not chunked and length == 0
        self._before_first_read = before_first_read  # e.g. "100 Continue" to a waiting client
        self.received = 0

    @property
    def finished(self) -> bool:
        return self._done

    def read(self, n: int = 262144) -> bytes:
        if self._done:
            return b""
        if self._before_first_read is not None:
            self._before_first_read()
            self._before_first_read = None
        if self._chunked and self._left == 0:
            self._start_chunk()
            if self._done:
                return b""
        data = self._conn.read_some(min(n, self._left))
        self._left -= len(data)
        self.received += len(data)
        if self._left == 0:
            if self._chunked:
                if self._conn.read_line(self.MAX_LINE) != b"":
                    raise HttpError(400, "Chunk data is not followed by CRLF.")
            else:
                self._done = True
        return data

    def _start_chunk(self) -> None:
        line = self._conn.read_line(self.MAX_LINE)
        match = _CHUNK_LINE.fullmatch(line)
        if match is None:
            raise HttpError(400, "Invalid chunk size line.")
        self._left = int(match[1], 16)
        if self._left == 0:
            self._skip_trailers()
            self._done = True

    def _skip_trailers(self) -> None:
        for _ in range(self.MAX_TRAILERS):
            line = self._conn.read_line(self.MAX_LINE)
            if line == b"":
                return
            if _TRAILER_LINE.fullmatch(line) is None:
                raise HttpError(400, "Invalid trailer field.")
        raise HttpError(400, "Too many trailer fields.")

    def drain(self, limit: int) -> None:
        """Read and drop the rest of the body, refusing more than ``limit`` bytes."""
        while self.read():
            if self.received > limit:
                raise HttpError(413, "The request body is too large.")
