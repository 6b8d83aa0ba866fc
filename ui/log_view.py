"""The live request log panel: filter bar, the table, and a details pane for one request."""

from __future__ import annotations

import time
import unicodedata
from collections import deque
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.log_export import export_records
from server.records import RequestRecord
from ui import dialogs
from ui.contrast import MutedLabel
from ui.log_model import (
    STATUS_CLASSES,
    LogFilterProxy,
    LogModel,
    display_path,
    format_duration,
    format_size,
    format_time,
    own_duration,
)
from ui.widget_names import named

FILTER_DELAY_MS = 150
MAX_CLIENTS_LISTED = 500
COLUMN_WIDTHS = (96, 110, 70, 64, 230, 56, 76, 76, 120)


def describe(record: RequestRecord) -> str:
    """The details pane's text for one request."""
    when = time.strftime("%Y-%m-%d ", time.localtime(record.time)) + format_time(record.time)
    rows = (
        (translate("LogView", "Time"), when),
        (translate("LogView", "Client"), record.client),
        (translate("LogView", "User"), record.user or translate("LogView", "(anonymous)")),
        (translate("LogView", "Request"), f"{record.method} {record.path} {record.protocol}"),
        (translate("LogView", "Path"), display_path(record.path)),
        (translate("LogView", "Status"), str(record.status)),
        (translate("LogView", "Sent"), _sent(record)),
        (
            translate("LogView", "Received"),
            translate("LogView", "{size} ({bytes} bytes)").format(
                size=format_size(record.bytes_received), bytes=f"{record.bytes_received:,}"
            ),
        ),
        (translate("LogView", "Duration"), _duration(record)),
        (
            translate("LogView", "HTTPS"),
            translate("LogView", "yes") if record.tls else translate("LogView", "no"),
        ),
        (translate("LogView", "User agent"), record.user_agent or translate("LogView", "(none)")),
        (translate("LogView", "Referer"), record.referer or translate("LogView", "(none)")),
    )
    return "\n".join(_padded(name + ":") + value for name, value in rows)


def _padded(label: str, columns: int = 12) -> str:
    """``label`` and spaces to ``columns`` monospace cells; a CJK character takes two."""
    width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in label)
    return label + " " * max(1, columns - width)


def _duration(record: RequestRecord) -> str:
    own = format_duration(own_duration(record))
    if not record.background_s:
        return own
    return translate("LogView", "{own}, and it waited {waited} for a thumbnail being made "
                                "(background work, not a slow answer)").format(
        own=own, waited=format_duration(record.background_s))


def _sent(record: RequestRecord) -> str:
    text = translate("LogView", "{size} ({bytes} bytes)").format(
        size=format_size(record.bytes_sent), bytes=f"{record.bytes_sent:,}")
    if not record.incomplete:
        return text
    if record.bytes_expected is None:
        return text + translate("LogView", ", incomplete: cut short")
    return text + translate("LogView", ", incomplete: of {bytes} bytes").format(
        bytes=f"{record.bytes_expected:,}")



