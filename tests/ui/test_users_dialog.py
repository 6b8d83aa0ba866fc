"""The Users dialog and the login/upload switches, driven for real: real Argon2 hashes, real
engine on port 0, real HTTP."""

from __future__ import annotations

import base64
import http.client
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from server.paths import PierPaths
from tests.app.conftest import run
from tests.ui.conftest import DialogRecorder, confirm
from tests.ui.test_main_window import start, stop
from ui.log_model import COL_STATUS, COL_USER
from ui.main_window import MainWindow
from ui.user_editor import UserEditor
from ui.users_dialog import UsersDialog

PASSWORD = "correct horse battery staple"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "docs").mkdir(parents=True)
    (root / "a.txt").write_text("alpha\n", encoding="utf-8")
    (root / "docs" / "notes.txt").write_text("notes\n", encoding="utf-8")
    return root


def request(url: str, path: str, *, user: str = "", password: str = "", method: str = "GET",
            body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    headers = {}
    if user:
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def declared_put_status(url: str, path: str, size: int) -> int:
    """Announce a PUT of ``size`` bytes and send none: the limit is checked before the body."""
    parts = urlsplit(url)
    head = (f"PUT {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Length: {size}\r\n"
            "Connection: close\r\n\r\n").encode("ascii")
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(head)
        status_line = sock.makefile("rb").readline()
    return int(status_line.split()[1])


def open_users(window: MainWindow, aloop: qasync.QEventLoop) -> UsersDialog:
    dialog = window.open_users_dialog()
    assert window.last_task is not None
    run(aloop, window.last_task)  # the accounts file is read off the GUI thread
    return dialog


def cell(dialog: UsersDialog, name: str, column: int) -> str:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == name:
            return dialog.table.item(row, column).text()
    raise AssertionError(f"{name} is not listed")


def add_alice(editor: UserEditor) -> None:
    editor.name_edit.setText("alice")
    editor.password_edit.setText(PASSWORD)
    editor.repeat_edit.setText(PASSWORD)


def test_add_edit_disable_and_delete_a_user(window: MainWindow, aloop: qasync.QEventLoop,
                                            folder: Path, qtbot: QtBot,
                                            dialog_recorder: DialogRecorder) -> None:
    window.share_panel.set_folder(str(folder))
    window.share_panel.upload_check.setChecked(True)  # no "(off for this share)" marks here
    dialog = open_users(window, aloop)
    assert dialog.table.rowCount() == 0 and not dialog.empty_label.isHidden()
    assert not dialog.edit_button.isEnabled()

    def mismatched(editor: UserEditor) -> None:
        add_alice(editor)
        editor.repeat_edit.setText("something else")

    dialog_recorder.modal = confirm(mismatched)
    assert dialog.add_user() is None, "a form with differing passwords is not accepted"
    assert dialog_recorder.modals[-1].error_label.text() == "The two passwords differ."

    def checked_add(editor: UserEditor) -> None:
        add_alice(editor)
        assert "Strong" in editor.strength_label.text()
        assert editor.advanced_box.isHidden(), "Digest waits under Advanced"

    dialog_recorder.modal = confirm(checked_add)
    dialog.add_button.click()
    assert dialog.busy_label.text().startswith("Adding alice")
    run(aloop, dialog.last_task)
    store = window.accounts.store
    assert store.get("alice") is not None
    assert store.password_hash("alice").startswith(("$argon2id$", "$scrypt$"))
    assert cell(dialog, "alice", 1) == "download" and cell(dialog, "alice", 3) == "Active"
    assert cell(dialog, "alice", 5) == "never"
    assert dialog.selected_name() == "alice" and dialog.edit_button.isEnabled()

    dialog_recorder.subfolder = str(folder / "docs")

    def give_upload_in_docs(editor: UserEditor) -> None:
        assert editor.name_edit.isReadOnly() and editor.name_edit.text() == "alice"
        editor.upload_check.setChecked(True)
        editor.only_radio.setChecked(True)
        editor.add_folder_button.click()
        editor.expiry_check.setChecked(True)
        editor.advanced_button.click()
        editor.digest_check.setChecked(True)

    dialog_recorder.modal = confirm(give_upload_in_docs)
    dialog.edit_button.click()
    run(aloop, dialog.last_task)
    alice = store.get("alice")
    assert alice is not None
    assert (alice.can_read, alice.can_upload, alice.folders) == (True, True, ("/docs",))
    assert alice.expires is not None and alice.digest
    assert cell(dialog, "alice", 1) == "download · upload · Digest"
    assert cell(dialog, "alice", 2) == "/docs"

    dialog_recorder.subfolder = str(folder.parent)  # outside the share: refused with a dialog
    dialog_recorder.modal = confirm(lambda editor: editor.add_folder_button.click())
    dialog.edit_button.click()
    run(aloop, dialog.last_task)
    assert dialog_recorder.errors[-1][0] == "Not inside the share"
    assert store.get("alice").folders == ("/docs",)

    dialog.enable_button.click()
    run(aloop, dialog.last_task)
    assert not store.get("alice").enabled
    assert cell(dialog, "alice", 3) == "Disabled" and dialog.enable_button.text() == "Enable"

    dialog_recorder.modal = confirm(add_alice)
    dialog.add_button.click()
    run(aloop, dialog.last_task)
    qtbot.waitUntil(lambda: len(dialog_recorder.errors) == 2)
    assert dialog_recorder.errors[-1] == ("Could not add the user",
                                          "A user named 'alice' already exists.")

    dialog.select_user("alice")
    dialog.delete_button.click()
    assert dialog_recorder.questions[-1][0] == "Delete the account?"
    run(aloop, dialog.last_task)
    assert store.get("alice") is None and dialog.table.rowCount() == 0


def test_change_password(window: MainWindow, aloop: qasync.QEventLoop,
                         dialog_recorder: DialogRecorder) -> None:
    run(aloop, window.accounts.add("bob", "first password 1"))
    dialog = open_users(window, aloop)
    dialog.select_user("bob")

    def new_password(editor: UserEditor) -> None:
        assert editor.mode == "password"
        editor.password_edit.setText("abc")
        assert "Too weak" in editor.strength_label.text()
        editor.password_edit.setText("a much longer new password")
        editor.repeat_edit.setText("a much longer new password")

    dialog_recorder.modal = confirm(new_password)
    dialog.password_button.click()
    run(aloop, dialog.last_task)
    store = window.accounts.store
    assert store.hasher.verify("a much longer new password", store.password_hash("bob"))


def test_login_required_lockout_and_release(window: MainWindow, aloop: qasync.QEventLoop,
                                            folder: Path, qtbot: QtBot) -> None:
    run(aloop, window.accounts.add("alice", PASSWORD))
    window.share_panel.login_check.setChecked(True)
    assert window.share_panel.anonymous_combo.currentData() == "none"
    url = start(window, aloop, folder)
    summary = window.share_panel.access_label.text()
    assert "Login required" in summary and "download only" in summary

    status, headers, _ = request(url, "/a.txt")
    assert status == 401 and headers["WWW-Authenticate"].startswith("Basic realm=")
    assert request(url, "/a.txt", user="alice", password=PASSWORD)[0] == 200

    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    model = window.model
    users = [model.data(model.index(row, COL_USER)) for row in range(2)]
    assert users == ["", "alice"]
    refused = model.index(0, COL_STATUS)
    assert model.data(refused, Qt.ItemDataRole.BackgroundRole) is not None
    assert "login" in model.data(refused, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, COL_STATUS), Qt.ItemDataRole.BackgroundRole) is None

    dialog = open_users(window, aloop)
    assert dialog.lockout_table.rowCount() == 0
    for _ in range(5):
        assert request(url, "/a.txt", user="alice", password="wrong")[0] == 401
    assert request(url, "/a.txt", user="alice", password=PASSWORD)[0] == 429
    dialog.refresh_lockouts()
    subjects = {dialog.lockout_table.item(row, 0).text()
                for row in range(dialog.lockout_table.rowCount())}
    assert subjects == {"address 127.0.0.1", "user alice"}
    assert dialog.tabs.tabText(1) == "Locked out (2)"
    while dialog.lockout_table.rowCount():
        button = dialog.lockout_table.cellWidget(0, 3)
        assert isinstance(button, QPushButton) and button.accessibleName().startswith("Release")
        button.click()
    assert window.accounts.lockouts() == []
    assert request(url, "/a.txt", user="alice", password=PASSWORD)[0] == 200
    stop(window, aloop)
    dialog.refresh_lockouts()
    assert "while sharing" in dialog.lockout_hint.text()


