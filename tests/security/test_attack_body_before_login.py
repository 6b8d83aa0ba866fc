"""A body on GET/HEAD/OPTIONS is read before the login is checked (found by an attack on the
running server).

The router drains such a body (up to 64 KiB) before it asks who is calling, so on a share that
requires a login a client without any credentials is told "100 Continue" and its body is read
before it gets its 401. Uploads get their 401 first (test_auth_uploads_tls.py); a GET with a
body should too: nothing a stranger sends is worth reading. The same order lets a stranger hold
a server thread per connection by trickling a GET body (50 such connections: 50 more threads).
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.users import UserStore


@pytest.fixture
def login_required(server_factory, share, private_config_dir: Path):
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    store.add("ana", "correct horse battery")
    return server_factory(share, auth=Authenticator(store, "Pier - share"))


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_body_without_credentials_gets_401_before_100_continue(login_required, method):
    with socket.create_connection(("127.0.0.1", login_required.port), timeout=5) as sock:
        sock.sendall(f"{method} /hello.txt HTTP/1.1\r\nHost: localhost\r\n"
                     "Content-Length: 60000\r\nExpect: 100-continue\r\n\r\n".encode())
        first = sock.recv(65536)  # the server's first word, before we send any of the body
    assert first.startswith(b"HTTP/1.1 401"), first[:40]
