"""One client connection: its socket, the bytes read ahead of the handler, and its deadlines."""

from __future__ import annotations

import contextlib
import socket
import time


class Connection:
    """Owned by the serve thread while parked, by exactly one worker while a request runs."""

    __slots__ = ("buffer", "client", "deadline", "first_byte_at", "io_timeout", "sock", "tls")

    def __init__(self, sock: socket.socket, client: str, io_timeout: float, tls: bool) -> None:
        self.sock = sock
        self.client = client
        self.buffer = bytearray()
        self.deadline = 0.0  # monotonic time at which the serve thread gives up on this connection
        self.first_byte_at = 0.0  # monotonic time the current head started arriving; 0 = none yet
        self.io_timeout = io_timeout
        self.tls = tls

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

    def read_body(self, length: int, sink_chunk) -> int:
        """Read exactly ``length`` body bytes, passing each chunk to ``sink_chunk``.
        Returns the number of bytes read."""
        done = 0
        if self.buffer:
            take = min(length, len(self.buffer))
            sink_chunk(bytes(self.buffer[:take]))
            del self.buffer[:take]
            done = take
        while done < length:
            chunk = self.sock.recv(min(262144, length - done))
            if not chunk:
                raise ConnectionResetError("client closed the connection mid-body")
            sink_chunk(chunk)
            done += len(chunk)
        return done

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()

    def abort(self) -> None:
        """Make any blocked send/recv on this socket fail now (used by stop())."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


def monotonic() -> float:
    return time.monotonic()
