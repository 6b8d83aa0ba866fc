"""The Limits & access tab's "Error pages folder": the owner's 404.html, 403.html, ... shown to
browsers instead of Pier's own pages (`pier serve --error-pages DIR`). A part of the share's
settings: it applies at once while sharing (ui/live_changes.py), and a folder the engine refuses
(missing, or inside a share that accepts uploads) is explained in the usual dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import translate
from ui.widget_names import named


def ask_error_pages_folder(parent: QWidget | None, start: str) -> str | None:
    """The folder dialog; tests replace this function."""
    chosen = QFileDialog.getExistingDirectory(
        parent, translate("ErrorPagesBox", "Choose the error pages folder"), start)
    return chosen or None


class ErrorPagesBox(QWidget):
    """A folder field with Choose… and Clear; ``changed`` when the folder in use changes
    (Enter, leaving the field, a chosen folder, Clear)."""

    changed = Signal()

    def __init__(self, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = folder.strip()
        self.edit = named(QLineEdit(self._folder), "errorPagesEdit")
        self.edit.setPlaceholderText(self.tr("None: Pier's own pages"))
        self.edit.setAccessibleName(self.tr("Error pages folder"))
        self.edit.editingFinished.connect(self._take_text)
        self.choose_button = named(QPushButton(self.tr("Choose…")), "errorPagesChoose")
        self.choose_button.setAccessibleName(self.tr("Choose the error pages folder"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = named(QPushButton(self.tr("Clear")), "errorPagesClear")
        self.clear_button.setAccessibleName(self.tr("Use Pier's own error pages"))
        self.clear_button.clicked.connect(self.clear)
        title = QLabel(self.tr("Error pages folder:"))
        title.setBuddy(self.edit)
        help_text = named(QLabel(self.tr(
            "Browsers get 404.html, 403.html, 401.html, 500.html… from this folder instead of "
            "Pier's own pages (404.de.html for one language). {status}, {reason} and {path} "
            "are filled in. Keep it outside a share that accepts uploads."), wordWrap=True),
            "errorPagesHelp")
        help_text.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(help_text)

    @property
    def folder(self) -> str:
        """The folder in use ("" = Pier's own pages)."""
        return self._folder

    def load(self, folder: str) -> None:
        """Show ``folder`` (what the running share has in force) without a ``changed``."""
        self._folder = folder.strip()
        self.edit.blockSignals(True)
        self.edit.setText(self._folder)
        self.edit.blockSignals(False)

    def choose(self) -> None:
        chosen = ask_error_pages_folder(self, self._folder or self.edit.text())
        if chosen:
            self.edit.setText(chosen)
            self._take_text()

    def clear(self) -> None:
        """Pier's own pages again, at once."""
        self.edit.clear()
        self._take_text()

    def _take_text(self) -> None:
        text = self.edit.text().strip()
        if text != self._folder:
            self._folder = text
            self.changed.emit()