def test_login_without_accounts_offers_the_users_dialog(window: MainWindow,
                                                        aloop: qasync.QEventLoop, folder: Path,
                                                        qtbot: QtBot,
                                                        dialog_recorder: DialogRecorder) -> None:
    window.share_panel.login_check.setChecked(True)
    window.share_panel.set_folder(str(folder))
    window.share_panel.port_spin.setValue(0)
    task = window.request_start()
    assert task is not None
    run(aloop, task)
    qtbot.waitUntil(lambda: bool(dialog_recorder.questions))
    assert dialog_recorder.questions[0][0] == "No accounts yet"
    assert window.controller.state is ServerState.STOPPED
    assert window.users_dialog is not None and window.users_dialog.isVisible()
    run(aloop, window.last_task)


def test_visitors_may_download_when_chosen(window: MainWindow, aloop: qasync.QEventLoop,
                                           folder: Path) -> None:
    run(aloop, window.accounts.add("alice", PASSWORD))
    panel = window.share_panel
    panel.login_check.setChecked(True)
    panel.anonymous_combo.setCurrentIndex(panel.anonymous_combo.findData("read"))
    url = start(window, aloop, folder)
    assert "visitors may look and download" in panel.access_label.text()
    assert request(url, "/a.txt")[0] == 200
    assert request(url, "/a.txt", user="alice", password="wrong")[0] == 401
    stop(window, aloop)


