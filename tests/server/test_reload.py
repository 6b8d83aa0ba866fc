"""server/reload.py in-process, against a real engine: what a SIGHUP reloads (accounts, links,
the certificate with the names it covers and the CA it offers) and what a reload that cannot
read a file keeps."""

from __future__ import annotations

import base64
import http.client
import socket
import ssl
from pathlib import Path

import pytest

from server.errors import CertificateError, EngineStateError
from server.reload import reload_sources
from server.sharing import authenticator_for, tls_settings
from server.tls import CertificateStore
from server.users import UserStore

PASSWORD = "quiet-harbour-17"


def served_certificate(port: int) -> bytes:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, \
            context.wrap_socket(raw) as tls:
        der = tls.getpeercert(binary_form=True)
    assert der is not None
    return der


def https_get(port: int, path: str, host: str = "localhost") -> tuple[int, bytes]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": host})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path: Path) -> CertificateStore:
    return CertificateStore(tmp_path / "tls")


def test_a_new_certificate_brings_its_names_and_ca(server_factory, share, store):
    running = server_factory(share, tls=tls_settings(store))
    port = running.port
    old = served_certificate(port)
    assert https_get(port, "/hello.txt", host="files.office.lan")[0] == 421
    store.generate(extra_names=["files.office.lan"], new_ca=True)
    result = reload_sources(running.engine, lambda: tls_settings(store))
    assert result.problems == () and result.certificate is not None
    assert served_certificate(port) != old
    assert https_get(port, "/hello.txt", host="files.office.lan") == (200, b"hello, world\n")
    status, ca_pem = https_get(port, "/.well-known/pier/ca.pem")
    assert status == 200 and ca_pem == store.ca_pem()  # the new CA, not the one at start


def test_a_certificate_that_cannot_be_read_keeps_the_one_served(server_factory, share, store):
    running = server_factory(share, tls=tls_settings(store))
    old = served_certificate(running.port)

    def broken() -> object:
        raise CertificateError("The certificate cannot be read.")

    result = reload_sources(running.engine, broken)  # type: ignore[arg-type]
    assert result.certificate is None
    assert result.problems == ("The certificate cannot be read. Serving the certificate read "
                               "before.",)
    assert served_certificate(running.port) == old
    assert https_get(running.port, "/hello.txt")[0] == 200


def test_accounts_are_reread_and_a_damaged_file_keeps_them(server_factory, share, tmp_path):
    users = UserStore(tmp_path / "users.toml")
    users.add("ana", PASSWORD)
    running = server_factory(share, auth=authenticator_for(share, users, anonymous_read=False))
    UserStore(users.path).add("bea", PASSWORD)  # another process: the CLI
    assert reload_sources(running.engine).accounts == 2
    assert users.get("bea") is not None
    good = users.path.read_bytes()
    users.path.write_text("this is [not toml", encoding="utf-8")
    result = reload_sources(running.engine)
    assert result.accounts == 2 and len(result.problems) == 1
    assert "damaged" in result.problems[0] and "Keeping the accounts" in result.problems[0]
    token = base64.b64encode(f"bea:{PASSWORD}".encode()).decode()
    response, _ = running.get("/hello.txt", {"Authorization": f"Basic {token}"})
    assert response.status == 200
    users.path.write_bytes(good)  # the stop writes the last-login time: it needs the file


def test_a_plain_share_has_no_certificate_to_reload(server_factory, share, store):
    running = server_factory(share)
    calls: list[int] = []

    def certificate() -> object:
        calls.append(1)
        return tls_settings(store)

    result = reload_sources(running.engine, certificate)  # type: ignore[arg-type]
    assert result.certificate is None and result.accounts is None and calls == []
    with pytest.raises(EngineStateError):
        running.engine.use_certificate(tls_settings(store))
    assert result.summary() == "nothing to reload"
