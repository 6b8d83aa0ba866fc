"""Finding 11 of issue 13: the local CA could vouch for more than web servers.

A CA made by Pier may only vouch for web servers with local names: extended key usage serverAuth
on the CA, and name constraints that leave no room for e-mail addresses or URIs. Checked with the
real ``openssl verify`` and with the ``cryptography`` verifier, using rogue leaves signed with the
real CA key. A CA made the old way cannot be fixed in place; it is kept until replaced on request,
and the replaced key is destroyed.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from server.ca import ca_constraints, ca_is_restricted, make_server_cert, wanted_names
from server.cert_check import PrivateKey
from server.tls import CertificateStore

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="the openssl command is not installed")
EMAIL = ExtendedKeyUsageOID.EMAIL_PROTECTION
CODE = ExtendedKeyUsageOID.CODE_SIGNING


def make_legacy_ca(directory: Path) -> x509.Certificate:
    """Write ca.pem/ca.key as Pier made them before finding 11: name constraints for DNS names
    and addresses only, no extended key usage."""
    key = ec.generate_private_key(ec.SECP256R1())
    old_constraints = x509.NameConstraints(
        permitted_subtrees=[s for s in ca_constraints(wanted_names()).permitted_subtrees or ()
                            if isinstance(s, x509.DNSName | x509.IPAddress)],
        excluded_subtrees=None)
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pier"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Local CA"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Pier local CA legacy 000000")])
    start = datetime.now(UTC) - timedelta(hours=1)
    ca = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .add_extension(old_constraints, critical=True)
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    (directory / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (directory / "ca.key").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    os.chmod(directory / "ca.key", 0o600)
    return ca


def load_ca(directory: Path) -> tuple[x509.Certificate, PrivateKey]:
    ca = x509.load_pem_x509_certificate((directory / "ca.pem").read_bytes())
    key = serialization.load_pem_private_key((directory / "ca.key").read_bytes(), None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return ca, key


def rogue_leaf(ca: x509.Certificate, ca_key: PrivateKey, usage: x509.ObjectIdentifier,
               names: list[x509.GeneralName] | None, common: str) -> x509.Certificate:
    """A leaf for ``usage`` signed with the CA's real key, as someone holding it could make."""
    key = ec.generate_private_key(ec.SECP256R1())
    start = datetime.now(UTC) - timedelta(hours=1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)]))
        .issuer_name(ca.subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False,
                                     False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
    )
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(ca_key, hashes.SHA256())


def smime_leaf(ca: x509.Certificate, ca_key: PrivateKey) -> x509.Certificate:
    return rogue_leaf(ca, ca_key, EMAIL, [x509.RFC822Name("alice@example.com")], "Alice")