class LogTable(QTableView):
    """The request table. Its paint runs with the GIL held from start to end: the paint is
    entered from Python, so the model's per-cell data() calls made by Qt during it re-enter
    Python without handing the GIL back and forth with the engine's threads (each hand-off
    cost about 0.3 ms under load, ~80 ms per repaint of ~250 cells)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)

class LogPanel(QWidget):
    """Shows the LogModel through a LogFilterProxy. Paused rows are held, not lost."""

    def __init__(self, model: LogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # The proxy is attached only while a filter is active: unfiltered, the table shows the
        # model directly, so no per-row Python call is spent on filtering or index mapping.
        self.proxy = LogFilterProxy(self)
        self._held: deque[RequestRecord] = deque(maxlen=model.capacity)
        self._clients: set[str] = set()
        self._follow = True
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_text_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 12, 12, 12)
        layout.addLayout(self._build_bar())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self._build_table())
        self.splitter.addWidget(self._build_details())
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        model.rowsInserted.connect(self._update_count)
        model.rowsRemoved.connect(self._update_count)
        model.modelReset.connect(self._update_count)
        model.dataChanged.connect(self._update_count)  # an upload's row took a chunk
        self._update_count()

    # ---- building -------------------------------------------------------------------------

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.filter_edit = named(QLineEdit(), "logFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by path, client, user, method, status or agent")
        )
        self.filter_edit.setClearButtonEnabled(True)
        for inner in self.filter_edit.findChildren(QToolButton):
            inner.setAccessibleName(self.tr("Clear the filter"))
        self.filter_edit.setAccessibleName(self.tr("Filter requests"))
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.status_combo = named(QComboBox(), "statusFilter")
        self.status_combo.setAccessibleName(self.tr("Filter by status"))
        # as wide as "All statuses", not as the longest class: translations run longer
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_combo.setMinimumContentsLength(12)
        for label, classes in STATUS_CLASSES.items():
            self.status_combo.addItem(self.tr(label), classes)
        self.status_combo.currentIndexChanged.connect(self._apply_status_filter)
        self.client_combo = named(QComboBox(), "clientFilter")
        self.client_combo.setAccessibleName(self.tr("Filter by client"))
        self.client_combo.addItem(self.tr("All clients"), "")
        self.client_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.client_combo.currentIndexChanged.connect(self._apply_client_filter)
        self.pause_button = self._tool_button(
            self.tr("Pause"),
            self.tr("Pause the log"),
            self.tr("Stop adding rows; nothing is lost meanwhile"),
        )
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self.set_paused)
        self.latest_button = self._tool_button(
            self.tr("Latest ↓"),
            self.tr("Scroll to the latest request"),
            self.tr("Jump to the newest request and follow the log"),
        )
        self.latest_button.clicked.connect(self.scroll_to_latest)
        self.latest_button.setVisible(False)
        self.clear_button = self._tool_button(
            self.tr("Clear"), self.tr("Clear the log"), self.tr("Remove all rows (Ctrl+L)")
        )
        self.clear_button.clicked.connect(self.clear)
        self.export_button = self._tool_button(
            self.tr("Export…"),
            self.tr("Export the visible requests"),
            self.tr("Save the rows shown to CSV or JSON Lines"),
        )
        self.export_button.clicked.connect(self.export)
        self.chunks_check = named(QCheckBox(self.tr("Show chunks")), "showChunksCheck")
        self.chunks_check.setAccessibleName(self.tr("Show every request of resumable uploads"))
        self.chunks_check.setToolTip(self.tr("A resumable upload is one row, updated as its chunks "
                                             "arrive; check to see each of its requests (PATCH, "
                                             "HEAD) as a row of its own"))
        self.chunks_check.toggled.connect(self.set_show_chunks)
        self.count_label = named(QLabel(), "logCount")
        bar.addWidget(QLabel(self.tr("<b>Requests</b>")))
        bar.addWidget(self.count_label)
        bar.addWidget(self.filter_edit, 1)
        for widget in (self.status_combo, self.client_combo, self.chunks_check,
                       self.latest_button,
                       self.pause_button, self.clear_button, self.export_button):
            bar.addWidget(widget)
        return bar

    def _tool_button(self, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def _build_table(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        table = self.table = named(LogTable(), "requestLog")
        table.setAccessibleName(self.tr("Request log"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setCornerButtonEnabled(False)
        for inner in table.findChildren(QAbstractButton):  # Qt's (disabled) corner button
            inner.setAccessibleName(self.tr("Select all requests"))
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        table.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.model.rowsInserted.connect(self._follow_if_needed)
        self.proxy.rowsInserted.connect(self._follow_if_needed)
        self.empty_label = MutedLabel(self.tr("No requests yet. They appear here as soon as "
                                              "someone opens the shared "
                                              "address."), objectName="logEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(table, 1)
        layout.addWidget(self.empty_label)
        return box

    def _build_details(self) -> QPlainTextEdit:
        self.details = named(QPlainTextEdit(), "requestDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the selected request"))
        self.details.setPlaceholderText(self.tr("Select a request to see all its details here."))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return self.details

    # ---- data in --------------------------------------------------------------------------

    def add_records(self, records: list[RequestRecord]) -> None:
        """Append a batch from the bridge (held while paused)."""
        self._learn_clients(records)
        if self.pause_button.isChecked():
            self._held.extend(records)
            self._update_count()
            return
        self.model.append_batch(records)

    def set_paused(self, paused: bool) -> None:
        if self.pause_button.isChecked() != paused:
            self.pause_button.setChecked(paused)  # re-enters through toggled
            return
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setAccessibleName(
            self.tr("Resume the log") if paused else self.tr("Pause the log")
        )
        if not paused and self._held:
            held = list(self._held)
            self._held.clear()
            self.model.append_batch(held)
        self._update_count()

    def set_show_chunks(self, show: bool) -> None:
        if self.chunks_check.isChecked() != show:
            self.chunks_check.setChecked(show)  # re-enters through toggled
            return
        self.model.set_show_chunks(show)
        self.details.clear()
        self._update_count()
        if self._follow:
            self.table.scrollToBottom()

    def clear(self) -> None:
        self._held.clear()
        self.model.clear()
        self.details.clear()
        self._follow = True
        self.latest_button.setVisible(False)

    @property
    def held_count(self) -> int:
        return len(self._held)

    @property
    def following(self) -> bool:
        return self._follow

    def _learn_clients(self, records: list[RequestRecord]) -> None:
        if len(self._clients) >= MAX_CLIENTS_LISTED:
            return
        new = {record.client for record in records} - self._clients
        for client in sorted(new):
            if len(self._clients) >= MAX_CLIENTS_LISTED:
                break
            self._clients.add(client)
            self.client_combo.addItem(client, client)

    # ---- filtering ------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _apply_text_filter(self) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self._after_filter_change()

    def _apply_status_filter(self) -> None:
        self.proxy.set_status_classes(self.status_combo.currentData())
        self._after_filter_change()

    def _apply_client_filter(self) -> None:
        self.proxy.set_client(self.client_combo.currentData() or "")
        self._after_filter_change()

    def apply_filters_now(self) -> None:
        """Apply a pending text filter at once (instead of after the typing delay)."""
        self._filter_timer.stop()
        self._apply_text_filter()

    def _after_filter_change(self) -> None:
        self._show_model(self.proxy if self.proxy.active else self.model)
        self._update_count()
        if self._follow:
            self.table.scrollToBottom()

    def _show_model(self, wanted: LogModel | LogFilterProxy) -> None:
        table = self.table
        if table.model() is wanted:
            return
        header = table.horizontalHeader()
        state = header.saveState()
        if wanted is self.proxy:
            self.proxy.setSourceModel(self.model)
        table.setModel(wanted)
        if wanted is self.model:
            self.proxy.setSourceModel(None)  # type: ignore[arg-type]
        header.restoreState(state)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def visible_records(self) -> list[RequestRecord]:
        if self.table.model() is self.proxy:
            return self.proxy.visible_records()
        return self.model.records()

    def visible_count(self) -> int:
        return self.table.model().rowCount()

    # ---- auto-scroll ----------------------------------------------------------------------

    def _on_scrolled(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        self._follow = value >= bar.maximum()
        self.latest_button.setVisible(not self._follow)

    def _follow_if_needed(self, *_: object) -> None:
        if self._follow:
            self.table.scrollToBottom()

    def scroll_to_latest(self) -> None:
        self._follow = True
        self.latest_button.setVisible(False)
        self.table.scrollToBottom()

    # ---- details, export, counts ----------------------------------------------------------

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        self.show_details(indexes[0])

    def show_details(self, index: QModelIndex) -> None:
        if index.model() is self.proxy:
            index = self.proxy.mapToSource(index)
        if index.isValid():
            self.details.setPlainText(describe(self.model.record(index.row())))

    def export(self) -> Path | None:
        records = self.visible_records()
        if not records:
            dialogs.show_info(
                self,
                self.tr("Nothing to export"),
                self.tr("There are no requests in the log (or none match the filter)."),
            )
            return None
        suggested = Path.home() / time.strftime("pier-requests-%Y%m%d-%H%M%S.csv")
        path = dialogs.ask_export_path(self, suggested)
        if path is None:
            return None
        try:
            export_records(records, path)
        except OSError as err:
            dialogs.show_error(self, self.tr("Export failed"),
                               self.tr("Could not write {file}: {reason}.").format(
                                   file=path, reason=err.strerror or err))
            return None
        return path

    def _update_count(self, *_: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount() if self.proxy.active else total
        folded = self.model.folded_count and not self.model.show_chunks
        if self.proxy.active:
            text = self.tr("{shown} of %n shown", "", total).format(shown=f"{shown:,}")
        elif folded:
            text = self.tr("%n rows", "", total)
        else:
            text = self.tr("%n requests", "", total)
        if folded:
            text += self.tr(" · %n upload chunks folded", "", self.model.folded_count)
        if self._held:
            text += self.tr(" · %n waiting (paused)", "", len(self._held))
        self.count_label.setText(text)
        self.empty_label.setVisible(total == 0 and not self._held)

