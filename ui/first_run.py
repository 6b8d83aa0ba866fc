"""The first-run question at the top of the share panel: who should be able to open the share.

It is part of the window (not a modal box), so the rest of the window stays usable; answering
it sets "Who can connect" and it is not asked again (Settings.scope_asked)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.settings import SCOPE_LAN, SCOPE_LOCAL
from ui.contrast import MutedLabel
from ui.widget_names import named

STYLE = """
QFrame#firstRunQuestion { border: 2px solid palette(highlight); border-radius: 6px; }
"""


class FirstRunQuestion(QFrame):
    answered = Signal(str)  # SCOPE_LOCAL or SCOPE_LAN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunQuestion")
        question = self.tr("Who should be able to open this?")
        self.setAccessibleName(question)
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        title = named(QLabel(question), "firstRunTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        layout.addWidget(title)
        self.local_button = self._choice(
            self.tr("This computer"), "firstRunLocalButton",
            self.tr("Only browsers on this computer can open the share"))
        self.lan_button = self._choice(
            self.tr("Devices on my network"), "firstRunLanButton",
            self.tr("Phones, tablets and computers on the same Wi-Fi or network can open the "
                    "share"))
        self.lan_button.setDefault(True)
        self.local_button.clicked.connect(lambda: self.answered.emit(SCOPE_LOCAL))
        self.lan_button.clicked.connect(lambda: self.answered.emit(SCOPE_LAN))
        row = QHBoxLayout()
        row.addWidget(self.local_button)
        row.addWidget(self.lan_button)
        layout.addLayout(row)
        layout.addWidget(
            MutedLabel(
                self.tr("Pier asks once. Change it any time under “Who can connect”."),
                objectName="firstRunHint",
                wordWrap=True,
            )
        )

    @staticmethod
    def _choice(text: str, name: str, tip: str) -> QPushButton:
        button = named(QPushButton(text), name)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setMinimumHeight(32)
        return button