def openssl_verify(tmp_path: Path, ca: x509.Certificate, leaf: x509.Certificate,
                   purpose: str | None) -> subprocess.CompletedProcess[str]:
    assert OPENSSL is not None
    (tmp_path / "trusted.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "leaf.pem").write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    command = [OPENSSL, "verify", "-CAfile", str(tmp_path / "trusted.pem")]
    command += ["-purpose", purpose] if purpose else []
    return subprocess.run([*command, str(tmp_path / "leaf.pem")], capture_output=True,
                          text=True, timeout=30, check=False)


def openssl_has_purpose(purpose: str) -> bool:
    assert OPENSSL is not None
    result = subprocess.run([OPENSSL, "verify", "-purpose", purpose, "/dev/null"],
                            capture_output=True, text=True, timeout=30, check=False)
    return "Invalid purpose" not in result.stderr + result.stdout


@pytest.fixture
def store(tmp_path: Path) -> CertificateStore:
    store = CertificateStore(tmp_path / "tls")
    store.ensure_server_certificate()
    return store


# --- the finding -----------------------------------------------------------------------------

@needs_openssl
@pytest.mark.parametrize("purpose", ["smimesign", None])
def test_finding_11_the_local_ca_cannot_vouch_for_an_smime_certificate(store, tmp_path, purpose):
    """An S/MIME leaf signed with the real CA key must not verify, whether the verifier checks
    the purpose (the CA's serverAuth EKU) or not (the e-mail name constraint)."""
    ca, ca_key = load_ca(store.directory)
    result = openssl_verify(tmp_path, ca, smime_leaf(ca, ca_key), purpose)
    assert result.returncode != 0, result.stdout
    expected = "unsuitable certificate purpose" if purpose else "permitted subtree violation"
    assert expected in result.stderr


@needs_openssl
def test_finding_11_a_legacy_ca_did_let_an_smime_certificate_verify(tmp_path):
    """Why the old CAs must be replaced: the same S/MIME leaf verifies under them."""
    ca = make_legacy_ca(tmp_path / "tls")
    _ca, ca_key = load_ca(tmp_path / "tls")
    result = openssl_verify(tmp_path, ca, smime_leaf(ca, ca_key), "smimesign")
    assert result.returncode == 0, result.stderr
    assert not ca_is_restricted(ca)


@needs_openssl
def test_a_code_signing_leaf_does_not_verify(store, tmp_path):
    ca, ca_key = load_ca(store.directory)
    leaf = rogue_leaf(ca, ca_key, CODE, None, "Evil Software Ltd")
    ext = ca.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(ext) == [ExtendedKeyUsageOID.SERVER_AUTH]  # no codeSigning, no anyExtendedKeyUsage
    if not openssl_has_purpose("codesign"):
        pytest.skip("this openssl has no codesign purpose (OpenSSL 3.4+)")
    result = openssl_verify(tmp_path, ca, leaf, "codesign")
    assert result.returncode != 0 and "unsuitable certificate purpose" in result.stderr


@needs_openssl
def test_the_server_certificate_still_verifies_as_a_tls_server(store, tmp_path):
    chain = x509.load_pem_x509_certificates(store.server_paths()[0].read_bytes())
    result = openssl_verify(tmp_path, chain[1], chain[0], "sslserver")
    assert result.returncode == 0, result.stderr
    verifier = PolicyBuilder().store(Store([chain[1]])).build_server_verifier(
        x509.DNSName("localhost"))
    assert verifier.verify(chain[0], [])[-1] == chain[1]


def test_the_cryptography_verifier_refuses_other_uses(store):
    """The CA's EKU is chained (client certificates) and the e-mail constraint is applied
    even to a server certificate that also names an e-mail address."""
    ca, ca_key = load_ca(store.directory)
    client = rogue_leaf(ca, ca_key, ExtendedKeyUsageOID.CLIENT_AUTH,
                        [x509.DNSName("phone.local")], "client")
    with pytest.raises(VerificationError):
        PolicyBuilder().store(Store([ca])).build_client_verifier().verify(client, [])
    server = make_server_cert(ec.generate_private_key(ec.SECP256R1()),
                              [x509.DNSName("localhost")], ca, ca_key)
    assert PolicyBuilder().store(Store([ca])).build_server_verifier(
        x509.DNSName("localhost")).verify(server, [])
    emailing = rogue_leaf(ca, ca_key, ExtendedKeyUsageOID.SERVER_AUTH,
                          [x509.DNSName("localhost"), x509.RFC822Name("alice@example.com")],
                          "localhost")
    with pytest.raises(VerificationError, match="name constraint"):
        PolicyBuilder().store(Store([ca])).build_server_verifier(
            x509.DNSName("localhost")).verify(emailing, [])


def test_new_cas_are_restricted_and_keep_their_permitted_names(store):
    ca, _key = load_ca(store.directory)
    assert ca_is_restricted(ca)
    info = store.local_ca_info()
    assert info is not None and info.restricted
    constraints = ca.extensions.get_extension_for_class(x509.NameConstraints)
    assert constraints.critical and constraints.value.excluded_subtrees is None
    permitted = constraints.value.permitted_subtrees or []
    assert {"localhost", "local", "home.arpa", "internal"} <= {
        s.value for s in permitted if isinstance(s, x509.DNSName)}
    assert ipaddress.ip_network("192.168.0.0/16") in {
        s.value for s in permitted if isinstance(s, x509.IPAddress)}
    assert [s.value for s in permitted if isinstance(s, x509.RFC822Name)] == ["invalid"]
    assert [s.value for s in permitted
            if isinstance(s, x509.UniformResourceIdentifier)] == ["invalid"]


# --- an existing CA made the old way ----------------------------------------------------------

def test_a_legacy_ca_is_never_replaced_silently(tmp_path):
    directory = tmp_path / "tls"
    legacy = make_legacy_ca(directory)
    store = CertificateStore(directory)
    chain, _key = store.ensure_server_certificate()
    assert x509.load_pem_x509_certificates(chain.read_bytes())[1] == legacy
    store.generate(extra_names=["nas.home.arpa"])
    assert load_ca(directory)[0] == legacy
    info = store.local_ca_info()
    assert info is not None and not info.restricted


def test_replacing_a_legacy_ca_destroys_its_key(tmp_path):
    directory = tmp_path / "tls"
    legacy = make_legacy_ca(directory)
    store = CertificateStore(directory)
    store.ensure_server_certificate()
    old_key = (directory / "ca.key").read_bytes()
    os.link(directory / "ca.key", tmp_path / "same-inode")  # sees what becomes of the old file
    (directory / ".ca.key.0123456789ab.tmp").write_bytes(old_key)  # left by a crash

    info = store.replace_ca()

    new_ca, _new_key = load_ca(directory)
    assert new_ca != legacy and ca_is_restricted(new_ca) and info.restricted
    assert (tmp_path / "same-inode").read_bytes() != old_key         # overwritten in place
    assert len((tmp_path / "same-inode").read_bytes()) == len(old_key)
    leftovers = [p.name for p in directory.iterdir() if old_key in p.read_bytes()]
    assert leftovers == []
    chain = x509.load_pem_x509_certificates(store.server_paths()[0].read_bytes())
    assert chain[1] == new_ca                                          # re-issued with it
    assert store.active_source() == "generated"


def test_replacing_keeps_an_imported_pair_active(tmp_path):
    source = CertificateStore(tmp_path / "source")
    source.generate()
    store = CertificateStore(tmp_path / "tls")
    make_legacy_ca(store.directory)
    store.import_pair(source.directory / "server.pem", source.directory / "server.key")
    store.replace_ca()
    assert store.active_source() == "imported"
    local = store.local_ca_info()
    assert local is not None and local.restricted
