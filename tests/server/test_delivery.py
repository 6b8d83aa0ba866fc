"""server/delivery.py over a real socketpair: the framing it adds (Content-Length, Connection
for HTTP/1.0 and 1.1, none for 204/304, HEAD without a body), bodies from memory, a FileSpan
streamed with sendfile (or in pieces under a limit), a file replaced before it is opened, a zip
and a StreamBody chunked on HTTP/1.1 and close-delimited on HTTP/1.0, and which answers need a
worker."""

from __future__ import annotations

import io
import os
import socket
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.access import policy_for
from server.cache import FileCache
from server.clock import ManualClock
from server.config import ServerConfig
from server.connection import Connection
from server.control import TrafficControl, TrafficLimits
from server.delivery import Delivery
from server.exchange import Exchange
from server.files import PathRefused
from server.http11 import DateCache, HttpError, parse_head
from server.response import TEXT, FileSpan, Response, StreamBody, ZipBody
from tests.server.conftest import config_of, request_head, served
from tests.server.test_slow_clients import dechunk, split

DATE = b"Date: Tue, 14 Nov 2023 22:13:20 GMT\r\n"  # ManualClock's wall time
BIG_SIZE = 3 * 1024 * 1024 + 17


class Sender:
    """A Delivery as the handler makes it, on a clock that stands still; ``long_transfers``
    counts the times it gave up its (imagined) pool worker."""

    def __init__(self, config: ServerConfig, control: TrafficControl | None = None) -> None:
        self.config = config
        self.control = control or TrafficControl(ManualClock())
        self.long_transfers = 0
        self.delivery = Delivery(DateCache(ManualClock()), self.control, self._long)

    def _long(self) -> None:
        self.long_transfers += 1

    def exchange(self, conn: Connection, method: str = "GET", target: str = "/",
                 *fields: str, version: str = "HTTP/1.1") -> Exchange:
        """An Exchange whose request has been parsed, as the router leaves it."""
        ex = Exchange(conn, 0.0, 0.0)
        ex.head = request_head(method, target, *fields, version=version)
        ex.request = parse_head(ex.head, self.config.limits)
        ex.keep_alive = ex.request.keep_alive
        return ex

    def span(self, name: str, offset: int = 0, count: int | None = None) -> FileSpan:
        path = str(self.config.root / name)
        facts = FileCache().facts(path, os.stat(path))
        return FileSpan(facts, offset, facts.size - offset if count is None else count,
                        policy_for(self.config).bind(None))

    def zip_of(self, url_path: str) -> ZipBody:
        access = policy_for(self.config).bind(None)
        folder = access.target(url_path)
        return ZipBody(lambda: access.zip_items(folder), str(self.config.root))


@pytest.fixture
def sender(share: Path) -> Sender:
    return Sender(config_of(share))


def head_lines(head: bytes) -> list[bytes]:
    assert head.endswith(b"\r\n\r\n"), head
    return head[:-4].split(b"\r\n")


# -- framing ------------------------------------------------------------------------------------


def test_a_head_gets_its_framing_and_the_body_follows(sender, sockets):
    conn, _ = sockets
    ex = sender.exchange(conn)
    parts = sender.delivery.frame(ex, Response(200, TEXT, b"hello"))
    assert parts[1] == b"hello"
    assert head_lines(parts[0]) == [b"HTTP/1.1 200 OK", DATE[:-2], b"Server: Pier",
                                    b"Content-Type: text/plain; charset=utf-8",
                                    b"Content-Length: 5"]  # keep-alive is 1.1's default
    assert (ex.status, ex.sent, ex.keep_alive) == (200, 5, True)


@pytest.mark.parametrize(("version", "fields", "connection", "keep_alive"), [
    ("HTTP/1.1", (), None, True),
    ("HTTP/1.1", ("Connection: close",), b"Connection: close", False),
    ("HTTP/1.0", (), b"Connection: close", False),
    ("HTTP/1.0", ("Connection: keep-alive",), b"Connection: keep-alive", True),
])
def test_connection_header_by_version(sender, sockets, version, fields, connection, keep_alive):
    conn, _ = sockets
    ex = sender.exchange(conn, "GET", "/", *fields, version=version)
    head = sender.delivery.frame(ex, Response(200, TEXT, b"x"))[0]
    found = [line for line in head_lines(head) if line.startswith(b"Connection:")]
    assert found == ([connection] if connection else [])
    assert ex.keep_alive is keep_alive
    assert head.startswith(b"HTTP/1.1 200 OK\r\n")  # we speak 1.1 to 1.0 clients too


