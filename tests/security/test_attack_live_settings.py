"""Settings narrowed while sharing hold at once against what was begun under the wider ones: a
resumable upload begun while uploads were on, a keep-alive connection from the local network
after the share went back to this computer only, an anonymous connection after login."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.config import ALL_INTERFACES, LOCALHOST, ServerConfig
from server.engine import ServerEngine
from server.urls import lan_ipv4_addresses
from server.users import UserStore
from tests.conftest import read_until_closed
from tests.server.tus_http import head, patch, started


@pytest.fixture
def engine() -> Iterator[ServerEngine]:
    running = ServerEngine()
    yield running
    running.stop()


def test_a_resumable_upload_begun_before_uploads_went_off_cannot_go_on(
        engine: ServerEngine, share: Path, tmp_path: Path) -> None:
    config = ServerConfig(root=share, port=0, upload=True, tus_state=tmp_path / "tus")
    engine.start(config)
    data = os.urandom(20_000)
    url = started(engine.port, "late.bin", len(data))
    assert patch(engine.port, url, 0, data[:5_000]).status == 204
    engine.reconfigure(replace(config, upload=False))
    assert patch(engine.port, url, 5_000, data[5_000:]).status == 405
    assert not (share / "late.bin").exists()
    engine.reconfigure(config)  # on again: the same upload, where it was
    assert head(engine.port, url)["Upload-Offset"] == "5000"


def test_a_lan_keep_alive_connection_ends_when_the_share_goes_back_to_this_computer(
        engine: ServerEngine, share: Path) -> None:
    addresses = lan_ipv4_addresses()
    if not addresses:
        pytest.skip("this machine has no LAN address")
    lan = addresses[0]
    config = ServerConfig(root=share, port=0, host=ALL_INTERFACES)
    engine.start(config)
    port = engine.port
    with socket.create_connection((lan, port), timeout=10) as sock:
        sock.sendall(f"GET /hello.txt HTTP/1.1\r\nHost: {lan}:{port}\r\n\r\n".encode())
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200 ") and first.endswith(b"hello, world\n")
        engine.reconfigure(replace(config, host=LOCALHOST))
        try:
            sock.sendall(f"GET /hello.txt HTTP/1.1\r\nHost: {lan}:{port}\r\n\r\n".encode())
        except OSError:
            return  # reset already: nothing more reached the share
        assert read_until_closed(sock) == b"", "closed unanswered, not served under old rules"


def test_an_anonymous_keep_alive_connection_meets_the_login_switched_on(
        engine: ServerEngine, share: Path, private_config_dir: Path) -> None:
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", "a long password")
    config = ServerConfig(root=share, port=0)
    engine.start(config)
    with socket.create_connection(("127.0.0.1", engine.port), timeout=10) as sock:
        request = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
        sock.sendall(request)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
        engine.reconfigure(replace(config, auth=Authenticator(store, "Pier - share")))
        sock.sendall(request + b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n"
                     b"Connection: close\r\n\r\n")
        answers = read_until_closed(sock)
    assert answers.startswith(b"HTTP/1.1 401 ") and answers.count(b"HTTP/1.1 401 ") == 2
    assert b"hello, world" not in answers
