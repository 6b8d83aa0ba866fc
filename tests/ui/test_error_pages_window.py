"""The window's "Error pages folder" (Limits & access): chosen while sharing it reaches the
running share at once (asserted on the real server's answers), is saved, and a folder inside
a share that accepts uploads is refused with the usual dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.settings import SettingsStore
from server.paths import PierPaths
from tests.app.conftest import run
from tests.conftest import http_request
from tests.ui.conftest import DialogRecorder
from tests.ui.test_live_settings import apply, start
from ui import error_pages_box
from ui.main_window import MainWindow

HTML = {"Accept": "text/html"}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "errors"
    folder.mkdir()
    (folder / "404.html").write_text("<h1>OWNER-404 {path}</h1>", encoding="utf-8")
    return folder


def choose(monkeypatch: pytest.MonkeyPatch, window: MainWindow, folder: Path) -> None:
    monkeypatch.setattr(error_pages_box, "ask_error_pages_folder", lambda *_: str(folder))
    window.monitor_tabs.limits_panel.error_pages.choose_button.click()


def test_a_folder_chosen_while_sharing_applies_at_once_and_is_saved(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, pages: Path,
        ui_paths: PierPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    port = start(window, aloop, folder)
    status, body = http_request(port, "GET", "/nope", headers=HTML)
    assert status == 404 and b"OWNER-404" not in body
    choose(monkeypatch, window, pages)
    apply(window, aloop)
    assert http_request(port, "GET", "/nope", headers=HTML) == (404, b"<h1>OWNER-404 /nope</h1>")
    assert window.controller.port == port
    saved = SettingsStore(ui_paths.settings_file).load().settings
    assert saved.error_pages == str(pages)
    box = window.monitor_tabs.limits_panel.error_pages
    assert box.edit.objectName() == "errorPagesEdit" and box.edit.text() == str(pages)
    box.clear_button.click()  # Pier's own pages again
    assert box.edit.text() == ""
    apply(window, aloop)
    status, body = http_request(port, "GET", "/nope", headers=HTML)
    assert status == 404 and b"OWNER-404" not in body


def test_a_folder_inside_an_uploadable_share_is_refused_while_sharing(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        dialog_recorder: DialogRecorder, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = folder / "errors"
    inside.mkdir()
    (inside / "404.html").write_text("<h1>UPLOADED-404</h1>", encoding="utf-8")
    window.share_panel.upload_check.setChecked(True)
    port = start(window, aloop, folder)
    choose(monkeypatch, window, inside)
    apply(window, aloop)
    qtbot.waitUntil(lambda: bool(dialog_recorder.errors))
    title, text = dialog_recorder.errors[0]
    assert title == "Could not change the share" and "inside the shared folder" in text
    assert window.controller.state is ServerState.RUNNING
    assert window.monitor_tabs.limits_panel.error_pages.folder == "", "shows what is in force"
    status, body = http_request(port, "GET", "/nope", headers=HTML)
    assert status == 404 and b"UPLOADED-404" not in body


def test_start_is_refused_with_the_reason(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path,
        dialog_recorder: DialogRecorder, monkeypatch: pytest.MonkeyPatch) -> None:
    choose(monkeypatch, window, folder)
    window.share_panel.upload_check.setChecked(True)
    window.share_panel.folder_edit.setText(str(folder))
    window.share_panel.port_spin.setValue(0)
    window.share_panel.start_button.click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is not ServerState.RUNNING
    assert any("inside the shared folder" in text for _, text in dialog_recorder.errors)
