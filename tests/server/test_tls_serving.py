"""HTTPS over real TLS: a client that trusts only Pier's exported CA, with host name checks on."""

from __future__ import annotations

import http.client
import socket
import ssl
from pathlib import Path

import pytest

from server.config import Limits, TlsSettings
from server.tls import CertificateStore


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[TlsSettings, Path]:
    store = CertificateStore(tmp_path_factory.mktemp("tls"))
    chain, key = store.ensure_server_certificate()
    ca = chain.parent / "exported-ca.pem"
    store.export_ca(ca)
    return TlsSettings(chain, key, store.ca_pem()), ca


@pytest.fixture
def https(server_factory, share, certificates):
    settings, ca = certificates
    running = server_factory(share, tls=settings, limits=Limits(header_timeout=2))
    running.context = ssl.create_default_context(cafile=str(ca))
    return running


def get(running, path: str, host: str = "127.0.0.1", headers: dict | None = None):
    conn = http.client.HTTPSConnection(host, running.port, context=running.context, timeout=10)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    return conn, response, response.read()


def test_https_verifies_against_the_exported_ca(https):
    assert https.engine.urls()[0].startswith("https://127.0.0.1:")
    for host in ("127.0.0.1", "localhost"):
        conn, response, body = get(https, "/hello.txt", host)
        assert response.status == 200 and body == b"hello, world\n"
        assert conn.sock.version() in ("TLSv1.2", "TLSv1.3")
        assert conn.sock.selected_alpn_protocol() in (None, "http/1.1")
        conn.close()
    assert all(r.tls for r in https.wait_for_records(2))


def test_keep_alive_ranges_and_large_files_over_tls(https, share):
    data = (share / "big.bin").read_bytes()
    conn = http.client.HTTPSConnection("127.0.0.1", https.port, context=https.context, timeout=10)
    conn.request("GET", "/big.bin")
    assert conn.getresponse().read() == data
    conn.request("GET", "/big.bin", headers={"Range": "bytes=1000-1999"})
    response = conn.getresponse()
    assert response.status == 206 and response.read() == data[1000:2000]
    conn.close()


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1_1 is deprecated")
def test_tls_1_1_is_refused(https):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        context.minimum_version = ssl.TLSVersion.TLSv1_1
        context.maximum_version = ssl.TLSVersion.TLSv1_1
    except (ValueError, ssl.SSLError):
        pytest.skip("this OpenSSL cannot even offer TLS 1.1")
    with socket.create_connection(("127.0.0.1", https.port), timeout=5) as raw, \
            pytest.raises((ssl.SSLError, ConnectionError)):
        context.wrap_socket(raw, server_hostname="127.0.0.1")


def test_silent_and_stalled_clients_do_not_block_a_tls_client(server_factory, share,
                                                                certificates):
    settings, ca = certificates
    running = server_factory(share, tls=settings, limits=Limits(workers=1, header_timeout=5))
    running.context = ssl.create_default_context(cafile=str(ca))
    silent = [socket.create_connection(("127.0.0.1", running.port), timeout=5) for _ in range(5)]
    stalled = []
    for _ in range(3):  # a ClientHello record header and then nothing: a stalled handshake
        sock = socket.create_connection(("127.0.0.1", running.port), timeout=5)
        sock.sendall(b"\x16\x03\x01\x02\x00\x01")
        stalled.append(sock)
    try:
        conn, _response, body = get(running, "/hello.txt")
        assert body == b"hello, world\n"
        conn.close()
    finally:
        for sock in silent + stalled:
            sock.close()


def test_plain_http_on_the_https_port_is_redirected(https):
    data = https.raw(b"GET /docs/?sort=size HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % https.port)
    assert data.startswith(b"HTTP/1.1 301")
    assert b"Location: https://127.0.0.1:%d/docs/?sort=size\r\n" % https.port in data
    bad_host = https.raw(b"GET / HTTP/1.1\r\nHost: evil.example/@x\r\n\r\n")
    assert bad_host.startswith((b"HTTP/1.1 400", b"HTTP/1.1 421"))  # never redirected


def test_ca_certificate_download(https, certificates):
    _, ca = certificates
    _, response, pem = get(https, "/.well-known/pier/ca.pem")
    assert response.status == 200 and pem == ca.read_bytes()
    _, response, der = get(https, "/.well-known/pier/ca.crt")
    assert response.getheader("Content-Type") == "application/x-x509-ca-cert"
    assert der == ssl.PEM_cert_to_DER_cert(pem.decode())


def test_no_ca_on_plain_http(server):
    response, _ = server.get("/.well-known/pier/ca.pem")
    assert response.status == 404


def test_absolute_form_on_the_https_port_redirects_to_its_path(https):
    port = https.port
    data = https.raw(b"GET http://localhost:%d/docs/?sort=size HTTP/1.1\r\n"
                     b"Host: localhost:%d\r\n\r\n" % (port, port))
    assert data.startswith(b"HTTP/1.1 301")
    assert b"Location: https://localhost:%d/docs/?sort=size\r\n" % port in data
