"""Drive the real window: real engine on port 0, real HTTP, real settings file."""

from __future__ import annotations

import asyncio
import csv
import json
import socket
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest
import qasync
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.main import run_window
from app.settings import SettingsStore
from server.paths import PierPaths
from tests.app.conftest import eventually, run
from tests.conftest import fetch_statuses, non_daemon_threads
from tests.ui.conftest import DialogRecorder, make_window
from ui import dialogs
from ui.main_window import MainWindow

T = TypeVar("T")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_text("alpha\n", encoding="utf-8")
    (root / "b.txt").write_text("beta\n", encoding="utf-8")
    return root


def child(window: MainWindow, kind: type[T], name: str) -> T:
    widget = window.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def shown_url(window: MainWindow) -> str:
    urls = child(window, QListWidget, "urlList")
    return urls.item(0).text()


def fetch(url: str, paths: list[str]) -> list[int]:
    """GET every path on one keep-alive connection; return the statuses."""
    parts = urlsplit(url)
    return fetch_statuses(parts.port, paths, host=parts.hostname)


def start(window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> str:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    child(window, QSpinBox, "portSpin").setValue(0)
    child(window, QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING
    return shown_url(window)


def stop(window: MainWindow, aloop: qasync.QEventLoop) -> None:
    child(window, QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.STOPPED


def test_stable_object_names_and_accessible_buttons(window: MainWindow) -> None:
    assert window.objectName() == "mainWindow"
    for kind, name in ((QLineEdit, "folderEdit"), (QSpinBox, "portSpin"),
                       (QComboBox, "scopeCombo"), (QPushButton, "startStopButton"),
                       (QListWidget, "urlList"), (QLabel, "qrCode"),
                       (QTableView, "requestLog"), (QLineEdit, "logFilter")):
        child(window, kind, name)
    buttons = window.findChildren(QAbstractButton)
    assert buttons
    assert [b for b in buttons if not b.accessibleName()] == []
    assert window.windowTitle() == "Pier" and not window.windowIcon().isNull()


def test_share_serve_filter_export_and_stop(window: MainWindow, aloop: qasync.QEventLoop,
                                            folder: Path, qtbot: QtBot, tmp_path: Path,
                                            dialog_recorder: DialogRecorder) -> None:
    before = non_daemon_threads()
    url = start(window, aloop, folder)
    port = urlsplit(url).port
    assert url == f"http://127.0.0.1:{port}/"
    assert child(window, QLineEdit, "folderEdit").isEnabled(), "settings change while sharing"
    assert child(window, QLabel, "qrCode").isHidden(), "a phone cannot open 127.0.0.1"
    assert child(window, QPushButton, "letLanInButton").isVisibleTo(window)

    statuses = fetch(url, ["/a.txt"] * 20 + ["/b.txt"] * 10 + ["/missing"] * 5)
    assert statuses == [200] * 30 + [404] * 5
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == 35)
    qtbot.waitUntil(lambda: child(window, QLabel, "requestsCounter").text() == "35")

    qtbot.keyClicks(child(window, QLineEdit, "logFilter"), "b.txt")
    proxy = window.log_panel.proxy
    qtbot.waitUntil(lambda: proxy.rowCount() == 10)
    window.log_panel.status_combo.setCurrentIndex(
        window.log_panel.status_combo.findText("Client errors (4xx)"))
    assert proxy.rowCount() == 0
    window.log_panel.filter_edit.clear()
    window.log_panel.apply_filters_now()
    assert proxy.rowCount() == 5

    table = child(window, QTableView, "requestLog")
    table.selectRow(0)
    assert "/missing" in window.log_panel.details.toPlainText()
    assert "404" in window.log_panel.details.toPlainText()

    dialog_recorder.export_path = tmp_path / "errors.csv"
    window.log_panel.export_button.click()
    with dialog_recorder.export_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["path"], r["status"]) for r in rows] == [("/missing", "404")] * 5

    window.log_panel.status_combo.setCurrentIndex(0)
    dialog_recorder.export_path = tmp_path / "all.jsonl"
    window.log_panel.export_button.click()
    lines = dialog_recorder.export_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 35 and json.loads(lines[0])["path"] == "/a.txt"

    stop(window, aloop)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    assert child(window, QLineEdit, "folderEdit").isEnabled()
    assert child(window, QListWidget, "urlList").count() == 0
    assert non_daemon_threads() <= before
    assert dialog_recorder.errors == []


