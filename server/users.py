"""User accounts: ``UserStore`` keeps names, permissions and password hashes in a private TOML
file, read as lock-free snapshots and changed atomically.

The file lives in the config dir (never inside a share), is mode 0600 and is replaced atomically
(temp file + fsync + os.replace, server.atomic). Changes are read-modify-write under a lock file
(server.user_file), so the CLI and a running server can both edit it without losing each other's
changes. A file that cannot be read is never overwritten: every write first re-reads a changed
file and refuses if it is damaged.

The account code is split along its seams; this module is the front door and re-exports the
public names of the others, so ``from server.users import User, PasswordHasher`` works:

- server.user_model      the ``User`` record and the checks of names, passwords, folders, dates
- server.passwords_hash  password hashes (Argon2id or scrypt) and Digest HA1 values
- server.user_file       the TOML format of the file and the lock between processes
- server.users           ``UserStore``: when to read, what to change, atomic writes (this module)

(server.passwords is something else: the strength rule for newly typed passwords.)
"""

from __future__ import annotations

import logging
import os
import threading
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import tomli_w

from server.atomic import write_atomic
from server.clock import SYSTEM_CLOCK, Clock
from server.errors import UserStoreError
from server.passwords_hash import (
    DIGEST_ALGORITHMS,
    OWASP,
    HashParams,
    PasswordHasher,
    argon2_available,
    digest_ha1,
)
from server.paths import USERS_FILE
from server.user_file import STORE_FORMAT, Account, dump_store, file_lock, parse_store, trim_ha1
from server.user_model import (
    FOLDER_MAX,
    NAME_MAX,
    PASSWORD_MAX,
    InvalidAccountError,
    UnknownUserError,
    User,
    check_expiry,
    normalize_folder,
    normalize_folders,
    normalize_name,
    normalize_password,
)

__all__ = [  # UserStore, and what callers have always imported from here
    "DIGEST_ALGORITHMS", "FOLDER_MAX", "LOGIN_FLUSH_INTERVAL", "MAX_DIGEST_REALMS", "NAME_MAX",
    "OWASP", "PASSWORD_MAX", "STORE_FORMAT", "STORE_NAME", "HashParams", "InvalidAccountError",
    "PasswordHasher", "UnknownUserError", "User", "UserStore", "argon2_available", "digest_ha1",
    "normalize_folder", "normalize_folders", "normalize_name", "normalize_password",
]

log = logging.getLogger("pier.users")

STORE_NAME = USERS_FILE
MAX_DIGEST_REALMS = 8  # realms for which Digest HA1 values are kept (most recent first)
LOGIN_FLUSH_INTERVAL = 60.0  # seconds between writes caused only by last-login times


@dataclass(frozen=True, slots=True)
class _Snapshot:
    version: int
    accounts: Mapping[str, Account]
    realms: tuple[str, ...]


_USER_FIELDS = {f.name for f in fields(User)}


