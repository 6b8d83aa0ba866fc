"""The Traffic, Clients and Limits & access tabs, driven in the real window against the real
engine with real HTTP on loopback."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.hostnames import LOOKING_UP, HostNames
from app.monitor_feed import LiveData, TransferInfo
from app.settings import SettingsStore
from app.share_control import ShareControl
from app.traffic_settings import TrafficChoices
from server.control import TrafficLimits
from server.engine import EngineStats, ServerEngine
from server.monitor import ClientStats, Snapshot
from server.paths import PierPaths
from tests.app.conftest import run
from tests.conftest import fetch_statuses, read_until_closed
from tests.ui.conftest import DialogRecorder, make_window
from ui.charts import BLUE, LineChart, axis_ticks
from ui.clients_view import ClientsView, select_key
from ui.main_window import MainWindow

HUGE = 256 * 1024 * 1024


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_text("alpha\n", encoding="utf-8")
    with open(root / "huge.bin", "wb") as handle:  # sparse: no socket buffer swallows it
        handle.truncate(HUGE)
    return root


def start(window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> int:
    window.share_panel.folder_edit.setText(str(folder))
    window.share_panel.port_spin.setValue(0)
    window.share_panel.start_button.click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING
    port = window.controller.port
    assert port
    return port


def stop(window: MainWindow, aloop: qasync.QEventLoop) -> None:
    task = window.request_stop()
    assert task is not None
    run(aloop, task)


def client_cell(window: MainWindow, address: str, column: int) -> str | None:
    row = window.monitor_tabs.clients_view.clients_model.row_of(address)
    return row.texts[column] if row else None


def test_traffic_view_shows_rates_totals_latency_and_top_paths(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        qtmodeltester) -> None:
    port = start(window, aloop, folder)
    assert fetch_statuses(port, ["/a.txt"] * 25 + ["/missing"] * 5) == [200] * 25 + [404] * 5
    view = window.monitor_tabs.traffic_view
    # The charts leave out the current, partial second: wait for the one that holds the requests.
    qtbot.waitUntil(lambda: view.requests_chart.peak() >= 1, timeout=5000)
    assert sum(view.requests_chart.lines[0].values) == 30
    assert sum(view.errors_chart.lines[0].values) == 5
    assert view.bytes_chart.peak() > 0
    assert view.total_labels["requests"].text() == "30"
    assert view.total_labels["errors"].text() == "5"
    assert view.total_labels["latency"].text().count("ms") == 3
    top = view.top_requests_model
    assert top.row_of("/a.txt") is not None and top.row_of("/a.txt").texts[1] == "25"
    qtmodeltester.check(top)
    stop(window, aloop)


def test_clients_table_lists_loopback_with_count_and_host_name(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        qtmodeltester) -> None:
    port = start(window, aloop, folder)
    assert fetch_statuses(port, ["/a.txt"] * 7) == [200] * 7
    qtbot.waitUntil(lambda: client_cell(window, "127.0.0.1", 3) == "7", timeout=5000)
    qtbot.waitUntil(lambda: client_cell(window, "127.0.0.1", 1) not in (LOOKING_UP, None),
                    timeout=5000)
    assert client_cell(window, "127.0.0.1", 1) == socket.gethostbyaddr("127.0.0.1")[0]
    qtmodeltester.check(window.monitor_tabs.clients_view.clients_model)
    stop(window, aloop)


def test_disconnect_closes_an_idle_connection(window: MainWindow, aloop: qasync.QEventLoop,
                                              folder: Path, qtbot: QtBot) -> None:
    port = start(window, aloop, folder)
    fetch_statuses(port, ["/a.txt"])
    view = window.monitor_tabs.clients_view
    qtbot.waitUntil(lambda: view.clients_model.row_of("127.0.0.1") is not None, timeout=5000)
    idle = socket.create_connection(("127.0.0.1", port), timeout=5)
    qtbot.waitUntil(lambda: window.controller.share_control.stats().active_connections == 1)
    assert select_key(view.clients_table, "127.0.0.1")
    assert view.disconnect_button.isEnabled()
    view.disconnect_button.click()
    idle.settimeout(3)  # far below the engine's idle timeout: only Disconnect can close it
    with contextlib.suppress(ConnectionResetError):  # a reset is a close by the server too
        assert idle.recv(1) == b""
    idle.close()
    stop(window, aloop)


def test_ban_refuses_new_connections_and_unban_restores(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        ui_config_dir: Path) -> None:
    port = start(window, aloop, folder)
    fetch_statuses(port, ["/a.txt"])
    view = window.monitor_tabs.clients_view
    qtbot.waitUntil(lambda: view.clients_model.row_of("127.0.0.1") is not None, timeout=5000)
    assert select_key(view.clients_table, "127.0.0.1")
    control = window.controller.share_control
    with qtbot.waitSignal(control.banned, timeout=5000) as banned:  # saved off the GUI thread
        view.ban_permanent_button.click()
    assert banned.args == ["127.0.0.1/32", True]
    refused = socket.create_connection(("127.0.0.1", port), timeout=5)
    refused.sendall(b"GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert read_until_closed(refused) == b""
    refused.close()
    qtbot.waitUntil(lambda: view.bans_model.row_of("127.0.0.1/32") is not None, timeout=5000)
    assert view.bans_model.row_of("127.0.0.1/32").texts[1] == "permanent"
    assert "127.0.0.1/32" in (ui_config_dir / "bans.json").read_text(encoding="utf-8")
    assert select_key(view.bans_table, "127.0.0.1/32")
    with qtbot.waitSignal(control.unbanned, timeout=5000):
        view.unban_button.click()
    assert fetch_statuses(port, ["/a.txt"]) == [200]
    qtbot.waitUntil(lambda: view.bans_model.rowCount() == 0, timeout=5000)
    assert "127.0.0.1" not in (ui_config_dir / "bans.json").read_text(encoding="utf-8")
    stop(window, aloop)


def test_typed_ban_of_a_bad_address_says_why(window: MainWindow,
                                             dialog_recorder: DialogRecorder) -> None:
    view = window.monitor_tabs.clients_view
    view.ban_edit.setText("300.1.2.3")
    view.ban_button.click()
    assert dialog_recorder.errors and "300.1.2.3" in dialog_recorder.errors[0][1]
    assert window.controller.share_control.bans() == []


def test_stalled_download_is_listed_with_progress_and_can_be_cancelled(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    port = start(window, aloop, folder)
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.sendall(b"GET /huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert sock.recv(20).startswith(b"HTTP/1.1 200")
    view = window.monitor_tabs.clients_view
    model = view.transfers_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    transfer_id = model.keys()[0]
    row = model.row_of(transfer_id)
    assert row.texts[0] == "127.0.0.1" and row.texts[1] == "/huge.bin"
    assert row.texts[3].endswith("of 268 MB") and 0 <= row.values[3] < 1
    qtbot.waitUntil(lambda: (client_cell(window, "127.0.0.1", 7) or "").startswith("1 at"),
                    timeout=5000)
    assert select_key(view.transfers_table, transfer_id)
    assert view.cancel_button.isEnabled()
    view.cancel_button.click()
    assert len(read_until_closed(sock)) < HUGE
    sock.close()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    stop(window, aloop)


def test_limits_apply_at_once_persist_and_are_reapplied(ui_paths: PierPaths, window: MainWindow,
                                                        qtbot: QtBot,
                                                        aloop: qasync.QEventLoop) -> None:
    panel = window.monitor_tabs.limits_panel
    control = window.controller.share_control
    panel.total_rate.spin.setValue(5)  # MiB/s is the default unit
    panel.client_rate.unit.setCurrentIndex(0)  # KiB/s
    panel.client_rate.spin.setValue(750)
    window.findChild(QSpinBox, "downloadsPerClientSpin").setValue(2)
    expected = TrafficLimits(total_rate=5 * 1024 * 1024, client_rate=750 * 1024,
                      downloads_per_client=2)
    qtbot.waitUntil(lambda: control.limits() == expected, timeout=3000)

    panel.allow_check.setChecked(True)  # an empty list would shut everyone out
    assert panel.allow_error and "empty" in panel.allow_error
    assert control.allow_list() == []
    window.findChild(QLineEdit, "allowListEdit").setText("10.0.0.0/8, 192.168.1.300")
    window.findChild(QPushButton, "allowListApply").click()
    assert panel.allow_error and "192.168.1.300" in panel.allow_error
    assert control.allow_list() == []
    panel.allow_edit.setText("10.0.0.0/8 127.0.0.1")
    panel.allow_apply_button.click()
    assert panel.allow_error is None
    assert control.allow_list() == ["10.0.0.0/8", "127.0.0.1/32"]
    panel.announce_check.setChecked(True)

    saved = SettingsStore(ui_paths.settings_file).load().settings  # saved on every change
    assert (saved.total_rate_kib, saved.client_rate_kib, saved.downloads_per_client) == \
        (5 * 1024, 750, 2)
    assert saved.allow_list_on and saved.allow_list == "10.0.0.0/8 127.0.0.1"
    assert saved.announce
    control.set_allow_list(TrafficChoices())
    assert control.set_limits(TrafficChoices()) == TrafficLimits()

    second = make_window(qtbot, ui_paths)  # the next launch puts them back in force
    again = second.controller.share_control
    assert again.limits() == expected
    assert again.allow_list() == ["10.0.0.0/8", "127.0.0.1/32"]
    assert second.monitor_tabs.limits_panel.client_rate.kib() == 750
    assert second.monitor_tabs.limits_panel.announce
    second.shutdown_blocking()


def test_announce_choice_reaches_the_engine_config(window: MainWindow, folder: Path,
                                                   aloop: qasync.QEventLoop) -> None:
    panel = window.monitor_tabs.limits_panel
    panel.announce_check.setChecked(True)
    start(window, aloop, folder)  # this computer only: asked for, but nothing to announce
    config = window.controller.config
    assert config is not None and config.announce
    assert panel.announce_check.isEnabled(), "it changes while sharing too"
    assert "this computer only" in panel.announce_label.text()
    assert window.controller.share_control.announced_name is None
    panel.announce_check.setChecked(False)
    task = window.live.apply_now()
    assert task is not None
    run(aloop, task)
    config = window.controller.config
    assert config is not None and not config.announce
    stop(window, aloop)


# ---- pieces -----------------------------------------------------------------------------------

def test_count_axes_have_whole_number_ticks() -> None:
    assert axis_ticks(0, whole_numbers=True) == [0, 1]
    assert axis_ticks(1, whole_numbers=True) == [0, 1]
    assert axis_ticks(3, whole_numbers=True) == [0, 1, 2, 3]
    assert axis_ticks(5, whole_numbers=True) == [0, 2, 4, 6]
    assert axis_ticks(120, whole_numbers=True) == [0, 50, 100, 150]
    for peak in (0.4, 1, 2, 3, 5, 7, 9, 11, 13, 37, 99, 1234):
        ticks = axis_ticks(peak, whole_numbers=True)
        assert all(tick == int(tick) for tick in ticks) and ticks[-1] >= peak
        assert 2 <= len(ticks) <= 5
    assert axis_ticks(0.3) == [0, 0.1, 0.2, 0.3]  # rates may have fractions
    assert axis_ticks(900_000) == [0, 500_000, 1_000_000]


def test_count_charts_label_their_axis_with_whole_numbers(window: MainWindow) -> None:
    view = window.monitor_tabs.traffic_view
    for chart in (view.requests_chart, view.connections_chart, view.errors_chart):
        assert chart.whole_numbers
    assert not view.bytes_chart.whole_numbers
    assert view.bytes_chart.formatter(1536) == "1.5 kB/s"


def _live(now: float, last_seen: float, transfers: tuple[TransferInfo, ...]) -> LiveData:
    client = ClientStats("192.0.2.7", "alice", 3, 5_000, 0, 0, last_seen)
    snapshot = Snapshot(last_seen, 3, 5_000, 0, 0, (), {}, (client,), (), ())
    return LiveData(now, snapshot, EngineStats(1, 3, 5_000, 0, 1, 0.0), transfers, (), None)


def test_last_seen_is_now_while_a_transfer_runs(qtbot: QtBot) -> None:
    view = ClientsView(ShareControl(ServerEngine()), host_names=HostNames(lambda _a: ""))
    qtbot.addWidget(view)
    running = TransferInfo(1, "192.0.2.7", "alice", "/big.iso", "down", 10**9, 10**6, 2e6)
    view.show_data(_live(1000.0, 880.0, (running,)))
    row = view.clients_model.row_of("192.0.2.7")
    assert row is not None and row.texts[6] == "now"
    assert row.texts[4] == "5.0 kB" and row.texts[7] == "1 at 2.0 MB/s"
    view.show_data(_live(1000.0, 880.0, ()))
    assert view.clients_model.row_of("192.0.2.7").texts[6] == "2 min ago"
    view.stop()


def test_chart_paints_at_high_dpi(qtbot: QtBot) -> None:
    chart = LineChart("Requests/s", [("", BLUE)])
    qtbot.addWidget(chart)
    chart.resize(QSize(400, 180))
    chart.set_values([0, 5, 10, 20, 5] * 60)
    image = QImage(QSize(800, 360), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2.0)
    image.fill(QColor("white"))
    chart.render(image)
    blue = QColor(BLUE)
    line_pixels = sum(1 for x in range(0, 800, 2) for y in range(0, 360, 2)
                      if abs(image.pixelColor(x, y).blue() - blue.blue()) < 30
                      and abs(image.pixelColor(x, y).red() - blue.red()) < 30
                      and abs(image.pixelColor(x, y).green() - blue.green()) < 30)
    assert line_pixels > 100
    assert chart.summary() == "Requests/s 5"