def test_a_response_that_closes_says_so(sender, sockets):
    conn, _ = sockets
    ex = sender.exchange(conn, "GET", "/", "Connection: keep-alive", version="HTTP/1.0")
    head = sender.delivery.frame(ex, Response(400, TEXT, b"bad", close=True))[0]
    assert b"\r\nConnection: close\r\n" in head and b"keep-alive" not in head
    assert not ex.keep_alive


@pytest.mark.parametrize("status", [204, 304])
def test_no_length_and_no_body_for_204_and_304(sender, sockets, status):
    conn, _ = sockets
    ex = sender.exchange(conn)
    parts = sender.delivery.frame(ex, Response(status, b"ETag: \"1\"\r\n", b"never sent"))
    assert len(parts) == 1
    assert b"Content-Length" not in parts[0] and b"Transfer-Encoding" not in parts[0]
    assert (ex.status, ex.sent) == (status, 0)


def test_head_announces_the_length_and_sends_no_body(sender, sockets):
    conn, _ = sockets
    ex = sender.exchange(conn, "HEAD", "/")
    parts = sender.delivery.frame(ex, Response(200, TEXT, b"twelve bytes"))
    assert len(parts) == 1 and b"\r\nContent-Length: 12\r\n" in parts[0]
    assert ex.sent == 0
    head_of_span = sender.delivery.frame(sender.exchange(conn, "HEAD", "/big.bin"),
                                         Response(200, b"", sender.span("big.bin")))
    assert len(head_of_span) == 1
    assert f"\r\nContent-Length: {BIG_SIZE}\r\n".encode() in head_of_span[0]


def test_an_empty_body_is_length_zero(sender, sockets):
    conn, _ = sockets
    parts = sender.delivery.frame(sender.exchange(conn), Response(201, b"Location: /x\r\n"))
    assert parts == [parts[0]] and b"\r\nContent-Length: 0\r\n" in parts[0]


# -- sending ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [5, 1024 * 1024])  # one buffer, or head and body in one call
def test_a_body_from_memory_arrives_whole(sender, sockets, size):
    conn, client = sockets
    ex = sender.exchange(conn)
    body = os.urandom(size)
    _, received = served(conn, client, lambda: sender.delivery.send(ex, Response(200, TEXT, body)))
    status, headers, got = split(received)
    assert (status, int(headers["content-length"]), got) == (200, size, body)
    assert ex.sent == size


def test_head_sends_only_the_head(sender, sockets, share):
    conn, client = sockets
    ex = sender.exchange(conn, "HEAD", "/big.bin")
    span = sender.span("big.bin")
    (share / "big.bin").unlink()  # HEAD needs no file content: nothing is opened
    _, received = served(conn, client,
                         lambda: sender.delivery.send(ex, Response(200, b"", span)))
    status, headers, body = split(received)
    assert (status, headers["content-length"], body) == (200, str(BIG_SIZE), b"")


@pytest.mark.parametrize(("offset", "count"), [
    (0, None),  # the whole file
    (1000, 2 * 1024 * 1024),  # a range in the middle
    (5, 100),  # shorter than the tail held back
    (BIG_SIZE - 70_000, 70_000),  # the last bytes, a little more than the tail
])
def test_a_file_span_is_streamed(sender, sockets, share, offset, count):
    conn, client = sockets
    data = (share / "big.bin").read_bytes()
    span = sender.span("big.bin", offset, count)
    ex = sender.exchange(conn, "GET", "/big.bin")
    _, received = served(conn, client,
                         lambda: sender.delivery.send(ex, Response(206, b"", span)))
    status, headers, body = split(received)
    assert status == 206 and int(headers["content-length"]) == span.count
    assert body == data[offset:offset + span.count]
    assert (ex.sent, ex.expected, ex.cut_short, ex.keep_alive) == (span.count, span.count,
                                                                   False, True)
    assert sender.control.transfers() == []  # registered while it ran, gone now


