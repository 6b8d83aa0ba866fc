"""Hostile input against logins, uploads and HTTPS: raw sockets against the real server."""

from __future__ import annotations

import base64
import socket
import ssl
from pathlib import Path

import pytest

from server.auth import Authenticator
from server.config import TlsSettings
from server.tls import CertificateStore
from server.users import UserStore
from tests.conftest import read_until_closed


def basic(name: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


@pytest.fixture
def guarded(server_factory, share, private_config_dir: Path):
    store = UserStore(private_config_dir / "users.toml")
    store.load()
    auth = Authenticator(store, "Pier - share")
    store.add("ana", "correct horse", can_upload=True)
    running = server_factory(share, auth=auth, upload=True,
                             protected_paths=(share / "docs",))
    running.auth = auth
    return running


def test_expect_continue_without_credentials_gets_401_before_the_body(guarded, share):
    with socket.create_connection(("127.0.0.1", guarded.port), timeout=5) as sock:
        sock.sendall(b"PUT /x.bin HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000000\r\n"
                     b"Expect: 100-continue\r\n\r\n")
        data = read_until_closed(sock)
    assert data.startswith(b"HTTP/1.1 401") and b"100 Continue" not in data
    assert b"Connection: close" in data
    assert not (share / "x.bin").exists()


def test_wrong_user_and_wrong_password_cost_and_look_the_same(guarded):
    answers = []
    for credentials in (basic("ana", "wrong"), basic("nobody-here", "wrong")):
        before = guarded.auth.verify_count
        data = guarded.raw(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                           b"Authorization: " + credentials.encode() + b"\r\n\r\n")
        assert guarded.auth.verify_count == before + 1  # a full password hash check, both times
        answers.append(data.split(b"\r\n\r\n", 1)[1])
        assert data.startswith(b"HTTP/1.1 401")
    assert answers[0] == answers[1]


@pytest.mark.parametrize("name", ["a\r\nSet-Cookie: x=1", "..%2f..%2fescape", "CON", "x\x1b[31m"])
def test_hostile_upload_names_are_refused_with_400(guarded, share, name):
    quoted = name.replace("\r", "%0d").replace("\n", "%0a").replace("\x1b", "%1b")
    quoted = quoted.replace(" ", "%20").replace(":", "%3a")
    data = guarded.raw(f"PUT /{quoted} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n"
                       f"Authorization: {basic('ana', 'correct horse')}\r\n"
                       "Connection: close\r\n\r\nx".encode())
    assert data.startswith((b"HTTP/1.1 400", b"HTTP/1.1 404")), data[:80]
    assert b"Set-Cookie" not in data.split(b"\r\n\r\n")[0]
    assert sorted(p.name for p in share.iterdir()) == sorted(
        ["docs", "hello.txt", "été 2024.txt", ".secret", "big.bin"])


def test_uploads_into_a_protected_folder_are_refused(guarded, share):
    data = guarded.raw(b"PUT /docs/new.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n"
                       b"Authorization: " + basic("ana", "correct horse").encode()
                       + b"\r\nConnection: close\r\n\r\nx")
    assert data.startswith(b"HTTP/1.1 404")
    assert not (share / "docs" / "new.txt").exists()


def test_upload_location_is_percent_encoded(guarded, share):
    data = guarded.raw("PUT /50%25%20off%3Bx.txt HTTP/1.1\r\nHost: [::1]\r\nContent-Length: 1\r\n"
                       f"Authorization: {basic('ana', 'correct horse')}\r\n"
                       "Connection: close\r\n\r\nx".encode())
    assert data.startswith(b"HTTP/1.1 201")
    assert b"Location: /50%25%20off%3Bx.txt\r\n" in data
    assert (share / "50% off;x.txt").read_bytes() == b"x"


@pytest.fixture(scope="module")
def tls_settings(tmp_path_factory: pytest.TempPathFactory) -> TlsSettings:
    store = CertificateStore(tmp_path_factory.mktemp("tls"))
    chain, key = store.ensure_server_certificate()
    return TlsSettings(chain, key, store.ca_pem())


@pytest.mark.parametrize("host", [b"evil.example/@x", b"x\x0bSet-Cookie:1", b"[::1", b""])
def test_plain_http_on_the_https_port_never_redirects_to_a_forged_place(server_factory, share,
                                                                       tls_settings, host):
    running = server_factory(share, tls=tls_settings)
    data = running.raw(b"GET / HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")
    assert data.startswith((b"HTTP/1.1 400", b"HTTP/1.1 421"))
    assert b"Location" not in data


def test_keys_inside_the_share_are_never_served(server_factory, share, tmp_path: Path):
    store = CertificateStore(share / "tls")
    chain, key = store.ensure_server_certificate()
    running = server_factory(share, tls=TlsSettings(chain, key, store.ca_pem()),
                             show_hidden=True)
    context = ssl.create_default_context(cafile=str(chain))
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as raw, \
            context.wrap_socket(raw) as sock:
        sock.sendall(f"GET /tls/{key.name} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                     .encode())
        data = read_until_closed(sock)
    assert data.startswith(b"HTTP/1.1 404")
    assert b"PRIVATE KEY" not in data
