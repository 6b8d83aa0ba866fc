from __future__ import annotations

from pytestqt.qtbot import QtBot

from server.records import RequestRecord
from ui.log_model import LogModel
from ui.log_view import LogPanel, describe


def rec(i: int, status: int = 200) -> RequestRecord:
    return RequestRecord(time=1_700_000_000 + i, client=f"10.0.0.{i % 3}", user="", method="GET",
                         path=f"/f{i}", status=status, bytes_sent=i, duration=0.001,
                         user_agent="ua", referer="", tls=False)


def make_panel(qtbot: QtBot, capacity: int = 10_000) -> LogPanel:
    panel = LogPanel(LogModel(capacity))
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_auto_scroll_follows_until_the_user_scrolls_up(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    bar = panel.table.verticalScrollBar()
    panel.add_records([rec(i) for i in range(500)])
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    bar.setValue(0)
    assert not panel.following and panel.latest_button.isVisibleTo(panel)
    panel.add_records([rec(i) for i in range(500, 600)])
    assert bar.value() == 0, "the view must stay where the user scrolled"
    panel.latest_button.click()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert panel.following and not panel.latest_button.isVisibleTo(panel)


def test_the_filter_swaps_the_proxy_in_and_out_keeping_columns(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.add_records([rec(i, 404 if i % 4 == 0 else 200) for i in range(40)])
    panel.table.setColumnWidth(4, 321)
    assert panel.table.model() is panel.model
    panel.status_combo.setCurrentIndex(panel.status_combo.findText("Client errors (4xx)"))
    assert panel.table.model() is panel.proxy and panel.proxy.rowCount() == 10
    assert panel.table.columnWidth(4) == 321
    assert panel.count_label.text() == "10 of 40 shown"
    panel.add_records([rec(100, 404), rec(101, 200)])
    assert panel.proxy.rowCount() == 11
    panel.table.selectRow(10)
    assert panel.details.toPlainText() == describe(rec(100, 404))
    panel.status_combo.setCurrentIndex(0)
    assert panel.table.model() is panel.model and panel.count_label.text() == "42 requests"
    assert panel.table.columnWidth(4) == 321
    assert [r.path for r in panel.visible_records()][-2:] == ["/f100", "/f101"]


def test_client_filter_lists_each_client_once(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.add_records([rec(i) for i in range(9)])
    panel.add_records([rec(i) for i in range(9)])
    items = [panel.client_combo.itemText(i) for i in range(panel.client_combo.count())]
    assert items == ["All clients", "10.0.0.0", "10.0.0.1", "10.0.0.2"]
    panel.client_combo.setCurrentIndex(2)
    assert {r.client for r in panel.visible_records()} == {"10.0.0.1"}


def test_details_say_how_much_of_an_incomplete_transfer_arrived() -> None:
    cut = RequestRecord(time=1_700_000_000, client="10.0.0.1", user="", method="GET",
                        path="/big.iso", status=200, bytes_sent=1000, duration=1.0,
                        user_agent="curl", referer="", tls=False, bytes_expected=5000,
                        complete=False)
    assert "1,000 bytes), incomplete: of 5,000 bytes" in describe(cut)
    assert "incomplete" not in describe(rec(1))


def test_details_tell_a_thumbnail_wait_apart_from_the_request_s_own_time() -> None:
    waited = RequestRecord(time=1_700_000_000, client="10.0.0.1", user="", method="GET",
                           path="/photo.jpg?thumb", status=200, bytes_sent=9000, duration=1.25,
                           user_agent="Firefox", referer="", tls=False, background_s=1.2)
    assert ("Duration:   50.0 ms, and it waited 1.20 s for a thumbnail being made (background "
            "work, not a slow answer)") in describe(waited)
    assert "Duration:   1.0 ms\n" in describe(rec(1))
