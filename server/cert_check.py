"""Reading certificates and private keys, and checking that a chain and key can serve HTTPS.

Pure functions over bytes and ``cryptography`` objects: no files, no store, no network. The
certificate store (server/tls.py) and the local CA (server/ca.py) build on them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from server.errors import CertificateError

MIN_IMPORTED_RSA_BITS = 2048
_CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
Name = x509.DNSName | x509.IPAddress


class PassphraseRequired(CertificateError):
    """The key is encrypted and no passphrase was given: ask the user for one."""


class WrongPassphrase(CertificateError):
    """The key is encrypted and the given passphrase does not open it."""


# --- reading certificates ---------------------------------------------------------------------

def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def subject_alt_names(cert: x509.Certificate) -> list[Name]:
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return [n for n in san if isinstance(n, x509.DNSName | x509.IPAddress)]


def key_type(key: object) -> str:
    if isinstance(key, ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey):
        return f"ECDSA {_CURVE_NAMES.get(key.curve.name, key.curve.name)}"
    if isinstance(key, rsa.RSAPublicKey | rsa.RSAPrivateKey):
        return f"RSA {key.key_size}"
    return type(key).__name__.removeprefix("_").replace("PublicKey", "").replace("PrivateKey", "")


def common_name(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(attrs[0].value) if attrs else cert.subject.rfc4514_string() or "(no name)"


def key_matches(cert: x509.Certificate, key: PrivateKey) -> bool:
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return cert.public_key().public_bytes(*spki) == key.public_key().public_bytes(*spki)


def issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- validating an imported pair --------------------------------------------------------------

def load_certificates(data: bytes, label: str) -> list[x509.Certificate]:
    if b"-----BEGIN CERTIFICATE-----" not in data:
        if b"PRIVATE KEY-----" in data:
            raise CertificateError(f"{label} holds a private key, not a certificate; "
                                   "were the certificate and key swapped?")
        raise CertificateError(f"{label} is not a PEM certificate "
                               "(expected a '-----BEGIN CERTIFICATE-----' block).")
    try:
        return x509.load_pem_x509_certificates(data)
    except ValueError:
        raise CertificateError(f"{label} holds a damaged PEM certificate.") from None


def load_private_key(data: bytes, label: str, passphrase: bytes | None = None) -> PrivateKey:
    if b"PRIVATE KEY-----" not in data:
        if b"-----BEGIN CERTIFICATE-----" in data:
            raise CertificateError(f"{label} holds a certificate, not a private key; "
                                   "were the certificate and key swapped?")
        raise CertificateError(f"{label} is not a PEM private key "
                               "(expected a '-----BEGIN ... PRIVATE KEY-----' block).")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:                                   # the key is encrypted
        key = _decrypt_key(data, label, passphrase)
    except ValueError:
        raise CertificateError(f"{label} holds a damaged or unsupported private key.") from None
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size < MIN_IMPORTED_RSA_BITS:
        raise CertificateError(f"The RSA key in {label} has only {key.key_size} bits; "
                               f"browsers need at least {MIN_IMPORTED_RSA_BITS}.")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise CertificateError(f"The {key_type(key)} key in {label} is not supported by browsers; "
                               "use an ECDSA or RSA key.")
    return key


def _decrypt_key(data: bytes, label: str, passphrase: bytes | None) -> PrivateKeyTypes:
    if not passphrase:
        raise PassphraseRequired(f"The private key {label} is encrypted; its passphrase is needed.")
    try:
        return serialization.load_pem_private_key(data, password=passphrase)
    except ValueError:
        raise WrongPassphrase(f"The passphrase does not open the private key {label}.") from None
    except Exception:  # an unsupported encryption scheme raises other types
        raise CertificateError(f"The private key {label} is encrypted in a way Pier cannot "
                               "read; decrypt it with openssl first.") from None


def validate_pair(chain: Sequence[x509.Certificate], key: PrivateKey, cert_label: str,
                  key_label: str, now: datetime | None = None) -> None:
    """Raise CertificateError with a clear sentence if ``chain`` + ``key`` cannot serve HTTPS."""
    leaf = chain[0]
    if not key_matches(leaf, key):
        if any(key_matches(c, key) for c in chain[1:]):
            raise CertificateError(f"The server certificate must come first in {cert_label}.")
        raise CertificateError(f"The key {key_label} does not belong to the certificate "
                               f"{cert_label} ({common_name(leaf)}).")
    if is_ca(leaf):
        raise CertificateError(f"{cert_label} starts with a CA certificate ({common_name(leaf)}), "
                               "not a server certificate.")
    if not subject_alt_names(leaf):
        raise CertificateError(f"The certificate {common_name(leaf)} has no Subject Alternative "
                               "Name (host names or IP addresses); browsers refuse such "
                               "certificates. Make one that lists the server's names.")
    _check_server_auth(leaf)
    for cert, issuer in itertools.pairwise(chain):
        if cert.issuer != issuer.subject or not issued_by(cert, issuer):
            raise CertificateError(f"The certificates in {cert_label} are not a chain: "
                                   f"{common_name(cert)} was not issued by {common_name(issuer)}.")
    for cert in chain:
        check_validity(cert, now)


def _check_server_auth(leaf: x509.Certificate) -> None:
    try:
        usages = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return
    if ExtendedKeyUsageOID.SERVER_AUTH not in usages:
        raise CertificateError(f"The certificate {common_name(leaf)} is not meant for servers "
                               "(its extended key usage lacks serverAuth).")


def check_validity(cert: x509.Certificate, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    if cert.not_valid_after_utc <= now:
        raise CertificateError(f"The certificate {common_name(cert)} expired on "
                               f"{when(cert.not_valid_after_utc)}.")
    if cert.not_valid_before_utc > now:
        raise CertificateError(f"The certificate {common_name(cert)} is not valid until "
                               f"{when(cert.not_valid_before_utc)}; check this computer's clock.")