def test_pause_holds_rows_and_clear_empties_the_log(window: MainWindow,
                                                    aloop: qasync.QEventLoop, folder: Path,
                                                    qtbot: QtBot) -> None:
    url = start(window, aloop, folder)
    panel = window.log_panel
    panel.pause_button.click()
    assert fetch(url, ["/a.txt"] * 12) == [200] * 12
    qtbot.waitUntil(lambda: panel.held_count == 12)
    assert window.model.rowCount() == 0
    panel.pause_button.click()
    assert window.model.rowCount() == 12 and panel.held_count == 0
    clear = next(a for a in window.findChildren(type(window.start_stop_action))
                 if a.text() == "C&lear")
    assert clear.shortcut().toString() == "Ctrl+L"
    clear.trigger()
    assert window.model.rowCount() == 0
    stop(window, aloop)


def test_port_in_use_offers_a_free_port(window: MainWindow, aloop: qasync.QEventLoop,
                                        folder: Path, dialog_recorder: DialogRecorder) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        child(window, QLineEdit, "folderEdit").setText(str(folder))
        child(window, QSpinBox, "portSpin").setValue(busy)

        async def scenario() -> None:
            child(window, QPushButton, "startStopButton").click()
            await eventually(lambda: window.controller.state is ServerState.RUNNING)

        run(aloop, scenario())
    assert len(dialog_recorder.questions) == 1
    title, text = dialog_recorder.questions[0]
    assert title == "Port in use" and str(busy) in text
    assert child(window, QSpinBox, "portSpin").value() == 0
    assert window.controller.port not in (None, busy)
    stop(window, aloop)


def test_declining_another_port_stays_stopped(window: MainWindow, aloop: qasync.QEventLoop,
                                              folder: Path,
                                              dialog_recorder: DialogRecorder) -> None:
    dialog_recorder.answer_yes = False
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        child(window, QLineEdit, "folderEdit").setText(str(folder))
        child(window, QSpinBox, "portSpin").setValue(taken.getsockname()[1])

        async def scenario() -> None:
            child(window, QPushButton, "startStopButton").click()
            await eventually(lambda: dialog_recorder.questions)

        run(aloop, scenario())
    assert window.controller.state is ServerState.STOPPED


def test_missing_folder_shows_a_dialog(window: MainWindow, aloop: qasync.QEventLoop,
                                       tmp_path: Path, dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(tmp_path / "gone"))
    child(window, QSpinBox, "portSpin").setValue(0)

    async def scenario() -> None:
        child(window, QPushButton, "startStopButton").click()
        await eventually(lambda: dialog_recorder.errors)

    run(aloop, scenario())
    assert dialog_recorder.errors[0][0] == "Cannot share this folder"
    assert "does not exist" in dialog_recorder.errors[0][1]
    assert window.controller.state is ServerState.STOPPED


