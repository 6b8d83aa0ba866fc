"""The share panel: what to share and how, the Start/Stop button, live counters, addresses + QR."""

from __future__ import annotations

import io
import ipaddress
from urllib.parse import urlsplit

import segno
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.controller import ServerState, ShareRequest, summary_of_request
from app.settings import MAX_UPLOAD_MIB, SCOPE_LAN, SCOPE_LOCAL, Settings
from server.engine import EngineStats
from ui import dialogs
from ui.log_model import format_size

QR_SIZE = 184  # logical pixels
INDENT = 24  # sub-options sit under the option they belong to
ANONYMOUS_CHOICES = (("nothing (log in first)", False), ("look and download", True))
SCOPE_LABELS = ((SCOPE_LOCAL, "This computer only"), (SCOPE_LAN, "Local network"))
STATE_TEXT = {
    ServerState.STOPPED: ("Not sharing", "#888888"),
    ServerState.STARTING: ("Starting…", "#c08a00"),
    ServerState.RUNNING: ("Sharing", "#2e9d4f"),
    ServerState.STOPPING: ("Stopping…", "#c08a00"),
}


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


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


START_STYLE = """
QPushButton#startStopButton { border-radius: 6px; padding: 8px; }
QPushButton#startStopButton[running="false"] {
    background: palette(highlight); color: palette(highlighted-text); border: none; }
QPushButton#startStopButton[running="false"]:hover { border: 2px solid palette(highlighted-text); }
QPushButton#startStopButton[running="true"] {
    color: #c62828; border: 2px solid #c62828; background: palette(button); }
QPushButton#startStopButton:disabled { background: palette(button); color: palette(mid);
    border: 1px solid palette(mid); }
"""