def test_uploads_only_when_switched_on(window: MainWindow, aloop: qasync.QEventLoop,
                                       folder: Path) -> None:
    panel = window.share_panel
    assert not panel.max_upload_spin.isEnabled(), "sub-options follow their switch"
    assert not panel.permanent_check.isEnabled()
    url = start(window, aloop, folder)
    assert request(url, "/new.txt", method="PUT", body=b"data")[0] in (403, 405)
    assert not (folder / "new.txt").exists()
    stop(window, aloop)

    panel.upload_check.setChecked(True)
    assert panel.max_upload_spin.isEnabled()
    panel.max_upload_spin.setValue(1)  # MiB
    url = start(window, aloop, folder)
    assert "uploads allowed" in panel.access_label.text()
    assert panel.upload_check.isEnabled(), "options change while sharing"
    assert request(url, "/new.txt", method="PUT", body=b"data")[0] == 201
    assert (folder / "new.txt").read_bytes() == b"data"
    assert declared_put_status(url, "/big.bin", 1024 * 1024 + 1) == 413
    stop(window, aloop)
    settings = window.current_settings()
    assert settings.allow_upload and settings.max_upload_mib == 1


def test_options_survive_a_restart(ui_paths: PierPaths, window: MainWindow, qtbot: QtBot) -> None:
    from tests.ui.conftest import make_window

    panel = window.share_panel
    panel.login_check.setChecked(True)
    panel.anonymous_combo.setCurrentIndex(1)
    panel.upload_check.setChecked(True)
    panel.changes_check.setChecked(True)
    panel.https_check.setChecked(True)
    assert window.save_settings()
    second = make_window(qtbot, ui_paths)
    other = second.share_panel
    assert other.login_check.isChecked() and other.anonymous_combo.currentData() == "read"
    assert other.upload_check.isChecked() and other.changes_check.isChecked()
    assert other.https_check.isChecked()
    assert "HTTPS" in other.access_label.text()
    second.shutdown_blocking()


def test_users_menu_entry_has_a_shortcut(window: MainWindow, aloop: qasync.QEventLoop) -> None:
    actions = {a.text(): a for a in window.findChildren(type(window.start_stop_action))}
    users = actions["&Users and passwords…"]
    assert users.shortcut().toString() == "Ctrl+U"
    users.trigger()
    assert window.users_dialog is not None and window.users_dialog.isVisible()
    run(aloop, window.last_task)
    unnamed = [b for b in window.users_dialog.findChildren(QAbstractButton)
               if not b.accessibleName()]
    assert unnamed == []