def test_start_without_a_folder_opens_the_folder_chooser(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path,
        dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText("")
    child(window, QSpinBox, "portSpin").setValue(0)
    dialog_recorder.folder = None  # the chooser is cancelled: nothing happens, no error
    child(window, QPushButton, "startStopButton").click()
    assert dialog_recorder.errors == []
    assert window.controller.state is ServerState.STOPPED
    dialog_recorder.folder = str(folder)  # a folder is chosen: sharing starts with it
    child(window, QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING
    assert child(window, QLineEdit, "folderEdit").text() == str(folder)
    assert dialog_recorder.errors == []
    stop(window, aloop)


def test_an_invalid_port_is_refused_with_a_message(window: MainWindow, folder: Path,
                                                   dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    spin = child(window, QSpinBox, "portSpin")
    spin.clear()
    spin.lineEdit().insert("99999")
    spin.interpretText()
    assert spin.value() == 99999, "typed as is, not cut to 9999 or 65535"
    child(window, QPushButton, "startStopButton").click()
    assert dialog_recorder.errors == [
        ("Invalid port", "99999 is not a port number. Choose a port from 1 to 65535, or "
                         "“Any free port”.")]
    assert window.controller.state is ServerState.STOPPED
    assert spin.value() == 99999, "never silently changed"


def test_any_free_port_keeps_its_port_for_the_next_start(ui_paths: PierPaths,
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    first = start(window, aloop, folder)
    port = urlsplit(first).port
    assert SettingsStore(ui_paths.settings_file).load().settings.free_port == port
    stop(window, aloop)
    assert start(window, aloop, folder) == first, "bookmarks and printed QR codes keep working"
    assert child(window, QLabel, "portNotice").isHidden()
    stop(window, aloop)


def test_a_taken_remembered_port_is_replaced_and_said(ui_paths: PierPaths,
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    port = urlsplit(start(window, aloop, folder)).port
    stop(window, aloop)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        new_port = urlsplit(start(window, aloop, folder)).port
    assert new_port != port
    notice = child(window, QLabel, "portNotice")
    assert notice.isVisibleTo(window) and f"Port {port}" in notice.text()
    assert SettingsStore(ui_paths.settings_file).load().settings.free_port == new_port
    stop(window, aloop)
    assert notice.isHidden()


def test_window_title_names_the_shared_folder_once(window: MainWindow,
                                                   aloop: qasync.QEventLoop,
                                                   folder: Path) -> None:
    start(window, aloop, folder)
    assert window.windowTitle() == "Pier — sharing share"
    stop(window, aloop)
    assert window.windowTitle() == "Pier"


def test_open_in_browser_failing_says_why(window: MainWindow, aloop: qasync.QEventLoop,
                                          folder: Path, monkeypatch: pytest.MonkeyPatch,
                                          dialog_recorder: DialogRecorder) -> None:
    url = start(window, aloop, folder)
    monkeypatch.setattr(dialogs, "open_in_browser", lambda _url: False)
    child(window, QPushButton, "openInBrowserButton").click()
    assert len(dialog_recorder.errors) == 1
    title, text = dialog_recorder.errors[0]
    assert title == "Could not open a browser"
    assert url in text and "Copy address" in text
    stop(window, aloop)


def test_corrupt_settings_show_a_dialog_and_defaults(qtbot: QtBot, aloop: qasync.QEventLoop,
                                                     ui_paths: PierPaths, ui_config_dir: Path,
                                                     folder: Path,
                                                     dialog_recorder: DialogRecorder) -> None:
    ui_config_dir.mkdir()
    (ui_config_dir / "settings.toml").write_text("this is = = not toml", encoding="utf-8")
    window = make_window(qtbot, ui_paths)

    async def scenario() -> None:
        session = asyncio.ensure_future(run_window(window, str(folder)))
        await eventually(lambda: window.controller.state is ServerState.RUNNING)
        window.request_quit()
        await session

    run(aloop, scenario())
    assert len(dialog_recorder.errors) == 1
    title, text = dialog_recorder.errors[0]
    assert title == "Settings were reset" and "damaged" in text
    assert list(ui_config_dir.glob("settings.toml.bad-*"))
    saved = SettingsStore(ui_paths.settings_file).load()
    assert saved.problem is None and saved.settings.folder == str(folder)
    assert window.controller.state is ServerState.STOPPED


def test_settings_survive_a_restart(ui_paths: PierPaths, qtbot: QtBot, aloop: qasync.QEventLoop,
                                    folder: Path) -> None:
    first = make_window(qtbot, ui_paths)
    child(first, QLineEdit, "folderEdit").setText(str(folder))
    child(first, QSpinBox, "portSpin").setValue(8765)
    child(first, QComboBox, "scopeCombo").setCurrentIndex(1)
    first.log_panel.table.setColumnWidth(4, 444)
    run(aloop, first.request_quit())
    second = make_window(qtbot, ui_paths)
    assert child(second, QLineEdit, "folderEdit").text() == str(folder)
    assert child(second, QSpinBox, "portSpin").value() == 8765
    assert child(second, QComboBox, "scopeCombo").currentData() == "lan"
    assert second.log_panel.table.columnWidth(4) == 444
    second.shutdown_blocking()


def test_dropping_a_folder_chooses_it(window: MainWindow, folder: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert child(window, QLineEdit, "folderEdit").text() == str(folder)
    assert MainWindow.dropped_folder(event) == str(folder)


def test_lan_scope_lists_lan_addresses_and_selects_one_for_the_qr(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    child(window, QComboBox, "scopeCombo").setCurrentIndex(1)
    start(window, aloop, folder)
    urls = [child(window, QListWidget, "urlList").item(i).text()
            for i in range(child(window, QListWidget, "urlList").count())]
    assert urls == window.controller.urls and urls[0].startswith("http://127.0.0.1:")
    selected = window.share_panel.selected_url()
    if len(urls) > 1:
        assert not selected.startswith("http://127.0.0.1")
    window.share_panel.open_button.click()
    stop(window, aloop)


def test_standard_shortcuts(window: MainWindow) -> None:
    actions = {a.text(): a.shortcuts() for a in window.findChildren(type(window.start_stop_action))}
    assert "Ctrl+Q" in [s.toString() for s in actions["&Quit"]]
    assert "Ctrl+F" in [s.toString() for s in actions["&Filter…"]]
    assert "Ctrl+L" in [s.toString() for s in actions["C&lear"]]


def test_filter_shortcut_brings_the_log_forward(window: MainWindow) -> None:
    window.monitor_tabs.setCurrentIndex(1)  # Traffic
    filter_action = next(a for a in window.findChildren(type(window.start_stop_action))
                         if a.text() == "&Filter…")
    filter_action.trigger()
    assert window.monitor_tabs.currentWidget() is window.log_panel
