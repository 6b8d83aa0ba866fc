"""Accounts for the window: the UserStore behind the Users dialog, with its slow parts (password
hashing, file writes) run off the GUI thread, and the small rules the dialog shows."""

from __future__ import annotations

import asyncio
import os
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from server.users import User, UserStore

MIN_GOOD_LENGTH = 12


class Accounts(QObject):
    """One UserStore shared by the Users dialog and the running share's Authenticator, so a
    change made in the dialog applies at once. ``changed`` is emitted after every change."""

    changed = Signal()

    def __init__(self, store: UserStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store if store is not None else UserStore()

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


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0 (empty) .. 4 (strong)
    label: str  # "weak", "fair", "good", "strong"
    advice: str  # what would make it better, "" when nothing


def password_strength(password: str) -> Strength:
    """A hint from the length and the kinds of characters used. Not a guarantee: a long
    sentence of common words scores well and is fine; "Password1!" scores fair and is not."""
    if not password:
        return Strength(0, "", "")
    classes = character_classes(password)
    length = len(password)
    if length < 8:
        score = 1
    elif length < MIN_GOOD_LENGTH:
        score = 2 if classes >= 3 else 1
    elif length < 16:
        score = 2 + (1 if classes >= 3 else 0) + (1 if classes >= 4 else 0)
    else:
        score = 3 + (1 if classes >= 2 else 0)
    score = min(score, 4)
    label = ("", "weak", "fair", "good", "strong")[score]
    return Strength(score, label, _advice(length, classes, score))


def character_classes(password: str) -> int:
    """How many of lower case, upper case, digits and other characters appear."""
    kinds = (
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c in string.digits for c in password),
        any(not c.isalnum() for c in password),
    )
    return sum(kinds)


def _advice(length: int, classes: int, score: int) -> str:
    if score >= 4:
        return ""
    if length < MIN_GOOD_LENGTH:
        return f"Use at least {MIN_GOOD_LENGTH} characters; a few unrelated words work well."
    if classes < 3:
        return "Mix upper and lower case, digits or symbols, or make it longer."
    return "Longer is stronger."


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
