"""The system-tray icon and its menu, only when the desktop has a tray.

The menu follows the share by itself (it listens to the controller): the address (the first
one a phone can use, or "Not sharing"), Copy address, Stop/Start sharing, Open window, Quit.
Starting, stopping, showing and quitting are the window's to do: the tray only asks (signals).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.controller import ServerController, ServerState
from app.i18n import QT_TRANSLATE_NOOP
from app.loopback import is_loopback_url
from ui.widget_names import named

NOT_SHARING = QT_TRANSLATE_NOOP("Tray", "Not sharing")  # English; shown as self.tr(NOT_SHARING)

def tray_address(urls: list[str]) -> str | None:
    """The address the tray shows and copies: the first a phone can use, else the first."""
    lan = [url for url in urls if not is_loopback_url(url)]
    candidates = lan or urls
    return candidates[0] if candidates else None


class Tray(QObject):
    show_requested = Signal()
    start_stop_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, controller: ServerController,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address: str | None = None
        self.menu = named(QMenu(), "trayMenu")
        self.address_action = self._action(self.tr(NOT_SHARING), "trayAddressAction")
        font = self.address_action.font()
        font.setBold(True)
        self.address_action.setFont(font)
        self.address_action.triggered.connect(self.copy_address)  # choosing it copies it too
        self.copy_action = self._action(self.tr("Copy address"), "trayCopyAddressAction")
        self.copy_action.triggered.connect(self.copy_address)
        self.start_stop_action = self._action(self.tr("Start sharing"), "trayStartStopAction")
        self.start_stop_action.triggered.connect(self.start_stop_requested)
        self.menu.addSeparator()
        self.open_action = self._action(self.tr("Open window"), "trayOpenWindowAction")
        self.open_action.triggered.connect(self.show_requested)
        self.menu.addSeparator()
        self.quit_action = self._action(self.tr("Quit"), "trayQuitAction")
        self.quit_action.triggered.connect(self.quit_requested)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        controller.state_changed.connect(self.set_state)
        controller.started.connect(self.set_urls)
        controller.reconfigured.connect(lambda urls, _what: self.set_urls(urls))  # new address
        controller.stopped.connect(self._on_stopped)
        self.set_state(controller.state)
        self.set_urls(controller.urls)
        self.icon.show()

    def _action(self, text: str, name: str) -> QAction:
        action = named(QAction(text, self.menu), name)
        self.menu.addAction(action)
        return action

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def set_state(self, state: ServerState) -> None:
        running = state is ServerState.RUNNING
        self.start_stop_action.setText(
            self.tr("Stop sharing") if running else self.tr("Start sharing"))
        self.start_stop_action.setEnabled(state in (ServerState.RUNNING, ServerState.STOPPED))

    def set_urls(self, urls: list[str]) -> None:
        self.address = tray_address(urls)
        self.address_action.setText(
            self.tr("Sharing at {address}").format(address=self.address) if self.address
            else self.tr(NOT_SHARING))
        self.address_action.setEnabled(self.address is not None)
        self.copy_action.setEnabled(self.address is not None)
        self.icon.setToolTip(
            self.tr("Pier — sharing at {address}").format(address=self.address) if self.address
            else self.tr("Pier — not sharing"))

    def _on_stopped(self) -> None:
        self.set_urls([])

    def copy_address(self) -> None:
        if self.address:
            QGuiApplication.clipboard().setText(self.address)

    def notify(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 5000)

    def hide(self) -> None:
        self.icon.hide()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_requested.emit()