def format_elapsed(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _check(text: str, name: str, tip: str) -> QCheckBox:
    check = QCheckBox(text, objectName=name)
    check.setAccessibleName(text)
    check.setToolTip(tip)
    return check


def _row(*widgets: QWidget, indent: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(INDENT if indent else 0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _button(text: str, accessible: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    if tip:
        button.setToolTip(tip)
    return button


class SharePanel(QWidget):
    """Form + status + addresses. It only shows and collects; the window wires it to the
    controller."""

    start_stop_clicked = Signal()
    choose_folder_clicked = Signal()
    users_clicked = Signal()
    certificate_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharePanel")
        self._running_summary: str | None = None
        self._stopped = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(section_heading("1. Choose what to share"))
        layout.addLayout(self._build_form())
        layout.addWidget(section_heading("2. Start"))
        layout.addWidget(self._build_start_button())
        self.access_label = QLabel(objectName="accessSummary", wordWrap=True)
        self.access_label.setAccessibleName("Who can do what")
        layout.addWidget(self.access_label)
        layout.addLayout(self._build_status())
        layout.addWidget(section_heading("3. Open it on another device"))
        layout.addWidget(self._build_addresses(), 1)
        self.set_state(ServerState.STOPPED)
        self.set_urls([])

    # ---- building -------------------------------------------------------------------------

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.folder_edit = QLineEdit(objectName="folderEdit")
        self.folder_edit.setPlaceholderText("Choose a folder, or drop one on this window")
        self.folder_edit.setAccessibleName("Folder to share")
        self.choose_button = _button("Choose…", "Choose folder", "Pick the folder to share")
        self.choose_button.clicked.connect(self.choose_folder_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow("Folder:", row)
        self.scope_combo = QComboBox(objectName="scopeCombo")
        self.scope_combo.setAccessibleName("Who can connect")
        for value, label in SCOPE_LABELS:
            self.scope_combo.addItem(label, value)
        self.scope_combo.setToolTip("“Local network” lets phones and other computers connect.")
        form.addRow("Who can connect:", self.scope_combo)
        self.port_spin = QSpinBox(objectName="portSpin")
        self.port_spin.setRange(0, 65535)
        self.port_spin.setSpecialValueText("Any free port")
        self.port_spin.setAccessibleName("Port")
        self.port_spin.setToolTip("0 lets Pier pick a free port.")
        form.addRow("Port:", self.port_spin)
        self.hidden_check = _check("Show hidden files", "showHiddenCheck",
                                   "Also share names starting with “.”")
        self.website_check = _check("Website mode", "websiteCheck",
                                    "Open a folder's index.html instead of its listing and run "
                                    "the share's pages and scripts as a website. Pages in the "
                                    "share, uploaded ones included, then run as this share with "
                                    "each visitor's login: turn it on only for files you trust, "
                                    "and not with uploads from others.")
        form.addRow(_row(self.hidden_check, self.website_check))
        # Options that land later (login, uploads, HTTPS) are added here, under the others.
        self.options_layout = QVBoxLayout()
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.options_layout.setSpacing(4)
        form.addRow(self.options_layout)
        self._build_access_options()
        self._inputs: tuple[QWidget, ...] = (
            self.folder_edit, self.choose_button, self.scope_combo, self.port_spin,
            self.hidden_check, self.website_check, self.login_check, self.anonymous_combo,
            self.upload_check, self.overwrite_check, self.max_upload_spin, self.https_check)
        return form

    def _build_access_options(self) -> None:
        self.login_check = _check("Require login", "requireLoginCheck",
                                  "Only people with an account (Users…) get in")
        self.users_button = _button("Users…", "Users", "Add and manage accounts (Ctrl+U)")
        self.users_button.clicked.connect(self.users_clicked)
        self.options_layout.addLayout(_row(self.login_check, self.users_button))
        self.anonymous_combo = QComboBox(objectName="anonymousCombo")
        self.anonymous_combo.setAccessibleName("Visitors without an account may")
        for label, value in ANONYMOUS_CHOICES:
            self.anonymous_combo.addItem(label, value)
        self.anonymous_label = QLabel("Visitors without an account may:")
        self.options_layout.addLayout(_row(self.anonymous_label, self.anonymous_combo,
                                           indent=True))
        self.upload_check = _check("Allow uploads", "allowUploadCheck",
                                   "Visitors (or accounts with the upload permission) may add "
                                   "files and folders")
        self.options_layout.addWidget(self.upload_check)
        self.overwrite_check = _check("Replace same names", "overwriteCheck",
                                      "An upload may replace a file with the same name. "
                                      "Otherwise it gets a new name like “report (1)”")
        self.max_upload_spin = QSpinBox(objectName="maxUploadSpin")
        self.max_upload_spin.setRange(0, MAX_UPLOAD_MIB)
        self.max_upload_spin.setSpecialValueText("no limit")
        self.max_upload_spin.setSuffix(" MiB")
        self.max_upload_spin.setAccessibleName("Largest upload")
        self.max_upload_spin.setToolTip("Larger uploads are refused before they are sent")
        self.max_upload_label = QLabel("Largest:")
        self.options_layout.addLayout(_row(self.overwrite_check, self.max_upload_label,
                                           self.max_upload_spin, indent=True))
        self.https_check = _check("HTTPS (encrypted)", "httpsCheck",
                                  "Devices must trust Pier's certificate once (Certificate…)")
        self.certificate_button = _button("Certificate…", "Certificate",
                                          "See, make or import the HTTPS certificate")
        self.certificate_button.clicked.connect(self.certificate_clicked)
        self.options_layout.addLayout(_row(self.https_check, self.certificate_button))
        for widget in (self.login_check, self.upload_check, self.https_check):
            widget.toggled.connect(self._on_option_changed)
        for signal in (self.anonymous_combo.currentIndexChanged,
                       self.overwrite_check.toggled):
            signal.connect(self._on_option_changed)
        self._sync_option_widgets()

    def _build_start_button(self) -> QPushButton:
        self.start_button = QPushButton(objectName="startStopButton")
        self.start_button.setMinimumHeight(44)
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.setStyleSheet(START_STYLE)
        self.start_button.clicked.connect(self.start_stop_clicked)
        return self.start_button

    def _build_status(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.state_label = QLabel(objectName="stateLabel")
        self.elapsed_label = QLabel(objectName="elapsedLabel")
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.state_label, 0, 0, 1, 2)
        grid.addWidget(self.elapsed_label, 0, 2, 1, 2)
        self.counter_labels: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate((("requests", "Requests"), ("sent", "Sent"),
                                                 ("active", "Connections"),
                                                 ("clients", "Clients"))):
            value = QLabel("0", objectName=f"{key}Counter")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bold = value.font()
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.15)
            value.setFont(bold)
            label = QLabel(caption)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setEnabled(False)  # the palette's muted text colour
            grid.addWidget(value, 1, column)
            grid.addWidget(label, 2, column)
            self.counter_labels[key] = value
        return grid

    def _build_addresses(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.url_hint = QLabel(wordWrap=True, objectName="urlHint")
        layout.addWidget(self.url_hint)
        self.url_list = QListWidget(objectName="urlList")
        self.url_list.setAccessibleName("Addresses of the share")
        self.url_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.url_list.customContextMenuRequested.connect(self._on_url_menu)
        self.url_list.currentItemChanged.connect(self._on_current_url_changed)
        self.url_list.itemDoubleClicked.connect(lambda item: self._open(item.text()))
        layout.addWidget(self.url_list)
        buttons = QHBoxLayout()
        self.copy_button = _button("Copy address", "Copy address", "Copy the selected address")
        self.open_button = _button("Open in browser", "Open in browser",
                                   "Open the selected address in your browser")
        self.copy_button.clicked.connect(lambda: self._copy(self.selected_url()))
        self.open_button.clicked.connect(lambda: self._open(self.selected_url()))
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.qr_label = QLabel(objectName="qrCode")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(QR_SIZE, QR_SIZE)
        self.qr_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.qr_label.setAccessibleName("QR code of the selected address")
        layout.addWidget(self.qr_label)
        self.qr_caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout.addWidget(self.qr_caption)
        layout.addStretch(1)
        return box

    # ---- reading and writing the form -----------------------------------------------------

    def load(self, settings: Settings) -> None:
        self.folder_edit.setText(settings.folder)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(settings.scope)))
        self.port_spin.setValue(settings.port)
        self.hidden_check.setChecked(settings.show_hidden)
        self.website_check.setChecked(settings.website_mode)
        self.login_check.setChecked(settings.require_login)
        self.anonymous_combo.setCurrentIndex(
            max(0, self.anonymous_combo.findData(settings.anonymous_read)))
        self.upload_check.setChecked(settings.allow_upload)
        self.overwrite_check.setChecked(settings.overwrite)
        self.max_upload_spin.setValue(settings.max_upload_mib)
        self.https_check.setChecked(settings.https)
        self._on_option_changed()

    def share_request(self) -> ShareRequest:
        mib = self.max_upload_spin.value()
        return ShareRequest(folder=self.folder_edit.text(), scope=self.scope_combo.currentData(),
                            port=self.port_spin.value(), show_hidden=self.hidden_check.isChecked(),
                            website_mode=self.website_check.isChecked(),
                            require_login=self.login_check.isChecked(),
                            anonymous_read=bool(self.anonymous_combo.currentData()),
                            upload=self.upload_check.isChecked(),
                            overwrite=self.overwrite_check.isChecked(),
                            max_upload_bytes=mib * 1024 * 1024 if mib else None,
                            https=self.https_check.isChecked())

    def _on_option_changed(self, *_: object) -> None:
        self._sync_option_widgets()
        if self._running_summary is None:
            self._show_summary(summary_of_request(self.share_request()), running=False)

    def _sync_option_widgets(self) -> None:
        stopped = getattr(self, "_stopped", True)
        login, upload = self.login_check.isChecked(), self.upload_check.isChecked()
        self.anonymous_combo.setEnabled(stopped and login)
        self.anonymous_label.setEnabled(login)
        self.overwrite_check.setEnabled(stopped and upload)
        self.max_upload_spin.setEnabled(stopped and upload)
        self.max_upload_label.setEnabled(upload)

    def set_access_summary(self, summary: str | None) -> None:
        """While sharing: the running share's rules; None (stopped): a preview of the form."""
        self._running_summary = summary
        if summary is None:
            self._show_summary(summary_of_request(self.share_request()), running=False)
        else:
            self._show_summary(summary, running=True)

    def _show_summary(self, summary: str, running: bool) -> None:
        prefix = "Now: " if running else "Will share with: "
        self.access_label.setText(f"{prefix}<b>{summary}</b>" if running
                                  else f"{prefix}{summary}")
        self.access_label.setEnabled(running)  # muted while it is only a preview

    def set_folder(self, folder: str) -> None:
        self.folder_edit.setText(folder)

    # ---- live state -----------------------------------------------------------------------

    def set_state(self, state: ServerState) -> None:
        text, colour = STATE_TEXT[state]
        self.state_label.setText(f"<span style='color:{colour}'>●</span> <b>{text}</b>")
        running = state is ServerState.RUNNING
        stopped = state is ServerState.STOPPED
        self.start_button.setText("Stop sharing" if running else "Start sharing")
        self.start_button.setAccessibleName("Stop sharing" if running else "Start sharing")
        self.start_button.setEnabled(running or stopped)
        self.start_button.setProperty("running", "true" if running else "false")
        self.start_button.style().unpolish(self.start_button)
        self.start_button.style().polish(self.start_button)
        self._stopped = stopped
        for widget in self._inputs:
            widget.setEnabled(stopped)
        self._sync_option_widgets()
        if not running:
            self.elapsed_label.setText("")

    def set_elapsed(self, seconds: float) -> None:
        self.elapsed_label.setText(f"for {format_elapsed(seconds)}")

    def set_stats(self, stats: EngineStats) -> None:
        values = {"requests": f"{stats.total_requests:,}", "sent": format_size(stats.bytes_sent),
                  "active": f"{stats.active_connections:,}", "clients": f"{stats.clients:,}"}
        for key, text in values.items():
            self.counter_labels[key].setText(text)

    def set_urls(self, urls: list[str]) -> None:
        self.url_list.clear()
        for url in urls:
            QListWidgetItem(url, self.url_list)
        if urls:
            lan = [i for i, url in enumerate(urls) if not is_loopback_url(url)]
            self.url_list.setCurrentRow(lan[0] if lan else 0)
        else:
            self._show_qr("")
        has_urls = bool(urls)
        self.copy_button.setEnabled(has_urls)
        self.open_button.setEnabled(has_urls)
        self.url_list.setVisible(has_urls)
        self._fit_url_list()
        self._update_url_hint(urls)

    def _fit_url_list(self) -> None:
        rows = max(1, min(self.url_list.count(), 6))
        frame = 2 * self.url_list.frameWidth()
        self.url_list.setFixedHeight(rows * self.url_list.sizeHintForRow(0) + frame + 4
                                     if self.url_list.count() else 0)

    def selected_url(self) -> str:
        item = self.url_list.currentItem()
        return item.text() if item else ""

    def _update_url_hint(self, urls: list[str]) -> None:
        if not urls:
            self.url_hint.setText("The addresses to open appear here once sharing has started.")
        elif all(is_loopback_url(url) for url in urls):
            self.url_hint.setText("Only this computer can connect. To let phones and other "
                                  "computers in, stop, choose “Local network” and start again.")
        else:
            self.url_hint.setText("Open one of these addresses on a device in the same network, "
                                  "or scan the code with a phone:")

    def _on_current_url_changed(self, current: QListWidgetItem | None, *_: object) -> None:
        self._show_qr(current.text() if current else "")

    def _show_qr(self, url: str) -> None:
        if not url:
            self.qr_label.clear()
            self.qr_label.setVisible(False)
            self.qr_caption.setText("")
            return
        ratio = self.devicePixelRatioF()
        self.qr_label.setPixmap(qr_pixmap(url, QR_SIZE, ratio))
        self.qr_label.setToolTip(url)
        self.qr_label.setVisible(True)
        self.qr_caption.setText(url)

    def _on_url_menu(self, position: object) -> None:
        item = self.url_list.itemAt(position)  # type: ignore[arg-type]
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction("Copy address", lambda: self._copy(item.text()))
        menu.addAction("Open in browser", lambda: self._open(item.text()))
        menu.exec(self.url_list.viewport().mapToGlobal(position))  # type: ignore[arg-type]

    def _copy(self, url: str) -> None:
        if url:
            QGuiApplication.clipboard().setText(url)

    def _open(self, url: str) -> None:
        if url:
            dialogs.open_in_browser(url)


def section_heading(text: str) -> QLabel:
    """A bold heading over a group of controls (the share panel's and the Limits tab's)."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
