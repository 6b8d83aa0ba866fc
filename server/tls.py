"""HTTPS certificates: the store of the local CA, the server certificate it signs and imported
pairs, and the SSLContext. The CA itself is made in server/ca.py; reading and checking
certificates is server/cert_check.py (both re-exported here).

Layout of the store directory (``PierPaths.tls_dir``, mode 0700):

- ``ca.pem`` / ``ca.key``           the local CA (10 years, web servers with local names only)
- ``server.pem`` / ``server.key``   the generated server certificate (leaf + CA, or one self-signed
                                     certificate) and its key
- ``imported.pem`` / ``imported.key`` a pair the user imported (the key is stored unencrypted)
- ``state.json``                    which pair is active and the options of the generated one

Every file is written atomically (temporary file in the same folder, fsync, rename); key files are
created with mode 0600 from the start. A replaced CA key is overwritten, then deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import ssl
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from server.atomic import fsync_dir, write_atomic
from server.ca import (
    CA_RSA_BITS,
    LEAF_RSA_BITS,
    ca_constraints,
    ca_is_restricted,
    cert_pem,
    current_host_names,
    current_ip_addresses,
    key_pem,
    machine_label,
    make_ca,
    make_server_cert,
    new_key,
    normalise_dns_name,
    parse_name,
    permitted_by,
    wanted_names,
)
from server.cert_check import (
    Name,
    PassphraseRequired,
    PrivateKey,
    WrongPassphrase,
    check_validity,
    fingerprint,
    is_ca,
    issued_by,
    key_matches,
    key_type,
    load_certificates,
    load_private_key,
    subject_alt_names,
    validate_pair,
)
from server.errors import CertificateError
from server.paths import ensure_private_dir

__all__ = [
    "GENERATED", "IMPORTED", "CertificateError", "CertificateInfo", "CertificateStore",
    "GenerationOptions", "PassphraseRequired", "WrongPassphrase", "ca_is_restricted",
    "current_host_names", "current_ip_addresses", "fingerprint", "make_server_cert",
    "make_server_context", "normalise_dns_name", "parse_name", "wanted_names", "write_atomic",
]

RENEW_BEFORE = timedelta(days=30)

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

_STORE_LOCKS: dict[Path, threading.RLock] = {}
_STORE_LOCKS_GUARD = threading.Lock()


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
    restricted: bool = False          # a CA that vouches only for local web servers (server/ca.py)

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
            restricted=is_ca(cert) and ca_is_restricted(cert),
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

    def __init__(self, directory: Path) -> None:
        """``directory`` holds the files (``PierPaths.tls_dir``); made (mode 0700) if needed."""
        self.directory = Path(directory)
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
                self._issue(state.options)
            return self._path(SERVER_CERT), self._path(SERVER_KEY)

    def generate(self, *, extra_names: Sequence[str] = (), rsa: bool = False,
                 self_signed: bool = False, new_ca: bool = False) -> CertificateInfo:
        """(Re)issue the server certificate and make it active. Keeps the CA unless ``new_ca``:
        then a new CA replaces it and the old CA's key is destroyed (see ``replace_ca``)."""
        options = GenerationOptions(tuple(str(parse_name(n).value) for n in extra_names),
                                    rsa=rsa, self_signed=self_signed)
        with self._lock, _file_errors():
            if new_ca:
                self._new_ca(options)
            leaf = self._issue(options)
            self._write_state(_State(GENERATED, options))
            self._remove_imported()
            return CertificateInfo.of(leaf)

    def replace_ca(self) -> CertificateInfo:
        """Make a new local CA, destroy the old one's key, and re-issue the generated server
        certificate with it when that is the one served. Every device that trusted the old CA
        must trust the new one. Which certificate is active does not change."""
        with self._lock, _file_errors():
            state = self._read_state()
            ca, _key = self._new_ca(state.options)
            if state.active == GENERATED and not state.options.self_signed:
                self._issue(state.options)
            return CertificateInfo.of(ca)

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
                write_atomic(staged_cert, cert_pem(*chain))
                write_atomic(staged_key, key_pem(key), private=True)
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

    def local_ca_info(self) -> CertificateInfo | None:
        """Pier's own CA (ca.pem with its key), whether or not the active certificate uses it.
        Its ``restricted`` says whether it is limited to local web servers."""
        with self._lock:
            ca = self._load_ca()
        return CertificateInfo.of(ca[0]) if ca else None

    def ca_info(self) -> CertificateInfo | None:
        ca = self._client_ca()
        return CertificateInfo.of(ca) if ca else None

    def ca_pem(self) -> bytes | None:
        ca = self._client_ca()
        return cert_pem(ca) if ca else None

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
    def _issue(self, options: GenerationOptions) -> x509.Certificate:
        """Write a new server.pem/server.key (the state file is the caller's)."""
        names, label = wanted_names(options.extra_names), machine_label()
        if options.self_signed:
            key = new_key(options.rsa, LEAF_RSA_BITS)
            leaf = make_server_cert(key, names, None, None, label=label)
            chain: tuple[x509.Certificate, ...] = (leaf,)
        else:
            extra = [parse_name(n) for n in options.extra_names]
            ca, ca_key = self._ca(options)
            _refuse_unpermitted(ca, extra)
            key = new_key(options.rsa, LEAF_RSA_BITS)
            leaf = make_server_cert(key, [n for n in names if permitted_by(ca, n)], ca, ca_key,
                                    label=label)
            chain = (leaf, ca)
        write_atomic(self._path(SERVER_KEY), key_pem(key), private=True)
        write_atomic(self._path(SERVER_CERT), cert_pem(*chain))
        return leaf

    def _ca(self, options: GenerationOptions) -> tuple[x509.Certificate, PrivateKey]:
        """The CA to sign with: the existing one, even when it is not restricted (it is only
        replaced on request), unless it is missing or about to expire."""
        existing = self._load_ca()
        if existing and existing[0].not_valid_after_utc - datetime.now(UTC) > RENEW_BEFORE:
            return existing
        return self._new_ca(options)

    def _new_ca(self, options: GenerationOptions) -> tuple[x509.Certificate, PrivateKey]:
        """Make and store a new CA; the old CA's key is destroyed first."""
        extra = [parse_name(n) for n in options.extra_names]
        key = new_key(options.rsa, CA_RSA_BITS)
        ca = make_ca(key, ca_constraints([*wanted_names(), *extra]), label=machine_label())
        for old in [self._path(CA_KEY), *self.directory.glob(f".{CA_KEY}.*.tmp")]:
            _destroy(old)                         # and any temporary copy a crash left behind
        write_atomic(self._path(CA_KEY), key_pem(key), private=True)
        write_atomic(self._path(CA_CERT), cert_pem(ca))
        return ca, key

    def _load_ca(self) -> tuple[x509.Certificate, PrivateKey] | None:
        try:
            ca = load_certificates(self._path(CA_CERT).read_bytes(), CA_CERT)[0]
            key = load_private_key(self._path(CA_KEY).read_bytes(), CA_KEY)
        except (OSError, CertificateError):
            return None
        return (ca, key) if key_matches(ca, key) else None

    def _generated_is_current(self, options: GenerationOptions) -> bool:
        """Whether server.pem/server.key can be served as they are (no re-issue needed)."""
        try:
            chain = load_certificates(self._path(SERVER_CERT).read_bytes(), SERVER_CERT)
            key = load_private_key(self._path(SERVER_KEY).read_bytes(), SERVER_KEY)
        except (OSError, CertificateError):
            return False
        leaf, now = chain[0], datetime.now(UTC)
        if not key_matches(leaf, key) or isinstance(key, rsa.RSAPrivateKey) != options.rsa:
            return False
        if leaf.not_valid_before_utc > now or leaf.not_valid_after_utc - now < RENEW_BEFORE:
            return False
        wanted = wanted_names(options.extra_names)
        if options.self_signed:
            return len(chain) == 1 and set(wanted) <= set(subject_alt_names(leaf))
        ca = self._load_ca()
        if ca is None or len(chain) != 2 or chain[1] != ca[0] or not issued_by(leaf, ca[0]):
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


