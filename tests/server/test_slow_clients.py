"""Slow and stalled clients (issue 22, section 1): a transfer is given up only when the client
takes no bytes for the I/O timeout, whatever the socket buffers, and the log records the bytes
that really arrived.

The slow readers read at full speed first, then at about 500 KB/s, with a small receive
buffer so that the rest waits in the server's send buffer (4 MB on Linux). Freeing a third of
that buffer, which is when Linux reports the socket writable again, then takes longer than
the 2 s I/O timeout, although the client takes bytes all the time: a server that waits for
writability under the I/O timeout drops them (it did before this fix)."""

from __future__ import annotations

import http.client
import io
import os
import socket
import ssl
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from server.config import Limits, TlsSettings
from server.tls import CertificateStore
from tests.conftest import HUGE_SIZE

IO_TIMEOUT = 2.0
SIZE = 5 * 1024 * 1024
FAST = 512 * 1024  # read at full speed first
STEP, PAUSE = 64 * 1024, 0.13  # then ~500 KB/s: a third of a 4 MB send buffer takes > 2 s
CLIENT_RCVBUF = 64 * 1024
READ_LIMIT = 60.0  # no reader reads for longer than this
SLOW = Limits(io_timeout=IO_TIMEOUT)
# Without SIOCOUTQ (macOS, Windows) the server cannot see what a client acknowledged: it judges
# progress by writability alone, and the log counts the bytes handed to the kernel.
NO_SEND_QUEUE_PROGRESS = pytest.mark.fast_path_only(
    "no send queue to read (SIOCOUTQ is Linux-only): a slow reader of a multi-megabyte send "
    "buffer looks stalled, since Linux reports it writable only once a third is free")
NO_SEND_QUEUE_LOG = pytest.mark.fast_path_only(
    "no send queue to read (SIOCOUTQ is Linux-only): the log counts the bytes handed to the "
    "kernel, not those the client received")


@pytest.fixture
def data(share: Path) -> bytes:
    payload = os.urandom(SIZE)
    (share / "slow.bin").write_bytes(payload)
    (share / "pack").mkdir()
    (share / "pack" / "inside.bin").write_bytes(payload)
    return payload


@pytest.fixture(scope="module")
def tls_settings(tmp_path_factory: pytest.TempPathFactory) -> TlsSettings:
    store = CertificateStore(tmp_path_factory.mktemp("tls"))
    chain, key = store.ensure_server_certificate()
    return TlsSettings(chain, key, store.ca_pem())


def request(target: str, *extra: str) -> bytes:
    lines = [f"GET {target} HTTP/1.1", "Host: 127.0.0.1", *extra, "Connection: close", "", ""]
    return "\r\n".join(lines).encode("ascii")


