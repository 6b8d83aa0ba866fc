"""The main window's menu bar: Share, Requests, Settings and Help.

One function builds it from the window's parts and slots, so the window module keeps to its
wiring. To add an item, add it in the menu's block below (``add_action`` gives it its
shortcuts); the Settings menu is where choices about Pier itself go (starting at login, the
language), as checkable actions or submenus. Texts are translated in the "MainWindow"
context, the one they had while the window class built them (docs/ARCHITECTURE.md
"Translations: the window")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.i18n import translate
from ui.language_menu import LanguageMenu

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class MainMenus:
    share: QMenu
    requests: QMenu
    settings: QMenu
    help: QMenu
    start_stop: QAction  # its text follows the share's state (MainWindow._on_state_changed)


def add_action(owner: QWidget, menu: QMenu, text: str, slot: Callable[..., Any],
               *keys: QKeySequence.StandardKey | str) -> QAction:
    """A menu item with every shortcut ``keys`` name (a standard key's bindings, or a key
    sequence), without repeats."""
    action = QAction(text, owner)
    shortcuts: list[QKeySequence] = []
    for key in keys:
        for seq in (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                    else [QKeySequence(key)]):
            if seq not in shortcuts:
                shortcuts.append(seq)
    action.setShortcuts(shortcuts)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_main_menus(window: MainWindow) -> MainMenus:
    bar = window.menuBar()
    share = bar.addMenu(translate("MainWindow", "&Share"))
    add_action(window, share, translate("MainWindow", "&Choose folder…"),
               window._choose_folder, QKeySequence.StandardKey.Open)
    start_stop = add_action(window, share, translate("MainWindow", "&Start sharing"),
                            window._on_start_stop_clicked, "Ctrl+Return")
    share.addSeparator()
    add_action(window, share, translate("MainWindow", "&Users and passwords…"),
               window.open_users_dialog, "Ctrl+U")
    add_action(window, share, translate("MainWindow", "HTTPS c&ertificate…"),
               window.open_certificate_dialog, "Ctrl+Shift+C")
    share.addAction(window.connect_drive.action)
    share.addSeparator()
    window.texts.add_to(share)
    share.addSeparator()
    add_action(window, share, translate("MainWindow", "&Quit"), window.quit_from_user,
               QKeySequence.StandardKey.Quit, "Ctrl+Q")

    requests = bar.addMenu(translate("MainWindow", "&Requests"))
    add_action(window, requests, translate("MainWindow", "&Filter…"), window._focus_log_filter,
               QKeySequence.StandardKey.Find, "Ctrl+F")
    add_action(window, requests, translate("MainWindow", "&Pause or resume"),
               window.log_panel.pause_button.toggle, "Ctrl+P")
    add_action(window, requests, translate("MainWindow", "C&lear"), window.clear_log, "Ctrl+L")
    add_action(window, requests, translate("MainWindow", "&Export visible rows…"),
               window.log_panel.export, QKeySequence.StandardKey.Save)

    settings = bar.addMenu(translate("MainWindow", "Se&ttings"))
    settings.setObjectName("settingsMenu")
    desktop = window.desktop_actions
    settings.addAction(desktop.login_action)
    settings.addAction(desktop.hidden_action)
    settings.addSeparator()
    settings.addMenu(LanguageMenu(window._settings.language, window.set_language, window))

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(window.doctor.action)
    if desktop.menu_entry_action is not None:  # Linux
        help_menu.addAction(desktop.menu_entry_action)
        help_menu.aboutToShow.connect(desktop.refresh_menu_entry)
        help_menu.addSeparator()
    add_action(window, help_menu, translate("MainWindow", "&About Pier"), window._about)

    for inner in bar.findChildren(QToolButton):
        inner.setAccessibleName(translate("MainWindow", "More menus"))
    return MainMenus(share, requests, settings, help_menu, start_stop)
