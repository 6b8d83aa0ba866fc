"""Hostile requests at the CA downloads and the trust page (server/routes_trust.py), which are
answered without a login and even over plain HTTP on the HTTPS port: whatever the spelling,
method, range or account, only the CA's public certificate (or the page) comes back, never a
key. Pier's config folder lies inside the share here, the worst case: its tls/ holds the keys."""

from __future__ import annotations

import base64
import re
import socket
import ssl
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from server.auth import Authenticator
from server.paths import PierPaths
from server.sharing import tls_settings
from server.tls import CertificateStore
from server.users import UserStore
from tests.conftest import RunningServer, read_until_closed
from tests.server.test_tls import write_pair

PREFIX = "/.well-known/pier/"
TRUST = ("ca.crt", "ca.pem", "ca.mobileconfig", "trust")
TRICKS = [
    PREFIX + "../ca.crt", PREFIX + "../../.config/pier/tls/ca.key",
    PREFIX + "%2e%2e/%2e%2e/.config/pier/tls/ca.key", PREFIX + "..%2F..%2F.config/pier/tls/ca.key",
    PREFIX + "%63a.crt", PREFIX + "ca%2Ecrt", PREFIX + "ca%2epem", PREFIX + "CA.CRT",
    "/.WELL-KNOWN/PIER/ca.crt", PREFIX + "Trust", PREFIX + "ca.key", PREFIX + "server.key",
    PREFIX + "imported.key", PREFIX + "tls/ca.key", PREFIX + "ca.crt/", PREFIX + "ca.crt%00",
    PREFIX + "ca.crt%00.key", PREFIX + "ca.crt;.key", PREFIX + "ca.crt?../../ca.key",
    "//.well-known/pier/ca.crt", PREFIX + "./ca.crt", "/.config/pier/tls/ca.key",
    "/.config/pier/tls/server.key", "/.config/pier/tls/imported.key", "/.config/pier/tls/",
    "/%2Econfig/pier/tls/ca.key", "/.CONFIG/pier/tls/ca.key", "/.config/pier/tls/CA.KEY",
    "/.config/pier/tls/ca.pem", "/docs/../.config/pier/tls/ca.key",
    "/docs/%2e%2e/.config/pier/tls/server.key",
]
LIMITED = "Basic " + base64.b64encode(b"limited:limited-pw").decode()


class Trust:
    """A running HTTPS share with Pier's config inside it, and what must never leave it."""

    def __init__(self, running: RunningServer, tls_dir: Path, public: list[bytes]) -> None:
        self.running = running
        self.secrets = key_material(tls_dir)
        self.public = public  # the bodies a trust path may answer with


def key_material(tls_dir: Path) -> list[bytes]:
    """Every key's PEM lines and DER bytes, as they could appear in an answer."""
    found = []
    for key_file in tls_dir.glob("*.key"):
        data = key_file.read_bytes()
        found += [line for line in data.splitlines() if len(line) >= 40]
        key = serialization.load_pem_private_key(data, password=None)
        found.append(key.private_bytes(serialization.Encoding.DER,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    assert found
    return found


@pytest.fixture(params=["pier", "imported"])
def trust(request, server_factory, share: Path, tmp_path: Path) -> Trust:
    paths = PierPaths.under(share / ".config" / "pier")
    store = CertificateStore(paths.tls_dir)
    store.ensure_server_certificate()
    if request.param == "imported":  # the user's own pair: no CA is offered at all
        pair = write_pair(tmp_path / "mine")
        store.import_pair(pair.cert, pair.key)
    (share / "docs").mkdir(exist_ok=True)
    (share / "docs" / "a.txt").write_bytes(b"a")
    users = UserStore(paths.users_file)
    users.load()
    users.add("limited", "limited-pw", folders=("/docs",))
    settings = tls_settings(store)
    running = server_factory(share, tls=settings, auth=Authenticator(users, "Pier - t"),
                             protected_paths=paths.protected)
    public = []
    if settings.ca_pem is not None:
        public = [fetch(running, PREFIX + name, tls=True)[1] for name in TRUST]
        assert all(public)
    return Trust(running, paths.tls_dir, public)


def fetch(running: RunningServer, target: str, *, tls: bool, method: str = "GET",
          extra: tuple[str, ...] = ()) -> tuple[int, bytes, bytes]:
    """(status, body, head) of one request, raw, over TLS or plain HTTP to the TLS port."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{running.port}", *extra,
             "Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as raw:
        sock: socket.socket = raw
        if tls:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
            sock = context.wrap_socket(raw, server_hostname="127.0.0.1")
        sock.sendall("\r\n".join(lines).encode("latin-1"))
        answer = read_until_closed(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    match = re.match(rb"HTTP/1\.1 (\d{3}) ", head)
    assert match, answer[:200]
    return int(match.group(1)), body, head


def check(trust: Trust, target: str, *, tls: bool, method: str = "GET",
          extra: tuple[str, ...] = ()) -> tuple[int, bytes]:
    status, body, head = fetch(trust.running, target, tls=tls, method=method, extra=extra)
    for secret in trust.secrets:
        assert secret not in body and secret not in head, target
    assert b"PRIVATE KEY" not in body
    if status == 200 and method == "GET":
        assert body in trust.public, target
    if status == 206:
        assert any(body in whole for whole in trust.public), target
    return status, body


@pytest.mark.parametrize("target", TRICKS)
def test_path_tricks_never_reach_a_key(trust: Trust, target: str) -> None:
    exact = target.partition("?")[0] in {PREFIX + name for name in TRUST}  # a query is ignored
    for tls in (False, True):
        for extra in ((), (f"Authorization: {LIMITED}",), ("Range: bytes=0-",)):
            for method in ("GET", "HEAD"):
                status, _ = check(trust, target, tls=tls, method=method, extra=extra)
                if exact:  # the CA itself, checked by check(), or 404 for a user's pair
                    assert status == (200 if trust.public else 404), target
                elif not tls:  # plain HTTP: only the exact trust paths are answered
                    assert status in (301, 400), target
                else:
                    assert status not in (200, 206), target


@pytest.mark.parametrize("name", TRUST)
def test_the_trust_paths_give_only_public_bytes(trust: Trust, name: str) -> None:
    wanted = 200 if trust.public else 404
    for tls in (False, True):
        for extra in ((), (f"Authorization: {LIMITED}",), ("Range: bytes=0-9",)):
            for method in ("GET", "HEAD"):
                status, body = check(trust, PREFIX + name, tls=tls, method=method, extra=extra)
                assert status in ((wanted, 206) if extra[:1] == ("Range: bytes=0-9",)
                                  else (wanted,)), (name, tls, extra)
                if method == "HEAD":
                    assert body == b""


def test_no_login_is_asked_for_the_ca_but_the_share_still_needs_one(trust: Trust) -> None:
    assert fetch(trust.running, "/", tls=True)[0] == 401
    assert fetch(trust.running, "/docs/a.txt", tls=True)[0] == 401
    status = fetch(trust.running, PREFIX + "ca.crt", tls=True)[0]
    assert status == (200 if trust.public else 404)
    # the folder-limited account reaches its folder, and still not Pier's files in the share
    assert fetch(trust.running, "/docs/a.txt", tls=True,
                 extra=(f"Authorization: {LIMITED}",))[0] == 200
    assert check(trust, "/.config/pier/tls/ca.pem", tls=True,
                 extra=(f"Authorization: {LIMITED}",))[0] == 404
