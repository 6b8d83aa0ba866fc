"""The red banner across the window while the shared folder is gone (issue 22 §3).

The engine watches the folder (server/health.py); ``ShareHealthFeed`` tells the GUI thread at
once. While the folder is gone the banner says so above everything else and the share panel's
status dot turns red; both go back by themselves when the same folder returns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from app.controller import ServerController, ServerState
from app.i18n import translate
from app.monitor_feed import ShareHealthFeed
from ui.share_panel import SharePanel
from ui.widget_names import named

BANNER_BACKGROUND = "#b71c1c"
BANNER_TEXT = "#ffffff"  # 6.6:1 on the background (WCAG AA asks for 4.5:1)
GONE_DOT = "#c62828"  # the status dot: the red of the Stop button
STYLE = f"""
QFrame#shareUnavailableBanner {{ background: {BANNER_BACKGROUND}; border: none; }}
QFrame#shareUnavailableBanner QLabel {{ color: {BANNER_TEXT}; background: transparent; }}
"""


def banner_text(folder: str) -> str:
    return translate("ShareBanner", "The shared folder is gone ({folder}): it was removed or "
                     "renamed, or its disk was unplugged. Visitors see “This share is "
                     "unavailable”. Sharing resumes by itself when the same folder is back."
                     ).format(folder=folder)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The WCAG relative luminance of "#rrggbb"."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class ShareBanner(QFrame):
    """Hidden while all is well; red, full width, while the running share's folder is gone."""

    def __init__(self, controller: ServerController, panel: SharePanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareUnavailableBanner")
        self.setAccessibleName(self.tr("The shared folder is unavailable"))
        self.setStyleSheet(STYLE)
        self._controller = controller
        self._panel = panel
        self._shown = False
        self.label = named(QLabel(wordWrap=True), "shareUnavailableText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is not markup
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.label, 1)
        self.feed: ShareHealthFeed = controller.share_control.health
        self.feed.changed.connect(self._sync)
        controller.state_changed.connect(self._on_state_changed)
        self.hide()

    @classmethod
    def install(cls, window: QMainWindow, controller: ServerController,
                panel: SharePanel) -> ShareBanner:
        """Put a banner above the window's central widget (now wrapped with it)."""
        central = window.takeCentralWidget()
        holder = named(QWidget(), "centralWithBanner")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner = cls(controller, panel, holder)
        layout.addWidget(banner)
        if central is not None:
            layout.addWidget(central, 1)
        window.setCentralWidget(holder)
        return banner

    def _on_state_changed(self, state: ServerState) -> None:
        if state is ServerState.RUNNING:
            self.feed.refresh()  # a new share starts with its folder there
        self._sync()

    def _sync(self, *_: object) -> None:
        controller = self._controller
        gone = controller.state is ServerState.RUNNING and not self.feed.available
        if gone:
            config = controller.config
            self.label.setText(banner_text(str(config.root) if config is not None else ""))
            self._panel.state_label.setText(
                f"<span style='color:{GONE_DOT}'>●</span> <b>{self.tr('Folder gone')}</b>")
        elif self._shown:
            self._panel.set_state(controller.state)  # the usual dot and words again
        self.setVisible(gone)
        self._shown = gone
