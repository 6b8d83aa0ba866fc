"""HTTPS certificates: a local CA, the server certificate it signs, imported pairs, the SSLContext.

Layout of the store directory (normally ``config_dir()/"tls"``, mode 0700):

- ``ca.pem`` / ``ca.key``           the local CA (10 years, name-constrained, see ``PERMITTED_*``)
- ``server.pem`` / ``server.key``   the generated server certificate (leaf + CA, or one self-signed
                                     certificate) and its key
- ``imported.pem`` / ``imported.key`` a pair the user imported (the key is stored unencrypted)
- ``state.json``                    which pair is active and the options of the generated one

Every file is written atomically (temporary file in the same folder, fsync, rename); key files are
created with mode 0600 from the start.
"""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import json
import os
import re
import secrets
import ssl
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from server.appdirs import config_dir, ensure_private_dir
from server.atomic import write_atomic
from server.errors import CertificateError
from server.urls import host_names, lan_ipv4_addresses

CA_VALIDITY = timedelta(days=3650)
LEAF_VALIDITY = timedelta(days=397)          # the most Apple and browsers accept for a leaf
BACKDATE = timedelta(hours=1)                # tolerate clients whose clock is a little behind
RENEW_BEFORE = timedelta(days=30)
CA_RSA_BITS = 3072
LEAF_RSA_BITS = 2048
MIN_IMPORTED_RSA_BITS = 2048

# The local CA may only vouch for these (RFC 5280 name constraints, marked critical), plus the
# machine's own host name and any of its addresses outside these ranges, recorded when the CA
# is made.
PERMITTED_NETWORKS = tuple(ipaddress.ip_network(net) for net in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
    "::1/128", "fc00::/7", "fe80::/10",
))
# "home.arpa" (RFC 8375) and "internal" are reserved for private networks, like "local".
PERMITTED_DOMAINS = ("localhost", "local", "home.arpa", "internal")

# Mozilla "intermediate" for TLS 1.2, ECDHE only. TLS 1.3 suites are OpenSSL's defaults (all AEAD).
TLS12_CIPHERS = ":".join((
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
))

CA_CERT, CA_KEY = "ca.pem", "ca.key"
SERVER_CERT, SERVER_KEY = "server.pem", "server.key"
IMPORTED_CERT, IMPORTED_KEY = "imported.pem", "imported.key"
STATE_FILE = "state.json"
GENERATED, IMPORTED = "generated", "imported"

_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")
_CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}
_STORE_LOCKS: dict[Path, threading.RLock] = {}
_STORE_LOCKS_GUARD = threading.Lock()

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
Name = x509.DNSName | x509.IPAddress


class PassphraseRequired(CertificateError):
    """The key is encrypted and no passphrase was given: ask the user for one."""


class WrongPassphrase(CertificateError):
    """The key is encrypted and the given passphrase does not open it."""


@dataclass(frozen=True)
class CertificateInfo:
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    sha256: str                       # "AB:CD:..."
    serial: int
    dns_names: tuple[str, ...]
    ip_addresses: tuple[str, ...]
    is_ca: bool
    key_type: str                     # "ECDSA P-256", "RSA 2048", ...

    @classmethod
    def of(cls, cert: x509.Certificate) -> CertificateInfo:
        names = subject_alt_names(cert)
        return cls(
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            sha256=fingerprint(cert),
            serial=cert.serial_number,
            dns_names=tuple(n.value for n in names if isinstance(n, x509.DNSName)),
            ip_addresses=tuple(str(n.value) for n in names if isinstance(n, x509.IPAddress)),
            is_ca=is_ca(cert),
            key_type=key_type(cert.public_key()),
        )


@dataclass(frozen=True)
class GenerationOptions:
    """How the generated certificate is made; kept so automatic re-issues make the same kind."""

    extra_names: tuple[str, ...] = ()
    rsa: bool = False
    self_signed: bool = False


@dataclass(frozen=True)
class _State:
    active: str = GENERATED
    options: GenerationOptions = field(default_factory=GenerationOptions)


# --- the machine's names ---------------------------------------------------------------------

def current_host_names() -> list[str]:
    """The names a client may use for this machine: host name, NAME.local, localhost."""
    names = []
    for name in [*host_names(), "localhost"]:
        with contextlib.suppress(CertificateError):
            names.append(normalise_dns_name(name))
    return list(dict.fromkeys(names))


