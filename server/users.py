"""User accounts: names, permissions and password hashes, kept in a private TOML file.

The file lives in the config dir (never inside a share), is mode 0600 and is replaced atomically
(temp file + fsync + os.replace). Changes are read-modify-write under a lock file, so the CLI and a
running server can both edit it without losing each other's changes. A file that cannot be read is
never overwritten: every write first re-reads a changed file and refuses if it is damaged.

Passwords are hashed with Argon2id (OWASP: m=19456 KiB, t=2, p=1) or, when the installed
cryptography/OpenSSL has no Argon2, with scrypt (OWASP: N=2^17, r=8, p=1). Each hash carries its
parameters, so a weaker one is replaced at the next successful login (see ``rehash``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import math
import os
import re
import secrets
import sys
import threading
import time
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import tomli_w
from cryptography.exceptions import InvalidKey, UnsupportedAlgorithm
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from server.atomic import write_atomic
from server.errors import UserStoreError

log = logging.getLogger("pier.users")

STORE_NAME = "users.toml"
STORE_FORMAT = 1
NAME_MAX = 64
PASSWORD_MAX = 1024
FOLDER_MAX = 1024
MAX_DIGEST_REALMS = 8  # realms for which Digest HA1 values are kept (most recent first)
LOGIN_FLUSH_INTERVAL = 60.0  # seconds between writes caused only by last-login times
DIGEST_ALGORITHMS = {"SHA-256": hashlib.sha256, "MD5": hashlib.md5}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class InvalidAccountError(UserStoreError):
    """A name, password, folder or date given for an account is not acceptable."""


class UnknownUserError(UserStoreError):
    """The named account does not exist (only raised to administrators, never to clients)."""


# ---------------------------------------------------------------------------------------------
# Validation and normalisation


def normalize_name(name: str) -> str:
    """Return the NFC form of a user name, or raise InvalidAccountError."""
    if not isinstance(name, str):
        raise InvalidAccountError("A user name must be text.")
    name = unicodedata.normalize("NFC", name)
    if not name or len(name) > NAME_MAX:
        raise InvalidAccountError(f"A user name must have 1 to {NAME_MAX} characters.")
    if _CONTROL.search(name):
        raise InvalidAccountError("A user name cannot contain control characters.")
    if ":" in name:
        raise InvalidAccountError("A user name cannot contain ':'.")
    if name != name.strip():
        raise InvalidAccountError("A user name cannot start or end with a space.")
    return name


def normalize_password(password: str) -> str:
    """Return the NFC form of a password, or raise InvalidAccountError. ':' is allowed."""
    if not isinstance(password, str):
        raise InvalidAccountError("A password must be text.")
    password = unicodedata.normalize("NFC", password)
    if not password or len(password) > PASSWORD_MAX:
        raise InvalidAccountError(f"A password must have 1 to {PASSWORD_MAX} characters.")
    return password


def normalize_folder(folder: str) -> str:
    """Return a folder limit as a clean URL path prefix ("/alice/docs"), "/" for the whole share."""
    if not isinstance(folder, str):
        raise InvalidAccountError("A folder must be text.")
    text = unicodedata.normalize("NFC", folder.strip())
    if not text or len(text) > FOLDER_MAX or _CONTROL.search(text) or "\\" in text:
        raise InvalidAccountError(f"'{folder}' is not a usable folder (use a path like /public).")
    parts = [part for part in text.split("/") if part]
    if any(part in (".", "..") for part in parts):
        raise InvalidAccountError(f"The folder '{folder}' cannot contain '.' or '..'.")
    return "/" + "/".join(parts)


def normalize_folders(folders: Iterable[str]) -> tuple[str, ...]:
    """Clean folder limits; a limit of "/" means the whole share, which is the empty tuple."""
    if isinstance(folders, str):
        folders = (folders,)
    cleaned = sorted({normalize_folder(folder) for folder in folders})
    return () if "/" in cleaned else tuple(cleaned)


def _split_path(url_path: str) -> list[str] | None:
    """Segments of a decoded URL path, or None for a path that is not in normal form."""
    if not url_path.startswith("/") or "\\" in url_path or "\x00" in url_path:
        return None
    parts = [part for part in url_path.split("/") if part]
    if "." in parts or ".." in parts:
        return None
    return parts


# ---------------------------------------------------------------------------------------------
# The account as the rest of Pier sees it


@dataclass(frozen=True, slots=True)
class User:
    """One account. Never holds a password or a hash."""

    name: str
    can_read: bool = True  # download and list
    can_upload: bool = False
    folders: tuple[str, ...] = ()  # URL path prefixes like "/alice"; empty = the whole share
    enabled: bool = True
    created: float = 0.0  # epoch
    last_login: float | None = None  # epoch
    expires: float | None = None  # epoch; None = never
    digest: bool = False  # a SHA-256 HA1 is stored for HTTP Digest
    digest_md5: bool = False  # an MD5 HA1 too, for old clients (explicit opt-in)
    admin: bool = False  # may read the live statistics (/.well-known/pier/stats)

    def is_expired(self, now: float | None = None) -> bool:
        return self.expires is not None and (time.time() if now is None else now) >= self.expires

    def is_active(self, now: float | None = None) -> bool:
        """Enabled and not expired: whether a correct password lets this user in."""
        return self.enabled and not self.is_expired(now)

    def may_access(self, url_path: str) -> bool:
        """Whether the user may fetch ``url_path`` (decoded, normalised): "/" or a path inside
        an allowed folder. "/" is allowed so that the user lands somewhere, but its listing (and
        any archive of it) must be filtered with ``may_see``."""
        if not self.folders:
            return _split_path(url_path) is not None
        parts = _split_path(url_path)
        if parts is None:
            return False
        return not parts or self._inside_allowed(parts)

    def may_list(self, url_path: str) -> bool:
        """Whether a folder listing at ``url_path`` may be shown (filtered with ``may_see``):
        inside an allowed folder, or an ancestor of one, so that the user can navigate to it."""
        parts = _split_path(url_path)
        if parts is None:
            return False
        return not self.folders or self._inside_allowed(parts) or self._ancestor_of_allowed(parts)

    def may_see(self, url_path: str) -> bool:
        """Whether a listing entry at ``url_path`` is visible: inside an allowed folder, or an
        ancestor of one (the way to it)."""
        return self.may_list(url_path)

    def sees_everything_below(self, url_path: str) -> bool:
        """Whether everything under ``url_path`` is allowed (e.g. for a zip of a folder)."""
        parts = _split_path(url_path)
        if parts is None:
            return False
        return not self.folders or self._inside_allowed(parts)

    def _inside_allowed(self, parts: list[str]) -> bool:
        for folder in self.folders:
            prefix = folder.split("/")[1:]
            if parts[: len(prefix)] == prefix:
                return True
        return False

    def _ancestor_of_allowed(self, parts: list[str]) -> bool:
        for folder in self.folders:
            prefix = folder.split("/")[1:]
            if len(parts) < len(prefix) and prefix[: len(parts)] == parts:
                return True
        return False


# ---------------------------------------------------------------------------------------------
# Password hashing


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
        kdf = Scrypt(salt=salt, length=32, n=2**p.scrypt_log2_n, r=p.scrypt_r, p=p.scrypt_p)
        key = kdf.derive(secret)
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


# ---------------------------------------------------------------------------------------------
# The store


@dataclass(frozen=True, slots=True)
class _Account:
    user: User
    password_hash: str
    ha1: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # realm -> alg -> hex


@dataclass(frozen=True, slots=True)
class _Snapshot:
    version: int
    accounts: Mapping[str, _Account]
    realms: tuple[str, ...]


_USER_FIELDS = {f.name for f in fields(User)}


class UserStore:
    """The accounts file. Reads are lock-free snapshots; writes are serialised and atomic.

    ``version`` bumps on every change of an account (add, password, permissions, enabled,
    expiry, removal), so caches keyed on it drop stale entries. Last-login times and hash
    upgrades do not change what a password grants and do not bump it.
    """

    def __init__(self, path: Path | None = None, *, hasher: PasswordHasher | None = None) -> None:
        if path is None:
            from server.appdirs import config_dir

            path = config_dir() / STORE_NAME
        self.path = Path(path)
        self.hasher = hasher or PasswordHasher()
        self._snapshot = _Snapshot(0, {}, ())
        self._signature: tuple[int, int, int] | None = None  # (mtime_ns, size, inode) last read
        self._loaded = False
        self._write_lock = threading.RLock()
        self._pending_logins: dict[str, float] = {}
        self._last_login_flush = time.monotonic()

    # -- reading ---------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return self._snapshot.version

    def load(self) -> None:
        """(Re-)read the file; a missing file is an empty store. Raises UserStoreError with a
        clear message for a file that cannot be read or parsed, and leaves that file alone."""
        with self._write_lock:
            self._read_file()

    def reload_if_changed(self, *, wait: bool = True) -> bool:
        """Re-read the file if another process changed it; returns whether it did. A damaged
        file is logged and the accounts in memory are kept. With ``wait=False`` a store busy
        writing (which can take as long as another process holds the file lock) is left for
        the next call instead."""
        if self._signature == self._disk_signature():
            return False
        if not self._write_lock.acquire(blocking=wait):
            return False
        try:
            if self._signature == self._disk_signature():
                return False
            try:
                self._read_file()
            except UserStoreError as err:
                log.warning("%s Keeping the accounts read before.", err)
                return False
            return True
        finally:
            self._write_lock.release()

    def users(self) -> list[User]:
        return sorted((a.user for a in self._snapshot.accounts.values()), key=lambda u: u.name)

    def get(self, name: str) -> User | None:
        account = self._snapshot.accounts.get(_lookup_name(name))
        return None if account is None else account.user

    def password_hash(self, name: str) -> str | None:
        account = self._snapshot.accounts.get(_lookup_name(name))
        return None if account is None else account.password_hash

    def digest_secret(self, name: str, realm: str, algorithm: str) -> str | None:
        """The stored HA1 of ``name`` for ``realm`` and ``algorithm``, if Digest is enabled."""
        account = self._snapshot.accounts.get(_lookup_name(name))
        if account is None or not account.user.digest:
            return None
        if algorithm == "MD5" and not account.user.digest_md5:
            return None
        return account.ha1.get(realm, {}).get(algorithm)

    def any_digest_md5(self) -> bool:
        return any(a.user.digest_md5 for a in self._snapshot.accounts.values())

    def any_digest(self) -> bool:
        return any(a.user.digest for a in self._snapshot.accounts.values())

    # -- changing --------------------------------------------------------------------------

    def add(self, name: str, password: str, *, can_read: bool = True, can_upload: bool = False,
            folders: Iterable[str] = (), digest: bool = False, digest_md5: bool = False,
            expires: float | None = None, enabled: bool = True, admin: bool = False) -> User:
        name = normalize_name(name)
        password = normalize_password(password)
        digest = digest or digest_md5
        user = User(name=name, can_read=can_read, can_upload=can_upload,
                    folders=normalize_folders(folders), enabled=enabled, created=time.time(),
                    expires=_checked_expiry(expires), digest=digest, digest_md5=digest_md5,
                    admin=admin)
        password_hash = self.hasher.hash(password)  # slow: outside the write lock

        def change(snap: _Snapshot) -> dict[str, _Account]:
            if name in snap.accounts:
                raise InvalidAccountError(f"A user named '{name}' already exists.")
            ha1 = _ha1_for(user, password, snap.realms)
            return {**snap.accounts, name: _Account(user, password_hash, ha1)}

        self._mutate(change)
        return user

    def set_password(self, name: str, password: str) -> None:
        name = normalize_name(name)
        password = normalize_password(password)
        self._require(name)
        password_hash = self.hasher.hash(password)

        def change(snap: _Snapshot) -> dict[str, _Account]:
            account = _existing(snap, name)
            ha1 = _ha1_for(account.user, password, snap.realms)
            return {**snap.accounts, name: _Account(account.user, password_hash, ha1)}

        self._mutate(change)

    def update(self, name: str, **changes: Any) -> User:
        """Change fields of ``name`` (can_read, can_upload, folders, enabled, expires, digest,
        digest_md5). Turning Digest on needs the password: the HA1 is stored at the next
        ``set_password`` or successful Basic login. Turning it off deletes the HA1 values."""
        name = normalize_name(name)
        unknown = set(changes) - (_USER_FIELDS - {"name", "created", "last_login"})
        if unknown:
            raise InvalidAccountError(f"Cannot change {', '.join(sorted(unknown))} of a user.")
        if "folders" in changes:
            changes["folders"] = normalize_folders(changes["folders"])
        if "expires" in changes:
            changes["expires"] = _checked_expiry(changes["expires"])
        if changes.get("digest_md5"):
            changes["digest"] = True
        if changes.get("digest") is False:
            changes["digest_md5"] = False
        result: list[User] = []

        def change(snap: _Snapshot) -> dict[str, _Account]:
            account = _existing(snap, name)
            user = replace(account.user, **changes)
            ha1 = _trim_ha1(account.ha1, user)
            result.append(user)
            return {**snap.accounts, name: _Account(user, account.password_hash, ha1)}

        self._mutate(change)
        return result[0]

    def remove(self, name: str) -> None:
        name = normalize_name(name)

        def change(snap: _Snapshot) -> dict[str, _Account]:
            _existing(snap, name)
            return {key: value for key, value in snap.accounts.items() if key != name}

        self._mutate(change)

    def record_login(self, name: str, *, wait: bool = True) -> None:
        """Note a successful login. Cheap: kept in memory and written at most once a minute
        (or at the next change, or ``flush``). With ``wait=False``, for callers that must never
        wait on the disk or another process (the serve thread): the write runs on a short-lived
        thread, and while the store is busy writing the login is not noted at all."""
        now = time.time()
        if not self._write_lock.acquire(blocking=wait):
            return
        try:
            snap = self._snapshot
            account = snap.accounts.get(name)
            if account is None:
                return
            self._pending_logins[name] = now
            updated = replace(account, user=replace(account.user, last_login=now))
            self._snapshot = replace(snap, accounts={**snap.accounts, name: updated})
            due = time.monotonic() - self._last_login_flush >= LOGIN_FLUSH_INTERVAL
            if due and not wait:
                self._last_login_flush = time.monotonic()  # one writer, not one per login
        finally:
            self._write_lock.release()
        if due and not wait:
            threading.Thread(target=self._flush_quietly, name="pier-login-flush",
                             daemon=True).start()
        elif due:
            self.flush()

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except UserStoreError as err:  # a last-login time is not worth more than a log line
            log.warning("%s", err)

    def flush(self) -> None:
        """Write pending last-login times now."""
        with self._write_lock:
            if not self._pending_logins:
                return
            self._mutate(lambda snap: dict(snap.accounts), bump=False)

    def rehash(self, name: str, password: str, old_hash: str) -> bool:
        """Replace ``old_hash`` (just verified with ``password``) by a hash with the current
        parameters, and fill in missing Digest HA1 values. Does nothing if the password was
        changed meanwhile. Returns whether the file was written."""
        account = self._snapshot.accounts.get(name)
        if account is None or account.password_hash != old_hash:
            return False
        upgrade = self.hasher.needs_rehash(old_hash)
        missing = _ha1_for(account.user, password, self._snapshot.realms) != dict(account.ha1)
        if not upgrade and not missing:
            return False
        new_hash = self.hasher.hash(password) if upgrade else old_hash
        changed: list[bool] = []

        def change(snap: _Snapshot) -> dict[str, _Account]:
            current = snap.accounts.get(name)
            if current is None or current.password_hash != old_hash:
                return dict(snap.accounts)
            changed.append(True)
            ha1 = _ha1_for(current.user, password, snap.realms)
            return {**snap.accounts, name: _Account(current.user, new_hash, ha1)}

        self._mutate(change, bump=False)
        return bool(changed)

    def remember_realm(self, realm: str) -> None:
        """Make ``realm`` one for which Digest HA1 values are computed at the next password
        change or login (a server calls this with its realm)."""
        if self._snapshot.realms[:1] == (realm,):
            return
        new_realms = (realm, *(r for r in self._snapshot.realms if r != realm))
        new_realms = new_realms[:MAX_DIGEST_REALMS]
        with self._write_lock:
            self._sync_from_disk()
            if not self._snapshot.accounts:  # nothing to write yet: kept for the first add
                self._snapshot = replace(self._snapshot, realms=new_realms)
                return

        def change(snap: _Snapshot) -> dict[str, _Account]:
            return dict(snap.accounts)

        self._mutate(change, bump=False, realms=new_realms)

    # -- internals -------------------------------------------------------------------------

    def _require(self, name: str) -> None:
        if name not in self._snapshot.accounts:
            with self._write_lock:
                self._sync_from_disk()
            _existing(self._snapshot, name)

    def _mutate(self, change: Any, *, bump: bool = True,
                realms: tuple[str, ...] | None = None) -> None:
        with self._write_lock, _file_lock(self.path):
            self._sync_from_disk()
            snap = self._snapshot
            accounts = _apply_logins(change(snap), self._pending_logins)
            new = _Snapshot(snap.version + (1 if bump else 0), accounts,
                            snap.realms if realms is None else realms)
            self._write_file(new)
            self._snapshot = new
            self._pending_logins.clear()
            self._last_login_flush = time.monotonic()

    def _sync_from_disk(self) -> None:
        if not self._loaded or self._signature != self._disk_signature():
            self._read_file()

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as err:
            raise UserStoreError(f"The user file {self.path} cannot be read: "
                                 f"{err.strerror or err}.") from None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _read_file(self) -> None:
        signature = self._disk_signature()
        if signature is None:
            accounts: dict[str, _Account] = {}
            realms: tuple[str, ...] = ()
        else:
            try:
                data = tomllib.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
                raise self._damaged(err) from None
            try:
                accounts, realms = _parse_store(data)
            except (KeyError, TypeError, ValueError, UserStoreError) as err:
                raise self._damaged(err) from None
        old = self._snapshot
        changed = not self._loaded or dict(old.accounts) != accounts or old.realms != realms
        self._snapshot = _Snapshot(old.version + (1 if changed else 0), accounts, realms)
        self._signature = signature
        self._loaded = True

    def _damaged(self, err: Exception) -> UserStoreError:
        return UserStoreError(
            f"The user file {self.path} is damaged ({err}). Pier has not changed it: repair it "
            "or move it away to start with no users.")

    def _write_file(self, snap: _Snapshot) -> None:
        text = tomli_w.dumps(_dump_store(snap))
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, text.encode("utf-8"), private=True)
        except OSError as err:
            raise UserStoreError(f"Cannot write the user file {self.path}: "
                                 f"{err.strerror or err}.") from None
        self._signature = self._disk_signature()


def _lookup_name(name: str) -> str:
    # Names are stored NFC; a lookup of a non-NFC form must find the same account.
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def _existing(snap: _Snapshot, name: str) -> _Account:
    account = snap.accounts.get(name)
    if account is None:
        raise UnknownUserError(f"There is no user named '{name}'.")
    return account


def _checked_expiry(expires: float | None) -> float | None:
    if expires is None:
        return None
    if isinstance(expires, bool) or not isinstance(expires, int | float) or \
            not math.isfinite(expires):
        raise InvalidAccountError("An expiry must be a date.")
    return float(expires)


def _ha1_for(user: User, password: str, realms: Iterable[str]) -> dict[str, dict[str, str]]:
    if not user.digest:
        return {}
    algorithms = ("SHA-256", "MD5") if user.digest_md5 else ("SHA-256",)
    return {realm: {alg: digest_ha1(user.name, realm, password, alg) for alg in algorithms}
            for realm in realms}


def _trim_ha1(ha1: Mapping[str, Mapping[str, str]], user: User) -> dict[str, dict[str, str]]:
    if not user.digest:
        return {}
    keep = ("SHA-256", "MD5") if user.digest_md5 else ("SHA-256",)
    return {realm: {alg: value for alg, value in values.items() if alg in keep}
            for realm, values in ha1.items()}


def _apply_logins(accounts: dict[str, _Account], logins: dict[str, float]) -> dict[str, _Account]:
    for name, when in logins.items():
        account = accounts.get(name)
        if account is not None:
            accounts[name] = replace(account, user=replace(account.user, last_login=when))
    return accounts


# ---------------------------------------------------------------------------------------------
# File format


def _parse_store(data: dict[str, Any]) -> tuple[dict[str, _Account], tuple[str, ...]]:
    if data.get("format", STORE_FORMAT) != STORE_FORMAT:
        raise ValueError(f"unknown format {data.get('format')!r}")
    realms = data.get("digest_realms", [])
    if not isinstance(realms, list) or not all(isinstance(r, str) for r in realms):
        raise ValueError("digest_realms must be a list of text")
    table = data.get("users", {})
    if not isinstance(table, dict):
        raise ValueError("'users' must be a table")
    accounts = {}
    for name, record in table.items():
        if normalize_name(name) != name or not isinstance(record, dict):
            raise ValueError(f"bad entry for user {name!r}")
        accounts[name] = _parse_account(name, record)
    return accounts, tuple(realms)


def _parse_account(name: str, record: dict[str, Any]) -> _Account:
    password_hash = record["password"]
    if not isinstance(password_hash, str) or not password_hash.startswith("$"):
        raise ValueError(f"user {name!r} has no usable password hash")
    user = User(
        name=name,
        can_read=_typed(record, "can_read", bool, True),
        can_upload=_typed(record, "can_upload", bool, False),
        folders=normalize_folders(_typed(record, "folders", list, [])),
        enabled=_typed(record, "enabled", bool, True),
        created=float(_typed(record, "created", (int, float), 0.0)),
        last_login=_optional_time(record, "last_login"),
        expires=_optional_time(record, "expires"),
        digest=_typed(record, "digest", bool, False),
        digest_md5=_typed(record, "digest_md5", bool, False),
        admin=_typed(record, "admin", bool, False),
    )
    ha1 = _typed(record, "ha1", dict, {})
    for realm, values in ha1.items():
        if not isinstance(values, dict) or not set(values) <= set(DIGEST_ALGORITHMS) or \
                not all(isinstance(v, str) and re.fullmatch(r"[0-9a-f]{32,64}", v)
                        for v in values.values()):
            raise ValueError(f"user {name!r} has a bad Digest entry for realm {realm!r}")
    return _Account(user, password_hash, _trim_ha1(ha1, user))


def _typed(record: dict[str, Any], key: str, kind: Any, default: Any) -> Any:
    value = record.get(key, default)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"'{key}' has the wrong type")
    return value


def _optional_time(record: dict[str, Any], key: str) -> float | None:
    if key not in record:
        return None
    return float(_typed(record, key, (int, float), 0.0))


def _dump_store(snap: _Snapshot) -> dict[str, Any]:
    users: dict[str, Any] = {}
    for name, account in sorted(snap.accounts.items()):
        user = account.user
        record: dict[str, Any] = {
            "password": account.password_hash, "can_read": user.can_read,
            "can_upload": user.can_upload, "folders": list(user.folders),
            "enabled": user.enabled, "created": user.created, "digest": user.digest,
            "digest_md5": user.digest_md5, "admin": user.admin,
        }
        if user.last_login is not None:
            record["last_login"] = user.last_login
        if user.expires is not None:
            record["expires"] = user.expires
        if account.ha1:
            record["ha1"] = {realm: dict(values) for realm, values in account.ha1.items()}
        users[name] = record
    return {"format": STORE_FORMAT, "digest_realms": list(snap.realms), "users": users}


# ---------------------------------------------------------------------------------------------
# Locking and durability


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes, held on ``<path>.lock`` while a change is made."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise UserStoreError(f"Cannot lock the user file {path}: {err.strerror or err}.") from None
    try:
        _lock_fd(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock_fd(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        deadline = time.monotonic() + 10
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise UserStoreError("The user file is locked by another program.") from None
                threading.Event().wait(0.05)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)


