"""Helpers of the file-operation tests (issue 17): a policy-bound FileAccess for a share's
switches and a principal, and a temporary freedesktop trash."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from server.access import FileAccess, policy_for
from server.auth import Authenticator
from server.http11 import HttpError
from server.users import User, UserStore
from tests.server.conftest import config_of

ACCOUNT_RIGHTS = {"can_upload": True, "can_modify": True}


def access_for(root: Path, user: User | None = None, *, protected: Iterable[Path] = (),
               **options: Any) -> FileAccess:
    """``user``'s FileAccess to the share at ``root`` with the config ``options``."""
    config = config_of(root, protected_paths=tuple(protected), **options)
    return policy_for(config).bind(user)


def login(folder: Path, *, anonymous_read: bool = False) -> Authenticator:
    """A login layer without accounts (the tests hand the policy its User)."""
    store = UserStore(folder / "users.toml")
    store.load()
    return Authenticator(store, "Pier - share", anonymous_read=anonymous_read)


def account(name: str = "ann", **rights: Any) -> User:
    return User(name=name, **{**ACCOUNT_RIGHTS, **rights})


def status_of(action: Any, *args: Any, **kwargs: Any) -> int:
    """The status an operation is refused with; 0 when it is done."""
    try:
        action(*args, **kwargs)
    except HttpError as err:
        return err.status
    return 0


def temporary_trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """send2trash moves deletes to $XDG_DATA_HOME/Trash when they lie on the home folder's
    disk: both point into ``tmp_path`` (the share's disk). send2trash reads XDG_DATA_HOME when
    it is imported, so its module is loaded again with the test's environment, and again after.
    Yields the trash's ``files`` folder."""
    data = tmp_path / "xdg-data"
    data.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    import send2trash.plat_other as freedesktop

    importlib.reload(freedesktop)
    assert os.stat(tmp_path).st_dev == os.stat(data).st_dev
    yield data / "Trash" / "files"
    monkeypatch.undo()
    importlib.reload(freedesktop)


def trashed(trash: Path) -> list[str]:
    return sorted(os.listdir(trash)) if trash.exists() else []