def current_ip_addresses() -> list[str]:
    """127.0.0.1, ::1 and every LAN IPv4 address of the machine.

    Global IPv6 addresses are left out on purpose: temporary (privacy) addresses change daily and
    would re-issue the certificate again and again."""
    return list(dict.fromkeys(["127.0.0.1", "::1", *lan_ipv4_addresses()]))


def normalise_dns_name(name: str) -> str:
    """Lower-case A-label form of a host name; CertificateError if it cannot be one."""
    cleaned = name.strip().rstrip(".").lower()
    if cleaned.startswith("*."):
        raise CertificateError(f"Wildcard names such as {name!r} are not supported; "
                               "add each host name on its own.")
    try:
        ascii_name = cleaned.encode("idna").decode("ascii")
    except UnicodeError:
        raise CertificateError(f"{name!r} is not a valid host name or IP address.") from None
    if not ascii_name or len(ascii_name) > 253 or not all(
            _LABEL.match(label) for label in ascii_name.split(".")):
        raise CertificateError(f"{name!r} is not a valid host name or IP address.")
    return ascii_name


def parse_name(name: str) -> Name:
    """An IP address if ``name`` parses as one, else a DNS name."""
    try:
        return x509.IPAddress(ipaddress.ip_address(name.strip().strip("[]")))
    except ValueError:
        return x509.DNSName(normalise_dns_name(name))


def wanted_names(extra_names: Iterable[str] = ()) -> list[Name]:
    """The SAN a generated server certificate should hold, in order, without duplicates."""
    names: list[Name] = [x509.DNSName(n) for n in current_host_names()]
    names += [x509.IPAddress(ipaddress.ip_address(a)) for a in current_ip_addresses()]
    names += [parse_name(n) for n in extra_names]
    return list(dict.fromkeys(names))


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


def permitted_by(ca: x509.Certificate, name: Name) -> bool:
    """Whether ``name`` lies inside the CA's permitted name-constraint subtrees."""
    try:
        constraints = ca.extensions.get_extension_for_class(x509.NameConstraints).value
    except x509.ExtensionNotFound:
        return True
    subtrees = [s for s in constraints.permitted_subtrees or () if type(s) is type(name)]
    if not subtrees:
        return True
    if isinstance(name, x509.IPAddress):
        return any(name.value in s.value for s in subtrees)
    return any(name.value == s.value or name.value.endswith("." + s.value) for s in subtrees)


def _key_matches(cert: x509.Certificate, key: PrivateKey) -> bool:
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    return cert.public_key().public_bytes(*spki) == key.public_key().public_bytes(*spki)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _when(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- making certificates ----------------------------------------------------------------------

def _new_key(use_rsa: bool, rsa_bits: int) -> PrivateKey:
    if use_rsa:
        return rsa.generate_private_key(public_exponent=65537, key_size=rsa_bits)
    return ec.generate_private_key(ec.SECP256R1())


def _key_pem(key: PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _cert_pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def _subject(common: str, unit: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pier"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
        x509.NameAttribute(NameOID.COMMON_NAME, common[:64]),
    ])


def _machine_label() -> str:
    names = current_host_names()
    return names[0] if names and names[0] != "localhost" else "this computer"


def ca_constraints(extra_names: Iterable[Name] = ()) -> x509.NameConstraints:
    """Private ranges and local names, plus any of ``extra_names`` outside them."""
    networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = list(PERMITTED_NETWORKS)
    domains = list(PERMITTED_DOMAINS)
    for name in extra_names:
        if isinstance(name, x509.IPAddress):
            if not any(name.value in net for net in networks):
                networks.append(ipaddress.ip_network(name.value))
        elif not any(name.value == d or name.value.endswith("." + d) for d in domains):
            domains.append(name.value)
    subtrees: list[x509.GeneralName] = [x509.DNSName(d) for d in domains]
    subtrees += [x509.IPAddress(net) for net in networks]
    return x509.NameConstraints(permitted_subtrees=subtrees, excluded_subtrees=None)


def make_ca(key: PrivateKey, constraints: x509.NameConstraints) -> x509.Certificate:
    start = datetime.now(UTC) - BACKDATE
    name = _subject(f"Pier local CA {_machine_label()} {secrets.token_hex(3)}", "Local CA")
    return (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(constraints, critical=True)
        .sign(key, hashes.SHA256())
    )


def make_server_cert(key: PrivateKey, names: Sequence[Name], issuer: x509.Certificate | None,
                     issuer_key: PrivateKey | None) -> x509.Certificate:
    """A leaf for ``names`` signed by ``issuer``; self-signed when ``issuer`` is None."""
    start = datetime.now(UTC) - BACKDATE
    end = start + LEAF_VALIDITY
    subject = _subject(_machine_label(), "Server")
    signer, issuer_name, authority = key, subject, key.public_key()
    if issuer is not None and issuer_key is not None:
        signer, issuer_name, authority = issuer_key, issuer.subject, issuer_key.public_key()
        end = min(end, issuer.not_valid_after_utc)
    return (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(key_encipherment=isinstance(key, rsa.RSAPrivateKey)),
                       critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(list(names)), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(authority),
                       critical=False)
        .sign(signer, hashes.SHA256())
    )


