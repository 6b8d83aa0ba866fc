"""The connection doctor's Wi-Fi QR code: the user types the network's name, security and
password, and the phone joins it by scanning (app/doctor_wifi.py makes the text). The password
lives only in its field and the picture: it is cleared when the dialog closes, never saved,
never logged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.doctor_wifi import OPEN, WEP, WPA, WifiError, wifi_qr_text
from app.i18n import QT_TRANSLATE_NOOP
from ui.address_box import QR_SIZE, qr_image_label, qr_pixmap
from ui.contrast import MutedLabel
from ui.widget_names import named

SECURITY_CHOICES = (("WPA / WPA2 / WPA3", WPA),
                    (QT_TRANSLATE_NOOP("WifiQrBox", "WEP (old)"), WEP),
                    (QT_TRANSLATE_NOOP("WifiQrBox", "None (open network)"), OPEN))


class WifiQrBox(QGroupBox):
    """SSID, security, password, hidden; "Show Wi-Fi code" draws the QR code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Get the phone on this Wi-Fi"))
        self.setObjectName("doctorWifiBox")
        row = QHBoxLayout(self)
        layout = QVBoxLayout()
        row.addLayout(layout, 1)
        layout.addWidget(MutedLabel(self.tr("Type your Wi-Fi's details; the phone joins it by "
                                            "scanning the code. Pier keeps none of them."),
                                    wordWrap=True))
        form = QFormLayout()
        self.ssid_edit = named(QLineEdit(), "doctorWifiSsid")
        self.ssid_edit.setAccessibleName(self.tr("Wi-Fi name (SSID)"))
        self.security_combo = named(QComboBox(), "doctorWifiSecurity")
        self.security_combo.setAccessibleName(self.tr("Wi-Fi security"))
        for text, value in SECURITY_CHOICES:
            self.security_combo.addItem(self.tr(text), value)
        self.password_edit = named(QLineEdit(), "doctorWifiPassword")
        self.password_edit.setAccessibleName(self.tr("Wi-Fi password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hidden_check = named(QCheckBox(self.tr("Hidden network")), "doctorWifiHidden")
        form.addRow(self.tr("Name (SSID):"), self.ssid_edit)
        form.addRow(self.tr("Security:"), self.security_combo)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.hidden_check)
        layout.addLayout(form)
        self.show_button = named(QPushButton(self.tr("Show Wi-Fi code")), "doctorWifiShow")
        self.show_button.clicked.connect(self.show_code)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.error_label = named(QLabel(wordWrap=True), "doctorWifiError")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.qr_label = qr_image_label("doctorWifiQr", self.tr("QR code to join the Wi-Fi"))
        row.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignTop)
        self.qr_label.setVisible(False)
        self.security_combo.currentIndexChanged.connect(self._on_security)
        for edit in (self.ssid_edit, self.password_edit):
            edit.textEdited.connect(lambda _text: self._hide_code())

    def show_code(self) -> bool:
        try:
            text = wifi_qr_text(self.ssid_edit.text(), self.security_combo.currentData(),
                                self.password_edit.text(), self.hidden_check.isChecked())
        except WifiError as err:
            self._hide_code()
            self.error_label.setText(str(err))
            self.error_label.setVisible(True)
            return False
        self.error_label.setVisible(False)
        self.qr_label.setPixmap(qr_pixmap(text, QR_SIZE, self.devicePixelRatioF()))
        self.qr_label.setVisible(True)
        return True

    def forget(self) -> None:
        """Clear the password and the code (the dialog closed)."""
        self.password_edit.clear()
        self._hide_code()

    def _hide_code(self) -> None:
        self.qr_label.clear()
        self.qr_label.setVisible(False)

    def _on_security(self) -> None:
        self.password_edit.setEnabled(self.security_combo.currentData() != OPEN)
        self._hide_code()
