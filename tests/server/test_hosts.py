"""server/hosts.py: which Host headers name this share (DNS rebinding), judged over real sockets,
and the names a share answers to, read from a real certificate."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from server import hosts
from server.hosts import HostNames, certificate_names, share_names
from server.urls import lan_ipv4_addresses


def accepted_socket(address: str) -> tuple[socket.socket, socket.socket]:
    """(the server's end, the client's end) of a TCP connection to ``address``."""
    with socket.create_server((address, 0)) as listener:
        client = socket.create_connection(listener.getsockname()[:2], timeout=5)
        server_end, _ = listener.accept()
    return server_end, client


@pytest.fixture
def loopback() -> Iterator[socket.socket]:
    server_end, client = accepted_socket("127.0.0.1")
    yield server_end
    server_end.close()
    client.close()


@pytest.fixture
def names() -> HostNames:
    return HostNames(["Pier.Example.", "laptop", "laptop.local", "localhost", ""])


@pytest.mark.parametrize("header", [
    "pier.example", "PIER.EXAMPLE", "pier.example.", "pier.example:8443", "laptop.local:80",
    "localhost", "127.0.0.1:8000", "127.9.9.9", "[::1]:8000", "[::ffff:127.0.0.1]",
])
def test_own_names_and_loopback_addresses_are_accepted(names, loopback, header):
    assert names.accepts(header, loopback)


@pytest.mark.parametrize("header", [
    "evil.example", "pier.example.evil.example", "sub.pier.example", "laptop.evil",
    "192.0.2.1", "[2001:db8::1]", "pier.example:http", "[::1", "[::1]x", "", ":80",
])
def test_strangers_and_malformed_hosts_are_refused(names, loopback, header):
    assert not names.accepts(header, loopback)


def test_an_address_of_this_machine_counts_once_a_client_reached_it(loopback):
    lan = lan_ipv4_addresses()
    if not lan:
        pytest.skip("no LAN IPv4 address on this machine")
    names = HostNames([])
    assert not names.accepts(lan[0], loopback)  # a connection to 127.0.0.1 proves nothing
    server_end, client = accepted_socket(lan[0])
    try:
        assert names.accepts(f"{lan[0]}:8000", server_end)
        assert names.accepts(lan[0], loopback)  # now known as one of ours
    finally:
        server_end.close()
        client.close()


def test_accepted_values_are_remembered_up_to_a_bound(loopback, monkeypatch):
    monkeypatch.setattr(hosts, "MAX_REMEMBERED", 2)
    names = HostNames(["pier.example"])
    for port in range(8000, 8005):
        assert names.accepts(f"pier.example:{port}", loopback)
    assert len(names._accepted) == 2


def self_signed(path: Path, dns_names: list[str]) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test")])
    now = datetime.now(UTC)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
               .public_key(key.public_key()).serial_number(1)
               .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1)))
    if dns_names:
        san = [*(x509.DNSName(n) for n in dns_names),
               x509.IPAddress(ipaddress.ip_address("192.0.2.7"))]
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    path.write_bytes(builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
    return path


def test_certificate_names_are_its_dns_names_without_wildcards(tmp_path):
    chain = self_signed(tmp_path / "chain.pem", ["pier.example", "*.wild.example", "nas.lan"])
    assert certificate_names(chain) == ["pier.example", "nas.lan"]


def test_an_unreadable_certificate_gives_no_names(tmp_path):
    assert certificate_names(tmp_path / "missing.pem") == []
    (tmp_path / "junk.pem").write_text("not a certificate")
    assert certificate_names(tmp_path / "junk.pem") == []
    assert certificate_names(self_signed(tmp_path / "bare.pem", [])) == []  # no SAN


def test_share_names_gather_every_source(tmp_path):
    chain = self_signed(tmp_path / "chain.pem", ["cert.example"])
    found = share_names(extra=["router.lan"], certificate=chain, announced="Pier-2.local")
    assert {"localhost", socket.gethostname(), "router.lan", "Pier-2.local",
            "cert.example"} <= set(found)
    assert "Pier-2.local" not in share_names()
