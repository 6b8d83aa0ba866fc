"""The window's desktop integration: "Start Pier when I log in" and "Start hidden in the tray
and share the last folder" (Settings menu), and "Add to / Remove from applications menu" (Help
menu, Linux). They act through the app's Desktop service (app.desktop); the login record is the
truth, read when the window opens, so a desktop's own startup settings are respected."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.autostart import LoginStart
from app.controller import ServerController
from app.desktop import Desktop
from app.i18n import QT_TRANSLATE_NOOP
from app.settings import Settings
from ui import dialogs
from ui.widget_names import named

log = logging.getLogger(__name__)

# English, marked for the catalogues; shown through self.tr
ADD_TO_MENU = QT_TRANSLATE_NOOP("DesktopActions", "Add to applications &menu")
REMOVE_FROM_MENU = QT_TRANSLATE_NOOP("DesktopActions", "Remove from applications &menu")


def absolute_folder(text: str) -> str | None:
    text = text.strip()
    return str(Path(text).expanduser().absolute()) if text else None


class DesktopActions(QObject):
    changed = Signal()  # the login settings changed: the window saves its settings

    def __init__(self, desktop: Desktop, controller: ServerController,
                 folder: Callable[[], str], parent: QWidget) -> None:
        """``folder``: the folder the share panel shows (the last one shared or chosen)."""
        super().__init__(parent)
        self._desktop = desktop
        self._folder = folder
        self._parent = parent
        # "&Start": the Settings menu's "&Language" takes the L
        self.login_action = self._checkable(self.tr("&Start Pier when I log in"),
                                            "startAtLoginAction",
                                            self.tr("Start Pier in the background when you log "
                                                    "in"))
        self.hidden_action = self._checkable(
            self.tr("Start &hidden in the tray and share the last folder"), "startHiddenAction",
            self.tr("At login, Pier starts with its window hidden in the tray, sharing the folder "
                    "shared last"))
        self.login_action.toggled.connect(self._apply)
        self.hidden_action.toggled.connect(self._apply)
        self.menu_entry_action: QAction | None = None
        if desktop.has_menu_entry_support:
            self.menu_entry_action = named(QAction(self.tr(ADD_TO_MENU), self), "menuEntryAction")
            self.menu_entry_action.setMenuRole(QAction.MenuRole.NoRole)
            self.menu_entry_action.triggered.connect(self.change_menu_entry)
            self.refresh_menu_entry()
        controller.started.connect(self._follow_share)
        controller.reconfigured.connect(lambda urls, _what: self._follow_share(urls))  # folder

    def _checkable(self, text: str, name: str, tip: str) -> QAction:
        action = named(QAction(text, self), name)
        action.setCheckable(True)
        action.setStatusTip(tip)
        action.setMenuRole(QAction.MenuRole.NoRole)  # macOS: stays in the menu it was put in
        return action

    # ---- start at login ------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show what the login record says; "hidden" keeps the saved choice while login is
        off, so turning login on again brings it back."""
        real = self._desktop.login_start()
        self._show(real.enabled, real.hidden if real.enabled else settings.start_hidden)

    def _show(self, login: bool, hidden: bool) -> None:
        with QSignalBlocker(self.login_action), QSignalBlocker(self.hidden_action):
            self.login_action.setChecked(login)
            self.hidden_action.setChecked(hidden)
        self.hidden_action.setEnabled(login)  # the second needs the first

    def updated_settings(self, settings: Settings) -> Settings:
        return replace(settings, start_at_login=self.login_action.isChecked(),
                       start_hidden=self.hidden_action.isChecked())

    def wanted(self) -> LoginStart:
        return LoginStart(self.login_action.isChecked(), self.hidden_action.isChecked(),
                          absolute_folder(self._folder()))

    def _apply(self) -> None:
        wanted = self.wanted()
        try:
            self._desktop.set_login_start(wanted)
        except OSError as err:
            log.warning("could not change starting at login: %s", err)
            dialogs.show_error(self._parent, self.tr("Could not change starting at login"),
                               self.tr("Pier could not change {place}: {problem}").format(
                                   place=self._desktop.login_item.where, problem=err))
            real = self._desktop.login_start()
            self._show(real.enabled, real.hidden if real.enabled else wanted.hidden)
        else:
            self._show(wanted.enabled, wanted.hidden)
        self.changed.emit()

    def _follow_share(self, _urls: list[str]) -> None:
        """A share started: "share the last folder" now means this one."""
        wanted = self.wanted()
        if not (wanted.enabled and wanted.hidden) or \
                self._desktop.login_start().folder == wanted.folder:
            return
        try:
            self._desktop.set_login_start(wanted)
        except OSError as err:
            log.warning("could not update the folder started at login: %s", err)

    # ---- the applications menu -----------------------------------------------------------

    def refresh_menu_entry(self) -> None:
        """The item's text follows the entry (it may have been added by `pier
        --install-desktop-entry` meanwhile)."""
        if self.menu_entry_action is not None:
            installed = self._desktop.menu_entry_installed()
            self.menu_entry_action.setText(
                self.tr(REMOVE_FROM_MENU) if installed else self.tr(ADD_TO_MENU))

    def change_menu_entry(self) -> None:
        menu = self._desktop.menu_entry
        try:
            if self._desktop.menu_entry_installed():
                self._desktop.uninstall_menu_entry()
                dialogs.show_info(self._parent, self.tr("Removed from the applications menu"),
                                  self.tr("Pier's entry was removed ({entry}).").format(
                                      entry=menu.entry))
            else:
                path = self._desktop.install_menu_entry()
                dialogs.show_info(
                    self._parent, self.tr("Added to the applications menu"),
                    self.tr("Pier is in your applications menu now (under Internet or Network; "
                            "some desktops show it after a moment).\n\nThe entry is {entry}."
                            ).format(entry=path))
        except OSError as err:
            log.warning("could not change the applications-menu entry: %s", err)
            dialogs.show_error(self._parent, self.tr("Could not change the applications menu"),
                               self.tr("Pier could not write its entry under {folder}: "
                                       "{problem}").format(folder=menu.data_home, problem=err))
        self.refresh_menu_entry()
