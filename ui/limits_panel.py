"""The Limits & access tab: bandwidth limits, downloads at once per device, allow-list mode, the
other names of this computer, the LAN announcement and the error pages folder. All take effect
at once, also while sharing: limits and the allow-list through ShareControl, the names, the
announcement and the error pages as the running share's settings (ui/live_changes.py, on
``changed``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.settings import checked_host_names
from app.share_control import ShareControl
from app.traffic_settings import KIB, MAX_DOWNLOADS, MAX_RATE_KIB, TrafficChoices
from server.errors import ConfigError
from ui.error_pages_box import ErrorPagesBox
from ui.share_panel import section_heading
from ui.widget_names import named

APPLY_DELAY_MS = 300  # typing "500" applies once, not as 5, 50, 500
UNITS = (("KiB/s", 1), ("MiB/s", KIB))
# red text readable on the window background: at least 4.5:1 on Fusion's light (#efefef) and
# dark (#353535) windows
ERROR_RED_ON_LIGHT = "#c62828"
ERROR_RED_ON_DARK = "#ff8a80"
HOSTS_EXPLANATION = QT_TRANSLATE_NOOP(
    "LimitsPanel", "Names other devices use to reach this share, such as pc.fritz.box or a VPN "
    "name. Requests for any other name are refused (protects against DNS rebinding).")


def error_style(widget: QWidget) -> str:
    """A style sheet for error text on ``widget``'s background, light or dark."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return f"color: {ERROR_RED_ON_DARK if dark else ERROR_RED_ON_LIGHT};"