def test_under_a_bandwidth_limit_a_span_goes_in_pieces(share, sockets):
    """A limit high enough never to make anyone wait, on a clock that stands still."""
    control = TrafficControl(ManualClock())
    control.set_limits(TrafficLimits(client_rate=10**12))
    sender = Sender(config_of(share), control)
    conn, client = sockets
    ex = sender.exchange(conn, "GET", "/big.bin")
    _, received = served(conn, client, lambda: sender.delivery.send(
        ex, Response(200, b"", sender.span("big.bin"))))
    assert split(received)[2] == (share / "big.bin").read_bytes()
    assert sender.long_transfers >= 1  # a limited transfer gives its pool worker up at once
    assert ex.sent == BIG_SIZE


@pytest.mark.parametrize("change", ["replace", "rewrite"])
def test_a_file_changed_before_it_is_opened_is_503(sender, sockets, share, change):
    conn, client = sockets
    span = sender.span("hello.txt")
    if change == "replace":
        (share / "new.txt").write_bytes(b"another file\n")
        os.replace(share / "new.txt", share / "hello.txt")
    else:
        (share / "hello.txt").write_bytes(b"hello, world, longer\n")
    ex = sender.exchange(conn, "GET", "/hello.txt")
    with pytest.raises(HttpError) as caught:
        sender.delivery.send(ex, Response(200, b"", span))
    assert caught.value.status == 503 and not caught.value.close
    assert caught.value.headers == b"Retry-After: 1\r\n"
    assert ex.status == 0  # nothing went out: the handler can still answer the error
    conn.sock.shutdown(socket.SHUT_WR)
    assert client.recv(100) == b""


def test_a_file_gone_before_it_is_opened_is_404(sender, sockets, share):
    conn, _ = sockets
    span = sender.span("hello.txt")
    (share / "hello.txt").unlink()
    with pytest.raises(PathRefused) as caught:
        sender.delivery.send(sender.exchange(conn), Response(200, b"", span))
    assert caught.value.status == 404


def test_too_many_downloads_from_one_client_is_503_before_the_head(share, sockets):
    control = TrafficControl(ManualClock())
    control.set_limits(TrafficLimits(downloads_per_client=1))
    running = control.begin("127.0.0.1", "", "/other", "down", 10, lambda: None)
    sender = Sender(config_of(share), control)
    conn, _ = sockets
    ex = sender.exchange(conn, "GET", "/big.bin")
    with pytest.raises(HttpError) as caught:
        sender.delivery.send(ex, Response(200, b"", sender.span("big.bin")))
    assert caught.value.status == 503 and ex.status == 0
    assert control.transfers() == [running]


# -- zip ----------------------------------------------------------------------------------------


ZIP_HEADERS = b"Content-Type: application/zip\r\n"


def test_zip_is_chunked_on_http11_and_keeps_the_connection(sender, sockets, share):
    conn, client = sockets
    ex = sender.exchange(conn, "GET", "/docs/?format=zip")
    _, received = served(conn, client, lambda: sender.delivery.send(
        ex, Response(200, ZIP_HEADERS, sender.zip_of("/docs/"))))
    status, headers, body = split(received)
    assert status == 200
    assert headers["transfer-encoding"] == "chunked" and "content-length" not in headers
    assert "connection" not in headers
    archive = zipfile.ZipFile(io.BytesIO(dechunk(body)))
    assert archive.testzip() is None
    assert archive.namelist() == ["notes.md"]
    assert archive.read("notes.md") == b"# notes\n"
    assert ex.keep_alive and not ex.cut_short
    assert ex.sent == len(dechunk(body))
    assert sender.long_transfers >= 1  # a zip always takes its worker out of the pool


def test_zip_is_close_delimited_on_http10(sender, sockets, share):
    conn, client = sockets
    ex = sender.exchange(conn, "GET", "/?format=zip", "Connection: keep-alive",
                         version="HTTP/1.0")
    _, received = served(conn, client, lambda: sender.delivery.send(
        ex, Response(200, ZIP_HEADERS, sender.zip_of("/"))))
    status, headers, body = split(received)
    assert status == 200 and headers["connection"] == "close"
    assert "transfer-encoding" not in headers and "content-length" not in headers
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert sorted(archive.namelist()) == ["big.bin", "docs/notes.md", "hello.txt",
                                          "été 2024.txt"]
    assert archive.read("big.bin") == (share / "big.bin").read_bytes()
    assert not ex.keep_alive


