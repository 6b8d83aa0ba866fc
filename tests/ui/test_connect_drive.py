""""Connect as a drive…" (issue 17): offered only while sharing; its dialog shows, per system,
addresses with the running share's port and scheme (checked against the address list and a
real WebDAV request), Copy puts one on the clipboard, and the dialog follows the share (HTTPS,
a login with Digest MD5 for Windows, stopped)."""

from __future__ import annotations

import http.client
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import qasync
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.app.conftest import run
from tests.ui.test_main_window import start, stop
from ui.connect_drive import ConnectDriveDialog
from ui.main_window import MainWindow

SYSTEMS = ("windows", "macos", "gnome", "kde", "rclone", "davfs2")
PASSWORD = "meadow-kettle-orbit"
Q = TypeVar("Q", bound=QObject)


def child(parent: QWidget, kind: type[Q], name: str) -> Q:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def open_dialog(window: MainWindow, qtbot: QtBot) -> ConnectDriveDialog:
    button = child(window, QPushButton, "connectDriveButton")
    assert button.isVisible() and button.isEnabled()
    button.click()
    dialog = window.findChild(ConnectDriveDialog, "connectDriveDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def field(dialog: ConnectDriveDialog, system: str, row: int = 0) -> str:
    return child(dialog, QLineEdit, f"{system}DriveAddress{row}").text()


def fields(dialog: ConnectDriveDialog, system: str) -> list[str]:
    found = []
    while dialog.findChild(QLineEdit, f"{system}DriveAddress{len(found)}") is not None:
        found.append(field(dialog, system, len(found)))
    return found


def propfind_status(url: str) -> int:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("PROPFIND", "/", headers={"Depth": "0"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_offered_only_while_sharing(window: MainWindow, aloop: qasync.QEventLoop,
                                    folder: Path) -> None:
    action = child(window, QAction, "connectDriveAction")
    button = child(window, QPushButton, "connectDriveButton")
    assert not action.isEnabled() and not button.isVisible() and not button.isEnabled()
    assert window.connect_drive.open() is None
    assert action in window.menuBar().actions()[0].menu().actions()  # the Share menu
    start(window, aloop, folder)
    assert action.isEnabled() and button.isVisible() and button.isEnabled()
    assert button.accessibleName() == "Connect as a drive…"
    stop(window, aloop)
    assert not action.isEnabled() and not button.isVisible()


def test_the_addresses_match_the_share_and_copy_puts_one_on_the_clipboard(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    url = start(window, aloop, folder)
    urls = child(window, QListWidget, "urlList")
    shown = [urls.item(i).text() for i in range(urls.count())]
    port = urlsplit(url).port
    assert url.startswith("http://") and port
    dialog = open_dialog(window, qtbot)
    tabs = child(dialog, QTabWidget, "connectDriveTabs")
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == \
        [f"{system}DriveTab" for system in SYSTEMS]
    assert f"port {port}" in child(dialog, QLabel, "connectDriveSummary").text()
    hosts = [urlsplit(u).hostname for u in shown]
    assert sorted(fields(dialog, "macos")) == sorted(shown)
    assert sorted(fields(dialog, "windows")) == sorted(
        f"\\\\{host}@{port}\\DavWWWRoot" for host in hosts)
    assert sorted(fields(dialog, "gnome")) == sorted(f"dav://{h}:{port}/" for h in hosts)
    assert sorted(fields(dialog, "kde")) == sorted(f"webdav://{h}:{port}/" for h in hosts)
    assert f"url={url} " in field(dialog, "rclone")
    assert field(dialog, "davfs2").startswith("sudo mount -t davfs http://")
    assert propfind_status(field(dialog, "macos")) == 207  # the address is a WebDAV server

    tabs.setCurrentIndex(SYSTEMS.index("windows"))
    copy = child(dialog, QPushButton, "windowsDriveCopy0")
    assert copy.accessibleName()
    copy.click()
    assert QGuiApplication.clipboard().text() == field(dialog, "windows")
    assert field(dialog, "windows") in child(dialog, QLabel, "connectDriveCopied").text()
    assert child(dialog, QLineEdit, "windowsDriveAddress0").isReadOnly()

    stop(window, aloop)  # the open dialog follows the share
    assert not child(dialog, QLabel, "connectDriveIdle").isHidden()
    assert tabs.isHidden() and dialog.findChild(QLineEdit, "windowsDriveAddress0") is None


def test_https_with_a_digest_md5_account(window: MainWindow, aloop: qasync.QEventLoop,
                                         folder: Path, qtbot: QtBot) -> None:
    run(aloop, window.accounts.add("win", PASSWORD, digest=True, digest_md5=True))
    window.share_panel.login_check.setChecked(True)
    window.share_panel.https_check.setChecked(True)
    url = start(window, aloop, folder)
    port = urlsplit(url).port
    dialog = open_dialog(window, qtbot)
    assert field(dialog, "windows").endswith(f"@SSL@{port}\\DavWWWRoot")
    assert f"davs://127.0.0.1:{port}/" in fields(dialog, "gnome")
    assert f"webdavs://127.0.0.1:{port}/" in fields(dialog, "kde")
    assert field(dialog, "rclone").endswith(" user=ACCOUNT")
    summary = child(dialog, QLabel, "connectDriveSummary").text()
    assert "HTTPS" in summary and "login required" in summary
    notes = child(dialog, QLabel, "windowsDriveNotes").text()
    assert "Trusted Root Certification Authorities" in notes and "Basic" in notes
    stop(window, aloop)

    window.share_panel.https_check.setChecked(False)  # plain HTTP: Windows needs Digest MD5
    start(window, aloop, folder)
    notes = child(dialog, QLabel, "windowsDriveNotes").text()
    assert "Digest (MD5)" in notes and "Also MD5" in notes
    assert field(dialog, "windows").endswith(f"@{window.controller.port}\\DavWWWRoot")
    stop(window, aloop)
