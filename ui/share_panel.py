"""The share panel: what to share and how, the Start/Stop button, live counters, addresses + QR."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.controller import ServerState, ShareRequest, summary_of_request
from app.i18n import QT_TRANSLATE_NOOP
from app.settings import MAX_UPLOAD_MIB, PORT_FIELD_MAX, SCOPE_LAN, SCOPE_LOCAL, Settings
from server.engine import EngineStats
from ui.address_box import QR_SIZE, AddressBox, is_loopback_url, qr_pixmap
from ui.collect_options import CollectOptions
from ui.contrast import MutedLabel, is_dark_palette, muted, readable
from ui.first_run import FirstRunQuestion
from ui.log_model import format_size
from ui.widget_names import named

__all__ = ["QR_SIZE", "SharePanel", "is_loopback_url", "qr_pixmap", "section_heading"]

INDENT = 24  # sub-options sit under the option they belong to
# the levels of ``pier serve --anonymous``; each includes the ones before it
ANONYMOUS_NONE, ANONYMOUS_READ = "none", "read"
ANONYMOUS_UPLOAD, ANONYMOUS_MODIFY = "upload", "modify"
# the English texts of these tables are marked for translation here and translated where shown
ANONYMOUS_CHOICES = ((QT_TRANSLATE_NOOP("SharePanel", "nothing (log in first)"), ANONYMOUS_NONE),
                     (QT_TRANSLATE_NOOP("SharePanel", "look and download"), ANONYMOUS_READ),
                     (QT_TRANSLATE_NOOP("SharePanel", "look, download and upload"),
                      ANONYMOUS_UPLOAD),
                     (QT_TRANSLATE_NOOP("SharePanel", "look, download, upload and change"),
                      ANONYMOUS_MODIFY))
SCOPE_LABELS = ((SCOPE_LOCAL, QT_TRANSLATE_NOOP("SharePanel", "This computer only")),
                (SCOPE_LAN, QT_TRANSLATE_NOOP("SharePanel", "Local network")))
STATE_TEXT = {
    ServerState.STOPPED: (QT_TRANSLATE_NOOP("SharePanel", "Not sharing"), "#888888"),
    ServerState.STARTING: (QT_TRANSLATE_NOOP("SharePanel", "Starting…"), "#c08a00"),
    ServerState.RUNNING: (QT_TRANSLATE_NOOP("SharePanel", "Sharing"), "#2e9d4f"),
    ServerState.STOPPING: (QT_TRANSLATE_NOOP("SharePanel", "Stopping…"), "#c08a00"),
}
COUNTERS = (("requests", QT_TRANSLATE_NOOP("SharePanel", "Requests")),
            ("sent", QT_TRANSLATE_NOOP("SharePanel", "Sent")),
            ("active", QT_TRANSLATE_NOOP("SharePanel", "Connections")),
            ("clients", QT_TRANSLATE_NOOP("SharePanel", "Clients")))
STOP_RED = QColor("#c62828")


START_STYLE = """
QPushButton#startStopButton {{ border-radius: 6px; padding: 8px; }}
QPushButton#startStopButton[running="false"] {{
    background: {start_bg}; color: {start_fg}; border: none; }}
QPushButton#startStopButton[running="false"]:hover {{ border: 2px solid {start_fg}; }}
QPushButton#startStopButton[running="true"] {{
    color: {stop_fg}; border: 2px solid {stop_fg}; background: {button}; }}
QPushButton#startStopButton:disabled {{ background: {button}; color: palette(mid);
    border: 1px solid palette(mid); }}
