"""The Collect tab (issue 18): the live checklist of a share in collect mode.

The roster (pasted, or loaded from a text file) is matched against the people who handed in
(``app.collect_service.build_checklist``); the hand-ins come from the controller's
``CollectFeed`` every two seconds. The widget reads no file of the share: the feed scans, the
service reads the roster file and writes the CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.collect_feed import CollectFeed
from app.collect_service import (
    Checklist,
    ChecklistRow,
    CollectScan,
    build_checklist,
    countdown,
    parse_roster,
    read_roster,
    short_time,
    write_checklist_csv,
)
from app.i18n import QT_TRANSLATE_NOOP, translate
from server.units import format_size
from ui import dialogs
from ui.contrast import MutedLabel
from ui.traffic_models import quiet_corner
from ui.widget_names import named

COLUMNS = (
    "",
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Files"),
    QT_TRANSLATE_NOOP("Columns", "Size"),
    QT_TRANSLATE_NOOP("Columns", "Last file"),
    QT_TRANSLATE_NOOP("Columns", "Folder"),
)
NUMERIC = (2, 3)
COUNTDOWN_MS = 5000  # the countdown is in minutes; the feed's updates refresh it too
SAVE_DELAY_MS = 1500  # a roster being typed is saved once the typing pauses


def _table(name: str, accessible: str) -> QTableWidget:
    table = named(QTableWidget(0, len(COLUMNS)), name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels([translate("Columns", c) for c in COLUMNS])
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    quiet_corner(table, accessible)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setAccessibleName(text.rstrip("…"))
    button.setToolTip(tip)
    return button


class CollectView(QWidget):
    roster_changed = Signal()  # worth saving the settings

    def __init__(self, feed: CollectFeed, roster: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectTab")
        self._feed = feed
        self._shown: Checklist | None = None
        self._build()
        self.roster_edit.setPlainText("\n".join(roster))
        self.roster_edit.textChanged.connect(self._on_roster_edited)
        feed.updated.connect(self._on_scan)
        feed.target_changed.connect(self.refresh)
        self._countdown_timer = QTimer(self, interval=COUNTDOWN_MS)
        self._countdown_timer.timeout.connect(self.refresh_countdown)
        self._countdown_timer.start()
        self._save_timer = QTimer(self, interval=SAVE_DELAY_MS, singleShot=True)
        self._save_timer.timeout.connect(self.roster_changed)
        self.refresh()

    def _build(self) -> None:
        self.countdown_label = named(QLabel(wordWrap=True), "collectCountdown")
        bold = self.countdown_label.font()
        bold.setBold(True)
        self.countdown_label.setFont(bold)
        self.progress_label = MutedLabel(objectName="collectProgress")
        self.open_button = _button(self.tr("Open folder"), "openCollectFolderButton",
                                   self.tr("Show the hand-ins folder in the file manager"))
        self.open_button.clicked.connect(self.open_folder)
        self.export_button = _button(self.tr("Export…"), "exportChecklistButton",
                                     self.tr("Save the checklist as a CSV file"))
        self.export_button.clicked.connect(self.export)
        top = QHBoxLayout()
        for widget in (self.countdown_label, self.progress_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.export_button)
        self.table = _table("collectTable", self.tr("Checklist"))
        self.unexpected_label = QLabel(self.tr("Handed in, not on the roster:"))
        self.unexpected_table = _table("unexpectedTable", self.tr("Not on the roster"))
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(self.table, 3)
        lists_layout.addWidget(self.unexpected_label)
        lists_layout.addWidget(self.unexpected_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(lists)
        splitter.addWidget(self._build_roster())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_roster(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Expected (roster):")))
        self.roster_edit = named(QPlainTextEdit(), "rosterEdit")
        self.roster_edit.setAccessibleName(self.tr("Roster, one name a line"))
        self.roster_edit.setPlaceholderText(self.tr("One name a line, e.g.\nAna García\nBo Li"))
        layout.addWidget(self.roster_edit, 1)
        self.load_button = _button(self.tr("Load roster…"), "loadRosterButton",
                                   self.tr("Read the names from a text file, one a line"))
        self.load_button.clicked.connect(self.load_roster)
        layout.addWidget(self.load_button)
        return box

    # ---- data -----------------------------------------------------------------------------

    def roster(self) -> tuple[str, ...]:
        return parse_roster(self.roster_edit.toPlainText())

    def checklist(self) -> Checklist:
        scan = self._feed.last
        return build_checklist(self.roster(), scan.hand_ins if scan is not None else ())

    def refresh(self) -> None:
        checklist = self.checklist()
        if checklist != self._shown:
            self._shown = checklist
            now = self._feed.clock.time()
            _fill(self.table, checklist.roster, now)
            _fill(self.unexpected_table, checklist.unexpected, now)
            self.unexpected_label.setVisible(bool(checklist.unexpected))
            self.unexpected_table.setVisible(bool(checklist.unexpected))
            total = len(checklist.roster)
            self.progress_label.setText(
                self.tr("{count} of {total} handed in").format(
                    count=checklist.handed_in, total=total
                )
                if total
                else self.tr("Add the expected names on the right")
            )
        scan = self._feed.last
        self.open_button.setEnabled(scan is not None and scan.exists)
        self.refresh_countdown()

    def refresh_countdown(self) -> None:
        config = self._feed.config
        if config is None:
            self.countdown_label.setText(
                self.tr("Not collecting: start sharing with “Collect files” on")
            )
            return
        text = f"{config.name}: {countdown(config.until, self._feed.clock.time())}"
        self.countdown_label.setText(
            text if self._feed.running else self.tr("{status} (not sharing)").format(status=text))

    def _on_scan(self, _scan: CollectScan) -> None:
        self.refresh()

    def _on_roster_edited(self) -> None:
        self.refresh()
        self._save_timer.start()

    # ---- actions --------------------------------------------------------------------------

    def load_roster(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("Load a roster"), str(Path.home()),
                                     self.tr("Text files (*.txt *.csv);;All files (*)"))
        if path is None:
            return
        try:
            names = read_roster(path)
        except ValueError as err:
            dialogs.show_error(self, self.tr("Cannot load the roster"), str(err))
            return
        self.roster_edit.setPlainText("\n".join(names))
        self._save_timer.stop()
        self.roster_changed.emit()

    def export(self) -> None:
        name = self._feed.config.name if self._feed.config is not None else "hand-ins"
        path = dialogs.ask_save_path(self, self.tr("Export the checklist"),
                                     Path.home() / f"{name} checklist.csv", self.tr("CSV (*.csv)"))
        if path is None:
            return
        try:
            write_checklist_csv(path, self.checklist())
        except OSError as err:
            dialogs.show_error(
                self,
                self.tr("Cannot export the checklist"),
                self.tr("Could not write {file}: {reason}.").format(
                    file=path, reason=err.strerror or err
                ),
            )

    def open_folder(self) -> None:
        folder = self._feed.folder
        if folder is not None:
            dialogs.open_in_browser(QUrl.fromLocalFile(str(folder)).toString())


def _fill(table: QTableWidget, rows: tuple[ChecklistRow, ...], now: float) -> None:
    table.setRowCount(len(rows))
    for index, row in enumerate(rows):
        values = ("✓" if row.handed_in else "—", row.name, f"{row.files:,}",
                  format_size(row.bytes) if row.handed_in else "", short_time(row.last, now),
                  ", ".join(row.folders))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column in NUMERIC:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(
                    translate("CollectView", "Handed in")
                    if row.handed_in
                    else translate("CollectView", "Nothing yet")
                )
            table.setItem(index, column, item)
