"""Accounts and make_config as the window uses them: real files, real crypto."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync

from app.accounts import Accounts, folder_limit
from app.controller import (
    NoAccountsError,
    ShareRequest,
    make_config,
    summary_of_config,
    summary_of_request,
)
from app.settings import SCOPE_LOCAL
from server.paths import PierPaths
from server.users import UserStore
from tests.app.conftest import run


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "photos" / "2024").mkdir(parents=True)
    return root


def test_share_uploads_state_is_kept_and_announced(qtbot, tmp_path: Path) -> None:
    accounts = Accounts(UserStore(tmp_path / "users.toml"))
    assert accounts.share_uploads
    with qtbot.waitSignal(accounts.changed):
        accounts.set_share_uploads(False)
    assert not accounts.share_uploads
    with qtbot.assertNotEmitted(accounts.changed):
        accounts.set_share_uploads(False)


def test_folder_limit_is_relative_to_the_share(folder: Path, tmp_path: Path) -> None:
    assert folder_limit(folder, folder / "photos" / "2024") == "/photos/2024"
    assert folder_limit(folder, folder) == "/"
    with pytest.raises(ValueError, match="not inside the shared folder"):
        folder_limit(folder, tmp_path)
    (tmp_path / "sharepoint").mkdir()
    with pytest.raises(ValueError):  # a sibling with the same prefix is outside
        folder_limit(folder, tmp_path / "sharepoint")


def test_accounts_hash_off_the_gui_thread_and_announce_changes(
        aloop: qasync.QEventLoop, qtbot,
        app_paths: PierPaths) -> None:
    accounts = Accounts(UserStore(app_paths.users_file))
    changes: list[bool] = []
    accounts.changed.connect(lambda: changes.append(True))
    user = run(aloop, accounts.add("zoë", "a long enough password", can_upload=True))
    assert user.name == "zoë" and user.can_upload
    run(aloop, accounts.update("zoë", enabled=False))
    assert [u.enabled for u in run(aloop, accounts.load())] == [False]
    run(aloop, accounts.remove("zoë"))
    assert accounts.users() == [] and len(changes) == 4


def test_make_config_wires_login_uploads_and_https(app_paths: PierPaths, folder: Path) -> None:
    store = UserStore(app_paths.users_file)
    with pytest.raises(NoAccountsError, match="no accounts yet"):
        make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0, require_login=True), app_paths, store)
    store.add("alice", "a long enough password")
    share = ShareRequest(str(folder), SCOPE_LOCAL, 0, require_login=True, anonymous_read=True,
                         upload=True, modify=True, permanent_deletes=True,
                         max_upload_bytes=1024, https=True)
    config = make_config(share, app_paths, store)
    assert config.auth is not None and config.auth.anonymous_read
    assert config.auth.store is store and config.auth.realm == "Pier - share"
    assert (config.upload, config.modify, config.max_upload_bytes) == (True, True, 1024)
    assert config.permanent_deletes and not config.overwrite
    assert not (config.anonymous_upload or config.anonymous_modify)
    assert config.tls is not None and config.tls.chain_path.is_file()
    assert config.tls.ca_pem is not None and config.tls.ca_pem.startswith(b"-----BEGIN")
    assert summary_of_config(config) == summary_of_request(share)
    plain = make_config(ShareRequest(str(folder), SCOPE_LOCAL, 0, permanent_deletes=True,
                                     anonymous_read=True, anonymous_upload=True,
                                     anonymous_modify=True, max_upload_bytes=5), app_paths)
    assert (plain.auth, plain.tls, plain.upload, plain.modify, plain.max_upload_bytes) == \
        (None, None, False, False, None)
    assert not (plain.permanent_deletes or plain.anonymous_upload or plain.anonymous_modify), \
        "permanent deletes follow Allow changes; visitor levels only mean something with a login"
    assert summary_of_config(plain).startswith("No login")