def _key_usage(*, cert_sign: bool = False, key_encipherment: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign, content_commitment=False,
        key_encipherment=key_encipherment, data_encipherment=False, key_agreement=False,
        key_cert_sign=cert_sign, crl_sign=cert_sign, encipher_only=False, decipher_only=False,
    )


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


def _decrypt_key(data: bytes, label: str, passphrase: bytes | None) -> object:
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
    if not _key_matches(leaf, key):
        if any(_key_matches(c, key) for c in chain[1:]):
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
        if cert.issuer != issuer.subject or not _issued_by(cert, issuer):
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
                               f"{_when(cert.not_valid_after_utc)}.")
    if cert.not_valid_before_utc > now:
        raise CertificateError(f"The certificate {common_name(cert)} is not valid until "
                               f"{_when(cert.not_valid_before_utc)}; check this computer's clock.")


# --- files ------------------------------------------------------------------------------------

@contextlib.contextmanager
def _file_errors() -> Iterator[None]:
    try:
        yield
    except OSError as err:
        where = f" ({err.filename})" if err.filename else ""
        raise CertificateError(f"Cannot read or write the certificate files: "
                               f"{err.strerror or err}{where}.") from None


def _lock_for(directory: Path) -> threading.RLock:
    with _STORE_LOCKS_GUARD:
        return _STORE_LOCKS.setdefault(directory.resolve(), threading.RLock())


# --- the store ---------------------------------------------------------------------------------

