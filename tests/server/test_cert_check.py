"""server/cert_check.py: reading certificates and keys from bytes and checking that a chain and
key can serve HTTPS, each refusal a sentence for the user (real keys and certificates)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from server.cert_check import (
    PassphraseRequired,
    WrongPassphrase,
    check_validity,
    common_name,
    fingerprint,
    key_type,
    load_certificates,
    load_private_key,
    validate_pair,
)
from server.errors import CertificateError

NOW = datetime(2030, 6, 1, tzinfo=UTC)


def certificate(key, common: str, *, issuer: x509.Certificate | None = None, issuer_key=None,
                ca: bool = False, names: tuple[str, ...] = ("pier.lan",),
                usage: tuple[x509.ObjectIdentifier, ...] | None = None,
                start: datetime = NOW - timedelta(days=1),
                end: datetime = NOW + timedelta(days=30)) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])
    builder = (x509.CertificateBuilder().subject_name(subject)
               .issuer_name(issuer.subject if issuer else subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(end)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if names:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
    if usage is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(list(usage)), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def key_pem(key, passphrase: bytes | None = None) -> bytes:
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             encryption)


@pytest.fixture(scope="module")
def chain():
    """(leaf, intermediate CA, leaf key, CA key)."""
    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    ca = certificate(ca_key, "Test CA", ca=True, names=())
    leaf = certificate(leaf_key, "pier.lan", issuer=ca, issuer_key=ca_key)
    return leaf, ca, leaf_key, ca_key


def test_a_good_chain_and_key_pass(chain):
    leaf, ca, leaf_key, _ = chain
    validate_pair([leaf, ca], leaf_key, "chain.pem", "key.pem", NOW)
    validate_pair([leaf], leaf_key, "chain.pem", "key.pem", NOW)


@pytest.mark.parametrize(("case", "message"), [
    ("other key", "does not belong to the certificate chain.pem"),
    ("ca first", "must come first"),
    ("ca only", "starts with a CA certificate"),
    ("not a chain", "are not a chain"),
])
def test_pairs_that_cannot_serve_are_refused_with_a_reason(chain, case, message):
    leaf, ca, leaf_key, ca_key = chain
    stranger = ec.generate_private_key(ec.SECP256R1())
    certs, key = {
        "other key": ([leaf, ca], stranger),
        "ca first": ([ca, leaf], leaf_key),
        "ca only": ([ca], ca_key),
        "not a chain": ([leaf, certificate(stranger, "Other CA", ca=True, names=())], leaf_key),
    }[case]
    with pytest.raises(CertificateError, match=message):
        validate_pair(certs, key, "chain.pem", "key.pem", NOW)


def test_a_leaf_without_names_or_not_for_servers_is_refused():
    key = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(CertificateError, match="no Subject Alternative Name"):
        validate_pair([certificate(key, "bare", names=())], key, "c", "k", NOW)
    mail = certificate(key, "mail", usage=(ExtendedKeyUsageOID.EMAIL_PROTECTION,))
    with pytest.raises(CertificateError, match="not meant for servers"):
        validate_pair([mail], key, "c", "k", NOW)


def test_validity_is_judged_at_the_time_given(chain):
    leaf = chain[0]
    check_validity(leaf, NOW)
    with pytest.raises(CertificateError, match="expired on 2030-07-01"):
        check_validity(leaf, NOW + timedelta(days=30))
    with pytest.raises(CertificateError, match=r"not valid until .* check this computer's clock"):
        check_validity(leaf, NOW - timedelta(days=2))


def test_certificates_are_read_from_pem_with_clear_refusals(chain):
    leaf, ca, leaf_key, _ = chain
    assert load_certificates(pem(leaf, ca), "chain.pem") == [leaf, ca]
    with pytest.raises(CertificateError, match="holds a private key, not a certificate"):
        load_certificates(key_pem(leaf_key), "chain.pem")
    with pytest.raises(CertificateError, match="is not a PEM certificate"):
        load_certificates(b"hello", "chain.pem")
    with pytest.raises(CertificateError, match="damaged"):
        load_certificates(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                          "chain.pem")


def test_keys_are_read_and_encrypted_ones_need_their_passphrase(chain):
    leaf, _, leaf_key, _ = chain
    assert key_type(load_private_key(key_pem(leaf_key), "key.pem")) == "ECDSA P-256"
    locked = key_pem(leaf_key, b"open sesame")
    with pytest.raises(PassphraseRequired):
        load_private_key(locked, "key.pem")
    with pytest.raises(WrongPassphrase):
        load_private_key(locked, "key.pem", b"wrong")
    assert load_private_key(locked, "key.pem", b"open sesame").public_key() == \
        leaf_key.public_key()
    with pytest.raises(CertificateError, match="holds a certificate, not a private key"):
        load_private_key(pem(leaf), "key.pem")


def test_keys_browsers_refuse_are_refused():
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(CertificateError, match="only 1024 bits"):
        load_private_key(key_pem(weak), "key.pem")
    with pytest.raises(CertificateError, match="not supported by browsers"):
        load_private_key(key_pem(ed25519.Ed25519PrivateKey.generate()), "key.pem")


def test_names_fingerprints_and_key_types(chain):
    leaf, ca, _, _ = chain
    assert common_name(leaf) == "pier.lan" and common_name(ca) == "Test CA"
    digest = fingerprint(leaf)
    assert len(digest) == 32 * 3 - 1 and digest == digest.upper() and digest.count(":") == 31
    assert key_type(rsa.generate_private_key(public_exponent=65537, key_size=2048)) == "RSA 2048"
    assert key_type(ec.generate_private_key(ec.SECP384R1()).public_key()) == "ECDSA P-384"
