"""The Certificate dialog's "Make a new certificate" options (ui/certificate_dialog.py)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from server.tls import GenerationOptions
from ui.widget_names import named


def split_names(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text) if part]


class GenerateDialog(QDialog):
    """Options for a new server certificate."""

    def __init__(self, options: GenerationOptions, has_ca: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generateDialog")
        self.setWindowTitle(self.tr("Make a new certificate"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Pier makes a certificate for this computer's names and addresses, "
                               "signed by its own local authority (CA). Devices that trust the CA "
                               "keep trusting new certificates."), wordWrap=True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.names_edit = named(QLineEdit(", ".join(options.extra_names)), "extraNames")
        self.names_edit.setPlaceholderText(self.tr("e.g. nas.home.arpa, 192.168.1.50"))
        self.names_edit.setAccessibleName(self.tr("Extra names"))
        form.addRow(self.tr("Extra names:"), self.names_edit)
        layout.addLayout(form)
        self.rsa_check = named(
            QCheckBox(self.tr("Use RSA keys instead of ECDSA (for very old devices)")), "rsaCheck"
        )
        self.rsa_check.setChecked(options.rsa)
        self.self_signed_check = named(
            QCheckBox(self.tr("One self-signed certificate, without a CA")), "selfSignedCheck"
        )
        self.self_signed_check.setChecked(options.self_signed)
        self.new_ca_check = named(
            QCheckBox(self.tr("Also make a new CA (devices must trust Pier again)")), "newCaCheck")
        self.new_ca_check.setEnabled(has_ca)
        for check in (self.rsa_check, self.self_signed_check, self.new_ca_check):
            layout.addWidget(check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make certificate"))
        for button in buttons.buttons():
            button.setAccessibleName(button.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {"extra_names": split_names(self.names_edit.text()),
                "rsa": self.rsa_check.isChecked(),
                "self_signed": self.self_signed_check.isChecked(),
                "new_ca": self.new_ca_check.isChecked() and self.new_ca_check.isEnabled()}
