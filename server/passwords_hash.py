"""Password hashing for the user store: self-describing Argon2id or scrypt hashes, and the
HTTP Digest HA1 values kept next to them.

Passwords are hashed with Argon2id (OWASP: m=19456 KiB, t=2, p=1) or, when the installed
cryptography/OpenSSL has no Argon2, with scrypt (OWASP: N=2^17, r=8, p=1). Each hash carries its
parameters, so a weaker one is replaced at the next successful login (``UserStore.rehash``).

Not to be confused with server.passwords, the strength rule for newly typed passwords.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import threading
from dataclasses import dataclass

from cryptography.exceptions import InvalidKey, UnsupportedAlgorithm
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

DIGEST_ALGORITHMS = {"SHA-256": hashlib.sha256, "MD5": hashlib.md5}


@dataclass(frozen=True, slots=True)
class HashParams:
    """Cost parameters for new hashes. The defaults are OWASP's recommendations."""

    argon2_memory_kib: int = 19456
    argon2_iterations: int = 2
    argon2_lanes: int = 1
    scrypt_log2_n: int = 17
    scrypt_r: int = 8
    scrypt_p: int = 1


OWASP = HashParams()
_ARGON2_PHC = re.compile(
    r"^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$")
_SCRYPT = re.compile(r"^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$")
_argon2_state: list[bool] = []


def argon2_available() -> bool:
    """Whether the installed cryptography/OpenSSL offers Argon2id (checked once)."""
    if not _argon2_state:
        try:
            Argon2id(salt=b"\0" * 16, length=32, iterations=1, lanes=1, memory_cost=8)
            _argon2_state.append(True)
        except UnsupportedAlgorithm:
            _argon2_state.append(False)
    return _argon2_state[0]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


class PasswordHasher:
    """Makes and checks self-describing password hashes ("$argon2id$..." or "$scrypt$...")."""

    def __init__(self, params: HashParams = OWASP, *, use_argon2: bool | None = None) -> None:
        self.params = params
        self.use_argon2 = argon2_available() if use_argon2 is None else use_argon2
        self._dummy: str | None = None
        self._dummy_lock = threading.Lock()

    def hash(self, password: str) -> str:
        secret = password.encode("utf-8")
        salt = secrets.token_bytes(16)
        p = self.params
        if self.use_argon2:
            kdf = Argon2id(salt=salt, length=32, iterations=p.argon2_iterations,
                           lanes=p.argon2_lanes, memory_cost=p.argon2_memory_kib)
            return kdf.derive_phc_encoded(secret)
        scrypt = Scrypt(salt=salt, length=32, n=2**p.scrypt_log2_n, r=p.scrypt_r, p=p.scrypt_p)
        key = scrypt.derive(secret)
        cost = f"ln={p.scrypt_log2_n},r={p.scrypt_r},p={p.scrypt_p}"
        return f"$scrypt${cost}${_b64(salt)}${_b64(key)}"

    def verify(self, password: str, encoded: str) -> bool:
        """True if ``password`` matches; False for a wrong password or an unusable hash."""
        secret = password.encode("utf-8")
        try:
            if encoded.startswith("$argon2id$"):
                Argon2id.verify_phc_encoded(secret, encoded)
                return True
            match = _SCRYPT.match(encoded)
            if match is None:
                return False
            log_n, r, p, salt, key = match.groups()
            expected = _unb64(key)
            Scrypt(salt=_unb64(salt), length=len(expected), n=2 ** int(log_n), r=int(r),
                   p=int(p)).verify(secret, expected)
            return True
        except (InvalidKey, UnsupportedAlgorithm, ValueError):
            return False

    def needs_rehash(self, encoded: str) -> bool:
        """Whether ``encoded`` is weaker than (or of another kind than) what ``hash`` makes now."""
        p = self.params
        argon2 = _ARGON2_PHC.match(encoded)
        if argon2 is not None:
            memory, iterations, lanes = (int(group) for group in argon2.groups())
            return (not self.use_argon2 or memory < p.argon2_memory_kib
                    or iterations < p.argon2_iterations or lanes < p.argon2_lanes)
        scrypt = _SCRYPT.match(encoded)
        if scrypt is not None and not self.use_argon2:
            log_n, r, par = (int(group) for group in scrypt.groups()[:3])
            return log_n < p.scrypt_log2_n or r < p.scrypt_r or par < p.scrypt_p
        return True

    def dummy_hash(self) -> str:
        """A hash of a random password with the current parameters, for equal-cost refusals."""
        with self._dummy_lock:
            if self._dummy is None:
                self._dummy = self.hash(secrets.token_urlsafe(24))
            return self._dummy


def digest_ha1(name: str, realm: str, password: str, algorithm: str) -> str:
    """HEX(H(username:realm:password)) as in RFC 7616 section 3.4.2, in UTF-8.

    This value is PASSWORD-EQUIVALENT: whoever reads it can log in with Digest to that realm
    without knowing the password. That is why Digest is opt-in per account and the file is 0600.
    """
    digest = DIGEST_ALGORITHMS[algorithm]
    return digest(f"{name}:{realm}:{password}".encode()).hexdigest()
