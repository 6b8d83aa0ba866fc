"""The Links tab in the real window: links made through the dialog into the test's config
folder, read back from links.toml, seen with a running share's addresses."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
import qasync
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from server.links import LinkStore
from server.paths import PierPaths
from tests.app.conftest import run
from tests.ui.conftest import DialogRecorder, confirm
from ui.link_dialog import NewLinkDialog
from ui.main_window import MainWindow

T = TypeVar("T")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    (root / "photos").mkdir(parents=True)
    (root / "photos" / "beach.jpg").write_bytes(b"jpg")
    (root / "report.pdf").write_bytes(b"%PDF-1.4")
    return root


def child(parent: QWidget, kind: type[T], name: str) -> T:
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def start(window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    child(window, QSpinBox, "portSpin").setValue(0)
    child(window, QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING


def stop(window: MainWindow, aloop: qasync.QEventLoop) -> None:
    """Each test that shares stops at its end (the window is closed before fixtures end)."""
    run(aloop, window.controller.stop())


def stored(paths: PierPaths) -> LinkStore:
    store = LinkStore(paths.links_file)
    store.load()
    return store


def table_text(window: MainWindow) -> list[list[str]]:
    table = child(window, QTableWidget, "linksTable")
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def make_link(window: MainWindow, recorder: DialogRecorder, path: Path, *, downloads: int = 0,
              pin: str = "", upload: bool = False, expiry: str = "1d") -> NewLinkDialog:
    def fill(dialog: NewLinkDialog) -> None:
        child(dialog, QLineEdit, "linkPathEdit").setText(str(path))
        combo = child(dialog, QComboBox, "linkExpiryCombo")
        combo.setCurrentIndex(combo.findData(expiry))
        child(dialog, QSpinBox, "linkDownloadsSpin").setValue(downloads)
        child(dialog, QLineEdit, "linkPinEdit").setText(pin)
        child(dialog, QCheckBox, "linkUploadCheck").setChecked(upload)

    recorder.modal = confirm(fill)
    child(window, QPushButton, "newLinkButton").click()
    dialog = recorder.modals[-1]
    assert isinstance(dialog, NewLinkDialog)
    return dialog


def test_a_link_made_in_the_dialog_is_listed_with_its_url_qr_and_copy(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, ui_paths: PierPaths,
        dialog_recorder: DialogRecorder) -> None:
    tab = window.monitor_tabs.links_tab
    assert window.monitor_tabs.tabText(window.monitor_tabs.indexOf(tab)) == "Links"
    assert not child(window, QPushButton, "newLinkButton").isEnabled()  # no folder yet
    child(window, QComboBox, "scopeCombo").setCurrentIndex(1)  # the network: a QR code shows
    start(window, aloop, folder)
    dialog = make_link(window, dialog_recorder, folder / "photos", downloads=3, pin="2468",
                       upload=True)
    assert dialog.created_id is not None
    [link] = stored(ui_paths).list()
    assert (link.id, link.kind, link.downloads_allowed, link.upload, link.has_pin) == (
        dialog.created_id, "folder", 3, True, True)
    assert window.monitor_tabs.currentWidget() is tab
    [row] = table_text(window)
    assert row[0] == "photos/" and row[2] == "active" and row[4] == "0 of 3"
    lan = [url for url in window.controller.urls if not url.startswith("http://127.")]
    assert row[1] == lan[0].rstrip("/") + f"/.well-known/pier/l/{link.token}"
    assert tab.selected_id() == link.id
    qr = child(window, QLabel, "linkQr")
    assert not qr.pixmap().isNull() and qr.toolTip() == row[1]
    child(window, QPushButton, "copyLinkButton").click()
    assert QGuiApplication.clipboard().text() == row[1]
    stop(window, aloop)


def test_a_file_link_ends_in_the_file_name_and_revoke_writes_the_file(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, ui_paths: PierPaths,
        dialog_recorder: DialogRecorder) -> None:
    start(window, aloop, folder)
    make_link(window, dialog_recorder, folder / "report.pdf", expiry="1h")
    [link] = stored(ui_paths).list()
    [row] = table_text(window)
    assert row[1].endswith(f"/.well-known/pier/l/{link.token}/report.pdf")
    revoke = child(window, QPushButton, "revokeLinkButton")
    assert "ends the link at once" in revoke.toolTip()
    revoke.click()
    assert dialog_recorder.questions == []  # no question asked
    assert stored(ui_paths).list()[0].revoked
    assert table_text(window)[0][2] == "revoked"
    assert not revoke.isEnabled()
    assert child(window, QLabel, "linkQr").pixmap().isNull()
    stop(window, aloop)


def test_links_can_be_made_while_stopped_and_get_urls_once_sharing(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path,
        dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    window.monitor_tabs.links_tab.refresh()
    assert child(window, QPushButton, "newLinkButton").isEnabled()
    make_link(window, dialog_recorder, folder / "report.pdf")
    assert table_text(window)[0][1] == "(once sharing)"
    assert not child(window, QPushButton, "copyLinkButton").isEnabled()
    start(window, aloop, folder)
    assert table_text(window)[0][1].startswith("http://")
    assert child(window, QPushButton, "copyLinkButton").isEnabled()
    stop(window, aloop)
    assert table_text(window)[0][1] == "(once sharing)"


def test_a_path_outside_the_share_is_refused_in_the_dialog(
        window: MainWindow, folder: Path, tmp_path: Path, ui_paths: PierPaths,
        dialog_recorder: DialogRecorder) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("no")
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    window.monitor_tabs.links_tab.refresh()
    dialog = make_link(window, dialog_recorder, outside)
    assert dialog.created_id is None
    buttons = dialog.findChildren(QAbstractButton)
    assert buttons and [b.text() for b in buttons if not b.accessibleName()] == []
    error = child(dialog, QLabel, "linkDialogError")
    assert "not inside the shared folder" in error.text()
    assert not ui_paths.links_file.exists() or stored(ui_paths).list() == []
    assert table_text(window) == []


def test_upload_is_offered_for_folders_only_and_a_date_can_be_chosen(
        window: MainWindow, folder: Path, dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    window.monitor_tabs.links_tab.refresh()

    def fill(dialog: NewLinkDialog) -> None:
        path = child(dialog, QLineEdit, "linkPathEdit")
        upload = child(dialog, QCheckBox, "linkUploadCheck")
        date = child(dialog, QDateEdit, "linkDateEdit")
        path.setText(str(folder / "report.pdf"))
        assert not upload.isEnabled()
        path.setText(str(folder / "photos"))
        assert upload.isEnabled()
        assert not date.isEnabled()
        combo = child(dialog, QComboBox, "linkExpiryCombo")
        combo.setCurrentIndex(combo.findData("date"))
        assert date.isEnabled()
        date.setDate(date.date().addDays(5))

    dialog_recorder.modal = confirm(fill)
    child(window, QPushButton, "newLinkButton").click()
    [row] = table_text(window)
    assert row[0] == "photos/" and row[3] != "never"


def test_a_link_made_by_another_store_shows_up_after_the_refresh(
        window: MainWindow, qtbot: QtBot, folder: Path, ui_paths: PierPaths) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    ui_paths.config.mkdir(parents=True, exist_ok=True)
    cli = stored(ui_paths)  # as `pier link create` would
    made = cli.create(str(folder / "report.pdf"), "file", downloads_allowed=2)
    qtbot.waitUntil(lambda: [r[0] for r in table_text(window)] == ["report.pdf"], timeout=5000)
    cli.count_download(made.token, "192.168.7.7")
    cli.flush()
    qtbot.waitUntil(lambda: table_text(window)[0][4] == "1 of 2", timeout=5000)
    assert table_text(window)[0][5].startswith("192.168.7.7")


def test_a_locked_link_can_be_unlocked(window: MainWindow, qtbot: QtBot, folder: Path,
                                       ui_paths: PierPaths) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    ui_paths.config.mkdir(parents=True, exist_ok=True)
    engine_side = stored(ui_paths)
    made = engine_side.create(str(folder / "photos"), "folder", pin="1234")
    for attempt in range(10):
        engine_side.check_pin(made, "0000", f"10.0.0.{attempt}")
    qtbot.waitUntil(lambda: [r[2] for r in table_text(window)] == ["locked"], timeout=5000)
    tab = window.monitor_tabs.links_tab
    tab.select(made.id)
    unlock = child(window, QPushButton, "unlockLinkButton")
    assert unlock.isEnabled()
    unlock.click()
    assert table_text(window)[0][2] == "active"
    assert stored(ui_paths).list()[0].locked_until is None


def _drop_event(path: Path, mime: QMimeData) -> tuple[QDragEnterEvent, QDropEvent]:
    """The events of dragging ``path`` onto the window (``mime`` must outlive them)."""
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return enter, drop


def test_dropping_an_item_of_the_share_opens_new_link_with_it(
        window: MainWindow, qtbot: QtBot, folder: Path,
        dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    seen: list[str] = []

    def look(dialog: QDialog) -> bool:
        seen.append(child(dialog, QLineEdit, "linkPathEdit").text())
        return False

    dialog_recorder.modal = look
    mime = QMimeData()
    enter, drop = _drop_event(folder / "report.pdf", mime)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: seen == [str(folder / "report.pdf")], timeout=5000)
    assert child(window, QLineEdit, "folderEdit").text() == str(folder)  # not a new share


def test_a_folder_outside_the_share_is_still_chosen_as_the_share(
        window: MainWindow, folder: Path, tmp_path: Path,
        dialog_recorder: DialogRecorder) -> None:
    other = tmp_path / "other"
    other.mkdir()
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    mime = QMimeData()
    _enter, drop = _drop_event(other, mime)
    window.dropEvent(drop)
    assert child(window, QLineEdit, "folderEdit").text() == str(other)
    assert dialog_recorder.modals == []


def test_a_too_short_pin_is_refused_in_the_dialog(window: MainWindow, folder: Path,
                                                  ui_paths: PierPaths,
                                                  dialog_recorder: DialogRecorder) -> None:
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    dialog = make_link(window, dialog_recorder, folder / "report.pdf", pin="12")
    assert dialog.created_id is None
    assert "4 to 64 characters" in child(dialog, QLabel, "linkDialogError").text()
    assert table_text(window) == []
