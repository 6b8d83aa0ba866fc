"""Helpers for the tests of the routes and of what sends their answers (test_call.py,
test_response.py, test_routes_*.py, test_delivery.py, test_handler.py): a validated config of a
share, a route's Call made from a request head the way the router makes it, a request body in
memory, and a socketpair with a server.connection.Connection on the server's end."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs

import pytest

from server.access import policy_for
from server.auth import Authenticator
from server.call import Call, RequestBody
from server.clock import ManualClock
from server.config import ServerConfig, TlsSettings
from server.connection import Connection
from server.http11 import HttpError, parse_head
from server.paths import PierPaths
from server.tls import CertificateStore
from server.users import User, UserStore

T = TypeVar("T")
R = TypeVar("R")
IO_TIMEOUT = 10.0  # only a hung test ever waits this long


def config_of(root: Path, **options: Any) -> ServerConfig:
    """A share's config as the engine is given it: validated (the root resolved)."""
    return ServerConfig(root=root, port=0, **options).validated()


@pytest.fixture
def auth(private_config_dir: Path) -> Authenticator:
    """Logins for a share, with no account: a route is given its user, not a password."""
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    return Authenticator(store, "Pier - share")


@pytest.fixture(scope="module")
def tls_settings(tmp_path_factory: pytest.TempPathFactory) -> TlsSettings:
    """A certificate signed by a local CA, which the share then offers."""
    store = CertificateStore(tmp_path_factory.mktemp("tls"))
    chain, key = store.ensure_server_certificate()
    return TlsSettings(chain, key, store.ca_pem())


def request_head(method: str, target: str, *fields: str, version: str = "HTTP/1.1",
                 host: str | None = "localhost") -> bytes:
    """A request head; ``fields`` are whole header lines ("Range: bytes=0-9")."""
    lines = [f"{method} {target} {version}", *([f"Host: {host}"] if host else []), *fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def call_for(config: ServerConfig, method: str, target: str, *fields: str,
             user: User | None = None, body: RequestBody | None = None,
             serve_thread: bool = False, tls: bool = False) -> Call:
    """What the router gives a route for this request: the parsed head, the target split into
    path and query, and the access policy bound to ``user``."""
    request = parse_head(request_head(method, target, *fields), config.limits)
    path, _, query = target.partition("?")
    return Call(request, path, parse_qs(query, keep_blank_values=True) if query else {},
                user=user, access=policy_for(config).bind(user), tls=tls, body=body,
                on_serve_thread=serve_thread)


class MemoryBody:
    """A RequestBody (server.call) over bytes in memory, handed out in ``piece``-sized reads
    as a connection would."""

    def __init__(self, data: bytes, piece: int = 64 * 1024) -> None:
        self._data = data
        self._piece = piece
        self.received = 0

    @property
    def finished(self) -> bool:
        return self.received >= len(self._data)

    def read(self, n: int = 262144) -> bytes:
        chunk = self._data[self.received:self.received + min(n, self._piece)]
        self.received += len(chunk)
        return chunk

    def drain(self, limit: int) -> None:
        while self.read():
            if self.received > limit:
                raise HttpError(413, "The request body is too large.")


@pytest.fixture
def sockets() -> Iterator[tuple[Connection, socket.socket]]:
    """(the server's Connection, the client's socket) of a connected socketpair."""
    ours, theirs = socket.socketpair()
    ours.settimeout(IO_TIMEOUT)  # as the serve loop sets it: sends then never block for good
    theirs.settimeout(IO_TIMEOUT)
    yield Connection(ours, "127.0.0.1", IO_TIMEOUT), theirs
    ours.close()
    theirs.close()


def served(conn: Connection, client: socket.socket, send: Callable[[], T]) -> tuple[T, bytes]:
    """Run ``send`` (which writes to ``conn``) while a thread reads ``client``; then end the
    server's side for writing and return what ``send`` returned and all the client received.
    The reader makes room, so that sends larger than the socket buffers complete."""

    def read() -> bytes:
        chunks = []
        while chunk := client.recv(1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)

    return _while_reading(conn, send, read, end=True)


def one_answer(conn: Connection, client: socket.socket, send: Callable[[], T],
               method: str = "GET") -> tuple[T, http.client.HTTPResponse, bytes]:
    """Like served(), but the client reads one answer (after any 100 Continue) as
    http.client does, and the connection stays open for the next."""

    def read() -> tuple[http.client.HTTPResponse, bytes]:
        response = http.client.HTTPResponse(client, method=method)
        response.begin()
        return response, response.read()

    result, (response, body) = _while_reading(conn, send, read, end=False)
    return result, response, body


def _while_reading(conn: Connection, send: Callable[[], T], read: Callable[[], R], *,
                   end: bool) -> tuple[T, R]:
    got: list[R] = []
    reader = threading.Thread(target=lambda: got.append(read()), name="test-client",
                              daemon=True)
    reader.start()
    try:
        result = send()
    except BaseException:
        end = True  # the answer may never be complete: let the reader see the end
        raise
    finally:
        if end:
            conn.sock.shutdown(socket.SHUT_WR)
        reader.join(IO_TIMEOUT)
    assert got, "the client never read a whole answer"
    return result, got[0]


def fields_of(header_lines: bytes) -> dict[str, list[str]]:
    """Header lines (each ending in CRLF, as a Response holds them) by lower-cased name."""
    found: dict[str, list[str]] = {}
    for line in header_lines.decode("latin-1").split("\r\n"):
        if line:
            name, sep, value = line.partition(": ")
            assert sep and name == name.strip(), line
            found.setdefault(name.lower(), []).append(value)
    return found


def field(header_lines: bytes, name: str) -> str | None:
    """The one value of header ``name``; None when it is missing."""
    values = fields_of(header_lines).get(name.lower(), [])
    assert len(values) <= 1, (name, values)
    return values[0] if values else None


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def links_file(tmp_path: Path) -> Path:
    """Where a test's share links are kept (the store and the served engine share it)."""
    return PierPaths.under(tmp_path / "config").links_file
