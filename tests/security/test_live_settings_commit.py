"""Settings changed while sharing (fix of attack 19): what a request begun under the old rules
may still do when it commits, which WebDAV locks and lock-outs outlive a change, and the share
links following the links file. Real HTTP against a running engine."""

from __future__ import annotations

import base64
import contextlib
import socket
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.config import ServerConfig
from server.engine import ServerEngine
from server.links import LinkStore
from server.paths import PierPaths
from server.uploads import TEMP_PREFIX
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


def _store(path: Path, *accounts: tuple[str, bool]) -> UserStore:
    store = UserStore(path)
    store.load()
    for name, writer in accounts:
        store.add(name, f"{name}s password 1", can_upload=writer, can_modify=writer)
    return store


def _basic(name: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{name}s password 1".encode()).decode()


def _once(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        return read_until_closed(sock)


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def _after_continue(engine: ServerEngine, head: bytes, body: bytes,
                    change: ServerConfig) -> bytes:
    """Send ``head`` (Expect: 100-continue), apply ``change`` once the server asks for the
    body (the request is routed, under the old rules), then send the body."""
    with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
        sock.sendall(head)
        assert sock.recv(100).startswith(b"HTTP/1.1 100 ")
        engine.reconfigure(change)
        with contextlib.suppress(OSError):
            sock.sendall(body)
        return read_until_closed(sock)


def _share_files(share: Path) -> set[str]:
    return {p.name for p in share.iterdir()}


def test_a_form_upload_begun_before_uploads_went_off_saves_nothing(
        engine: ServerEngine, share: Path) -> None:
    """The first file is being written (its temporary file is there) when uploads go off:
    neither it nor the second one is saved, and nothing is left behind (the commit asks the
    rules in force; were it let through, the second file's refusal withdraws it)."""
    config = ServerConfig(root=share, port=0, upload=True)
    engine.start(config)
    before = _share_files(share)
    boundary = uuid.uuid4().hex
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="one.txt"\r\n\r\n').encode() + b"1" * 300_000 + (
        f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="two.txt"\r\n\r\n2\r\n--{boundary}--\r\n').encode()
    with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
        sock.sendall(f"POST /?format=json HTTP/1.1\r\nHost: localhost\r\n"
                     f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                     f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                     + body[:200_000])
        assert wait_until(lambda: any(n.startswith(TEMP_PREFIX) for n in _share_files(share)),
                          10), "the first file never began"
        engine.reconfigure(replace(config, upload=False))
        with contextlib.suppress(OSError):
            sock.sendall(body[200_000:])
        answer = read_until_closed(sock)
    assert _status(answer) == 403, answer[:200]
    assert _share_files(share) == before  # no file, no temporary file left behind


def test_a_put_over_a_file_begun_before_changes_went_off_leaves_the_file(
        engine: ServerEngine, share: Path) -> None:
    config = ServerConfig(root=share, port=0, upload=True, modify=True)
    engine.start(config)
    before = _share_files(share)
    head = (b"PUT /hello.txt HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
            b"Content-Length: 9\r\nConnection: close\r\n\r\n")
    answer = _after_continue(engine, head, b"overwrite", replace(config, modify=False))
    assert _status(answer) == 403, answer[:200]
    assert (share / "hello.txt").read_bytes() == b"hello, world\n"
    assert _share_files(share) == before


def test_a_put_of_an_account_removed_meanwhile_is_refused(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    store = _store(tmp_path / "users.toml", ("bob", True))
    config = ServerConfig(root=share, port=0, upload=True,
                          auth=Authenticator(store, "Pier - share"))
    engine.start(config)
    head = (f"PUT /bobs.txt HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
            f"Authorization: {_basic('bob')}\r\nContent-Length: 3\r\n"
            f"Connection: close\r\n\r\n").encode()
    others = _store(tmp_path / "others.toml", ("carol", True))
    answer = _after_continue(engine, head, b"abc", replace(
        config, auth=Authenticator(others, "Pier - share")))
    assert _status(answer) == 403, answer[:200]
    assert not (share / "bobs.txt").exists()


def test_the_lock_of_an_account_lowered_to_reading_is_dropped(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    writers = _store(tmp_path / "writers.toml", ("bob", True), ("carol", True))
    config = ServerConfig(root=share, port=0, upload=True, modify=True,
                          auth=Authenticator(writers, "Pier - share"))
    engine.start(config)
    locked = _once(engine.port, (
        f"LOCK /hello.txt HTTP/1.1\r\nHost: localhost\r\nAuthorization: {_basic('bob')}\r\n"
        f"Timeout: Second-3600\r\nContent-Type: application/xml\r\n"
        f"Content-Length: {len(LOCK_BODY)}\r\nConnection: close\r\n\r\n").encode() + LOCK_BODY)
    assert _status(locked) == 200
    put = (f"PUT /hello.txt HTTP/1.1\r\nHost: localhost\r\nAuthorization: {_basic('carol')}"
           f"\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc").encode()
    assert _status(_once(engine.port, put)) == 423  # bob's lock holds while he may write
    lowered = _store(tmp_path / "lowered.toml", ("bob", False), ("carol", True))
    engine.reconfigure(replace(config, auth=Authenticator(lowered, "Pier - share")))
    assert _status(_once(engine.port, put)) in (200, 204), "bob may no longer hold it"


def test_a_lock_out_outlives_login_switched_off_and_on_with_other_accounts(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    store = _store(tmp_path / "users.toml", ("bob", False))
    config = ServerConfig(root=share, port=0, auth=Authenticator(store, "Pier - share"))
    engine.start(config)
    guess = (f"GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
             f"{base64.b64encode(b'bob:guess').decode()}\r\nConnection: close\r\n\r\n").encode()
    for _ in range(200):
        if _status(_once(engine.port, guess)) == 429:
            break
    else:
        pytest.fail("never locked out")
    engine.reconfigure(replace(config, auth=None))
    other = _store(tmp_path / "other.toml", ("bob", False))
    engine.reconfigure(replace(config, auth=Authenticator(other, "Another realm")))
    assert _status(_once(engine.port, guess)) == 429


def test_links_switched_off_while_sharing_are_served_no_more(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    links_file = PierPaths.under(tmp_path / "config").links_file
    owner = LinkStore(links_file)
    owner.load()
    link = owner.create(share / "hello.txt", "file")
    config = ServerConfig(root=share, port=0, links_file=links_file)
    engine.start(config)
    get = f"GET {link.url_path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    assert _status(_once(engine.port, get.encode())) == 200
    engine.reconfigure(replace(config, links_file=None))
    assert engine.links is None
    assert _status(_once(engine.port, get.encode())) == 404
    engine.reconfigure(config)  # on again: served again, by a new keeper
    assert engine.links is not None
    assert _status(_once(engine.port, get.encode())) == 200