class CertificateStore:
    """The certificates Pier serves HTTPS with. Safe to share between threads."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else config_dir() / "tls"
        with _file_errors():
            ensure_private_dir(self.directory)
        self._lock = _lock_for(self.directory)

    # paths
    def _path(self, name: str) -> Path:
        return self.directory / name

    def server_paths(self) -> tuple[Path, Path]:
        """(chain, key) of the active pair, whether or not it exists yet."""
        if self._read_state().active == IMPORTED:
            return self._path(IMPORTED_CERT), self._path(IMPORTED_KEY)
        return self._path(SERVER_CERT), self._path(SERVER_KEY)

    # public operations
    def ensure_server_certificate(self) -> tuple[Path, Path]:
        with self._lock, _file_errors():
            state = self._read_state()
            if state.active == IMPORTED:
                self._check_imported()
                return self._path(IMPORTED_CERT), self._path(IMPORTED_KEY)
            if not self._generated_is_current(state.options):
                self._issue(state.options, new_ca=False)
            return self._path(SERVER_CERT), self._path(SERVER_KEY)

    def generate(self, *, extra_names: Sequence[str] = (), rsa: bool = False,
                 self_signed: bool = False, new_ca: bool = False) -> CertificateInfo:
        """(Re)issue the server certificate and make it active. Keeps the CA unless ``new_ca``."""
        options = GenerationOptions(tuple(str(parse_name(n).value) for n in extra_names),
                                    rsa=rsa, self_signed=self_signed)
        with self._lock, _file_errors():
            leaf = self._issue(options, new_ca=new_ca)
            self._remove_imported()
            return CertificateInfo.of(leaf)

    def import_pair(self, cert_path: Path, key_path: Path,
                    passphrase: bytes | None = None) -> CertificateInfo:
        """Validate a PEM chain + key, store them (key unencrypted, 0600) and make them active."""
        cert_path, key_path = Path(cert_path), Path(key_path)
        chain = load_certificates(_read_input(cert_path), str(cert_path))
        key = load_private_key(_read_input(key_path), str(key_path), passphrase)
        validate_pair(chain, key, str(cert_path), str(key_path))
        with self._lock, _file_errors():
            staged_cert = self._path(IMPORTED_CERT + ".new")
            staged_key = self._path(IMPORTED_KEY + ".new")
            try:
                write_atomic(staged_cert, _cert_pem(*chain))
                write_atomic(staged_key, _key_pem(key), private=True)
                make_server_context(staged_cert, staged_key)
                os.replace(staged_key, self._path(IMPORTED_KEY))
                os.replace(staged_cert, self._path(IMPORTED_CERT))
            finally:
                staged_cert.unlink(missing_ok=True)
                staged_key.unlink(missing_ok=True)
            self._write_state(_State(IMPORTED, self._read_state().options))
        return CertificateInfo.of(chain[0])

    def use_generated(self) -> None:
        """Drop the imported pair; the generated certificate is served again."""
        with self._lock, _file_errors():
            self._write_state(_State(GENERATED, self._read_state().options))
            self._remove_imported()

    def generation_options(self) -> GenerationOptions:
        return self._read_state().options

    def active_source(self) -> str:
        """"generated" or "imported"."""
        return self._read_state().active

    def server_info(self) -> CertificateInfo | None:
        chain = self._active_chain()
        return CertificateInfo.of(chain[0]) if chain else None

    def ca_info(self) -> CertificateInfo | None:
        ca = self._client_ca()
        return CertificateInfo.of(ca) if ca else None

    def ca_pem(self) -> bytes | None:
        ca = self._client_ca()
        return _cert_pem(ca) if ca else None

    def ca_der(self) -> bytes | None:
        ca = self._client_ca()
        return ca.public_bytes(serialization.Encoding.DER) if ca else None

    def export_ca(self, dest: Path, *, der: bool = False) -> None:
        data = self.ca_der() if der else self.ca_pem()
        if data is None:
            raise CertificateError("There is no CA certificate to export: the active certificate "
                                   "is not signed by a CA that clients could trust.")
        with _file_errors():
            write_atomic(Path(dest), data)

    def export_ca_key(self, dest: Path) -> None:
        """Write the local CA's private key to ``dest`` (mode 0600). Only on explicit request."""
        with self._lock, _file_errors():
            if not self._path(CA_KEY).exists():
                raise CertificateError("There is no local CA key yet; "
                                       "generate a certificate first.")
            write_atomic(Path(dest), self._path(CA_KEY).read_bytes(), private=True)

    # generated certificates
    def _issue(self, options: GenerationOptions, *, new_ca: bool) -> x509.Certificate:
        names = wanted_names(options.extra_names)
        if options.self_signed:
            key = _new_key(options.rsa, LEAF_RSA_BITS)
            leaf = make_server_cert(key, names, None, None)
            chain: tuple[x509.Certificate, ...] = (leaf,)
        else:
            extra = [parse_name(n) for n in options.extra_names]
            ca, ca_key = self._ca(options.rsa, extra, force_new=new_ca)
            _refuse_unpermitted(ca, extra)
            key = _new_key(options.rsa, LEAF_RSA_BITS)
            leaf = make_server_cert(key, [n for n in names if permitted_by(ca, n)], ca, ca_key)
            chain = (leaf, ca)
        write_atomic(self._path(SERVER_KEY), _key_pem(key), private=True)
        write_atomic(self._path(SERVER_CERT), _cert_pem(*chain))
        self._write_state(_State(GENERATED, options))
        return leaf

    def _ca(self, use_rsa: bool, extra: Sequence[Name], *, force_new: bool
            ) -> tuple[x509.Certificate, PrivateKey]:
        existing = None if force_new else self._load_ca()
        if existing and existing[0].not_valid_after_utc - datetime.now(UTC) > RENEW_BEFORE:
            return existing
        key = _new_key(use_rsa, CA_RSA_BITS)
        machine = [x509.DNSName(n) for n in current_host_names()]
        machine += [x509.IPAddress(ipaddress.ip_address(a)) for a in current_ip_addresses()]
        ca = make_ca(key, ca_constraints([*machine, *extra]))
        write_atomic(self._path(CA_KEY), _key_pem(key), private=True)
        write_atomic(self._path(CA_CERT), _cert_pem(ca))
        return ca, key

    def _load_ca(self) -> tuple[x509.Certificate, PrivateKey] | None:
        try:
            ca = load_certificates(self._path(CA_CERT).read_bytes(), CA_CERT)[0]
            key = load_private_key(self._path(CA_KEY).read_bytes(), CA_KEY)
        except (OSError, CertificateError):
            return None
        return (ca, key) if _key_matches(ca, key) else None

    def _generated_is_current(self, options: GenerationOptions) -> bool:
        """Whether server.pem/server.key can be served as they are (no re-issue needed)."""
        try:
            chain = load_certificates(self._path(SERVER_CERT).read_bytes(), SERVER_CERT)
            key = load_private_key(self._path(SERVER_KEY).read_bytes(), SERVER_KEY)
        except (OSError, CertificateError):
            return False
        leaf, now = chain[0], datetime.now(UTC)
        if not _key_matches(leaf, key) or isinstance(key, rsa.RSAPrivateKey) != options.rsa:
            return False
        if leaf.not_valid_before_utc > now or leaf.not_valid_after_utc - now < RENEW_BEFORE:
            return False
        wanted = wanted_names(options.extra_names)
        if options.self_signed:
            return len(chain) == 1 and set(wanted) <= set(subject_alt_names(leaf))
        ca = self._load_ca()
        if ca is None or len(chain) != 2 or chain[1] != ca[0] or not _issued_by(leaf, ca[0]):
            return False
        if ca[0].not_valid_after_utc - now < RENEW_BEFORE:
            return False
        coverable = {n for n in wanted if permitted_by(ca[0], n)}
        return coverable <= set(subject_alt_names(leaf))

    # imported certificates
    def _check_imported(self) -> None:
        chain = load_certificates(self._path(IMPORTED_CERT).read_bytes(), IMPORTED_CERT)
        for cert in chain:
            try:
                check_validity(cert)
            except CertificateError as err:
                raise CertificateError(f"{err} Import a new certificate, or switch back to the "
                                       "generated one (pier cert generate).") from None

    def _remove_imported(self) -> None:
        self._path(IMPORTED_CERT).unlink(missing_ok=True)
        self._path(IMPORTED_KEY).unlink(missing_ok=True)

    # what clients see
    def _active_chain(self) -> list[x509.Certificate] | None:
        try:
            chain_path, _key = self.server_paths()
            return load_certificates(chain_path.read_bytes(), chain_path.name)
        except (OSError, CertificateError):
            return None

    def _client_ca(self) -> x509.Certificate | None:
        """The certificate a client should trust: the top of the active chain if it is a CA."""
        chain = self._active_chain()
        if not chain or len(chain) < 2 or not is_ca(chain[-1]):
            return None
        return chain[-1]

    # state
    def _read_state(self) -> _State:
        path = self._path(STATE_FILE)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            options = GenerationOptions(
                extra_names=tuple(str(n) for n in raw.get("extra_names", ())),
                rsa=bool(raw.get("rsa", False)),
                self_signed=bool(raw.get("self_signed", False)),
            )
            active = IMPORTED if raw.get("active") == IMPORTED else GENERATED
        except FileNotFoundError:
            return _State()
        except (OSError, ValueError, AttributeError, TypeError):
            raise CertificateError(f"The certificate settings file {path} is damaged; delete it "
                                   "and run 'pier cert generate'.") from None
        return _State(active, options)

    def _write_state(self, state: _State) -> None:
        data = {"active": state.active, "extra_names": list(state.options.extra_names),
                "rsa": state.options.rsa, "self_signed": state.options.self_signed}
        write_atomic(self._path(STATE_FILE), json.dumps(data, indent=2).encode() + b"\n")


