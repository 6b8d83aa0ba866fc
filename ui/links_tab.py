"""The Links tab (``linksTab``): the share links of the links file, made here, by ``pier link``
or changed by the running share (downloads, last use, a lock after wrong PINs), refreshed every
second. **New link…** (or a file or folder of the share dropped on the window) opens the New link
dialog (ui/link_dialog.py); the selected link shows its QR code with Copy, Revoke and Unlock.

Every answer about files and links comes from the link service (app.link_service): this tab
only shows rows and passes on clicks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.controller import ServerController
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.link_service import LinkRow, LinkService
from app.loopback import is_loopback_url
from server.errors import LinkStoreError, UnknownLinkError
from ui import dialogs
from ui.address_box import qr_image_label, qr_pixmap
from ui.contrast import MutedLabel
from ui.link_dialog import NewLinkDialog
from ui.traffic_models import quiet_corner
from ui.widget_names import named

REFRESH_MS = 1000  # the store looks at the file at most once a second: changes show within 2 s
QR_SIZE = 176
COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Address"),
    QT_TRANSLATE_NOOP("Columns", "State"),
    QT_TRANSLATE_NOOP("Columns", "Ends"),
    QT_TRANSLATE_NOOP("Columns", "Downloads"),
    QT_TRANSLATE_NOOP("Columns", "Last used by"),
)
ENDED = ("expired", "revoked", "used up")
# a link's state (server.link_model.LinkState) as the table shows it
STATE_TEXTS = {"active": QT_TRANSLATE_NOOP("LinksTab", "active"),
               "expired": QT_TRANSLATE_NOOP("LinksTab", "expired"),
               "revoked": QT_TRANSLATE_NOOP("LinksTab", "revoked"),
               "used up": QT_TRANSLATE_NOOP("LinksTab", "used up"),
               "locked": QT_TRANSLATE_NOOP("LinksTab", "locked")}


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    return button


class LinksTab(QWidget):
    show_requested = Signal()  # a link was just made (e.g. from a drop): bring this tab forward

    def __init__(self, service: LinkService, controller: ServerController,
                 folder_edit: QLineEdit, parent: QWidget | None = None) -> None:
        """``folder_edit`` is the share panel's folder: links are made inside it."""
        super().__init__(parent)
        self.setObjectName("linksTab")
        self._service = service
        self._share_folder = folder_edit.text
        self._rows: list[LinkRow] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_row())
        body = QHBoxLayout()
        body.addWidget(self._build_table(), 1)
        body.addLayout(self._build_side())
        layout.addLayout(body, 1)
        controller.started.connect(self._on_started)
        controller.reconfigured.connect(lambda urls, _what: self._on_started(urls))  # new port
        controller.stopped.connect(self._on_stopped)
        service.set_addresses(controller.urls)
        service.set_share(folder_edit.text())
        service.load()
        folder_edit.textChanged.connect(lambda _text: self.refresh())
        self._fill_addresses()
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._show_rows()

    # ---- building -------------------------------------------------------------------------

    def _build_top_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = _button(self.tr("New link…"), "newLinkButton",
                                  self.tr("Make a link to one file or folder of the share (or drop "
                                          "it on the window)"))
        self.new_button.clicked.connect(lambda: self.open_new_link())
        row.addWidget(self.new_button)
        self.address_label = QLabel(self.tr("Address:"))
        self.address_combo = named(QComboBox(), "linkAddressCombo")
        self.address_combo.setAccessibleName(self.tr("Address the links use"))
        self.address_label.setBuddy(self.address_combo)
        self.address_combo.currentIndexChanged.connect(lambda _i: self._show_rows())
        row.addWidget(self.address_label)
        row.addWidget(self.address_combo)
        self.hint = MutedLabel(objectName="linksHint", wordWrap=True)
        row.addWidget(self.hint, 1)
        return row

    def _build_table(self) -> QTableWidget:
        self.table = named(QTableWidget(0, len(COLUMNS)), "linksTable")
        self.table.setAccessibleName(self.tr("Share links"))
        self.table.setHorizontalHeaderLabels([translate("Columns", c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the token's ends, the name
        quiet_corner(self.table, self.tr("Share links"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        return self.table

    def _build_side(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.qr_label = qr_image_label("linkQr", self.tr("QR code of the selected link"))
        column.addWidget(self.qr_label)
        self.details = MutedLabel(objectName="linkDetails", wordWrap=True)
        self.details.setFixedWidth(QR_SIZE)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.details)
        self.copy_button = _button(self.tr("Copy link"), "copyLinkButton",
                                   self.tr("Copy the selected link's address"))
        self.revoke_button = _button(self.tr("Revoke"), "revokeLinkButton",
                                     self.tr("Revoke ends the link at once (downloads on it are "
                                             "cancelled); make a new link to give the item again"))
        self.unlock_button = _button(self.tr("Unlock"), "unlockLinkButton",
                                     self.tr("Let PINs be tried again on this link (it was locked "
                                             "after 10 wrong PINs)"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        for button in (self.copy_button, self.revoke_button, self.unlock_button):
            column.addWidget(button)
        column.addStretch(1)
        return column

    # ---- the share ------------------------------------------------------------------------

    def _on_started(self, urls: list[str]) -> None:
        self._service.set_addresses(urls)
        self._fill_addresses()
        self._show_rows()

    def _on_stopped(self) -> None:
        self._service.set_addresses([])
        self._fill_addresses()
        self._show_rows()

    def _fill_addresses(self) -> None:
        self.address_combo.blockSignals(True)
        self.address_combo.clear()
        for url in self._service.addresses:
            self.address_combo.addItem(url.rstrip("/"), url)
        preferred = self.address_combo.findData(self._service.preferred_address())
        self.address_combo.setCurrentIndex(max(preferred, 0))
        self.address_combo.blockSignals(False)
        several = self.address_combo.count() > 1
        self.address_label.setVisible(several)
        self.address_combo.setVisible(several)

    def _address(self) -> str | None:
        data = self.address_combo.currentData()
        return data if isinstance(data, str) else None

    # ---- rows -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Take in what the engine, ``pier link`` or the clock changed."""
        self._service.set_share(self._share_folder())
        self._service.refresh()
        self._show_rows()

    def _show_rows(self) -> None:
        self.new_button.setEnabled(self._service.share_ready())
        self.hint.setText(self._hint())
        rows = self._service.rows(self._address())
        if rows != self._rows:
            self._fill_table(rows)
        self._show_selected()

    def _hint(self) -> str:
        if self._service.problem:
            return self._service.problem
        if not self._service.share_ready():
            return self.tr("Choose a folder to share, then make links to what it holds.")
        if not self._service.addresses:
            return self.tr("Links can be made now; their addresses show once sharing has started.")
        return self.tr("Anyone with a link can open what it gives until it ends: send it to one "
                       "person.")

    def _fill_table(self, rows: list[LinkRow]) -> None:
        selected = self.selected_id()
        self._rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        ended = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for index, row in enumerate(rows):
            name = row.name + ("/" if row.kind == "folder" else "")
            cells = (
                name,
                row.url or self.tr("(once sharing)"),
                self.tr(STATE_TEXTS.get(row.state, row.state)),
                row.expires,
                row.downloads,
                row.last_used,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setToolTip(row.path if column == 0 else text)
                if row.state in ENDED:
                    item.setForeground(ended)
                self.table.setItem(index, column, item)
            if row.id == selected:
                self.table.selectRow(index)
        self.table.blockSignals(False)

    def selected_row(self) -> LinkRow | None:
        chosen = self.table.selectedItems()
        if not chosen:
            return None
        link_id = chosen[0].data(Qt.ItemDataRole.UserRole)
        return next((row for row in self._rows if row.id == link_id), None)

    def selected_id(self) -> str | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select(self, link_id: str) -> None:
        for index, row in enumerate(self._rows):
            if row.id == link_id:
                self.table.selectRow(index)

    def _show_selected(self) -> None:
        row = self.selected_row()
        self.copy_button.setEnabled(row is not None and bool(row.url))
        self.revoke_button.setEnabled(row is not None and row.state != "revoked")
        self.unlock_button.setEnabled(row is not None and row.state == "locked")
        self.details.setText(self._details(row))
        self._show_qr(row)

    def _show_qr(self, row: LinkRow | None) -> None:
        url = row.url if row is not None and row.state not in ENDED else ""
        if not url or is_loopback_url(url):
            self.qr_label.clear()
            self.qr_label.setToolTip("")
            return
        if self.qr_label.toolTip() != url:
            self.qr_label.setPixmap(qr_pixmap(url, QR_SIZE, self.devicePixelRatioF()))
            self.qr_label.setToolTip(url)

    @staticmethod
    def _details(row: LinkRow | None) -> str:
        if row is None:
            return translate("LinksTab", "Select a link to see its QR code.")
        facts: list[str] = [row.kind, row.state]
        if row.has_pin:
            facts.append(translate("LinksTab", "PIN"))
        if row.upload:
            facts.append(translate("LinksTab", "uploads allowed"))
        lines = [" · ".join(facts), row.path]
        if not row.url:
            lines.append(
                translate("LinksTab", "The address and QR code show once sharing has started.")
            )
        elif is_loopback_url(row.url):
            lines.append(
                translate("LinksTab", "Only this computer can open this share: no QR code.")
            )
        return "\n".join(lines)

    # ---- actions --------------------------------------------------------------------------

    def open_new_link(self, path: str = "") -> NewLinkDialog | None:
        """The New link dialog, with ``path`` filled in; the new link is selected."""
        self._service.set_share(self._share_folder())
        if not self._service.share_ready():
            dialogs.show_error(self, self.tr("No folder to share"),
                               self.tr("Choose the folder to share first: a link gives out "
                                       "something it holds."))
            return None
        dialog = NewLinkDialog(self._service, path, parent=self)
        if dialogs.run_modal(dialog) and dialog.created_id:
            self._show_rows()
            self.select(dialog.created_id)
            self.show_requested.emit()
        dialog.deleteLater()
        return dialog

    def copy_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.url:
            QGuiApplication.clipboard().setText(row.url)

    def revoke_selected(self) -> None:
        self._change(self._service.revoke, self.tr("Could not revoke the link"))

    def unlock_selected(self) -> None:
        self._change(self._service.unlock, self.tr("Could not unlock the link"))

    def _change(self, action: Callable[[str], object], title: str) -> None:
        link_id = self.selected_id()
        if link_id is None:
            return
        try:
            action(link_id)
        except (LinkStoreError, UnknownLinkError) as err:
            dialogs.show_error(self, title, str(err))
        self._show_rows()

    # ---- dropped files and folders (the window passes its drops here first) ---------------

    def _dropped_path(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        self._service.set_share(self._share_folder())
        if not self._service.share_ready():
            return None
        for url in mime.urls():
            if url.isLocalFile() and self._service.inside_share(url.toLocalFile()):
                return url.toLocalFile()
        return None

    def accepts_drop(self, event: QDragEnterEvent) -> bool:
        """A file or folder of the share is dragged over the window: it will make a link."""
        if self._dropped_path(event) is None:
            return False
        event.acceptProposedAction()
        return True

    def take_drop(self, event: QDropEvent) -> bool:
        """A file or folder of the share was dropped: New link opens with it (after the drop
        has ended, so that the file manager is not held by a modal dialog)."""
        path = self._dropped_path(event)
        if path is None:
            return False
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self.open_new_link(path))
        return True
