"""Step 3 of the share panel: the share's addresses with Copy and Open, and a QR code beside
them. A share only this computer can open shows no QR code (a phone could not use it) but a
button that lets the devices on the network in."""

from __future__ import annotations

import io
import logging
import shutil
import sys

import segno
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from app.loopback import is_loopback_url
from ui import dialogs
from ui.contrast import MutedLabel
from ui.widget_names import named

log = logging.getLogger(__name__)

QR_SIZE = 176  # logical pixels: large enough for a phone at arm's length, small enough to sit
# beside the address list in the share panel
MAX_ROWS = 5  # addresses shown without scrolling the list


def qr_image_label(object_name: str, accessible_name: str) -> QLabel:
    """A fixed, square place for a QR code (qr_pixmap), as the address box and the Links tab
    show one."""
    label = named(QLabel(), object_name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFixedSize(QR_SIZE, QR_SIZE)
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    label.setAccessibleName(accessible_name)
    return label


def qr_pixmap(text: str, size: int, device_pixel_ratio: float) -> QPixmap:
    """A crisp QR code of ``text``, about ``size`` logical pixels wide, dark on light."""
    code = segno.make(text, error="m")
    modules = code.symbol_size(scale=1, border=2)[0]
    scale = max(1, int(size * device_pixel_ratio) // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=2, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def why_no_browser() -> str:
    """A likely reason the system opened no browser, in words for the user."""
    if sys.platform.startswith("linux") and shutil.which("xdg-open") is None:
        return (translate("AddressBox", "This system has no “xdg-open”, which Pier uses to find "
                                        "your web browser (on Debian or Ubuntu it comes with the "
                                        "xdg-utils package)."))
    return translate("AddressBox", "No default web browser is set up, or it did not start.")


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    return button


class AddressBox(QWidget):
    """Addresses, Copy address, Open in browser, the QR code of the selected address."""

    lan_requested = Signal()  # "Let devices on my network in" was pressed
    drive_requested = Signal()  # "Connect as a drive…" was pressed (ui/connect_drive.py)
    doctor_requested = Signal()  # "Phone can't connect?" was pressed (ui/doctor_entry.py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressBox")
        self._local_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.url_hint = named(QLabel(wordWrap=True), "urlHint")
        layout.addWidget(self.url_hint)
        self.port_notice = named(QLabel(wordWrap=True), "portNotice")
        self.port_notice.setAccessibleName(self.tr("Port changed"))
        self.port_notice.setVisible(False)
        layout.addWidget(self.port_notice)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addLayout(self._build_list_column(), 1)
        row.addLayout(self._build_qr_column())
        layout.addLayout(row)
        self.lan_button = _button(self.tr("Let devices on my network in"), "letLanInButton",
                                  self.tr("Share with phones and other computers on this network "
                                          "(restarts the share on the local network)"))
        self.lan_button.setVisible(False)
        self.lan_button.clicked.connect(self.lan_requested)
        layout.addWidget(self.lan_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.set_urls([])

    def _build_list_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.url_list = named(QListWidget(), "urlList")
        self.url_list.setAccessibleName(self.tr("Addresses of the share"))
        self.url_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.url_list.customContextMenuRequested.connect(self._on_url_menu)
        self.url_list.currentItemChanged.connect(self._on_current_url_changed)
        self.url_list.itemDoubleClicked.connect(lambda item: self.open_url(item.text()))
        column.addWidget(self.url_list)
        self.copy_button = _button(self.tr("Copy address"), "copyAddressButton",
                                   self.tr("Copy the selected address"))
        self.open_button = _button(self.tr("Open in browser"), "openInBrowserButton",
                                   self.tr("Open the selected address in your browser"))
        self.drive_button = _button(self.tr("Connect as a drive…"), "connectDriveButton",
                                    self.tr("Open this share as a network drive: the address to "
                                            "type on Windows, macOS, Linux or in rclone"))
        self.copy_button.clicked.connect(lambda: self.copy_url(self.selected_url()))
        self.open_button.clicked.connect(lambda: self.open_url(self.selected_url()))
        self.drive_button.clicked.connect(self.drive_requested)
        column.addWidget(self.copy_button)
        column.addWidget(self.open_button)
        column.addWidget(self.drive_button)
        self.doctor_button = _button(self.tr("Phone can't connect?"), "phoneCantConnectButton",
                                     self.tr("Test the connection from your phone and find out "
                                             "what stops it (firewall, network, VPN)"))
        self.doctor_button.setFlat(True)  # a link: help, not one more action on the share
        self.doctor_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.doctor_button.setStyleSheet("QPushButton { color: palette(link); border: none; "
                                         "text-decoration: underline; text-align: left; "
                                         "padding: 2px 0px; }")
        self.doctor_button.clicked.connect(self.doctor_requested)
        column.addWidget(self.doctor_button)
        column.addStretch(1)
        return column

    def _build_qr_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.qr_label = qr_image_label("qrCode", self.tr("QR code of the selected address"))
        column.addWidget(self.qr_label)
        self.qr_caption = MutedLabel(objectName="qrCaption", wordWrap=True)
        self.qr_caption.setAccessibleName(self.tr("Address in the QR code"))
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setMaximumWidth(QR_SIZE)
        column.addWidget(self.qr_caption)
        column.addStretch(1)
        return column

    # ---- addresses ------------------------------------------------------------------------

    def set_urls(self, urls: list[str]) -> None:
        local_only = bool(urls) and all(is_loopback_url(url) for url in urls)
        self._local_only = local_only
        self.url_list.clear()
        for url in urls:
            QListWidgetItem(url, self.url_list)
        if urls:
            lan = [i for i, url in enumerate(urls) if not is_loopback_url(url)]
            self.url_list.setCurrentRow(lan[0] if lan else 0)
        self._show_qr("" if local_only else self.selected_url())
        has_urls = bool(urls)
        for button in (self.copy_button, self.open_button, self.drive_button,
                       self.doctor_button):
            button.setVisible(has_urls)
            button.setEnabled(has_urls)
        self.url_list.setVisible(has_urls)
        self.lan_button.setVisible(local_only)
        if not has_urls:
            self.set_port_notice(None)
        self._fit_url_list()
        self._update_hint(urls, local_only)

    def set_port_notice(self, notice: str | None) -> None:
        """Why the share is not on the port it had last time (shown while it runs)."""
        self.port_notice.setText(notice or "")
        self.port_notice.setVisible(bool(notice))

    def _fit_url_list(self) -> None:
        rows = max(1, min(self.url_list.count(), MAX_ROWS))
        frame = 2 * self.url_list.frameWidth()
        self.url_list.setFixedHeight(rows * self.url_list.sizeHintForRow(0) + frame + 4
                                     if self.url_list.count() else 0)

    def selected_url(self) -> str:
        item = self.url_list.currentItem()
        return item.text() if item else ""

    @property
    def local_only(self) -> bool:
        """Sharing, but only this computer can connect (no QR code, the LAN button shown)."""
        return self._local_only

    def _update_hint(self, urls: list[str], local_only: bool) -> None:
        if not urls:
            self.url_hint.setText(
                self.tr("The addresses to open appear here once sharing has started.")
            )
        elif local_only:
            self.url_hint.setText(self.tr("Only this computer can open these addresses, so there "
                                          "is no QR code: a phone could not use it."))
        else:
            self.url_hint.setText(self.tr("Open an address on a device in the same network, or "
                                          "scan the code with a phone:"))

    def _on_current_url_changed(self, current: QListWidgetItem | None, *_: object) -> None:
        self._show_qr("" if current is None or self._local_only else current.text())

    def _show_qr(self, url: str) -> None:
        if not url:
            self.qr_label.clear()
            self.qr_label.setVisible(False)
            self.qr_caption.setText("")
            self.qr_caption.setVisible(False)
            return
        self.qr_label.setPixmap(qr_pixmap(url, QR_SIZE, self.devicePixelRatioF()))
        self.qr_label.setToolTip(url)
        self.qr_label.setVisible(True)
        self.qr_caption.setText(url)
        self.qr_caption.setVisible(True)

    # ---- copy and open --------------------------------------------------------------------

    def _on_url_menu(self, position: QPoint) -> None:
        item = self.url_list.itemAt(position)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Copy address"), lambda: self.copy_url(item.text()))
        menu.addAction(self.tr("Open in browser"), lambda: self.open_url(item.text()))
        menu.addAction(self.tr("Connect as a drive…"), self.drive_requested.emit)
        menu.exec(self.url_list.viewport().mapToGlobal(position))

    def copy_url(self, url: str) -> None:
        if url:
            QGuiApplication.clipboard().setText(url)

    def open_url(self, url: str) -> None:
        if not url or dialogs.open_in_browser(url):
            return
        log.warning("the system opened no browser for %s", url)
        dialogs.show_error(self, self.tr("Could not open a browser"),
                           self.tr("Pier asked the system to open {url} in a web browser, but "
                                   "none opened. {why}\n\nCopy the address (Copy address) and "
                                   "paste it into a browser instead.").format(
                               url=url, why=why_no_browser()))