class RateInput(QWidget):
    """A rate in KiB/s shown as a number and a unit; 0 shows "Unlimited"."""

    changed = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = named(QSpinBox(), name)
        self.spin.setRange(0, MAX_RATE_KIB)
        self.spin.setSpecialValueText(self.tr("Unlimited"))
        self.spin.setAccessibleName(caption)
        self.spin.setMinimumWidth(110)
        self.unit = named(QComboBox(), f"{name}Unit")
        self.unit.setAccessibleName(self.tr("{caption}, unit").format(caption=caption))
        for label, factor in UNITS:
            self.unit.addItem(label, factor)
        self.unit.setCurrentIndex(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.spin.valueChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self.changed)

    def kib(self) -> int:
        return min(self.spin.value() * int(self.unit.currentData()), MAX_RATE_KIB)

    def set_kib(self, kib: int) -> None:
        in_mib = kib > 0 and kib % KIB == 0
        self.unit.setCurrentIndex(1 if in_mib or kib == 0 else 0)
        self.spin.setValue(kib // KIB if in_mib else kib)


class LimitsPanel(QWidget):
    changed = Signal()  # a choice changed (and was applied if valid): save the settings

    def __init__(self, control: ShareControl, choices: TrafficChoices, announce: bool,
                 allowed_hosts: tuple[str, ...] = (), error_pages: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("limitsPanel")
        self._control = control
        self._on_air: tuple[bool, bool, str | None] = (False, False, None)
        self._saved_hosts: tuple[str, ...] = ()  # the names last saved (always valid)
        self._running = False
        self._apply_timer = QTimer(self, singleShot=True, interval=APPLY_DELAY_MS)
        self._apply_timer.timeout.connect(self.apply_limits)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(section_heading(self.tr("Bandwidth")))
        layout.addLayout(self._build_limits())
        layout.addWidget(section_heading(self.tr("Who may connect")))
        layout.addLayout(self._build_allow_list())
        layout.addLayout(self._build_allowed_hosts())
        layout.addWidget(section_heading(self.tr("Finding the share")))
        layout.addLayout(self._build_announce())
        layout.addWidget(section_heading(self.tr("Error pages")))
        self.error_pages = ErrorPagesBox(error_pages)  # --error-pages
        self.error_pages.changed.connect(self.changed)
        layout.addWidget(self.error_pages)
        layout.addStretch(1)
        self.load(choices, announce)
        self.load_allowed_hosts(allowed_hosts)
        self.apply_limits()
        self.apply_allow_list()

    # ---- building -------------------------------------------------------------------------

    def _build_limits(self) -> QFormLayout:
        form = QFormLayout()
        self.total_rate = RateInput("totalRateSpin", self.tr("Total download speed"))
        self.client_rate = RateInput("clientRateSpin", self.tr("Download speed per device"))
        self.downloads_spin = named(QSpinBox(), "downloadsPerClientSpin")
        self.downloads_spin.setRange(0, MAX_DOWNLOADS)
        self.downloads_spin.setSpecialValueText(self.tr("Unlimited"))
        self.downloads_spin.setAccessibleName(self.tr("Downloads at once per device"))
        self.downloads_spin.setMinimumWidth(110)
        form.addRow(self.tr("Total download speed:"), self.total_rate)
        form.addRow(self.tr("Per device:"), self.client_rate)
        form.addRow(self.tr("Large downloads at once per device:"), _left(self.downloads_spin))
        note = QLabel(self.tr("Applies at once, also to downloads already running. Small files and "
                              "pages are never held back by the per-device download count."),
                      wordWrap=True)
        note.setEnabled(False)
        form.addRow(note)
        for signal in (self.total_rate.changed, self.client_rate.changed,
                       self.downloads_spin.valueChanged):
            signal.connect(self._apply_timer.start)
        return form

    def _build_allow_list(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.allow_check = named(QCheckBox(self.tr("Only allow these addresses and networks")),
                                 "allowListCheck")
        self.allow_check.setAccessibleName(self.tr("Only allow listed addresses"))
        self.allow_check.setToolTip(self.tr("Everyone else is refused when connecting"))
        self.allow_check.toggled.connect(self._on_allow_toggled)
        self.allow_edit = named(QLineEdit(), "allowListEdit")
        self.allow_edit.setPlaceholderText(self.tr("e.g. 192.168.1.0/24, 10.0.0.7, ::1"))
        self.allow_edit.setAccessibleName(self.tr("Allowed addresses and networks"))
        self.allow_edit.returnPressed.connect(self.apply_allow_list)
        self.allow_edit.textEdited.connect(self._on_allow_edited)
        self.allow_apply_button = named(QPushButton(self.tr("Apply")), "allowListApply")
        self.allow_apply_button.setAccessibleName(self.tr("Apply the allow-list"))
        self.allow_apply_button.clicked.connect(self.apply_allow_list)
        row = QHBoxLayout()
        row.addWidget(self.allow_edit, 1)
        row.addWidget(self.allow_apply_button)
        self.allow_status = named(QLabel(wordWrap=True), "allowListStatus")
        self.allow_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.allow_check)
        box.addLayout(row)
        box.addWidget(self.allow_status)
        return box

    def _build_allowed_hosts(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(4)
        self.hosts_edit = named(QLineEdit(), "allowedHostsEdit")
        self.hosts_edit.setPlaceholderText(self.tr("e.g. pc.fritz.box, laptop.vpn"))
        self.hosts_edit.setAccessibleName(self.tr("Other names for this computer"))
        self.hosts_edit.setAccessibleDescription(self.tr(HOSTS_EXPLANATION))
        self.hosts_edit.setToolTip(self.tr("Separate names with commas or spaces. Exact names "
                                           "only: no wildcards, scheme or port."))
        self.hosts_edit.textChanged.connect(self._on_hosts_text)
        self.hosts_edit.editingFinished.connect(self._save_hosts)
        title = QLabel(self.tr("Other names for this computer:"))
        title.setBuddy(self.hosts_edit)
        explanation = named(QLabel(self.tr(HOSTS_EXPLANATION), wordWrap=True), "allowedHostsHelp")
        self.hosts_status = named(QLabel(wordWrap=True), "allowedHostsStatus")
        self.hosts_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addSpacing(8)
        for widget in (title, self.hosts_edit, explanation, self.hosts_status):
            box.addWidget(widget)
        return box

    def _build_announce(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.announce_check = named(QCheckBox(self.tr("Announce on the local network (mDNS)")),
                                    "announceCheck")
        self.announce_check.setAccessibleName(self.tr("Announce on the local network"))
        self.announce_check.setToolTip(self.tr("Phones and computers on the network can find the "
                                               "share by name (Bonjour / Avahi), without typing an "
                                               "address"))
        self.announce_check.toggled.connect(self._on_announce_toggled)
        self.announce_label = named(QLabel(wordWrap=True), "announcedName")
        self.announce_label.setEnabled(False)
        box.addWidget(self.announce_check)
        box.addWidget(self.announce_label)
        self.show_announcement(running=False, local_only=False, name=None)
        return box

    # ---- reading and writing --------------------------------------------------------------

    def load(self, choices: TrafficChoices, announce: bool) -> None:
        for widget in (self.total_rate, self.client_rate, self.downloads_spin,
                       self.allow_check, self.allow_edit):
            widget.blockSignals(True)
        self.total_rate.set_kib(choices.total_rate_kib)
        self.client_rate.set_kib(choices.client_rate_kib)
        self.downloads_spin.setValue(choices.downloads_per_client)
        self.allow_check.setChecked(choices.allow_list_on)
        self.allow_edit.setText(choices.allow_list)
        for widget in (self.total_rate, self.client_rate, self.downloads_spin,
                       self.allow_check, self.allow_edit):
            widget.blockSignals(False)
        self.announce_check.setChecked(announce)

    def choices(self) -> TrafficChoices:
        return TrafficChoices(total_rate_kib=self.total_rate.kib(),
                              client_rate_kib=self.client_rate.kib(),
                              downloads_per_client=self.downloads_spin.value(),
                              allow_list_on=self.allow_check.isChecked(),
                              allow_list=self.allow_edit.text().strip())

    @property
    def announce(self) -> bool:
        return self.announce_check.isChecked()

    def load_allowed_hosts(self, names: tuple[str, ...]) -> None:
        self._saved_hosts = tuple(names)
        self.hosts_edit.setText(", ".join(names))

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        """The other names for this computer as typed (normalised); while the field holds an
        invalid name, the names last saved: an invalid entry is never used nor saved."""
        try:
            return checked_host_names(self.hosts_edit.text())
        except ConfigError:
            return self._saved_hosts

    # ---- applying ---------------------------------------------------------------------------

    def apply_limits(self) -> None:
        self._apply_timer.stop()
        self._control.set_limits(self.choices())
        self.changed.emit()

    def apply_allow_list(self) -> bool:
        """Apply the allow-list (or turn it off); on a bad entry show why and keep the rules
        in force as they were. True when applied."""
        try:
            allowed = self._control.set_allow_list(self.choices())
        except ConfigError as err:
            self._show_allow_status(str(err), error=True)
            self.changed.emit()
            return False
        if not allowed:
            self._show_allow_status(self.tr("Anyone who can reach this computer may connect."))
        else:
            self._show_allow_status(
                self.tr("In force: only {addresses}.").format(addresses=", ".join(allowed)))
        self.changed.emit()
        return True

    def _on_allow_toggled(self, _on: bool) -> None:
        self.apply_allow_list()

    def _on_allow_edited(self, _text: str) -> None:
        if self.allow_check.isChecked():
            self._show_allow_status(self.tr("Press Apply (or Enter) to put the new list in force."))

    def _on_hosts_text(self, text: str) -> None:
        """Check the names as they are typed and say what is wrong or what will be used."""
        try:
            names = checked_host_names(text)
        except ConfigError as err:
            self._show_status(
                self.hosts_status, self.tr("{problem} Not saved.").format(problem=err), error=True
            )
            return
        if not names:
            status = self.tr("Only the share's own names are accepted.")
        elif self._running:
            status = self.tr("Also accepted once you leave the field: {names}.").format(
                names=", ".join(names))
        else:
            status = self.tr("Also accepted from the next Start: {names}.").format(
                names=", ".join(names))
        self._show_status(self.hosts_status, status)

    def _save_hosts(self) -> None:
        """Enter or leaving the field: save the names when they changed and are valid."""
        names = self.allowed_hosts
        if self.hosts_error is None and names != self._saved_hosts:
            self._saved_hosts = names
            self.changed.emit()

    @property
    def hosts_error(self) -> str | None:
        return self.hosts_status.text() if self.hosts_status.property("error") else None

    def set_running(self, running: bool) -> None:
        """The names are part of the share's settings: changed while sharing, they apply
        when the field is left (Enter or another field)."""
        self._running = running
        self._on_hosts_text(self.hosts_edit.text())

    def _on_announce_toggled(self, _on: bool) -> None:
        running, local_only, name = self._on_air
        self.show_announcement(running=running, local_only=local_only, name=name)
        self.changed.emit()

    def _show_allow_status(self, text: str, *, error: bool = False) -> None:
        self._show_status(self.allow_status, text, error=error)

    @staticmethod
    def _show_status(label: QLabel, text: str, *, error: bool = False) -> None:
        label.setText(text)
        label.setStyleSheet(error_style(label) if error else "")
        label.setProperty("error", error)

    @property
    def allow_error(self) -> str | None:
        return self.allow_status.text() if self.allow_status.property("error") else None

    def show_announcement(self, *, running: bool, local_only: bool, name: str | None) -> None:
        """While sharing, say what is on air (a change of the option applies at once)."""
        self._on_air = (running, local_only, name)
        if not self.announce:
            text = self.tr("Not announced: devices need the address or the QR code.")
        elif running and local_only:
            text = self.tr("Not announced: the share is for this computer only.")
        elif running and name:
            text = self.tr("Announced as “{name}”: look for it in the Files or Network "
                           "view.").format(name=name)
        elif running:
            text = self.tr("Announcing…")
        else:
            text = self.tr("Announced while sharing on the local network.")
        self.announce_label.setText(text)


def _left(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return holder