class UserStore:
    """The accounts file. Reads are lock-free snapshots; writes are serialised and atomic.

    ``version`` bumps on every change of an account (add, password, permissions, enabled,
    expiry, removal), so caches keyed on it drop stale entries. Last-login times and hash
    upgrades do not change what a password grants and do not bump it.
    """

    def __init__(self, path: Path, *, hasher: PasswordHasher | None = None,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        """``path`` is the accounts file (``PierPaths.users_file``); ``clock`` batches
        last-login writes (LOGIN_FLUSH_INTERVAL) and dates creations and logins."""
        self.path = Path(path)
        self._clock = clock
        self.hasher = hasher or PasswordHasher()
        self._snapshot = _Snapshot(0, {}, ())
        self._signature: tuple[int, int, int] | None = None  # (mtime_ns, size, inode) last read
        self._loaded = False
        self._write_lock = threading.RLock()
        self._pending_logins: dict[str, float] = {}
        self._last_login_flush = self._clock.monotonic()

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
            can_modify: bool = False, folders: Iterable[str] = (), digest: bool = False,
            digest_md5: bool = False, expires: float | None = None, enabled: bool = True,
            admin: bool = False) -> User:
        name = normalize_name(name)
        password = normalize_password(password)
        digest = digest or digest_md5
        user = User(name=name, can_read=can_read, can_upload=can_upload,
                    can_modify=can_modify, folders=normalize_folders(folders), enabled=enabled,
                    created=self._clock.time(),
                    expires=check_expiry(expires), digest=digest, digest_md5=digest_md5,
                    admin=admin)
        password_hash = self.hasher.hash(password)  # slow: outside the write lock

        def change(snap: _Snapshot) -> dict[str, Account]:
            if name in snap.accounts:
                raise InvalidAccountError(f"A user named '{name}' already exists.")
            ha1 = _ha1_for(user, password, snap.realms)
            return {**snap.accounts, name: Account(user, password_hash, ha1)}

        self._mutate(change)
        return user

    def set_password(self, name: str, password: str) -> None:
        name = normalize_name(name)
        password = normalize_password(password)
        self._require(name)
        password_hash = self.hasher.hash(password)

        def change(snap: _Snapshot) -> dict[str, Account]:
            account = _existing(snap, name)
            ha1 = _ha1_for(account.user, password, snap.realms)
            return {**snap.accounts, name: Account(account.user, password_hash, ha1)}

        self._mutate(change)

    def update(self, name: str, **changes: Any) -> User:
        """Change fields of ``name`` (can_read, can_upload, can_modify, folders, enabled,
        expires, digest, digest_md5). Turning Digest on needs the password: the HA1 is stored
        at the next ``set_password`` or successful Basic login. Turning it off deletes the HA1
        values."""
        name = normalize_name(name)
        unknown = set(changes) - (_USER_FIELDS - {"name", "created", "last_login"})
        if unknown:
            raise InvalidAccountError(f"Cannot change {', '.join(sorted(unknown))} of a user.")
        if "folders" in changes:
            changes["folders"] = normalize_folders(changes["folders"])
        if "expires" in changes:
            changes["expires"] = check_expiry(changes["expires"])
        if changes.get("digest_md5"):
            changes["digest"] = True
        if changes.get("digest") is False:
            changes["digest_md5"] = False
        result: list[User] = []

        def change(snap: _Snapshot) -> dict[str, Account]:
            account = _existing(snap, name)
            user = replace(account.user, **changes)
            ha1 = trim_ha1(account.ha1, user)
            result.append(user)
            return {**snap.accounts, name: Account(user, account.password_hash, ha1)}

        self._mutate(change)
        return result[0]

    def remove(self, name: str) -> None:
        name = normalize_name(name)

        def change(snap: _Snapshot) -> dict[str, Account]:
            _existing(snap, name)
            return {key: value for key, value in snap.accounts.items() if key != name}

        self._mutate(change)

    def record_login(self, name: str, *, wait: bool = True) -> None:
        """Note a successful login. Cheap: kept in memory and written at most once a minute
        (or at the next change, or ``flush``). With ``wait=False``, for callers that must never
        wait on the disk or another process (the serve thread): the write runs on a short-lived
        thread, and while the store is busy writing the login is not noted at all."""
        now = self._clock.time()
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
            due = self._clock.monotonic() - self._last_login_flush >= LOGIN_FLUSH_INTERVAL
            if due and not wait:
                self._last_login_flush = self._clock.monotonic()  # one writer, not one per login
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

        def change(snap: _Snapshot) -> dict[str, Account]:
            current = snap.accounts.get(name)
            if current is None or current.password_hash != old_hash:
                return dict(snap.accounts)
            changed.append(True)
            ha1 = _ha1_for(current.user, password, snap.realms)
            return {**snap.accounts, name: Account(current.user, new_hash, ha1)}

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

        def change(snap: _Snapshot) -> dict[str, Account]:
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
        with self._write_lock, file_lock(self.path):
            self._sync_from_disk()
            snap = self._snapshot
            accounts = _apply_logins(change(snap), self._pending_logins)
            new = _Snapshot(snap.version + (1 if bump else 0), accounts,
                            snap.realms if realms is None else realms)
            self._write_file(new)
            self._snapshot = new
            self._pending_logins.clear()
            self._last_login_flush = self._clock.monotonic()

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
            accounts: dict[str, Account] = {}
            realms: tuple[str, ...] = ()
        else:
            try:
                data = tomllib.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
                raise self._damaged(err) from None
            try:
                accounts, realms = parse_store(data)
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
        text = tomli_w.dumps(dump_store(snap.accounts, snap.realms))
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


def _existing(snap: _Snapshot, name: str) -> Account:
    account = snap.accounts.get(name)
    if account is None:
        raise UnknownUserError(f"There is no user named '{name}'.")
    return account


def _ha1_for(user: User, password: str, realms: Iterable[str]) -> dict[str, dict[str, str]]:
    if not user.digest:
        return {}
    algorithms = ("SHA-256", "MD5") if user.digest_md5 else ("SHA-256",)
    return {realm: {alg: digest_ha1(user.name, realm, password, alg) for alg in algorithms}
            for realm in realms}


def _apply_logins(accounts: dict[str, Account], logins: dict[str, float]) -> dict[str, Account]:
    for name, when in logins.items():
        account = accounts.get(name)
        if account is not None:
            accounts[name] = replace(account, user=replace(account.user, last_login=when))
    return accounts

