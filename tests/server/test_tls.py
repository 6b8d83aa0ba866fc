"""server/tls.py, the HTTPS certificates: local CA, server certificate, imports, and the TLS
server context.

Real crypto and real TLS handshakes on 127.0.0.1: a tiny `ssl` server made with
make_server_context, and clients that trust only what the store exports."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import socket
import ssl
import stat
import subprocess
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from server import ca as ca_module
from server import tls
from server.errors import CertificateError
from server.tls import (
    CertificateStore,
    PassphraseRequired,
    WrongPassphrase,
    current_host_names,
    current_ip_addresses,
    make_server_context,
)
from server.urls import lan_ipv4_addresses

OPENSSL = shutil.which("openssl")


# --- a tiny TLS server and client -------------------------------------------------------------

@contextlib.contextmanager
def tls_server(chain: Path, key: Path) -> Iterator[int]:
    """Serve TLS on 127.0.0.1:<port>; each connection: handshake, send b"ok", shut down."""
    context = make_server_context(chain, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            conn.settimeout(5)
            with contextlib.suppress(OSError), \
                    context.wrap_socket(conn, server_side=True) as tls_conn:
                tls_conn.sendall(b"ok")
                tls_conn.unwrap()                   # close_notify, as OpenSSL 3 clients expect

    thread = threading.Thread(target=serve, name="test-tls-server", daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()


@dataclass
class Handshake:
    version: str
    cipher: str
    alpn: str | None
    body: bytes


def client_context(cafile: Path, *, minimum: ssl.TLSVersion | None = None,
                   maximum: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)          # check_hostname + CERT_REQUIRED
    context.load_verify_locations(cafile=cafile)
    if minimum:
        context.minimum_version = minimum
    if maximum:
        context.maximum_version = maximum
    context.set_alpn_protocols(["http/1.1"])
    return context


def handshake(port: int, context: ssl.SSLContext, server_hostname: str) -> Handshake:
    assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname=server_hostname) as conn:
        body = conn.recv(2)
        return Handshake(conn.version() or "", conn.cipher()[0], conn.selected_alpn_protocol(),
                         body)


# --- test certificates made here, for imports --------------------------------------------------

def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def make_cert(key: ec.EllipticCurvePrivateKey, common: str, *,
              issuer: x509.Certificate | None = None,
              issuer_key: ec.EllipticCurvePrivateKey | None = None, ca: bool = False,
              names: Sequence[str] | None = ("localhost", "127.0.0.1"),
              start: timedelta = timedelta(days=-1), days: int = 30) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])
    begin = datetime.now(UTC) + start
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(begin).not_valid_after(begin + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [tls.parse_name(n) for n in names]), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def key_pem(key: ec.EllipticCurvePrivateKey, passphrase: bytes | None = None) -> bytes:
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption)


@dataclass
class Pair:
    cert: Path
    key: Path
    ca: Path
    leaf: x509.Certificate


def write_pair(folder: Path, *, passphrase: bytes | None = None, **leaf_options: object) -> Pair:
    """A small CA + a leaf for localhost/127.0.0.1 written as PEM files (chain = leaf + CA)."""
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, leaf_key = new_key(), new_key()
    ca = make_cert(ca_key, "Test CA", ca=True, names=None, days=365)
    leaf = make_cert(leaf_key, "test server", issuer=ca, issuer_key=ca_key, **leaf_options)
    pair = Pair(folder / "chain.pem", folder / "key.pem", folder / "ca.pem", leaf)
    pair.cert.write_bytes(pem(leaf, ca))
    pair.key.write_bytes(key_pem(leaf_key, passphrase))
    pair.ca.write_bytes(pem(ca))
    return pair


def load_chain(path: Path) -> list[x509.Certificate]:
    return x509.load_pem_x509_certificates(path.read_bytes())


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- fixtures ---------------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path: Path) -> CertificateStore:
    return CertificateStore(tmp_path / "tls")


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[CertificateStore, Path, int]]:
    """A generated certificate served on 127.0.0.1, and the exported CA file."""
    folder = tmp_path_factory.mktemp("served")
    store = CertificateStore(folder / "tls")
    chain, key = store.ensure_server_certificate()
    cafile = folder / "exported-ca.pem"
    store.export_ca(cafile)
    with tls_server(chain, key) as port:
        yield store, cafile, port


# --- generated certificates over real TLS -----------------------------------------------------

@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "::1", "HOST", "HOST.local"])
def test_generated_chain_verifies_with_only_the_exported_ca(served, name):
    _store, cafile, port = served
    if name.startswith("HOST"):
        hosts = [n for n in current_host_names() if n != "localhost"]
        if not hosts:
            pytest.skip("this machine has no host name")
        name = name.replace("HOST", hosts[0])
    result = handshake(port, client_context(cafile), name)
    assert result.body == b"ok"
    assert result.alpn == "http/1.1"
    assert result.version in ("TLSv1.2", "TLSv1.3")


def test_tls12_uses_only_ecdhe_aead_ciphers(served):
    _store, cafile, port = served
    result = handshake(port, client_context(cafile, maximum=ssl.TLSVersion.TLSv1_2), "127.0.0.1")
    assert result.version == "TLSv1.2"
    assert result.cipher.startswith("ECDHE-")
    assert "GCM" in result.cipher or "CHACHA20" in result.cipher


def test_tls13_works(served):
    _store, cafile, port = served
    if not ssl.HAS_TLSv1_3:
        pytest.skip("this OpenSSL has no TLS 1.3")
    result = handshake(port, client_context(cafile, minimum=ssl.TLSVersion.TLSv1_3), "localhost")
    assert result.version == "TLSv1.3"


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1_1 is deprecated")
def test_tls11_client_is_refused(served):
    _store, cafile, port = served
    context = client_context(cafile, minimum=ssl.TLSVersion.TLSv1_1,
                             maximum=ssl.TLSVersion.TLSv1_1)
    try:
        context.set_ciphers("DEFAULT:@SECLEVEL=0")        # let this OpenSSL offer TLS 1.1 at all
    except ssl.SSLError:
        pytest.skip("this OpenSSL cannot offer TLS 1.1")
    with pytest.raises(ssl.SSLError) as caught:
        handshake(port, context, "127.0.0.1")
    if "NO_PROTOCOLS_AVAILABLE" in str(caught.value).upper():
        pytest.skip("this OpenSSL cannot offer TLS 1.1")
    assert "PROTOCOL" in str(caught.value).upper()


def test_a_client_without_the_ca_or_with_a_wrong_name_is_refused(served, tmp_path):
    _store, cafile, port = served
    other = write_pair(tmp_path / "other")
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(port, client_context(other.ca), "127.0.0.1")
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(port, client_context(cafile), "example.com")


def test_san_holds_the_machines_names_and_addresses(served):
    store, _cafile, _port = served
    info = store.server_info()
    assert info is not None
    assert set(current_host_names()) <= set(info.dns_names)
    assert "localhost" in info.dns_names
    assert {"127.0.0.1", "::1", *lan_ipv4_addresses()} <= set(info.ip_addresses)
    for host in (n for n in current_host_names() if n != "localhost" and "." not in n):
        assert f"{host}.local" in info.dns_names


def test_ca_and_leaf_have_the_promised_extensions(served):
    store, _cafile, _port = served
    chain_path, _key = store.server_paths()
    leaf, ca = load_chain(chain_path)
    ca_ext, leaf_ext = ca.extensions, leaf.extensions

    basic = ca_ext.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca and basic.value.path_length == 0
    usage = ca_ext.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    ca_eku = ca_ext.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(ca_eku) == [ExtendedKeyUsageOID.SERVER_AUTH]    # web servers only (finding 11)
    constraints = ca_ext.get_extension_for_class(x509.NameConstraints)
    assert constraints.critical
    permitted = constraints.value.permitted_subtrees or []
    networks = {str(n.value) for n in permitted if isinstance(n, x509.IPAddress)}
    assert {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
            "::1/128", "fc00::/7", "fe80::/10"} <= networks
    domains = {n.value for n in permitted if isinstance(n, x509.DNSName)}
    assert {"localhost", "local"} <= domains
    ca_info = store.ca_info()
    assert ca_info and ca_info.is_ca and ca_info.key_type == "ECDSA P-256"
    assert ca.not_valid_after_utc - ca.not_valid_before_utc == timedelta(days=3650)

    assert not leaf_ext.get_extension_for_class(x509.BasicConstraints).value.ca
    eku = leaf_ext.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    leaf_usage = leaf_ext.get_extension_for_class(x509.KeyUsage)
    assert leaf_usage.critical and leaf_usage.value.digital_signature
    assert not leaf_usage.value.key_cert_sign
    aki = leaf_ext.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = ca_ext.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    assert leaf.not_valid_after_utc - leaf.not_valid_before_utc == timedelta(days=397)
    backdated = datetime.now(UTC) - leaf.not_valid_before_utc
    assert timedelta(minutes=59) < backdated < timedelta(hours=2)
    assert 0 < leaf.serial_number < 2**159 and leaf.serial_number.bit_length() > 64
    info = store.server_info()
    assert info and info.key_type == "ECDSA P-256" and not info.is_ca
    assert len(info.sha256.split(":")) == 32 and info.sha256 == info.sha256.upper()


def test_name_constraints_stop_the_ca_from_vouching_for_public_names(served, tmp_path):
    """A leaf for a public name, signed with the real CA key, fails verification in OpenSSL."""
    store, cafile, _port = served
    ca = load_chain(store.directory / "ca.pem")[0]
    ca_key = serialization.load_pem_private_key((store.directory / "ca.key").read_bytes(), None)
    rogue_key = new_key()
    rogue = tls.make_server_cert(rogue_key, [x509.DNSName("example.com"),
                                             x509.IPAddress(ipaddress.ip_address("8.8.8.8"))],
                                 ca, ca_key)
    (tmp_path / "rogue.pem").write_bytes(pem(rogue, ca))
    (tmp_path / "rogue.key").write_bytes(key_pem(rogue_key))
    with tls_server(tmp_path / "rogue.pem", tmp_path / "rogue.key") as port:
        for name in ("example.com", "8.8.8.8"):
            with pytest.raises(ssl.SSLCertVerificationError, match=r"(?i)subtree|constraint"):
                handshake(port, client_context(cafile), name)


def test_self_signed_certificate_serves_and_has_no_ca(store, tmp_path):
    info = store.generate(self_signed=True)
    assert not info.is_ca and info.subject == info.issuer
    assert store.ca_pem() is None and store.ca_der() is None and store.ca_info() is None
    chain, key = store.ensure_server_certificate()
    assert len(load_chain(chain)) == 1
    with pytest.raises(CertificateError, match="no CA certificate"):
        store.export_ca(tmp_path / "ca.pem")
    with tls_server(chain, key) as port:
        assert handshake(port, client_context(chain), "127.0.0.1").body == b"ok"
    assert store.ensure_server_certificate() == (chain, key)
    assert store.server_info() == info                        # still self-signed, not re-issued


def test_rsa_option_makes_rsa_keys_that_serve(store, tmp_path):
    info = store.generate(rsa=True, new_ca=True)
    assert info.key_type == "RSA 2048"
    ca_info = store.ca_info()
    assert ca_info and ca_info.key_type == "RSA 3072"
    chain, key = store.ensure_server_certificate()
    leaf = load_chain(chain)[0]
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.key_encipherment
    assert store.server_info() == info                        # ensure keeps the RSA leaf
    cafile = tmp_path / "ca.crt"
    store.export_ca(cafile)
    with tls_server(chain, key) as port:
        result = handshake(port, client_context(cafile, maximum=ssl.TLSVersion.TLSv1_2),
                           "localhost")
    assert result.cipher.startswith("ECDHE-RSA-")


# --- re-issuing -------------------------------------------------------------------------------

def test_ensure_is_idempotent_and_writes_nothing_when_current(store):
    chain, key = store.ensure_server_certificate()
    first = store.server_info()
    mtimes = {p.name: p.stat().st_mtime_ns for p in store.directory.iterdir()}
    assert store.ensure_server_certificate() == (chain, key)
    assert store.server_info() == first
    assert {p.name: p.stat().st_mtime_ns for p in store.directory.iterdir()} == mtimes


def test_regenerate_keeps_the_ca_unless_asked(store):
    first = store.generate()
    ca_before = store.ca_info()
    second = store.generate()
    assert store.ca_info() == ca_before
    assert second.serial != first.serial and second.sha256 != first.sha256
    store.generate(new_ca=True)
    ca_after = store.ca_info()
    assert ca_before and ca_after and ca_after.sha256 != ca_before.sha256


def test_ensure_reissues_when_an_address_is_missing(store, monkeypatch):
    store.ensure_server_certificate()
    before, ca_before = store.server_info(), store.ca_info()
    assert before and "192.168.77.77" not in before.ip_addresses
    machine = current_ip_addresses()
    monkeypatch.setattr(ca_module, "current_ip_addresses", lambda: [*machine, "192.168.77.77"])

    chain, key = store.ensure_server_certificate()
    after = store.server_info()
    assert after and after.serial != before.serial
    assert "192.168.77.77" in after.ip_addresses
    assert store.ca_info() == ca_before                     # clients need not trust again
    leaf, ca = load_chain(chain)
    leaf.verify_directly_issued_by(ca)
    assert store.ensure_server_certificate() == (chain, key)
    assert store.server_info() == after                     # and stable afterwards


def test_an_address_outside_the_ca_ranges_does_not_cause_endless_reissues(store, monkeypatch):
    store.ensure_server_certificate()
    machine = current_ip_addresses()
    monkeypatch.setattr(ca_module, "current_ip_addresses", lambda: [*machine, "203.0.113.9"])
    store.ensure_server_certificate()
    first = store.server_info()
    assert first and "203.0.113.9" not in first.ip_addresses   # the CA may not vouch for it
    store.ensure_server_certificate()
    assert store.server_info() == first


def test_ensure_reissues_a_certificate_near_expiry(store):
    chain, key = store.ensure_server_certificate()
    ca = load_chain(store.directory / "ca.pem")[0]
    ca_key = serialization.load_pem_private_key((store.directory / "ca.key").read_bytes(), None)
    leaf_key = serialization.load_pem_private_key(key.read_bytes(), None)
    expiring = make_cert(leaf_key, "old", issuer=ca, issuer_key=ca_key, days=11,
                         names=[*current_host_names(), *current_ip_addresses()])
    chain.write_bytes(pem(expiring, ca))
    store.ensure_server_certificate()
    info = store.server_info()
    assert info and info.serial != expiring.serial_number
    assert info.not_after - datetime.now(UTC) > timedelta(days=390)


def test_extra_names_are_kept_and_outside_names_need_a_new_ca(store):
    info = store.generate(extra_names=["nas.home.arpa", "10.1.2.3", "Printer.Local."])
    assert "nas.home.arpa" in info.dns_names and "printer.local" in info.dns_names
    assert "10.1.2.3" in info.ip_addresses
    store.ensure_server_certificate()
    assert store.server_info() == info                        # re-check keeps the extra names
    with pytest.raises(CertificateError, match=r"may not vouch for example\.com.*--new-ca"):
        store.generate(extra_names=["example.com"])
    assert store.server_info() == info                        # nothing changed on refusal
    widened = store.generate(extra_names=["example.com"], new_ca=True)
    assert "example.com" in widened.dns_names
    with pytest.raises(CertificateError, match="not a valid host name"):
        store.generate(extra_names=["bad name!"])


# --- files ------------------------------------------------------------------------------------

def test_key_files_are_private_and_the_folder_is_0700(store, tmp_path):
    store.ensure_server_certificate()
    assert mode_of(store.directory) == 0o700
    for name in ("ca.key", "server.key"):
        assert mode_of(store.directory / name) == 0o600
    store.export_ca_key(tmp_path / "exported-ca.key")
    assert mode_of(tmp_path / "exported-ca.key") == 0o600
    assert not [p for p in store.directory.iterdir() if p.name.endswith(".tmp")]


def test_exported_ca_as_pem_and_der_is_the_ca(store, tmp_path):
    store.ensure_server_certificate()
    store.export_ca(tmp_path / "ca.pem")
    store.export_ca(tmp_path / "ca.crt", der=True)
    from_pem = x509.load_pem_x509_certificate((tmp_path / "ca.pem").read_bytes())
    from_der = x509.load_der_x509_certificate((tmp_path / "ca.crt").read_bytes())
    assert from_pem == from_der
    assert tls.fingerprint(from_pem) == store.ca_info().sha256
    assert store.ca_der() == (tmp_path / "ca.crt").read_bytes()


def test_context_refuses_a_mismatched_pair(tmp_path):
    a, b = write_pair(tmp_path / "a"), write_pair(tmp_path / "b")
    with pytest.raises(CertificateError, match="cannot be used for HTTPS"):
        make_server_context(a.cert, b.key)
    with pytest.raises(CertificateError, match="cannot be used for HTTPS"):
        make_server_context(tmp_path / "missing.pem", a.key)


# --- importing --------------------------------------------------------------------------------

def test_import_a_good_pair_serves_it_and_hands_out_its_ca(store, tmp_path):
    pair = write_pair(tmp_path / "pair")
    info = store.import_pair(pair.cert, pair.key)
    assert info.serial == pair.leaf.serial_number
    assert store.active_source() == "imported"
    chain, key = store.ensure_server_certificate()
    assert chain.name == "imported.pem" and mode_of(key) == 0o600
    assert store.ca_pem() == pair.ca.read_bytes()
    with tls_server(chain, key) as port:
        assert handshake(port, client_context(pair.ca), "localhost").body == b"ok"
    store.use_generated()
    assert store.active_source() == "generated"
    assert not (store.directory / "imported.key").exists()
    chain, _key = store.ensure_server_certificate()
    assert chain.name == "server.pem"


def test_import_an_encrypted_key(store, tmp_path):
    pair = write_pair(tmp_path / "pair", passphrase=b"s3cret")
    with pytest.raises(PassphraseRequired, match="encrypted"):
        store.import_pair(pair.cert, pair.key)
    with pytest.raises(WrongPassphrase, match="does not open"):
        store.import_pair(pair.cert, pair.key, b"wrong")
    store.import_pair(pair.cert, pair.key, b"s3cret")
    stored = (store.directory / "imported.key").read_bytes()
    assert serialization.load_pem_private_key(stored, None)      # stored decrypted, 0600
    assert mode_of(store.directory / "imported.key") == 0o600


def test_a_passphrase_for_a_plain_key_is_ignored(store, tmp_path):
    pair = write_pair(tmp_path / "pair")
    assert store.import_pair(pair.cert, pair.key, b"unneeded").serial == pair.leaf.serial_number


@pytest.mark.parametrize(("options", "message"), [
    ({"start": timedelta(days=-40), "days": 30}, "expired on"),
    ({"start": timedelta(days=2)}, "not valid until"),
    ({"names": None}, "no Subject Alternative Name"),
])
def test_import_refuses_bad_certificates(store, tmp_path, options, message):
    pair = write_pair(tmp_path / "pair", **options)
    with pytest.raises(CertificateError, match=message):
        store.import_pair(pair.cert, pair.key)
    assert store.active_source() == "generated"
    assert not (store.directory / "imported.pem").exists()


def test_import_refuses_a_key_that_does_not_match(store, tmp_path):
    a, b = write_pair(tmp_path / "a"), write_pair(tmp_path / "b")
    with pytest.raises(CertificateError, match="does not belong to the certificate"):
        store.import_pair(a.cert, b.key)


def test_import_refuses_wrong_files(store, tmp_path):
    pair = write_pair(tmp_path / "pair")
    with pytest.raises(CertificateError, match="swapped"):
        store.import_pair(pair.key, pair.cert)
    (tmp_path / "junk").write_bytes(b"not a certificate")
    with pytest.raises(CertificateError, match="not a PEM certificate"):
        store.import_pair(tmp_path / "junk", pair.key)
    with pytest.raises(CertificateError, match="not a PEM private key"):
        store.import_pair(pair.cert, tmp_path / "junk")
    with pytest.raises(CertificateError, match="Cannot read"):
        store.import_pair(tmp_path / "missing.pem", pair.key)
    only_ca = tmp_path / "only-ca.pem"
    only_ca.write_bytes(pair.ca.read_bytes() + pair.cert.read_bytes())
    with pytest.raises(CertificateError, match="must come first"):
        store.import_pair(only_ca, pair.key)


def test_an_imported_certificate_that_expires_later_is_refused_at_start(store, tmp_path):
    pair = write_pair(tmp_path / "pair")
    store.import_pair(pair.cert, pair.key)
    key = serialization.load_pem_private_key(pair.key.read_bytes(), None)
    expired = make_cert(key, "test server", start=timedelta(days=-40), days=30)
    (store.directory / "imported.pem").write_bytes(pem(expired))   # time passes...
    with pytest.raises(CertificateError, match=r"expired on .*\(pier cert generate\)"):
        store.ensure_server_certificate()


# --- openssl s_client (optional) ---------------------------------------------------------------

def s_client(port: int, cafile: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    assert OPENSSL
    return subprocess.run(
        [OPENSSL, "s_client", "-connect", f"127.0.0.1:{port}", "-CAfile", str(cafile),
         "-verify_return_error", "-verify_ip", "127.0.0.1", "-alpn", "http/1.1", *flags],
        input="", capture_output=True, text=True, timeout=20, check=False,
    )


@pytest.mark.skipif(OPENSSL is None, reason="no openssl command")
@pytest.mark.parametrize("version", ["-tls1_2", "-tls1_3"])
def test_openssl_s_client_negotiates_modern_tls(served, version):
    _store, cafile, port = served
    result = s_client(port, cafile, version)
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr
    protocol = "TLSv1.2" if version == "-tls1_2" else "TLSv1.3"
    assert protocol in result.stdout
    assert "Verify return code: 0 (ok)" in result.stdout
    assert "ALPN protocol: http/1.1" in result.stdout


@pytest.mark.skipif(OPENSSL is None, reason="no openssl command")
@pytest.mark.parametrize("version", ["-tls1", "-tls1_1"])
def test_openssl_s_client_old_tls_is_refused(served, version):
    _store, cafile, port = served
    result = s_client(port, cafile, version, "-cipher", "DEFAULT:@SECLEVEL=0")
    output = result.stdout + result.stderr
    if "no protocols available" in output:
        pytest.skip(f"this openssl cannot offer {version}")
    assert result.returncode != 0
    assert "Cipher is (NONE)" in output or "protocol version" in output


def test_store_files_are_written_atomically(tmp_path):
    target = tmp_path / "file.key"
    tls.write_atomic(target, b"one", private=True)
    tls.write_atomic(target, b"two", private=True)
    assert target.read_bytes() == b"two" and mode_of(target) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["file.key"]
