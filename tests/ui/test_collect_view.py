"""Collect mode in the real window: the switch, a real share, hand-ins over real HTTP, the live
checklist, the countdown on the window's clock, Export, Open folder and Load roster."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import qasync
from PySide6.QtCore import QDateTime, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from app.settings import SettingsStore
from server.clock import ManualClock
from server.paths import PierPaths
from tests.app.conftest import run
from tests.collect_http import Browser
from tests.ui.conftest import DialogRecorder
from tests.ui.test_main_window import child, start, stop
from ui.main_window import MainWindow

HOUR = 3600


def column(table: QTableWidget, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(row, c).text() for c in range(table.columnCount()))
            for row in range(table.rowCount())]


def turn_collect_on(window: MainWindow, until: float) -> None:
    child(window, QCheckBox, "collectCheck").setChecked(True)
    child(window, QLineEdit, "collectNameEdit").setText("Homework")
    child(window, QCheckBox, "collectUntilCheck").setChecked(True)
    child(window, QDateTimeEdit, "collectUntilEdit").setDateTime(
        QDateTime.fromSecsSinceEpoch(int(until)))


def test_the_switch_shows_the_tab_and_says_so_under_start(window: MainWindow) -> None:
    tabs = window.monitor_tabs
    index = tabs.indexOf(child(window, QLabel, "collectCountdown").parentWidget())
    assert index >= 0 and not tabs.isTabVisible(index)
    until = datetime(2031, 6, 30, 18, 0).timestamp()
    turn_collect_on(window, until)
    assert tabs.isTabVisible(index)
    summary = child(window, QLabel, "accessSummary").text()
    assert "Collecting files into Homework until 2031-06-30 18:00" in summary
    child(window, QCheckBox, "collectUntilCheck").setChecked(False)
    assert "Collecting files into Homework (no deadline)" in \
        child(window, QLabel, "accessSummary").text()
    child(window, QCheckBox, "collectCheck").setChecked(False)
    assert not tabs.isTabVisible(index)
    assert "Collecting" not in child(window, QLabel, "accessSummary").text()


def test_hand_ins_over_http_fill_the_checklist(window: MainWindow, aloop: qasync.QEventLoop,
                                               qtbot: QtBot, folder: Path, tmp_path: Path,
                                               ui_paths: PierPaths,
                                               dialog_recorder: DialogRecorder) -> None:
    until = datetime.now().timestamp() + 2 * HOUR
    turn_collect_on(window, until)
    roster = child(window, QPlainTextEdit, "rosterEdit")
    roster.setPlainText("Ana García\nZoe\nBo")
    start(window, aloop, folder)
    assert "Collecting files into Homework until" in \
        child(window, QLabel, "accessSummary").text()
    port = window.controller.port
    assert port is not None
    for typed, files in (("ana garcia", [("essay.txt", b"12345")]),
                         ("Zoë", [("a.txt", b"1"), ("b.txt", b"22")]),
                         ("Eve", [("late.txt", b"eve")])):
        visitor = Browser(port)
        assert visitor.give_name(typed) == 303
        assert visitor.hand_in(files)[0] == 303
    table = child(window, QTableWidget, "collectTable")
    unexpected = child(window, QTableWidget, "unexpectedTable")
    qtbot.waitUntil(lambda: column(table, 0) == ["✓", "✓", "—"] and unexpected.rowCount() == 1,
                    timeout=10_000)
    checklist = rows(table)
    assert [(r[1], r[2], r[5]) for r in checklist] == [
        ("Ana García", "1", "ana garcia"), ("Zoe", "2", "Zoë"), ("Bo", "0", "")]
    assert checklist[0][3] == "5 B" and checklist[0][4]  # size, time of the last file
    assert rows(unexpected)[0][1:3] == ("Eve", "1")
    assert child(window, QLabel, "collectProgress").text() == "2 of 3 handed in"

    dialog_recorder.save_path = tmp_path / "checklist.csv"
    child(window, QPushButton, "exportChecklistButton").click()
    with dialog_recorder.save_path.open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [(r["name"], r["on_roster"], r["handed_in"], r["files"], r["bytes"])
            for r in exported] == [("Ana García", "yes", "yes", "1", "5"),
                                   ("Zoe", "yes", "yes", "2", "3"),
                                   ("Bo", "yes", "no", "0", "0"),
                                   ("Eve", "no", "yes", "1", "3")]
    newest = (folder / "Homework" / "Zoë" / "b.txt").stat().st_mtime
    assert datetime.fromisoformat(exported[1]["last_file"]).timestamp() == int(newest)

    child(window, QPushButton, "openCollectFolderButton").click()
    assert dialog_recorder.opened == [QUrl.fromLocalFile(str(folder / "Homework")).toString()]

    names = tmp_path / "class.txt"
    names.write_text("Eve\nBo\n", encoding="utf-8")
    dialog_recorder.open_paths = [names]
    child(window, QPushButton, "loadRosterButton").click()
    assert roster.toPlainText() == "Eve\nBo"
    assert column(table, 1) == ["Eve", "Bo"] and column(table, 0) == ["✓", "—"]
    assert sorted(column(unexpected, 1)) == ["Zoë", "ana garcia"]
    stop(window, aloop)
    assert window.save_settings()
    saved = SettingsStore(ui_paths.settings_file).load().settings
    assert (saved.collect_files, saved.collect_name, saved.collect_until_on) == (
        True, "Homework", True)
    assert saved.collect_roster == ("Eve", "Bo")


def test_the_countdown_reads_the_windows_clock(window: MainWindow, aloop: qasync.QEventLoop,
                                               folder: Path) -> None:
    until = float(int(datetime.now().timestamp()) // 60 * 60 + 5 * HOUR)
    turn_collect_on(window, until)
    start(window, aloop, folder)
    clock = ManualClock(wall=until - (HOUR + 12 * 60))
    window.controller.collect.clock = clock
    view = window.monitor_tabs.collect_view
    label = child(window, QLabel, "collectCountdown")
    view.refresh_countdown()
    assert label.text() == "Homework: closes in 1 h 12 min"
    clock.advance(HOUR + 12 * 60)
    view.refresh_countdown()
    assert label.text() == f"Homework: closed at {datetime.fromtimestamp(until):%H:%M}"
    stop(window, aloop)
    view.refresh_countdown()
    assert label.text().endswith("(not sharing)")


def test_a_deadline_already_past_refuses_to_start(window: MainWindow, aloop: qasync.QEventLoop,
                                                  folder: Path,
                                                  dialog_recorder: DialogRecorder) -> None:
    turn_collect_on(window, datetime.now().timestamp() - HOUR)
    child(window, QLineEdit, "folderEdit").setText(str(folder))
    child(window, QPushButton, "startStopButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.port is None
    assert any("already passed" in text for _, text in dialog_recorder.errors)
