"""Texts in the real window (offscreen): "Share text…" puts a text on the page (and at
/.well-known/pier/text) until cleared or stopped; a text posted from the page shows the banner,
whose Copy puts it on the clipboard; a hostile text stays plain text."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.conftest import http_request
from tests.ui.test_main_window import child, start, stop
from ui.main_window import MainWindow

HOSTILE = '<img src=x onerror="alert(1)"><b>bold</b>\nsecond line'


def request(url: str, method: str, path: str, body: bytes = b"",
            headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    parts = urlsplit(url)
    return http_request(parts.port or 80, method, path, body, headers,
                        host=parts.hostname or "")


def on_the_page(url: str) -> object:
    status, body = request(url, "GET", "/.well-known/pier/text")
    assert status == 200
    return json.loads(body)["text"]


def test_share_text_shows_it_on_the_page_until_cleared_or_stopped(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    action = window.findChild(type(window.texts.share_action), "shareTextAction")
    assert action is window.texts.share_action and not action.isEnabled()
    url = start(window, aloop, folder)
    assert action.isEnabled()
    assert child(window, QFrame, "sharedTextBar").isVisibleTo(window)
    QGuiApplication.clipboard().setText("from the clipboard")
    action.trigger()
    dialog = window.texts.bar.dialog
    assert dialog is not None and dialog.objectName() == "shareTextDialog"
    edit = dialog.findChild(QPlainTextEdit, "shareTextEdit")
    assert edit is not None and edit.toPlainText() == "from the clipboard"
    edit.setPlainText("shared from the window\nline 2")
    confirm = dialog.findChild(QPushButton, "shareTextConfirmButton")
    assert confirm is not None
    confirm.click()
    assert on_the_page(url) == "shared from the window\nline 2"
    assert child(window, QLabel, "sharedTextLabel").text() == (
        "On the page: shared from the window")
    status, page = request(url, "GET", "/")
    assert status == 200 and b'id="text-card"' in page
    child(window, QPushButton, "clearSharedTextButton").click()
    assert on_the_page(url) is None
    QGuiApplication.clipboard().setText("again")
    window.findChild(type(action), "shareClipboardAction").trigger()  # Ctrl+V in the window
    pasted = window.texts.bar.dialog
    assert pasted is not dialog and pasted.edit.toPlainText() == "again"
    pasted.accept()
    assert on_the_page(url) == "again"
    stop(window, aloop)
    assert window.controller.share_control.texts.shared is None
    assert not action.isEnabled()


def test_a_posted_text_shows_the_banner_and_copy_puts_it_on_the_clipboard(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    child(window, QCheckBox, "allowUploadCheck").setChecked(True)
    url = start(window, aloop, folder)
    banner = child(window, QFrame, "receivedTextBanner")
    assert not banner.isVisibleTo(window)
    status, _ = request(url, "POST", "/", urlencode({"text": HOSTILE}).encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 201
    qtbot.waitUntil(lambda: banner.isVisibleTo(window))
    label = child(window, QLabel, "receivedTextLabel")
    assert label.textFormat() == Qt.TextFormat.PlainText  # shown as typed, never as markup
    assert label.text() == HOSTILE
    assert child(window, QLabel, "receivedTextTitle").text().startswith("Text from 127.0.0.1")
    QGuiApplication.clipboard().clear()
    child(window, QPushButton, "copyReceivedTextButton").click()
    assert QGuiApplication.clipboard().text() == HOSTILE
    saved = [p for p in folder.iterdir() if p.name.startswith("text-")]
    assert len(saved) == 1 and saved[0].read_text(encoding="utf-8") == HOSTILE
    child(window, QPushButton, "dismissReceivedTextButton").click()
    assert not banner.isVisibleTo(window)
    stop(window, aloop)
