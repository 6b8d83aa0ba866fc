"""From launch to a phone (issue 22 §2): the first-run question, letting the network in from a
share only this computer can open, and the addresses on screen at common screen sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.settings import SCOPE_LAN, SCOPE_LOCAL, SettingsStore
from server.config import ALL_INTERFACES
from server.paths import PierPaths
from tests.app.conftest import run
from tests.ui.conftest import DialogRecorder, make_window
from tests.ui.test_main_window import child, start, stop
from ui.main_window import MainWindow


def test_first_run_asks_who_may_open_the_share_once(ui_paths: PierPaths, qtbot: QtBot) -> None:
    window = make_window(qtbot, ui_paths)
    question = child(window, QFrame, "firstRunQuestion")
    assert not question.isHidden()
    assert "Who should be able to open this?" in child(window, QLabel, "firstRunTitle").text()
    child(window, QPushButton, "firstRunLanButton").click()
    assert question.isHidden()
    assert child(window, QComboBox, "scopeCombo").currentData() == SCOPE_LAN
    saved = SettingsStore(ui_paths.settings_file).load().settings
    assert saved.scope_asked and saved.scope == SCOPE_LAN
    window.shutdown_blocking()
    again = make_window(qtbot, ui_paths)
    assert child(again, QFrame, "firstRunQuestion").isHidden(), "asked once"
    again.shutdown_blocking()


def test_this_computer_answer_keeps_the_share_local(ui_paths: PierPaths, qtbot: QtBot) -> None:
    window = make_window(qtbot, ui_paths)
    child(window, QPushButton, "firstRunLocalButton").click()
    assert child(window, QComboBox, "scopeCombo").currentData() == SCOPE_LOCAL
    assert SettingsStore(ui_paths.settings_file).load().settings.scope_asked
    window.shutdown_blocking()


def test_starting_without_answering_counts_as_the_answer(ui_paths: PierPaths,
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    start(window, aloop, folder)
    assert child(window, QFrame, "firstRunQuestion").isHidden()
    assert SettingsStore(ui_paths.settings_file).load().settings.scope_asked
    stop(window, aloop)


def test_let_devices_on_my_network_in_moves_the_share_to_the_lan_without_stopping(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    local_url = start(window, aloop, folder)
    port = window.controller.port
    button = child(window, QPushButton, "letLanInButton")
    assert button.isVisibleTo(window) and child(window, QLabel, "qrCode").isHidden()
    assert "no QR code" in child(window, QLabel, "urlHint").text()
    states: list[ServerState] = []
    window.controller.state_changed.connect(states.append)
    button.click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    config = window.controller.config
    assert states == [], "the share never stopped"
    assert window.controller.state is ServerState.RUNNING
    assert config is not None and config.host == ALL_INTERFACES
    assert window.controller.port == port, "same port: the bookmark keeps working"
    assert child(window, QComboBox, "scopeCombo").currentData() == SCOPE_LAN
    assert window.controller.urls[0] == local_url
    assert window.statusBar().currentMessage().startswith("Now sharing on the local network")
    if len(window.controller.urls) > 1:  # a machine with a network address
        assert not child(window, QLabel, "qrCode").isHidden()
        assert button.isHidden()
    stop(window, aloop)


def visible_in(widget: QWidget, viewport: QWidget) -> bool:
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
def test_addresses_and_qr_show_without_scrolling(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        size: tuple[int, int]) -> None:
    window.resize(*size)
    child(window, QComboBox, "scopeCombo").setCurrentIndex(1)
    start(window, aloop, folder)
    panel = window.share_panel
    parts = [panel.url_list, panel.copy_button, panel.open_button]
    if len(window.controller.urls) > 1:
        parts.append(panel.qr_label)
    viewport = window.panel_scroll.viewport()
    qtbot.waitUntil(lambda: all(visible_in(part, viewport) for part in parts))
    stop(window, aloop)


def test_the_window_fits_the_screen_it_opens_on(window: MainWindow) -> None:
    room = window.screen().availableGeometry()  # 800x800 on the offscreen platform
    smallest = window.minimumSizeHint()  # the request log's toolbar sets the width (~1100)
    window.resize(room.width() + 500, room.height() + 500)
    window.fit_to_screen()
    assert window.width() <= max(room.width(), smallest.width())
    assert window.height() <= max(room.height(), smallest.height())
    assert window.frameGeometry().topLeft() == room.topLeft() or room.contains(
        window.frameGeometry())


def test_new_parts_have_names(window: MainWindow, dialog_recorder: DialogRecorder) -> None:
    for name in ("firstRunQuestion", "addressBox"):
        assert window.findChild(QWidget, name) is not None
    for name in ("firstRunLocalButton", "firstRunLanButton", "letLanInButton",
                 "copyAddressButton", "openInBrowserButton"):
        assert child(window, QPushButton, name).accessibleName()
