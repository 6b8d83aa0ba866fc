"""Resumable (tus) uploads in the window: the Clients tab lists an unfinished one and cancels
it; the request log shows an upload as one row, its chunks on demand. Real window, real engine,
real tus requests on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from server.records import RequestRecord
from server.units import format_size
from tests.server.tus_http import head, patch, started
from tests.ui.test_traffic import start, stop
from ui.clients_view import select_key
from ui.log_model import COL_PATH, COL_SIZE, COL_STATUS, cell_text
from ui.main_window import MainWindow
from ui.traffic_models import KEY_ROLE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


def _partials(folder: Path) -> list[Path]:
    return list(folder.rglob(".pier-tus-*.part"))


def _upload_rows(window: MainWindow) -> list[RequestRecord]:
    return [r for r in window.log_panel.model.records() if r.upload is not None]


def test_clients_tab_lists_an_unfinished_upload_and_cancels_it(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    window.share_panel.upload_check.setChecked(True)
    port = start(window, aloop, folder)
    url = started(port, "holiday.mp4", 1000)
    assert patch(port, url, 0, b"v" * 400).status == 204
    view = window.monitor_tabs.clients_view
    window.monitor_tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.uploads_model.rowCount() == 1, timeout=5000)
    key = view.uploads_model.index(0, 0).data(KEY_ROLE)
    assert select_key(view.uploads_table, key)
    texts = [view.uploads_model.index(0, c).data() for c in range(5)]
    assert texts[0] == "visitor (127.0.0.1)"
    assert texts[1] == "/holiday.mp4"
    assert texts[2] == f"40% · {format_size(400)} of {format_size(1000)}"
    assert texts[3] == "paused"
    assert len(_partials(folder)) == 1
    assert view.cancel_upload_button.isEnabled()
    view.cancel_upload_button.click()
    qtbot.waitUntil(lambda: view.uploads_model.rowCount() == 0, timeout=5000)
    assert _partials(folder) == []
    assert head(port, url).status == 404
    assert not view.cancel_upload_button.isEnabled()
    stop(window, aloop)


def test_the_log_shows_an_upload_as_one_row_and_its_chunks_on_demand(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot) -> None:
    window.share_panel.upload_check.setChecked(True)
    port = start(window, aloop, folder)
    url = started(port, "notes.bin", 10)
    assert patch(port, url, 0, b"01234").status == 204
    assert head(port, url).status == 200
    assert patch(port, url, 5, b"56789").status == 204
    panel = window.log_panel
    qtbot.waitUntil(lambda: panel.model.appended_total >= 4, timeout=5000)
    assert not panel.chunks_check.isChecked()
    rows = _upload_rows(window)
    assert len(rows) == 1
    row = rows[0]
    assert row.method == "POST"
    assert row.status == 204  # the last PATCH's: complete
    assert row.bytes_received == 10
    assert cell_text(row, COL_PATH) == ("/notes.bin (resumable upload, complete of "
                                      f"{format_size(10)})")
    assert cell_text(row, COL_SIZE) == f"{format_size(10)} in"
    assert cell_text(row, COL_STATUS) == "204"
    assert "3 upload chunks folded" in panel.count_label.text()
    assert panel.visible_records() == panel.model.records()  # what Export writes
    panel.chunks_check.setChecked(True)
    # in the order the answers ended: the HEAD (answered on the serve thread) may be logged
    # before the PATCH it followed (answered on a worker)
    assert sorted(r.method for r in _upload_rows(window)) == ["HEAD", "PATCH", "PATCH", "POST"]
    assert [r.upload.offset for r in _upload_rows(window) if r.upload] == [0, 5, 5, 10]
    assert "folded" not in panel.count_label.text()
    panel.chunks_check.setChecked(False)
    assert len(_upload_rows(window)) == 1
    panel.filter_edit.setText("notes.bin")
    panel.apply_filters_now()
    assert [r.method for r in panel.visible_records()] == ["POST"]
    stop(window, aloop)
