"""The tray menu on the real window (the offscreen platform has no tray to show it in, but the
icon and its menu exist; `use_tray=True`), and `pier --hidden`: the address, Copy address,
Stop/Start sharing on the real server, Open window, Quit."""

from __future__ import annotations

import asyncio
import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import qasync
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.main import parse_gui_args, present, run_window
from app.services import AppServices
from server.paths import PierPaths
from tests.app.conftest import eventually, run
from tests.conftest import http_request
from tests.ui.conftest import DialogRecorder
from ui.main_window import MainWindow
from ui.tray import NOT_SHARING, Tray, tray_address

NAMES = ["trayAddressAction", "trayCopyAddressAction", "trayStartStopAction",
         "trayOpenWindowAction", "trayQuitAction"]


@pytest.fixture
def tray_window(qtbot: QtBot, aloop: qasync.QEventLoop, ui_paths: PierPaths,
                folder: Path) -> Iterator[MainWindow]:
    window = MainWindow(AppServices.create(ui_paths), use_tray=True)
    qtbot.addWidget(window)
    window.share_panel.port_spin.setValue(0)
    window.share_panel.set_folder(str(folder))
    yield window
    window.shutdown_blocking()


def tray_of(window: MainWindow) -> Tray:
    assert window.tray is not None
    return window.tray


def action(window: MainWindow, name: str) -> QAction:
    menu = tray_of(window).icon.contextMenu()
    assert isinstance(menu, QMenu) and menu.objectName() == "trayMenu"
    found = menu.findChild(QAction, name)
    assert found is not None, name
    return found


def trigger(window: MainWindow, aloop: qasync.QEventLoop, name: str) -> None:
    """Choose the tray menu's item, and wait for what it started."""
    window.last_task = None
    action(window, name).trigger()
    if window.last_task is not None:
        run(aloop, window.last_task)


def refused(port: int) -> bool:
    try:
        http_request(port, "GET", "/a.txt")
    except (ConnectionError, http.client.HTTPException, OSError):
        return True
    return False


def test_the_tray_menu_items_in_order(tray_window: MainWindow) -> None:
    menu = tray_of(tray_window).menu
    items = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert items == NAMES
    assert action(tray_window, "trayAddressAction").text() == NOT_SHARING
    assert not action(tray_window, "trayCopyAddressAction").isEnabled()
    assert action(tray_window, "trayStartStopAction").text() == "Start sharing"


def test_stop_and_start_from_the_tray_really_stop_and_start_the_share(
        tray_window: MainWindow, aloop: qasync.QEventLoop) -> None:
    trigger(tray_window, aloop, "trayStartStopAction")
    assert tray_window.controller.state is ServerState.RUNNING
    address = tray_of(tray_window).address
    assert address == tray_window.controller.urls[0]
    assert action(tray_window, "trayAddressAction").text() == f"Sharing at {address}"
    port = urlsplit(address).port
    assert port and http_request(port, "GET", "/a.txt") == (200, b"alpha\n")
    assert action(tray_window, "trayStartStopAction").text() == "Stop sharing"
    assert tray_of(tray_window).icon.toolTip() == f"Pier — sharing at {address}"

    trigger(tray_window, aloop, "trayStartStopAction")
    assert tray_window.controller.state is ServerState.STOPPED
    assert refused(port), "the listener is closed"
    assert action(tray_window, "trayAddressAction").text() == NOT_SHARING
    assert not action(tray_window, "trayAddressAction").isEnabled()
    assert action(tray_window, "trayStartStopAction").text() == "Start sharing"

    trigger(tray_window, aloop, "trayStartStopAction")  # and again: a new share
    port = urlsplit(tray_of(tray_window).address or "").port
    assert port and http_request(port, "GET", "/a.txt")[0] == 200


