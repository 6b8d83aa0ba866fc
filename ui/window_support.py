"""Small helpers of the main window: its icon, the colour scheme, saved-state encoding, the
window's fit to its screen and a dropped folder."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QWidget


def app_icon() -> QIcon:
    icon = QIcon.fromTheme("pier")
    if icon.isNull():
        icon = QIcon(str(resources.files("resources") / "pier.svg"))
    return icon


def is_dark(app: QGuiApplication) -> bool:
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return scheme == Qt.ColorScheme.Dark


def _b64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _unb64(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))


def fit_to_screen(window: QWidget) -> None:
    """No larger than the screen the window opens on, and on it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    width = min(window.width(), room.width() - frame.width())
    height = min(window.height(), room.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    outer = window.frameGeometry()
    if not room.contains(outer):
        window.move(max(room.left(), min(window.x(), room.right() + 1 - outer.width())),
                    max(room.top(), min(window.y(), room.bottom() + 1 - outer.height())))


def dropped_folder(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The first local folder among the dropped URLs, if any."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_dir():
            return url.toLocalFile()
    return None
