"""The window's Settings menu ("Start Pier when I log in", "Start hidden in the tray and share
the last folder") and Help menu ("Add to / Remove from applications menu") on real files: the
window's Desktop service writes under the test's config folder (AppServices.create without a
desktop), or under a folder the test gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.autostart import LoginStart
from app.desktop import Desktop
from app.services import AppServices
from app.settings import SettingsStore
from server.paths import PierPaths
from tests.app.conftest import run
from tests.app.test_desktop_entry import exec_argv, read_entry
from tests.ui.conftest import DialogRecorder
from ui.main_window import MainWindow


def desktop_of(paths: PierPaths) -> Desktop:
    """The same Desktop the window gets from AppServices.create(paths)."""
    return Desktop.under(paths.config / "desktop")


def autostart_file(paths: PierPaths) -> Path:
    return paths.config / "desktop" / "config" / "autostart" / "pier.desktop"


def started_at_login(paths: PierPaths) -> list[str] | None:
    path = autostart_file(paths)
    return exec_argv(read_entry(path)["Exec"]) if path.exists() else None


def open_window(qtbot: QtBot, paths: PierPaths, desktop: Desktop | None = None) -> MainWindow:
    window = MainWindow(AppServices.create(paths, desktop=desktop), use_tray=False)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, aloop: qasync.QEventLoop, ui_paths: PierPaths) -> Iterator[MainWindow]:
    win = open_window(qtbot, ui_paths)
    yield win
    win.shutdown_blocking()


def menu_action(window: MainWindow, menu_name: str, action_name: str) -> QAction:
    menu = window.menuBar().findChild(QMenu, menu_name)
    assert menu is not None, menu_name
    found = [a for a in menu.actions() if a.objectName() == action_name]
    assert len(found) == 1, action_name
    return found[0]


def login(window: MainWindow) -> QAction:
    return menu_action(window, "settingsMenu", "startAtLoginAction")


def hidden(window: MainWindow) -> QAction:
    return menu_action(window, "settingsMenu", "startHiddenAction")


def saved(paths: PierPaths) -> tuple[bool, bool]:
    settings = SettingsStore(paths.settings_file).load().settings
    return settings.start_at_login, settings.start_hidden


def test_start_at_login_writes_and_removes_the_autostart_entry(
        window: MainWindow, ui_paths: PierPaths, folder: Path) -> None:
    window.share_panel.set_folder(str(folder))
    assert not login(window).isChecked() and not hidden(window).isEnabled()
    login(window).trigger()
    assert started_at_login(ui_paths) == ["pier"]
    assert hidden(window).isEnabled() and saved(ui_paths) == (True, False)

    hidden(window).trigger()
    assert started_at_login(ui_paths) == ["pier", "--hidden", "--start", str(folder)]
    assert saved(ui_paths) == (True, True)

    login(window).trigger()
    assert not autostart_file(ui_paths).exists()
    assert not hidden(window).isEnabled(), "the second needs the first"
    assert hidden(window).isChecked(), "kept for the next time login is turned on"
    assert saved(ui_paths) == (False, True)
    login(window).trigger()
    assert started_at_login(ui_paths) == ["pier", "--hidden", "--start", str(folder)]


def test_the_window_shows_what_the_login_record_says(
        qtbot: QtBot, aloop: qasync.QEventLoop, ui_paths: PierPaths) -> None:
    desktop_of(ui_paths).set_login_start(LoginStart(True, True, "/srv/photos"))
    window = open_window(qtbot, ui_paths)
    assert login(window).isChecked() and hidden(window).isChecked()
    assert hidden(window).isEnabled()
    window.shutdown_blocking()
    assert saved(ui_paths) == (True, True)

    # the desktop's own startup settings switched it off meanwhile: the file wins
    path = autostart_file(ui_paths)
    path.write_text(path.read_text("utf-8") + "Hidden=true\n", "utf-8")
    window = open_window(qtbot, ui_paths)
    assert not login(window).isChecked() and not hidden(window).isEnabled()
    window.shutdown_blocking()
    assert saved(ui_paths) == (False, True)

    path.unlink()  # settings say on, no record: off
    window = open_window(qtbot, ui_paths)
    assert not login(window).isChecked()
    window.shutdown_blocking()


def test_the_folder_started_at_login_follows_the_last_share(
        window: MainWindow, aloop: qasync.QEventLoop, ui_paths: PierPaths,
        folder: Path, tmp_path: Path) -> None:
    login(window).trigger()
    hidden(window).trigger()
    assert started_at_login(ui_paths) == ["pier", "--hidden"], "no folder chosen yet"
    other = tmp_path / "other"
    other.mkdir()
    window.share_panel.port_spin.setValue(0)
    task = window.start_sharing(str(other))
    assert task is not None
    run(aloop, task)
    assert started_at_login(ui_paths) == ["pier", "--hidden", "--start", str(other)]


def test_a_login_record_that_cannot_be_written_is_said_and_not_shown_on(
        window: MainWindow, ui_paths: PierPaths, dialog_recorder: DialogRecorder) -> None:
    autostart_file(ui_paths).parent.parent.mkdir(parents=True)
    autostart_file(ui_paths).parent.write_text("a file where the folder goes", "utf-8")
    login(window).trigger()
    assert [title for title, _text in dialog_recorder.errors] == \
        ["Could not change starting at login"]
    assert str(autostart_file(ui_paths)) in dialog_recorder.errors[0][1]
    assert not login(window).isChecked() and saved(ui_paths) == (False, False)


def test_on_macos_the_setting_writes_a_launch_agent_and_help_has_no_menu_entry(
        qtbot: QtBot, aloop: qasync.QEventLoop, ui_paths: PierPaths, tmp_path: Path) -> None:
    desktop = Desktop.under(tmp_path / "mac", platform="darwin")
    window = open_window(qtbot, ui_paths, desktop)
    login(window).trigger()
    assert (tmp_path / "mac/home/Library/LaunchAgents/io.github.pier.plist").is_file()
    assert desktop.login_start() == LoginStart(True, False, None)
    help_menu = window.menuBar().findChild(QMenu, "helpMenu")
    assert help_menu is not None
    assert "menuEntryAction" not in [a.objectName() for a in help_menu.actions()]
    assert "connectionDoctorAction" in [a.objectName() for a in help_menu.actions()]
    window.shutdown_blocking()


def test_add_to_and_remove_from_the_applications_menu(
        window: MainWindow, ui_paths: PierPaths, dialog_recorder: DialogRecorder) -> None:
    item = menu_action(window, "helpMenu", "menuEntryAction")
    entry = ui_paths.config / "desktop" / "data" / "applications" / "pier.desktop"
    assert item.text() == "Add to applications &menu"
    item.trigger()
    assert exec_argv(read_entry(entry)["Exec"]) == ["pier"]
    assert dialog_recorder.infos[-1][0] == "Added to the applications menu"
    assert str(entry) in dialog_recorder.infos[-1][1]
    assert item.text() == "Remove from applications &menu"
    item.trigger()
    assert not entry.exists()
    assert dialog_recorder.infos[-1][0] == "Removed from the applications menu"
    assert item.text() == "Add to applications &menu"

    desktop_of(ui_paths).install_menu_entry()  # pier --install-desktop-entry meanwhile
    help_menu = window.menuBar().findChild(QMenu, "helpMenu")
    assert help_menu is not None
    help_menu.aboutToShow.emit()
    assert item.text() == "Remove from applications &menu"


def test_a_menu_entry_that_cannot_be_written_is_said(
        window: MainWindow, ui_paths: PierPaths, dialog_recorder: DialogRecorder) -> None:
    data = ui_paths.config / "desktop" / "data"
    data.parent.mkdir(parents=True)
    data.write_text("a file where the folder goes", "utf-8")
    menu_action(window, "helpMenu", "menuEntryAction").trigger()
    assert [title for title, _text in dialog_recorder.errors] == \
        ["Could not change the applications menu"]
    assert dialog_recorder.infos == []
    assert menu_action(window, "helpMenu", "menuEntryAction").text() == \
        "Add to applications &menu"