def test_copy_address_puts_the_shown_address_on_the_clipboard(
        tray_window: MainWindow, aloop: qasync.QEventLoop) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    trigger(tray_window, aloop, "trayStartStopAction")
    copy = action(tray_window, "trayCopyAddressAction")
    assert copy.isEnabled()
    copy.trigger()
    address = tray_of(tray_window).address
    assert clipboard.text() == address and address == tray_window.controller.urls[0]
    assert clipboard.text().startswith("http://127.0.0.1:")
    clipboard.setText("before")
    action(tray_window, "trayAddressAction").trigger()  # choosing the address copies it too
    assert clipboard.text() == address


def test_the_address_is_the_first_a_phone_can_use() -> None:
    urls = ["http://127.0.0.1:8000/", "http://192.168.1.20:8000/", "http://10.0.0.2:8000/"]
    assert tray_address(urls) == "http://192.168.1.20:8000/"
    assert tray_address(urls[:1]) == "http://127.0.0.1:8000/"
    assert tray_address([]) is None


def test_open_window_shows_the_hidden_window(tray_window: MainWindow, qtbot: QtBot,
                                             aloop: qasync.QEventLoop) -> None:
    assert not tray_window.isVisible()
    trigger(tray_window, aloop, "trayOpenWindowAction")
    qtbot.waitExposed(tray_window)
    assert tray_window.isVisible()


def test_start_without_a_folder_shows_the_window_and_asks_for_one(
        tray_window: MainWindow, aloop: qasync.QEventLoop,
        dialog_recorder: DialogRecorder, folder: Path) -> None:
    tray_window.share_panel.set_folder("")
    dialog_recorder.folder = str(folder)  # the chooser's answer
    trigger(tray_window, aloop, "trayStartStopAction")
    assert tray_window.isVisible()
    assert tray_window.controller.state is ServerState.RUNNING
    assert tray_window.controller.config is not None
    assert tray_window.controller.config.root == folder


def test_quit_from_the_tray_stops_sharing_and_ends(tray_window: MainWindow,
                                                  aloop: qasync.QEventLoop) -> None:
    trigger(tray_window, aloop, "trayStartStopAction")
    port = urlsplit(tray_of(tray_window).address or "").port
    ended: list[bool] = []
    tray_window.shutdown_finished.connect(lambda: ended.append(True))
    trigger(tray_window, aloop, "trayQuitAction")
    assert ended == [True]
    assert tray_window.controller.state is ServerState.STOPPED
    assert port and refused(port)


# ---- pier --hidden -----------------------------------------------------------------------------

def test_hidden_is_a_gui_flag() -> None:
    assert parse_gui_args(["--hidden", "--start", "/srv"]).hidden is True
    assert parse_gui_args([]).hidden is False


def test_hidden_with_a_tray_starts_sharing_with_the_window_hidden(
        tray_window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    """`pier --hidden --start DIR`, in-process: the share runs, no window shows."""

    async def launch() -> None:
        runner = asyncio.ensure_future(run_window(tray_window, str(folder), hidden=True))
        await eventually(lambda: tray_window.controller.state is ServerState.RUNNING)
        assert not tray_window.isVisible()
        port = urlsplit(tray_of(tray_window).address or "").port
        assert port and (await asyncio.to_thread(http_request, port, "GET", "/a.txt"))[0] == 200
        tray_window.request_quit()
        await runner

    run(aloop, launch())
    assert tray_window.controller.state is ServerState.STOPPED


def test_hidden_without_a_tray_shows_the_window_and_says_why(
        window: MainWindow, capsys: pytest.CaptureFixture[str]) -> None:
    window.hide()
    assert window.tray is None
    assert present(window, hidden=True) is True
    assert window.isVisible()
    assert "--hidden needs a system tray" in capsys.readouterr().err
    window.hide()
    assert present(window, hidden=False) is True
    assert window.isVisible() and capsys.readouterr().err == ""


def test_hidden_with_a_tray_leaves_the_window_hidden(tray_window: MainWindow,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert present(tray_window, hidden=True) is False
    assert not tray_window.isVisible()
    assert capsys.readouterr().err == ""
    assert present(tray_window, hidden=False) is True
    assert tray_window.isVisible()