def test_a_zip_of_a_folder_gone_is_refused_before_the_head(sender, sockets, share):
    conn, _ = sockets
    body = sender.zip_of("/docs/")
    (share / "docs" / "notes.md").unlink()
    (share / "docs").rmdir()
    ex = sender.exchange(conn, "GET", "/docs/?format=zip")
    with pytest.raises(PathRefused):
        sender.delivery.send(ex, Response(200, ZIP_HEADERS, body))
    assert ex.status == 0
    assert sender.control.transfers() == []


# -- a stream -------------------------------------------------------------------------------------


class Chunks:
    """A StreamBody's chunks that remember whether they were made and closed."""

    def __init__(self, *chunks: bytes, fail: HttpError | None = None) -> None:
        self._chunks = chunks
        self._fail = fail
        self.made = self.closed = False

    def __call__(self) -> Iterator[bytes]:
        self.made = True
        return self._make()

    def _make(self) -> Iterator[bytes]:
        try:
            if self._fail is not None:
                raise self._fail
            yield from self._chunks
        finally:
            self.closed = True


def test_a_stream_is_chunked_on_http11_and_an_empty_chunk_does_not_end_it(sender, sockets):
    conn, client = sockets
    chunks = Chunks(b"first ", b"", b"second")
    ex = sender.exchange(conn, "GET", "/?q=x")
    _, received = served(conn, client, lambda: sender.delivery.send(
        ex, Response(200, TEXT, StreamBody(chunks))))
    status, headers, body = split(received)
    assert status == 200 and headers["transfer-encoding"] == "chunked"
    assert dechunk(body) == b"first second" and body.endswith(b"0\r\n\r\n")
    assert ex.keep_alive and not ex.cut_short and ex.sent == 12 and chunks.closed


def test_a_stream_is_close_delimited_on_http10(sender, sockets):
    conn, client = sockets
    ex = sender.exchange(conn, "GET", "/?q=x", "Connection: keep-alive", version="HTTP/1.0")
    _, received = served(conn, client, lambda: sender.delivery.send(
        ex, Response(200, TEXT, StreamBody(Chunks(b"one", b"two")))))
    status, headers, body = split(received)
    assert status == 200 and headers["connection"] == "close" and body == b"onetwo"
    assert "transfer-encoding" not in headers and "content-length" not in headers
    assert not ex.keep_alive


def test_a_stream_refused_before_its_first_chunk_sends_no_head(sender, sockets):
    conn, _ = sockets
    chunks = Chunks(b"never", fail=HttpError(403, "This folder cannot be read.", close=False))
    ex = sender.exchange(conn, "GET", "/?q=x")
    with pytest.raises(HttpError):
        sender.delivery.send(ex, Response(200, TEXT, StreamBody(chunks)))
    assert ex.status == 0 and chunks.closed
    assert sender.control.transfers() == []


def test_a_stream_is_closed_when_the_client_goes_away(sender, sockets):
    conn, client = sockets
    client.close()
    chunks = Chunks(*[b"x" * 65536] * 64)
    ex = sender.exchange(conn, "GET", "/?q=x")
    with pytest.raises(OSError):
        sender.delivery.send(ex, Response(200, TEXT, StreamBody(chunks)))
    assert chunks.closed


def test_head_never_makes_a_stream(sender, sockets):
    conn, client = sockets
    chunks = Chunks(b"body")
    ex = sender.exchange(conn, "HEAD", "/?q=x")
    _, received = served(conn, client, lambda: sender.delivery.send(
        ex, Response(200, TEXT, StreamBody(chunks))))
    assert received.endswith(b"\r\n\r\n") and b"body" not in received
    assert not chunks.made


# -- who sends ----------------------------------------------------------------------------------


def test_needs_worker_for_bodies_that_wait(sender, sockets):
    conn, _ = sockets
    get, head = sender.exchange(conn), sender.exchange(conn, "HEAD", "/")
    span, archive = sender.span("big.bin"), sender.zip_of("/")
    decide = sender.delivery.needs_worker
    assert not decide(get, Response(200, TEXT, b"from memory"))
    assert decide(get, Response(200, b"", span))
    assert decide(get, Response(200, ZIP_HEADERS, archive))
    assert not decide(head, Response(200, b"", span))  # HEAD sends no body
    assert not decide(head, Response(200, ZIP_HEADERS, archive))
    assert decide(get, Response(200, TEXT, StreamBody(Chunks(b"x"))))
    assert not decide(head, Response(200, TEXT, StreamBody(Chunks(b"x"))))

