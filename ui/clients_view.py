"""The Clients tab: who is connected and what they did, their running transfers, unfinished
resumable uploads, and bans.

Disconnect, ban, unban and cancel (of a transfer or an upload) go to the app's ShareControl: a
bad address is refused at once, the rest is done off the GUI thread (a permanent ban writes a
file, cancelling an upload removes its partial file) and the live data the service asks for
right after shows the result."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.hostnames import HostNames
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.monitor_feed import LiveData, TransferInfo
from app.share_control import ShareControl
from server.errors import PierError
from server.records import UnfinishedUpload
from server.units import format_rate, format_size
from ui import dialogs
from ui.log_model import display_path
from ui.traffic_models import (
    KEY_ROLE,
    KeyedTableModel,
    ProgressDelegate,
    Row,
    quiet_corner,
    sorted_view,
)
from ui.widget_names import named

CLIENT_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Address"),
    QT_TRANSLATE_NOOP("Columns", "Host name"),
    QT_TRANSLATE_NOOP("Columns", "User"),
    QT_TRANSLATE_NOOP("Columns", "Requests"),
    QT_TRANSLATE_NOOP("Columns", "Sent"),
    QT_TRANSLATE_NOOP("Columns", "Received"),
    QT_TRANSLATE_NOOP("Columns", "Last seen"),
    QT_TRANSLATE_NOOP("Columns", "Transfers now"),
)
TRANSFER_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Client"),
    QT_TRANSLATE_NOOP("Columns", "Path"),
    QT_TRANSLATE_NOOP("Columns", "Direction"),
    QT_TRANSLATE_NOOP("Columns", "Progress"),
    QT_TRANSLATE_NOOP("Columns", "Speed"),
)
BAN_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Banned address or network"),
    QT_TRANSLATE_NOOP("Columns", "Until"),
)
UPLOAD_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Who"),
    QT_TRANSLATE_NOOP("Columns", "File"),
    QT_TRANSLATE_NOOP("Columns", "Progress"),
    QT_TRANSLATE_NOOP("Columns", "State"),
    QT_TRANSLATE_NOOP("Columns", "Last activity"),
)
PROGRESS_COLUMN = 3
UPLOAD_PROGRESS_COLUMN = 2


def ago(seconds: float) -> str:
    if seconds < 1:
        return translate("ClientsView", "now")
    if seconds < 60:
        return translate("ClientsView", "{seconds} s ago").format(seconds=f"{seconds:.0f}")
    if seconds < 3600:
        return translate("ClientsView", "{minutes} min ago").format(minutes=f"{seconds // 60:.0f}")
    return translate("ClientsView", "{hours} h ago").format(hours=f"{seconds // 3600:.0f}")


def progress_text(transfer: TransferInfo) -> str:
    if transfer.total is None:
        return format_size(transfer.done)
    fraction = transfer.fraction or 0.0
    return translate("ClientsView", "{percent} of {total}").format(
        percent=f"{fraction:.0%}", total=format_size(transfer.total))


def upload_progress_text(upload: UnfinishedUpload) -> str:
    return translate("ClientsView", "{percent} · {received} of {total}").format(
        percent=f"{upload.fraction:.0%}", received=format_size(upload.received),
        total=format_size(upload.length))


def who_text(upload: UnfinishedUpload) -> str:
    """The account, or "visitor" (no login), and the address of its last request if known."""
    who = upload.owner or translate("ClientsView", "visitor")
    return f"{who} ({upload.client})" if upload.client else who


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.setEnabled(False)
    return button


def _table(name: str, caption: str, model: KeyedTableModel, sort_column: int,
           order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QTableView:
    table = named(QTableView(), name)
    table.setAccessibleName(caption)
    table.setModel(sorted_view(model, table))
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    quiet_corner(table, caption)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def selected_key(table: QTableView) -> Hashable | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].data(KEY_ROLE) if rows else None


def select_key(table: QTableView, key: Hashable) -> bool:
    """Select the row whose key is ``key`` (for tests and keyboard users); False if absent."""
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(KEY_ROLE) == key:
            table.selectRow(row)
            return True
    return False


class ClientsView(QWidget):
    def __init__(self, control: ShareControl, host_names: HostNames | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientsView")
        self._control = control
        self.host_names = host_names or HostNames()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 12, 12, 12)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_clients())
        splitter.addWidget(self._build_transfers())
        splitter.addWidget(self._build_uploads())
        splitter.addWidget(self._build_bans())
        for index, stretch in enumerate((3, 2, 2, 1)):
            splitter.setStretchFactor(index, stretch)
        layout.addWidget(splitter)
        control.failed.connect(self._on_failed)

    # ---- building -------------------------------------------------------------------------

    def _build_clients(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Clients</b> (since the share started)")))
        self.clients_model = KeyedTableModel(CLIENT_COLUMNS, (3, 4, 5), self)
        self.clients_table = _table("clientsTable", self.tr("Clients"), self.clients_model, 6,
                                    Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((120, 170, 80, 80, 90, 90, 90)):
            self.clients_table.setColumnWidth(column, width)
        self.clients_table.customContextMenuRequested.connect(self._on_client_menu)
        self.clients_table.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout.addWidget(self.clients_table)
        self.disconnect_button = _button(
            self.tr("Disconnect"),
            "disconnectButton",
            self.tr("Close this client's connections now (it may reconnect)"),
        )
        self.ban_session_button = _button(self.tr("Ban for this session"), "banSessionButton",
                                          self.tr("Refuse this address until Pier quits"))
        self.ban_permanent_button = _button(
            self.tr("Ban permanently"),
            "banPermanentButton",
            self.tr("Refuse this address from now on, also after a restart"),
        )
        self.disconnect_button.clicked.connect(self.disconnect_selected)
        self.ban_session_button.clicked.connect(lambda: self.ban_selected(permanent=False))
        self.ban_permanent_button.clicked.connect(lambda: self.ban_selected(permanent=True))
        layout.addLayout(_bar(self.disconnect_button, self.ban_session_button,
                              self.ban_permanent_button))
        return box

    def _build_transfers(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Transfers now</b> (large downloads and uploads)")))
        self.transfers_model = KeyedTableModel(TRANSFER_COLUMNS, (4,), self)
        self.transfers_table = _table(
            "transfersTable", self.tr("Transfers now"), self.transfers_model, 0
        )
        self.transfers_table.setItemDelegateForColumn(PROGRESS_COLUMN,
                                                      ProgressDelegate(self.transfers_table))
        for column, width in enumerate((120, 260, 80, 200)):
            self.transfers_table.setColumnWidth(column, width)
        self.transfers_table.customContextMenuRequested.connect(self._on_transfer_menu)
        self.transfers_table.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout.addWidget(self.transfers_table)
        self.cancel_button = _button(self.tr("Cancel transfer"), "cancelTransferButton",
                                     self.tr("Stop this download or upload now"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        layout.addLayout(_bar(self.cancel_button))
        return box

    def _build_uploads(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Unfinished uploads</b> (resumable: the sender may go "
                                        "on later)")))
        self.uploads_model = KeyedTableModel(UPLOAD_COLUMNS, (), self)
        self.uploads_table = _table(
            "uploadsTable",
            self.tr("Unfinished uploads"),
            self.uploads_model,
            4,
            Qt.SortOrder.DescendingOrder,
        )
        self.uploads_table.setItemDelegateForColumn(UPLOAD_PROGRESS_COLUMN,
                                                    ProgressDelegate(self.uploads_table))
        for column, width in enumerate((170, 260, 200, 80)):
            self.uploads_table.setColumnWidth(column, width)
        self.uploads_table.customContextMenuRequested.connect(self._on_upload_menu)
        self.uploads_table.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout.addWidget(self.uploads_table)
        self.cancel_upload_button = _button(
            self.tr("Cancel upload"),
            "cancelUploadButton",
            self.tr(
                "Remove this unfinished upload and the part received; the sender cannot resume it"
            ),
        )
        self.cancel_upload_button.clicked.connect(self.cancel_upload_selected)
        layout.addLayout(_bar(self.cancel_upload_button))
        return box

    def _build_bans(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Banned</b> (refused when they connect)")))
        self.bans_model = KeyedTableModel(BAN_COLUMNS, (), self)
        self.bans_table = _table("bansTable", self.tr("Banned addresses"), self.bans_model, 0)
        self.bans_table.setColumnWidth(0, 260)
        self.bans_table.selectionModel().selectionChanged.connect(self._sync_buttons)
        layout.addWidget(self.bans_table)
        self.unban_button = _button(
            self.tr("Unban"), "unbanButton", self.tr("Let this address connect again")
        )
        self.unban_button.clicked.connect(self.unban_selected)
        self.ban_edit = named(QLineEdit(), "banEdit")
        self.ban_edit.setPlaceholderText(
            self.tr("Address or network, e.g. 192.168.1.50 or 10.0.0.0/8")
        )
        self.ban_edit.setAccessibleName(self.tr("Address or network to ban"))
        self.ban_edit.returnPressed.connect(self.ban_typed)
        self.ban_button = _button(self.tr("Ban"), "banTypedButton",
                                  self.tr("Ban the typed address or network for this session"))
        self.ban_button.setEnabled(True)
        self.ban_button.clicked.connect(self.ban_typed)
        row = _bar(self.unban_button)
        row.addWidget(self.ban_edit, 1)
        row.addWidget(self.ban_button)
        layout.addLayout(row)
        return box

    # ---- updating ---------------------------------------------------------------------------

    def show_data(self, data: LiveData) -> None:
        by_client: dict[str, list[TransferInfo]] = defaultdict(list)
        for transfer in data.transfers:
            by_client[transfer.client].append(transfer)
        rows = [self._client_row(c.address, c.user, c.requests, c.bytes_sent,
                                 c.bytes_received, c.last_seen, data.time,
                                 by_client.get(c.address, []))
                for c in data.snapshot.clients]
        known = {c.address for c in data.snapshot.clients}
        for address, transfers in by_client.items():  # no request finished yet: still a client
            if address not in known:
                rows.append(self._client_row(address, transfers[0].user, 0, 0, 0, data.time,
                                             data.time, transfers))
        self.clients_model.set_rows(rows)
        self.transfers_model.set_rows([self._transfer_row(t) for t in data.transfers])
        self.uploads_model.set_rows([self._upload_row(u, data.time) for u in data.uploads])
        self.bans_model.set_rows(
            [Row(net, (net, "permanent" if permanent else self.tr("Pier quits")), (net, permanent))
             for net, permanent in data.bans])
        self._sync_buttons()

    def _client_row(self, address: str, user: str, requests: int, sent: int, received: int,
                    last_seen: float, now: float, transfers: list[TransferInfo]) -> Row:
        """A client with a transfer running is seen now, whenever its last request ended."""
        if transfers:
            last_seen = now
        host = self.host_names.name(address)
        speed = sum(t.bytes_per_s for t in transfers)
        now_text = self.tr("{count} at {speed}").format(
            count=len(transfers), speed=format_rate(speed)) if transfers else ""
        texts = (address, host or "—", user or "—", f"{requests:,}", format_size(sent),
                 format_size(received), ago(max(0.0, now - last_seen)), now_text)
        values = (address, host, user, requests, sent, received, last_seen, speed)
        return Row(address, texts, values)

    @staticmethod
    def _transfer_row(transfer: TransferInfo) -> Row:
        fraction = transfer.fraction
        direction = "download" if transfer.direction == "down" else "upload"
        path = display_path(transfer.path)
        texts = (transfer.client, path, direction, progress_text(transfer),
                 format_rate(transfer.bytes_per_s))
        values = (transfer.client, path, direction,
                  fraction if fraction is not None else -1.0, transfer.bytes_per_s)
        return Row(transfer.id, texts, values)

    @staticmethod
    def _upload_row(upload: UnfinishedUpload, now: float) -> Row:
        state = "receiving" if upload.receiving else "paused"
        texts = (who_text(upload), upload.file, upload_progress_text(upload), state,
                 "now" if upload.receiving else ago(max(0.0, now - upload.last_activity)))
        values = (who_text(upload), upload.file, upload.fraction, state, upload.last_activity)
        return Row(upload.key, texts, values)

    def _sync_buttons(self, *_: object) -> None:
        client = selected_key(self.clients_table) is not None
        for button in (self.disconnect_button, self.ban_session_button,
                       self.ban_permanent_button):
            button.setEnabled(client)
        self.cancel_button.setEnabled(selected_key(self.transfers_table) is not None)
        self.cancel_upload_button.setEnabled(selected_key(self.uploads_table) is not None)
        self.unban_button.setEnabled(selected_key(self.bans_table) is not None)

    # ---- actions ----------------------------------------------------------------------------

    def selected_client(self) -> str | None:
        key = selected_key(self.clients_table)
        return str(key) if key is not None else None

    def disconnect_selected(self) -> bool:
        """Ask to close the selected client's connections; ``disconnected`` tells when."""
        client = self.selected_client()
        if client is None:
            return False
        try:
            self._control.disconnect_client(client)
        except PierError as err:
            dialogs.show_error(self, self.tr("Cannot disconnect"), str(err))
            return False
        return True

    def ban_selected(self, *, permanent: bool) -> None:
        client = self.selected_client()
        if client is not None:
            self._ban(client, permanent=permanent)

    def ban_typed(self) -> None:
        if self._ban(self.ban_edit.text().strip(), permanent=False):
            self.ban_edit.clear()

    def _ban(self, target: str, *, permanent: bool) -> bool:
        """Ask for the ban; a bad address is said at once, a failure to save it later (through
        ``failed``). True when asked."""
        if not target:
            return False
        try:
            self._control.ban(target, permanent=permanent)
        except PierError as err:
            dialogs.show_error(self, self.tr("Cannot ban"), str(err))
            return False
        return True

    def unban_selected(self) -> None:
        key = selected_key(self.bans_table)
        if key is None:
            return
        try:
            self._control.unban(str(key))
        except PierError as err:
            dialogs.show_error(self, self.tr("Cannot unban"), str(err))

    def cancel_selected(self) -> bool:
        key = selected_key(self.transfers_table)
        if not isinstance(key, int):
            return False
        return self._control.cancel(key)

    def cancel_upload_selected(self) -> bool:
        """Ask to remove the selected unfinished upload; the live data shows when it is gone."""
        key = selected_key(self.uploads_table)
        if not isinstance(key, str):
            return False
        self._control.cancel_upload(key)
        return True

    def _on_failed(self, title: str, message: str) -> None:
        dialogs.show_error(self, self.tr(title), message)

    # ---- context menus ----------------------------------------------------------------------

    def _on_client_menu(self, pos: QPoint) -> None:
        self._menu(self.clients_table, pos, (
            (self.tr("Disconnect"), self.disconnect_selected),
            (self.tr("Ban for this session"), lambda: self.ban_selected(permanent=False)),
            (self.tr("Ban permanently"), lambda: self.ban_selected(permanent=True))))

    def _on_transfer_menu(self, pos: QPoint) -> None:
        self._menu(self.transfers_table, pos, ((self.tr("Cancel transfer"), self.cancel_selected),))

    def _on_upload_menu(self, pos: QPoint) -> None:
        self._menu(
            self.uploads_table, pos, ((self.tr("Cancel upload"), self.cancel_upload_selected),)
        )

    def _menu(self, table: QTableView, pos: QPoint,
              entries: tuple[tuple[str, Callable[[], object]], ...]) -> None:
        index: QModelIndex = table.indexAt(pos)
        if not index.isValid():
            return
        table.selectRow(index.row())
        menu = QMenu(self)
        for text, slot in entries:
            menu.addAction(text).triggered.connect(slot)
        menu.exec(table.viewport().mapToGlobal(pos))

    def stop(self) -> None:
        self.host_names.stop()


def _bar(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
