"""The modify right in the window (issue 17): "Allow changes", permanent deletes and the
visitor levels of the share panel, and "Change and delete" of the Users dialog. Each control is
saved, loaded again and reaches the ServerConfig of a real started share."""

from __future__ import annotations

from pathlib import Path

import qasync
from pytestqt.qtbot import QtBot

from app.settings import SettingsStore
from server.paths import PierPaths
from tests.app.conftest import run
from tests.ui.conftest import DialogRecorder, confirm, make_window
from tests.ui.test_main_window import start, stop
from tests.ui.test_users_dialog import PASSWORD, cell, open_users, request
from ui.main_window import MainWindow
from ui.share_panel import ANONYMOUS_MODIFY, ANONYMOUS_READ, ANONYMOUS_UPLOAD
from ui.user_editor import UserEditor
from ui.users_dialog import UPLOADS_OFF_MARK


def choose_level(window: MainWindow, level: str) -> None:
    combo = window.share_panel.anonymous_combo
    combo.setCurrentIndex(combo.findData(level))
    assert combo.currentData() == level


def test_change_controls_round_trip_and_reach_the_running_share(
        ui_paths: PierPaths, window: MainWindow, aloop: qasync.QEventLoop, folder: Path,
        qtbot: QtBot) -> None:
    panel = window.share_panel
    assert not panel.changes_check.isChecked() and not panel.permanent_check.isChecked()
    assert not panel.permanent_check.isEnabled(), "permanent deletes follow Allow changes"
    run(aloop, window.accounts.add("alice", PASSWORD))
    panel.login_check.setChecked(True)
    choose_level(window, ANONYMOUS_MODIFY)
    panel.upload_check.setChecked(True)
    panel.changes_check.setChecked(True)
    assert panel.permanent_check.isEnabled()
    panel.permanent_check.setChecked(True)
    panel.set_folder(str(folder))
    assert window.save_settings()

    second = make_window(qtbot, ui_paths)
    other = second.share_panel
    assert other.changes_check.isChecked() and other.permanent_check.isChecked()
    assert other.anonymous_combo.currentData() == ANONYMOUS_MODIFY
    second.shutdown_blocking()

    url = start(window, aloop, folder)
    config = window.controller.config
    assert config is not None and config.auth is not None and config.auth.anonymous_read
    assert (config.upload, config.modify, config.permanent_deletes) == (True, True, True)
    assert (config.anonymous_upload, config.anonymous_modify) == (True, True)
    assert "rename, move and delete" in panel.access_label.text()
    assert request(url, "/a.txt", method="PUT", body=b"new")[0] == 204, \
        "a visitor with the modify level replaces a file"
    assert (folder / "a.txt").read_bytes() == b"new"
    stop(window, aloop)


def test_without_changes_a_visitor_who_may_upload_cannot_replace(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    panel = window.share_panel
    run(aloop, window.accounts.add("alice", PASSWORD))
    panel.login_check.setChecked(True)
    choose_level(window, ANONYMOUS_UPLOAD)
    panel.upload_check.setChecked(True)
    panel.changes_check.setChecked(True)
    panel.permanent_check.setChecked(True)
    panel.changes_check.setChecked(False)
    assert not panel.permanent_check.isEnabled()
    url = start(window, aloop, folder)
    config = window.controller.config
    assert config is not None
    assert (config.modify, config.permanent_deletes) == (False, False)
    assert (config.anonymous_upload, config.anonymous_modify) == (True, False)
    assert "rename" not in panel.access_label.text()
    assert request(url, "/a.txt", method="PUT", body=b"new")[0] == 409
    assert request(url, "/b.txt", method="PUT", body=b"b")[0] == 201
    assert (folder / "a.txt").read_text(encoding="utf-8") == "alpha\n"
    stop(window, aloop)
    settings = window.current_settings()
    assert settings.anonymous_read and settings.anonymous_upload
    assert not (settings.anonymous_modify or settings.allow_changes)


def test_visitor_level_read_keeps_changes_to_accounts(window: MainWindow,
                                                      aloop: qasync.QEventLoop,
                                                      folder: Path) -> None:
    panel = window.share_panel
    run(aloop, window.accounts.add("alice", PASSWORD, can_upload=True, can_modify=True))
    run(aloop, window.accounts.add("bob", PASSWORD, can_upload=True))
    panel.login_check.setChecked(True)
    choose_level(window, ANONYMOUS_READ)
    panel.upload_check.setChecked(True)
    panel.changes_check.setChecked(True)
    url = start(window, aloop, folder)
    text = panel.access_label.text()
    assert "visitors may look and download" in text
    assert "accounts with “change” may rename, move and delete" in text
    assert request(url, "/a.txt", method="PUT", body=b"x")[0] in (401, 403)
    assert request(url, "/a.txt", method="PUT", body=b"x", user="bob",
                   password=PASSWORD)[0] == 409, "an account without the change right"
    assert request(url, "/a.txt", method="PUT", body=b"x", user="alice",
                   password=PASSWORD)[0] == 204
    stop(window, aloop)


def test_a_saved_overwrite_comes_back_as_allow_changes(ui_paths: PierPaths, qtbot: QtBot,
                                                       aloop: qasync.QEventLoop) -> None:
    ui_paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    ui_paths.settings_file.write_text("allow_upload = true\noverwrite = true\n",
                                      encoding="utf-8")
    window = make_window(qtbot, ui_paths)
    panel = window.share_panel
    assert panel.upload_check.isChecked() and panel.changes_check.isChecked()
    assert not panel.permanent_check.isChecked()
    assert window.save_settings()
    saved = ui_paths.settings_file.read_text(encoding="utf-8")
    assert "allow_changes = true" in saved and "overwrite" not in saved
    assert SettingsStore(ui_paths.settings_file).load().settings.allow_changes
    window.shutdown_blocking()


def test_users_dialog_saves_the_change_right(window: MainWindow, aloop: qasync.QEventLoop,
                                             dialog_recorder: DialogRecorder) -> None:
    run(aloop, window.accounts.add("bob", PASSWORD))
    window.share_panel.changes_check.setChecked(True)  # no "(off for this share)" marks here
    dialog = open_users(window, aloop)
    assert "change" not in cell(dialog, "bob", 1)

    def give_change(editor: UserEditor) -> None:
        assert not editor.modify_check.isChecked()
        assert editor.modify_check.objectName() == "userCanModify"
        editor.modify_check.setChecked(True)

    dialog_recorder.modal = confirm(give_change)
    dialog.select_user("bob")
    dialog.edit_button.click()
    run(aloop, dialog.last_task)
    bob = window.accounts.store.get("bob")
    assert bob is not None and bob.can_modify
    assert cell(dialog, "bob", 1) == "download · change"
    window.share_panel.changes_check.setChecked(False)
    assert cell(dialog, "bob", 1) == f"download · change {UPLOADS_OFF_MARK}"
    assert not dialog.changes_off_label.isHidden()

    dialog_recorder.modal = confirm(lambda editor: editor.modify_check.isChecked()
                                    and editor.modify_check.setChecked(False))
    dialog.edit_button.click()
    run(aloop, dialog.last_task)
    assert not window.accounts.store.get("bob").can_modify