def connect(port: int, tls: bool = False, rcvbuf: int = CLIENT_RCVBUF) -> socket.socket:
    """A client socket whose receive buffer is small (set before connecting, so that the
    window it announces stays small)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(10)
    sock.connect(("127.0.0.1", port))
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        sock = context.wrap_socket(sock, server_hostname="127.0.0.1")
    return sock


def read_slowly(port: int, raw_request: bytes, tls: bool = False, fast: int = FAST) -> bytes:
    """Everything the server sends until it closes: ``fast`` bytes at full speed, then
    STEP bytes every PAUSE seconds (the client's own pace, not a synchronisation)."""
    got = bytearray()
    with connect(port, tls) as sock:
        sock.sendall(raw_request)
        stop = time.monotonic() + READ_LIMIT
        step_end = fast
        while time.monotonic() < stop:
            try:  # a TLS receive returns one record (16 KB) at most: several make a step
                chunk = sock.recv(max(1, step_end - len(got)) if len(got) >= fast else 262144)
            except (ConnectionError, ssl.SSLError):
                break
            if not chunk:
                break
            got += chunk
            if len(got) >= step_end:
                step_end = len(got) + STEP
                time.sleep(PAUSE)
    return bytes(got)


def split(reply: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split(" ", 2)[1]), headers, body


def dechunk(body: bytes) -> bytes:
    out = bytearray()
    view = memoryview(body)
    while True:
        line_end = bytes(view[:20]).index(b"\r\n")
        size = int(bytes(view[:line_end]), 16)
        if size == 0:
            return bytes(out)
        out += view[line_end + 2:line_end + 2 + size]
        assert view[line_end + 2 + size:line_end + 4 + size] == b"\r\n"
        view = view[line_end + 4 + size:]


def concurrently(*calls: Callable[[], bytes]) -> list[bytes]:
    with ThreadPoolExecutor(len(calls)) as pool:
        futures = [pool.submit(call) for call in calls]
        return [future.result(timeout=READ_LIMIT + 10) for future in futures]


@NO_SEND_QUEUE_PROGRESS
def test_slow_readers_get_every_byte_of_a_file_a_range_and_a_zip(server_factory, share, data):
    running = server_factory(share, limits=SLOW)
    whole, part, packed = concurrently(
        lambda: read_slowly(running.port, request("/slow.bin")),
        lambda: read_slowly(running.port, request("/slow.bin", "Range: bytes=1000-")),
        lambda: read_slowly(running.port, request("/pack/?format=zip")))

    status, _headers, body = split(whole)
    assert status == 200 and body == data
    status, headers, body = split(part)
    assert status == 206 and body == data[1000:]
    assert headers["content-range"] == f"bytes 1000-{SIZE - 1}/{SIZE}"
    status, headers, body = split(packed)
    assert status == 200 and headers["transfer-encoding"] == "chunked"
    with zipfile.ZipFile(io.BytesIO(dechunk(body))) as archive:
        assert archive.read("inside.bin") == data

    records = {r.status if r.path == "/slow.bin" else "zip": r
               for r in running.wait_for_records(3, timeout=10)}
    assert (records[200].bytes_sent, records[200].bytes_expected) == (SIZE, SIZE)
    assert (records[206].bytes_sent, records[206].bytes_expected) == (SIZE - 1000, SIZE - 1000)
    assert records["zip"].status == 200 and records["zip"].bytes_expected is None
    assert records["zip"].bytes_sent > SIZE  # the file and its zip headers
    assert all(r.complete and not r.incomplete for r in records.values())


@NO_SEND_QUEUE_PROGRESS
def test_slow_reader_over_tls_gets_every_byte(server_factory, share, data, tls_settings):
    running = server_factory(share, limits=SLOW, tls=tls_settings)
    status, _headers, body = split(read_slowly(running.port, request("/slow.bin"), tls=True))
    assert status == 200 and body == data
    record = running.wait_for_records(1, timeout=10)[0]
    assert record.tls and record.status == 200 and record.complete
    assert record.bytes_sent == record.bytes_expected == SIZE


@NO_SEND_QUEUE_LOG
def test_reader_that_stops_is_dropped_and_logged_with_what_it_got(server_factory, share, huge,
                                                                  tmp_path):
    """A client that stops reading is cut off (reset) after the timeout; what it still
    finds in its receive buffer afterwards is exactly what the log says it got. (A client
    whose window is closed gets longer, as it may be reading a large buffer slowly: the time
    a slow reader needs for what it acknowledged, here a few kilobytes.)"""
    access_log = tmp_path / "logs" / "access.log"
    running = server_factory(share, limits=Limits(io_timeout=0.25), access_log=access_log)
    with connect(running.port, rcvbuf=4096) as sock:
        sock.sendall(request("/huge.bin"))
        got = bytearray()
        while b"\r\n\r\n" not in got:
            got += sock.recv(4096)
        deadline = time.monotonic() + 15
        while running.engine.stats().active_connections and time.monotonic() < deadline:
            time.sleep(0.05)
        assert running.engine.stats().active_connections == 0
        try:
            while chunk := sock.recv(262144):  # what had arrived before the cut
                got += chunk
        except ConnectionResetError:
            pass
    _status, _headers, body = split(bytes(got))
    record = running.wait_for_records(1)[0]
    assert record.status == 200 and record.bytes_expected == HUGE_SIZE
    assert not record.complete and record.incomplete
    assert record.bytes_sent == len(body)
    running.engine.stop()  # closes the access log
    assert f'"GET /huge.bin HTTP/1.1" 200 {len(body)} ' in access_log.read_text()


@NO_SEND_QUEUE_LOG
def test_aborted_download_is_logged_with_the_bytes_that_left(server_factory, share, data):
    running = server_factory(share, limits=SLOW)
    with connect(running.port) as sock:
        buffer_size = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
        sock.sendall(request("/slow.bin"))
        got = bytearray()
        while len(got) < FAST:
            got += sock.recv(262144)
    # closing with unread data resets the connection: the server's next send fails
    _status, _headers, body = split(bytes(got))
    record = running.wait_for_records(1, timeout=10)[0]
    assert record.status == 200 and record.bytes_expected == SIZE and record.incomplete
    assert len(body) <= record.bytes_sent <= len(body) + buffer_size


@pytest.mark.parametrize("tls", [False, True], ids=["plain", "tls"])
def test_slow_uploader_is_not_dropped(server_factory, share, tls_settings, tls):
    """recv returns as soon as any byte arrives: a client that sends a little every half
    second for longer than the I/O timeout completes its upload."""
    running = server_factory(share, limits=SLOW, upload=True,
                             tls=tls_settings if tls else None)
    pieces = [os.urandom(4096) for _ in range(8)]  # 8 x 0.4 s: longer than the 2 s timeout
    length = sum(map(len, pieces))
    with connect(running.port, tls) as sock:
        sock.sendall(b"PUT /slow-upload.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n" % length)
        for piece in pieces:
            time.sleep(0.4)  # the uploader's pace
            sock.sendall(piece)
        response = http.client.HTTPResponse(sock)  # type: ignore[arg-type]
        response.begin()
        assert response.status == 201
    assert (share / "slow-upload.bin").read_bytes() == b"".join(pieces)
    record = running.wait_for_records(1)[0]
    assert record.status == 201 and record.bytes_received == length
