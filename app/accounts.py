"""Accounts for the window: the UserStore behind the Users dialog, with its slow parts (password
hashing, file writes) run off the GUI thread. The password rule is server.passwords, shared
with ``pier users``."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from server.users import User, UserStore


class Accounts(QObject):
    """One UserStore shared by the Users dialog and the running share's Authenticator, so a
    change made in the dialog applies at once. ``changed`` is emitted after every change."""

    changed = Signal()

    def __init__(self, store: UserStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else UserStore()
        self._share_uploads = True

    @property
    def share_uploads(self) -> bool:
        """Whether the share lets accounts upload at all ("Allow uploads" in the main window).
        When it does not, the Users dialog marks the upload permission as off for this share."""
        return self._share_uploads

    def set_share_uploads(self, on: bool) -> None:
        if on != self._share_uploads:
            self._share_uploads = on
            self.changed.emit()

    def users(self) -> list[User]:
        return self.store.users()

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
        raise ValueError(f"{chosen} is not inside the shared folder {root}. "
                         "Choose a folder inside it.")
    parts = real_chosen.relative_to(real_root).parts
    return "/" + "/".join(parts)
