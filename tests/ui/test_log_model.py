from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from server.records import RequestRecord
from ui.log_model import (
    COL_PATH,
    COL_SIZE,
    COL_STATUS,
    COLUMNS,
    DARK_COLOURS,
    DARK_INCOMPLETE,
    LIGHT_COLOURS,
    LIGHT_INCOMPLETE,
    RECORD_ROLE,
    LogFilterProxy,
    LogModel,
    format_duration,
    format_size,
)


def rec(i: int, status: int = 200, client: str = "192.168.1.10", path: str = "") -> RequestRecord:
    return RequestRecord(time=1_700_000_000 + i, client=client, user="", method="GET",
                         path=path or f"/file{i}.txt", status=status, bytes_sent=2048 * i,
                         duration=0.002, user_agent="Firefox/130", referer="", tls=False)


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = LogModel(capacity=50)
    model.append_batch([rec(i, status=200 + 100 * (i % 4)) for i in range(30)])
    qtmodeltester.check(model)
    model.append_batch([rec(i) for i in range(30, 70)])  # overflows: drops the oldest
    qtmodeltester.check(model)


def test_proxy_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = LogModel(capacity=100)
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    model.append_batch([rec(i, status=200 if i % 2 else 404) for i in range(40)])
    proxy.set_status_classes((4,))
    qtmodeltester.check(proxy)


def test_ring_drops_oldest_with_remove_then_insert_signals(qtbot: QtBot) -> None:
    model = LogModel(capacity=10)
    model.append_batch([rec(i) for i in range(8)])
    events: list[tuple[str, int, int]] = []
    model.rowsAboutToBeRemoved.connect(lambda _p, a, b: events.append(("remove", a, b)))
    model.rowsAboutToBeInserted.connect(lambda _p, a, b: events.append(("insert", a, b)))
    model.append_batch([rec(i) for i in range(8, 13)])
    assert events == [("remove", 0, 2), ("insert", 5, 9)]
    assert model.rowCount() == 10
    assert [model.record(r).path for r in (0, 9)] == ["/file3.txt", "/file12.txt"]
    assert model.appended_total == 13


def test_batch_larger_than_the_ring_keeps_the_newest() -> None:
    model = LogModel(capacity=5)
    model.append_batch([rec(0)])
    model.append_batch([rec(i) for i in range(1, 21)])
    assert [model.record(r).path for r in range(5)] == [f"/file{i}.txt" for i in range(16, 21)]


def test_cells_are_formatted_for_people() -> None:
    model = LogModel(capacity=5)
    model.append_batch([rec(3, status=404, path="/caf%C3%A9.txt")])
    index = model.index(0, COL_PATH)
    assert model.data(index) == "/café.txt"
    assert model.data(model.index(0, COL_SIZE)) == "6.1 kB"
    assert model.data(index, RECORD_ROLE).path == "/caf%C3%A9.txt"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))] == \
        list(COLUMNS)
    assert format_size(999) == "999 B" and format_duration(1.5) == "1.50 s"


def test_status_colours_follow_the_scheme() -> None:
    model = LogModel(capacity=5)
    model.append_batch([rec(0, status=503)])
    status = model.index(0, COL_STATUS)
    assert model.data(status, Qt.ItemDataRole.ForegroundRole).name() == LIGHT_COLOURS[5]
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: changed.append((a.column(), b.column())))
    model.set_dark(True)
    assert len(changed) == 1 and changed[0][0] <= COL_STATUS <= changed[0][1]
    assert model.data(status, Qt.ItemDataRole.ForegroundRole).name() == DARK_COLOURS[5]


def test_refused_logins_stand_out_as_whole_rows() -> None:
    model = LogModel(capacity=5)
    model.append_batch([rec(0, status=401), rec(1, status=429), rec(2, status=404)])
    background = Qt.ItemDataRole.BackgroundRole
    light = model.data(model.index(0, COL_PATH), background)
    assert light is not None and light == model.data(model.index(1, COL_SIZE), background)
    assert model.data(model.index(2, COL_PATH), background) is None
    tips = [model.data(model.index(row, COL_STATUS), Qt.ItemDataRole.ToolTipRole)
            for row in range(3)]
    assert "login" in tips[0] and "locked out" in tips[1] and tips[2] is None
    model.set_dark(True)
    dark = model.data(model.index(0, COL_PATH), background)
    assert dark is not None and dark.lightness() < light.lightness()


