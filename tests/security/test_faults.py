"""Faults while serving: files that change under a download, a shared folder that disappears or
becomes unreadable, stop/start during transfers, and a port taken before start."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
from pathlib import Path

import pytest

from server.config import ServerConfig
from server.engine import ServerEngine
from server.errors import PortInUseError
from tests.security.conftest import (
    connect,
    content_length,
    read_head,
    read_rest,
    request,
    status_of,
    wait_until,
)

SIZE = 32 * 1024 * 1024  # far more than the socket buffers between server and client hold
OLD, NEW = b"A", b"B"


@pytest.fixture
def download(share: Path) -> Path:
    path = share / "movie.bin"
    path.write_bytes(OLD * SIZE)
    return path


def start_download(port: int) -> tuple[socket.socket, bytes, bytes]:
    """A client that asked for the file and read only the head: the server is now blocked on a
    full socket buffer, well before the end of the file."""
    sock = connect(port, timeout=10, rcvbuf=256 * 1024)
    sock.sendall(request("/movie.bin"))
    head, first = read_head(sock)
    assert status_of(head) == 200 and content_length(head + b"\r\n") == SIZE
    return sock, head, first


def finish_download(sock: socket.socket, first: bytes) -> tuple[bytes, bool]:
    with sock:
        return read_rest(sock, first)


def rewrite_in_place(path: Path) -> None:
    with open(path, "r+b") as f:
        f.write(NEW * SIZE)


def truncate_and_rewrite_longer(path: Path) -> None:
    path.write_bytes(NEW * (SIZE + 4096))


def truncate_to_half(path: Path) -> None:
    with open(path, "r+b") as f:
        f.truncate(SIZE // 2)


def replace_atomically(path: Path) -> None:
    fresh = path.with_name("fresh.tmp")
    fresh.write_bytes(NEW * SIZE)
    os.replace(fresh, path)


@pytest.mark.parametrize("change", [rewrite_in_place, truncate_and_rewrite_longer,
                                    truncate_to_half, replace_atomically])
def test_file_changed_during_download_never_completes_with_wrong_bytes(server, download,
                                                                        change):
    """A 200 promises SIZE bytes of the version whose ETag it sent. The client may get all of
    that version, or a short body and a closed connection; never SIZE bytes that are not it."""
    sock, _head, first = start_download(server.port)
    change(download)
    body, closed = finish_download(sock, first)
    assert closed, "the server neither finished nor closed"
    if len(body) == SIZE:
        assert body.count(OLD) == SIZE, f"complete body with {body.count(NEW)} new bytes"
    else:
        assert len(body) < SIZE


def test_atomically_replaced_file_sends_the_whole_old_version(server, download):
    sock, _head, first = start_download(server.port)
    replace_atomically(download)
    body, closed = finish_download(sock, first)
    assert closed and len(body) == SIZE and body.count(OLD) == SIZE
    response, fresh = server.get("/movie.bin")
    assert response.status == 200 and fresh.count(NEW) == SIZE  # and the next one is new


def test_truncated_file_ends_short_and_closes(server, download):
    sock, _head, first = start_download(server.port)
    truncate_to_half(download)
    body, closed = finish_download(sock, first)
    assert closed and len(body) < SIZE
    assert body.count(OLD) == len(body)
    response, _ = server.get("/hello.txt")  # the server is fine
    assert response.status == 200


def answer(running, path: str) -> tuple[int, bytes]:
    response, body = running.get(path)
    return response.status, body


@pytest.mark.parametrize("how", ["renamed", "deleted"])
def test_share_gone_while_serving_gives_clean_404_then_recovers(server, share, how):
    assert answer(server, "/hello.txt") == (200, b"hello, world\n")
    assert answer(server, "/")[0] == 200
    keep = server.connection()
    keep.request("GET", "/hello.txt")
    keep.getresponse().read()
    away = share.with_name("share-away")
    if how == "renamed":
        share.rename(away)
    else:
        shutil.copytree(share, away, symlinks=True)
        shutil.rmtree(share)
    try:
        for path in ("/", "/hello.txt", "/docs/", "/docs", "/big.bin", "/?format=zip",
                     "/?format=json"):
            status, body = answer(server, path)
            assert status == 404, path
            assert b"Traceback" not in body
        keep.request("GET", "/docs/notes.md")  # a keep-alive connection survives it too
        response = keep.getresponse()
        assert response.status == 404 and not response.will_close
        response.read()
    finally:
        away.rename(share)
    (share / "after.txt").write_text("back\n")
    assert answer(server, "/hello.txt") == (200, b"hello, world\n")
    assert b"after.txt" in answer(server, "/?format=json")[1]
    keep.request("GET", "/after.txt")
    assert keep.getresponse().read() == b"back\n"
    keep.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permission bits do not stop root (CI runs tests as root)")
def test_unreadable_share_gives_403_or_404_then_recovers(server, share):
    os.chmod(share / "docs", 0)
    os.chmod(share / "hello.txt", 0)
    try:
        assert answer(server, "/docs/")[0] == 403
        assert answer(server, "/docs/notes.md")[0] in (403, 404)
        assert answer(server, "/hello.txt")[0] in (403, 404)
        os.chmod(share, 0)
        assert answer(server, "/")[0] in (403, 404)
    finally:
        os.chmod(share, 0o755)
        os.chmod(share / "docs", 0o755)
        os.chmod(share / "hello.txt", 0o644)
    assert answer(server, "/docs/notes.md") == (200, b"# notes\n")
    assert answer(server, "/hello.txt") == (200, b"hello, world\n")


def test_stop_and_start_while_downloads_run(share, download):
    engine = ServerEngine()
    engine.start(ServerConfig(root=share, port=0))
    port = engine.port
    try:
        downloads = [start_download(port) for _ in range(3)]
        engine.stop()
        for sock, _head, first in downloads:
            body, closed = finish_download(sock, first)
            assert closed and len(body) < SIZE and body.count(OLD) == len(body)
        engine.start(ServerConfig(root=share, port=port))
        assert engine.port == port
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/big.bin")
        response = conn.getresponse()
        assert response.status == 200 and response.read() == (share / "big.bin").read_bytes()
        conn.close()
    finally:
        engine.stop()
    assert not engine.running and engine.stats().active_connections == 0


@pytest.mark.parametrize("squat_on", ["127.0.0.1", "0.0.0.0"])
def test_port_taken_between_settings_and_start(share, squat_on):
    finder = socket.socket()
    finder.bind(("127.0.0.1", 0))
    port = finder.getsockname()[1]
    finder.close()
    config = ServerConfig(root=share, port=port)  # the settings name a port that was free
    squatter = socket.socket()
    squatter.bind((squat_on, port))
    squatter.listen()
    engine = ServerEngine()
    try:
        with pytest.raises(PortInUseError) as caught:
            engine.start(config)
        assert str(port) in str(caught.value) and "in use" in str(caught.value)
        assert not engine.running
    finally:
        squatter.close()
    engine.start(config)  # the same settings work once the port is free again
    try:
        assert wait_until(lambda: engine.running, 1)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request("GET", "/hello.txt")
        assert conn.getresponse().status == 200
        conn.close()
    finally:
        engine.stop()