def _destroy(path: Path) -> None:
    """Overwrite ``path`` with random bytes, flush them to disk, then delete it.

    Best effort against recovery from the disk: SSDs and copy-on-write file systems may keep
    the old blocks; the file itself is gone either way."""
    try:
        with path.open("r+b") as handle:
            handle.write(secrets.token_bytes(os.fstat(handle.fileno()).st_size))
            handle.flush()
            os.fsync(handle.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)
    fsync_dir(path.parent)


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise CertificateError(f"Cannot read {path}: {err.strerror or err}.") from None


# --- serving ----------------------------------------------------------------------------------

SESSION_TICKETS = 2  # TLS 1.3 tickets per full handshake: one for each of two new connections


def make_server_context(chain_path: Path, key_path: Path) -> ssl.SSLContext:
    """A TLS server context: TLS 1.2+, Mozilla intermediate ciphers (ECDSA suites first, in
    the server's order), ALPN http/1.1, and session resumption: TLS 1.3 tickets and TLS 1.2
    session ids and tickets, so a returning phone skips the certificate and the signature.
    The serve loop makes one context and keeps it for every connection (a new one only
    with a new listener, server/reconfigure.py): tickets are sealed with keys of the
    context, and a context per connection would never resume anything."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(TLS12_CIPHERS)
    context.options |= ssl.OP_CIPHER_SERVER_PREFERENCE
    context.options &= ~ssl.OP_NO_TICKET
    context.num_tickets = SESSION_TICKETS
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
