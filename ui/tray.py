"""The system-tray icon: Show, Start/Stop and Quit, only when the desktop has a tray."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.controller import ServerState


class Tray(QObject):
    show_requested = Signal()
    start_stop_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._menu = QMenu()
        self._show_action = QAction(self.tr("Show Pier"), self._menu)
        self._start_stop_action = QAction(self.tr("Start sharing"), self._menu)
        self._quit_action = QAction(self.tr("Quit"), self._menu)
        self._show_action.triggered.connect(self.show_requested)
        self._start_stop_action.triggered.connect(self.start_stop_requested)
        self._quit_action.triggered.connect(self.quit_requested)
        for action in (self._show_action, self._start_stop_action):
            self._menu.addAction(action)
        self._menu.addSeparator()
        self._menu.addAction(self._quit_action)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(self.tr("Pier — not sharing"))
        self.icon.setContextMenu(self._menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.show()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def set_state(self, state: ServerState) -> None:
        running = state is ServerState.RUNNING
        self._start_stop_action.setText(
            self.tr("Stop sharing") if running else self.tr("Start sharing"))
        self._start_stop_action.setEnabled(state in (ServerState.RUNNING, ServerState.STOPPED))
        self.icon.setToolTip(
            self.tr("Pier — sharing") if running else self.tr("Pier — not sharing"))

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 5000)

    def hide(self) -> None:
        self.icon.hide()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_requested.emit()