"""


def start_button_style(palette: QPalette) -> str:
    """The Start/Stop button's style with colours that read (WCAG AA) in this theme: the
    highlight colour darkened (light themes) or lightened (dark themes) under its text, the stop
    red made lighter on a dark button."""
    text = palette.color(QPalette.ColorRole.HighlightedText)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    button = palette.color(QPalette.ColorRole.Button)
    start_bg = readable(highlight, text)  # moves the background away from its text
    stop_fg = readable(STOP_RED, button)
    if is_dark_palette(palette) and stop_fg == STOP_RED:
        stop_fg = readable(QColor("#ef5350"), button)
    return START_STYLE.format(start_bg=start_bg.name(), start_fg=text.name(),
                              stop_fg=stop_fg.name(), button=button.name())


ANONYMOUS_LEVELS = tuple(value for _, value in ANONYMOUS_CHOICES)


def anonymous_level(settings: Settings) -> str:
    """The saved visitor rights as one of ANONYMOUS_LEVELS."""
    if not settings.anonymous_read:
        return ANONYMOUS_NONE
    if not settings.anonymous_upload:
        return ANONYMOUS_READ
    return ANONYMOUS_MODIFY if settings.anonymous_modify else ANONYMOUS_UPLOAD


def format_elapsed(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def _check(text: str, name: str, tip: str) -> QCheckBox:
    check = named(QCheckBox(text), name)
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
    # a setting changed (folder: when its field is left or one is chosen); the window gives it
    # to the running share (ui/live_changes.py)
    edited = Signal()
    scope_answered = Signal(str)  # the first-run question was answered (SCOPE_LOCAL/SCOPE_LAN)
    lan_requested = Signal()  # "Let devices on my network in" while sharing on this computer only
    choose_folder_clicked = Signal()
    users_clicked = Signal()
    certificate_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharePanel")
        self._running_summary: str | None = None
        self._editable = True  # stopped or sharing; not while starting or stopping
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        self.first_run = FirstRunQuestion()
        self.first_run.answered.connect(self._on_first_run_answer)
        self.first_run.setVisible(False)
        layout.addWidget(self.first_run)
        layout.addWidget(section_heading(self.tr("1. Choose what to share")))
        layout.addLayout(self._build_form())
        layout.addWidget(section_heading(self.tr("2. Start")))
        layout.addWidget(self._build_start_button())
        self.access_label = MutedLabel(objectName="accessSummary", wordWrap=True)
        self.access_label.setAccessibleName(self.tr("Who can do what"))
        layout.addWidget(self.access_label)
        layout.addLayout(self._build_status())
        layout.addWidget(section_heading(self.tr("3. Open it on another device")))
        self.address_box = AddressBox()
        self.address_box.lan_requested.connect(self.lan_requested)
        layout.addWidget(self.address_box, 1)
        # the address box's parts, under the names the window, tests and scripts use
        self.url_list: QListWidget = self.address_box.url_list
        self.url_hint: QLabel = self.address_box.url_hint
        self.copy_button: QPushButton = self.address_box.copy_button
        self.open_button: QPushButton = self.address_box.open_button
        self.qr_label: QLabel = self.address_box.qr_label
        self.lan_button: QPushButton = self.address_box.lan_button
        self._apply_colours()
        self.set_state(ServerState.STOPPED)
        self.set_urls([])

    # ---- building -------------------------------------------------------------------------

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.folder_edit = named(QLineEdit(), "folderEdit")
        self.folder_edit.setPlaceholderText(
            self.tr("Choose a folder, or drop one on this window"))
        self.folder_edit.setAccessibleName(self.tr("Folder to share"))
        self.choose_button = _button(self.tr("Choose…"), self.tr("Choose folder"),
                                     self.tr("Pick the folder to share"))
        self.choose_button.clicked.connect(self.choose_folder_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        form.addRow(self.tr("Folder:"), row)
        self.scope_combo = named(QComboBox(), "scopeCombo")
        self.scope_combo.setAccessibleName(self.tr("Who can connect"))
        for value, label in SCOPE_LABELS:
            self.scope_combo.addItem(self.tr(label), value)
        self.scope_combo.setToolTip(
            self.tr("“Local network” lets phones and other computers connect."))
        form.addRow(self.tr("Who can connect:"), self.scope_combo)
        self.port_spin = named(QSpinBox(), "portSpin")
        self.port_spin.setRange(0, PORT_FIELD_MAX)  # 99999 is refused at Start, not cut short
        self.port_spin.setSpecialValueText(self.tr("Any free port"))
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.port_spin.setToolTip(self.tr("1 to 65535. “Any free port” (0) lets Pier pick one "
                                          "and keep it for the next starts."))
        form.addRow(self.tr("Port:"), self.port_spin)
        self.hidden_check = _check(self.tr("Show hidden files"), "showHiddenCheck",
                                   self.tr("Also share names starting with “.”"))
        self.website_check = _check(self.tr("Website mode"), "websiteCheck",
                                    self.tr("Open a folder's index.html instead of its listing "
                                            "and run the share's pages and scripts as a website. "
                                            "Pages in the share, uploaded ones included, then run "
                                            "as this share with each visitor's login: turn it on "
                                            "only for files you trust, and not with uploads from "
                                            "others."))
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
            self.upload_check, self.max_upload_spin, self.changes_check, self.permanent_check,
            self.https_check, self.collect_options)
        # a port or folder as typed is taken on Enter or leaving the field: "8080" is not 8,
        # 80, 808, then 8080
        for signal in (self.scope_combo.currentIndexChanged, self.port_spin.editingFinished,
                       self.hidden_check.toggled, self.website_check.toggled,
                       self.max_upload_spin.valueChanged, self.folder_edit.editingFinished):
            signal.connect(self.edited)
        return form

    def _build_access_options(self) -> None:
        self.login_check = _check(self.tr("Require login"), "requireLoginCheck",
                                  self.tr("Only people with an account (Users…) get in"))
        self.users_button = _button(self.tr("Users…"), self.tr("Users"),
                                    self.tr("Add and manage accounts (Ctrl+U)"))
        self.users_button.clicked.connect(self.users_clicked)
        self.options_layout.addLayout(_row(self.login_check, self.users_button))
        self.anonymous_combo = named(QComboBox(), "anonymousCombo")
        self.anonymous_combo.setAccessibleName(self.tr("Visitors without an account may"))
        for label, value in ANONYMOUS_CHOICES:
            self.anonymous_combo.addItem(self.tr(label), value)
        self.anonymous_label = QLabel(self.tr("Visitors without an account may:"))
        self.options_layout.addLayout(_row(self.anonymous_label, self.anonymous_combo,
                                           indent=True))
        self.upload_check = _check(self.tr("Allow uploads"), "allowUploadCheck",
                                   self.tr("Visitors (or accounts with the upload permission) "
                                           "may add files and folders"))
        self.changes_check = _check(self.tr("Allow changes"), "allowChangesCheck",
                                    self.tr("Visitors (or accounts with the “change” permission) "
                                            "may rename, move and delete files and folders, and "
                                            "uploads may replace a file of the same name. Deleted "
                                            "items go to this computer's trash"))
        self.options_layout.addLayout(_row(self.upload_check, self.changes_check))
        self.max_upload_spin = named(QSpinBox(), "maxUploadSpin")
        self.max_upload_spin.setRange(0, MAX_UPLOAD_MIB)
        self.max_upload_spin.setSpecialValueText(self.tr("no limit"))
        self.max_upload_spin.setSuffix(self.tr(" MiB"))
        self.max_upload_spin.setAccessibleName(self.tr("Largest upload"))
        self.max_upload_spin.setToolTip(
            self.tr("Larger uploads are refused before they are sent"))
        self.max_upload_label = QLabel(self.tr("Largest:"))
        self.options_layout.addLayout(_row(self.max_upload_label, self.max_upload_spin,
                                           indent=True))
        self.permanent_check = _check(self.tr("Allow permanent deletes where there is no trash"),
                                      "permanentDeletesCheck",
                                      self.tr("Some disks (network folders) have no trash: a "
                                              "delete there is refused unless this is on, and then "
                                              "it cannot be undone"))
        self.options_layout.addLayout(_row(self.permanent_check, indent=True))
        self.https_check = _check(
            self.tr("HTTPS (encrypted)"),
            "httpsCheck",
            self.tr("Devices must trust Pier's certificate once (Certificate…)"),
        )
        self.certificate_button = _button(self.tr("Certificate…"), self.tr("Certificate"),
                                          self.tr("See, make or import the HTTPS certificate"))
        self.certificate_button.clicked.connect(self.certificate_clicked)
        self.options_layout.addLayout(_row(self.https_check, self.certificate_button))
        self.collect_options = CollectOptions()  # issue 18: hand-ins into a folder of their own
        self.collect_options.changed.connect(self._on_option_changed)
        self.options_layout.addWidget(self.collect_options)
        for widget in (self.login_check, self.upload_check, self.changes_check, self.https_check):
            widget.toggled.connect(self._on_option_changed)
        for signal in (self.anonymous_combo.currentIndexChanged,
                       self.permanent_check.toggled):
            signal.connect(self._on_option_changed)
        self._sync_option_widgets()

    def _build_start_button(self) -> QPushButton:
        self.start_button = named(QPushButton(), "startStopButton")
        self.start_button.setMinimumHeight(44)
        font = self.start_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.start_button.setFont(font)
        self.start_button.clicked.connect(self.start_stop_clicked)
        return self.start_button

    def _build_status(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.state_label = named(QLabel(), "stateLabel")
        self.elapsed_label = named(QLabel(), "elapsedLabel")
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.state_label, 0, 0, 1, 2)
        grid.addWidget(self.elapsed_label, 0, 2, 1, 2)
        self.counter_labels: dict[str, QLabel] = {}
        self.counter_captions: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(COUNTERS):
            value = named(QLabel("0"), f"{key}Counter")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = self.tr(caption)
            value.setAccessibleName(f"{caption}: 0")
            bold = value.font()
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.15)
            value.setFont(bold)
            label = MutedLabel(caption, objectName=f"{key}Caption")  # quieter, still AA
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAccessibleName(caption)
            grid.addWidget(value, 1, column)
            grid.addWidget(label, 2, column)
            self.counter_labels[key] = value
            self.counter_captions[key] = label
        return grid

    # ---- reading and writing the form -----------------------------------------------------

    def load(self, settings: Settings) -> None:
        self.folder_edit.setText(settings.folder)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(settings.scope)))
        self.port_spin.setValue(settings.port)
        self.hidden_check.setChecked(settings.show_hidden)
        self.website_check.setChecked(settings.website_mode)
        self.login_check.setChecked(settings.require_login)
        self.anonymous_combo.setCurrentIndex(
            max(0, self.anonymous_combo.findData(anonymous_level(settings))))
        self.upload_check.setChecked(settings.allow_upload)
        self.changes_check.setChecked(settings.allow_changes)
        self.permanent_check.setChecked(settings.permanent_deletes)
        self.max_upload_spin.setValue(settings.max_upload_mib)
        self.https_check.setChecked(settings.https)
        self.collect_options.load(settings)
        self.first_run.setVisible(not settings.scope_asked)
        self._on_option_changed()

    def _on_first_run_answer(self, scope: str) -> None:
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))
        self.first_run.setVisible(False)
        self.scope_answered.emit(scope)

    def set_scope(self, scope: str) -> None:
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))

    def share_request(self) -> ShareRequest:
        mib = self.max_upload_spin.value()
        level = ANONYMOUS_LEVELS.index(self.anonymous_combo.currentData())
        return ShareRequest(folder=self.folder_edit.text(), scope=self.scope_combo.currentData(),
                            port=self.port_spin.value(), show_hidden=self.hidden_check.isChecked(),
                            website_mode=self.website_check.isChecked(),
                            require_login=self.login_check.isChecked(),
                            anonymous_read=level >= 1, anonymous_upload=level >= 2,
                            anonymous_modify=level >= 3, upload=self.upload_check.isChecked(),
                            modify=self.changes_check.isChecked(),
                            permanent_deletes=self.permanent_check.isChecked(),
                            max_upload_bytes=mib * 1024 * 1024 if mib else None,
                            https=self.https_check.isChecked(),
                            collect_name=self.collect_options.name(),
                            collect_until=self.collect_options.until())

    def load_request(self, share: ShareRequest) -> None:
        """Show ``share`` (what the running share has in force, after a refused change)."""
        self.folder_edit.setText(share.folder)
        self.set_scope(share.scope)
        self.port_spin.setValue(share.port)
        for check, on in ((self.hidden_check, share.show_hidden),
                          (self.website_check, share.website_mode),
                          (self.login_check, share.require_login),
                          (self.upload_check, share.upload),
                          (self.changes_check, share.modify),
                          (self.permanent_check, share.permanent_deletes),
                          (self.https_check, share.https)):
            check.setChecked(on)
        level = 3 if share.anonymous_modify else 2 if share.anonymous_upload else \
            1 if share.anonymous_read else 0
        self.anonymous_combo.setCurrentIndex(level)
        mib = (share.max_upload_bytes or 0) // (1024 * 1024)
        if share.upload:  # the field keeps its number while uploads are off
            self.max_upload_spin.setValue(mib)

    def _on_option_changed(self, *_: object) -> None:
        self._sync_option_widgets()
        if self._running_summary is None:
            self._show_summary(summary_of_request(self.share_request()), running=False)
        self.edited.emit()

    def _sync_option_widgets(self) -> None:
        editable = getattr(self, "_editable", True)
        login, upload = self.login_check.isChecked(), self.upload_check.isChecked()
        self.anonymous_combo.setEnabled(editable and login)
        self.anonymous_label.setEnabled(login)
        self.permanent_check.setEnabled(editable and self.changes_check.isChecked())
        self.max_upload_spin.setEnabled(editable and upload)
        self.max_upload_label.setEnabled(upload)

    def set_access_summary(self, summary: str | None) -> None:
        """While sharing: the running share's rules; None (stopped): a preview of the form."""
        self._running_summary = summary
        if summary is None:
            self._show_summary(summary_of_request(self.share_request()), running=False)
        else:
            self._show_summary(summary, running=True)

    def _show_summary(self, summary: str, running: bool) -> None:
        if running:
            text = self.tr("Now: {summary}").format(summary=f"<b>{summary}</b>")
        else:
            text = self.tr("Will share with: {summary}").format(summary=summary)
        self.access_label.setText(text)

    def set_folder(self, folder: str) -> None:
        self.folder_edit.setText(folder)
        self.edited.emit()

    # ---- live state -----------------------------------------------------------------------

    def set_state(self, state: ServerState) -> None:
        english, colour = STATE_TEXT[state]
        text = self.tr(english)
        self.state_label.setText(f"<span style='color:{colour}'>●</span> <b>{text}</b>")
        running = state is ServerState.RUNNING
        stopped = state is ServerState.STOPPED
        button_text = self.tr("Stop sharing") if running else self.tr("Start sharing")
        self.start_button.setText(button_text)
        self.start_button.setAccessibleName(button_text)
        self.start_button.setEnabled(running or stopped)
        self.start_button.setProperty("running", "true" if running else "false")
        self.start_button.style().unpolish(self.start_button)
        self.start_button.style().polish(self.start_button)
        self._editable = running or stopped  # settings change while sharing, too
        for widget in self._inputs:
            widget.setEnabled(self._editable)
        self._sync_option_widgets()
        if not running:
            self.elapsed_label.setText("")

    def set_elapsed(self, seconds: float) -> None:
        self.elapsed_label.setText(self.tr("for {time}").format(time=format_elapsed(seconds)))

    def set_stats(self, stats: EngineStats) -> None:
        values = {"requests": f"{stats.total_requests:,}", "sent": format_size(stats.bytes_sent),
                  "active": f"{stats.active_connections:,}", "clients": f"{stats.clients:,}"}
        for key, caption in COUNTERS:
            label, text = self.counter_labels[key], values[key]
            if label.text() != text:
                label.setText(text)
                label.setAccessibleName(f"{self.tr(caption)}: {text}")

    def set_urls(self, urls: list[str]) -> None:
        self.address_box.set_urls(urls)

    def selected_url(self) -> str:
        return self.address_box.selected_url()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colours()

    def _apply_colours(self) -> None:
        """Colours that read (WCAG AA) in the current theme: the Start button's, and the
        folder field's hint (Qt's placeholder is half-transparent text: about 4:1 on white)."""
        palette = QApplication.palette(self)
        style = start_button_style(palette)
        if self.start_button.styleSheet() != style:
            self.start_button.setStyleSheet(style)
        hint = muted(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))
        edit_palette = self.folder_edit.palette()
        if edit_palette.color(QPalette.ColorRole.PlaceholderText) != hint:
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                edit_palette.setColor(group, QPalette.ColorRole.PlaceholderText, hint)
            self.folder_edit.setPalette(edit_palette)


def section_heading(text: str) -> QLabel:
    """A bold heading over a group of controls (the share panel's and the Limits tab's)."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
