"""The window's settings change while sharing: the controls stay enabled and each change reaches
the running share (asserted on what the real server answers), without a stop and a start."""

from __future__ import annotations

import base64
import socket
from pathlib import Path

import qasync
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.settings import SCOPE_LAN, SettingsStore
from server.paths import PierPaths
from tests.app.conftest import run
from tests.conftest import http_request, read_until_closed
from tests.ui.conftest import DialogRecorder
from ui.main_window import MainWindow

PASSWORD = "meadow-kettle-orbit"
ALICE = {"Authorization": "Basic " + base64.b64encode(f"alice:{PASSWORD}".encode()).decode()}


def start(window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> int:
    window.share_panel.folder_edit.setText(str(folder))
    window.share_panel.port_spin.setValue(0)
    window.share_panel.start_button.click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING
    port = window.controller.port
    assert port is not None
    return port


def apply(window: MainWindow, aloop: qasync.QEventLoop) -> None:
    """What the timer does after a change, without waiting for it."""
    assert window.live.timer.isActive(), "the change was seen"
    task = window.live.apply_now()
    assert task is not None
    run(aloop, task)


def never_stopped(window: MainWindow) -> list[ServerState]:
    states: list[ServerState] = []
    window.controller.state_changed.connect(states.append)
    return states


def test_the_controls_stay_enabled_and_login_applies_at_once(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    panel = window.share_panel
    run(aloop, window.accounts.add("alice", PASSWORD))
    port = start(window, aloop, folder)
    states = never_stopped(window)
    for widget in (panel.folder_edit, panel.choose_button, panel.scope_combo, panel.port_spin,
                   panel.hidden_check, panel.website_check, panel.login_check,
                   panel.upload_check, panel.changes_check, panel.https_check):
        assert widget.isEnabled(), widget.objectName()
    assert http_request(port, "GET", "/a.txt") == (200, b"alpha\n")
    panel.login_check.setChecked(True)
    apply(window, aloop)
    assert http_request(port, "GET", "/a.txt")[0] == 401
    assert http_request(port, "GET", "/a.txt", headers=ALICE) == (200, b"alpha\n")
    assert window.controller.port == port and states == []
    assert "Login required" in panel.access_label.text()
    assert window.statusBar().currentMessage() == "New settings apply now, from the next request"


def test_uploads_and_their_limit_apply_at_once_and_are_saved(
        ui_paths: PierPaths, window: MainWindow, aloop: qasync.QEventLoop,
        folder: Path) -> None:
    panel = window.share_panel
    panel.upload_check.setChecked(True)
    port = start(window, aloop, folder)
    assert http_request(port, "PUT", "/one.txt", b"12345")[0] == 201
    panel.max_upload_spin.setValue(1)  # 1 MiB
    apply(window, aloop)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # refused unsent
        sock.sendall(f"PUT /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                     f"Content-Length: {1024 * 1024 + 1}\r\n\r\n".encode())
        assert read_until_closed(sock).startswith(b"HTTP/1.1 413 ")
    panel.upload_check.setChecked(False)
    apply(window, aloop)
    assert http_request(port, "PUT", "/two.txt", b"2")[0] == 405
    assert not (folder / "two.txt").exists() and not (folder / "big.bin").exists()
    saved = SettingsStore(ui_paths.settings_file).load().settings
    assert not saved.allow_upload and saved.max_upload_mib == 1


def test_local_network_and_a_new_port_move_the_listener_in_the_same_window(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:
    port = start(window, aloop, folder)
    states = never_stopped(window)
    window.share_panel.set_scope(SCOPE_LAN)
    apply(window, aloop)
    config = window.controller.config
    assert config is not None and config.host == "0.0.0.0" and window.controller.port == port
    assert window.statusBar().currentMessage().startswith("Now sharing on the local network")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        new_port = probe.getsockname()[1]
    window.share_panel.port_spin.setValue(new_port)
    window.share_panel.port_spin.editingFinished.emit()  # Enter, or leaving the field
    apply(window, aloop)
    assert window.controller.port == new_port and states == []
    assert window.share_panel.selected_url().endswith(f":{new_port}/")
    assert window._services.links.addresses[0] == f"http://127.0.0.1:{new_port}/"
    assert http_request(new_port, "GET", "/a.txt") == (200, b"alpha\n")
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        raise AssertionError("the old port still accepts")
    except ConnectionRefusedError:
        pass


def test_a_taken_port_is_reported_and_the_share_goes_on(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        dialog_recorder: DialogRecorder) -> None:
    port = start(window, aloop, folder)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        window.share_panel.port_spin.setValue(taken.getsockname()[1])
        window.share_panel.port_spin.editingFinished.emit()
        apply(window, aloop)
        qtbot.waitUntil(lambda: bool(dialog_recorder.errors))
    title, text = dialog_recorder.errors[0]
    assert title == "Could not change the share" and "already in use" in text
    assert "goes on sharing as before" in text
    assert window.controller.state is ServerState.RUNNING and window.controller.port == port
    assert window.share_panel.port_spin.value() == 0, "the panel shows what is in force"
    assert http_request(port, "GET", "/a.txt") == (200, b"alpha\n")
    assert window.live.apply_now() is None, "nothing left to apply: no second dialog"


def test_login_without_accounts_is_refused_and_the_panel_says_what_is_in_force(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        dialog_recorder: DialogRecorder) -> None:
    dialog_recorder.answer_yes = False
    port = start(window, aloop, folder)
    window.share_panel.login_check.setChecked(True)
    apply(window, aloop)
    qtbot.waitUntil(lambda: bool(dialog_recorder.questions))
    assert dialog_recorder.questions[0][0] == "No accounts yet"
    assert not window.share_panel.login_check.isChecked()
    assert http_request(port, "GET", "/a.txt") == (200, b"alpha\n")


def test_another_folder_chosen_while_sharing_is_served_on_the_same_port(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, tmp_path: Path,
        dialog_recorder: DialogRecorder) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_bytes(b"beta\n")
    port = start(window, aloop, folder)
    dialog_recorder.folder = str(other)
    window.share_panel.choose_button.click()  # the folder chooser answers ``other``
    apply(window, aloop)
    assert window.controller.port == port
    assert http_request(port, "GET", "/b.txt") == (200, b"beta\n")
    assert http_request(port, "GET", "/a.txt")[0] == 404
    assert window.windowTitle().endswith("sharing other")
    assert window.share_panel.folder_edit.text() == str(other)
