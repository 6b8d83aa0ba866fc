"""Issue 19, settings changed while sharing (ServerEngine.reconfigure, as the window's
apply_share drives it): what a LAN visitor keeps from before a narrowing change.

Each test is a finding of the attack round: it fails now and passes once fixed."""

from __future__ import annotations

import base64
import contextlib
import os
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.config import ALL_INTERFACES, LOCALHOST, ServerConfig
from server.engine import ServerEngine
from server.records import RequestRecord
from server.sharing import authenticator_for
from server.users import UserStore
from tests.conftest import read_until_closed
from tests.security.conftest import wait_until

LOCK_BODY = (b'<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:">'
             b"<D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype>"
             b"</D:lockinfo>")


@pytest.fixture
def engine() -> Iterator[ServerEngine]:
    running = ServerEngine()
    yield running
    running.stop()


def _store(path: Path, name: str, password: str, *, writer: bool = False) -> UserStore:
    store = UserStore(path)
    store.load()
    store.add(name, password, can_upload=writer, can_modify=writer)
    return store


def _basic(name: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


def _once(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        return read_until_closed(sock)


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def test_a_put_begun_before_uploads_went_off_does_not_land_after(
        engine: ServerEngine, share: Path) -> None:
    config = ServerConfig(root=share, port=0, upload=True)
    engine.start(config)
    with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
        sock.sendall(b"PUT /late.txt HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                     b"Content-Length: 10\r\nConnection: close\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 100 ")  # routed under uploads on
        engine.reconfigure(replace(config, upload=False))
        with contextlib.suppress(OSError):  # cut: nothing more arrives
            sock.sendall(b"0123456789")
        answer = read_until_closed(sock)
    assert not answer.startswith(b"HTTP/1.1 201 "), answer[:200]
    assert not (share / "late.txt").exists(), "written after uploads were switched off"


def test_a_login_kept_on_a_connection_does_not_outlive_a_change_of_accounts(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    old = _store(tmp_path / "old.toml", "bob", "bobs password 1")
    new = _store(tmp_path / "new.toml", "carol", "carols password 1")
    assert old.version == new.version  # two fresh files with one account each
    config = ServerConfig(root=share, port=0, auth=Authenticator(old, "Pier - share"))
    engine.start(config)
    request = (f"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n"
               f"Authorization: {_basic('bob', 'bobs password 1')}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
        sock.sendall(request)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
        engine.reconfigure(replace(config, auth=Authenticator(new, "Pier - share")))
        sock.sendall(request[:-2] + b"Connection: close\r\n\r\n")
        answer = read_until_closed(sock)
    assert _status(_once(engine.port, request[:-2] + b"Connection: close\r\n\r\n")) == 401
    assert answer.startswith(b"HTTP/1.1 401 "), answer[:200]
    assert b"hello, world" not in answer


def test_an_anonymous_lock_does_not_hold_the_share_after_login_is_switched_on(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    config = ServerConfig(root=share, port=0, upload=True, modify=True)
    engine.start(config)
    locked = _once(engine.port, b"LOCK / HTTP/1.1\r\nHost: localhost\r\nDepth: infinity\r\n"
                   b"Timeout: Second-3600\r\nContent-Type: application/xml\r\n"
                   b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(LOCK_BODY)
                   + LOCK_BODY)
    assert _status(locked) == 200
    # bob may write (without the right, his PUT gets 403 whatever the locks)
    store = _store(tmp_path / "users.toml", "bob", "bobs password 1", writer=True)
    engine.reconfigure(replace(config, auth=Authenticator(store, "Pier - share")))
    put = _once(engine.port, (f"PUT /mine.txt HTTP/1.1\r\nHost: localhost\r\n"
                              f"Authorization: {_basic('bob', 'bobs password 1')}\r\n"
                              f"Content-Length: 3\r\nConnection: close\r\n\r\nabc").encode())
    assert _status(put) in (201, 204), put[:200]


def test_a_lock_out_is_not_lifted_by_a_change_of_folder(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    store = _store(tmp_path / "users.toml", "bob", "bobs password 1")
    config = ServerConfig(root=share, port=0,
                          auth=authenticator_for(share, store, anonymous_read=False))
    engine.start(config)
    guess = (f"GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: {_basic('bob', 'guess')}"
             f"\r\nConnection: close\r\n\r\n").encode()
    for _ in range(200):
        if _status(_once(engine.port, guess)) == 429:
            break
    else:
        pytest.fail("never locked out")
    engine.reconfigure(replace(config, root=other,
                               auth=authenticator_for(other, store, anonymous_read=False)))
    assert _status(_once(engine.port, guess)) == 429


def test_a_pipelined_request_behind_a_slow_quick_answer_is_not_served_after_narrowing(
        share: Path, tmp_path: Path) -> None:
    """After a listener change the old loop's worker that finishes sending quick answers to a
    slow reader (finish_unsent) must not go on to the next pipelined head: the loop drains.
    40 quick answers of 250 kB are more than the system's buffers hold (loopback's are
    megabytes), so a worker ends up waiting on this reader with the next heads behind."""
    records: list[RequestRecord] = []
    engine = ServerEngine(sink=records.append)
    try:
        _pipeline_behind_slow_quick_answers(engine, share, tmp_path, records)
    finally:
        engine.stop()


def _pipeline_behind_slow_quick_answers(engine: ServerEngine, share: Path, tmp_path: Path,
                                        records: list[RequestRecord]) -> None:
    (share / "small.bin").write_bytes(os.urandom(250_000))  # kept in memory: a quick answer
    config = ServerConfig(root=share, port=0, host=ALL_INTERFACES)
    engine.start(config)
    port = engine.port
    lan = socket.socket()
    try:
        lan.bind(("127.0.0.2", 0))  # another device, as far as the listeners can tell
    except OSError:
        lan.close()
        pytest.skip("no 127.0.0.2 on this system")
    store = _store(tmp_path / "users.toml", "bob", "bobs password 1")
    assert _status(_once(port, b"GET /small.bin HTTP/1.1\r\nHost: localhost\r\n"
                         b"Connection: close\r\n\r\n")) == 200  # now in the file cache
    loop = engine._loop
    assert loop is not None
    with lan:
        lan.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a slow reader
        lan.settimeout(10)
        lan.connect(("127.0.0.2", port))
        lan.sendall(b"GET /small.bin HTTP/1.1\r\nHost: localhost\r\n\r\n" * 40
                    + b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
        first = lan.recv(100)
        assert first.startswith(b"HTTP/1.1 200 ")  # answered before the change
        assert wait_until(lambda: all(c.client != "127.0.0.2" for c in list(loop._parked)), 10)
        made = sum(r.client == "127.0.0.2" for r in records)  # a worker waits on the reader
        assert 0 < made < 41
        engine.reconfigure(replace(config, host=LOCALHOST,
                                   auth=Authenticator(store, "Pier - share")))
        answers = first + read_until_closed(lan)
    assert b"hello, world" not in answers
    assert answers.count(b"HTTP/1.1 200 ") == made, "a request served after the change"
    assert sum(r.client == "127.0.0.2" for r in records) == made
