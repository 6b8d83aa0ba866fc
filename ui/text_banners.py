"""Texts in the window (issue 15, "Text and clipboard").

- ``ReceivedTextBanner``: a text a visitor sent from the page, its first lines and **Copy**
  (the whole text onto the clipboard); dismissable, replaced by the next text.
- ``SharedTextBar``: while sharing, what text the page shows to every reader, with
  **Share text…** and **Clear**; ``ShareTextDialog`` edits it (prefilled from the clipboard,
  which is what Ctrl+V in the window opens).

Every text is shown as plain text (a hostile text is not markup). They talk to the app service
``app.text_share.TextShare`` only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.controller import ServerController, ServerState
from app.i18n import translate
from app.text_share import TextShare
from server.errors import PierError
from server.text_board import SharedText, TextReceived
from ui.widget_names import named

PREVIEW_LINES = 4
PREVIEW_CHARS = 400
STYLE = """
QFrame#receivedTextBanner { background: palette(alternate-base); border: none;
  border-bottom: 1px solid palette(mid); }
QFrame#sharedTextBar { border: none; border-bottom: 1px solid palette(mid); }
"""


def preview(text: str, lines: int = PREVIEW_LINES, chars: int = PREVIEW_CHARS) -> str:
    """The first lines of ``text``, with "…" where some was left out."""
    kept = text.splitlines()[:lines]
    shown = "\n".join(kept)[:chars]
    return shown if shown == text.rstrip("\n") else shown + "…"


def sender(event: TextReceived) -> str:
    who = f"{event.user} ({event.client})" if event.user else event.client
    return translate("TextBanners", "Text from {who}, saved as {file}:").format(
        who=who, file=event.name)


class ReceivedTextBanner(QFrame):
    def __init__(self, texts: TextShare, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receivedTextBanner")
        self.setAccessibleName(self.tr("A text arrived"))
        self.text = ""  # the whole text of the last arrival
        self.title = named(QLabel(), "receivedTextTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = named(QLabel(wordWrap=True), "receivedTextLabel")
        self.body.setTextFormat(Qt.TextFormat.PlainText)  # a visitor's text is not markup
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = named(QPushButton(self.tr("Copy")), "copyReceivedTextButton")
        self.copy_button.setToolTip(self.tr("Put the whole text on the clipboard"))
        self.copy_button.setAccessibleName(self.tr("Copy the text that arrived"))
        self.copy_button.clicked.connect(self.copy)
        self.dismiss_button = named(QPushButton(self.tr("Dismiss")), "dismissReceivedTextButton")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the text that arrived"))
        self.dismiss_button.clicked.connect(self.hide)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addLayout(words, 1)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        texts.received.connect(self.show_text)
        self.hide()

    def show_text(self, event: TextReceived) -> None:
        self.text = event.text
        self.title.setText(sender(event))
        self.body.setText(preview(event.text))
        self.copy_button.setText(self.tr("Copy"))
        self.show()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy_button.setText(self.tr("Copied"))


class ShareTextDialog(QDialog):
    def __init__(self, texts: TextShare, initial: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareTextDialog")
        self.setWindowTitle(self.tr("Share text"))
        self._texts = texts
        hint = QLabel(self.tr("Everyone who may read the share sees this text on top of the page, "
                              "with a Copy button, until you clear it or sharing "
                              "stops."), wordWrap=True)
        self.edit = named(QPlainTextEdit(initial), "shareTextEdit")
        self.edit.setAccessibleName(self.tr("Text to share"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.share_button = named(
            buttons.addButton(self.tr("Share"), QDialogButtonBox.ButtonRole.AcceptRole),
            "shareTextConfirmButton")
        self.share_button.setAccessibleName(self.tr("Share this text"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def accept(self) -> None:
        try:
            self._texts.share(self.edit.toPlainText())
        except PierError as err:
            QMessageBox.warning(self, self.tr("Share text"), str(err))
            return
        super().accept()


class SharedTextBar(QFrame):
    """While sharing: the text on the page (or none), Share text… and Clear."""

    def __init__(self, texts: TextShare, controller: ServerController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharedTextBar")
        self._texts = texts
        self.dialog: ShareTextDialog | None = None
        self.label = named(QLabel(), "sharedTextLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.share_button = named(QPushButton(self.tr("Share text…")), "shareTextButton")
        self.share_button.setToolTip(
            self.tr("Show a text on the page, for everyone who may read it")
        )
        self.share_button.setAccessibleName(self.tr("Share text"))
        self.share_button.clicked.connect(lambda: self.open_dialog())
        self.clear_button = named(QPushButton(self.tr("Clear")), "clearSharedTextButton")
        self.clear_button.setAccessibleName(self.tr("Clear the shared text"))
        self.clear_button.clicked.connect(texts.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 4, 14, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.share_button)
        layout.addWidget(self.clear_button)
        texts.shared_changed.connect(self._sync)
        controller.state_changed.connect(self._on_state)
        self._on_state(controller.state)

    def _on_state(self, state: ServerState) -> None:
        self.setVisible(state is ServerState.RUNNING)
        self._sync(self._texts.shared)

    def _sync(self, shared: SharedText | None) -> None:
        first = shared.text.strip().splitlines()[0] if shared and shared.text.strip() else ""
        self.label.setText(self.tr("On the page: {text}").format(text=first[:80]) if shared else
                           self.tr("No text on the page. Share one for everyone who reads the "
                                   "share."))
        self.clear_button.setEnabled(shared is not None)

    def open_dialog(self, initial: str | None = None) -> ShareTextDialog:
        """Edit the shared text (else the clipboard's) in a window-modal dialog."""
        if initial is None:
            shared = self._texts.shared
            initial = shared.text if shared else QGuiApplication.clipboard().text()
        self.dialog = ShareTextDialog(self._texts, initial, self.window())
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.open()
        return self.dialog


class TextControls:
    """The banner, the bar and the Share menu's actions of one window."""

    def __init__(self, window: QMainWindow, texts: TextShare,
                 controller: ServerController) -> None:
        holder = window.centralWidget()  # ShareBanner.install made it a column
        assert holder is not None, "install after ShareBanner.install"
        layout = holder.layout()
        assert isinstance(layout, QVBoxLayout), "install after ShareBanner.install"
        holder.setStyleSheet(holder.styleSheet() + STYLE)
        self.banner = ReceivedTextBanner(texts, holder)
        self.bar = SharedTextBar(texts, controller, holder)
        layout.insertWidget(1, self.banner)
        layout.insertWidget(2, self.bar)
        self.share_action = named(
            QAction(translate("TextControls", "Share &text…"), window), "shareTextAction"
        )
        self.share_action.triggered.connect(lambda: self.bar.open_dialog())
        self.paste_action = named(
            QAction(translate("TextControls", "Share the clipboard's text"), window),
            "shareClipboardAction",
        )
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)  # fields keep their own
        self.paste_action.triggered.connect(self.paste)
        self.clear_action = named(
            QAction(translate("TextControls", "C&lear shared text"), window),
            "clearSharedTextAction",
        )
        self.clear_action.triggered.connect(texts.clear)
        self._texts = texts
        controller.state_changed.connect(self._enable)
        texts.shared_changed.connect(lambda _shared: self._enable(controller.state))
        self._enable(controller.state)

    def add_to(self, menu: QWidget) -> None:
        for action in (self.share_action, self.paste_action, self.clear_action):
            menu.addAction(action)

    def paste(self) -> ShareTextDialog | None:
        text = QGuiApplication.clipboard().text()
        if not text or not self.share_action.isEnabled():
            return None
        return self.bar.open_dialog(text)

    def _enable(self, state: ServerState) -> None:
        running = state is ServerState.RUNNING
        self.share_action.setEnabled(running)
        self.paste_action.setEnabled(running)
        self.clear_action.setEnabled(running and self._texts.shared is not None)
