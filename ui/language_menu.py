"""Settings ▸ Language: the window's language, saved in the settings and used from the next
start.

Self-contained: the menu bar (ui/main_menu.py) gives it the saved language and a function that
saves a new one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from ui import dialogs
from ui.translations import LANGUAGE_NAMES


class LanguageMenu(QMenu):
    def __init__(self, current: str, choose: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self.setToolTipsVisible(True)
        self._current = current
        self._choose = choose
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        for code, name in LANGUAGE_NAMES:
            action = QAction(self.tr(name) if not code else name, self)
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            action.setToolTip(self.tr("Used from the next start of Pier"))
            self.group.addAction(action)
            self.addAction(action)
            if not code:
                self.addSeparator()
        self.group.triggered.connect(self._on_chosen)

    def _on_chosen(self, action: QAction) -> None:
        code = str(action.data())
        if code == self._current:
            return
        self._current = code
        self._choose(code)
        dialogs.show_info(self.parentWidget(), self.tr("Language"),
                          self.tr("Pier will use {language} the next time it starts.").format(
                              language=action.text()))
