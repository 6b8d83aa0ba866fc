"""Every dialog that talks to the user goes through these functions, so tests can replace them.

Call them as ``dialogs.show_error(...)`` (module attribute lookup), never import the names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.i18n import translate


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes_label: str | None = None) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel,
                      parent)
    yes = box.addButton(yes_label or translate("Dialogs", "Yes"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def ask_folder(parent: QWidget | None, start: str) -> str | None:
    chosen = QFileDialog.getExistingDirectory(
        parent, translate("Dialogs", "Choose the folder to share"), start)
    return chosen or None


def ask_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, translate("Dialogs", "Export the visible requests"), str(suggested),
        translate("Dialogs", "CSV (*.csv);;JSON Lines (*.jsonl)"))
    return Path(chosen) if chosen else None


def open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def run_modal(dialog: QDialog) -> bool:
    """Show a dialog of Pier's own (a user editor, certificate options) and wait; True when
    the user confirmed it. Tests replace this to fill the real dialog in and confirm it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_password(parent: QWidget | None, title: str, label: str) -> str | None:
    """A secret (a key's passphrase); None when cancelled. Typed characters are not shown."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def ask_subfolder(parent: QWidget | None, start: str) -> str | None:
    chosen = QFileDialog.getExistingDirectory(
        parent, translate("Dialogs", "Choose a folder inside the share"), start)
    return chosen or None


def ask_open_path(parent: QWidget | None, title: str, start: str, filters: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return Path(chosen) if chosen else None


def ask_save_path(parent: QWidget | None, title: str, suggested: Path,
                  filters: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(chosen) if chosen else None


CLOSE_BACKGROUND = "background"  # keep sharing with the window hidden (tray)
CLOSE_QUIT = "quit"  # stop sharing and quit
CLOSE_CANCEL = "cancel"  # keep the window open


def ask_close(parent: QWidget | None, title: str, text: str, can_background: bool) -> str:
    """Quit while devices are connected? CLOSE_BACKGROUND (only offered with a tray),
    CLOSE_QUIT or CLOSE_CANCEL."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("closeQuestion")
    answers: dict[object, str] = {}
    if can_background:
        background = box.addButton(translate("Dialogs", "Keep sharing in the background"),
                                   QMessageBox.ButtonRole.AcceptRole)
        background.setObjectName("closeBackgroundButton")
        answers[background] = CLOSE_BACKGROUND
    stop = box.addButton(translate("Dialogs", "Stop sharing and quit"),
                         QMessageBox.ButtonRole.DestructiveRole)
    stop.setObjectName("closeQuitButton")
    answers[stop] = CLOSE_QUIT
    cancel = box.addButton(translate("Dialogs", "Cancel") if can_background
                           else translate("Dialogs", "Keep the window open"),
                           QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("closeCancelButton")
    answers[cancel] = CLOSE_CANCEL
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    for button in answers:
        button.setAccessibleName(button.text())  # type: ignore[attr-defined]
    box.exec()
    return answers.get(box.clickedButton(), CLOSE_CANCEL)
