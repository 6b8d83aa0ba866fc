"""TLS handshakes (issue 21): sessions are resumed, and a handshake waits neither for a slow
client's other connection nor for busy workers (server/handshakes.py)."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path

import pytest

from server.config import Limits, TlsSettings
from server.handler import RequestHandler
from server.tls import CertificateStore

GET_HELLO = b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> tuple[TlsSettings, Path]:
    store = CertificateStore(tmp_path_factory.mktemp("tls"))
    chain, key = store.ensure_server_certificate()
    ca = chain.parent / "exported-ca.pem"
    store.export_ca(ca)
    return TlsSettings(chain, key, store.ca_pem()), ca


def client_context(ca: Path, version: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(ca))
    if version is not None:
        context.minimum_version = context.maximum_version = version
    return context


def fetch_hello(sock: ssl.SSLSocket) -> bytes:
    """One GET of hello.txt on an open TLS connection; the answer's bytes (head and body).
    Reading it also takes in the session tickets a TLS 1.3 server sends after the handshake."""
    sock.sendall(GET_HELLO)
    data = b""
    while not data.endswith(b"hello, world\n"):
        chunk = sock.recv(65536)
        assert chunk, f"closed early: {data!r}"
        data += chunk
    return data


@pytest.mark.parametrize("version", [ssl.TLSVersion.TLSv1_3, ssl.TLSVersion.TLSv1_2])
def test_a_returning_client_resumes_its_session(server_factory, share, certificates, version):
    settings, ca = certificates
    running = server_factory(share, tls=settings)
    context = client_context(ca, version)
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="127.0.0.1") as first:
        assert fetch_hello(first).startswith(b"HTTP/1.1 200")
        assert not first.session_reused
        session = first.session
    assert session is not None
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="127.0.0.1", session=session) as again:
        assert again.session_reused  # no certificate, no signature: an abbreviated handshake
        assert again.version() == version.name.replace("_", ".")
        assert fetch_hello(again).startswith(b"HTTP/1.1 200")


class BioClient:
    """A TLS client whose bytes the test sends itself, as slowly as it likes: its ClientHello
    can be cut into pieces and held back."""

    def __init__(self, port: int, context: ssl.SSLContext) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self._in, self._out = ssl.MemoryBIO(), ssl.MemoryBIO()
        self.tls = context.wrap_bio(self._in, self._out, server_hostname="127.0.0.1")

    def client_hello(self) -> bytes:
        with pytest.raises(ssl.SSLWantReadError):
            self.tls.do_handshake()
        return self._out.read()

    def nothing_came_back(self) -> bool:
        self.sock.setblocking(False)
        try:
            self.sock.recv(1, socket.MSG_PEEK)  # a ServerHello, or the end: something came
        except BlockingIOError:
            return True
        finally:
            self.sock.settimeout(10)
        return False

    def finish_handshake(self) -> None:
        while True:
            try:
                self.tls.do_handshake()
                self.sock.sendall(self._out.read())  # the client's Finished
                return
            except ssl.SSLWantReadError:
                self.sock.sendall(self._out.read())
                data = self.sock.recv(65536)
                assert data, "the server closed the connection mid-handshake"
                self._in.write(data)

    def get_hello(self) -> bytes:
        self.tls.write(GET_HELLO)
        self.sock.sendall(self._out.read())
        answer = b""
        while not answer.endswith(b"hello, world\n"):
            try:
                answer += self.tls.read(65536)
            except ssl.SSLWantReadError:
                data = self.sock.recv(65536)
                assert data, f"closed early: {answer!r}"
                self._in.write(data)
        return answer

    def close(self) -> None:
        self.sock.close()


def test_a_slow_client_hello_holds_up_no_other_connection(server_factory, share, certificates):
    settings, ca = certificates
    running = server_factory(share, tls=settings, limits=Limits(workers=1, header_timeout=30))
    context = client_context(ca)
    slow = BioClient(running.port, context)
    try:
        hello = slow.client_hello()
        slow.sock.sendall(hello[:7])  # the record header and a little: then it dawdles
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw, \
                context.wrap_socket(raw, server_hostname="127.0.0.1") as other:
            assert fetch_hello(other).startswith(b"HTTP/1.1 200")
        assert slow.nothing_came_back()  # its handshake is still waiting for the rest
        slow.sock.sendall(hello[7:])
        slow.finish_handshake()
        assert slow.get_hello().startswith(b"HTTP/1.1 200")
    finally:
        slow.close()


def test_handshakes_do_not_wait_for_busy_workers(server_factory, share, certificates,
                                                 monkeypatch):
    """The only worker is busy with a request that waits for the test; a new client's
    handshake and a request answered from memory go through meanwhile (they used to wait
    for a worker: a handshake ran on one)."""
    settings, ca = certificates
    entered, release = threading.Event(), threading.Event()
    handle = RequestHandler.handle

    def held_handle(self, conn, head):
        if head.startswith(b"GET /docs/"):
            entered.set()
            release.wait(30)
        return handle(self, conn, head)

    monkeypatch.setattr(RequestHandler, "handle", held_handle)
    running = server_factory(share, tls=settings, limits=Limits(workers=1))
    context = client_context(ca)
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="127.0.0.1") as warm:
        assert fetch_hello(warm).startswith(b"HTTP/1.1 200")  # hello.txt is in memory now
    busy = context.wrap_socket(socket.create_connection(("127.0.0.1", running.port),
                                                        timeout=10),
                               server_hostname="127.0.0.1")
    try:
        busy.sendall(b"GET /docs/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")  # a folder scan: a worker
        assert entered.wait(10)
        with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw, \
                context.wrap_socket(raw, server_hostname="127.0.0.1") as newcomer:
            assert fetch_hello(newcomer).startswith(b"HTTP/1.1 200")
        assert not release.is_set()  # the worker's request was still held all along
        release.set()
        answer = busy.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200")
    finally:
        release.set()
        busy.close()


def test_the_generated_certificate_is_ecdsa_and_its_suites_come_first(server_factory, share,
                                                                       certificates):
    settings, ca = certificates
    running = server_factory(share, tls=settings)
    context = client_context(ca, ssl.TLSVersion.TLSv1_2)
    context.set_ciphers("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
                        "ECDHE-ECDSA-AES128-GCM-SHA256")  # the client would rather have others
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as raw, \
            context.wrap_socket(raw, server_hostname="127.0.0.1") as sock:
        assert sock.cipher()[0] == "ECDHE-ECDSA-AES128-GCM-SHA256"  # the server's order