def _refuse_unpermitted(ca: x509.Certificate, extra: Sequence[Name]) -> None:
    outside = [str(n.value) for n in extra if not permitted_by(ca, n)]
    if outside:
        raise CertificateError(
            f"The local CA may not vouch for {', '.join(outside)}: it is limited to private "
            "addresses and local names. Make a new CA that includes them (--new-ca; clients must "
            "trust it again) or use a self-signed certificate (--self-signed).")


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise CertificateError(f"Cannot read {path}: {err.strerror or err}.") from None


# --- serving ----------------------------------------------------------------------------------

def make_server_context(chain_path: Path, key_path: Path) -> ssl.SSLContext:
    """A TLS server context: TLS 1.2+, Mozilla intermediate ciphers, ALPN http/1.1."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(TLS12_CIPHERS)
    context.set_alpn_protocols(["http/1.1"])
    context.options |= ssl.OP_NO_COMPRESSION
    context.options |= getattr(ssl, "OP_NO_RENEGOTIATION", 0)
    try:
        context.load_cert_chain(certfile=chain_path, keyfile=key_path)
    except (ssl.SSLError, OSError) as err:
        reason = getattr(err, "reason", None) or getattr(err, "strerror", None) or str(err)
        raise CertificateError(f"The certificate {chain_path} and key {key_path} cannot be used "
                               f"for HTTPS ({reason}).") from None
    return context
