"""The window while the shared folder is gone (issue 22 §3): a red banner at once, a status that
is not green, and both gone again when the same folder is back. Real engine, real HTTP."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import qasync
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from tests.app.conftest import run
from ui.main_window import MainWindow
from ui.share_banner import (
    BANNER_BACKGROUND,
    BANNER_TEXT,
    GONE_DOT,
    banner_text,
    contrast_ratio,
)
from ui.share_panel import STATE_TEXT

GREEN = STATE_TEXT[ServerState.RUNNING][1]
WAIT_MS = 10_000  # a bound on waiting, not a duration the test relies on


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "Holiday photos"
    root.mkdir()
    (root / "beach.jpg").write_bytes(b"\xff\xd8 not really a photo")
    return root


def banner(window: MainWindow) -> QFrame:
    found = window.findChild(QFrame, "shareUnavailableBanner")
    assert found is not None
    return found


def state_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "stateLabel")
    assert label is not None
    return label.text()


def start(window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> int:
    window.findChild(QLineEdit, "folderEdit").setText(str(folder))
    window.findChild(QSpinBox, "portSpin").setValue(0)
    window.findChild(QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING
    port = urlsplit(window.controller.urls[0]).port
    assert port is not None
    return port


def status_of(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_banner_while_the_folder_is_gone(window: MainWindow, aloop: qasync.QEventLoop,
                                         folder: Path, qtbot: QtBot) -> None:
    port = start(window, aloop, folder)
    assert not banner(window).isVisible()
    assert GREEN in state_text(window)

    away = folder.with_name("elsewhere")
    folder.rename(away)
    qtbot.waitUntil(lambda: banner(window).isVisible(), timeout=WAIT_MS)
    text = banner(window).findChild(QLabel, "shareUnavailableText").text()
    assert text == banner_text(str(folder.resolve()))
    assert "This share is unavailable" in text
    assert GREEN not in state_text(window) and GONE_DOT in state_text(window)
    assert status_of(port, "/beach.jpg") == 503

    folder.mkdir()  # another, empty folder at the same path: still not the share
    assert status_of(port, "/beach.jpg") == 503
    folder.rmdir()
    away.rename(folder)
    qtbot.waitUntil(lambda: not banner(window).isVisible(), timeout=WAIT_MS)
    assert GREEN in state_text(window)
    assert status_of(port, "/beach.jpg") == 200

    folder.rename(away)  # gone again, then the share is stopped: no banner when not sharing
    qtbot.waitUntil(lambda: banner(window).isVisible(), timeout=WAIT_MS)
    window.findChild(QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.STOPPED
    assert not banner(window).isVisible()
    assert GONE_DOT not in state_text(window)


def test_banner_text_is_readable() -> None:
    assert contrast_ratio(BANNER_TEXT, BANNER_BACKGROUND) >= 4.5
    assert round(contrast_ratio("#ffffff", "#000000"), 1) == 21.0


def test_banner_pixels_are_red_with_white_text(window: MainWindow, qtbot: QtBot) -> None:
    """The style sheet really paints: the banner's background is the red it claims to be."""
    shown = banner(window)
    shown.findChild(QLabel, "shareUnavailableText").setText(banner_text("/media/usb/photos"))
    shown.show()
    qtbot.waitUntil(lambda: shown.height() > 0)
    image = shown.grab().toImage()
    corner = image.pixelColor(2, 2).name()
    assert corner == BANNER_BACKGROUND
    colours = {image.pixelColor(x, y).name() for x in range(image.width())
               for y in range(image.height())}
    assert BANNER_TEXT in colours
