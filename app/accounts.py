"""Accounts for the window: the UserStore behind the Users dialog, with its slow parts (password
hashing, file writes) run off the GUI thread, and who is locked out of the running share. The
password rule is server.passwords, shared with ``pier users``."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from app.i18n import translate
from server.auth import Authenticator, Lockout
from server.users import User, UserStore


class RunningShare(Protocol):
    """Where the running share's Authenticator is (``ServerController``); None while stopped
    or sharing without a login."""

    @property
    def authenticator(self) -> Authenticator | None: ...


@dataclass(frozen=True, slots=True)
class LockedOut:
    """An address, or an account at an address, that typed wrong passwords too often and must
    wait: a copy, safe to keep in the GUI thread."""

    key: str  # what ``Accounts.release`` takes
    kind: str  # "ip" (an address) or "user" (an account)
    subject: str  # the address or the user name
    failures: int
    retry_after: int  # seconds left
    until: float  # epoch
    address: str = ""  # the address the lock holds at (for "ip", the subject itself)

    @property
    def who(self) -> str:
        """E.g. "user alice" or "address 192.0.2.7"."""
        return f"{'user' if self.kind == 'user' else 'address'} {self.subject}"

    @classmethod
    def of(cls, lock: Lockout) -> LockedOut:
        return cls(lock.key, lock.kind, lock.subject, lock.failures, lock.retry_after,
                   lock.until, lock.address)


class Accounts(QObject):
    """One UserStore shared by the Users dialog and the running share's Authenticator, so a
    change made in the dialog applies at once. ``changed`` is emitted after every change;
    ``released`` after a lock-out was lifted (with its key)."""

    changed = Signal()
    released = Signal(str)

    def __init__(self, store: UserStore, share: RunningShare | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._share = share
        self._share_uploads = True
        self._share_changes = True

    @classmethod
    def at(cls, users_file: Path, share: RunningShare | None = None,
           parent: QObject | None = None) -> Accounts:
        """The accounts kept in ``users_file`` (``PierPaths.users_file``)."""
        return cls(UserStore(users_file), share, parent)

    @property
    def share_uploads(self) -> bool:
        """Whether the share lets accounts upload at all ("Allow uploads" in the main window).
        When it does not, the Users dialog marks the upload permission as off for this share."""
        return self._share_uploads

    def set_share_uploads(self, on: bool) -> None:
        if on != self._share_uploads:
            self._share_uploads = on
            self.changed.emit()

    @property
    def share_changes(self) -> bool:
        """Whether the share lets accounts change files at all ("Allow changes"); when it does
        not, the Users dialog marks the change permission as off for this share."""
        return self._share_changes

    def set_share_changes(self, on: bool) -> None:
        if on != self._share_changes:
            self._share_changes = on
            self.changed.emit()

    def users(self) -> list[User]:
        return self.store.users()

    def get(self, name: str) -> User | None:
        return self.store.get(name)

    def lockouts(self) -> list[LockedOut] | None:
        """Who must wait before trying again (sorted by key); None when no share with a login
        runs. Reads memory only: cheap enough for a timer in the GUI thread."""
        auth = self._share.authenticator if self._share is not None else None
        if auth is None:
            return None
        return [LockedOut.of(lock) for lock in auth.lockouts()]

    def release(self, key: str) -> bool:
        """Let a locked-out address or account try again now; False when no share with a login
        runs."""
        auth = self._share.authenticator if self._share is not None else None
        if auth is None:
            return False
        auth.release(key)
        self.released.emit(key)
        return True

    async def load(self) -> list[User]:
        """Re-read the file; UserStoreError when it is damaged (the file is left alone)."""
        await asyncio.to_thread(reload_store, self.store)
        self.changed.emit()
        return self.users()

    async def add(self, name: str, password: str, **options: Any) -> User:
        user = await asyncio.to_thread(self._add, name, password, options)
        self.changed.emit()
        return user

    async def update(self, name: str, **changes: Any) -> User:
        user = await asyncio.to_thread(self._update, name, changes)
        self.changed.emit()
        return user

    async def set_password(self, name: str, password: str) -> None:
        await asyncio.to_thread(self.store.set_password, name, password)
        self.changed.emit()

    async def remove(self, name: str) -> None:
        await asyncio.to_thread(self.store.remove, name)
        self.changed.emit()

    def _add(self, name: str, password: str, options: dict[str, Any]) -> User:
        return self.store.add(name, password, **options)

    def _update(self, name: str, changes: dict[str, Any]) -> User:
        return self.store.update(name, **changes)


def reload_store(store: UserStore) -> None:
    """Re-read the accounts file, first writing the last-login times a running share keeps in
    memory (a plain ``load`` would show them as older until the store's next write)."""
    store.flush()
    store.load()


def folder_limit(root: Path, chosen: Path) -> str:
    """The URL path ("/photos/2024") of ``chosen`` inside the shared folder ``root``.
    ValueError with a sentence for the user when ``chosen`` is not inside it."""
    real_root = Path(os.path.realpath(root))
    real_chosen = Path(os.path.realpath(chosen))
    if not real_chosen.is_relative_to(real_root):
        raise ValueError(translate("Accounts", "{folder} is not inside the shared folder "
                                   "{share}. Choose a folder inside it.").format(
            folder=chosen, share=root))
    parts = real_chosen.relative_to(real_root).parts
    return "/" + "/".join(parts)
