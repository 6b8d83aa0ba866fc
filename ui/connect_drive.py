""""Connect as a drive…": what to type on Windows, macOS, GNOME, KDE, rclone and davfs2 to open
the running share as a network drive (WebDAV), one tab per system, each address in a read-only
field with a Copy button.

The addresses come from ``app.drive_addresses`` through ``ServerController.drive_share()``;
this module only shows them. Object names: the dialog ``connectDriveDialog``, ``connectDriveTabs``,
``connectDriveSummary``, ``connectDriveCopied``, ``connectDriveIdle``; per system (``windows``,
``macos``, ``gnome``, ``kde``, ``rclone``, ``davfs2``) the page ``<system>DriveTab``, its
``<system>DriveSteps`` and ``<system>DriveNotes``, and per address (N from 0, in the order shown)
``<system>DriveAddress<N>`` and ``<system>DriveCopy<N>``. The button beside the share's
addresses is ``connectDriveButton`` (ui/address_box.py), the Share menu's item
``connectDriveAction``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.controller import ServerController, ServerState
from app.drive_addresses import DriveAddress, DriveGuide, DriveShare, drive_guides
from app.i18n import translate
from ui.address_box import AddressBox
from ui.contrast import MutedLabel
from ui.widget_names import named

FIELD_MAX_WIDTH = 640  # logical pixels; a longer command scrolls inside its field


def summary_of(share: DriveShare) -> str:
    """E.g. "This share: port 8000 · plain HTTP (not encrypted) · login required"."""
    parts = [translate("ConnectDrive", "This share: port {port}").format(port=share.port),
             translate("ConnectDrive", "HTTPS") if share.tls
             else translate("ConnectDrive", "plain HTTP (not encrypted)")]
    if share.login:
        parts.append(translate("ConnectDrive", "login required, visitors may look")
                     if share.visitors_may_read
                     else translate("ConnectDrive", "login required"))
    else:
        parts.append(translate("ConnectDrive", "no login"))
    return " · ".join(parts)


class ConnectDriveDialog(QDialog):
    """The addresses of the running share per system; ``refresh`` reads them again."""

    def __init__(self, share_of: Callable[[], DriveShare | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDriveDialog")
        self.setWindowTitle(self.tr("Connect as a drive — Pier"))
        self._share_of = share_of
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "ConnectDrive",
                    "Pier's share is also a WebDAV server: your file manager can open it like a "
                    "disk, with drag and drop, within the rights the share and the account give. "
                    "Pick your system and copy an address.",
                ),
                wordWrap=True,
            )
        )
        self.summary = named(QLabel(), "connectDriveSummary")
        layout.addWidget(self.summary)
        self.idle_label = named(
            QLabel(translate("ConnectDrive", "Start sharing to see the addresses."), wordWrap=True),
            "connectDriveIdle",
        )
        layout.addWidget(self.idle_label)
        self.tabs = named(QTabWidget(), "connectDriveTabs")
        self.tabs.setAccessibleName(self.tr("Systems"))
        layout.addWidget(self.tabs, 1)
        self.copied_label = MutedLabel(objectName="connectDriveCopied", wordWrap=True)
        layout.addWidget(self.copied_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            named(button, "connectDriveCloseButton").setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the share's addresses now (or that it is not sharing), on the same tab."""
        share = self._share_of()
        current = self.tabs.currentIndex()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            assert page is not None
            page.setParent(None)  # gone from findChild at once, not only after deleteLater
            page.deleteLater()
        self.copied_label.setText("")
        self.idle_label.setVisible(share is None)
        self.tabs.setVisible(share is not None)
        self.summary.setVisible(share is not None)
        if share is None:
            return
        self.summary.setText(summary_of(share))
        for guide in drive_guides(share):
            self.tabs.addTab(self._page(guide), guide.title)
        self.tabs.setCurrentIndex(max(current, 0))

    def _page(self, guide: DriveGuide) -> QWidget:
        page = named(QWidget(), f"{guide.system}DriveTab")
        layout = QVBoxLayout(page)
        layout.addWidget(named(QLabel(guide.steps, wordWrap=True), f"{guide.system}DriveSteps"))
        grid = QGridLayout()
        for row, address in enumerate(guide.addresses):
            self._add_row(grid, row, guide.system, address)
        layout.addLayout(grid)
        notes = named(QLabel("\n".join(f"• {note}" for note in guide.notes), wordWrap=True),
                      f"{guide.system}DriveNotes")
        notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(notes)
        layout.addStretch(1)
        return page

    def _add_row(self, grid: QGridLayout, row: int, system: str, address: DriveAddress) -> None:
        field = named(QLineEdit(address.text), f"{system}DriveAddress{row}")
        field.setReadOnly(True)
        field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        field.setAccessibleName(self.tr("Address using {host}").format(host=address.host))
        width = field.fontMetrics().horizontalAdvance(address.text) + 16
        field.setMinimumWidth(min(width, FIELD_MAX_WIDTH))
        field.setCursorPosition(0)
        copy = named(QPushButton(self.tr("Copy")), f"{system}DriveCopy{row}")
        copy.setAccessibleName(self.tr("Copy the address using {host}").format(host=address.host))
        copy.setToolTip(self.tr("Copy {address}").format(address=address.text))
        copy.clicked.connect(lambda: self.copy(address.text))
        grid.addWidget(field, row, 0)
        grid.addWidget(copy, row, 1)
        if address.local_only:
            field.setToolTip(self.tr("Only this computer can use this address"))
            grid.addWidget(MutedLabel(self.tr("this computer only")), row, 2)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied_label.setText(self.tr("Copied: {text}").format(text=text))


class ConnectDrive:
    """The Share menu's "Connect as a drive…" and the button beside the addresses, both
    enabled only while sharing, and the dialog they open (kept current while it is open)."""

    def __init__(self, window: QMainWindow, controller: ServerController,
                 address_box: AddressBox) -> None:
        self._window = window
        self._controller = controller
        self.dialog: ConnectDriveDialog | None = None
        self.action = named(
            QAction(translate("ConnectDrive", "Connect as a &drive…"), window), "connectDriveAction"
        )
        self.action.setStatusTip(
            translate("ConnectDrive", "How to open this share as a network drive")
        )
        self.action.triggered.connect(self.open)
        address_box.drive_requested.connect(self.open)
        controller.state_changed.connect(self._on_state)
        controller.reconfigured.connect(lambda *_: self._on_state(controller.state))
        self._on_state(controller.state)

    def open(self) -> ConnectDriveDialog | None:
        if self._controller.state is not ServerState.RUNNING:
            return None
        if self.dialog is None:
            self.dialog = ConnectDriveDialog(self._controller.drive_share, self._window)
        else:
            self.dialog.refresh()  # accounts (Digest for Windows) may have changed since
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _on_state(self, state: ServerState) -> None:
        running = state is ServerState.RUNNING
        self.action.setEnabled(running)
        if self.dialog is not None and state in (ServerState.RUNNING, ServerState.STOPPED):
            self.dialog.refresh()