def test_filter_by_text_status_and_client() -> None:
    model = LogModel(capacity=100)
    proxy = LogFilterProxy()
    proxy.setSourceModel(model)
    model.append_batch([
        rec(1, 200, "10.0.0.1", "/photos/cat.jpg"),
        rec(2, 404, "10.0.0.2", "/photos/missing.jpg"),
        rec(3, 500, "10.0.0.1", "/broken"),
        rec(4, 301, "10.0.0.2", "/docs"),
    ])
    proxy.set_text("PHOTOS")
    assert [r.path for r in proxy.visible_records()] == ["/photos/cat.jpg", "/photos/missing.jpg"]
    proxy.set_status_classes((4, 5))
    assert [r.path for r in proxy.visible_records()] == ["/photos/missing.jpg"]
    proxy.set_text("")
    proxy.set_client("10.0.0.1")
    assert [r.path for r in proxy.visible_records()] == ["/broken"]
    proxy.set_status_classes(None)
    proxy.set_client("")
    assert not proxy.active and proxy.rowCount() == 4
    model.append_batch([rec(5, 200, "10.0.0.9", "/new")])
    proxy.set_text("new")
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 0
    assert not model.index(0, 0, model.index(0, 0)).isValid()
    assert model.rowCount(QModelIndex()) == 5


def test_multi_data_sets_or_clears_every_role_of_a_reused_span() -> None:
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model = LogModel(capacity=5)
    model.append_batch([rec(1, status=404)])
    colour = QModelRoleData(Qt.ItemDataRole.ForegroundRole)
    span = QModelRoleDataSpan(colour)
    model.multiData(model.index(0, COL_STATUS), span)
    assert colour.data().name() == LIGHT_COLOURS[4]
    model.multiData(model.index(0, COL_PATH), span)  # the view reuses spans between cells
    assert colour.data() is None


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        channels = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_an_incomplete_transfer_is_an_orange_row_reading_x_of_y() -> None:
    """Issue 22: a download cut short shows what arrived of what was announced, never a green
    200 with the full size."""
    cut = replace(rec(1), bytes_sent=9 * 1024 * 1024, bytes_expected=30 * 1024 * 1024,
                  complete=False)
    zipped = replace(rec(2), bytes_sent=5000, complete=False)  # a zip: no size announced
    whole = replace(rec(3), bytes_sent=4096, bytes_expected=4096)
    model = LogModel(capacity=5)
    model.append_batch([cut, zipped, whole])
    assert model.data(model.index(0, COL_SIZE)) == "9.4 MB of 31.5 MB"
    assert model.data(model.index(1, COL_SIZE)) == "5.0 kB (cut short)"
    assert model.data(model.index(2, COL_SIZE)) == "4.1 kB"
    foreground = Qt.ItemDataRole.ForegroundRole
    for dark, colour, backgrounds in ((False, LIGHT_INCOMPLETE, ("#ffffff", "#f5f5f5")),
                                      (True, DARK_INCOMPLETE, ("#1e1e1e", "#353535"))):
        model.set_dark(dark)
        for row in (0, 1):
            assert {model.data(model.index(row, c), foreground).name()
                    for c in range(len(COLUMNS))} == {colour}
        assert model.data(model.index(2, COL_STATUS), foreground).name() == \
            (DARK_COLOURS if dark else LIGHT_COLOURS)[2]
        assert model.data(model.index(2, COL_PATH), foreground) is None
        assert all(contrast(QColor(colour), QColor(b)) >= 4.5 for b in backgrounds)
    tip = model.data(model.index(0, COL_SIZE), Qt.ItemDataRole.ToolTipRole)
    assert "9,437,184 of 31,457,280 bytes" in tip


def test_duration_leaves_out_the_wait_for_a_thumbnail_being_made() -> None:
    model = LogModel(capacity=5)
    waited = replace(rec(1, path="/photo.jpg?thumb"), duration=0.812, background_s=0.8)
    model.append_batch([waited, rec(2)])
    duration = model.index(0, COLUMNS.index("Duration"))
    assert model.data(duration) == "12.0 ms"  # its own time, not 812 ms
    assert model.data(duration, Qt.ItemDataRole.ToolTipRole) == (
        "12.0 ms to answer; it also waited 800.0 ms for a thumbnail being made (background "
        "work), 812.0 ms in all")
    plain = model.index(1, COLUMNS.index("Duration"))
    assert model.data(plain) == "2.0 ms"
    assert model.data(plain, Qt.ItemDataRole.ToolTipRole) is None
